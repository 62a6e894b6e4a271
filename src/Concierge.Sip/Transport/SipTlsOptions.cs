using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Concierge.Sip.Transport;

/// <summary>Certificates and checks for <see cref="SipTlsNetworkStack"/> (SIP over TLS, RFC 3261 §26.2.1).</summary>
public sealed record SipTlsOptions
{
    /// <summary>The certificate (with private key) presented to TLS clients; required to listen.</summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>An optional client certificate for mutual TLS.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Checks the peer's certificate; null uses the system trust store and host name rules.</summary>
    public RemoteCertificateValidationCallback? ValidatePeer { get; init; }

    /// <summary>Host name sent in SNI and checked against the server certificate; default the remote address.</summary>
    public string? TargetHost { get; init; }

    /// <summary>Ask TLS clients for a certificate.</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>Protocols allowed; default lets the OS choose (TLS 1.2/1.3).</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.None;

    /// <summary>Longest a handshake may take before the connection is dropped.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
