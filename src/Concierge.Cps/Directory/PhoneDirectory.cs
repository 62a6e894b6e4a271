using Concierge.Config.Numbers;
using Concierge.Runtime.Collections;

namespace Concierge.Cps.Directory;

/// <summary>
/// The phone book attendants search (C 2.1): entries found by a name prefix (of the whole name or of any word in it,
/// ignoring case) or by number, and the name an incoming number belongs to. Immutable; an import builds a new one.
/// </summary>
public sealed class PhoneDirectory
{
    /// <summary>Most entries a directory holds.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>Most results a search returns.</summary>
    public const int MaxResults = 50;

    private readonly Dictionary<E164Number, DirectoryEntry> _byNumber = new();

    /// <summary>A directory of <paramref name="entries"/>; a number may belong to one entry only.</summary>
    public PhoneDirectory(IEnumerable<DirectoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Name, StringComparer.Ordinal).ToValueList();
        if (Entries.Count > MaxEntries) throw new ArgumentException($"{Entries.Count} entries: a directory holds at most {MaxEntries}", nameof(entries));
        foreach (var entry in Entries)
        {
            foreach (var number in entry.Numbers)
            {
                if (!_byNumber.TryAdd(number, entry))
                    throw new ArgumentException($"{number} belongs to both \"{_byNumber[number].Name}\" and \"{entry.Name}\"", nameof(entries));
            }
        }
    }

    /// <summary>The empty directory.</summary>
    public static PhoneDirectory Empty { get; } = new([]);

    /// <summary>Every entry, by name.</summary>
    public ValueList<DirectoryEntry> Entries { get; }

    /// <summary>The entry a number belongs to, or null.</summary>
    public DirectoryEntry? Find(E164Number number) => _byNumber.GetValueOrDefault(number);

    /// <summary>The name shown for an incoming calling number (digits with or without '+'), or null when it is not in the directory.</summary>
    public string? NameOf(string callingNumber)
    {
        if (string.IsNullOrEmpty(callingNumber)) return null;
        var text = callingNumber.StartsWith('+') ? callingNumber : "+" + callingNumber;
        return E164Number.TryParse(text, out var number) ? Find(number)?.Name : null;
    }

    /// <summary>
    /// Entries whose name or one of whose name's words starts with <paramref name="query"/> (ignoring case), or, when
    /// the query is a number (digits, optionally '+'), whose numbers start with it; at most <see cref="MaxResults"/>.
    /// </summary>
    public IReadOnlyList<DirectoryEntry> Search(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = query.Trim();
        if (q.Length == 0) return [];
        var digits = q.StartsWith('+') ? q[1..] : q;
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            return Entries.Where(e => e.Numbers.Any(n => n.ToString()[1..].StartsWith(digits, StringComparison.Ordinal) || n.ToString().EndsWith(digits, StringComparison.Ordinal) && !q.StartsWith('+')))
                .Take(MaxResults).ToList();
        return Entries.Where(e => e.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase)
                                  || e.Name.Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries).Any(w => w.StartsWith(q, StringComparison.OrdinalIgnoreCase)))
            .Take(MaxResults).ToList();
    }
}
