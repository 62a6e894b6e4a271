using System.Net;
using System.Text;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

/// <summary>Simulated hosts, each with a SIP stack and user agent, and a log of what every agent reported.</summary>
internal sealed class UserAgentNetwork
{
    public UserAgentNetwork(ulong seed = 7, LinkProfile? link = null, ITrace? trace = null)
    {
        Random = new DeterministicRandom(seed);
        Trace = trace;
        Network = new SimulatedNetwork(Loop, Random.Split("net"), trace);
        if (link is not null) Network.SetAllLinks(link);
    }

    public SimulatedEventLoop Loop { get; } = new();
    public ITrace? Trace { get; }
    public DeterministicRandom Random { get; }
    public SimulatedNetwork Network { get; }
    public Dictionary<string, Agent> Agents { get; } = new();

    public Agent Add(string name, string address, SipUserAgentOptions? options = null, SipStackOptions? stackOptions = null)
    {
        var host = Network.AddHost(name, IPAddress.Parse(address));
        var stack = new SipStack(Loop, host, stackOptions ?? new SipStackOptions { Name = name }, Random.Split(name), Trace);
        var agent = new Agent(name, host, stack, new SipUserAgent(stack, options ?? new SipUserAgentOptions { UserName = name }));
        Agents.Add(name, agent);
        return agent;
    }

    public bool RunUntil(Func<bool> condition, double seconds = 60) => Loop.RunUntil(condition, TimeSpan.FromSeconds(seconds));

    public static ReadOnlyMemory<byte> Sdp(string host, int port = 40000) => Encoding.ASCII.GetBytes(
        $"v=0\r\no=- 1 1 IN IP4 {host}\r\ns=-\r\nc=IN IP4 {host}\r\nt=0 0\r\nm=audio {port} RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n");
}

/// <summary>One simulated phone or switch: its stack, user agent and the events it raised, in order.</summary>
internal sealed class Agent
{
    public Agent(string name, SimulatedHost host, SipStack stack, SipUserAgent ua)
    {
        Name = name;
        Host = host;
        Stack = stack;
        Ua = ua;
        ua.IncomingCall += c => { Incoming.Add(c); Log.Add("incoming"); };
        ua.CallRinging += (c, s) => Log.Add("ringing " + s);
        ua.CallAnswered += c => Log.Add("answered");
        ua.CallFailed += (c, s, r) => Log.Add("failed " + s);
        ua.CallEnded += (c, r) => Log.Add("ended " + r);
        ua.CallModified += c => Log.Add("modified");
        ua.ReofferCompleted += (c, s) => Log.Add("reoffer " + s);
        ua.ReferReceived += r => { Refers.Add(r); Log.Add("refer"); };
        ua.ReferProgress += (c, s) => Log.Add("refer-progress " + s);
        ua.InfoReceived += (c, r) => Log.Add("info");
    }

    public string Name { get; }
    public SimulatedHost Host { get; }
    public SipStack Stack { get; }
    public SipUserAgent Ua { get; }
    public List<string> Log { get; } = new();
    public List<SipCall> Incoming { get; } = new();
    public List<SipReferSubscription> Refers { get; } = new();

    public SipUri Uri(string? user = null) => SipUri.Sip(user ?? Name, Host.Address.ToString());

    /// <summary>Answers every incoming call: ring at once, answer after <paramref name="ringFor"/>.</summary>
    public void AutoAnswer(TimeSpan ringFor)
    {
        Ua.IncomingCall += call =>
        {
            Ua.Ring(call);
            Stack.Loop.ScheduleAfter(ringFor, () => Ua.Answer(call, UserAgentNetwork.Sdp(Host.Address.ToString())));
        };
    }
}
