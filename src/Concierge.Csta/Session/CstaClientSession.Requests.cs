using System.Buffers;
using Concierge.Csta.Framing;
using Concierge.Csta.Messages;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports;

namespace Concierge.Csta.Session;

// Requests: invoke ids, correlation, timeouts, answers to the switch, heartbeats.
public sealed partial class CstaClientSession
{
    /// <summary>
    /// Sends a request; <paramref name="onOutcome"/> is told exactly once how it ended. Returns the invoke id, or null
    /// when it was not sent (the outcome then says why, on a later turn of the loop).
    /// </summary>
    public int? Send(CstaRequest request, Action<CstaRequestOutcome> onOutcome, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onOutcome);
        if (State != CstaLinkState.Ready)
        {
            var reason = $"link is {State}";
            _loop.Post(() => onOutcome(CstaRequestOutcome.Failed(CstaOutcomeKind.NotSent, reason)));
            return null;
        }
        return SendRequest(request, onOutcome, timeout ?? _options.RequestTimeout);
    }

    private void AnswerSwitchRequest(int invokeId, CstaRequest request)
    {
        if (request is SystemStatusRequest { IsBareHeartbeat: true }) Counters.BareHeartbeatsAnswered++;
        CstaMessage answer = request switch
        {
            SystemStatusRequest => new SystemStatusResponse(),
            RequestSystemStatus => new RequestSystemStatusResponse(SystemStatus.Normal),
            _ => CstaErrorResponse.ServiceNotSupported,
        };
        Counters.SwitchRequestsAnswered++;
        Write(invokeId, answer);
    }

    private void CompletePending(int invokeId, CstaMessage answer)
    {
        if (_pending.TryGetValue(invokeId, out var pending) && ResponseTypes.Answers(pending.Request, answer))
        {
            _pending.Remove(invokeId);
            pending.Timer?.Dispose();
            pending.OnOutcome(CstaRequestOutcome.Of(answer));
            return;
        }
        Counters.LateAnswers++;
        if (answer is MonitorStartResponse late && _abandonedMonitorStarts.Remove(invokeId, out var device))
        {
            HandleLateMonitorStart(device, late.MonitorCrossRefId, late.PrivateData);
        }
        else
        {
            Trace($"answer {answer.GetType().Name} for invoke id {invokeId:D4} matches no pending request");
        }
    }

    private int? SendRequest(CstaRequest request, Action<CstaRequestOutcome> onOutcome, TimeSpan timeout)
    {
        string? refusal = null;
        int? invokeId = null;
        if (_connection is null || _codec is null) refusal = "not connected";
        else if (_pending.Count >= _options.MaxPendingRequests) refusal = $"{_pending.Count} requests already pending";
        else
        {
            invokeId = _invokeIds.Next(id => _pending.ContainsKey(id) || _abandonedMonitorStarts.ContainsKey(id));
            if (invokeId is null) refusal = "no free invoke id";
        }
        if (refusal is null)
        {
            _output.ResetWrittenCount();
            refusal = _codec!.TryWrite(invokeId!.Value, request, _output);
        }
        if (refusal is not null)
        {
            var reason = refusal;
            _loop.Post(() => onOutcome(CstaRequestOutcome.Failed(CstaOutcomeKind.NotSent, reason)));
            return null;
        }
        var id = invokeId!.Value;
        var pending = new PendingRequest(request, onOutcome, ++_sequence);
        _pending.Add(id, pending);
        pending.Timer = _loop.ScheduleAfter(timeout, () => OnRequestTimeout(id, pending.Sequence));
        _connection!.Send(_output.WrittenSpan);
        return id;
    }

    private void OnRequestTimeout(int invokeId, long sequence)
    {
        if (!_pending.TryGetValue(invokeId, out var pending) || pending.Sequence != sequence) return;
        _pending.Remove(invokeId);
        Counters.RequestTimeouts++;
        if (pending.Request is MonitorStart start && _abandonedMonitorStarts.Count < MaxAbandonedMonitorStarts)
        {
            _abandonedMonitorStarts[invokeId] = start.Device;
        }
        Trace($"{pending.Request.GetType().Name} {invokeId:D4} timed out");
        pending.OnOutcome(CstaRequestOutcome.Failed(CstaOutcomeKind.Timeout, "no answer in time"));
    }

    private void Write(int invokeId, CstaMessage message)
    {
        if (_connection is null || _codec is null) return;
        _output.ResetWrittenCount();
        if (_codec.TryWrite(invokeId, message, _output) is { } error)
        {
            Trace($"cannot write {message.GetType().Name}: {error}");
            return;
        }
        _connection.Send(_output.WrittenSpan);
    }

    private void OnHeartbeatTick(int generation)
    {
        if (generation != _generation || State != CstaLinkState.Ready || _heartbeatOutstanding) return;
        _heartbeatOutstanding = true;
        var timeout = _options.RequestTimeout < _options.HeartbeatInterval ? _options.RequestTimeout : _options.HeartbeatInterval;
        SendRequest(new SystemStatusRequest(SystemStatus.Normal), outcome =>
        {
            if (generation != _generation) return;
            _heartbeatOutstanding = false;
            if (outcome.Kind == CstaOutcomeKind.Response)
            {
                _missedHeartbeats = 0;
                return;
            }
            if (outcome.Kind is CstaOutcomeKind.LinkLost) return;
            Counters.HeartbeatsMissed++;
            if (++_missedHeartbeats >= _options.MissedHeartbeatLimit) LinkDown($"{_missedHeartbeats} heartbeats unanswered ({outcome.Reason})");
        }, timeout);
    }
}
