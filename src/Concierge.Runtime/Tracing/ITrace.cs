namespace Concierge.Runtime.Tracing;

/// <summary>Where engines, simulators and the network record what happened (messages, timers, decisions).</summary>
public interface ITrace
{
    /// <summary>False when records are thrown away, so callers can skip building the text.</summary>
    bool IsEnabled { get; }

    /// <summary>Records one event by <paramref name="source"/> (e.g. "sip.cps", "net") at the current time.</summary>
    void Record(string source, string text);

    /// <summary>Records one event whose text the caller formatted into a buffer; the default makes a string of it.</summary>
    void Record(string source, ReadOnlySpan<char> text) => Record(source, text.ToString());
}
