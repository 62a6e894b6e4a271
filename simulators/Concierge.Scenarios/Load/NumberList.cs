using System.Globalization;

namespace Concierge.Scenarios.Load;

/// <summary>Whole-number lists on the command line: "10,30,60", "1..5", "1..3,5"; errors name the option and the value.</summary>
public static class NumberList
{
    /// <summary>Parses <paramref name="text"/> for <paramref name="option"/>, each number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static IReadOnlyList<int> Parse(string option, string text, int min, int max)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var range = part.Split("..");
            if (range.Length is 1 or 2 && range.All(r => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max))
            {
                var from = int.Parse(range[0], CultureInfo.InvariantCulture);
                var to = int.Parse(range[^1], CultureInfo.InvariantCulture);
                if (to < from) throw new FormatException($"{option}: \"{text}\": the range {part} runs backwards");
                for (var v = from; v <= to; v++) if (!values.Contains(v)) values.Add(v);
                continue;
            }
            throw new FormatException($"{option}: \"{text}\" is not a list of whole numbers from {min} to {max} (for example 10,30,60 or 1..5)");
        }
        return values;
    }
}
