using Concierge.Config.Durations;
using System.Text;
using System.Text.RegularExpressions;
using Concierge.Scenarios.Values;

namespace Concierge.Scenarios.Binding;

/// <summary>A compiled step phrase: the anchored regular expression and the placeholder kind of each group.</summary>
public sealed partial class StepPattern
{
    private static readonly Dictionary<string, string> PlaceholderRegex = new(StringComparer.Ordinal)
    {
        ["string"] = "\"([^\"]*)\"",
        ["number"] = "\"([^\"]*)\"",
        ["strings"] = "(" + QuotedList.Pattern + ")",
        ["int"] = @"(-?\d+)",
        ["decimal"] = @"(-?\d+(?:\.\d+)?)",
        ["duration"] = "(" + DurationText.Pattern + ")",
    };

    [GeneratedRegex(@"\{(?<name>[a-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderToken();

    private StepPattern(string phrase, Regex regex, IReadOnlyList<string> placeholders)
    {
        Phrase = phrase;
        Regex = regex;
        Placeholders = placeholders;
    }

    /// <summary>The phrase as declared.</summary>
    public string Phrase { get; }

    /// <summary>The anchored expression that matches a step text.</summary>
    public Regex Regex { get; }

    /// <summary>The placeholder kind of each group in order (`regex` for raw regular expressions).</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>Compiles a template or (leading `^`) a regular expression.</summary>
    public static StepPattern Compile(string phrase)
    {
        if (phrase.StartsWith('^'))
        {
            var raw = new Regex(phrase.EndsWith('$') ? phrase : phrase + "$", RegexOptions.CultureInvariant);
            var groups = raw.GetGroupNumbers().Length - 1;
            return new StepPattern(phrase, raw, Enumerable.Repeat("regex", groups).ToArray());
        }
        var pattern = new StringBuilder("^");
        var kinds = new List<string>();
        var last = 0;
        foreach (Match token in PlaceholderToken().Matches(phrase))
        {
            var name = token.Groups["name"].Value;
            if (!PlaceholderRegex.TryGetValue(name, out var regex))
                throw new ArgumentException($"step phrase '{phrase}': unknown placeholder {{{name}}} (known: {string.Join(", ", PlaceholderRegex.Keys.Select(k => "{" + k + "}"))})", nameof(phrase));
            pattern.Append(Regex.Escape(phrase[last..token.Index])).Append(regex);
            kinds.Add(name);
            last = token.Index + token.Length;
        }
        pattern.Append(Regex.Escape(phrase[last..])).Append('$');
        return new StepPattern(phrase, new Regex(pattern.ToString(), RegexOptions.CultureInvariant), kinds);
    }

    /// <summary>The phrase as STEPS.md writes it, each placeholder shown by the name of its parameter.</summary>
    public string Display(IReadOnlyList<string> parameterNames)
    {
        if (Phrase.StartsWith('^')) return Phrase;
        var index = 0;
        return PlaceholderToken().Replace(Phrase, m =>
        {
            var name = index < parameterNames.Count ? parameterNames[index] : m.Groups["name"].Value;
            index++;
            return m.Groups["name"].Value switch
            {
                "string" or "number" => $"\"<{name}>\"",
                "strings" => $"\"<{name}>\", …",
                _ => $"<{name}>",
            };
        });
    }
}
