namespace Concierge.Server.Options;

/// <summary>
/// The configuration keys of the server's options, the same in appsettings.json, in <c>CONCIERGE_</c> environment
/// variables (e.g. <c>CONCIERGE_HTTPLISTEN</c>) and on the command line.
/// </summary>
public static class ConfigKeys
{
    /// <summary>The topology file.</summary>
    public const string Topology = "Topology";

    /// <summary>The SIP listening address.</summary>
    public const string SipListen = "SipListen";

    /// <summary>The HTTP listening address.</summary>
    public const string HttpListen = "HttpListen";

    /// <summary>The PBX registrar override.</summary>
    public const string Registrar = "Registrar";

    /// <summary>The PBX CSTA override.</summary>
    public const string Csta = "Csta";

    /// <summary>Run without the CSTA link (SIP only): <c>--no-csta</c>, <c>NoCsta</c>, <c>CONCIERGE_NOCSTA</c>.</summary>
    public const string NoCsta = "NoCsta";

    /// <summary>The phone book (CSV: name,numbers,department,location,email) attendants search and see callers' names from.</summary>
    public const string Directory = "Directory";

    /// <summary>primary or standby.</summary>
    public const string Mode = "Mode";

    /// <summary>Development mode.</summary>
    public const string Dev = "Dev";

    /// <summary>The database: a SQLite file or a PostgreSQL connection string.</summary>
    public const string Db = "Db";

    /// <summary>PBKDF2-SHA256 iterations for new password hashes (at least 600,000).</summary>
    public const string PasswordIterations = "PasswordIterations";

    /// <summary>The folder of the WAV files that announcements, music on hold and greetings name.</summary>
    public const string Media = "Media";

    /// <summary>Which media plane streams the CPS's audio: <c>rtp</c> (default) or <c>none</c> (no RTP is sent).</summary>
    public const string MediaPlane = "MediaPlane";

    /// <summary>Where the CPS listens for SIP over TLS (needs <see cref="TlsCertificate"/>).</summary>
    public const string SipTlsListen = "SipTlsListen";

    /// <summary>The TLS certificate: a PKCS#12 file (.pfx/.p12) or a PEM certificate file (its key in <see cref="TlsKey"/> or in the same file).</summary>
    public const string TlsCertificate = "TlsCertificate";

    /// <summary>The PEM private key of a PEM <see cref="TlsCertificate"/>.</summary>
    public const string TlsKey = "TlsKey";

    /// <summary>The password of a PKCS#12 certificate or an encrypted PEM key (best from <c>CONCIERGE_TLSCERTIFICATEPASSWORD</c>).</summary>
    public const string TlsCertificatePassword = "TlsCertificatePassword";

    /// <summary>The OSCC user export (CSV) the OSCC agents import of user administration reads (C 8.11).</summary>
    public const string OsccAgents = "OsccAgents";

    /// <summary>How long a bearer token lives, in minutes.</summary>
    public const string TokenLifetimeMinutes = "TokenLifetimeMinutes";
}
