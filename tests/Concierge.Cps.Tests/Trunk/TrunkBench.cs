using System.Net;
using Concierge.Cps.Trunk;
using Concierge.Media;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Cps.Tests.Trunk;

/// <summary>
/// The CPS's SIP trunk on a simulated network with a stand-in switch: hosts osv (192.0.2.10) and cps (192.0.2.20),
/// the switch's user agent, the CPS's (Register Id CPS1) and the trunk to the switch's port 5060, RTP from 40000.
/// </summary>
internal sealed class TrunkBench
{
    public TrunkBench(SimulatedEventLoop loop, ulong seed, IMediaPlane media, RegistrarTargets? registrar = null)
    {
        var random = new DeterministicRandom(seed);
        var network = new SimulatedNetwork(loop, random.Split("net"));
        var osvHost = network.AddHost("osv", IPAddress.Parse("192.0.2.10"));
        var cpsHost = network.AddHost("cps", IPAddress.Parse("192.0.2.20"));
        Pbx = new SipUserAgent(new SipStack(loop, osvHost, new SipStackOptions { Name = "osv" }, random.Split("osv")), new SipUserAgentOptions { UserName = "osv" });
        Cps = new SipUserAgent(new SipStack(loop, cpsHost, new SipStackOptions { Name = "cps" }, random.Split("cps")), new SipUserAgentOptions { UserName = "CPS1" });
        Trunk = new SipTrunk(Cps, new SipTrunkOptions(SipEndPoint.Udp(osvHost.Address, 5060), "osv", cpsHost.Address, 40000, 100), media, registrar: registrar);
    }

    /// <summary>The stand-in switch's user agent.</summary>
    public SipUserAgent Pbx { get; }

    /// <summary>The CPS's user agent.</summary>
    public SipUserAgent Cps { get; }

    /// <summary>The trunk under test.</summary>
    public SipTrunk Trunk { get; }
}
