namespace Concierge.Sip.Sdp;

/// <summary>Shared reading and editing of ordered SDP lines.</summary>
internal static class SdpLines
{
    public static string? Find(List<SdpLine> lines, char type)
    {
        foreach (var line in lines)
        {
            if (line.Type == type)
            {
                return line.Value;
            }
        }
        return null;
    }

    public static void Set(List<SdpLine> lines, char type, string? value, int insertAt)
    {
        var index = lines.FindIndex(l => l.Type == type);
        if (value is null)
        {
            if (index >= 0)
            {
                lines.RemoveAt(index);
            }
            return;
        }
        if (index >= 0)
        {
            lines[index] = new SdpLine(type, value);
        }
        else
        {
            lines.Insert(Math.Min(insertAt, lines.Count), new SdpLine(type, value));
        }
    }

    public static IEnumerable<SdpAttribute> Attributes(List<SdpLine> lines) =>
        lines.Where(l => l.Type == 'a').Select(l => SdpAttribute.Parse(l.Value));

    public static SdpDirection? Direction(List<SdpLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.Type == 'a' && SdpDirections.TryParse(line.Value, out var direction))
            {
                return direction;
            }
        }
        return null;
    }

    public static void SetDirection(List<SdpLine> lines, SdpDirection? direction)
    {
        var index = lines.FindIndex(l => l.Type == 'a' && SdpDirections.TryParse(l.Value, out _));
        lines.RemoveAll(l => l.Type == 'a' && SdpDirections.TryParse(l.Value, out _));
        if (direction is { } d)
        {
            lines.Insert(index >= 0 ? Math.Min(index, lines.Count) : lines.Count, new SdpLine('a', d.AttributeName()));
        }
    }
}
