using Concierge.Cps.Attendants;

namespace Concierge.Cps.Tests.Engine;

public sealed class UnifyPhoneAttendantTests
{
    [Fact]
    public void An_ONS_without_a_registered_pair_logs_on_but_cannot_control_calls()
    {
        var cps = new CpsHarness("osv-unifyphone");
        cps.Engine.DeclareUnifyPhoneOns(CpsHarness.N("7584"), CpsHarness.N("7684"));
        cps.Engine.DeclareUnifyPhoneOns(CpsHarness.N("7583"), CpsHarness.N("7683"));

        Assert.True(cps.Engine.LogOn(CpsHarness.N("7584")).Succeeded);
        cps.Call("3201");

        Assert.Empty(cps.Legs.Dials); // never pushed a call
        var refused = cps.Engine.PickNext(CpsHarness.N("7584"));
        Assert.Contains("cannot dial, answer, clear, transfer or consult", refused.Error);
        Assert.Contains("cannot dial, answer, clear, transfer or consult", cps.Engine.Answer(CpsHarness.N("7584")).Error);
        Assert.Empty(cps.Pbx.Answers);
        Assert.False(cps.Engine.Attendant(CpsHarness.N("7584"))!.CanControlCalls);
        Assert.Equal(CpsHarness.N("7684"), cps.Engine.Attendant(CpsHarness.N("7584"))!.UnifyPhoneOnd);

        cps.LogOn("7583");
        Assert.Equal(CpsHarness.N("7583"), cps.Legs.Dials.Single().Target);
        Assert.Equal(AttendantState.Available, cps.Engine.Attendant(CpsHarness.N("7583"))!.State);
    }

    [Fact]
    public void A_registered_ONS_whose_PBX_names_another_OND_is_not_the_registered_pair()
    {
        var cps = new CpsHarness("osv-unifyphone");
        cps.Engine.DeclareUnifyPhoneOns(CpsHarness.N("7583"), CpsHarness.N("7699"));

        Assert.False(cps.Engine.Attendant(CpsHarness.N("7583"))!.CanControlCalls);
        cps.LogOn("7583");
        cps.Call("3201");
        Assert.Empty(cps.Legs.Dials);
    }

    [Fact]
    public void A_device_no_longer_reported_as_ONS_is_an_ordinary_attendant_device_again()
    {
        var cps = new CpsHarness("osv-unifyphone");
        cps.Engine.DeclareUnifyPhoneOns(CpsHarness.N("7584"), CpsHarness.N("7684"));
        cps.Engine.WithdrawUnifyPhoneOns(CpsHarness.N("7584"));

        var attendant = cps.Engine.Attendant(CpsHarness.N("7584"))!;
        Assert.True(attendant.CanControlCalls);
        Assert.Null(attendant.UnifyPhoneOnd);
        cps.LogOn("7584");
        cps.Call("3201");
        Assert.Equal(CpsHarness.N("7584"), cps.Legs.Dials.Single().Target);
    }

    [Fact]
    public void Devices_that_are_not_attendants_are_ignored()
    {
        var cps = new CpsHarness("osv-unifyphone");
        cps.Engine.DeclareUnifyPhoneOns(CpsHarness.N("7683"), CpsHarness.N("7583"));
        cps.Engine.WithdrawUnifyPhoneOns(CpsHarness.N("7683"));
        Assert.Null(cps.Engine.Attendant(CpsHarness.N("7683")));
        Assert.All(cps.Engine.Attendants, a => Assert.True(a.CanControlCalls));
    }
}
