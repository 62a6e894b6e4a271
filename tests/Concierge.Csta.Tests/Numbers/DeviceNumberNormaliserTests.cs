using Concierge.Csta.Numbers;

namespace Concierge.Csta.Tests.Numbers;

public sealed class DeviceNumberNormaliserTests
{
    // The configuration guide's example PABX: +49 5050 580-xxxx, outside line 0, national 0, international 00.
    internal static readonly PabxRoutingData GuideRouting = new("49", "5050", "580", 4, new AccessCodes("0", "0", "00"));

    private static DeviceNumberNormaliser WithPlan() => new(NumberPlan.Create(GuideRouting));

    [Theory]
    [InlineData("N<4950505807580>;noa=international", "+4950505807580")]
    [InlineData("N<4950505807580>Line7580;displayNumber=4950505807580;uid=17", "+4950505807580")]
    [InlineData("N<+4950505807580>", "+4950505807580")]
    [InlineData("N<50505807580>;noa=national", "+4950505807580")]
    [InlineData("N<5807580>;noa=subscriber", "+4950505807580")]
    [InlineData("N<7580>;noa=nk", "+4950505807580")]
    [InlineData("N<0003021061290002>;noa=unknown", "+3021061290002")]
    [InlineData("N<003021061290002>;noa=nk", "+493021061290002")]
    [InlineData("N<0030123456>", "+4930123456")]
    [InlineData("7580", "+4950505807580")]
    [InlineData("N<3021061290002>;noa=nk", "+493021061290002")]
    [InlineData("N<4950505803201>", "+4950505803201")]
    [InlineData("+4950505807580", "+4950505807580")]
    public void Normalises_every_osv_form_to_e164(string wire, string expected)
    {
        var normaliser = WithPlan();
        Assert.Equal(expected, normaliser.Normalise(wire));
        Assert.Equal(0, normaliser.NotNormalised);
    }

    [Theory]
    [InlineData("N<00>;noa=nk", "ends after the national access code")]
    [InlineData("N<0123>;noa=international", "starts with 0")]
    [InlineData("N<49505058075801234>;noa=international", "more than 15 digits")]
    [InlineData("N<12*3>;noa=international", "not a number of digits")]
    [InlineData("N<4950>;noa=oops;noa=x", "given twice")]
    public void Passes_on_what_it_cannot_normalise_and_counts_it(string wire, string reason)
    {
        var normaliser = WithPlan();
        Assert.Equal(wire, normaliser.Normalise(wire));
        Assert.Equal(1, normaliser.NotNormalised);
        Assert.Contains(reason, normaliser.LastProblem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CPS001")]
    [InlineData("")]
    [InlineData("queue-3")]
    public void Leaves_names_alone_without_counting(string wire)
    {
        var normaliser = WithPlan();
        Assert.Equal(wire, normaliser.Normalise(wire));
        Assert.Equal(0, normaliser.NotNormalised);
    }

    [Fact]
    public void Without_routing_data_only_international_numbers_are_normalised()
    {
        var normaliser = DeviceNumberNormaliser.InternationalOnly;
        Assert.Equal("+4950505807580", normaliser.Normalise("N<4950505807580>;noa=international"));
        Assert.Equal("N<7580>;noa=nk", normaliser.Normalise("N<7580>;noa=nk"));
        Assert.Contains("needs the PABX routing data", normaliser.LastProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_identifier_gives_the_same_number_and_is_counted_each_time()
    {
        var normaliser = WithPlan();
        for (var i = 0; i < 3; i++) Assert.Equal("+4950505807580", normaliser.Normalise("N<7580>;noa=nk"));
        Assert.Equal(3, normaliser.Normalised);
        for (var i = 0; i < DeviceNumberNormaliser.CacheSize + 10; i++) Assert.Equal($"+4930{i + 100000}", normaliser.Normalise($"N<4930{i + 100000}>;noa=international"));
        Assert.Equal("+4950505807580", normaliser.Normalise("N<7580>;noa=nk"));
        Assert.Equal(0, normaliser.NotNormalised);
    }
}
