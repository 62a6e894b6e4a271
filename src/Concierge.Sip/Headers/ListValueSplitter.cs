namespace Concierge.Sip.Headers;

/// <summary>Splits a list header value at commas that are outside quotes and angle brackets.</summary>
internal static class ListValueSplitter
{
    public static void Split(string value, List<string> into)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case '<': depth++; break;
                case '>': depth = Math.Max(0, depth - 1); break;
                case ',' when depth == 0:
                    Add(value.AsSpan(start, i - start), into);
                    start = i + 1;
                    break;
            }
        }
        Add(value.AsSpan(start), into);
    }

    private static void Add(ReadOnlySpan<char> item, List<string> into)
    {
        var trimmed = item.Trim(" \t");
        if (!trimmed.IsEmpty)
        {
            into.Add(trimmed.ToString());
        }
    }
}
