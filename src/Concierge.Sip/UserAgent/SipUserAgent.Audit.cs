using Concierge.Sip.Headers;
using Concierge.Sip.Message;

namespace Concierge.Sip.UserAgent;

/// <summary>The dialog audit after a peer's silence (<see cref="SipUserAgentOptions.DialogAuditAfterSilence"/>).</summary>
public sealed partial class SipUserAgent
{
    private readonly Dictionary<System.Net.IPAddress, DateTimeOffset> _lastHeard = new();

    /// <summary>When a peer last probed us with an out-of-dialog OPTIONS (a PBX's keep-alive), or null if none ever did.</summary>
    public DateTimeOffset? LastProbeHeardAt { get; private set; }

    /// <summary>Dialog probes sent after a peer's silence.</summary>
    public int DialogAudits { get; private set; }

    private void NotePeerHeard(Transport.SipEndPoint source, TimeSpan silence)
    {
        var now = Loop.Time.GetUtcNow();
        var peer = source.Address.Address;
        var silent = _lastHeard.TryGetValue(peer, out var last) && now - last > silence;
        _lastHeard[peer] = now;
        if (silent) AuditDialogsWith(peer);
    }

    /// <summary>
    /// Probes every established dialog whose next hop is <paramref name="peer"/> with an in-dialog OPTIONS (in Call-ID
    /// order, so a run replays): 200 keeps it, 481 or no answer ends it as lost.
    /// </summary>
    private void AuditDialogsWith(System.Net.IPAddress peer)
    {
        foreach (var call in _calls.Where(c => c.State == SipCallState.Established).OrderBy(c => c.CallId, StringComparer.Ordinal).ToList())
        {
            if (call.Dialog is not { } dialog || DialogHop(call) is not { } destination || !destination.Address.Address.Equals(peer)) continue;
            DialogAudits++;
            var probe = dialog.CreateRequest(SipMethod.Options, NewVia(destination));
            probe.Headers.Add(SipHeaderNames.UserAgent, Options.Product);
            SendInDialog(call, probe, destination);
        }
    }
}
