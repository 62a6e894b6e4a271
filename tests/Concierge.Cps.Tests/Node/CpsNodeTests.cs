using System.Net;
using Concierge.Config.Numbers;
using Concierge.Cps.Node;
using Concierge.Cps.Trunk;
using Concierge.Media.Simulated;
using Concierge.Runtime.Faults;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Message;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;
using Concierge.Sip.Validation;

namespace Concierge.Cps.Tests.Node;

/// <summary>The assembly point on its own: a node on a simulated host registers at a bare registrar, without a CSTA link.</summary>
public sealed class CpsNodeTests
{
    private static readonly E164Number Attendant = E164Number.Parse("+4950505807580");

    private sealed class Bench
    {
        public Bench()
        {
            var random = new DeterministicRandom(5);
            Network = new SimulatedNetwork(Loop, random.Split("net"));
            var pbx = Network.AddHost("pbx", IPAddress.Parse("192.0.2.1"));
            var pbxStack = new SipStack(Loop, pbx, new SipStackOptions
            {
                Name = "pbx", Validation = SipValidatorOptions.Endpoint with { Role = SipValidatorRole.Registrar },
            }, random.Split("pbx"));
            Registrar = new SipRegistrar(pbxStack);
            new SipUserAgent(pbxStack, new SipUserAgentOptions { UserName = "pbx" }).HandleRequests(SipMethod.Register, Registrar.Handle);
            Node = new CpsNode(new CpsNodeOptions { Name = "osc1", PbxSip = new IPEndPoint(pbx.Address, 5060) },
                Network.AddHost("cps", IPAddress.Parse("192.0.2.20")), Loop, new SimulatedMediaPlane(), random.Split("cps"), NullTrace.Instance);
        }

        public SimulatedEventLoop Loop { get; } = new();
        public SimulatedNetwork Network { get; }
        public SipRegistrar Registrar { get; }
        public CpsNode Node { get; }
        public Concierge.Config.Model.ConciergeConfig Config { get; } = Topologies.Load("osv-example");
    }

    [Fact]
    public void A_node_that_is_down_refuses_every_desk_command_and_reports_down()
    {
        var bench = new Bench();

        var refused = bench.Node.Desk.LogOn(Attendant, available: true);

        Assert.False(refused.Succeeded);
        Assert.Equal("the CPS on osc1 is not running", refused.Error);
        Assert.False(bench.Node.Desk.Pick(Attendant, 1).Succeeded);
        Assert.Empty(bench.Node.Desk.LiveCalls);
        Assert.Equal(CpsNodeStatus.Down, bench.Node.Status);
        Assert.False(bench.Node.Reconfigure(bench.Config).Succeeded);
    }

    [Fact]
    public void A_started_node_registers_and_a_stop_withdraws_the_binding()
    {
        var bench = new Bench();
        var started = 0;
        bench.Node.EngineStarted += _ => started++;

        bench.Node.Start(bench.Config);

        Assert.True(bench.Loop.RunUntil(() => bench.Node.Status.Registered, TimeSpan.FromSeconds(10)));
        Assert.Equal(1, started);
        Assert.Equal(1, bench.Registrar.Accepted);
        Assert.Equal(TrunkRegistrationState.Registered, bench.Node.Status.Registration);

        bench.Node.Stop();
        bench.Loop.RunFor(TimeSpan.FromSeconds(2));

        Assert.False(bench.Node.IsRunning);
        Assert.Equal(2, bench.Registrar.Accepted); // the REGISTER with Expires: 0
        Assert.Equal(CpsNodeStatus.Down, bench.Node.Status);
    }

    [Fact]
    public void Starting_a_running_node_again_is_refused()
    {
        var bench = new Bench();
        bench.Node.Start(bench.Config);

        var thrown = Assert.Throws<InvalidOperationException>(() => bench.Node.Start(bench.Config));

        Assert.Contains("already running", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_without_a_CSTA_link_runs_sip_only_reports_what_it_cannot_do_and_takes_logons()
    {
        var bench = new Bench();
        bench.Node.Start(bench.Config);

        Assert.True(bench.Node.Desk.LogOn(Attendant, available: true).Succeeded);
        bench.Loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.True(bench.Node.Engine!.SipOnly);
        Assert.True(bench.Node.Engine.PbxLinkUp);
        Assert.Contains("forwarding to the personal line", bench.Node.Status.FeaturesUnavailable);
        Assert.Null(bench.Node.Status.CstaLink);
        Assert.Null(bench.Node.CstaSession);
        Assert.NotNull(bench.Node.Desk.Attendant(Attendant));
    }

    [Fact]
    public void A_stopped_node_frees_its_SIP_port_and_starts_again_without_its_link_but_a_running_one_refuses_the_change()
    {
        var bench = new Bench();
        bench.Node.Start(bench.Config);
        Assert.False(bench.Node.UsePbxLink(null).Succeeded);
        bench.Node.Stop();
        Assert.True(bench.Node.UsePbxLink(null).Succeeded);
        bench.Node.Start(bench.Config);
        Assert.True(bench.Node.Engine!.SipOnly);
    }

    [Fact]
    public void The_node_passes_its_handler_fault_policy_to_its_SIP_stack()
    {
        var bench = new Bench();
        var contained = new CpsNode(bench.Node.Options with { SipHandlerFaults = HandlerFaultPolicy.Contain },
            bench.Network.AddHost("cps2", IPAddress.Parse("192.0.2.21")), bench.Loop, new SimulatedMediaPlane(), new DeterministicRandom(1), NullTrace.Instance);

        bench.Node.Start(bench.Config);
        contained.Start(bench.Config);

        Assert.Equal(HandlerFaultPolicy.Propagate, bench.Node.Stack!.Options.HandlerFaults);
        Assert.Equal(HandlerFaultPolicy.Contain, contained.Stack!.Options.HandlerFaults);
    }
}
