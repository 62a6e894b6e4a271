using Concierge.Runtime.Transports;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Transport;

/// <summary>Which SIP transports to open and how to bound them.</summary>
public sealed record SipTransportOptions
{
    /// <summary>UDP port; 0 picks a free one, null opens no UDP.</summary>
    public int? UdpPort { get; init; } = 5060;

    /// <summary>TCP listening port; 0 picks a free one, null listens on no TCP (outgoing TCP still works).</summary>
    public int? TcpPort { get; init; } = 5060;

    /// <summary>TLS listening port; only used when <see cref="TlsStack"/> is set.</summary>
    public int? TlsPort { get; init; } = 5061;

    /// <summary>
    /// The stack TLS streams run on: a <c>SipTlsNetworkStack</c> (SslStream, real sockets) or, in simulation, a
    /// plain simulated host whose streams stand in for TLS. Null disables TLS.
    /// </summary>
    public INetworkStack? TlsStack { get; init; }

    /// <summary>Host written into Via sent-by and Contact; default the stack's address.</summary>
    public string? AdvertisedHost { get; init; }

    /// <summary>Parser bounds for datagrams and streams.</summary>
    public SipParserLimits Limits { get; init; } = SipParserLimits.Default;

    /// <summary>Most open stream connections; further accepts are closed at once.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>Most messages waiting for one outgoing connection to open.</summary>
    public int MaxPendingPerConnection { get; init; } = 256;
}
