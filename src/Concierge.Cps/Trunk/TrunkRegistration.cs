using System.Globalization;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Tracing;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;

namespace Concierge.Cps.Trunk;

/// <summary>
/// Keeps the CPS registered at the PBX's registrar with its Register Id (C 6.3.1.3): REGISTER with the configured
/// interval as Expires, refreshed before the granted time runs out, withdrawn on stop. A registrar domain is looked
/// up by DNS SRV (C 4.6): a target that does not answer (or answers 408/5xx) is left for the next one by priority and
/// weight at once; when every target failed, or DNS found none, the round starts again after <see cref="RetryDelay"/>.
/// </summary>
public sealed class TrunkRegistration
{
    /// <summary>How long to wait after a failed round (every target failed, or no target found) before the next.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private readonly SipStack _stack;
    private readonly RegistrarTargets _targets;
    private readonly string _registerId;
    private readonly string _domain;
    private readonly TimeSpan _interval;
    private readonly ITrace _trace;
    private readonly string _callId;
    private readonly string _tag;
    private uint _sequence;
    private ITimer? _timer;
    private DateTimeOffset _expiresAt;
    private bool _running;

    /// <summary>Creates a registration at one fixed registrar address; nothing is sent before <see cref="Start"/>.</summary>
    public TrunkRegistration(SipStack stack, SipEndPoint registrar, string registerId, string domain, TimeSpan interval, ITrace? trace = null)
        : this(stack, RegistrarTargets.Fixed(domain, registrar), registerId, domain, interval, trace)
    {
    }

    /// <summary>Creates a registration at <paramref name="targets"/> (fixed or by DNS SRV); nothing is sent before <see cref="Start"/>.</summary>
    public TrunkRegistration(SipStack stack, RegistrarTargets targets, string registerId, string domain, TimeSpan interval, ITrace? trace = null)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "the register interval must be positive");
        ArgumentException.ThrowIfNullOrEmpty(registerId);
        _stack = stack;
        _targets = targets ?? throw new ArgumentNullException(nameof(targets));
        _registerId = registerId;
        _domain = domain;
        _interval = interval;
        _trace = trace ?? NullTrace.Instance;
        _callId = stack.NewCallId();
        _tag = stack.NewTag();
    }

    /// <summary>True while a binding granted by the registrar has not run out.</summary>
    public bool IsRegistered => _expiresAt > _stack.Now;

    /// <summary>Where the registration is.</summary>
    public TrunkRegistrationState State { get; private set; } = TrunkRegistrationState.Idle;

    /// <summary>The targets the registration works through (shared with the trunk, which sends its calls to the current one).</summary>
    public RegistrarTargets Targets => _targets;

    /// <summary>The target the CPS is registered at, or null while not registered.</summary>
    public SipServerTarget? RegisteredAt => IsRegistered ? _targets.Current : null;

    /// <summary>Why the last round failed (a status, no answer, no SIP server found), or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>The last final status the registrar sent (0 before any; 408 when no answer came).</summary>
    public int LastStatus { get; private set; }

    /// <summary>REGISTER requests sent.</summary>
    public long Attempts { get; private set; }

    /// <summary>Rounds in which no target could be registered at (every target failed, or none was found).</summary>
    public long FailedRounds { get; private set; }

    /// <summary>Starts registering: looks the registrar up if it is a domain, then registers at the best target.</summary>
    public void Start()
    {
        if (_running) return;
        _running = true;
        BeginRound();
    }

    /// <summary>Stops refreshing and withdraws the binding (Expires: 0).</summary>
    public void Stop()
    {
        if (!_running) return;
        _running = false;
        _timer?.Dispose();
        _timer = null;
        if (IsRegistered && _targets.Current is { } target) SendRegister(target, TimeSpan.Zero);
        _expiresAt = DateTimeOffset.MinValue;
        State = TrunkRegistrationState.Idle;
    }

    /// <summary>Times the binding was renewed early because the PBX had gone quiet (<see cref="RenewNow"/>).</summary>
    public long EarlyRenewals { get; private set; }

    /// <summary>
    /// Renews the binding now instead of at the refresh time: the PBX stopped probing the CPS, so it may have put the
    /// CPS out of service (and dropped the binding) while the CPS still counts itself registered.
    /// </summary>
    public void RenewNow(string why)
    {
        if (!_running || State != TrunkRegistrationState.Registered || _targets.Current is not { } target) return;
        EarlyRenewals++;
        Trace($"renewing the registration now: {why}");
        _timer?.Dispose();
        _timer = null;
        SendRegister(target, _interval);
    }

    private void BeginRound()
    {
        if (_targets.UsesDns)
        {
            State = TrunkRegistrationState.Resolving;
            Trace($"looking up {_targets.ServiceName}");
        }
        _targets.Refresh(found =>
        {
            if (!_running) return;
            if (found && _targets.Current is { } first)
            {
                if (_targets.UsesDns) Trace($"registrar targets: {string.Join(", ", _targets.Targets)}");
                SendRegister(first, _interval);
                return;
            }
            State = TrunkRegistrationState.NoServerFound;
            FailRound(_targets.Problem ?? $"no SIP server found for {_targets.Domain}");
        });
    }

    private void SendRegister(SipServerTarget target, TimeSpan expires)
    {
        var registrar = target.EndPoint;
        var aor = SipUri.Sip(_registerId, _domain);
        var via = _stack.Transport.CreateVia(registrar.Protocol, _stack.NewBranch());
        var request = SipRequest.Create(SipMethod.Register, SipUri.Sip(null, _domain), new NameAddress(aor).WithTag(_tag), new NameAddress(aor), _callId, ++_sequence, via);
        request.Headers.Add(SipHeaderNames.Contact, new NameAddress(_stack.Transport.ContactUri(_registerId, registrar.Protocol)).ToString());
        request.Headers.Add(SipHeaderNames.Expires, ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        Attempts++;
        if (expires > TimeSpan.Zero && !IsRegistered) State = TrunkRegistrationState.Registering;
        Trace(_targets.UsesDns
            ? $"REGISTER {_registerId} expires {(long)expires.TotalSeconds} s at {target}"
            : $"REGISTER {_registerId} expires {(long)expires.TotalSeconds} s");
        _stack.SendRequest(request, registrar, response => OnResponse(target, response, expires), failure => OnNoAnswer(target, failure.ToString()));
    }

    private void OnResponse(SipServerTarget target, SipResponse response, TimeSpan requested)
    {
        if (!response.IsFinal) return;
        LastStatus = response.StatusCode;
        if (!_running) return;
        if (response.IsSuccess)
        {
            var granted = response.Expires is { } seconds ? TimeSpan.FromSeconds(seconds) : requested;
            if (granted <= TimeSpan.Zero) granted = requested;
            _expiresAt = _stack.Now + granted;
            State = TrunkRegistrationState.Registered;
            LastError = null;
            var refreshIn = RefreshDelay(granted);
            Trace(_targets.UsesDns ? $"registered {_registerId} for {granted.TotalSeconds:0} s at {target}" : $"registered {_registerId} for {granted.TotalSeconds:0} s");
            Schedule(refreshIn, () => SendRegister(_targets.Current ?? target, _interval));
            return;
        }
        Trace($"REGISTER {_registerId} refused: {response.StatusCode} {response.ReasonPhrase}");
        _expiresAt = DateTimeOffset.MinValue;
        var why = $"{target} refused REGISTER: {response.StatusCode} {response.ReasonPhrase}";
        // A server in trouble (408, 5xx): another target may serve. Any other refusal (403, 404 …) concerns the
        // Register Id itself, which every target of the PBX would refuse alike.
        if (response.StatusCode is 408 or >= 500 and < 600 && TryNextTarget(why)) return;
        FailRound(why);
    }

    /// <summary>
    /// When to refresh a binding granted for <paramref name="granted"/>: a tenth (at most 32 s) before it runs out. With
    /// another target to fail over to, early enough that a refresh which gets no answer (one transaction timeout) can
    /// still move to the next target before the binding runs out, so calls keep reaching the CPS (never before half).
    /// </summary>
    private TimeSpan RefreshDelay(TimeSpan granted)
    {
        var ahead = TimeSpan.FromTicks(Math.Min(granted.Ticks / 10, TimeSpan.FromSeconds(32).Ticks));
        if (_targets.UsesDns && _targets.Targets.Count > 1)
        {
            var failoverAhead = _stack.Options.Timers.TransactionTimeout + FailoverMargin;
            if (failoverAhead > ahead) ahead = failoverAhead;
            if (ahead > granted / 2) ahead = granted / 2;
        }
        return granted - ahead;
    }

    /// <summary>Room left, after a refresh timed out, for the REGISTER at the next target to be answered before the binding runs out.</summary>
    public static readonly TimeSpan FailoverMargin = TimeSpan.FromSeconds(8);

    private void OnNoAnswer(SipServerTarget target, string reason)
    {
        if (!_running) return;
        LastStatus = 408;
        _expiresAt = DateTimeOffset.MinValue;
        Trace($"REGISTER {_registerId} failed: {reason}");
        var why = $"{target} did not answer REGISTER ({reason})";
        if (TryNextTarget(why)) return;
        FailRound(why);
    }

    private bool TryNextTarget(string why)
    {
        if (!_targets.MoveNext() || _targets.Current is not { } next) return false;
        Trace($"{why}; failing over to {next}");
        SendRegister(next, _interval);
        return true;
    }

    private void FailRound(string why)
    {
        FailedRounds++;
        LastError = why;
        if (State != TrunkRegistrationState.NoServerFound) State = TrunkRegistrationState.Failed;
        if (_targets.UsesDns || State == TrunkRegistrationState.NoServerFound) Trace($"registration round failed: {why}; next round in {RetryDelay.TotalSeconds:0} s");
        Schedule(RetryDelay, BeginRound);
    }

    private void Schedule(TimeSpan delay, Action work)
    {
        _timer?.Dispose();
        _timer = _stack.Loop.ScheduleAfter(delay, () => { if (_running) work(); });
    }

    private void Trace(string text)
    {
        if (_trace.IsEnabled) _trace.Record("cps.reg", text);
    }
}
