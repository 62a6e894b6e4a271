using Concierge.Runtime.Collections;

namespace Concierge.Cps.Directory;

/// <summary>
/// The outcome of a directory import: the whole new directory when every line was good, or every problem found and no
/// directory (nothing half-imported).
/// </summary>
public sealed record DirectoryImportResult(PhoneDirectory? Directory, ValueList<DirectoryImportProblem> Problems)
{
    /// <summary>True when every line was imported.</summary>
    public bool Succeeded => Directory is not null && Problems.Count == 0;
}
