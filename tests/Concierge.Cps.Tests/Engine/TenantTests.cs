using Concierge.Cps.Calls;

namespace Concierge.Cps.Tests.Engine;

/// <summary>Two tenants on one CPS (osv-two-tenants): each call takes its tenant's settings; attendants see and handle their own tenant's calls only.</summary>
public sealed class TenantTests
{
    [Fact]
    public void An_attendant_of_another_tenant_can_neither_see_nor_pick_a_call_and_nothing_changes()
    {
        var cps = new CpsHarness("osv-two-tenants");
        cps.LogOn("7580", "7583");
        cps.Call("3210", "+493011100001");
        var munich = cps.CallFrom("+493011100001");
        Assert.Equal("MUENCHEN", munich.Record.Tenant);
        Assert.Equal(CallPhase.Queued, munich.Phase); // pick only: not pushed to 7583, and never to 7580

        var refused = cps.Engine.Pick(CpsHarness.N("7580"), munich);
        Assert.False(refused.Succeeded);
        Assert.Contains("tenant MUENCHEN", refused.Error);
        Assert.Equal(CallPhase.Queued, munich.Phase);
        Assert.DoesNotContain(munich, cps.Engine.CallsVisibleTo(CpsHarness.N("7580")));
        Assert.Contains(munich, cps.Engine.CallsVisibleTo(CpsHarness.N("7583")));

        Assert.True(cps.Engine.Pick(CpsHarness.N("7583"), munich).Succeeded);
        Assert.Equal(CallPhase.Offered, munich.Phase);
        cps.Check();
    }

    [Fact]
    public void A_personal_line_call_takes_its_owners_tenant_and_routing_type()
    {
        var cps = new CpsHarness("osv-two-tenants");
        cps.LogOn("7583");
        cps.Call("3223", "+493011100002");
        var call = cps.CallFrom("+493011100002");
        Assert.Equal("MUENCHEN", call.Record.Tenant);
        Assert.Equal(CallType.PersonalLine, call.Type);
        Assert.Equal(CallPhase.Queued, call.Phase); // MUENCHEN picks: the personal queue is not pushed either
        Assert.Equal(Legs.MediaKind.Music, call.CallerHears.Kind);
        Assert.Equal("MUENCHEN-DefaultMoH", call.CallerHears.Name);
    }

    [Fact]
    public void A_default_call_is_pushed_to_a_default_attendant_and_not_to_the_other_tenants()
    {
        var cps = new CpsHarness("osv-two-tenants");
        cps.LogOn("7583");
        cps.Call("3201", "+493011100003");
        Assert.Equal(CallPhase.Queued, cps.CallFrom("+493011100003").Phase);
        cps.LogOn("7581");
        Assert.Equal(CallPhase.Offered, cps.CallFrom("+493011100003").Phase);
        Assert.Equal(CpsHarness.N("7581"), cps.CallFrom("+493011100003").AttendantDevice);
    }
}
