using Concierge.Csta.Numbers;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Csta.Tests.Numbers;

public sealed class NumberPlanPropertyTests
{
    private static readonly Gen<PabxRoutingData> Routings =
        from cc in Gen.Elements("1", "44", "49", "358")
        from area in Gen.Elements("", "89", "30", "6221")
        from trunk in Gen.Elements("", "7", "700", "12345")
        from maxExtension in Gen.Choose(1, 6)
        from publicCode in Gen.Elements("", "0", "9")
        from national in Gen.Elements("0", "1")
        from international in Gen.Elements("00", "011")
        from local in Gen.Elements("", "8")
        from vnr in Gen.Elements(false, true)
        select new PabxRoutingData(cc, area, trunk, maxExtension, new AccessCodes(publicCode, national, international, local), vnr) into routing
        where NumberPlan.TryCreate(routing, out _, out _)
        select routing;

    private static readonly Gen<string> DigitStrings =
        from prefix in Gen.Elements("", "0", "00", "000", "9", "90", "9011", "8", "+", "+49", "+4989")
        from length in Gen.Choose(0, 14)
        from digits in Gen.ArrayOf(Gen.Choose(0, 9), length)
        select prefix + string.Concat(digits);

    private static readonly Gen<string> InternationalNumbers =
        from lead in Gen.Elements("1", "44", "49", "4989", "49897", "49897001", "49300", "358")
        from length in Gen.Choose(0, 15 - 8)
        from digits in Gen.ArrayOf(Gen.Choose(0, 9), length)
        select lead + string.Concat(digits);

    [Fact]
    public void Every_accepted_string_is_written_back_identically_in_its_form()
    {
        Prop.ForAll(Routings.ToArbitrary(), DigitStrings.ToArbitrary(), (routing, text) =>
        {
            var plan = NumberPlan.Create(routing);
            if (!plan.TryParse(text, out var number, out var error)) return error.Length > 0;
            return plan.TryFormat(number.InternationalDigits, number.Form, out var written, out _) && written == text;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_written_form_reads_back_as_the_same_number_and_form()
    {
        Prop.ForAll(Routings.ToArbitrary(), InternationalNumbers.ToArbitrary(), Gen.Elements(Enum.GetValues<NumberForm>()).ToArbitrary(),
            (routing, digits, form) =>
            {
                var plan = NumberPlan.Create(routing);
                if (!plan.TryFormat(digits, form, out var text, out var error)) return error.Length > 0;
                return plan.TryParse(text, out var back, out _) && back == new ParsedNumber(form, digits);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Own_extensions_and_every_international_number_can_always_be_written()
    {
        Prop.ForAll(Routings.ToArbitrary(), Gen.Choose(1, 999_999).ToArbitrary(), (routing, extensionNumber) =>
        {
            var plan = NumberPlan.Create(routing);
            var extension = (extensionNumber % (int)Math.Pow(10, routing.MaxExtensionLength)).ToString();
            var own = routing.CountryCode + routing.AreaCode + routing.TrunkCode + extension;
            var clashesWithAccessCode = routing.AccessCodes.Public.Length > 0
                ? extension.StartsWith(routing.AccessCodes.Public, StringComparison.Ordinal)
                : extension.StartsWith(routing.AccessCodes.National, StringComparison.Ordinal)
                  || extension.StartsWith(routing.AccessCodes.International, StringComparison.Ordinal)
                  || (routing.AccessCodes.Local.Length > 0 && extension.StartsWith(routing.AccessCodes.Local, StringComparison.Ordinal));
            var extensionOk = clashesWithAccessCode || plan.TryFormat(own, NumberForm.Extension, out _, out _);
            var e164Ok = plan.TryFormat(own, NumberForm.E164, out var e164, out _) && e164 == "+" + own;
            var cstaOk = plan.TryFormatForCsta(own, out var csta, out _) && plan.TryParse(csta, out var back, out _) && back.InternationalDigits == own;
            return extensionOk && e164Ok && cstaOk;
        }).QuickCheckThrowOnFailure();
    }
}
