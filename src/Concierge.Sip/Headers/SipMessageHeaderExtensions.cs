using Concierge.Sip.Message;

namespace Concierge.Sip.Headers;

/// <summary>Typed reading and writing of the extension headers CPS needs; getters return null or empty when absent or malformed.</summary>
public static class SipMessageHeaderExtensions
{
    /// <summary>P-Asserted-Identity values (RFC 3325): at most one sip/sips and one tel.</summary>
    public static IReadOnlyList<NameAddress> GetPAssertedIdentities(this SipMessage m) =>
        m.TryGetNameAddresses(SipHeaderNames.PAssertedIdentity, out var values) ? values : [];

    /// <summary>Replaces P-Asserted-Identity with these identities (one line each).</summary>
    public static void SetPAssertedIdentities(this SipMessage m, params IEnumerable<NameAddress> identities) =>
        ReplaceAll(m, SipHeaderNames.PAssertedIdentity, identities.Select(i => i.ToString()));

    /// <summary>P-Preferred-Identity values.</summary>
    public static IReadOnlyList<NameAddress> GetPPreferredIdentities(this SipMessage m) =>
        m.TryGetNameAddresses(SipHeaderNames.PPreferredIdentity, out var values) ? values : [];

    /// <summary>The Privacy flags, or null when absent or malformed.</summary>
    public static SipPrivacy? GetPrivacy(this SipMessage m) =>
        SipPrivacyValues.TryParse(m.Headers.GetFirst(SipHeaderNames.Privacy), out var p) ? p : null;

    /// <summary>Sets Privacy.</summary>
    public static void SetPrivacy(this SipMessage m, SipPrivacy privacy) => m.Headers.Set(SipHeaderNames.Privacy, SipPrivacyValues.Format(privacy));

    /// <summary>Diversion entries, most recent first (RFC 5806).</summary>
    public static IReadOnlyList<SipDiversion> GetDiversions(this SipMessage m) =>
        m.TryGetNameAddresses(SipHeaderNames.Diversion, out var values) ? values.Select(v => new SipDiversion(v)).ToList() : [];

    /// <summary>Adds a diversion as the most recent (top) entry.</summary>
    public static void AddDiversion(this SipMessage m, SipDiversion diversion) => m.Headers.AddFirst(SipHeaderNames.Diversion, diversion.ToString());

    /// <summary>History-Info entries in order (RFC 7044).</summary>
    public static IReadOnlyList<SipHistoryInfoEntry> GetHistoryInfo(this SipMessage m) =>
        m.TryGetNameAddresses(SipHeaderNames.HistoryInfo, out var values) ? values.Select(v => new SipHistoryInfoEntry(v)).ToList() : [];

    /// <summary>Appends a History-Info entry.</summary>
    public static void AddHistoryInfo(this SipMessage m, SipHistoryInfoEntry entry) => m.Headers.Add(SipHeaderNames.HistoryInfo, entry.ToString());

    /// <summary>The X-Siemens-CDR value with the charge number, or null.</summary>
    public static SiemensCdr? GetSiemensCdr(this SipMessage m) =>
        SiemensCdr.TryParse(m.Headers.GetFirst(SipHeaderNames.XSiemensCDR), out var v) ? v : null;

    /// <summary>Sets X-Siemens-CDR (outgoing INVITE and REFER towards OpenScape Voice).</summary>
    public static void SetSiemensCdr(this SipMessage m, SiemensCdr cdr) => m.Headers.Set(SipHeaderNames.XSiemensCDR, cdr.ToString());

    /// <summary>Session-Expires, or null.</summary>
    public static SipSessionExpires? GetSessionExpires(this SipMessage m) =>
        SipSessionExpires.TryParse(m.Headers.GetFirst(SipHeaderNames.SessionExpires), out var v) ? v : null;

    /// <summary>Sets Session-Expires.</summary>
    public static void SetSessionExpires(this SipMessage m, SipSessionExpires value) => m.Headers.Set(SipHeaderNames.SessionExpires, value.ToString());

    /// <summary>Min-SE, or null.</summary>
    public static TimeSpan? GetMinSessionExpires(this SipMessage m) =>
        SipDeltaSeconds.TryParse(m.Headers.GetFirst(SipHeaderNames.MinSe), out var v) ? v : null;

    /// <summary>Sets Min-SE.</summary>
    public static void SetMinSessionExpires(this SipMessage m, TimeSpan value) => m.Headers.Set(SipHeaderNames.MinSe, SipDeltaSeconds.Format(value));

    /// <summary>Min-Expires (423 Interval Too Brief), or null.</summary>
    public static TimeSpan? GetMinExpires(this SipMessage m) =>
        SipDeltaSeconds.TryParse(m.Headers.GetFirst(SipHeaderNames.MinExpires), out var v) ? v : null;

    /// <summary>Retry-After seconds, or null.</summary>
    public static TimeSpan? GetRetryAfter(this SipMessage m) =>
        SipDeltaSeconds.TryParse(m.Headers.GetFirst(SipHeaderNames.RetryAfter)?.Split('(')[0], out var v) ? v : null;

    /// <summary>Replaces (RFC 3891), or null.</summary>
    public static SipReplaces? GetReplaces(this SipMessage m) =>
        SipReplaces.TryParse(m.Headers.GetFirst(SipHeaderNames.Replaces), out var v) ? v : null;

    /// <summary>Sets Replaces.</summary>
    public static void SetReplaces(this SipMessage m, SipReplaces value) => m.Headers.Set(SipHeaderNames.Replaces, value.ToString());

    /// <summary>Refer-To (RFC 3515), or null.</summary>
    public static NameAddress? GetReferTo(this SipMessage m) =>
        NameAddress.TryParse(m.Headers.GetFirst(SipHeaderNames.ReferTo), out var v) ? v : null;

    /// <summary>Sets Refer-To to the target, embedding Replaces as an escaped URI header for attended transfer.</summary>
    public static void SetReferTo(this SipMessage m, SipUri target, SipReplaces? replaces = null)
    {
        var uri = replaces is null ? target : new SipUri(target.Scheme, target.User, target.Host, target.Port, target.Parameters,
            target.Headers.With("Replaces", replaces.ToString()), target.Password);
        m.Headers.Set(SipHeaderNames.ReferTo, new NameAddress(uri).ToString());
    }

    /// <summary>The Replaces embedded in the Refer-To URI, or null.</summary>
    public static SipReplaces? GetReferToReplaces(this SipMessage m) =>
        SipReplaces.TryParse(m.GetReferTo()?.Uri.Headers["Replaces"], out var v) ? v : null;

    /// <summary>Referred-By (RFC 3892), or null.</summary>
    public static NameAddress? GetReferredBy(this SipMessage m) =>
        NameAddress.TryParse(m.Headers.GetFirst(SipHeaderNames.ReferredBy), out var v) ? v : null;

    /// <summary>Event, or null.</summary>
    public static SipEvent? GetEvent(this SipMessage m) => SipEvent.TryParse(m.Headers.GetFirst(SipHeaderNames.Event), out var v) ? v : null;

    /// <summary>Sets Event.</summary>
    public static void SetEvent(this SipMessage m, SipEvent value) => m.Headers.Set(SipHeaderNames.Event, value.ToString());

    /// <summary>Subscription-State, or null.</summary>
    public static SipSubscriptionState? GetSubscriptionState(this SipMessage m) =>
        SipSubscriptionState.TryParse(m.Headers.GetFirst(SipHeaderNames.SubscriptionState), out var v) ? v : null;

    /// <summary>Sets Subscription-State.</summary>
    public static void SetSubscriptionState(this SipMessage m, SipSubscriptionState value) =>
        m.Headers.Set(SipHeaderNames.SubscriptionState, value.ToString());

    /// <summary>Option tags of Require, Supported, Unsupported or Proxy-Require (all lines, comma-split).</summary>
    public static IReadOnlyList<string> GetOptionTags(this SipMessage m, string headerName) => m.Headers.GetValues(headerName);

    /// <summary>True when Supported (or `k`) lists the tag.</summary>
    public static bool Supports(this SipMessage m, string optionTag) =>
        m.Headers.GetValues(SipHeaderNames.Supported).Contains(optionTag, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when Require lists the tag.</summary>
    public static bool Requires(this SipMessage m, string optionTag) =>
        m.Headers.GetValues(SipHeaderNames.Require).Contains(optionTag, StringComparer.OrdinalIgnoreCase);

    /// <summary>Methods listed in Allow.</summary>
    public static IReadOnlyList<string> GetAllowedMethods(this SipMessage m) => m.Headers.GetValues(SipHeaderNames.Allow);

    /// <summary>Sets a comma-separated list header (Allow, Supported, Require ...) to one line.</summary>
    public static void SetList(this SipMessage m, string headerName, params IEnumerable<string> values) =>
        m.Headers.Set(headerName, string.Join(", ", values));

    /// <summary>Every WWW-Authenticate / Proxy-Authenticate / Authorization / Proxy-Authorization value that parses (one per line).</summary>
    public static IReadOnlyList<SipAuthenticationHeader> GetAuthenticationHeaders(this SipMessage m, string headerName) =>
        m.Headers.GetAll(headerName)
            .Select(v => SipAuthenticationHeader.TryParse(v, out var h) ? h : null)
            .OfType<SipAuthenticationHeader>()
            .ToList();

    private static void ReplaceAll(SipMessage m, string name, IEnumerable<string> values)
    {
        m.Headers.Remove(name);
        foreach (var value in values)
        {
            m.Headers.Add(name, value);
        }
    }
}
