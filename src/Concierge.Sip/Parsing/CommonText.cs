namespace Concierge.Sip.Parsing;

/// <summary>Returns shared strings for frequent parameter names and values so parsing does not allocate them.</summary>
internal static class CommonText
{
    private static readonly string[] Words =
    [
        "tag", "branch", "lr", "received", "rport", "expires", "q", "user", "phone", "transport", "udp", "tcp", "tls",
        "UDP", "TCP", "TLS", "maddr", "ttl", "method", "refresher", "uac", "uas", "index", "reason", "counter", "sip",
        "ob", "gr", "id", "to-tag", "from-tag", "early-only", "charge", "mp", "rc", "np", "privacy", "screen",
    ];

    private static readonly (byte[] Bytes, string Text)[][] ByLength = Build();

    private static (byte[], string)[][] Build()
    {
        var max = Words.Max(w => w.Length);
        return Enumerable.Range(0, max + 1)
            .Select(length => Words.Where(w => w.Length == length).Select(w => (System.Text.Encoding.ASCII.GetBytes(w), w)).ToArray())
            .ToArray();
    }

    /// <summary>The shared string when the bytes are a known word, else a new string.</summary>
    public static string Get(ReadOnlySpan<byte> s)
    {
        if (s.Length < ByLength.Length)
        {
            foreach (var (bytes, text) in ByLength[s.Length])
            {
                if (s.SequenceEqual(bytes))
                {
                    return text;
                }
            }
        }
        return SpanText.Utf8(s);
    }
}
