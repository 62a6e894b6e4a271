namespace Concierge.Config.Validation;

/// <summary>A place in a configuration file: file name, 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>"file:line".</summary>
    public override string ToString() => $"{File}:{Line}";
}
