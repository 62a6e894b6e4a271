namespace Concierge.Config.Topology;

/// <summary>Matches enum values written in a file loosely: case, spaces, dashes and underscores do not matter ("pick only" = "pickOnly").</summary>
public static class EnumText
{
    /// <summary>The value whose name (or one of the extra spellings) matches <paramref name="text"/>.</summary>
    public static bool TryParse<T>(string text, out T value, params (string Spelling, T Value)[] extra) where T : struct, Enum
    {
        var wanted = Normalize(text);
        foreach (var (spelling, v) in extra)
        {
            if (Normalize(spelling) == wanted)
            {
                value = v;
                return true;
            }
        }
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Normalize(candidate.ToString()) == wanted)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The value of enum <paramref name="type"/> whose name matches <paramref name="text"/> (for callers that know the type only at run time).</summary>
    public static bool TryParse(Type type, string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out object? value)
    {
        var wanted = Normalize(text);
        foreach (var name in Enum.GetNames(type))
        {
            if (Normalize(name) == wanted)
            {
                value = Enum.Parse(type, name);
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary>The value names as a file would write them ("automatic distribution").</summary>
    public static string Known<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(Words));

    /// <summary>"AutomaticDistribution" → "automatic distribution".</summary>
    public static string Words(string name)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append(' ');
            }
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }

    /// <summary>Lower case without white space, dashes or underscores: the form in which names are compared.</summary>
    public static string Normalize(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_').Select(char.ToLowerInvariant).ToArray());
}
