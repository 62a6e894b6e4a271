using Concierge.Csta.Numbers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Concierge.Csta.Tests.Numbers;

public sealed class OsvDeviceIdentifierPropertyTests
{
    private static readonly Gen<string> Numbers =
        from plus in Gen.Elements("", "", "+")
        from length in Gen.Choose(1, 20)
        from chars in Gen.ArrayOf(Gen.Elements("0123456789*#".ToCharArray()), length)
        select plus + new string(chars);

    private static readonly Gen<string?> Names =
        Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements<string?>("Line71001", "L1", "x-y_z", "Line@7.1", "ä"));

    private static readonly Gen<KeyValuePair<string, string>> Parameters =
        from key in Gen.Elements("noa", "displayNumber", "uid", "x-1", "Tag_2")
        from value in Gen.Elements("", "nk", "international", "7868772298", "a=b", "<x>", "ü€")
        select new KeyValuePair<string, string>(key, value);

    private static readonly Gen<OsvDeviceIdentifier> Identifiers =
        from number in Numbers
        from name in Names
        from parameters in Gen.ListOf(Parameters, 4)
        let unique = parameters.DistinctBy(p => p.Key.ToLowerInvariant()).ToList()
        select new OsvDeviceIdentifier(number, name, new ValueList<KeyValuePair<string, string>>(unique));

    private static readonly Gen<string> Noise =
        from length in Gen.Choose(0, 40)
        from chars in Gen.ArrayOf(Gen.Elements("N<>;=+0123456789abc \t*#é".ToCharArray()), length)
        select (length % 3 == 0 ? "N<" : "") + new string(chars);

    private static readonly Gen<PabxRoutingData> Routings =
        from cc in Gen.Elements("1", "44", "49", "358")
        from area in Gen.Elements("", "89", "30", "5050")
        from trunk in Gen.Elements("", "7", "580")
        from maxExtension in Gen.Choose(1, 5)
        from publicCode in Gen.Elements("", "0", "9")
        from national in Gen.Elements("0", "1")
        from international in Gen.Elements("00", "011")
        select new PabxRoutingData(cc, area, trunk, maxExtension, new AccessCodes(publicCode, national, international)) into routing
        where NumberPlan.TryCreate(routing, out _, out _)
        select routing;

    private static readonly Gen<string> InternationalDigits =
        from lead in Gen.Choose(1, 9)
        from length in Gen.Choose(0, 14)
        from digits in Gen.ArrayOf(Gen.Choose(0, 9), length)
        select lead + string.Concat(digits);

    [Property]
    public Property Every_identifier_is_written_and_read_back_unchanged() =>
        Prop.ForAll(Identifiers.ToArbitrary(), id =>
            id.Problem() is null
            && OsvDeviceIdentifier.TryParse(id.ToString(), out var back, out _)
            && back == id
            && back.ToString() == id.ToString())
            ;

    [Property]
    public Property Any_text_is_read_or_refused_with_a_reason_never_thrown() =>
        Prop.ForAll(Noise.ToArbitrary(), text =>
            OsvDeviceIdentifier.TryParse(text, out var id, out var error)
                ? id.Problem() is null && id.ToString() == text
                : error.Length > 0)
            ;

    [Property]
    public Property The_normaliser_returns_e164_or_its_input_and_never_throws() =>
        Prop.ForAll(Routings.ToArbitrary(), Noise.ToArbitrary(), (routing, text) =>
        {
            var normaliser = new DeviceNumberNormaliser(NumberPlan.Create(routing));
            var result = normaliser.Normalise(text);
            return result == text || (result.StartsWith('+') && result.Length > 1 && result.Skip(1).All(char.IsAsciiDigit));
        });

    /// <summary>
    /// A number written in any form the PABX has for it (international, national, subscriber, or as dialled with
    /// noa=nk) normalises to the same E.164 number.
    /// </summary>
    [Property]
    public Property Every_form_of_a_number_normalises_to_the_same_e164() =>
        Prop.ForAll(Routings.ToArbitrary(), InternationalDigits.ToArbitrary(), (routing, digits) =>
        {
            var plan = NumberPlan.Create(routing);
            var normaliser = new DeviceNumberNormaliser(plan);
            var expected = "+" + digits;
            var forms = new List<string> { $"N<{digits}>;noa=international", $"N<+{digits}>", "+" + digits };
            var cc = routing.CountryCode;
            if (digits.StartsWith(cc, StringComparison.Ordinal) && digits.Length > cc.Length && digits[cc.Length] != '0')
                forms.Add($"N<{digits[cc.Length..]}>;noa=national");
            var area = cc + routing.AreaCode;
            if (routing.AreaCode.Length > 0 && digits.StartsWith(area, StringComparison.Ordinal) && digits.Length > area.Length && digits[area.Length] != '0')
                forms.Add($"N<{digits[area.Length..]}>;noa=subscriber");
            foreach (var form in Enum.GetValues<NumberForm>())
            {
                if (form != NumberForm.E164 && plan.TryFormat(digits, form, out var dialled, out _)) forms.Add($"N<{dialled}>;noa=nk");
            }
            return forms.All(f => normaliser.Normalise(f) == expected).Label(string.Join(" ", forms.Select(f => $"{f}->{new DeviceNumberNormaliser(plan).Normalise(f)}")));
        });
}
