namespace Concierge.Config.Validation;

/// <summary>
/// One thing wrong with a configuration: the field's path (e.g. <c>tenants[0].times.rnaTimeout</c>), the offending
/// value as written, what is wrong, and where in a file it came from when it was read from one.
/// </summary>
public sealed record ConfigProblem(ProblemSeverity Severity, string Path, string? Value, string Message, SourceLocation? Source = null)
{
    /// <summary>An error.</summary>
    public static ConfigProblem Error(string path, string? value, string message) => new(ProblemSeverity.Error, path, value, message);

    /// <summary>A warning.</summary>
    public static ConfigProblem Warning(string path, string? value, string message) => new(ProblemSeverity.Warning, path, value, message);

    /// <summary>Whether this is an error.</summary>
    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary><c>file:line: warning: path: "value" message</c>, leaving out the parts that are absent.</summary>
    public override string ToString()
    {
        var where = Source is null ? "" : Source + ": ";
        var severity = IsError ? "" : "warning: ";
        var value = Value is null ? "" : $"\"{Value}\" ";
        return $"{where}{severity}{Path}: {value}{Message}";
    }
}
