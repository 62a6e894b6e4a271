namespace Concierge.Scenarios.Features;

/// <summary>Replaces the `&lt;name&gt;` placeholders of a Scenario Outline with the values of one Examples row.</summary>
public static class OutlineText
{
    /// <summary>Returns <paramref name="text"/> with every known placeholder replaced.</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values) text = text.Replace("<" + name + ">", value, StringComparison.Ordinal);
        return text;
    }
}
