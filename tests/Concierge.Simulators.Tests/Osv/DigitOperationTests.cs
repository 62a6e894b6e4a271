using Concierge.Simulators.Osv.Configuration;
using Concierge.Simulators.Osv.Routing;
using Concierge.Simulators.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Simulators.Tests.Osv;

public sealed class DigitOperationTests
{
    private static readonly Arbitrary<string> Digits =
        Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Gen.Elements('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), n)).Select(a => new string(a)).ToArbitrary();

    [Fact]
    public void Delete_then_insert_at_zero_replaces_every_number_of_up_to_30_digits()
    {
        DigitOperation[] fallback = [new(0, 30, null), new(0, 0, "4950505805520")];
        Prop.ForAll(Digits, d => fallback.Aggregate(d, (x, op) => op.Apply(x)) == "4950505805520").QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Insert_keeps_the_digits_around_the_position()
    {
        Prop.ForAll(Digits, Gen.Choose(0, 35).ToArbitrary(), (d, at) =>
        {
            var result = new DigitOperation(at, 0, "99").Apply(d);
            var cut = Math.Min(at, d.Length);
            return result == d[..cut] + "99" + d[cut..];
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("+4950505803201", "DestinationTarget", "CPSQueues")]
    [InlineData("+4950505803299", "DestinationTarget", "CPSQueues")]
    [InlineData("+4950505803301", "DestinationTarget", "CPSintResc")]
    [InlineData("+4950505803300", "DestinationTarget", "CPSintResc")]
    [InlineData("+4950505805520", "HuntGroupTarget", "+4950505805520")]
    [InlineData("+4950505807001", "SubscriberTarget", "+4950505807001")]
    [InlineData("7001", "SubscriberTarget", "+4950505807001")]
    [InlineData("+493011100000", "DestinationTarget", "PSTN")]
    public void The_global_plan_routes_the_guides_numbers(string dialed, string kind, string where)
    {
        var router = new NumberRouter(OsvConfigReader.Require(OsvWorld.Load("osv-example")));
        var target = router.Route(router.Normalize(dialed, "BG_Concierge"));
        Assert.Equal(kind, target.GetType().Name);
        var name = target switch
        {
            DestinationTarget d => d.Destination.Name,
            HuntGroupTarget h => h.HuntGroup.Number,
            SubscriberTarget s => s.Subscriber.Number,
            _ => "",
        };
        Assert.Equal(where, name);
    }

    [Fact]
    public void Fallback_in_the_business_group_plan_reaches_the_hunt_group_for_every_pilot_and_personal_line()
    {
        var router = new NumberRouter(OsvConfigReader.Require(OsvWorld.Load("osv-example")));
        for (var n = 3201; n <= 3299; n++)
        {
            var target = router.RouteInBusinessGroup("495050580" + n, "BG_Concierge");
            Assert.Equal("+4950505805520", Assert.IsType<HuntGroupTarget>(target).HuntGroup.Number);
        }
        Assert.IsType<NoRoute>(router.RouteInBusinessGroup("4950505803301", "BG_Concierge"));
    }
}
