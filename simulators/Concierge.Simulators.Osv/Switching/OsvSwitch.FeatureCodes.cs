using Concierge.Runtime.Loop;
using Concierge.Simulators.Osv.Routing;

namespace Concierge.Simulators.Osv.Switching;

public sealed partial class OsvSwitch
{
    /// <summary>The header that asks a busy phone to take a call anyway (busy override, knocking).</summary>
    public const string KnockOverrideAlertInfo = "<urn:alert:service:call-waiting>;info=knocking-override";

    /// <summary>Traces kept at most; the oldest go first.</summary>
    private const int MaxTraces = 256;

    private readonly List<MaliciousCallTrace> _traces = [];

    /// <summary>The malicious call traces taken (C 5.8), oldest first.</summary>
    public IReadOnlyList<MaliciousCallTrace> MaliciousCallTraces => _traces;

    /// <summary>
    /// Carries out a feature code dialed by a subscriber. Only attendants have the class of service for them (MTRACE,
    /// KNOVR); others get 403. A trace needs a connected call at the dialing device (else 404); it is recorded and the
    /// code call declined (603: done, no connection). A busy override rings the busy destination with a knock.
    /// </summary>
    private void RunFeature(SwitchCall call, FeatureTarget feature)
    {
        call.AddRoute(feature.Digits);
        var device = call.ADevice is { } number ? Device(number) : null;
        if (device is null || device.Config.Role != "attendant")
        {
            Trace($"{call.CstaCallId} feature {feature.Feature} refused for {call.CallingNumber}: no class of service");
            EndFeatureCall(call, 403);
            return;
        }
        switch (feature.Feature)
        {
            case SwitchFeature.MaliciousCallTrace:
                var traced = ConnectedPartyOf(device.Number, call);
                if (traced is null)
                {
                    Trace($"{call.CstaCallId} malicious call trace at {device.Number}: no connected call");
                    EndFeatureCall(call, 404);
                    return;
                }
                if (_traces.Count >= MaxTraces) _traces.RemoveAt(0);
                _traces.Add(new MaliciousCallTrace(Loop.Now(), device.Number, traced.Value.Party, traced.Value.CallId));
                Trace($"{call.CstaCallId} malicious call trace at {device.Number}: {traced.Value.Party} ({traced.Value.CallId})");
                EndFeatureCall(call, 603);
                return;
            case SwitchFeature.BusyOverride:
                var target = feature.Argument is { Length: > 0 } argument ? Device(argument) : null;
                if (target is null)
                {
                    EndFeatureCall(call, 404);
                    return;
                }
                Trace($"{call.CstaCallId} busy override by {device.Number} on {target.Number}");
                OfferToSubscriber(call, target, knockOverride: true);
                return;
        }
    }

    private (string Party, string CallId)? ConnectedPartyOf(string device, SwitchCall except)
    {
        foreach (var other in _calls)
        {
            if (other == except || other.IsOver || other.B is not { } b || !IsUp(b) || !IsUp(other.A)) continue;
            if (other.BDevice == device) return (other.CallingNumber, other.CstaCallId);
            if (other.ADevice == device) return (other.BDevice ?? other.B.RemoteParty?.Uri.User ?? other.DialedNumber, other.CstaCallId);
        }
        return null;
    }

    private void EndFeatureCall(SwitchCall call, int status)
    {
        call.CancelTimers();
        call.FailureStatus = status;
        call.IsOver = true;
        var a = call.A;
        a.UserState = null;
        if (a.IsOutgoing || IsUp(a)) Hangup(a);
        else a.Owner.Reject(a, status);
        Release(a);
    }
}

/// <summary>One malicious call trace: when, at which device, the traced party and the switch's call id.</summary>
public sealed record MaliciousCallTrace(DateTimeOffset At, string Device, string TracedParty, string CallId);
