using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Concierge.Server.Options;

/// <summary>Loads the server's TLS certificate: PKCS#12 (.pfx, .p12) or PEM (certificate and key files, or both in one).</summary>
public static class TlsCertificateFile
{
    /// <summary>The certificate of <paramref name="path"/> with its private key; an <see cref="OptionException"/> naming the file and the problem.</summary>
    public static X509Certificate2 Load(string path, string? keyPath, string? password)
    {
        if (!File.Exists(path)) throw new OptionException("--tls-certificate", path, "does not exist");
        if (keyPath is not null && !File.Exists(keyPath)) throw new OptionException("--tls-key", keyPath, "does not exist");
        X509Certificate2 certificate;
        try
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is ".pfx" or ".p12")
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            }
            else
            {
                var key = keyPath ?? path;
                using var pem = password is null ? X509Certificate2.CreateFromPemFile(path, key) : X509Certificate2.CreateFromEncryptedPemFile(path, password, key);
                // An ephemeral PEM key cannot serve TLS on every platform: round-trip through PKCS#12.
                certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
        }
        catch (CryptographicException ex)
        {
            throw new OptionException("--tls-certificate", path, $"cannot be read as a certificate with its private key ({ex.Message})");
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new OptionException("--tls-certificate", path, "has no private key (give it in the file or with --tls-key)");
        }
        return certificate;
    }
}
