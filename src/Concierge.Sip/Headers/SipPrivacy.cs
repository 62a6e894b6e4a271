namespace Concierge.Sip.Headers;

/// <summary>Privacy header values (RFC 3323 §4.2, RFC 3325 `id`), as flags.</summary>
[Flags]
public enum SipPrivacy
{
    /// <summary>No privacy requested (also `none`).</summary>
    None = 0,
    /// <summary>header: hide headers that reveal identity.</summary>
    Header = 1,
    /// <summary>session: hide the session description.</summary>
    Session = 2,
    /// <summary>user: user-level privacy.</summary>
    User = 4,
    /// <summary>id: do not pass P-Asserted-Identity outside the trust domain (RFC 3325).</summary>
    Id = 8,
    /// <summary>critical: privacy must be applied or the request fails.</summary>
    Critical = 16,
}

/// <summary>Reads and writes the Privacy header (`id;critical`).</summary>
public static class SipPrivacyValues
{
    /// <summary>Parses `priv-value *(; priv-value)`; unknown values fail.</summary>
    public static bool TryParse(string? text, out SipPrivacy privacy)
    {
        privacy = SipPrivacy.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        foreach (var part in text.Split(';'))
        {
            var flag = part.Trim().ToLowerInvariant() switch
            {
                "none" => SipPrivacy.None,
                "header" => SipPrivacy.Header,
                "session" => SipPrivacy.Session,
                "user" => SipPrivacy.User,
                "id" => SipPrivacy.Id,
                "critical" => SipPrivacy.Critical,
                _ => (SipPrivacy)(-1),
            };
            if (flag == (SipPrivacy)(-1))
            {
                privacy = SipPrivacy.None;
                return false;
            }
            privacy |= flag;
        }
        return true;
    }

    /// <summary>`none` or the set flags joined by `;`.</summary>
    public static string Format(SipPrivacy privacy)
    {
        if (privacy == SipPrivacy.None)
        {
            return "none";
        }
        var parts = new List<string>();
        foreach (var (flag, name) in new[] { (SipPrivacy.Header, "header"), (SipPrivacy.Session, "session"), (SipPrivacy.User, "user"), (SipPrivacy.Id, "id"), (SipPrivacy.Critical, "critical") })
        {
            if (privacy.HasFlag(flag))
            {
                parts.Add(name);
            }
        }
        return string.Join(';', parts);
    }
}
