using Concierge.Csta.Messages;
using Concierge.Runtime.Loop;

namespace Concierge.Csta.Session;

// The ECMA-354 application session: opened before SystemRegister, kept alive with ResetApplicationSessionTimer well
// before its duration runs out, stopped when the link is stopped.
public sealed partial class CstaClientSession
{
    private string? _applicationSessionId;
    private ITimer? _keepAliveTimer;
    private bool _keepAliveOutstanding;

    /// <summary>The open application session's id, or null.</summary>
    public string? ApplicationSessionId => _applicationSessionId;

    /// <summary>The duration the switch granted the open application session.</summary>
    public TimeSpan? ApplicationSessionDuration { get; private set; }

    /// <summary>The protocol version the switch chose for the open application session.</summary>
    public string? ApplicationSessionProtocol { get; private set; }

    private void StartApplicationSession(int generation, CstaApplicationSessionOptions session)
    {
        var request = new StartApplicationSession(session.ApplicationId, ValueList.Of(_options.WrittenNamespace),
            Seconds(session.RequestedDuration));
        SendRequest(request, outcome =>
        {
            if (generation != _generation || outcome.Kind == CstaOutcomeKind.LinkLost) return;
            switch (outcome.Response)
            {
                case StartApplicationSessionPosResponse accepted when accepted.ActualSessionDurationSeconds > 0:
                    _applicationSessionId = accepted.SessionId;
                    ApplicationSessionDuration = TimeSpan.FromSeconds(accepted.ActualSessionDurationSeconds);
                    ApplicationSessionProtocol = accepted.ActualProtocolVersion;
                    Counters.ApplicationSessionsStarted++;
                    Trace($"application session {accepted.SessionId} open for {ApplicationSessionDuration} ({accepted.ActualProtocolVersion})");
                    var interval = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond / 2, (long)(ApplicationSessionDuration.Value.Ticks * session.KeepAliveFraction)));
                    _keepAliveOutstanding = false;
                    _keepAliveTimer = _loop.ScheduleEvery(interval, () => OnKeepAliveTick(generation, session));
                    Register(generation);
                    break;
                case StartApplicationSessionPosResponse zero:
                    LinkDown($"StartApplicationSession granted a session duration of {zero.ActualSessionDurationSeconds} s");
                    break;
                case StartApplicationSessionNegResponse refused:
                    LinkDown($"StartApplicationSession refused: {refused.ErrorCode}");
                    break;
                default:
                    LinkDown($"StartApplicationSession failed: {outcome.Reason}");
                    break;
            }
        }, _options.RequestTimeout);
    }

    private void OnKeepAliveTick(int generation, CstaApplicationSessionOptions session)
    {
        if (generation != _generation || _applicationSessionId is not { } id || _keepAliveOutstanding) return;
        _keepAliveOutstanding = true;
        SendRequest(new ResetApplicationSessionTimer(id, Seconds(session.RequestedDuration)), outcome =>
        {
            if (generation != _generation || outcome.Kind == CstaOutcomeKind.LinkLost) return;
            _keepAliveOutstanding = false;
            if (outcome.Response is ResetApplicationSessionTimerPosResponse granted)
            {
                Counters.ApplicationSessionKeepAlives++;
                ApplicationSessionDuration = TimeSpan.FromSeconds(granted.ActualSessionDurationSeconds);
                return;
            }
            var reason = outcome.Response is ResetApplicationSessionTimerNegResponse refused ? refused.ErrorCode : outcome.Reason;
            LinkDown($"application session {id} could not be kept alive: {reason}");
        }, _options.RequestTimeout);
    }

    /// <summary>Tells the switch the session ends (the link is closed right after; the answer is not awaited).</summary>
    private void StopApplicationSession()
    {
        if (_applicationSessionId is not { } id || _connection is null) return;
        SendRequest(new StopApplicationSession(id), static _ => { }, _options.RequestTimeout);
        Trace($"application session {id} stopped");
    }

    private void EndApplicationSession()
    {
        _keepAliveTimer?.Dispose();
        _keepAliveTimer = null;
        _keepAliveOutstanding = false;
        _applicationSessionId = null;
        ApplicationSessionDuration = null;
        ApplicationSessionProtocol = null;
    }

    private static int Seconds(TimeSpan duration) => (int)Math.Clamp(Math.Round(duration.TotalSeconds), 1, int.MaxValue);
}
