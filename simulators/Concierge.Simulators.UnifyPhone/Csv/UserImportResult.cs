namespace Concierge.Simulators.UnifyPhone.Csv;

/// <summary>
/// The outcome of a CSV user import: a problem with the file as a whole (not UTF-8, bad header, no functional JWT …)
/// or a verdict for every row. The import is all or nothing: users are added only when every row is accepted.
/// </summary>
public sealed record UserImportResult(string? FileProblem, IReadOnlyList<CsvRowVerdict> Rows)
{
    /// <summary>True when the users were added: no file problem and every row accepted.</summary>
    public bool Imported => FileProblem is null && Rows.All(r => r.Accepted);

    /// <summary>The refused rows, in line order.</summary>
    public IEnumerable<CsvRowVerdict> Refused => Rows.Where(r => !r.Accepted);

    /// <summary>A one-line summary.</summary>
    public string Describe() =>
        FileProblem is { } problem ? "file refused: " + problem
        : Imported ? $"{Rows.Count} users imported"
        : $"nothing imported; {Refused.Count()} of {Rows.Count} rows refused: " + string.Join("; ", Refused.Select(r => r.Reason));
}
