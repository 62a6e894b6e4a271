using System.Text.RegularExpressions;

namespace Concierge.Scenarios.Values;

/// <summary>Reads lists of quoted strings as scenarios write them: `"a", "b", "c"` (a final `and`/`or` is allowed).</summary>
public static partial class QuotedList
{
    /// <summary>The regular expression of a list of at least one quoted string, without groups.</summary>
    public const string Pattern = "\"[^\"]*\"(?:(?:\\s*,\\s*|\\s*,?\\s+(?:and|or)\\s+)\"[^\"]*\")*";

    [GeneratedRegex("\"(?<item>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ItemRegex();

    /// <summary>The unquoted items of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Parse(string text) =>
        ItemRegex().Matches(text ?? "").Select(m => m.Groups["item"].Value).ToArray();
}
