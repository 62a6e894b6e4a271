namespace Concierge.Sip.Validation;

/// <summary>Which element checks the request: the checks differ for proxies, user agents and registrars (RFC 3261 §8.2, §10.3, §16.3).</summary>
public enum SipValidatorRole
{
    /// <summary>A user agent server (B2BUA leg, phone, PBX endpoint).</summary>
    Endpoint,
    /// <summary>A proxy: checks Proxy-Require and Max-Forwards, does not judge methods or bodies.</summary>
    Proxy,
    /// <summary>A registrar: an endpoint that accepts REGISTER and requires a SIP address-of-record in To.</summary>
    Registrar,
}
