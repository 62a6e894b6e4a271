using System.Net;
using Concierge.Runtime.Tracing;

namespace Concierge.Simulators.Emulator;

/// <summary>What the PBX emulator runs: a topology's simulated OSV, on one address, with its ports.</summary>
public sealed record PbxEmulatorOptions
{
    /// <summary>A topology name (<c>osv-example</c>, from <c>scenarios/topologies</c>) or a <c>.yaml</c> file path.</summary>
    public string Topology { get; init; } = "osv-example";

    /// <summary>The address every part listens on (default 127.0.0.1).</summary>
    public IPAddress Listen { get; init; } = IPAddress.Loopback;

    /// <summary>SIP port of the switch (registrar, phones); 0: a free one; null: the topology's (<c>osv.sipPort</c>).</summary>
    public int? SipPort { get; init; } = 0;

    /// <summary>CSTA port (TCP); 0: a free one; null: the topology's (<c>osv.csta.port</c>).</summary>
    public int? CstaPort { get; init; } = 0;

    /// <summary>SIP port of the public trunk (calls from any SIP UAC); 0: a free one; negative: the switch's SIP port + 10 (a free one when that is free).</summary>
    public int TrunkPort { get; init; }

    /// <summary>The seed of the simulators' random choices (tags, nonces).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Where the switch, its CSTA interface and phones trace what they decide; null: nowhere.</summary>
    public ITrace? Trace { get; init; }

    /// <summary>Where relative topology paths start and the repository is searched from; null: the current directory.</summary>
    public string? WorkingDirectory { get; init; }
}
