using System.Net;
using Concierge.Store;
using Concierge.Store.Accounts;

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

    /// <summary>Run SIP only: no CSTA link even when the topology has one (pushed calls are bridged on the CPS).</summary>
    public bool NoCsta { get; init; }

    /// <summary>The phone book CSV (<c>--directory</c>, full path), loaded at start; null for none.</summary>
    public string? DirectoryFile { get; init; }

    /// <summary>Primary or standby.</summary>
    public ServerMode Mode { get; init; } = ServerMode.Primary;

    /// <summary>Development mode: a development account is created when no administrator exists.</summary>
    public bool Dev { get; init; }

    /// <summary>The database (<c>--db</c>): a SQLite file (default <see cref="StoreLocation.DefaultFile"/>) or a PostgreSQL connection string.</summary>
    public required StoreLocation Db { get; init; }

    /// <summary>
    /// How passwords are hashed: PBKDF2-SHA256 with <c>PasswordIterations</c> (at least 600,000). Tests set a cheaper
    /// <see cref="PasswordPolicy.ForTestsOnly"/> here in code; no setting or option can.
    /// </summary>
    public PasswordPolicy PasswordPolicy { get; init; } = PasswordPolicy.Production;

    /// <summary>The folder of the media files (<c>--media</c>, default <c>media</c> in the working directory).</summary>
    public string MediaFolder { get; init; } = "media";

    /// <summary>Which media plane streams audio (<c>--media-plane</c>).</summary>
    public MediaPlaneKind MediaPlane { get; init; } = MediaPlaneKind.Rtp;

    /// <summary>Where SIP over TLS listens (<c>--sip-tls-listen</c>), or null for no TLS; needs <see cref="TlsCertificate"/>.</summary>
    public IPEndPoint? SipTlsListen { get; init; }

    /// <summary>The certificate with its private key presented to TLS clients (<c>--tls-certificate</c>).</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? TlsCertificate { get; init; }

    /// <summary>The OSCC user export (CSV: businessUnit,user,firstName,lastName) for the OSCC agents import; null: none configured.</summary>
    public string? OsccAgentExportFile { get; init; }

    /// <summary>How long a bearer token from <c>POST /api/logon</c> lives.</summary>
    public TimeSpan TokenLifetime { get; init; } = DefaultTokenLifetime;

    /// <summary>The default <see cref="TokenLifetime"/>: a working day.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(8);
}
