using System.Globalization;
using System.Net;

namespace Concierge.Sip.Transport;

/// <summary>Where a SIP message comes from or goes to: a transport and an address.</summary>
public sealed record SipEndPoint(SipTransportProtocol Protocol, IPEndPoint Address) : ISpanFormattable
{
    /// <summary>True for TCP and TLS: no retransmissions, zero-length wait timers.</summary>
    public bool IsReliable => Protocol != SipTransportProtocol.Udp;

    /// <summary>The Via transport token: UDP, TCP or TLS.</summary>
    public string ViaTransport => TransportToken(Protocol);

    /// <summary>A UDP end point.</summary>
    public static SipEndPoint Udp(IPAddress address, int port) => new(SipTransportProtocol.Udp, new IPEndPoint(address, port));

    /// <summary>A TCP end point.</summary>
    public static SipEndPoint Tcp(IPAddress address, int port) => new(SipTransportProtocol.Tcp, new IPEndPoint(address, port));

    /// <summary>The Via transport token of <paramref name="protocol"/>.</summary>
    public static string TransportToken(SipTransportProtocol protocol) => protocol switch
    {
        SipTransportProtocol.Tcp => "TCP",
        SipTransportProtocol.Tls => "TLS",
        _ => "UDP",
    };

    /// <summary>Reads a Via or URI transport token (case-insensitive); unknown tokens give false.</summary>
    public static bool TryParseTransport(string? token, out SipTransportProtocol protocol)
    {
        switch (token?.ToUpperInvariant())
        {
            case "UDP": protocol = SipTransportProtocol.Udp; return true;
            case "TCP": protocol = SipTransportProtocol.Tcp; return true;
            case "TLS": protocol = SipTransportProtocol.Tls; return true;
            default: protocol = SipTransportProtocol.Udp; return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ViaTransport}:{Address.Address}:{Address.Port}");

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{ViaTransport}:{Address.Address}:{Address.Port}", out charsWritten);
}
