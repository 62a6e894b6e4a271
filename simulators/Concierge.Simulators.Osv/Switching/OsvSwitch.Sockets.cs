using Concierge.Simulators.Osv.Registration;
using Concierge.Sip.Message;
using Concierge.Sip.Registration;
using Concierge.Sip.Transactions;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Osv.Switching;

/// <summary>
/// What the switch needs when it runs on real sockets (the PBX emulator): peers that share one address (everything on
/// loopback) told apart by port, a public trunk port that takes calls from any SIP UAC as the public network's, and
/// subscriber phones that register (a real SIP phone in place of the simulated one).
/// </summary>
public sealed partial class OsvSwitch
{
    private SipRegistrar? _phoneRegistrar;

    /// <summary>The public trunk: calls arriving on <see cref="Agent"/> come from the public network through <see cref="Endpoint"/>.</summary>
    internal sealed record PublicTrunkAgent(SipUserAgent Agent, string Endpoint);

    /// <summary>
    /// True when every peer may have the same address (loopback): calls are told apart by the source's address and
    /// port (a registered endpoint's Contact, a static endpoint's configured port). False in the simulated network,
    /// where each host has its own address.
    /// </summary>
    internal bool PeersShareOneAddress { get; set; }

    /// <summary>The public trunk's agent, when the switch has one (null in the simulated network: callers come from the gateway host).</summary>
    internal PublicTrunkAgent? PublicTrunk { get; private set; }

    /// <summary>Calls arriving on <paramref name="agent"/> are the public network's, through the static endpoint <paramref name="endpoint"/>.</summary>
    internal void AddPublicTrunk(SipUserAgent agent, string endpoint)
    {
        if (PublicTrunk is not null) throw new InvalidOperationException("the switch has a public trunk already");
        PublicTrunk = new PublicTrunkAgent(agent, endpoint);
        Follow(agent);
    }

    /// <summary>Phones registered for subscribers now (a real SIP phone in place of the simulated one), by number.</summary>
    public IReadOnlyList<string> RegisteredPhones =>
        _phoneRegistrar is null ? [] : _devices.Keys.Where(n => _phoneRegistrar.Current(n) is not null).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A REGISTER for a subscriber (its number, with or without '+', or its alias as the To user) rather than for a
    /// trunk endpoint: the switch is the phones' registrar, and while the binding lasts calls to the subscriber go to
    /// its Contact instead of the simulated phone. Null when the REGISTER names an endpoint or no subscriber.
    /// </summary>
    private SipResponse? SubscriberRegistration(SwitchNode node, SipRequestReceived received)
    {
        var user = received.Request.To?.Uri.User;
        if (RegisterIds.EndpointOf(_config, user) is not null || user is null || Device(user) is not { Config.ProfileOnly: false }) return null;
        var registrar = _phoneRegistrar ??= NewPhoneRegistrar(node);
        return registrar.Answer(received.Request, received.Source, node.Agent.Stack, node.Name);
    }

    private SipRegistrar NewPhoneRegistrar(SwitchNode node)
    {
        // Created at the first phone REGISTER, so a switch whose phones never register works exactly as before.
        var registrar = new SipRegistrar(node.Agent.Stack, new SipRegistrarOptions
        {
            MinExpires = TimeSpan.FromSeconds(30),
            MaxExpires = TimeSpan.FromHours(1),
            MaxBindingsPerAddress = 1,
            MaxAddresses = Math.Max(1, _devices.Count),
            KeyOfAddress = uri => uri.User is { } u && Device(u) is { Config.ProfileOnly: false } d ? d.Number : null,
        });
        foreach (var device in _devices.Values)
        {
            var number = device.Number;
            device.RegisteredPhone = () => registrar.Current(number)?.ContactEndPoint();
        }
        registrar.BindingsChanged += number => Trace($"phone of {number} {(registrar.Current(number) is { } b ? "registered at " + b.ContactEndPoint() : "unregistered")}");
        return registrar;
    }
}
