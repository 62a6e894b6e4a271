using Concierge.Runtime.Loop;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;

namespace Concierge.Sip.UserAgent;

/// <summary>The dialog audit after a peer's silence (<see cref="SipUserAgentOptions.DialogAuditAfterSilence"/>).</summary>
public sealed partial class SipUserAgent
{
    private readonly Dictionary<System.Net.IPAddress, DateTimeOffset> _lastHeard = new();

    // Peers that keep us alive with out-of-dialog OPTIONS and have a timer armed that notices when they fall silent.
    private readonly HashSet<System.Net.IPAddress> _silenceWatches = [];

    /// <summary>When a peer last probed us with an out-of-dialog OPTIONS (a PBX's keep-alive), or null if none ever did.</summary>
    public DateTimeOffset? LastProbeHeardAt { get; private set; }

    /// <summary>Dialog probes sent after a peer's silence.</summary>
    public int DialogAudits { get; private set; }

    /// <summary>Dialog probes sent because a peer that kept us alive fell silent and was not heard again.</summary>
    public int SilenceAudits { get; private set; }

    private void NotePeerHeard(Transport.SipEndPoint source, TimeSpan silence, bool isKeepAlive)
    {
        var now = Loop.Time.GetUtcNow();
        var peer = source.Address.Address;
        var silent = _lastHeard.TryGetValue(peer, out var last) && now - last > silence;
        _lastHeard[peer] = now;
        if (silent) AuditDialogsWith(peer);
        if (isKeepAlive && _silenceWatches.Add(peer)) WatchSilence(peer, silence, silence);
    }

    // A peer that probed us and then stops for good (a PBX that took us for dead and dropped our registration) never
    // triggers the audit on being heard again, so its silence itself does: once it lasts longer than the option, every
    // dialog with it is probed — 481 or no answer ends the calls it cleared with a BYE we never got.
    private void WatchSilence(System.Net.IPAddress peer, TimeSpan silence, TimeSpan after) =>
        Loop.ScheduleAfter(after, () =>
        {
            var quiet = Loop.Time.GetUtcNow() - _lastHeard[peer];
            if (quiet <= silence)
            {
                WatchSilence(peer, silence, silence - quiet + TimeSpan.FromTicks(1));
                return;
            }
            _silenceWatches.Remove(peer); // heard again → watched again
            SilenceAudits += AuditDialogsWith(peer);
        });

    /// <summary>
    /// Probes every established dialog whose next hop is <paramref name="peer"/> with an in-dialog OPTIONS (in Call-ID
    /// order, so a run replays): 200 keeps it, 481 or no answer ends it as lost.
    /// </summary>
    private int AuditDialogsWith(System.Net.IPAddress peer)
    {
        var probed = 0;
        foreach (var call in _calls.Where(c => c.State == SipCallState.Established).OrderBy(c => c.CallId, StringComparer.Ordinal).ToList())
        {
            if (call.Dialog is not { } dialog || DialogHop(call) is not { } destination || !destination.Address.Address.Equals(peer)) continue;
            DialogAudits++;
            probed++;
            var probe = dialog.CreateRequest(SipMethod.Options, NewVia(destination));
            probe.Headers.Add(SipHeaderNames.UserAgent, Options.Product);
            SendInDialog(call, probe, destination);
        }
        return probed;
    }
}
