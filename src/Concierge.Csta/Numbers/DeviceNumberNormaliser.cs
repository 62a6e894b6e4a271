namespace Concierge.Csta.Numbers;

/// <summary>
/// Turns the device identifiers a switch sends into the E.164 spelling the CPS compares ("+4950505807580"): OSV
/// identifiers (<c>N&lt;digits&gt;…;noa=…</c>) by their nature of address, plain digit strings through the number
/// plan. What cannot be turned into an E.164 number is passed on unchanged (nothing is lost) and counted. Without a
/// number plan only numbers that are already international (noa=international, or '+') can be normalised.
/// </summary>
public sealed class DeviceNumberNormaliser(NumberPlan? plan)
{
    /// <summary>Most identifiers whose E.164 spelling is remembered (a switch repeats the same few on every event).</summary>
    public const int CacheSize = 4_096;

    private readonly Dictionary<string, string> _known = new(StringComparer.Ordinal);

    /// <summary>A normaliser without routing data: international numbers only.</summary>
    public static DeviceNumberNormaliser InternationalOnly => new(null);

    /// <summary>The number plan used for national, subscriber and unknown numbers, if any.</summary>
    public NumberPlan? Plan { get; } = plan;

    /// <summary>Identifiers changed into E.164.</summary>
    public long Normalised { get; private set; }

    /// <summary>Identifiers that looked like numbers but could not be normalised, passed on unchanged.</summary>
    public long NotNormalised { get; private set; }

    /// <summary>Why the last identifier was not normalised.</summary>
    public string? LastProblem { get; private set; }

    /// <summary>
    /// The E.164 spelling of <paramref name="wire"/>, or <paramref name="wire"/> itself when it is already one, is no
    /// number at all (a name, empty) or cannot be normalised (then counted).
    /// </summary>
    public string Normalise(string wire)
    {
        if (_known.TryGetValue(wire, out var known))
        {
            Normalised++;
            return known;
        }
        if (TryNormalise(wire, out var e164, out var problem))
        {
            if (!string.Equals(e164, wire, StringComparison.Ordinal))
            {
                Normalised++;
                if (_known.Count >= CacheSize) _known.Clear();
                _known[wire] = e164;
            }
            return e164;
        }
        if (problem is not null)
        {
            NotNormalised++;
            LastProblem = problem;
        }
        return wire;
    }

    /// <summary>
    /// Reads <paramref name="wire"/> into "+digits". False with a problem when it is a number that does not fit; false
    /// without one when it is no number (left alone).
    /// </summary>
    public bool TryNormalise(string? wire, out string e164, out string? problem)
    {
        e164 = wire ?? "";
        problem = null;
        if (string.IsNullOrEmpty(wire)) return false;
        if (OsvDeviceIdentifier.LooksLikeOne(wire))
        {
            if (!OsvDeviceIdentifier.TryParse(wire, out var identifier, out var error))
            {
                problem = error;
                return false;
            }
            return TryNumber(identifier.Number, identifier.NatureOfAddress, out e164, out problem);
        }
        if (!IsPlainNumber(wire)) return false;
        return TryNumber(wire, NatureOfAddress.Unknown, out e164, out problem);
    }

    /// <summary>"+digits" for <paramref name="number"/> read with <paramref name="noa"/>.</summary>
    public bool TryNumber(string number, NatureOfAddress noa, out string e164, out string? problem)
    {
        e164 = number;
        problem = null;
        if (number.StartsWith('+'))
        {
            return International(number[1..], number, out e164, out problem);
        }
        if (!IsDigits(number))
        {
            problem = $"'{number}' is not a number of digits";
            return false;
        }
        switch (noa)
        {
            case NatureOfAddress.International:
                return International(number, number, out e164, out problem);
            case NatureOfAddress.National:
                if (Plan is null) return NoPlan(number, "national", out problem);
                if (number[0] == '0') return Bad($"national number '{number}' starts with 0", out problem);
                return International(Plan.Routing.CountryCode + number, number, out e164, out problem);
            case NatureOfAddress.Subscriber:
                if (Plan is null) return NoPlan(number, "subscriber", out problem);
                if (Plan.Routing.AreaCode.Length == 0) return Bad($"subscriber number '{number}' but no area code is configured", out problem);
                if (number[0] == '0') return Bad($"subscriber number '{number}' starts with 0", out problem);
                return International(Plan.Routing.CountryCode + Plan.Routing.AreaCode + number, number, out e164, out problem);
            default:
                if (Plan is null) return NoPlan(number, "unknown", out problem);
                if (Plan.TryParse(number, out var parsed, out var error))
                {
                    e164 = parsed.E164;
                    return true;
                }
                return NotDialled(number, error, out e164, out problem);
        }
    }

    /// <summary>
    /// A number of unknown nature that is no dial string of this PABX but longer than its extensions: an OSV home DN
    /// written without '+' (starting with the own country code: international) or a national number without the
    /// national prefix (otherwise).
    /// </summary>
    private bool NotDialled(string number, string dialError, out string e164, out string? problem)
    {
        e164 = number;
        var routing = Plan!.Routing;
        if (number.Length <= routing.MaxExtensionLength || number[0] == '0') return Bad(dialError, out problem);
        var digits = number.StartsWith(routing.CountryCode, StringComparison.Ordinal) ? number : routing.CountryCode + number;
        if (International(digits, number, out e164, out problem)) return true;
        return Bad($"{dialError}; read as a full number: {problem}", out problem);
    }

    private static bool International(string digits, string original, out string e164, out string? problem)
    {
        e164 = original;
        if (!IsDigits(digits)) return Bad($"'{original}' is not an international number", out problem);
        if (digits[0] == '0') return Bad($"international number '{original}' starts with 0", out problem);
        if (digits.Length > NumberPlan.MaxInternationalDigits) return Bad($"'{original}' has more than {NumberPlan.MaxInternationalDigits} digits", out problem);
        e164 = "+" + digits;
        problem = null;
        return true;
    }

    private static bool NoPlan(string number, string noa, out string? problem) =>
        Bad($"{noa} number '{number}' needs the PABX routing data, and none is configured", out problem);

    private static bool Bad(string reason, out string? problem)
    {
        problem = reason;
        return false;
    }

    private static bool IsPlainNumber(string text)
    {
        var digits = text.StartsWith('+') ? text.AsSpan(1) : text.AsSpan();
        if (digits.IsEmpty) return false;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return false;
        }
        return true;
    }

    private static bool IsDigits(string text)
    {
        if (text.Length == 0) return false;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
        }
        return true;
    }
}
