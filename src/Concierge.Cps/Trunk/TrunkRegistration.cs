using System.Globalization;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Tracing;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Cps.Trunk;

/// <summary>
/// Keeps the CPS registered at the PBX's registrar with its Register Id (C 6.3.1.3): REGISTER with the configured
/// interval as Expires, refreshed before the granted time runs out, retried after a failure, withdrawn on stop.
/// </summary>
public sealed class TrunkRegistration
{
    /// <summary>How long to wait after a failed REGISTER before the next try.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private readonly SipStack _stack;
    private readonly SipEndPoint _registrar;
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

    /// <summary>Creates the registration; nothing is sent before <see cref="Start"/>.</summary>
    public TrunkRegistration(SipStack stack, SipEndPoint registrar, string registerId, string domain, TimeSpan interval, ITrace? trace = null)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "the register interval must be positive");
        ArgumentException.ThrowIfNullOrEmpty(registerId);
        _stack = stack;
        _registrar = registrar;
        _registerId = registerId;
        _domain = domain;
        _interval = interval;
        _trace = trace ?? NullTrace.Instance;
        _callId = stack.NewCallId();
        _tag = stack.NewTag();
    }

    /// <summary>True while a binding granted by the registrar has not run out.</summary>
    public bool IsRegistered => _expiresAt > _stack.Now;

    /// <summary>The last final status the registrar sent (0 before any).</summary>
    public int LastStatus { get; private set; }

    /// <summary>REGISTER requests sent.</summary>
    public long Attempts { get; private set; }

    /// <summary>Starts registering.</summary>
    public void Start()
    {
        if (_running) return;
        _running = true;
        SendRegister(_interval);
    }

    /// <summary>Stops refreshing and withdraws the binding (Expires: 0).</summary>
    public void Stop()
    {
        if (!_running) return;
        _running = false;
        _timer?.Dispose();
        _timer = null;
        if (IsRegistered) SendRegister(TimeSpan.Zero);
        _expiresAt = DateTimeOffset.MinValue;
    }

    private void SendRegister(TimeSpan expires)
    {
        var aor = SipUri.Sip(_registerId, _domain);
        var via = _stack.Transport.CreateVia(_registrar.Protocol, _stack.NewBranch());
        var request = SipRequest.Create(SipMethod.Register, SipUri.Sip(null, _domain), new NameAddress(aor).WithTag(_tag), new NameAddress(aor), _callId, ++_sequence, via);
        request.Headers.Add(SipHeaderNames.Contact, new NameAddress(_stack.Transport.ContactUri(_registerId, _registrar.Protocol)).ToString());
        request.Headers.Add(SipHeaderNames.Expires, ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        Attempts++;
        Trace($"REGISTER {_registerId} expires {(long)expires.TotalSeconds} s");
        _stack.SendRequest(request, _registrar, response => OnResponse(response, expires), failure => OnFailure(failure.ToString()));
    }

    private void OnResponse(SipResponse response, TimeSpan requested)
    {
        if (!response.IsFinal) return;
        LastStatus = response.StatusCode;
        if (!_running) return;
        if (response.IsSuccess)
        {
            var granted = response.Expires is { } seconds ? TimeSpan.FromSeconds(seconds) : requested;
            if (granted <= TimeSpan.Zero) granted = requested;
            _expiresAt = _stack.Now + granted;
            var refreshIn = granted - TimeSpan.FromTicks(Math.Min(granted.Ticks / 10, TimeSpan.FromSeconds(32).Ticks));
            Trace($"registered {_registerId} for {granted.TotalSeconds:0} s");
            Schedule(refreshIn);
            return;
        }
        Trace($"REGISTER {_registerId} refused: {response.StatusCode} {response.ReasonPhrase}");
        _expiresAt = DateTimeOffset.MinValue;
        Schedule(RetryDelay);
    }

    private void OnFailure(string reason)
    {
        if (!_running) return;
        LastStatus = 408;
        _expiresAt = DateTimeOffset.MinValue;
        Trace($"REGISTER {_registerId} failed: {reason}");
        Schedule(RetryDelay);
    }

    private void Schedule(TimeSpan delay)
    {
        _timer?.Dispose();
        _timer = _stack.Loop.ScheduleAfter(delay, () => { if (_running) SendRegister(_interval); });
    }

    private void Trace(string text)
    {
        if (_trace.IsEnabled) _trace.Record("cps.reg", text);
    }
}
