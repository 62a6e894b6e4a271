namespace Concierge.Server.Options;

/// <summary>
/// The server's command line as configuration keys: <c>--topology</c>, <c>--sip-listen</c>, <c>--http-listen</c>,
/// <c>--registrar</c>, <c>--csta</c>, <c>--mode</c>, <c>--db</c>, <c>--media</c>, <c>--media-plane</c>,
/// <c>--sip-tls-listen</c>, <c>--tls-certificate</c>, <c>--tls-key</c> (each with a value, as <c>--x v</c> or <c>--x=v</c>) and the flag
/// <c>--dev</c> and <c>--no-csta</c> (run SIP only, without the CSTA link). Anything else is an <see cref="OptionException"/>.
/// </summary>
public static class CommandLine
{
    /// <summary>Option name → configuration key.</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--topology"] = ConfigKeys.Topology,
        ["--sip-listen"] = ConfigKeys.SipListen,
        ["--http-listen"] = ConfigKeys.HttpListen,
        ["--registrar"] = ConfigKeys.Registrar,
        ["--csta"] = ConfigKeys.Csta,
        ["--mode"] = ConfigKeys.Mode,
        ["--db"] = ConfigKeys.Db,
        ["--media"] = ConfigKeys.Media,
        ["--media-plane"] = ConfigKeys.MediaPlane,
        ["--sip-tls-listen"] = ConfigKeys.SipTlsListen,
        ["--tls-certificate"] = ConfigKeys.TlsCertificate,
        ["--tls-key"] = ConfigKeys.TlsKey,
        ["--directory"] = ConfigKeys.Directory,
        ["--oscc-agents"] = ConfigKeys.OsccAgents,
    };

    /// <summary>The configuration values <paramref name="args"/> set.</summary>
    public static Dictionary<string, string?> Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (name == "--dev")
            {
                values[ConfigKeys.Dev] = equals > 0 ? arg[(equals + 1)..] : "true";
                continue;
            }
            if (name == "--no-csta")
            {
                values[ConfigKeys.NoCsta] = equals > 0 ? arg[(equals + 1)..] : "true";
                continue;
            }
            if (!Keys.TryGetValue(name, out var key))
                throw new OptionException(name, equals > 0 ? arg[(equals + 1)..] : null,
                    $"is not an option (options: {string.Join(", ", Keys.Keys)}, --dev, --no-csta)");
            if (equals > 0) values[key] = arg[(equals + 1)..];
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) values[key] = args[++i];
            else throw new OptionException(name, null, "needs a value");
        }
        return values;
    }
}
