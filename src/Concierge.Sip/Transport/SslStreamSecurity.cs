using System.Net;
using System.Net.Security;
using Concierge.Runtime.Transports.Sockets;

namespace Concierge.Sip.Transport;

/// <summary>TLS for the socket transport (RFC 3261 §26.2.1): SslStream handshakes with <see cref="SipTlsOptions"/>.</summary>
internal sealed class SslStreamSecurity(SipTlsOptions options) : IStreamSecurity
{
    public async Task<Stream> SecureClientAsync(Stream network, IPEndPoint remote)
    {
        var ssl = new SslStream(network, leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(options.HandshakeTimeout);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = options.TargetHost ?? remote.Address.ToString(),
            ClientCertificates = options.ClientCertificate is { } c ? [c] : null,
            EnabledSslProtocols = options.Protocols,
            RemoteCertificateValidationCallback = options.ValidatePeer,
        }, timeout.Token).ConfigureAwait(false);
        return ssl;
    }

    public async Task<Stream> SecureServerAsync(Stream network, IPEndPoint remote)
    {
        var ssl = new SslStream(network, leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(options.HandshakeTimeout);
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = options.ServerCertificate,
            ClientCertificateRequired = options.RequireClientCertificate,
            EnabledSslProtocols = options.Protocols,
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => certificate is null
                ? !options.RequireClientCertificate
                : options.ValidatePeer?.Invoke(sender, certificate, chain, errors) ?? errors == SslPolicyErrors.None,
        }, timeout.Token).ConfigureAwait(false);
        return ssl;
    }
}
