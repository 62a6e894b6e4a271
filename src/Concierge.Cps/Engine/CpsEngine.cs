using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;
using Concierge.Cps.Channels;
using Concierge.Cps.Legs;
using Concierge.Cps.Processing;
using Concierge.Cps.Queues;
using Concierge.Cps.Records;
using Concierge.Runtime.Tracing;

namespace Concierge.Cps.Engine;

/// <summary>
/// The Concierge Provider Service as a single-threaded state machine: incoming legs, leg results, timers and
/// attendant commands go in; requests to the SIP trunk (<see cref="ICallLegs"/>) and the CSTA link
/// (<see cref="IPbxControl"/>) come out. It never reads a clock except through its <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class CpsEngine
{
    /// <summary>How long a caller may stay on busy tone or a final announcement before the CPS clears the leg.</summary>
    public static readonly TimeSpan FinalToneLimit = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may take to arrive on a request number before the move is given up.</summary>
    public static readonly TimeSpan RequestNumberTimeout = TimeSpan.FromSeconds(10);

    private readonly ConciergeConfig _config;
    private readonly TimeProvider _time;
    private readonly ICallLegs _legs;
    private readonly IPbxControl _pbx;
    private readonly ITrace _trace;
    private readonly Dictionary<E164Number, CallQueue> _callerQueues = new();
    private readonly Dictionary<E164Number, AttendantSession> _attendants = new();
    private readonly Dictionary<LegId, (CpsCall Call, LegRole Role)> _legIndex = new();
    private readonly Dictionary<E164Number, PendingMove> _pendingMoves = new();
    private readonly Dictionary<E164Number, CpsCall> _pagedCalls = new();
    private readonly Dictionary<E164Number, string> _activeNightVariants = new();
    private readonly List<CpsCall> _liveCalls = new();
    private readonly List<CallRecord> _records = new();
    private readonly Tenant _defaultTenant;
    private long _nextCallId;
    private bool _alerting;

    /// <summary>
    /// Creates an engine for <paramref name="config"/>; it takes calls at once unless <paramref name="active"/> is false
    /// or it starts in <see cref="CpsStartMode.ConfigMode"/> (then it never takes calls).
    /// </summary>
    public CpsEngine(ConciergeConfig config, TimeProvider time, ICallLegs legs, IPbxControl pbx, ITrace? trace = null, bool active = true,
        CpsStartMode mode = CpsStartMode.Normal)
    {
        _config = config;
        _time = time;
        _legs = legs;
        _pbx = pbx;
        _trace = trace ?? NullTrace.Instance;
        IsInConfigMode = mode == CpsStartMode.ConfigMode;
        IsActive = active && !IsInConfigMode;
        if (IsInConfigMode) Trace("started in config mode: no calls, no call control until a restart");
        Channels = new ChannelPool(config.Cps.Channels, config.Cps.ChannelRatio);
        RequestNumbers = new NumberPool("request", config.Ranges.Request);
        CallbackNumbers = new NumberPool("callback", config.Ranges.Callback);
        _defaultTenant = config.FindTenant(Tenant.DefaultName) ?? config.Tenants.First();
        foreach (var entry in config.DdiEntries.Where(e => !e.RoutedByOscc))
            _callerQueues[entry.Pilot] = new CallQueue(entry.Pilot.ToString());
        foreach (var place in config.Attendants)
        {
            var canControl = place.UnifyPhone is null || config.FindUnifyPhonePair(place.Device) is not null;
            _attendants[place.Device] = new AttendantSession(place, canControl);
        }
    }

    /// <summary>The trunk's channels.</summary>
    public ChannelPool Channels { get; }

    /// <summary>Request numbers (moving calls into the processing queue).</summary>
    public NumberPool RequestNumbers { get; }

    /// <summary>Callback numbers (park slots for paging).</summary>
    public NumberPool CallbackNumbers { get; }

    /// <summary>False while the CPS is a standby or in config mode: it refuses calls so the PBX falls back.</summary>
    public bool IsActive { get; private set; }

    /// <summary>Raised for what attendants are shown: channel alerts, calls changing, attendants changing.</summary>
    public event Action<CpsNotification>? Notified;

    /// <summary>True while the 90 % channel alert stands.</summary>
    public bool ChannelAlertActive => _alerting;

    /// <summary>Engine inputs that referred to unknown legs or arrived in the wrong state (counted, never thrown).</summary>
    public long IgnoredInputs { get; private set; }

    /// <summary>Every call record, in arrival order.</summary>
    public IReadOnlyList<CallRecord> Records => _records;

    /// <summary>Calls not yet ended.</summary>
    public IReadOnlyList<CpsCall> LiveCalls => _liveCalls;

    /// <summary>Offers to attendants that a stale forwarding sent back to the CPS's personal line, refused.</summary>
    public long OwnOffersDivertedBack { get; private set; }

    /// <summary>The caller queue of a pilot number, or null when the CPS does not queue that number.</summary>
    public CallQueue? CallerQueue(E164Number pilot) => _callerQueues.GetValueOrDefault(pilot);

    /// <summary>The attendant working place at <paramref name="device"/>, or null.</summary>
    public AttendantSession? Attendant(E164Number device) => _attendants.GetValueOrDefault(device);

    /// <summary>All attendant working places.</summary>
    public IEnumerable<AttendantSession> Attendants => _attendants.Values;

    /// <summary>Calls in the processing queue, oldest first.</summary>
    public IEnumerable<CpsCall> ProcessingQueue => _liveCalls.Where(c => c.Phase == CallPhase.Processing);

    /// <summary>The live call whose caller is <paramref name="caller"/>, if any.</summary>
    public CpsCall? FindCallFrom(string caller) => _liveCalls.LastOrDefault(c => c.Caller == caller);

    /// <summary>The night variant active for <paramref name="pilot"/>, if any.</summary>
    public string? ActiveNightVariant(E164Number pilot) => _activeNightVariants.GetValueOrDefault(pilot);

    /// <summary>
    /// False while the CSTA link to the PBX is down: attendant phones cannot be controlled, so no call is pushed or
    /// moved; callers keep waiting (C 2.1). True by default, for a CPS run without a CSTA side.
    /// </summary>
    public bool PbxLinkUp { get; private set; } = true;

    /// <summary>
    /// True for a CPS without a CSTA link (SIP only): calls are pushed to attendant devices by INVITE through the PBX
    /// and bridged on the CPS (both legs and channels stay here until one side hangs up); what needs CSTA is reported
    /// in <see cref="FeaturesUnavailable"/> and commands that need it are refused with that reason.
    /// </summary>
    public bool SipOnly { get; private set; }

    /// <summary>What this CPS cannot do because it has no CSTA link (empty with one).</summary>
    public IReadOnlyList<string> FeaturesUnavailable => SipOnly ? SipOnlyUnavailable : [];

    private static readonly string[] SipOnlyUnavailable =
        ["forwarding to the personal line", "busy lamps", "agent state", "answering from the client"];

    /// <summary>The CPS has no CSTA link by configuration: it pushes calls over SIP alone.</summary>
    public void RunSipOnly()
    {
        if (SipOnly) return;
        SipOnly = true;
        PbxLinkUp = true;
        Trace("SIP only: no CSTA link; pushed calls are bridged on the CPS");
        Distribute();
    }

    /// <summary>The CSTA link went down or came back.</summary>
    public void OnPbxLinkChanged(bool up)
    {
        if (SipOnly)
        {
            IgnoredInputs++;
            return;
        }
        if (PbxLinkUp == up) return;
        PbxLinkUp = up;
        Trace(up ? "PBX link up: distribution resumes" : "PBX link down: no calls are pushed");
        if (up) Distribute();
    }

    /// <summary>Makes the CPS take calls (standby takeover); a CPS in config mode stays inactive (only a restart ends config mode).</summary>
    public void Activate()
    {
        StopLoop();
        if (IsInConfigMode)
        {
            IgnoredInputs++;
            Trace("activation ignored: config mode ends only by a restart");
            return;
        }
        if (IsActive) return;
        IsActive = true;
        Trace("activated");
        Notify(CpsNotificationKind.ActivityChanged, "active");
    }

    /// <summary>Makes the CPS refuse new calls (switch back to the primary).</summary>
    public void Deactivate()
    {
        if (!IsActive) return;
        IsActive = false;
        Trace("deactivated");
        Notify(CpsNotificationKind.ActivityChanged, "standby");
    }

    /// <summary>Switches the night variant of <paramref name="pilot"/> on (a variant name) or off (null).</summary>
    public CommandResult SetNightVariant(E164Number pilot, string? variant)
    {
        if (!_callerQueues.ContainsKey(pilot)) return CommandResult.Refused($"{pilot} is not a pilot number queued by the CPS");
        if (variant is null)
        {
            _activeNightVariants.Remove(pilot);
            return CommandResult.Ok;
        }
        if (_config.FindVariant(variant) is null) return CommandResult.Refused($"no night variant named \"{variant}\"");
        _activeNightVariants[pilot] = variant;
        return CommandResult.Ok;
    }

    /// <summary>
    /// Checks the engine's invariants: channel accounting matches the calls holding channels, every call is in one
    /// place, request and callback numbers are held only by live moves and pages. Throws on a violation.
    /// </summary>
    public void CheckInvariants()
    {
        var channelsByCalls = _liveCalls.Concat(_lingering).SelectMany(c => new[] { c.CallerChannel, c.PartnerChannel }).Count(l => l is { IsHeld: true });
        if (channelsByCalls != Channels.Held.Count)
            throw new CpsInvariantException($"{Channels.Held.Count} channels held but calls account for {channelsByCalls}");
        foreach (var call in _liveCalls)
        {
            var queued = _callerQueues.Values.Count(q => q.Contains(call)) + _attendants.Values.Count(a => a.PersonalQueue.Contains(call));
            if ((call.Phase == CallPhase.Queued) != (queued == 1) || queued > 1)
                throw new CpsInvariantException($"{call} is in {queued} queues");
            if (call.Phase == CallPhase.Ended) throw new CpsInvariantException($"{call} is ended but still live");
            if (call.Record.Disposition is { } disposition) throw new CpsInvariantException($"{call} is live but its record ended {disposition}");
        }
        if (RequestNumbers.InUse != _pendingMoves.Count)
            throw new CpsInvariantException($"{RequestNumbers.InUse} request numbers out, {_pendingMoves.Count} moves pending");
        if (CallbackNumbers.InUse != _pagedCalls.Count)
            throw new CpsInvariantException($"{CallbackNumbers.InUse} callback numbers out, {_pagedCalls.Count} calls paged");
        // A record's end time and disposition are set together, once (CallRecord.End): no ended record lacks one.
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private ITimer After(TimeSpan delay, Action action) =>
        _time.CreateTimer(static state => ((Action)state!)(), action, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);

    private void Trace(string text)
    {
        if (_trace.IsEnabled) _trace.Record("cps", text);
    }

    private void Notify(CpsNotificationKind kind, string text) => Notified?.Invoke(new CpsNotification(kind, text));

    private TimeSpan DurationOf(string announcement, TimeSpan fallback) => _config.FindAnnouncement(announcement)?.Duration ?? fallback;

    private Tenant TenantOf(CpsCall call) => call.Entry is { } entry ? _config.FindTenant(entry.Tenant) ?? _defaultTenant : _defaultTenant;

    private string MusicFor(CpsCall call) => call.Entry?.MusicOnHold ?? TenantOf(call).Announcements.MusicOnHold;

    private void UpdateChannelAlert()
    {
        if (Channels.IsAlerting == _alerting) return;
        _alerting = Channels.IsAlerting;
        Trace(_alerting ? $"channel alert: {Channels.ProcessingInUse}/{Channels.Split.Processing} processing channels in use" : "channel alert cleared");
        Notify(_alerting ? CpsNotificationKind.ChannelAlertRaised : CpsNotificationKind.ChannelAlertCleared,
            $"{Channels.ProcessingInUse}/{Channels.Split.Processing} processing channels in use");
    }

    private ChannelLease? TakeChannel(ChannelKind kind, string purpose)
    {
        var lease = Channels.TryAcquire(kind, purpose);
        UpdateChannelAlert();
        return lease;
    }

    private void ReleaseChannel(ChannelLease? lease)
    {
        if (lease is { IsHeld: true }) Channels.Release(lease);
        UpdateChannelAlert();
    }
}
