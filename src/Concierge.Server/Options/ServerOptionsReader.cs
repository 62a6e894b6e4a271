using System.Globalization;
using Concierge.Store;
using Concierge.Store.Accounts;
using Microsoft.Extensions.Configuration;

namespace Concierge.Server.Options;

/// <summary>Reads <see cref="ServerOptions"/> from the layered configuration; a bad value is an <see cref="OptionException"/> naming it.</summary>
public static class ServerOptionsReader
{
    /// <summary>The default topology file (relative to the working directory or the repository).</summary>
    public const string DefaultTopology = "scenarios/topologies/osv-example.yaml";

    /// <summary>The default HTTP address.</summary>
    public const string DefaultHttpListen = "127.0.0.1:8080";

    /// <summary>The default SIP address.</summary>
    public const string DefaultSipListen = "127.0.0.1:5060";

    /// <summary>The options in <paramref name="config"/>; relative paths are taken from <paramref name="workingDirectory"/> (default: the current one).</summary>
    public static ServerOptions Read(IConfiguration config, string? workingDirectory = null)
    {
        workingDirectory ??= Directory.GetCurrentDirectory();
        var topology = config[ConfigKeys.Topology];
        if (topology is { Length: 0 }) throw new OptionException("--topology", topology, "is not a file name (empty)");
        return new ServerOptions
        {
            TopologyFile = topology ?? DefaultTopology,
            SipListen = EndPointText.Parse("--sip-listen", config[ConfigKeys.SipListen] ?? DefaultSipListen),
            HttpListen = EndPointText.Parse("--http-listen", config[ConfigKeys.HttpListen] ?? DefaultHttpListen),
            Registrar = config[ConfigKeys.Registrar] is { } registrar ? EndPointText.Parse("--registrar", registrar) : null,
            Csta = config[ConfigKeys.Csta] is { } csta ? EndPointText.Parse("--csta", csta) : null,
            DirectoryFile = ReadDirectoryFile(config[ConfigKeys.Directory], workingDirectory),
            Mode = ReadMode(config[ConfigKeys.Mode]),
            Dev = ReadFlag("--dev", config[ConfigKeys.Dev]),
            NoCsta = ReadFlag("--no-csta", config[ConfigKeys.NoCsta]),
            Db = ReadDb(config[ConfigKeys.Db] ?? StoreLocation.DefaultFile, workingDirectory),
            PasswordPolicy = ReadIterations(config[ConfigKeys.PasswordIterations]),
            TokenLifetime = ReadTokenLifetime(config[ConfigKeys.TokenLifetimeMinutes]),
            MediaFolder = ReadFolder("--media", config[ConfigKeys.Media] ?? "media", workingDirectory),
            MediaPlane = ReadMediaPlane(config[ConfigKeys.MediaPlane]),
            SipTlsListen = config[ConfigKeys.SipTlsListen] is { } tls ? EndPointText.Parse("--sip-tls-listen", tls) : null,
            TlsCertificate = ReadCertificate(config, workingDirectory),
            OsccAgentExportFile = config[ConfigKeys.OsccAgents] switch
            {
                null => null,
                { Length: 0 } empty => throw new OptionException("--oscc-agents", empty, "is not a file name (empty)"),
                var file => Path.GetFullPath(file, workingDirectory),
            },
        };
    }

    private static string ReadFolder(string field, string text, string workingDirectory)
    {
        if (text.Length == 0) throw new OptionException(field, text, "is not a folder name (empty)");
        return Path.GetFullPath(Path.Combine(workingDirectory, text));
    }

    private static MediaPlaneKind ReadMediaPlane(string? text) => text?.ToLowerInvariant() switch
    {
        null or "rtp" => MediaPlaneKind.Rtp,
        "none" => MediaPlaneKind.None,
        _ => throw new OptionException("--media-plane", text, "is not rtp or none"),
    };

    private static System.Security.Cryptography.X509Certificates.X509Certificate2? ReadCertificate(IConfiguration config, string workingDirectory)
    {
        var file = config[ConfigKeys.TlsCertificate];
        var key = config[ConfigKeys.TlsKey];
        if (file is null)
        {
            if (config[ConfigKeys.SipTlsListen] is { } listen)
                throw new OptionException("--sip-tls-listen", listen, "needs a certificate: give --tls-certificate <file> (PKCS#12 or PEM)");
            if (key is not null) throw new OptionException("--tls-key", key, "needs --tls-certificate");
            return null;
        }
        if (config[ConfigKeys.SipTlsListen] is null)
            throw new OptionException("--tls-certificate", file, "is given but --sip-tls-listen is not (where should SIP over TLS listen?)");
        if (file.Length == 0) throw new OptionException("--tls-certificate", file, "is not a file name (empty)");
        return TlsCertificateFile.Load(Path.GetFullPath(Path.Combine(workingDirectory, file)),
            key is null ? null : Path.GetFullPath(Path.Combine(workingDirectory, key)), config[ConfigKeys.TlsCertificatePassword]);
    }

    private static string? ReadDirectoryFile(string? text, string workingDirectory)
    {
        if (text is null) return null;
        var path = text.Length == 0 ? "" : Path.GetFullPath(text, workingDirectory);
        return File.Exists(path) ? path : throw new OptionException("--directory", text, "is not a file (a CSV with the header name,numbers,department,location,email)");
    }

    private static ServerMode ReadMode(string? text) => text?.ToLowerInvariant() switch
    {
        null or "primary" => ServerMode.Primary,
        "standby" => ServerMode.Standby,
        _ => throw new OptionException("--mode", text, "is not primary or standby"),
    };

    private static StoreLocation ReadDb(string text, string workingDirectory)
    {
        try
        {
            return StoreLocation.Parse("--db", text, workingDirectory);
        }
        catch (StoreException ex)
        {
            throw new OptionException("--db", null, ex.Message.StartsWith("--db: ", StringComparison.Ordinal) ? ex.Message["--db: ".Length..] : ex.Message);
        }
    }

    private static PasswordPolicy ReadIterations(string? text)
    {
        if (text is null) return PasswordPolicy.Production;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
            throw new OptionException(ConfigKeys.PasswordIterations, text, "is not a whole number");
        if (iterations < PasswordPolicy.MinimumIterations)
            throw new OptionException(ConfigKeys.PasswordIterations, text, $"is below the minimum of {PasswordPolicy.MinimumIterations:N0} PBKDF2-SHA256 iterations");
        return PasswordPolicy.WithIterations(iterations);
    }

    private static TimeSpan ReadTokenLifetime(string? text)
    {
        if (text is null) return ServerOptions.DefaultTokenLifetime;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is >= 1 and <= 7 * 24 * 60
            ? TimeSpan.FromMinutes(minutes)
            : throw new OptionException(ConfigKeys.TokenLifetimeMinutes, text, "is not a number of minutes from 1 to 10080 (a week)");
    }

    private static bool ReadFlag(string field, string? text) => text?.ToLowerInvariant() switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw new OptionException(field, text, "is not true or false"),
    };
}
