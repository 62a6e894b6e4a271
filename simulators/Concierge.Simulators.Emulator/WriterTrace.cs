using Concierge.Runtime.Tracing;

namespace Concierge.Simulators.Emulator;

/// <summary>Trace lines written as they happen, one per line: the clock's time of day, the source and the text.</summary>
public sealed class WriterTrace(TextWriter writer, TimeProvider clock) : ITrace
{
    private readonly TextWriter _writer = TextWriter.Synchronized(writer);

    /// <inheritdoc />
    public bool IsEnabled => true;

    /// <inheritdoc />
    public void Record(string source, string text) =>
        _writer.WriteLine($"{clock.GetUtcNow():HH:mm:ss.fff} {source} {text}");
}
