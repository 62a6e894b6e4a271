using System.Net;
using Concierge.Media;
using Concierge.Runtime.Loop;
using Concierge.Simulators.Phones.Sip;

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
        // The agent rejecting or failing hands the call back to the group's queue (the contact center routes it again).
        if (call.B is not null && !call.IsOver) call.OnBFailed = (status, _) =>
        {
            Trace($"{call.CstaCallId} {device.Number} answered {status}: back to {hg.Number}");
            OfferToHuntGroup(call, hg);
        };
        return true;
    }

    /// <summary>First RTP port the switch plays music on hold from (two ports per call, on the node's address).</summary>
    public const int MusicRtpBasePort = 40000;

    /// <summary>Music-on-hold ports in use at most; beyond, the oldest port is reused.</summary>
    private const int MaxMusicPorts = 1000;

    private int _nextMusicPort;

    /// <summary>The media plane the switch plays music on hold on (null: a switch without media, callers keep hearing ringing).</summary>
    internal IMediaPlane? Media { get; set; }

    /// <summary>
    /// Moves a call waiting in one hunt group to another (a contact center moving it from its initial to its
    /// music-on-hold hunt group). A music-on-hold group answers the caller and plays music until an agent answers or
    /// the call ends. False, changing nothing, when the call is not waiting or the target is no hunt group.
    /// </summary>
    public bool MoveQueuedCall(SwitchCall call, string toPilot)
    {
        if (!_huntGroups.TryGetValue(toPilot, out var target) || call.IsOver || !call.Queued || call.HuntGroup is not { } from || from == target) return false;
        from.Remove(call);
        call.Queued = false;
        Trace($"{call.CstaCallId} moved from {from.Number} to {target.Number}");
        if (target.MusicOnHold) PlayMusic(call, target);
        OfferToHuntGroup(call, target);
        return true;
    }

    private void PlayMusic(SwitchCall call, Devices.HuntGroup hg)
    {
        if (Media is null || call.MusicRtp is not null || call.A.IsOutgoing || IsUp(call.A)) return;
        var rtp = new IPEndPoint(Agent.LocalEndPoint().Address, MusicRtpBasePort + 2 * (_nextMusicPort++ % MaxMusicPorts));
        call.MusicRtp = rtp;
        Media.Transmit(rtp, new MediaContent(MediaKind.Music, hg.Config.Name));
        call.A.Owner.Answer(call.A, AudioSdp.For(rtp));
    }

    private void StopMusic(SwitchCall call)
    {
        if (call.MusicRtp is not { } rtp) return;
        call.MusicRtp = null;
        Media?.Stop(rtp);
    }

    /// <summary>The calls waiting in hunt group <paramref name="pilot"/>, oldest first.</summary>
    public IReadOnlyList<SwitchCall> QueuedCalls(string pilot) =>
        _huntGroups.TryGetValue(pilot, out var hg) ? hg.Waiting.OfType<SwitchCall>().ToList() : [];
}
