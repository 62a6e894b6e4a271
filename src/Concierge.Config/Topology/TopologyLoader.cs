using Concierge.Runtime.Collections;
using Concierge.Config.Validation;

namespace Concierge.Config.Topology;

/// <summary>
/// Loads a topology by name: reads <c>&lt;name&gt;.yaml</c>, follows <c>extends: &lt;other name&gt;</c> (deep merge, see
/// <see cref="TopologyMerge"/>), reads and validates the <c>concierge:</c> section, and reports every problem with
/// file, line, field and value. Other top-level sections are kept, merged, for the simulators.
/// </summary>
public sealed class TopologyLoader
{
    /// <summary>Longest <c>extends</c> chain followed.</summary>
    public const int MaxExtendsDepth = 8;

    /// <summary>File name extension of topology files.</summary>
    public const string Extension = ".yaml";

    private readonly Func<string, string?> _readByName;

    /// <summary>A loader whose files come from <paramref name="readByName"/> (topology name → YAML text, null when absent).</summary>
    public TopologyLoader(Func<string, string?> readByName) => _readByName = readByName;

    /// <summary>A loader reading <c>&lt;directory&gt;/&lt;name&gt;.yaml</c>.</summary>
    public static TopologyLoader FromDirectory(string directory) => new(name =>
    {
        var path = Path.Combine(directory, name + Extension);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    });

    /// <summary>
    /// The <c>scenarios/topologies</c> folder of the repository holding <paramref name="start"/>: walks up from it
    /// until a folder containing <c>Concierge.sln</c> is found. Null when there is none.
    /// </summary>
    public static string? FindRepositoryDirectory(string start)
    {
        var dir = new DirectoryInfo(start);
        for (var guard = 0; guard < 32 && dir is not null; guard++, dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Concierge.sln")))
            {
                return Path.Combine(dir.FullName, "scenarios", "topologies");
            }
        }
        return null;
    }

    /// <summary>The names of the standard topologies STEPS.md defines.</summary>
    public static readonly IReadOnlyList<string> StandardNames =
        ["osv-example", "osv-standby", "osv-oscc", "os4000-example", "osv-unifyphone", "osbiz-unifyphone", "osv-two-tenants"];

    /// <summary>Loads the topology <paramref name="name"/> (file name without <c>.yaml</c>).</summary>
    public TopologyDocument Load(string name)
    {
        var problems = new ProblemList();
        var chain = new List<string>();
        var root = LoadMerged(name, chain, problems, null) ?? new TopologyMapping([], new SourceLocation(name + Extension, 1, 1));
        chain.Reverse();
        var concierge = root["concierge"] is { } section ? ReadConcierge(section, problems) : null;
        TopologyCrossChecks.Check(root, concierge, problems);
        return new TopologyDocument(name, chain.ToValueList(), root, concierge, problems.ToValueList());
    }

    private static Model.ConciergeConfig? ReadConcierge(TopologyNode section, ProblemList problems)
    {
        if (section is not TopologyMapping mapping)
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, ConciergeSectionReader.SectionName, (section as TopologyScalar)?.Value,
                $"must be a mapping, not {section.Kind}", section.Source));
            return null;
        }
        var map = new SourceMap();
        var errorsBefore = problems.ErrorCount;
        var config = new ConciergeSectionReader(new FieldReader(problems, map)).Read(mapping);
        if (config is null || problems.ErrorCount != errorsBefore)
        {
            return null;
        }
        foreach (var problem in ConfigValidator.Validate(config).Problems)
        {
            var located = map.Locate(problem);
            problems.Add(located.Source is null
                ? located with { Path = ConciergeSectionReader.SectionName + "." + located.Path, Source = mapping.Source }
                : located);
        }
        return config;
    }

    private TopologyMapping? LoadMerged(string name, List<string> chain, ProblemList problems, SourceLocation? referencedFrom)
    {
        var file = name + Extension;
        if (chain.Contains(name))
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, "extends", name, $"makes a cycle ({string.Join(" → ", chain)} → {name})", referencedFrom));
            return null;
        }
        if (chain.Count >= MaxExtendsDepth)
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, "extends", name, $"chain is longer than {MaxExtendsDepth}", referencedFrom));
            return null;
        }
        if (!IsPlainName(name))
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, "extends", name, "is not a topology name (letters, digits, '-', '_' and '.')", referencedFrom));
            return null;
        }
        var text = _readByName(name);
        if (text is null)
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, referencedFrom is null ? "(file)" : "extends", name, $"names no topology file ({file})", referencedFrom));
            return null;
        }
        chain.Add(name);
        var own = TopologyFileReader.Read(text, file, problems);
        if (own is null)
        {
            return null;
        }
        var extends = own["extends"];
        var rest = new TopologyMapping(own.Entries.Where(e => e.Key != "extends").ToList(), own.Source);
        if (extends is null)
        {
            return rest;
        }
        if (extends is not TopologyScalar { Value: { } parentName })
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, "extends", null, "must name one topology", extends.Source));
            return rest;
        }
        var parent = LoadMerged(parentName, chain, problems, extends.Source);
        return parent is null ? rest : TopologyMerge.Merge(parent, rest);
    }

    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 100 && !name.StartsWith('.') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
