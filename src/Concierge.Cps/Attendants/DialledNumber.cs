using Concierge.Config.Numbers;
using Concierge.Csta.Numbers;

namespace Concierge.Cps.Attendants;

/// <summary>
/// A number as an attendant types it for a transfer or a page: "+" and the international number, or digits as dialled
/// on the PABX — an extension, or the public access code with a local, national or international number (C 6.2.3.2).
/// Spaces and the separators - / . ( ) are ignored. Digits are read with the PABX routing data of the configuration;
/// without routing data they are taken as the international number.
/// </summary>
public static class DialledNumber
{
    /// <summary>Most characters a typed number may have, separators included.</summary>
    public const int MaxTypedLength = 40;

    /// <summary>Reads <paramref name="typed"/> into the E.164 number it dials, or says why it cannot be read.</summary>
    public static bool TryRead(string? typed, PabxRoutingData? routing, out E164Number number, out string reason)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(typed)) return Fail("is empty", out reason);
        if (typed.Length > MaxTypedLength) return Fail($"has more than {MaxTypedLength} characters", out reason);
        var text = string.Concat(typed.Where(c => !IsSeparator(c)));
        if (text.Length == 0) return Fail("has no digits", out reason);
        if (text[0] != '+' && routing is null) text = "+" + text;
        if (text[0] == '+')
        {
            if (E164Number.Reject(text) is { } rejected) return Fail(rejected, out reason);
            number = E164Number.Parse(text);
            reason = "";
            return true;
        }
        if (!NumberPlan.TryCreate(routing!, out var plan, out var planError)) return Fail("cannot be read: the PABX routing data is invalid (" + planError + ")", out reason);
        if (!plan.TryParse(text, out var parsed, out var error)) return Fail("is not a number on this PABX: " + error, out reason);
        if (E164Number.Reject(parsed.E164) is { } bad) return Fail(bad, out reason);
        number = E164Number.Parse(parsed.E164);
        reason = "";
        return true;
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '-' or '/' or '.' or '(' or ')';

    private static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }
}
