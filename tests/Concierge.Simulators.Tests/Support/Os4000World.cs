using System.Net;
using Concierge.Config.Topology;
using Concierge.Media.Simulated;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.Os4000;
using Concierge.Simulators.Phones.Agents;

namespace Concierge.Simulators.Tests.Support;

/// <summary>A simulated world with the OpenScape 4000 of a topology, its phones and callers, and a stand-in CPS on the STMI trunk.</summary>
internal sealed class Os4000World
{
    public Os4000World(string topology = "os4000-example", ulong seed = 1)
        : this(OsvWorld.Load(topology), seed)
    {
    }

    public Os4000World(TopologyDocument document, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        Trace = new TraceLog(Loop.Clock);
        Network = new SimulatedNetwork(Loop, random.Split("net"), Trace);
        Os4000 = Os4000Simulator.Create(document, Network, Media, random.Split("os4000"), Trace);
        var cpsHost = Network.Hosts.FirstOrDefault(h => h.Name == "cps") ?? Network.AddHost("cps", IPAddress.Parse("192.0.2.20"));
        Cps = new StandInCps(Network, cpsHost, Os4000.Core.SipEndPoint, Media, random.Split("cps"));
    }

    public SimulatedEventLoop Loop { get; } = new();
    public TraceLog Trace { get; }
    public SimulatedNetwork Network { get; }
    public SimulatedMediaPlane Media { get; } = new();
    public Os4000Simulator Os4000 { get; }
    public StandInCps Cps { get; }
    public CallerAgent Callers => Os4000.Core.Callers!;

    public SimulatedPhone Phone(string alias) => Os4000.Core.Phone(alias) ?? throw new InvalidOperationException("no phone " + alias);

    public void Run(TimeSpan duration) => Loop.RunFor(duration);

    public void RegisterCps()
    {
        Cps.Register(TimeSpan.FromSeconds(305), "cps");
        Run(TimeSpan.FromSeconds(1));
    }
}
