namespace Concierge.Simulators.OsBiz.Numbering;

/// <summary>
/// A location number of OpenScape Business (gateway location, or the Unify Phone route's location number incoming,
/// U 3.2, 3.6.2): country code (mandatory for international numbering), local area code and PABX number, digits only.
/// </summary>
public sealed record LocationNumber(string CountryCode, string LocalAreaCode, string PabxNumber)
{
    /// <summary>The digits after the country code's international prefix: CC + area + PABX.</summary>
    public string Digits => CountryCode + LocalAreaCode + PabxNumber;

    /// <summary>What is wrong with the location number, or null: every part digits only, the country code 1–3 digits.</summary>
    public string? Problem()
    {
        if (CountryCode.Length is < 1 or > 3 || !CountryCode.All(char.IsAsciiDigit)) return $"country code '{CountryCode}' must be 1–3 digits (it is mandatory)";
        if (!LocalAreaCode.All(char.IsAsciiDigit) || LocalAreaCode.Length > 6) return $"local area code '{LocalAreaCode}' must be up to 6 digits";
        if (!PabxNumber.All(char.IsAsciiDigit) || PabxNumber.Length > 8) return $"PABX number '{PabxNumber}' must be up to 8 digits";
        return null;
    }

    /// <summary>The full E.164 number (with +) of extension <paramref name="extension"/> at this location.</summary>
    public string FullNumber(string extension) => "+" + Digits + extension;

    /// <inheritdoc />
    public override string ToString() => $"{CountryCode} / {LocalAreaCode} / {PabxNumber}";
}
