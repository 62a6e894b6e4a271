namespace Concierge.Scenarios.Systems;

/// <summary>External callers arriving over the PBX's public trunk (the caller simulator).</summary>
public interface ICallers
{
    /// <summary>A caller named <paramref name="name"/> calls <paramref name="dialled"/> (full number) from <paramref name="callingNumber"/>.</summary>
    CallRef Dial(string name, string callingNumber, string dialled);

    /// <summary>The caller hangs up.</summary>
    void HangUp(CallRef call);

    /// <summary>What the caller experiences now.</summary>
    CallerView Observe(CallRef call);

    /// <summary>
    /// Lets go of what is kept of an ended call (a long load run would otherwise keep every caller it ever placed):
    /// afterwards the call can no longer be observed. A call still in progress is kept, and the answer is false.
    /// </summary>
    bool Forget(CallRef call);
}
