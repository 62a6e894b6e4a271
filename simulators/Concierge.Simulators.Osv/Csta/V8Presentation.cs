using Concierge.Csta.Messages;
using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Osv.Csta;

/// <summary>
/// The CSTA application flag "Private Data Presentation – V8" (C 4.3.5.1): while it is set, the monitor answers and
/// call events of a Unify Phone ONS device carry private data naming the device as ONS with its OND; while it is not,
/// nothing tells a CSTA client that a device is a Unify Phone.
/// </summary>
public sealed class V8Presentation
{
    private readonly Dictionary<string, string> _ondOfOns = new(StringComparer.Ordinal);

    internal V8Presentation(OsvConfig config)
    {
        Enabled = config.PrivateDataPresentationV8;
        foreach (var subscriber in config.Subscribers)
        {
            if (subscriber is { UnifyPhoneRole: "ons", UnifyPhonePartner: { } ond }) _ondOfOns[subscriber.Number] = ond;
        }
    }

    /// <summary>The flag on the CSTA application (set from the topology; may be changed as in CMP, for later messages).</summary>
    public bool Enabled { get; set; }

    /// <summary>Unify Phone ONS devices and their OND, by ONS number ('+' form).</summary>
    public IReadOnlyDictionary<string, string> OndOfOns => _ondOfOns;

    /// <summary>
    /// The private data for a message about <paramref name="device"/> (as the client named it, with or without '+'):
    /// the ONS/OND pair when the flag is set and the device is an ONS, otherwise null.
    /// </summary>
    public PrivateData? For(string device)
    {
        if (!Enabled || string.IsNullOrEmpty(device)) return null;
        if (_ondOfOns.TryGetValue(device, out var ond)) return PrivateData.ForOnsOnd(device, ond);
        if (device[0] != '+' && _ondOfOns.TryGetValue("+" + device, out var ondPlus)) return PrivateData.ForOnsOnd(device, ondPlus);
        return null;
    }
}
