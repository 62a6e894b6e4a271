using System.Globalization;
using Concierge.Runtime.Loop;
using Concierge.Sip.Auth;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Registration;

/// <summary>
/// A registrar for the simulators (RFC 3261 §10.3): optional digest authentication, bindings per address-of-record
/// that expire on the loop's clock, 423 for too brief intervals (optionally deactivating the address), wildcard removal,
/// Call-ID/CSeq ordering, an optional address-to-key mapping (404 for unknown addresses) and the receiving node per binding.
/// Plug <see cref="Handle"/> into <c>SipUserAgent.HandleRequests("REGISTER", …)</c>, or send what <see cref="Answer"/> gives
/// when one registrar serves several stacks.
/// </summary>
public sealed class SipRegistrar
{
    private readonly SipStack _stack;
    private readonly SipDigestServer? _authenticator;
    private readonly Dictionary<string, List<SipBinding>> _bindings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deactivated = new(StringComparer.Ordinal);

    /// <summary>Creates a registrar on <paramref name="stack"/>; with an authenticator every REGISTER must carry valid credentials.</summary>
    public SipRegistrar(SipStack stack, SipRegistrarOptions? options = null, SipDigestServer? authenticator = null)
    {
        _stack = stack ?? throw new ArgumentNullException(nameof(stack));
        Options = options ?? new SipRegistrarOptions();
        _authenticator = authenticator;
    }

    /// <summary>Told when an address-of-record's bindings changed (registered, refreshed, removed or expired).</summary>
    public event Action<string>? BindingsChanged;

    /// <summary>Told when an address-of-record was deactivated for asking too brief an interval (key, interval asked).</summary>
    public event Action<string, TimeSpan>? AddressDeactivated;

    /// <summary>The options.</summary>
    public SipRegistrarOptions Options { get; }

    /// <summary>REGISTER requests answered 200.</summary>
    public long Accepted { get; private set; }

    /// <summary>REGISTER requests challenged.</summary>
    public long Challenged { get; private set; }

    /// <summary>REGISTER requests answered, whatever the answer.</summary>
    public long Received { get; private set; }

    /// <summary>REGISTER requests whose credentials were wrong or stale (not those that carried none).</summary>
    public long AuthenticationFailures { get; private set; }

    /// <summary>Deactivated address-of-record keys.</summary>
    public IReadOnlyCollection<string> DeactivatedAddresses => _deactivated;

    /// <summary>The key of an address-of-record: user@host, host lower-cased.</summary>
    public static string KeyOf(SipUri uri) => (uri.User ?? string.Empty) + "@" + uri.Host.ToLowerInvariant();

    /// <summary>The live bindings of <paramref name="addressOfRecord"/> (expired ones are dropped first).</summary>
    public IReadOnlyList<SipBinding> Lookup(SipUri addressOfRecord) => KeyFor(addressOfRecord) is { } key ? Live(key) : [];

    /// <summary>The live bindings under <paramref name="key"/>, oldest refresh first.</summary>
    public IReadOnlyList<SipBinding> Bindings(string key) => Live(key);

    /// <summary>The most recently registered or refreshed live binding under <paramref name="key"/>, or null (also when deactivated).</summary>
    public SipBinding? Current(string key) => _deactivated.Contains(key) ? null : Live(key).LastOrDefault();

    /// <summary>True when <paramref name="key"/> was deactivated (see <see cref="SipRegistrarOptions.DeactivateOnTooBrief"/>).</summary>
    public bool IsDeactivated(string key) => _deactivated.Contains(key);

    /// <summary>Lets a deactivated address-of-record register again (an administrator re-enabled it).</summary>
    public void Reactivate(string key) => _deactivated.Remove(key);

    /// <summary>Drops every binding under <paramref name="key"/> (the peer was found out of service).</summary>
    public void Drop(string key)
    {
        if (_bindings.Remove(key)) BindingsChanged?.Invoke(key);
    }

    /// <summary>Answers a REGISTER (other methods get 405).</summary>
    public void Handle(SipRequestReceived received)
    {
        if (received.Transaction is not { } transaction) return;
        var request = received.Request;
        _stack.SendResponse(transaction, request.Method == SipMethod.Register ? Answer(request, received.Source, _stack) : SipResponse.CreateFor(request, 405));
    }

    /// <summary>
    /// The answer to a REGISTER that <paramref name="receiver"/> took (one registrar may serve several stacks, e.g. the
    /// nodes of a geo-separated switch); new bindings record <paramref name="node"/>. The caller sends the answer.
    /// </summary>
    public SipResponse Answer(SipRequest request, SipEndPoint source, SipStack receiver, string? node = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(receiver);
        Received++;
        var now = _stack.Now;
        if (request.To?.Uri is { IsSip: true } addressed && Options.KeyOfAddress is not null && KeyFor(addressed) is null)
            return SipResponse.CreateFor(request, 404, "Unknown Address-of-Record");
        if (_authenticator is not null)
        {
            var verdict = _authenticator.Verify(request, now, out _);
            if (verdict != SipDigestVerdict.Accepted)
            {
                Challenged++;
                if (verdict != SipDigestVerdict.Missing) AuthenticationFailures++;
                return _authenticator.Challenge(request, now, stale: verdict == SipDigestVerdict.Stale);
            }
        }
        if (request.To?.Uri is not { IsSip: true } aorUri || request.CallId is not { } callId || request.CSeq is not { } cseq || KeyFor(aorUri) is not { } key)
            return SipResponse.CreateFor(request, 400, "Bad Address-of-Record");
        if (_deactivated.Contains(key)) return SipResponse.CreateFor(request, 403, "Address-of-Record deactivated");
        var bindings = Live(key);
        var requestExpires = request.Expires is { } e ? TimeSpan.FromSeconds(e) : (TimeSpan?)null;
        if (request.IsWildcardContact)
        {
            if (requestExpires != TimeSpan.Zero || request.Headers.CountOf(SipHeaderNames.Contact) != 1) return SipResponse.CreateFor(request, 400, "Wildcard needs Expires: 0");
            if (bindings.Any(b => b.CallId == callId && b.Sequence >= cseq.Number)) return SipResponse.CreateFor(request, 500, "Out of order");
            _bindings.Remove(key);
            BindingsChanged?.Invoke(key);
            return Ok(request, key, now, receiver);
        }
        var changes = new List<(NameAddress Contact, TimeSpan Expires)>();
        foreach (var contact in request.Contacts)
        {
            var expires = uint.TryParse(contact.Parameters["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : requestExpires ?? Options.DefaultExpires;
            if (expires > TimeSpan.Zero && expires < Options.MinExpires)
            {
                if (Options.DeactivateOnTooBrief) Deactivate(key, expires);
                var tooBrief = SipResponse.CreateFor(request, 423);
                tooBrief.Headers.Add(SipHeaderNames.MinExpires, SipDeltaSeconds.Format(Options.MinExpires));
                return tooBrief;
            }
            if (expires > Options.MaxExpires) expires = Options.MaxExpires;
            var existing = bindings.FirstOrDefault(b => b.Contact.Uri.Equals(contact.Uri));
            if (existing is not null && existing.CallId == callId && existing.Sequence >= cseq.Number) return SipResponse.CreateFor(request, 500, "Out of order");
            changes.Add((contact, expires));
        }
        foreach (var (contact, expires) in changes)
        {
            bindings.RemoveAll(b => b.Contact.Uri.Equals(contact.Uri));
            if (expires > TimeSpan.Zero)
            {
                var binding = new SipBinding(key, new NameAddress(contact.Uri, contact.DisplayName), now + expires, callId, cseq.Number, source) { Node = node };
                bindings.Add(binding);
                var bindingKey = binding;
                _stack.Loop.ScheduleAfter(expires, () => Expire(key, bindingKey));
            }
        }
        if (bindings.Count > Options.MaxBindingsPerAddress) bindings.RemoveRange(0, bindings.Count - Options.MaxBindingsPerAddress);
        if (bindings.Count == 0) _bindings.Remove(key);
        else if (_bindings.ContainsKey(key) || _bindings.Count < Options.MaxAddresses) _bindings[key] = bindings;
        else return SipResponse.CreateFor(request, 503, "Registrar full");
        if (changes.Count > 0) BindingsChanged?.Invoke(key);
        return Ok(request, key, now, receiver);
    }

    private string? KeyFor(SipUri addressOfRecord) => Options.KeyOfAddress is { } keyOf ? keyOf(addressOfRecord) : KeyOf(addressOfRecord);

    private void Deactivate(string key, TimeSpan asked)
    {
        _deactivated.Add(key);
        _bindings.Remove(key);
        AddressDeactivated?.Invoke(key, asked);
        BindingsChanged?.Invoke(key);
    }

    private SipResponse Ok(SipRequest request, string key, DateTimeOffset now, SipStack receiver)
    {
        Accepted++;
        var response = SipResponse.CreateFor(request, 200);
        if (request.To is { } to && to.Tag is null) response.To = to.WithTag(receiver.NewTag());
        foreach (var binding in Live(key))
            response.Headers.Add(SipHeaderNames.Contact, binding.Contact.WithParameter("expires", binding.SecondsLeft(now).ToString(CultureInfo.InvariantCulture)).ToString());
        return response;
    }

    private List<SipBinding> Live(string key)
    {
        if (!_bindings.TryGetValue(key, out var bindings)) return new List<SipBinding>();
        var now = _stack.Now;
        bindings.RemoveAll(b => b.ExpiresAt <= now);
        return bindings;
    }

    private void Expire(string key, SipBinding binding)
    {
        if (!_bindings.TryGetValue(key, out var bindings) || !bindings.Remove(binding)) return;
        if (bindings.Count == 0) _bindings.Remove(key);
        BindingsChanged?.Invoke(key);
    }
}
