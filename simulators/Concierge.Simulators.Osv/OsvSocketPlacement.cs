using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports;

namespace Concierge.Simulators.Osv;

/// <summary>
/// How the simulated OSV runs on real sockets: one network stack (one address, e.g. 127.0.0.1) and its loop, and the
/// ports of its SIP registrar and phones' side, its CSTA interface and its public trunk (0: a free port).
/// </summary>
public sealed record OsvSocketPlacement(IEventLoop Loop, INetworkStack Stack)
{
    /// <summary>SIP port of the switch: the CPS registers here, phones call and register here (0: a free one; null: the topology's).</summary>
    public int? SipPort { get; init; } = 0;

    /// <summary>CSTA port (TCP) (0: a free one; null: the topology's).</summary>
    public int? CstaPort { get; init; } = 0;

    /// <summary>The public trunk's SIP port: any SIP UAC calling here is a caller from the public network.</summary>
    public int TrunkPort { get; init; }
}
