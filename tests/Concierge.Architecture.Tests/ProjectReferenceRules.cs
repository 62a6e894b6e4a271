using System.Xml.Linq;

namespace Concierge.Architecture.Tests;

/// <summary>One project reference that breaks the layout's rules.</summary>
public sealed record ForbiddenReference(string Project, string Referenced, string Rule)
{
    /// <inheritdoc />
    public override string ToString() => $"{Project} references {Referenced}: {Rule}";
}

/// <summary>
/// The layout's rules for project references (ARCHITECTURE.md): nothing in src/ knows a simulator or a test exists,
/// and no engine library references the scenario runner.
/// </summary>
public static class ProjectReferenceRules
{
    /// <summary>The engine libraries: single-threaded, sans-IO, the same in simulation and production.</summary>
    public static readonly string[] EngineLibraries =
        ["Concierge.Runtime", "Concierge.Sip", "Concierge.Csta", "Concierge.Cps", "Concierge.Config", "Concierge.Media"];

    /// <summary>The scenario runner's project name.</summary>
    public const string ScenarioRunner = "Concierge.Scenarios";

    /// <summary>Every reference of a project under <c>src/</c> (below <paramref name="root"/>) that breaks a rule.</summary>
    public static IReadOnlyList<ForbiddenReference> Check(string root)
    {
        var found = new List<ForbiddenReference>();
        var src = Path.Combine(root, "src");
        if (!Directory.Exists(src)) return found;
        foreach (var project in Directory.EnumerateFiles(src, "*.csproj", SearchOption.AllDirectories))
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var relative = Relative(root, project);
            foreach (var referenced in References(project))
            {
                var target = Relative(root, referenced);
                var targetName = Path.GetFileNameWithoutExtension(referenced);
                if (target.StartsWith("simulators/", StringComparison.Ordinal))
                    found.Add(new ForbiddenReference(relative, target, "src/ must not know a simulator exists"));
                else if (target.StartsWith("tests/", StringComparison.Ordinal))
                    found.Add(new ForbiddenReference(relative, target, "src/ must not reference a test project"));
                else if (!target.StartsWith("src/", StringComparison.Ordinal))
                    found.Add(new ForbiddenReference(relative, target, "src/ references only projects in src/"));
                if (EngineLibraries.Contains(name) && targetName == ScenarioRunner)
                    found.Add(new ForbiddenReference(relative, target, "an engine library must not reference the scenario runner"));
            }
        }
        return found;
    }

    /// <summary>The full paths of the projects <paramref name="project"/> references.</summary>
    public static IEnumerable<string> References(string project)
    {
        var folder = Path.GetDirectoryName(project)!;
        return XDocument.Load(project).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => e.Attribute("Include")?.Value)
            .Where(include => !string.IsNullOrWhiteSpace(include))
            .Select(include => Path.GetFullPath(Path.Combine(folder, include!.Replace('\\', '/'))));
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
