namespace Concierge.Csta.Numbers;

/// <summary>
/// Number normalisation for one PABX connection: reads a number in any form (extension, local, national,
/// international, E.164) into its full international digits and writes such digits back in any form. Digits that fit
/// no form are refused with a reason. The plan is immutable and does no I/O.
/// </summary>
public sealed class NumberPlan
{
    /// <summary>Longest international number (ITU-T E.164).</summary>
    public const int MaxInternationalDigits = 15;

    private readonly string _ownPrefix;
    private readonly string _areaPrefix;

    private NumberPlan(PabxRoutingData routing)
    {
        Routing = routing;
        _areaPrefix = routing.CountryCode + routing.AreaCode;
        _ownPrefix = _areaPrefix + routing.TrunkCode;
    }

    /// <summary>The routing data this plan was built from.</summary>
    public PabxRoutingData Routing { get; }

    /// <summary>Builds a plan, or says what is wrong with the routing data.</summary>
    public static bool TryCreate(PabxRoutingData routing, out NumberPlan plan, out string error)
    {
        ArgumentNullException.ThrowIfNull(routing);
        plan = null!;
        error = Validate(routing) ?? "";
        if (error.Length > 0) return false;
        plan = new NumberPlan(routing);
        return true;
    }

    /// <summary>Builds a plan from routing data known to be valid (throws otherwise; for configuration and tests).</summary>
    public static NumberPlan Create(PabxRoutingData routing) =>
        TryCreate(routing, out var plan, out var error) ? plan : throw new ArgumentException(error, nameof(routing));

    /// <summary>Reads <paramref name="text"/> (digits, or "+" and digits) in whichever form it is written.</summary>
    public bool TryParse(string? text, out ParsedNumber number, out string error)
    {
        number = default;
        error = "";
        if (string.IsNullOrEmpty(text)) return Fail("empty number", out error);
        if (text[0] == '+')
        {
            var digits = text[1..];
            if (digits.Length > 0 && !IsDigits(digits)) return Fail($"'{text}' has characters other than digits after '+'", out error);
            if (CheckInternational(digits) is { } bad) return Fail($"'{text}': {bad}", out error);
            number = new ParsedNumber(NumberForm.E164, digits);
            return true;
        }
        if (!IsDigits(text)) return Fail($"'{text}' has characters other than digits", out error);

        var codes = Routing.AccessCodes;
        if (codes.Public.Length > 0)
        {
            if (!text.StartsWith(codes.Public, StringComparison.Ordinal)) return ParseExtension(text, out number, out error);
            return ParseExternal(text, text[codes.Public.Length..], out number, out error);
        }
        if (StartsWithNonEmpty(text, codes.International) || StartsWithNonEmpty(text, codes.National) ||
            (codes.Local.Length > 0 && text.StartsWith(codes.Local, StringComparison.Ordinal)))
        {
            return ParseExternal(text, text, out number, out error);
        }
        return ParseExtension(text, out number, out error);
    }

    /// <summary>Writes full international digits (or "+digits") in <paramref name="form"/>, if the number has that form here.</summary>
    public bool TryFormat(string internationalDigits, NumberForm form, out string text, out string error)
    {
        text = "";
        var digits = internationalDigits.StartsWith('+') ? internationalDigits[1..] : internationalDigits;
        if (!IsDigits(digits) || CheckInternational(digits) is not null)
        {
            return Fail($"'{internationalDigits}' is not an international number: {CheckInternational(digits) ?? "characters other than digits"}", out error);
        }
        var codes = Routing.AccessCodes;
        string candidate;
        switch (form)
        {
            case NumberForm.E164:
                candidate = "+" + digits;
                break;
            case NumberForm.International:
                if (codes.International.Length == 0) return Fail("no international access code configured", out error);
                candidate = codes.Public + codes.International + digits;
                break;
            case NumberForm.National:
                if (!digits.StartsWith(Routing.CountryCode, StringComparison.Ordinal) || digits.Length == Routing.CountryCode.Length)
                    return Fail($"+{digits} is not in country {Routing.CountryCode}", out error);
                if (codes.National.Length == 0) return Fail("no national access code configured", out error);
                candidate = codes.Public + codes.National + digits[Routing.CountryCode.Length..];
                break;
            case NumberForm.Local:
                if (Routing.AreaCode.Length == 0) return Fail("no area code configured, so there is no local form", out error);
                if (!digits.StartsWith(_areaPrefix, StringComparison.Ordinal) || digits.Length == _areaPrefix.Length)
                    return Fail($"+{digits} is not in area {Routing.CountryCode} {Routing.AreaCode}", out error);
                candidate = codes.Public + codes.Local + digits[_areaPrefix.Length..];
                break;
            case NumberForm.Extension:
                if (!digits.StartsWith(_ownPrefix, StringComparison.Ordinal))
                    return Fail($"+{digits} is not behind this PABX's trunk +{_ownPrefix}", out error);
                candidate = digits[_ownPrefix.Length..];
                if (candidate.Length == 0 || candidate.Length > Routing.MaxExtensionLength)
                    return Fail($"+{digits} leaves extension '{candidate}', not 1 to {Routing.MaxExtensionLength} digits", out error);
                break;
            default:
                return Fail($"unknown form {form}", out error);
        }
        // A written form is only usable when it reads back as the same number in the same form.
        if (!TryParse(candidate, out var back, out var parseError))
            return Fail($"+{digits} written as {form} '{candidate}' does not read back: {parseError}", out error);
        if (back.Form != form || back.InternationalDigits != digits)
            return Fail($"+{digits} written as {form} '{candidate}' would be read as {back.Form} {back.E164}", out error);
        text = candidate;
        error = "";
        return true;
    }

    /// <summary>The form a person would dial: the extension when the number is behind this PABX, else national or international.</summary>
    public bool TryFormatDialString(string internationalDigits, out string text, out string error) =>
        TryFormat(internationalDigits, NumberForm.Extension, out text, out error)
        || TryFormat(internationalDigits, NumberForm.National, out text, out error)
        || TryFormat(internationalDigits, NumberForm.International, out text, out error);

    /// <summary>
    /// The spelling used on this connection's CSTA link: E.164 for every number when the PABX runs VNR, otherwise the
    /// dial string.
    /// </summary>
    public bool TryFormatForCsta(string internationalDigits, out string text, out string error) =>
        Routing.UseVnr
            ? TryFormat(internationalDigits, NumberForm.E164, out text, out error)
            : TryFormatDialString(internationalDigits, out text, out error);

    private bool ParseExtension(string text, out ParsedNumber number, out string error)
    {
        number = default;
        if (text.Length > Routing.MaxExtensionLength)
            return Fail($"'{text}' has {text.Length} digits, more than the longest extension ({Routing.MaxExtensionLength}), and no access code", out error);
        var digits = _ownPrefix + text;
        if (CheckInternational(digits) is { } bad) return Fail($"extension '{text}': {bad}", out error);
        number = new ParsedNumber(NumberForm.Extension, digits);
        error = "";
        return true;
    }

    private bool ParseExternal(string text, string afterPublic, out ParsedNumber number, out string error)
    {
        number = default;
        var codes = Routing.AccessCodes;
        NumberForm form;
        string digits;
        if (StartsWithNonEmpty(afterPublic, codes.International))
        {
            form = NumberForm.International;
            digits = afterPublic[codes.International.Length..];
        }
        else if (StartsWithNonEmpty(afterPublic, codes.National))
        {
            form = NumberForm.National;
            var nationalNumber = afterPublic[codes.National.Length..];
            if (nationalNumber.Length == 0) return Fail($"'{text}' ends after the national access code", out error);
            if (nationalNumber[0] == '0') return Fail($"'{text}': a national number cannot start with 0", out error);
            digits = Routing.CountryCode + nationalNumber;
        }
        else if (Routing.AreaCode.Length > 0 && (codes.Local.Length == 0 || afterPublic.StartsWith(codes.Local, StringComparison.Ordinal)))
        {
            form = NumberForm.Local;
            var subscriber = afterPublic[codes.Local.Length..];
            if (subscriber.Length == 0) return Fail($"'{text}' ends after the access code", out error);
            if (subscriber[0] == '0') return Fail($"'{text}': a local number cannot start with 0", out error);
            digits = _areaPrefix + subscriber;
        }
        else
        {
            return Fail($"'{text}' fits no form: after the access code comes neither the national ({codes.National}), international ({codes.International}) nor local code", out error);
        }
        if (CheckInternational(digits) is { } bad) return Fail($"'{text}' as {form}: {bad}", out error);
        number = new ParsedNumber(form, digits);
        error = "";
        return true;
    }

    private static string? CheckInternational(string digits)
    {
        if (digits.Length == 0) return "no digits";
        if (digits[0] == '0') return "an international number cannot start with 0";
        if (digits.Length > MaxInternationalDigits) return $"{digits.Length} digits, more than the {MaxInternationalDigits} of E.164";
        return null;
    }

    private static string? Validate(PabxRoutingData r)
    {
        if (r.CountryCode.Length is < 1 or > 3 || !IsDigits(r.CountryCode) || r.CountryCode[0] == '0') return $"country code '{r.CountryCode}' must be 1-3 digits without leading zero";
        if (!IsDigits(r.AreaCode, allowEmpty: true) || r.AreaCode.StartsWith('0')) return $"area code '{r.AreaCode}' must be digits without leading zero";
        if (!IsDigits(r.TrunkCode, allowEmpty: true) || r.TrunkCode.StartsWith('0')) return $"trunk code '{r.TrunkCode}' must be digits without leading zero";
        if (r.MaxExtensionLength is < 1 or > 12) return $"maximum extension length {r.MaxExtensionLength} must be 1-12";
        var c = r.AccessCodes;
        foreach (var (name, code) in new[] { ("public", c.Public), ("national", c.National), ("international", c.International), ("local", c.Local) })
        {
            if (!IsDigits(code, allowEmpty: true) || code.Length > 4) return $"{name} access code '{code}' must be up to 4 digits";
        }
        if (c.National.Length > 0 && c.International.Length > 0 && c.National == c.International) return "national and international access codes must differ";
        if (r.CountryCode.Length + r.AreaCode.Length + r.TrunkCode.Length + r.MaxExtensionLength > MaxInternationalDigits)
            return $"country, area and trunk code with {r.MaxExtensionLength}-digit extensions exceed the {MaxInternationalDigits} digits of E.164";
        return null;
    }

    private static bool StartsWithNonEmpty(string text, string prefix) => prefix.Length > 0 && text.StartsWith(prefix, StringComparison.Ordinal);

    private static bool IsDigits(string text, bool allowEmpty = false)
    {
        if (text.Length == 0) return allowEmpty;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
        }
        return true;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
