using Concierge.Simulators.OsBiz.Calls;
using Concierge.Simulators.Tests.Support;
using Concierge.Simulators.UnifyPhone.Connector;

namespace Concierge.Simulators.Tests.OsBiz.Connector;

public class ConnectorTrunkTests
{
    [Fact]
    public void The_wizard_gives_the_system_its_own_trunk_registered_over_tls_every_600_seconds()
    {
        var site = new OsBizSite();
        Assert.True(site.Booted);
        Assert.Equal("gtc-001", site.Osbiz.TrunkName);
        Assert.True(site.Site.Connector.IsRegistered("gtc-001"));
        Assert.True(site.Site.Connector.IsAvailable);
        Assert.Equal("registered", site.Osbiz.Trunk.ItspStatus);
        Assert.Equal(TimeSpan.FromSeconds(600), site.Osbiz.Trunk.ReregistrationInterval);
        Assert.Equal(Concierge.Sip.Transport.SipTransportProtocol.Tls, site.Site.Connector.Registrar.Current("gtc-001")!.Source.Protocol);
        site.Loop.RunFor(TimeSpan.FromMinutes(25));
        Assert.True(site.Osbiz.Trunk.Registrations >= 3);
        Assert.True(site.Site.Connector.IsRegistered("gtc-001"));
    }

    [Fact]
    public void Regenerating_the_key_cuts_off_the_system_on_the_old_key()
    {
        var site = new OsBizSite();
        Assert.Null(site.Osbiz.RestProblem);
        site.Site.Tenant.RegenerateApiKey();
        Assert.Equal("API key invalid or regenerated", site.Osbiz.RestProblem);
        Assert.False(site.Site.Connector.IsRegistered("gtc-001"));
        site.Loop.RunFor(TimeSpan.FromMinutes(11));
        Assert.Equal("not registered", site.Osbiz.Trunk.ItspStatus);
        Assert.Equal(401, site.Osbiz.Trunk.LastFailureStatus);
        // the administrator pastes the new key and runs the wizard again
        Assert.Null(site.Osbiz.RunConnectivityWizard(site.Site.Tenant.ApiKey));
        Assert.True(site.Site.RunUntilRegistered(TimeSpan.FromSeconds(30)));
        Assert.Null(site.Osbiz.RestProblem);
    }

    [Fact]
    public void Two_systems_share_one_key_each_with_its_own_trunk_and_both_are_cut_off_by_a_new_key()
    {
        var site = new OsBizSite();
        var second = site.Site.AddSystem("osbiz2", "osbiz2");
        Assert.Null(second.RunConnectivityWizard());
        Assert.True(site.Site.RunUntilRegistered(TimeSpan.FromSeconds(30)));
        Assert.Equal("gtc-002", second.TrunkName);
        Assert.True(site.Site.Connector.IsRegistered("gtc-001") && site.Site.Connector.IsRegistered("gtc-002"));
        site.Site.Tenant.RegenerateApiKey();
        Assert.NotNull(site.Osbiz.RestProblem);
        Assert.NotNull(second.RestProblem);
        Assert.False(site.Site.Connector.IsAvailable);
    }

    [Fact]
    public void A_clone_restored_with_the_active_connector_is_refused_and_reported()
    {
        var site = new OsBizSite();
        var clone = site.Site.AddSystem("osbizClone", "osbizClone");
        clone.RestoreConnector(site.Osbiz.TrunkName!, site.Osbiz.ApiKey);
        site.Loop.RunFor(TimeSpan.FromSeconds(10));
        var report = Assert.Single(site.Site.Connector.ClonedSystems);
        Assert.Equal("gtc-001", report.Trunk);
        Assert.Equal("192.0.2.52", report.SecondSystem.ToString());
        Assert.Equal("192.0.2.50", report.RegisteredSystem.ToString());
        Assert.Equal(409, clone.Trunk.LastFailureStatus);
        Assert.False(clone.Trunk.IsRegistered);
        Assert.True(site.Osbiz.Trunk.IsRegistered);
        Assert.Equal("192.0.2.50", site.Site.Connector.RegisteredFrom("gtc-001")!.ToString());
    }

    [Fact]
    public void Sixteen_client_calls_connect_over_the_trunk_and_the_seventeenth_is_refused_with_the_faq_cause()
    {
        var site = new OsBizSite();
        Assert.Equal(16, site.Osbiz.SimultaneousCallsAllowed);
        var calls = Enumerable.Range(0, 17).Select(_ => site.Site.Connector.Dial("user1.abc@osbiz.com", "+4930111").Call!).ToList();
        site.Loop.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(16, calls.Count(c => c.State == ClientCallState.Connected));
        var refused = Assert.Single(calls, c => c.State == ClientCallState.Refused);
        Assert.Equal(503, refused.RefusalStatus);
        Assert.Equal(NoCallsCause.NoFreeTrunkLine.Text(), refused.RefusalReason);
        Assert.Equal(16, site.Osbiz.LinesInUse);
        site.Site.Connector.HangUp("user1.abc@osbiz.com");
        site.Loop.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(0, site.Osbiz.LinesInUse);
    }
}
