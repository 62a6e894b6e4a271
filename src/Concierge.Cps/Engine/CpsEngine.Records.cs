using System.Diagnostics.CodeAnalysis;
using Concierge.Cps.Records;

namespace Concierge.Cps.Engine;

/// <summary>The engine keeps no call history: a record leaves it for <see cref="RecordSink"/> when its call ends.</summary>
public sealed partial class CpsEngine
{
    private readonly ICallRecordSink _recordSink = new CallRecorder();

    /// <summary>
    /// Where ended call records go (the store in the server); by default a <see cref="CallRecorder"/> of the newest
    /// <see cref="CallRecorder.DefaultCapacity"/>. Set when the engine is made; null means the default.
    /// </summary>
    [AllowNull]
    public ICallRecordSink RecordSink
    {
        get => _recordSink;
        init => _recordSink = value ?? new CallRecorder();
    }

    /// <summary>
    /// The records this engine can still show, in arrival order: the ended ones its sink keeps (when it is a
    /// <see cref="CallRecorder"/>) and those of live calls. Built on each read; for tests and diagnostics.
    /// </summary>
    public IReadOnlyList<CallRecord> Records
    {
        get
        {
            var ended = _recordSink is CallRecorder recorder ? recorder.Ended : [];
            return ended.Concat(_liveCalls.Select(c => c.Record)).OrderBy(r => r.Id).ToList();
        }
    }

    private void HandOver(CallRecord ended) => _recordSink.CallEnded(ended);
}
