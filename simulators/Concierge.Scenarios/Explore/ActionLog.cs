using Concierge.Runtime.Tracing;

namespace Concierge.Scenarios.Explore;

/// <summary>The explorer's log of actions (virtual time, action, result); keeps the last <see cref="Capacity"/> lines and writes each to the trace.</summary>
public sealed class ActionLog(ITrace trace, Func<TimeSpan> elapsed)
{
    /// <summary>Lines kept for a failure report.</summary>
    public const int Capacity = 30;

    private readonly Queue<string> _recent = new();

    /// <summary>Actions logged.</summary>
    public int Actions { get; private set; }

    /// <summary>Actions the system refused.</summary>
    public int Refused { get; private set; }

    /// <summary>Logs an action and what came of it.</summary>
    public void Add(string action, string result, bool refused = false)
    {
        Actions++;
        if (refused) Refused++;
        var line = $"{action} -> {result}";
        trace.Record("explore", line);
        _recent.Enqueue(TraceLog.FormatElapsed(elapsed()) + " " + line);
        while (_recent.Count > Capacity) _recent.Dequeue();
    }

    /// <summary>The last lines, oldest first.</summary>
    public IReadOnlyList<string> Recent => _recent.ToArray();
}
