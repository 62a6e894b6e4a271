using Concierge.Runtime.Loop;

namespace Concierge.Simulators.Osv.Switching;

public sealed partial class OsvSwitch
{
    /// <summary>
    /// A contact center (OSCC) takes over the distribution of a manual hunt group (true): its calls wait in the queue
    /// until <see cref="RouteQueuedCall"/>; or gives it back (false): the group hunts by UCD and serves its queue.
    /// False when <paramref name="pilot"/> is not a hunt group.
    /// </summary>
    public bool SetExternalRouting(string pilot, bool routedExternally)
    {
        if (!_huntGroups.TryGetValue(pilot, out var hg)) return false;
        if (hg.RoutedExternally == routedExternally) return true;
        hg.RoutedExternally = routedExternally;
        Trace($"hunt group {pilot}: {(routedExternally ? "routed by the contact center (manual)" : "UCD")}");
        if (!routedExternally) Loop.Post(ServeQueues);
        return true;
    }

    /// <summary>
    /// Routes the oldest call waiting in hunt group <paramref name="pilot"/> to <paramref name="destination"/> (a
    /// contact center deflecting a queued call to an agent). False, changing nothing, when no call waits or the
    /// destination is not a free subscriber.
    /// </summary>
    public bool RouteQueuedCall(string pilot, string destination)
    {
        if (!_huntGroups.TryGetValue(pilot, out var hg) || hg.QueuedCount == 0) return false;
        if (Device(destination) is not { } device || device.IsBusy || device.ActiveCalls > 0 || device.Phone is null) return false;
        if (hg.Dequeue() is not SwitchCall call) return false;
        call.Queued = false;
        call.NoAnswer?.Dispose();
        call.NoAnswer = null;
        if (call.IsOver) return false;
        Trace($"{call.CstaCallId} routed from {pilot} to {device.Number}");
        OfferToSubscriber(call, device);
        return true;
    }

    /// <summary>The calls waiting in hunt group <paramref name="pilot"/>, oldest first.</summary>
    public IReadOnlyList<SwitchCall> QueuedCalls(string pilot) =>
        _huntGroups.TryGetValue(pilot, out var hg) ? hg.Waiting.OfType<SwitchCall>().ToList() : [];
}
