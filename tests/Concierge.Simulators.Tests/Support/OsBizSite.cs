using Concierge.Config.Topology;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.OsBiz;

namespace Concierge.Simulators.Tests.Support;

/// <summary>The osbiz-unifyphone site (or a variant of it) on a fresh loop and network, booted until its trunk is registered.</summary>
internal sealed class OsBizSite
{
    public OsBizSite(ulong seed = 1, Func<string, string>? edit = null)
    {
        var random = new DeterministicRandom(seed);
        Trace = new TraceLog(Loop.Clock);
        Network = new SimulatedNetwork(Loop, random.Split("net"), Trace);
        Document = Load(edit);
        Site = UnifyPhoneSite.Create(Document, Network, random.Split("site"), Trace.Record);
        Booted = Site.Main.RunConnectivityWizard() is null && Site.RunUntilRegistered(TimeSpan.FromSeconds(30));
    }

    public SimulatedEventLoop Loop { get; } = new();
    public TraceLog Trace { get; }
    public SimulatedNetwork Network { get; }
    public TopologyDocument Document { get; }
    public UnifyPhoneSite Site { get; }
    public bool Booted { get; }
    public OsBizSystem Osbiz => Site.Main;

    public static TopologyDocument Load(Func<string, string>? edit = null)
    {
        var directory = TopologyLoader.FindRepositoryDirectory(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository not found");
        var yaml = File.ReadAllText(Path.Combine(directory, "osbiz-unifyphone" + TopologyLoader.Extension));
        if (edit is not null) yaml = edit(yaml);
        return new TopologyLoader(name => name == "osbiz-unifyphone" ? yaml : File.ReadAllText(Path.Combine(directory, name + TopologyLoader.Extension))).Load("osbiz-unifyphone");
    }
}
