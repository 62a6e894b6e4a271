using System.Net;

namespace Concierge.Server.Options;

/// <summary>What the server was asked to run: the topology file, its listening addresses, PBX overrides, mode and dev flag.</summary>
public sealed record ServerOptions
{
    /// <summary>The topology YAML file whose <c>concierge:</c> section is the configuration.</summary>
    public required string TopologyFile { get; init; }

    /// <summary>Where the CPS's SIP stack listens (UDP and TCP); port 0 picks a free one.</summary>
    public required IPEndPoint SipListen { get; init; }

    /// <summary>Where the HTTP API listens; port 0 picks a free one.</summary>
    public required IPEndPoint HttpListen { get; init; }

    /// <summary>The PBX's SIP registrar, overriding the topology's.</summary>
    public IPEndPoint? Registrar { get; init; }

    /// <summary>The PBX's CSTA end point, overriding the topology's.</summary>
    public IPEndPoint? Csta { get; init; }

    /// <summary>Primary or standby.</summary>
    public ServerMode Mode { get; init; } = ServerMode.Primary;

    /// <summary>Development mode: the API runs without accounts.</summary>
    public bool Dev { get; init; }
}
