using Concierge.Simulators.Os4000.Configuration;
using Concierge.Simulators.Os4000.Lcr;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Simulators.Tests.Os4000.Lcr;

public sealed class OutdialTests
{
    private static readonly OutdialCommand[] CpsRule =
        [new OutpulseCommand("495050580"), new EchoCommand(1), new EchoCommand(2), new NumberTypeCommand("isdn", "international"), new EndCommand()];

    [Fact]
    public void The_cps_rule_sends_the_pilot_as_an_international_number()
    {
        var result = Outdial.Apply(CpsRule, Outdial.Fields("9000"));
        Assert.Equal("4950505809000", result.Digits);
        Assert.True(result.IsInternational);
        Assert.Equal("+4950505809000", result.Number);
    }

    [Fact]
    public void The_reroute_rule_outpulses_the_hunt_group_and_ignores_the_dialed_digits()
    {
        var result = Outdial.Apply([new OutpulseCommand("5520"), new EndCommand()], Outdial.Fields("9200"));
        Assert.Equal("5520", result.Number);
        Assert.False(result.IsInternational);
    }

    [Fact]
    public void Commands_after_end_are_not_carried_out()
    {
        var result = Outdial.Apply([new OutpulseCommand("1"), new EndCommand(), new OutpulseCommand("2")], ["", ""]);
        Assert.Equal("1", result.Digits);
    }

    [Fact]
    public void Echoing_both_fields_gives_back_the_extension()
    {
        var extensions = Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), n))
            .Select(a => new string(a)).ToArbitrary();
        Prop.ForAll(extensions, e => Outdial.Apply([new EchoCommand(1), new EchoCommand(2)], Outdial.Fields(e)).Digits == e).QuickCheckThrowOnFailure();
    }
}
