using Concierge.Cps.Trunk;
using Concierge.Csta.Session;

namespace Concierge.Cps.Node;

/// <summary>What an operator asks of a CPS node: is it running and serving, is the trunk registered, the CSTA link up, the channels in use, and what it refused or could not handle.</summary>
/// <param name="Running">The node's process runs (started and not crashed or stopped).</param>
/// <param name="Active">It takes calls (primary or after a takeover); false for a standby.</param>
/// <param name="ConfigMode">It was started in config mode.</param>
/// <param name="Registration">The trunk registration's state (Idle while down or a standby).</param>
/// <param name="Registered">The trunk is registered now.</param>
/// <param name="RegistrationError">Why the last registration round failed, in words, or null.</param>
/// <param name="CstaLink">The CSTA link's state, or null for a node without one.</param>
/// <param name="ProcessingChannelsInUse">Processing channels in use.</param>
/// <param name="OperationalChannelsInUse">Operational channels in use.</param>
/// <param name="LiveCalls">Calls on the CPS now.</param>
/// <param name="SipMessagesRejected">SIP messages the stack rejected as malformed or invalid.</param>
/// <param name="SipHandlerFaults">Exceptions thrown by SIP handlers (a bug, never a normal outcome).</param>
public sealed record CpsNodeStatus(
    bool Running,
    bool Active,
    bool ConfigMode,
    TrunkRegistrationState Registration,
    bool Registered,
    string? RegistrationError,
    CstaLinkState? CstaLink,
    int ProcessingChannelsInUse,
    int OperationalChannelsInUse,
    int LiveCalls,
    long SipMessagesRejected,
    long SipHandlerFaults)
{
    /// <summary>What the node cannot do for want of a CSTA link (SIP only), in words; empty with a link.</summary>
    public IReadOnlyList<string> FeaturesUnavailable { get; init; } = [];

    /// <summary>The status of a node that is not running.</summary>
    public static CpsNodeStatus Down { get; } = new(false, false, false, TrunkRegistrationState.Idle, false, null, null, 0, 0, 0, 0, 0);
}
