using System.Globalization;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Sip.Auth;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Registration;

/// <summary>
/// Keeps one Contact registered (RFC 3261 §10.2): resolves the registrar domain (RFC 3263 SRV order), REGISTERs
/// with digest authentication, follows 423 Min-Expires, refreshes before the granted expiry, fails over to the
/// next server on timeout, transport error or 5xx, and unregisters (Expires: 0) on <see cref="Stop"/>.
/// </summary>
public sealed class SipRegistrationClient : IDisposable
{
    private readonly SipStack _stack;
    private readonly ISipServerResolver _resolver;
    private readonly SipDigestClient? _digest;
    private readonly string _callId;
    private readonly string _fromTag;
    private uint _sequence;
    private IReadOnlyList<SipServerTarget> _targets = [];
    private int _targetIndex;
    private int _authAttempts;
    private TimeSpan _requested;
    private ITimer? _timer;
    private int _generation;

    /// <summary>Creates a client; nothing is sent before <see cref="Start"/>. Throws when the options break a rule.</summary>
    public SipRegistrationClient(SipStack stack, SipRegistrationOptions options, ISipServerResolver resolver, DeterministicRandom random)
    {
        _stack = stack ?? throw new ArgumentNullException(nameof(stack));
        Options = (options ?? throw new ArgumentNullException(nameof(options))).Validated();
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        ArgumentNullException.ThrowIfNull(random);
        if (options.Credentials is { } credentials) _digest = new SipDigestClient(credentials, random.Split("digest"));
        _callId = random.NextHexToken(20) + "@" + stack.Transport.AdvertisedHost;
        _fromTag = random.NextHexToken(10);
        _requested = options.Interval;
    }

    /// <summary>Told when a registration (or refresh) succeeded: the granted interval and the server.</summary>
    public event Action<TimeSpan, SipServerTarget>? Registered;

    /// <summary>Told when every server failed this round (last status or 408/503) before the retry pause.</summary>
    public event Action<int>? RegistrationFailed;

    /// <summary>Told when the unregistration finished (or gave up).</summary>
    public event Action? Unregistered;

    /// <summary>The options.</summary>
    public SipRegistrationOptions Options { get; }

    /// <summary>The state.</summary>
    public SipRegistrationState State { get; private set; } = SipRegistrationState.Idle;

    /// <summary>The server currently registered with (or being tried).</summary>
    public SipServerTarget? CurrentServer => _targetIndex < _targets.Count ? _targets[_targetIndex] : null;

    /// <summary>The interval the registrar granted last.</summary>
    public TimeSpan? GrantedInterval { get; private set; }

    /// <summary>When the current binding expires.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>Successful REGISTERs (first one and refreshes).</summary>
    public int Registrations { get; private set; }

    /// <summary>Times the client moved on to the next server.</summary>
    public int Failovers { get; private set; }

    private IEventLoop Loop => _stack.Loop;

    /// <summary>Resolves the registrar and registers.</summary>
    public void Start()
    {
        if (State is SipRegistrationState.Registering or SipRegistrationState.Registered) return;
        State = SipRegistrationState.Registering;
        Resolve();
    }

    /// <summary>Unregisters (REGISTER with Expires: 0 to the current server) and stops refreshing.</summary>
    public void Stop()
    {
        CancelTimer();
        _generation++;
        if (State != SipRegistrationState.Registered || CurrentServer is not { } server)
        {
            State = SipRegistrationState.Idle;
            return;
        }
        State = SipRegistrationState.Unregistering;
        _authAttempts = 0;
        Send(server, TimeSpan.Zero, _generation);
    }

    /// <summary>Same as <see cref="Stop"/>.</summary>
    public void Dispose() => Stop();

    private void Resolve()
    {
        var generation = ++_generation;
        _resolver.Resolve(Options.Domain, Options.Protocol, targets =>
        {
            if (generation != _generation) return;
            _targets = targets;
            _targetIndex = 0;
            if (targets.Count == 0)
            {
                FailRound(503);
                return;
            }
            Attempt(generation);
        });
    }

    private void Attempt(int generation)
    {
        _authAttempts = 0;
        Send(_targets[_targetIndex], _requested, generation);
    }

    private void Send(SipServerTarget server, TimeSpan expires, int generation, SipResponse? challenge = null)
    {
        var request = BuildRegister(server, expires);
        if (challenge is not null && _digest is not null) _digest.TryAuthorize(request, challenge);
        _stack.SendRequest(request, server.EndPoint,
            response => OnResponse(server, request, expires, generation, response),
            failure => OnFailure(generation, failure == SipTransactionFailure.Timeout ? 408 : 503));
    }

    private SipRequest BuildRegister(SipServerTarget server, TimeSpan expires)
    {
        var aor = new NameAddress(Options.AddressOfRecord);
        var via = _stack.Transport.CreateVia(server.EndPoint.Protocol, _stack.NewBranch());
        var request = SipRequest.Create(SipMethod.Register, new SipUri(Options.AddressOfRecord.IsSecure ? "sips" : "sip", null, Options.Domain),
            aor.WithTag(_fromTag), aor, _callId, ++_sequence, via);
        var contact = new NameAddress(_stack.Transport.ContactUri(Options.ContactUser ?? Options.AddressOfRecord.User, server.EndPoint.Protocol));
        request.Headers.Add(SipHeaderNames.Contact, contact.ToString());
        request.Headers.Add(SipHeaderNames.Expires, ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SipHeaderNames.Allow, "INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, REFER, NOTIFY, INFO");
        return request;
    }

    private void OnResponse(SipServerTarget server, SipRequest request, TimeSpan expires, int generation, SipResponse response)
    {
        if (generation != _generation || response.IsProvisional) return;
        var unregistering = State == SipRegistrationState.Unregistering;
        if (response.StatusCode is 401 or 407 && _digest is not null && _authAttempts < Options.MaxAuthAttempts)
        {
            _authAttempts++;
            Send(server, expires, generation, response);
            return;
        }
        if (unregistering)
        {
            State = SipRegistrationState.Idle;
            ExpiresAt = null;
            Unregistered?.Invoke();
            return;
        }
        if (response.IsSuccess)
        {
            var granted = GrantedFrom(response, request) ?? expires;
            GrantedInterval = granted;
            ExpiresAt = _stack.Now + granted;
            State = SipRegistrationState.Registered;
            Registrations++;
            _authAttempts = 0;
            var refreshIn = granted - Options.RefreshAhead;
            if (refreshIn < granted / 2) refreshIn = granted / 2;
            ScheduleAfter(refreshIn, () => Send(server, _requested, _generation));
            Registered?.Invoke(granted, server);
            return;
        }
        if (response.StatusCode == 423 && SipDeltaSeconds.TryParse(response.Headers.GetFirst(SipHeaderNames.MinExpires), out var minimum) && minimum > expires)
        {
            _requested = minimum;
            Send(server, minimum, generation);
            return;
        }
        OnFailure(generation, response.StatusCode);
    }

    private void OnFailure(int generation, int status)
    {
        if (generation != _generation) return;
        if (State == SipRegistrationState.Unregistering)
        {
            State = SipRegistrationState.Idle;
            Unregistered?.Invoke();
            return;
        }
        // A refresh that fails, or a server that answers with an error or not at all: try the next server.
        if (_targetIndex + 1 < _targets.Count)
        {
            _targetIndex++;
            Failovers++;
            State = SipRegistrationState.Registering;
            Attempt(generation);
            return;
        }
        FailRound(status);
    }

    private void FailRound(int status)
    {
        State = SipRegistrationState.Failed;
        ExpiresAt = null;
        RegistrationFailed?.Invoke(status);
        ScheduleAfter(Options.RetryAfterFailure, () =>
        {
            State = SipRegistrationState.Registering;
            Resolve();
        });
    }

    private TimeSpan? GrantedFrom(SipResponse response, SipRequest request)
    {
        var ours = request.Contact?.Uri;
        foreach (var contact in response.Contacts)
        {
            if (ours is not null && contact.Uri.HostPort == ours.HostPort && contact.Uri.User == ours.User
                && uint.TryParse(contact.Parameters["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return TimeSpan.FromSeconds(seconds);
        }
        return response.Expires is { } expires ? TimeSpan.FromSeconds(expires) : null;
    }

    private void ScheduleAfter(TimeSpan delay, Action work)
    {
        CancelTimer();
        _timer = Loop.ScheduleAfter(delay, work);
    }

    private void CancelTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
