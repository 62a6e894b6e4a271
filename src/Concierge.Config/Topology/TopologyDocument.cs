using Concierge.Runtime.Collections;
using Concierge.Config.Model;
using Concierge.Config.Validation;

namespace Concierge.Config.Topology;

/// <summary>
/// A loaded topology: the merged tree of every section (for the simulators), the CPS configuration read from its
/// <c>concierge:</c> section (null when absent or unreadable), and every problem found with file and line.
/// </summary>
public sealed record TopologyDocument(
    string Name,
    ValueList<string> Chain,
    TopologyMapping Root,
    ConciergeConfig? Concierge,
    ValueList<ConfigProblem> Problems)
{
    /// <summary>True when no error was found (warnings allowed).</summary>
    public bool IsValid => !Problems.Any(p => p.IsError);

    /// <summary>The errors.</summary>
    public IEnumerable<ConfigProblem> Errors => Problems.Where(p => p.IsError);

    /// <summary>The warnings.</summary>
    public IEnumerable<ConfigProblem> Warnings => Problems.Where(p => !p.IsError);

    /// <summary>The top-level section <paramref name="name"/> (e.g. "osv"), merged, or null when absent.</summary>
    public TopologyMapping? Section(string name) => Root.Mapping(name);

    /// <summary>The merged section <paramref name="name"/> written back as YAML, for simulators that deserialize it themselves.</summary>
    public string? SectionYaml(string name) => Section(name) is { } section ? TopologyYamlWriter.Write(section) : null;

    /// <summary>The CPS configuration, throwing with every error listed when the topology has errors.</summary>
    public ConciergeConfig RequireConcierge()
    {
        if (!IsValid)
        {
            throw new InvalidOperationException($"topology \"{Name}\" has errors:{Environment.NewLine}{string.Join(Environment.NewLine, Errors)}");
        }
        return Concierge ?? throw new InvalidOperationException($"topology \"{Name}\" has no concierge: section");
    }
}
