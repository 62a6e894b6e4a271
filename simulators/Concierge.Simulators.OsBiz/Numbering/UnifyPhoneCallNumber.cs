namespace Concierge.Simulators.OsBiz.Numbering;

/// <summary>
/// The Unify Phone user call number the wizard generates (U 3.3.1, 3.3.3): with international numbering the route's
/// seizure code + 00 + country code + area code + PABX number + internal call number (855 + 0049 2302 667 + 2131 →
/// 855004923026672131), with internal numbering seizure code + call number. The trunk addresses the user by
/// <see cref="TrunkNumber"/> (+E.164, or the short number). An international number whose E.164 part exceeds 15 digits
/// does not fit: it is flagged invalid with the HowTo's hint as the reason.
/// </summary>
public sealed record UnifyPhoneCallNumber(string Dialled, string TrunkNumber, string? InvalidReason)
{
    /// <summary>Most digits of an E.164 number (ITU-T E.164: country code + national number).</summary>
    public const int E164MaxDigits = 15;

    /// <summary>The HowTo's hint for a number schema that breaks the E.164 length (U 3.3.3).</summary>
    public const string E164LengthHint =
        "the number does not fit into the E.164 format length restriction: update the Unify Phone route location number and the numbering schema by clicking [Validate Numbers]";

    /// <summary>True when the number fits the numbering schema.</summary>
    public bool IsValid => InvalidReason is null;

    /// <summary>The call number of internal call number <paramref name="callNumber"/>.</summary>
    public static UnifyPhoneCallNumber For(NumberingSchema schema, string seizureCode, LocationNumber location, string callNumber)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (callNumber.Length == 0 || !callNumber.All(char.IsAsciiDigit)) throw new FormatException($"call number \"{callNumber}\" must be digits");
        if (schema == NumberingSchema.Internal) return new UnifyPhoneCallNumber(seizureCode + callNumber, callNumber, null);
        var e164 = location.Digits + callNumber;
        return new UnifyPhoneCallNumber(seizureCode + "00" + e164, "+" + e164, e164.Length > E164MaxDigits ? E164LengthHint : null);
    }
}
