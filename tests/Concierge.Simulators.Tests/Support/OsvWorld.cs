using System.Net;
using Concierge.Config.Topology;
using Concierge.Csta.Session;
using Concierge.Media.Simulated;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.Osv;
using Concierge.Simulators.Phones.Agents;

namespace Concierge.Simulators.Tests.Support;

/// <summary>A simulated world with the OSV of a standard topology, its phones and callers, and a stand-in CPS.</summary>
internal sealed class OsvWorld
{
    public OsvWorld(string topology = "osv-example", ulong seed = 1)
        : this(Load(topology), seed)
    {
    }

    public OsvWorld(TopologyDocument document, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        Trace = new TraceLog(Loop.Clock);
        Network = new SimulatedNetwork(Loop, random.Split("net"), Trace);
        Document = document;
        Osv = OsvSimulator.Create(Document, Network, Media, random.Split("osv"), Trace);
        var cpsHost = Network.Hosts.FirstOrDefault(h => h.Name == "cps") ?? Network.AddHost("cps", IPAddress.Parse("192.0.2.20"));
        Cps = new StandInCps(Network, cpsHost, Osv.SipEndPoint, Media, random.Split("cps"));
    }

    public SimulatedEventLoop Loop { get; } = new();
    public TraceLog Trace { get; }
    public SimulatedNetwork Network { get; }
    public SimulatedMediaPlane Media { get; } = new();
    public TopologyDocument Document { get; }
    public OsvSimulator Osv { get; }
    public StandInCps Cps { get; }
    public CallerAgent Callers => Osv.Callers!;

    public static TopologyDocument Load(string name)
    {
        var directory = TopologyLoader.FindRepositoryDirectory(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository not found");
        return TopologyLoader.FromDirectory(directory).Load(name);
    }

    /// <summary>A topology written in the test, extending a standard one.</summary>
    public static TopologyDocument Variant(string yaml)
    {
        var directory = TopologyLoader.FindRepositoryDirectory(AppContext.BaseDirectory)!;
        return new TopologyLoader(name => name == "variant" ? yaml : File.ReadAllText(Path.Combine(directory, name + TopologyLoader.Extension)))
            .Load("variant");
    }

    public SimulatedPhone Phone(string alias) => Osv.Phone(alias) ?? throw new InvalidOperationException("no phone " + alias);

    public void Run(TimeSpan duration) => Loop.RunFor(duration);

    public void RegisterCps(TimeSpan? interval = null)
    {
        Cps.Register(interval ?? TimeSpan.FromSeconds(305));
        Run(TimeSpan.FromSeconds(1));
    }

    public CstaClientSession ConnectCsta()
    {
        var host = Network.Hosts.First(h => h.Name == "cps");
        var session = new CstaClientSession(Loop, host, new CstaClientOptions(Osv.CstaEndPoint), new DeterministicRandom(7), Trace);
        session.Start();
        Loop.RunUntil(() => session.State == CstaLinkState.Ready, TimeSpan.FromSeconds(10));
        return session;
    }
}
