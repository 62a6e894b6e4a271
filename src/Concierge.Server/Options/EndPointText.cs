using System.Globalization;
using System.Net;

namespace Concierge.Server.Options;

/// <summary>Reads an <c>ip:port</c> option value (IPv6 as <c>[::1]:port</c>).</summary>
public static class EndPointText
{
    /// <summary>The end point <paramref name="text"/> names; throws <see cref="OptionException"/> naming <paramref name="field"/> otherwise.</summary>
    public static IPEndPoint Parse(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new OptionException(field, text, "is not ip:port (empty)");
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) throw new OptionException(field, text, "is not ip:port");
        var host = text[..colon].Trim('[', ']');
        if (!IPAddress.TryParse(host, out var address)) throw new OptionException(field, text, $"is not ip:port (\"{host}\" is not an IP address)");
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
            throw new OptionException(field, text, $"is not ip:port (the port must be 0 to {IPEndPoint.MaxPort})");
        return new IPEndPoint(address, port);
    }
}
