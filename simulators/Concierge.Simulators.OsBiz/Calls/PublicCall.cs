using Concierge.Simulators.OsBiz.Routing;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.OsBiz.Calls;

/// <summary>How a call from the public network ended.</summary>
public enum PublicCallEnd
{
    /// <summary>Someone answered; the call is over or still connected.</summary>
    Answered,
    /// <summary>The caller hung up before anyone answered.</summary>
    Abandoned,
    /// <summary>The dialled number is not a user of the system.</summary>
    Failed,
}

/// <summary>
/// A call from the public network (ISDN) to a DID of the system: whom it rings now (<see cref="RingingAt"/>: full
/// numbers), whom it is connected to, and how it ended.
/// </summary>
public sealed class PublicCall(int id, string callerNumber, string dialled)
{
    internal readonly List<RingTarget> Ringing = [];

    /// <summary>A short id.</summary>
    public int Id { get; } = id;

    /// <summary>The caller's number.</summary>
    public string CallerNumber { get; } = callerNumber;

    /// <summary>The number dialled.</summary>
    public string Dialled { get; } = dialled;

    /// <summary>The Unify Phone user (internal call number) the call is for, or null.</summary>
    public string? User { get; internal set; }

    /// <summary>The plan the routing mode gave.</summary>
    public RingPlan? Plan { get; internal set; }

    /// <summary>Full numbers of the devices ringing now.</summary>
    public IReadOnlyList<string> RingingAt => Ringing.Select(r => r.FullNumber).ToArray();

    /// <summary>The full number of the party the caller talks to.</summary>
    public string? ConnectedTo { get; internal set; }

    /// <summary>How the call ended, or null while it is going on (it may be connected).</summary>
    public PublicCallEnd? End { get; internal set; }

    /// <summary>True once the call is over.</summary>
    public bool IsOver { get; internal set; }

    /// <summary>Why a device was not rung (a FAQ cause for the Unify Phone leg), or why the call failed.</summary>
    public string? Refusal { get; internal set; }

    /// <summary>The INVITE to the Unify Phone over the connector trunk, while it runs.</summary>
    public SipCall? UnifyPhoneLeg { get; internal set; }

    internal ITimer? NoAnswerTimer { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"call {Id} from {CallerNumber} to {Dialled}: " + (IsOver ? $"over ({End})" : ConnectedTo is not null ? $"connected to {ConnectedTo}" : $"ringing at {string.Join(", ", RingingAt)}");
}
