using Concierge.Config.Validation;

namespace Concierge.Config.Topology;

/// <summary>Remembers, for each model field path (<c>tenants[0].times.rnaTimeout</c>), the file path and line it was read from.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, (string YamlPath, SourceLocation Source, string? Written)> _fields = new(StringComparer.Ordinal);

    /// <summary>Records where a model field came from and, for a scalar, the text as written.</summary>
    public void Bind(string modelPath, string yamlPath, SourceLocation source, string? written = null) =>
        _fields[modelPath] = (yamlPath, source, written);

    /// <summary>
    /// Rewrites a validator problem to name the file field and line: the field itself when known, else its nearest
    /// recorded parent (the remainder of the path is kept). For the field itself the value is shown as the file wrote it.
    /// </summary>
    public ConfigProblem Locate(ConfigProblem problem)
    {
        var path = problem.Path;
        var suffix = "";
        for (var guard = 0; guard < 32 && path.Length > 0; guard++)
        {
            if (_fields.TryGetValue(path, out var found))
            {
                var value = suffix.Length == 0 && found.Written is not null && problem.Value is not null ? found.Written : problem.Value;
                return problem with { Path = found.YamlPath + suffix, Source = found.Source, Value = value };
            }
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                break;
            }
            suffix = path[cut..] + suffix;
            path = path[..cut];
        }
        return problem;
    }
}
