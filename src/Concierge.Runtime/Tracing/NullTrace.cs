namespace Concierge.Runtime.Tracing;

/// <summary>A trace that keeps nothing.</summary>
public sealed class NullTrace : ITrace
{
    /// <summary>The shared instance.</summary>
    public static readonly NullTrace Instance = new();

    private NullTrace() { }

    /// <inheritdoc />
    public bool IsEnabled => false;

    /// <inheritdoc />
    public void Record(string source, string text) { }
}
