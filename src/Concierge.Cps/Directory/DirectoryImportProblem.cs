namespace Concierge.Cps.Directory;

/// <summary>Why one line of a directory import was refused: its line number, the field, the value and the reason.</summary>
public sealed record DirectoryImportProblem(int Line, string Field, string? Value, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => Value is null ? $"line {Line}: {Field}: {Reason}" : $"line {Line}: {Field}: \"{Value}\" {Reason}";
}
