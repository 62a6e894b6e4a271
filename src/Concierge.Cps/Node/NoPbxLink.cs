using Concierge.Config.Numbers;
using Concierge.Cps.Legs;
using Concierge.Runtime.Loop;

namespace Concierge.Cps.Node;

/// <summary>
/// The PBX control of a node without a CSTA link: the engine is told the link is down, so it pushes no call through
/// CSTA; a forwarding request is answered (as not carried out) on a later turn of the loop, never from inside the call.
/// </summary>
internal sealed class NoPbxLink(IEventLoop loop) : IPbxControl
{
    /// <summary>Requests that could not be carried out because there is no CSTA link.</summary>
    public long Refused { get; private set; }

    public void SetForwardingUnconditional(E164Number device, E164Number? destination, Action? answered = null)
    {
        Refused++;
        if (answered is not null) loop.Post(answered);
    }

    public void TransferActiveCall(E164Number device, E164Number destination) => Refused++;

    public void ClearActiveCall(E164Number device) => Refused++;

    public void AnswerAlertingCall(E164Number device) => Refused++;

    public void ConfirmActiveCall(E164Number device) => Refused++;
}
