using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Microsoft.Extensions.Configuration;

namespace Concierge.Server.Tests.Hosting;

/// <summary>
/// SIP over TLS: the server listens with a certificate from a file (a self-signed one made here, as PKCS#12 and as
/// PEM), a TLS client that trusts exactly that certificate sends OPTIONS and reads the 200 on the same connection.
/// </summary>
public sealed class SipTlsListenerTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly TestServerFiles _files = new();
    private readonly X509Certificate2 _certificate;

    public SipTlsListenerTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=concierge-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(Path.Combine(_files.Directory, "cps.pfx"), _certificate.Export(X509ContentType.Pkcs12, "secret"));
        File.WriteAllText(Path.Combine(_files.Directory, "cps.crt"), _certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_files.Directory, "cps.key"), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(_files.Directory, "no-key.crt"), _certificate.ExportCertificatePem());
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _files.Dispose();
    }

    [Theory]
    [InlineData("pkcs12")]
    [InlineData("pem")]
    public async Task OPTIONS_over_TLS_is_answered_with_the_configured_certificate(string form)
    {
        var tlsPort = FreeTcpPort();
        string[] certificate = form == "pkcs12"
            ? ["--tls-certificate", "cps.pfx"]
            : ["--tls-certificate", "cps.crt", "--tls-key", "cps.key"];
        string[] args =
        [
            "--dev", "--topology", _files.Topology("osv-example"), "--db", _files.Database, "--media-plane", "none", "--no-csta",
            "--sip-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0", "--registrar", "127.0.0.1:9", "--sip-tls-listen", $"127.0.0.1:{tlsPort}",
            .. certificate,
        ];
        // The password comes from the environment or appsettings.json in production (CONCIERGE_TLSCERTIFICATEPASSWORD), never the command line.
        var config = new ConfigurationBuilder()
            .AddConfiguration(ServerConfiguration.Build(args, appSettingsFile: null, readEnvironment: false))
            .AddInMemoryCollection(form == "pkcs12" ? [new(ConfigKeys.TlsCertificatePassword, "secret")] : [])
            .Build();
        var options = ServerOptionsReader.Read(config, _files.Directory) with { PasswordPolicy = TestServerFiles.FastPasswords };
        Assert.Equal(_certificate.Thumbprint, options.TlsCertificate!.Thumbprint);
        var store = ServerStartup.OpenStore(options);
        await using var app = ServerApp.Build(options, ServerTopology.Load(options, _files.Directory), config, store);
        await app.StartAsync();

        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(IPAddress.Loopback, tlsPort);
        await using var tls = new SslStream(client.GetStream(), false, (_, presented, _, _) => presented is not null && presented.GetCertHashString() == _certificate.GetCertHashString());
        using var patience = new CancellationTokenSource(Bound);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1" }, patience.Token);
        var local = (IPEndPoint)client.Client.LocalEndPoint!;
        var options200 = $"OPTIONS sip:cps@127.0.0.1:{tlsPort};transport=tls SIP/2.0\r\n" +
                         $"Via: SIP/2.0/TLS {local};branch=z9hG4bK-tls1\r\n" +
                         "Max-Forwards: 70\r\n" +
                         $"From: <sip:probe@{local.Address}>;tag=probe1\r\n" +
                         $"To: <sip:cps@127.0.0.1:{tlsPort}>\r\n" +
                         "Call-ID: tls-test-1@127.0.0.1\r\n" +
                         "CSeq: 1 OPTIONS\r\n" +
                         "Content-Length: 0\r\n\r\n";
        await tls.WriteAsync(Encoding.ASCII.GetBytes(options200), patience.Token);
        var buffer = new byte[4096];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await tls.ReadAsync(buffer, patience.Token);
            Assert.True(read > 0, "the server closed the TLS connection: " + received);
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        Assert.True(received.ToString().StartsWith("SIP/2.0 200", StringComparison.Ordinal), received.ToString());
        Assert.Contains("Via: SIP/2.0/TLS", received.ToString(), StringComparison.OrdinalIgnoreCase);
        await app.StopAsync();
    }

    [Theory]
    [InlineData(new[] { "--sip-tls-listen", "127.0.0.1:5061" }, "--sip-tls-listen", "127.0.0.1:5061", "needs a certificate")]
    [InlineData(new[] { "--sip-tls-listen", "127.0.0.1:5061", "--tls-certificate", "missing.pfx" }, "--tls-certificate", "missing.pfx", "does not exist")]
    [InlineData(new[] { "--sip-tls-listen", "127.0.0.1:5061", "--tls-certificate", "no-key.crt" }, "--tls-certificate", "no-key.crt", "cannot be read")]
    [InlineData(new[] { "--sip-tls-listen", "127.0.0.1:5061", "--tls-certificate", "cps.pfx" }, "--tls-certificate", "cps.pfx", "cannot be read")]
    [InlineData(new[] { "--tls-certificate", "cps.pfx" }, "--tls-certificate", "cps.pfx", "--sip-tls-listen is not")]
    [InlineData(new[] { "--media-plane", "loud" }, "--media-plane", "loud", "is not rtp or none")]
    public void A_bad_TLS_or_media_option_names_the_field_and_the_value(string[] args, string field, string value, string reason)
    {
        var ex = Assert.Throws<OptionException>(() => ServerOptionsReader.Read(ServerConfiguration.Build(args, appSettingsFile: null, readEnvironment: false), _files.Directory));
        Assert.Equal(field, ex.Field);
        Assert.EndsWith(value, ex.Value);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    private static int FreeTcpPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
