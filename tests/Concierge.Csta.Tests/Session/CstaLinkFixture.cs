using System.Net;
using Concierge.Csta.Devices;
using Concierge.Csta.Server;
using Concierge.Csta.Session;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Csta.Tests.Session;

/// <summary>A Concierge host with a client session and a PABX host with a CSTA listener, on one simulated network.</summary>
internal sealed class CstaLinkFixture
{
    public const int CstaPort = 1040;

    public CstaLinkFixture(ulong seed = 1, LinkProfile? link = null, Func<CstaClientOptions, CstaClientOptions>? options = null,
        Func<string, bool>? deviceExists = null, TimeSpan? serverIdleTimeout = null, Concierge.Csta.Codec.CstaDialect? serverDialect = null)
    {
        var random = new DeterministicRandom(seed);
        Trace = new TraceLog(Loop.Clock);
        Network = new SimulatedNetwork(Loop, random.Split("net"));
        Concierge = Network.AddHost("concierge", IPAddress.Parse("192.0.2.10"));
        Pabx = Network.AddHost("pabx", IPAddress.Parse("192.0.2.20"));
        Network.SetLink("concierge", "pabx", link ?? LinkProfile.Lan);
        Server = new CstaServerListener(Pabx, CstaPort, Dispatcher, deviceExists: deviceExists, trace: Trace, loop: Loop,
            idleTimeout: serverIdleTimeout ?? TimeSpan.FromSeconds(30), dialect: serverDialect);
        var clientOptions = new CstaClientOptions(new IPEndPoint(Pabx.Address, CstaPort));
        Session = new CstaClientSession(Loop, Concierge, options?.Invoke(clientOptions) ?? clientOptions, random.Split("csta"), Trace);
        Field.Attach(Session);
    }

    public SimulatedEventLoop Loop { get; } = new();
    public TraceLog Trace { get; }
    public SimulatedNetwork Network { get; }
    public SimulatedHost Concierge { get; }
    public SimulatedHost Pabx { get; }
    public CstaRequestDispatcher Dispatcher { get; } = new();
    public CstaServerListener Server { get; }
    public CstaClientSession Session { get; }
    public BusyLampField Field { get; } = new();

    public bool RunUntilReady(TimeSpan timeout) =>
        Loop.RunUntil(() => Session.State == CstaLinkState.Ready && Session.Monitors.All(m => m.Status == MonitorStatus.Active), timeout);

    /// <summary>Asserts that the switch holds exactly one monitor per wanted device, and that each matches the session's id.</summary>
    public void AssertOneMonitorPerDevice()
    {
        foreach (var entry in Session.Monitors)
        {
            Assert.Equal(MonitorStatus.Active, entry.Status);
            Assert.Equal(1, Server.Publisher.CountFor(entry.Device));
        }
        Assert.Equal(Session.Monitors.Count, Server.Publisher.Count);
    }
}
