namespace Concierge.Config.Topology;

/// <summary>Builds field paths inside a topology file: <c>concierge.tenants.DEFAULT.times</c>, <c>ddiEntries["+4950505803201"]</c>.</summary>
public static class YamlPath
{
    /// <summary>The path of <paramref name="key"/> under <paramref name="parent"/>.</summary>
    public static string Child(string parent, string key)
    {
        var plain = key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        var part = plain ? key : "[\"" + key.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";
        return parent.Length == 0 ? part : plain ? parent + "." + part : parent + part;
    }

    /// <summary>The path of item <paramref name="index"/> of a list.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
