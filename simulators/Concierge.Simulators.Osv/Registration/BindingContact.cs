using System.Net;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;

namespace Concierge.Simulators.Osv.Registration;

/// <summary>Where the switch reaches a registered endpoint: its Contact's address, or where the REGISTER came from.</summary>
public static class BindingContact
{
    /// <summary>The IP end point of <paramref name="binding"/>'s Contact (the REGISTER's source when the Contact names none).</summary>
    public static IPEndPoint ContactEndPoint(this SipBinding binding) =>
        SipNextHop.FromUri(binding.Contact.Uri)?.Address ?? binding.Source.Address;
}
