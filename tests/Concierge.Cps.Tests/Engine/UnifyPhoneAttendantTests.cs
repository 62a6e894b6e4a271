using Concierge.Cps.Attendants;

namespace Concierge.Cps.Tests.Engine;

public sealed class UnifyPhoneAttendantTests
{
    [Fact]
    public void An_ONS_without_a_registered_pair_logs_on_but_cannot_control_calls()
    {
        var cps = new CpsHarness("osv-unifyphone");
        cps.Engine.DeclareUnifyPhoneOns(CpsHarness.N("7584"));
        cps.Engine.DeclareUnifyPhoneOns(CpsHarness.N("7583"));

        Assert.True(cps.Engine.LogOn(CpsHarness.N("7584")).Succeeded);
        cps.Call("3201");

        Assert.Empty(cps.Legs.Dials); // never pushed a call
        var refused = cps.Engine.PickNext(CpsHarness.N("7584"));
        Assert.Contains("cannot dial, answer, clear, transfer or consult", refused.Error);
        Assert.False(cps.Engine.Attendant(CpsHarness.N("7584"))!.CanControlCalls);

        cps.LogOn("7583");
        Assert.Equal(CpsHarness.N("7583"), cps.Legs.Dials.Single().Target);
        Assert.Equal(AttendantState.Available, cps.Engine.Attendant(CpsHarness.N("7583"))!.State);
    }
}
