using Concierge.Simulators.Osv.Devices;
using Concierge.Sip.UserAgent;
using Concierge.Sip.Message;

namespace Concierge.Simulators.Osv.Switching;

/// <summary>
/// One call through the switch: the A leg (the side that stays: the caller, or the far party after a transfer) and
/// the B leg being set up or connected, bridged back to back with SDP passed through.
/// </summary>
public sealed class SwitchCall
{
    private readonly List<string> _route = [];

    internal SwitchCall(int id, string callingNumber, string dialedNumber, SipCall a, string? aDevice, string? businessGroup)
    {
        Id = id;
        CstaCallId = "C" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        CallingNumber = callingNumber;
        DialedNumber = dialedNumber;
        A = a;
        ADevice = aDevice;
        BusinessGroup = businessGroup;
    }

    /// <summary>Sequence number of the call.</summary>
    public int Id { get; }

    /// <summary>The CSTA call id of the call.</summary>
    public string CstaCallId { get; }

    /// <summary>The calling number (E.164 with '+').</summary>
    public string CallingNumber { get; internal set; }

    /// <summary>The number dialed first.</summary>
    public string DialedNumber { get; }

    /// <summary>The business group whose numbering plan serves fallback (charge number's BG for calls from CPS).</summary>
    public string? BusinessGroup { get; internal set; }

    /// <summary>True when the caller restricted the presentation of its number (Privacy: id, CLIR).</summary>
    public bool PresentationRestricted { get; internal set; }

    /// <summary>The dynamic endpoint (CPS001) the call came from, if it came from one.</summary>
    public string? FromEndpoint { get; internal set; }

    /// <summary>The SIP endpoint (a CPS trunk or a static gateway) the call came in on, or null for a subscriber's call.</summary>
    public string? ArrivedOn { get; internal set; }

    /// <summary>The charge number from X-Siemens-CDR, for calls from CPS.</summary>
    public string? ChargeNumber { get; internal set; }

    /// <summary>The leg that stays (the caller's).</summary>
    public SipCall A { get; internal set; }

    /// <summary>The subscriber at the A leg, if it is one of ours.</summary>
    public string? ADevice { get; internal set; }

    /// <summary>The leg being offered or connected.</summary>
    public SipCall? B { get; internal set; }

    /// <summary>The subscriber at the B leg, if it is one of ours.</summary>
    public string? BDevice { get; internal set; }

    /// <summary>What the B leg goes to: an endpoint name or a number.</summary>
    public string? BTarget { get; internal set; }

    /// <summary>True once the B leg answered.</summary>
    public bool Connected { get; internal set; }

    /// <summary>True once the call is over.</summary>
    public bool IsOver { get; internal set; }

    /// <summary>The status the caller got when the call failed.</summary>
    public int? FailureStatus { get; internal set; }

    /// <summary>Every target the call was offered to, in order ("CPS001", "+4950505805520", "+4950505807580" …).</summary>
    public IReadOnlyList<string> Route => _route;

    /// <summary>True when the call fell back from the CPS destination to the business group's plan.</summary>
    public bool FellBack { get; internal set; }

    /// <summary>The hunt group the call came through or waits in.</summary>
    public HuntGroup? HuntGroup { get; internal set; }

    internal bool Queued { get; set; }

    /// <summary>When the call last began to wait in a hunt group's queue.</summary>
    public DateTimeOffset? QueuedSince { get; internal set; }

    /// <summary>Where the switch plays music on hold to the caller (a music-on-hold hunt group answered it), or null.</summary>
    public System.Net.IPEndPoint? MusicRtp { get; internal set; }

    internal HashSet<string> HeldDevices { get; } = new(StringComparer.Ordinal);

    internal HashSet<string> TriedMembers { get; } = new(StringComparer.Ordinal);

    internal int Diversions { get; set; }

    /// <summary>The subscribers that forwarded this call, oldest first, with why (sent on as Diversion, RFC 5806).</summary>
    internal List<CallDiversion> DiversionHistory { get; } = new();

    internal ITimer? Supervision { get; set; }

    internal ITimer? NoAnswer { get; set; }

    internal Action<int, SipResponse?>? OnBFailed { get; set; }

    internal Action? OnBAnswered { get; set; }

    internal Action? OnAAnswered { get; set; }

    internal void AddRoute(string step)
    {
        if (_route.Count < 64) _route.Add(step);
    }

    internal void CancelTimers()
    {
        Supervision?.Dispose();
        Supervision = null;
        NoAnswer?.Dispose();
        NoAnswer = null;
    }

    /// <summary>The leg opposite <paramref name="leg"/>.</summary>
    public SipCall? Other(SipCall leg) => leg == A ? B : leg == B ? A : null;

    /// <summary>The subscriber at <paramref name="leg"/>.</summary>
    public string? DeviceOf(SipCall leg) => leg == A ? ADevice : leg == B ? BDevice : null;

    /// <inheritdoc />
    public override string ToString() => $"call {CstaCallId} {CallingNumber}→{DialedNumber} [{string.Join(" → ", _route)}]";
}
