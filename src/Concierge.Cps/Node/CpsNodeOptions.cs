using System.Net;
using Concierge.Cps.Engine;
using Concierge.Cps.Records;
using Concierge.Csta.Session;
using Concierge.Runtime.Faults;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;

namespace Concierge.Cps.Node;

/// <summary>
/// How one CPS node is wired: its name, where its PBX is (SIP trunk and, unless SIP only, the CSTA link), whether it
/// starts active or as a standby, and its start mode. The configuration (tenants, pilots, the CPS section) comes with
/// <see cref="CpsNode.Start"/>.
/// </summary>
public sealed record CpsNodeOptions
{
    /// <summary>The Concierge server name (osc1, osc2); names the node's random streams and trace lines.</summary>
    public required string Name { get; init; }

    /// <summary>The PBX's SIP address: the trunk registers there (unless <see cref="Resolver"/> finds SRV targets) and sends its calls there.</summary>
    public required IPEndPoint PbxSip { get; init; }

    /// <summary>The PBX's CSTA end point (PABXLink), or null for a node without a CSTA link.</summary>
    public IPEndPoint? PbxCsta { get; init; }

    /// <summary>Resolves a registrar host that is a domain name by DNS SRV (a geo-separated PBX); null: the fixed <see cref="PbxSip"/>.</summary>
    public ISipServerResolver? Resolver { get; init; }

    /// <summary>True: the node takes calls and registers (primary); false: it watches as a standby.</summary>
    public bool Active { get; init; } = true;

    /// <summary>Normal, or config mode (no registration, calls and commands refused).</summary>
    public CpsStartMode StartMode { get; init; } = CpsStartMode.Normal;

    /// <summary>
    /// What an exception thrown by a SIP handler does: fail the run (the default, as simulation wants) or be counted
    /// in <see cref="CpsNodeStatus.SipHandlerFaults"/> (the server). A CPS invariant break is never contained.
    /// </summary>
    public HandlerFaultPolicy SipHandlerFaults { get; init; } = HandlerFaultPolicy.Propagate;

    /// <summary>Where the node's SIP stack listens (UDP and TCP ports); the default is 5060 for both.</summary>
    public SipTransportOptions SipTransport { get; init; } = new();

    /// <summary>Where the node's engines hand ended call records (the store in the server); null: each engine's own bounded <see cref="CallRecorder"/>.</summary>
    public ICallRecordSink? RecordSink { get; init; }

    /// <summary>The PABXLink retries a lost CSTA link at least this often.</summary>
    public TimeSpan PabxLinkReconnectMaxDelay { get; init; } = DefaultPabxLinkReconnectMaxDelay;

    /// <summary>
    /// The ECMA-323 namespace the CSTA link writes (and asks for in an application session): edition 4 by default, as
    /// OpenScape Voice speaks it; every edition from 3 on is read regardless.
    /// </summary>
    public string PabxCstaNamespace { get; init; } = Concierge.Csta.Codec.CstaNamespace.Edition4;

    /// <summary>The CSTA link also reads edition 2 and namespace-less documents (refused and counted otherwise).</summary>
    public bool PabxLinkLenient { get; init; }

    /// <summary>Open an ECMA-354 application session on the CSTA link (start, keep-alive, stop); null: none.</summary>
    public CstaApplicationSessionOptions? PabxApplicationSession { get; init; }

    /// <summary>The default of <see cref="PabxLinkReconnectMaxDelay"/>.</summary>
    public static readonly TimeSpan DefaultPabxLinkReconnectMaxDelay = TimeSpan.FromSeconds(10);
}
