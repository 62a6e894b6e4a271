using System.Globalization;
using System.Net;
using Concierge.Config.Model;
using Concierge.Config.Topology;
using Concierge.Server.Options;

namespace Concierge.Server.Pbx;

/// <summary>
/// The server's configuration from a topology file: its <c>concierge:</c> section (read and validated by the
/// topology reader) and the PBX's addresses (the registrar host and port of the CPS section, the CSTA port of the PBX
/// section, host names looked up in <c>network.hosts</c>), with the command line's overrides applied.
/// </summary>
public sealed record ServerTopology(string File, ConciergeConfig Config, PbxAddresses Pbx, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Loads <paramref name="options"/>' topology; a missing file, an invalid configuration or an unresolvable PBX
    /// address is an <see cref="OptionException"/> naming every problem.
    /// </summary>
    public static ServerTopology Load(ServerOptions options, string workingDirectory)
    {
        var (file, document, config) = Read("--topology", options.TopologyFile, workingDirectory);
        var sip = options.Registrar ?? new IPEndPoint(Resolve(document, config.Cps.RegistrarHost, "concierge.cps.registrarHost"), config.Cps.RegistrarPort);
        if (options.NoCsta && options.Csta is { } both) throw new OptionException("--csta", both.ToString(), "cannot be given with --no-csta");
        var csta = options.NoCsta ? null : options.Csta ?? CstaOf(document);
        if (options.Mode == ServerMode.Standby && (config.Standby is null || config.Ranges.Loop is null))
            throw new OptionException("--mode", "standby",
                "needs a concierge.standby section (loopInterval, loopCallsMissedBeforeTakeover) and a loop number in concierge.ranges in the topology " + file);
        return new ServerTopology(file, config, new PbxAddresses(sip, csta), document.Warnings.Select(w => w.ToString()).ToList()) { Root = document.Root };
    }

    /// <summary>The topology file's merged sections (the PBX's and the network's too): a configuration change is checked against them as an import is.</summary>
    public TopologyMapping? Root { get; init; }

    /// <summary>
    /// Reads the topology file <paramref name="path"/> (relative to <paramref name="workingDirectory"/> or the
    /// repository) with the topology reader's validation; every problem is named in an <see cref="OptionException"/>
    /// for <paramref name="field"/>.
    /// </summary>
    public static (string File, TopologyDocument Document, ConciergeConfig Config) Read(string field, string path, string workingDirectory)
    {
        var file = Locate(field, path, workingDirectory);
        var document = TopologyLoader.FromDirectory(Path.GetDirectoryName(file)!).Load(Path.GetFileNameWithoutExtension(file));
        if (!document.IsValid)
            throw new OptionException(field, path,
                "has errors:" + Environment.NewLine + string.Join(Environment.NewLine, document.Errors.Select(e => "  " + e)));
        var config = document.Concierge ?? throw new OptionException(field, path, "has no concierge: section");
        return (file, document, config);
    }

    private static string Locate(string field, string path, string workingDirectory)
    {
        if (!path.EndsWith(TopologyLoader.Extension, StringComparison.OrdinalIgnoreCase))
            throw new OptionException(field, path, $"is not a {TopologyLoader.Extension} file");
        var candidates = new List<string> { Path.GetFullPath(path, workingDirectory) };
        if (!Path.IsPathRooted(path))
            foreach (var start in new[] { workingDirectory, AppContext.BaseDirectory })
                if (TopologyLoader.FindRepositoryDirectory(start) is { } topologies)
                    candidates.Add(Path.GetFullPath(path, Path.GetDirectoryName(Path.GetDirectoryName(topologies))!));
        return candidates.FirstOrDefault(System.IO.File.Exists) ?? throw new OptionException(field, path, "does not exist");
    }

    private static IPEndPoint? CstaOf(TopologyDocument document)
    {
        var pbxName = document.Section("concierge")?.Text("pbx");
        if (pbxName is null || document.Section(pbxName) is not { } pbx || pbx.Mapping("csta") is not { } csta || csta.Text("port") is not { } portText)
            return null;
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > IPEndPoint.MaxPort)
            throw new OptionException($"{pbxName}.csta.port", portText, "is not a port");
        var host = pbx.Text("host") ?? pbxName;
        return new IPEndPoint(Resolve(document, host, $"{pbxName}.host"), port);
    }

    private static IPAddress Resolve(TopologyDocument document, string host, string field)
    {
        if (IPAddress.TryParse(host, out var literal)) return literal;
        var text = document.Section("network")?.Mapping("hosts")?.Text(host);
        return text is not null && IPAddress.TryParse(text, out var address)
            ? address
            : throw new OptionException(field, host, "is neither an IP address nor a host in network.hosts (give --registrar / --csta)");
    }
}
