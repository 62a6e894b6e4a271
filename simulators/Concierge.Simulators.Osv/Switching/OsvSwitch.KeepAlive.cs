using Concierge.Simulators.Osv.Registration;
using Concierge.Runtime.Loop;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Osv.Switching;

/// <summary>
/// SIP endpoint keep-alive: the switch sends OPTIONS to every registered dynamic endpoint at an interval; after
/// <see cref="KeepAliveMisses"/> probes in a row without an answer the endpoint is out of service: its registration
/// is dropped (new calls fall back at once) and the calls it carried are cleared.
/// </summary>
public sealed partial class OsvSwitch
{
    private readonly Dictionary<string, KeepAliveState> _keepAlive = new(StringComparer.Ordinal);
    private ITimer? _keepAliveTimer;

    /// <summary>How often registered endpoints are probed.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Probes in a row without an answer before an endpoint is out of service.</summary>
    public int KeepAliveMisses { get; set; } = 2;

    /// <summary>Endpoints put out of service by the keep-alive so far.</summary>
    public int EndpointsOutOfService { get; private set; }

    /// <summary>Starts probing (idempotent); off until called, as a switch administrator would enable it.</summary>
    public void StartKeepAlive() => _keepAliveTimer ??= Loop.ScheduleEvery(KeepAliveInterval, ProbeEndpoints);

    private void ProbeEndpoints()
    {
        foreach (var endpoint in _config.Endpoints.Values.Where(e => e.Dynamic))
        {
            if (_registrar.Current(endpoint.Name) is not { } binding)
            {
                _keepAlive.Remove(endpoint.Name);
                continue;
            }
            var state = _keepAlive.TryGetValue(endpoint.Name, out var known) ? known : _keepAlive[endpoint.Name] = new KeepAliveState();
            state.Misses = state.Outstanding ? state.Misses + 1 : 0;
            if (state.Misses >= KeepAliveMisses)
            {
                _keepAlive.Remove(endpoint.Name);
                PutOutOfService(endpoint.Name, binding.ContactEndPoint());
                continue;
            }
            state.Outstanding = true;
            var probe = ++state.Sequence;
            var agent = ActiveAgent(binding.Node);
            var contact = binding.ContactEndPoint();
            var target = SipUri.Sip(binding.Contact.Uri.User, contact.Address.ToString(), contact.Port);
            agent.SendOptions(target, (_, response) =>
            {
                if (response is not null && state.Sequence == probe) state.Outstanding = false;
            }, SipEndPoint.Udp(contact.Address, contact.Port));
        }
    }

    private void PutOutOfService(string endpoint, System.Net.IPEndPoint contact)
    {
        EndpointsOutOfService++;
        _registrar.Drop(endpoint);
        // Established calls through the endpoint are cleared; calls still being set up towards it keep their
        // supervision timer and fall back when it runs out.
        var carried = _calls.Where(c => !c.IsOver).Select(c => IsAt(c.A, contact) ? c.A : c.B is { } b && IsAt(b, contact) ? b : null)
            .OfType<SipCall>().Where(IsUp).ToList();
        Trace($"endpoint {endpoint} out of service (no answer to keep-alive): {carried.Count} calls cleared");
        foreach (var leg in carried) Hangup(leg);
    }

    private static bool IsAt(SipCall leg, System.Net.IPEndPoint contact) => leg.Owner.PeerOf(leg)?.Address.Equals(contact) == true;

    private sealed class KeepAliveState
    {
        public int Misses;
        public bool Outstanding;
        public long Sequence;
    }
}
