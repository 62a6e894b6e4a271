using Concierge.Config.Numbers;

namespace Concierge.Server.Http;

/// <summary>Reads a device or target number from the API: E.164 with '+' (digits only are taken as E.164 too).</summary>
public static class Numbers
{
    /// <summary>The number <paramref name="text"/> names; a <see cref="BadInputException"/> naming <paramref name="field"/> otherwise.</summary>
    public static E164Number Parse(string field, string? text)
    {
        var candidate = text is { Length: > 0 } && char.IsAsciiDigit(text[0]) ? "+" + text : text;
        if (E164Number.Reject(candidate) is { } reason) throw new BadInputException(field, text, reason);
        return E164Number.Parse(candidate!);
    }
}
