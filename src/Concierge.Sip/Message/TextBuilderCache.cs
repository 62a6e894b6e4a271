using System.Text;

namespace Concierge.Sip.Message;

/// <summary>
/// One reusable StringBuilder per thread for rendering header values: rendering then costs only the final string.
/// Renderers must not nest (an inner renderer appends to its caller's builder instead of acquiring one).
/// </summary>
internal static class TextBuilderCache
{
    private const int MaxKeptCapacity = 1024;

    [ThreadStatic]
    private static StringBuilder? t_cached;

    /// <summary>An empty builder: the thread's cached one when free, else a new one.</summary>
    public static StringBuilder Acquire()
    {
        var builder = t_cached;
        if (builder is null) return new StringBuilder(128);
        t_cached = null;
        return builder.Clear();
    }

    /// <summary>The builder's text; the builder goes back to the cache.</summary>
    public static string Release(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= MaxKeptCapacity) t_cached = builder;
        return text;
    }
}
