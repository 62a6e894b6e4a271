using System.Globalization;
using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Simulators.Osv.Configuration;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Simulators.Osv.Registration;

/// <summary>
/// The OSV registrar for dynamic SIP trunk endpoints: the REGISTER's To user (Register Id) must equal an endpoint alias
/// (case sensitive); bindings expire; an endpoint registering with an interval below the minimum is deactivated
/// (seed C 6.3.1.3) and stays unreachable until <see cref="Reactivate"/>.
/// </summary>
public sealed class EndpointRegistrar
{
    private readonly IEventLoop _loop;
    private readonly OsvConfig _config;
    private readonly Dictionary<string, EndpointRegistration> _bindings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deactivated = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nonces = new(StringComparer.Ordinal);
    private readonly Func<string> _newNonce;

    internal EndpointRegistrar(IEventLoop loop, OsvConfig config, Func<string> newNonce)
    {
        _loop = loop;
        _config = config;
        _newNonce = newNonce;
    }

    /// <summary>REGISTER requests refused for missing or wrong credentials.</summary>
    public int AuthenticationFailures { get; private set; }

    /// <summary>An endpoint was deactivated for registering too often (endpoint name, requested interval).</summary>
    public event Action<string, TimeSpan>? EndpointDeactivated;

    /// <summary>An endpoint registered, refreshed or unregistered.</summary>
    public event Action<string>? RegistrationChanged;

    /// <summary>REGISTER requests handled.</summary>
    public int RegisterCount { get; private set; }

    /// <summary>Deactivated endpoints.</summary>
    public IReadOnlyCollection<string> Deactivated => _deactivated;

    /// <summary>True when <paramref name="endpoint"/> has a live binding and is not deactivated.</summary>
    public bool IsRegistered(string endpoint) => Current(endpoint) is not null;

    /// <summary>True when the switch deactivated <paramref name="endpoint"/>.</summary>
    public bool IsDeactivated(string endpoint) => _deactivated.Contains(endpoint);

    /// <summary>The live registration of <paramref name="endpoint"/>, or null.</summary>
    public EndpointRegistration? Current(string endpoint) =>
        !_deactivated.Contains(endpoint) && _bindings.TryGetValue(endpoint, out var b) && b.ExpiresAt > _loop.Now() ? b : null;

    /// <summary>Drops the binding of <paramref name="endpoint"/> (the switch found it out of service, or it never registered).</summary>
    public void Drop(string endpoint) => _bindings.Remove(endpoint);

    /// <summary>Lets a deactivated endpoint register again (the administrator re-enabled it).</summary>
    public void Reactivate(string endpoint) => _deactivated.Remove(endpoint);

    /// <summary>The endpoint whose registration or alias addresses include <paramref name="address"/>, or null.</summary>
    public string? EndpointAt(IPAddress address)
    {
        foreach (var endpoint in _config.Endpoints.Values.Where(e => e.Dynamic))
        {
            if (_bindings.TryGetValue(endpoint.Name, out var b) && b.Contact.Address.Equals(address)) return endpoint.Name;
            if (endpoint.Aliases.Any(a => IPAddress.TryParse(a, out var ip) && ip.Equals(address))) return endpoint.Name;
        }
        return null;
    }

    private bool Authenticated(SipRequest request, string registerId)
    {
        var authorization = request.Headers.GetFirst("Authorization");
        if (authorization is null) return false;
        var nonce = DigestChallenge.Nonce(authorization);
        if (nonce is not null && _nonces.Contains(nonce) && DigestChallenge.Verify(authorization, nonce, request.Method, registerId)) return true;
        AuthenticationFailures++;
        return false;
    }

    /// <summary>Answers a REGISTER: status and extra headers.</summary>
    internal (int Status, string? Reason, IReadOnlyList<KeyValuePair<string, string>> Headers) Handle(SipRequest request, IPEndPoint source, string node)
    {
        RegisterCount++;
        var registerId = request.To?.Uri.User;
        var endpoint = _config.Endpoints.Values.FirstOrDefault(e => e.Dynamic && registerId is not null && e.Aliases.Contains(registerId, StringComparer.Ordinal));
        if (endpoint is null) return (404, "Unknown Register Id", []);
        if (_config.DigestAuthentication && !Authenticated(request, registerId!))
        {
            var nonce = _newNonce();
            if (_nonces.Count > 1000) _nonces.Clear();
            _nonces.Add(nonce);
            return (401, null, [new("WWW-Authenticate", DigestChallenge.Challenge(nonce))]);
        }
        if (_deactivated.Contains(endpoint.Name)) return (403, "Endpoint deactivated", []);
        var contact = request.Contact;
        var expires = contact?.Parameters["expires"] is { } p && long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var pe) ? pe
            : request.Expires ?? 3600;
        var target = (contact?.Uri is { } uri ? SipNextHop.FromUri(uri)?.Address : null) ?? source;
        if (expires == 0 || request.IsWildcardContact)
        {
            // RFC 3261 §10.3: an expiry of zero removes the binding of that contact only ("*" removes every binding), so
            // a server that leaves late does not unbind the one that registered meanwhile (a switch back to the primary).
            if (request.IsWildcardContact || _bindings.TryGetValue(endpoint.Name, out var bound) && bound.Contact.Equals(target))
            {
                _bindings.Remove(endpoint.Name);
                RegistrationChanged?.Invoke(endpoint.Name);
            }
            return (200, null, []);
        }
        var interval = TimeSpan.FromSeconds(expires);
        if (interval < _config.MinimumRegisterInterval)
        {
            _deactivated.Add(endpoint.Name);
            _bindings.Remove(endpoint.Name);
            EndpointDeactivated?.Invoke(endpoint.Name, interval);
            RegistrationChanged?.Invoke(endpoint.Name);
            return (423, "Interval Too Brief", [new("Min-Expires", ((long)_config.MinimumRegisterInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture))]);
        }
        _bindings[endpoint.Name] = new EndpointRegistration(endpoint.Name, registerId!, target, _loop.Now() + interval, interval, node);
        RegistrationChanged?.Invoke(endpoint.Name);
        return (200, null, [new("Contact", $"{contact};expires={expires.ToString(CultureInfo.InvariantCulture)}")]);
    }
}
