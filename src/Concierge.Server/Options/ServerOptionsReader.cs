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

    /// <summary>The options in <paramref name="config"/>.</summary>
    public static ServerOptions Read(IConfiguration config)
    {
        var topology = config[ConfigKeys.Topology];
        if (topology is { Length: 0 }) throw new OptionException("--topology", topology, "is not a file name (empty)");
        return new ServerOptions
        {
            TopologyFile = topology ?? DefaultTopology,
            SipListen = EndPointText.Parse("--sip-listen", config[ConfigKeys.SipListen] ?? DefaultSipListen),
            HttpListen = EndPointText.Parse("--http-listen", config[ConfigKeys.HttpListen] ?? DefaultHttpListen),
            Registrar = config[ConfigKeys.Registrar] is { } registrar ? EndPointText.Parse("--registrar", registrar) : null,
            Csta = config[ConfigKeys.Csta] is { } csta ? EndPointText.Parse("--csta", csta) : null,
            Mode = ReadMode(config[ConfigKeys.Mode]),
            Dev = ReadFlag("--dev", config[ConfigKeys.Dev]),
        };
    }

    private static ServerMode ReadMode(string? text) => text?.ToLowerInvariant() switch
    {
        null or "primary" => ServerMode.Primary,
        "standby" => ServerMode.Standby,
        _ => throw new OptionException("--mode", text, "is not primary or standby"),
    };

    private static bool ReadFlag(string field, string? text) => text?.ToLowerInvariant() switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw new OptionException(field, text, "is not true or false"),
    };
}
