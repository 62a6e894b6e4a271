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
/// that expire on the loop's clock, 423 for too brief intervals, wildcard removal, Call-ID/CSeq ordering.
/// Plug <see cref="Handle"/> into <c>SipUserAgent.HandleRequests("REGISTER", …)</c>.
/// </summary>
public sealed class SipRegistrar
{
    private readonly SipStack _stack;
    private readonly SipDigestServer? _authenticator;
    private readonly Dictionary<string, List<SipBinding>> _bindings = new(StringComparer.Ordinal);

    /// <summary>Creates a registrar on <paramref name="stack"/>; with an authenticator every REGISTER must carry valid credentials.</summary>
    public SipRegistrar(SipStack stack, SipRegistrarOptions? options = null, SipDigestServer? authenticator = null)
    {
        _stack = stack ?? throw new ArgumentNullException(nameof(stack));
        Options = options ?? new SipRegistrarOptions();
        _authenticator = authenticator;
    }

    /// <summary>Told when an address-of-record's bindings changed (registered, refreshed, removed or expired).</summary>
    public event Action<string>? BindingsChanged;

    /// <summary>The options.</summary>
    public SipRegistrarOptions Options { get; }

    /// <summary>REGISTER requests answered 200.</summary>
    public long Accepted { get; private set; }

    /// <summary>REGISTER requests challenged.</summary>
    public long Challenged { get; private set; }

    /// <summary>The key of an address-of-record: user@host, host lower-cased.</summary>
    public static string KeyOf(SipUri uri) => (uri.User ?? string.Empty) + "@" + uri.Host.ToLowerInvariant();

    /// <summary>The live bindings of <paramref name="addressOfRecord"/> (expired ones are dropped first).</summary>
    public IReadOnlyList<SipBinding> Lookup(SipUri addressOfRecord) => Live(KeyOf(addressOfRecord));

    /// <summary>Answers a REGISTER (other methods get 405).</summary>
    public void Handle(SipRequestReceived received)
    {
        if (received.Transaction is not { } transaction) return;
        var request = received.Request;
        if (request.Method != SipMethod.Register)
        {
            _stack.SendResponse(transaction, SipResponse.CreateFor(request, 405));
            return;
        }
        _stack.SendResponse(transaction, Register(request, received.Source));
    }

    private SipResponse Register(SipRequest request, SipEndPoint source)
    {
        var now = _stack.Now;
        if (_authenticator is not null)
        {
            var verdict = _authenticator.Verify(request, now, out _);
            if (verdict != SipDigestVerdict.Accepted)
            {
                Challenged++;
                return _authenticator.Challenge(request, now, stale: verdict == SipDigestVerdict.Stale);
            }
        }
        if (request.To?.Uri is not { IsSip: true } aorUri || request.CallId is not { } callId || request.CSeq is not { } cseq)
            return SipResponse.CreateFor(request, 400, "Bad Address-of-Record");
        var key = KeyOf(aorUri);
        var bindings = Live(key);
        var requestExpires = request.Expires is { } e ? TimeSpan.FromSeconds(e) : (TimeSpan?)null;
        if (request.IsWildcardContact)
        {
            if (requestExpires != TimeSpan.Zero || request.Headers.CountOf(SipHeaderNames.Contact) != 1) return SipResponse.CreateFor(request, 400, "Wildcard needs Expires: 0");
            if (bindings.Any(b => b.CallId == callId && b.Sequence >= cseq.Number)) return SipResponse.CreateFor(request, 500, "Out of order");
            _bindings.Remove(key);
            BindingsChanged?.Invoke(key);
            return Ok(request, key, now);
        }
        var changes = new List<(NameAddress Contact, TimeSpan Expires)>();
        foreach (var contact in request.Contacts)
        {
            var expires = uint.TryParse(contact.Parameters["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : requestExpires ?? Options.DefaultExpires;
            if (expires > TimeSpan.Zero && expires < Options.MinExpires)
            {
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
                var binding = new SipBinding(key, new NameAddress(contact.Uri, contact.DisplayName), now + expires, callId, cseq.Number, source);
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
        return Ok(request, key, now);
    }

    private SipResponse Ok(SipRequest request, string key, DateTimeOffset now)
    {
        Accepted++;
        var response = SipResponse.CreateFor(request, 200);
        if (request.To is { } to && to.Tag is null) response.To = to.WithTag(_stack.NewTag());
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
