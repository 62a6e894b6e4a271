using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Phones.Sip;

/// <summary>Sets up the product's SIP user agent for a simulated phone, caller network or switch node: UDP only, no session timers, no request screening.</summary>
public static class SimulatedUserAgent
{
    /// <summary>A user agent named <paramref name="name"/> on UDP <paramref name="port"/> of <paramref name="host"/> (its messages are not traced, as before).</summary>
    public static SipUserAgent Create(string name, string userName, IEventLoop loop, INetworkStack host, int port, DeterministicRandom random,
        SipTimerSettings? timers = null)
    {
        var stack = new SipStack(loop, host, new SipStackOptions
        {
            Name = name,
            Transport = new SipTransportOptions { UdpPort = port, TcpPort = null, TlsPort = null },
            Timers = timers ?? SipTimerSettings.Default,
            Validation = null, // as the phones and switches it stands for: no RFC 4475 screening (REGISTER passes too)
        }, random); // the wire is traced at the product's side; the simulators trace what they decide
        return new SipUserAgent(stack, new SipUserAgentOptions
        {
            UserName = userName,
            SessionTimer = SipSessionTimerOptions.Disabled,
            QueueReoffers = true,
            Product = "Concierge simulator",
        });
    }

    /// <summary>Where <paramref name="ua"/> receives SIP over UDP.</summary>
    public static IPEndPoint LocalEndPoint(this SipUserAgent ua) =>
        new(ua.Stack.Transport.Address, ua.Stack.Transport.LocalPort(SipTransportProtocol.Udp));

    /// <summary>The IP end point of a SIP end point.</summary>
    public static IPEndPoint? ToIPEndPoint(this SipEndPoint? endPoint) => endPoint?.Address;
}
