using System.Net;
using Concierge.Config.Numbers;
using Concierge.Cps.Legs;
using Concierge.Csta.Messages;
using Concierge.Cps.Csta;
using Concierge.Cps.Engine;
using Concierge.Csta.Server;
using Concierge.Csta.Session;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Cps.Tests.Csta;

/// <summary>
/// The CPS's CSTA side against a scripted switch on the simulated network: a CSTA server whose requests the test
/// answers (register handlers on <see cref="Dispatcher"/>), the client session, the PABXLink control and an engine.
/// </summary>
internal sealed class CstaControlWorld
{
    public CstaControlWorld(ulong seed, string topology = "osv-example")
    {
        var random = new DeterministicRandom(seed);
        Network = new SimulatedNetwork(Loop, random.Split("net"));
        var cps = Network.AddHost("cps", IPAddress.Parse("192.0.2.20"));
        var osv = Network.AddHost("osv", IPAddress.Parse("192.0.2.10"));
        Server = new CstaServerListener(osv, 1040, Dispatcher);
        Session = new CstaClientSession(Loop, cps, new CstaClientOptions(new IPEndPoint(osv.Address, 1040)), random.Split("csta"));
        Control = new CstaPbxControl(Session, Loop.Time);
        Engine = new CpsEngine(Topologies.Load(topology), Loop.Time, Legs, Control);
        Control.Attach(Engine);
    }

    public SimulatedEventLoop Loop { get; } = new();
    public SimulatedNetwork Network { get; }
    public CstaRequestDispatcher Dispatcher { get; } = new();
    public CstaServerListener Server { get; }
    public CstaClientSession Session { get; }
    public CstaPbxControl Control { get; }
    public RecordingLegs Legs { get; } = new();
    public CpsEngine Engine { get; }

    /// <summary>
    /// A pilot call from <paramref name="caller"/> is pushed to <paramref name="attendant"/>, answered and joined, and the
    /// switch reports the attendant's connection as <paramref name="connection"/> (Established).
    /// </summary>
    public void ConnectCall(string attendant, ConnectionId connection, string caller = "+493011100001")
    {
        var device = E164Number.Parse(attendant);
        Engine.LogOn(device);
        Engine.OnIncomingLeg(new LegId(1), E164Number.Parse("+4950505803201"), caller);
        var attendantLeg = Legs.LastDialTo(device);
        Engine.OnLegAnswered(attendantLeg);
        Engine.OnLegsJoined(new LegId(1), attendantLeg);
        Server.Publisher.Publish(attendant, x => new EstablishedEvent(x, connection, EventDevice.Of(attendant), EventDevice.Of(caller),
            EventDevice.Of(attendant), null, LocalConnectionState.Connected, EventCause.NewCall));
    }

    /// <summary>Starts the session and waits until every attendant device is monitored.</summary>
    public void StartAndMonitor()
    {
        Session.Start();
        Assert.True(Loop.RunUntil(() => Session.Monitors.All(m => m.Status == MonitorStatus.Active), TimeSpan.FromSeconds(10)));
    }
}
