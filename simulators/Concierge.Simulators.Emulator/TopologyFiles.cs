using Concierge.Config.Topology;

namespace Concierge.Simulators.Emulator;

/// <summary>Finds and loads the topology the emulator runs: a name in the repository's <c>scenarios/topologies</c>, or a file.</summary>
public static class TopologyFiles
{
    /// <summary>
    /// The topology <paramref name="nameOrFile"/>: a <c>.yaml</c> path (relative to <paramref name="workingDirectory"/>),
    /// or a name looked up in <c>scenarios/topologies</c> of the repository holding <paramref name="workingDirectory"/> or
    /// this program. A missing file or an invalid topology is an <see cref="ArgumentException"/> naming it and every problem.
    /// </summary>
    public static TopologyDocument Load(string nameOrFile, string workingDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrFile);
        string file;
        if (nameOrFile.EndsWith(TopologyLoader.Extension, StringComparison.OrdinalIgnoreCase))
        {
            file = Path.GetFullPath(nameOrFile, workingDirectory);
            if (!File.Exists(file)) throw new ArgumentException($"topology file \"{nameOrFile}\" does not exist", nameof(nameOrFile));
        }
        else
        {
            var folder = TopologyLoader.FindRepositoryDirectory(workingDirectory) ?? TopologyLoader.FindRepositoryDirectory(AppContext.BaseDirectory)
                         ?? throw new ArgumentException($"topology \"{nameOrFile}\": no scenarios/topologies folder found above {workingDirectory}; give a .yaml file", nameof(nameOrFile));
            file = Path.Combine(folder, nameOrFile + TopologyLoader.Extension);
            if (!File.Exists(file))
            {
                var known = Directory.EnumerateFiles(folder, "*" + TopologyLoader.Extension).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
                throw new ArgumentException($"topology \"{nameOrFile}\" is not in {folder} (there are: {string.Join(", ", known)})", nameof(nameOrFile));
            }
        }
        var document = TopologyLoader.FromDirectory(Path.GetDirectoryName(file)!).Load(Path.GetFileNameWithoutExtension(file));
        if (!document.IsValid)
            throw new ArgumentException($"topology \"{nameOrFile}\" has errors:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", document.Errors), nameof(nameOrFile));
        return document;
    }
}
