using System.Text.RegularExpressions;

namespace Concierge.Scenarios.StepLanguage;

/// <summary>Finds the known phrases closest to an unknown step text by edit distance over their shapes.</summary>
public static partial class PhraseSuggestions
{
    [GeneratedRegex("\"[^\"]*\"(\\s*,\\s*\"[^\"]*\")*")]
    private static partial Regex QuotedRun();

    [GeneratedRegex("\"<[^>]*>\"(, …)?")]
    private static partial Regex QuotedPlaceholder();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\d+(\.\d+)?(\s*(ms|milliseconds?|seconds?|minutes?|hours?|days?)\b)?")]
    private static partial Regex NumberOrDuration();

    /// <summary>Up to <paramref name="count"/> phrases of <paramref name="bindings"/> closest to <paramref name="text"/>, best first.</summary>
    /// <remarks>Phrases of another kind than <paramref name="kind"/> rank a little lower (a penalty of 3 edits).</remarks>
    public static IReadOnlyList<string> Closest(string text, Features.StepKind kind, IEnumerable<StepBinding> bindings, int count = 3)
    {
        var shape = ShapeOfText(text);
        return bindings
            .Select(b => (display: b.Display, distance: Levenshtein(shape, ShapeOfDisplay(b.Display)) + (b.Kind == kind ? 0 : 3)))
            .OrderBy(x => x.distance).ThenBy(x => x.display, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.display)
            .ToArray();
    }

    /// <summary>A step text with values replaced by markers: quoted strings by `"_"`, numbers and durations by `#`.</summary>
    public static string ShapeOfText(string text) => NumberOrDuration().Replace(QuotedRun().Replace(text, "\"_\""), "#");

    private static string ShapeOfDisplay(string display)
    {
        var withoutKeyword = display[(display.IndexOf(' ') + 1)..];
        return Placeholder().Replace(QuotedPlaceholder().Replace(withoutKeyword, "\"_\""), "#");
    }

    /// <summary>The number of single-character edits turning <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
