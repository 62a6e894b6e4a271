namespace Concierge.Cps.Records;

/// <summary>
/// Where the engine hands a call record when its call ends: the engine keeps no history, so ended records leave it
/// (to the store in the server, to a bounded <see cref="CallRecorder"/> in simulation and tests). Called on the
/// engine's event loop, once per call, after the record got its disposition; it must not throw (a sink that can fail
/// catches and counts its failures) and must not call back into the engine.
/// </summary>
public interface ICallRecordSink
{
    /// <summary>The call of <paramref name="record"/> ended; its <see cref="CallRecord.Disposition"/> is set.</summary>
    void CallEnded(CallRecord record);
}
