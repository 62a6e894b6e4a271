using Concierge.Cps.Legs;

namespace Concierge.Cps.Engine;

public sealed partial class CpsEngine
{
    private LoopProbe? _loopProbe;
    private ITimer? _loopTimer;

    /// <summary>Loop calls in a row that got no loop-back.</summary>
    public int MissedLoopCalls { get; private set; }

    /// <summary>True while this CPS is a standby watching the main CPS through the loop number.</summary>
    public bool IsWatchingLoop => _loopTimer is not null;

    /// <summary>
    /// Runs as the standby CPS (C 2.3): refuse calls, call the loop number every <paramref name="interval"/>, and
    /// take over after <paramref name="missedBeforeTakeover"/> loop calls in a row without loop-back.
    /// </summary>
    public void StartStandby(TimeSpan interval, int missedBeforeTakeover)
    {
        if (_config.Ranges.Loop is null) throw new InvalidOperationException("a standby CPS needs a loop number in its ranges");
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "the loop interval must be positive");
        if (missedBeforeTakeover < 1) throw new ArgumentOutOfRangeException(nameof(missedBeforeTakeover), missedBeforeTakeover, "at least one missed loop call");
        if (IsInConfigMode)
        {
            IgnoredInputs++;
            Trace("standby not started: config mode (no trunk)");
            return;
        }
        Deactivate();
        StopLoop();
        MissedLoopCalls = 0;
        _loopMissLimit = missedBeforeTakeover;
        _loopTimer = _time.CreateTimer(_ => PlaceLoopCall(interval), null, interval, interval);
        Trace($"standby: loop call every {interval.TotalSeconds:0.#} s, takeover after {missedBeforeTakeover} missed");
    }

    /// <summary>The operator's switch back: this CPS stops taking calls and watches the loop number again.</summary>
    public void SwitchBackToPrimary(TimeSpan interval, int missedBeforeTakeover) => StartStandby(interval, missedBeforeTakeover);

    private int _loopMissLimit;

    private void PlaceLoopCall(TimeSpan interval)
    {
        if (_loopProbe is { } outstanding)
        {
            _legs.Release(outstanding.Leg);
            _loopProbe = null;
            OnLoopMissed("no loop-back before the next loop call");
            if (_loopTimer is null) return;
        }
        var leg = _legs.Dial(_config.Ranges.Loop!.Value, null);
        _loopProbe = new LoopProbe(leg);
        Trace($"standby: loop call on {leg}");
    }

    private void OnLoopAnswered()
    {
        var probe = _loopProbe!;
        _loopProbe = null;
        MissedLoopCalls = 0;
        _legs.Release(probe.Leg);
    }

    private void OnLoopMissed(string why)
    {
        _loopProbe = null;
        MissedLoopCalls++;
        Trace($"standby: {why} ({MissedLoopCalls}/{_loopMissLimit})");
        if (MissedLoopCalls < _loopMissLimit) return;
        StopLoop();
        Trace("standby: main CPS considered down, taking over");
        Activate();
    }

    private void StopLoop()
    {
        _loopTimer?.Dispose();
        _loopTimer = null;
    }

    /// <summary>An outstanding loop call.</summary>
    private sealed record LoopProbe(LegId Leg);
}
