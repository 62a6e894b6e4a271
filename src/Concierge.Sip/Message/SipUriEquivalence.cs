namespace Concierge.Sip.Message;

/// <summary>RFC 3261 §19.1.4 URI comparison (and RFC 3966 §4 for tel: visual separators ignored).</summary>
public static class SipUriEquivalence
{
    private static readonly string[] MustMatchIfPresent = ["user", "ttl", "method", "maddr", "transport"];

    /// <summary>True when the two URIs are equivalent by the RFC rules (not mere text equality).</summary>
    public static bool IsEquivalentTo(this SipUri a, SipUri b)
    {
        if (a.Scheme != b.Scheme)
        {
            return false;
        }
        if (a.Opaque is not null || b.Opaque is not null)
        {
            return string.Equals(a.Opaque, b.Opaque, StringComparison.Ordinal);
        }
        if (a.IsTel)
        {
            return string.Equals(TelDigits(a.User), TelDigits(b.User), StringComparison.OrdinalIgnoreCase) && ParametersMatch(a, b, []);
        }
        return string.Equals(a.User, b.User, StringComparison.Ordinal)
            && string.Equals(a.Password, b.Password, StringComparison.Ordinal)
            && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port
            && ParametersMatch(a, b, MustMatchIfPresent)
            && HeadersMatch(a.Headers, b.Headers);
    }

    private static bool ParametersMatch(SipUri a, SipUri b, string[] mustMatch)
    {
        foreach (var p in a.Parameters)
        {
            if (b.Parameters.TryGetValue(p.Name, out var other))
            {
                if (!string.Equals(p.Value, other, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            else if (mustMatch.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        foreach (var p in b.Parameters)
        {
            if (!a.Parameters.Contains(p.Name) && mustMatch.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    private static bool HeadersMatch(SipParameters a, SipParameters b) =>
        a.Count == b.Count && a.All(h => b.Any(o => string.Equals(o.Name, h.Name, StringComparison.OrdinalIgnoreCase) && o.Value == h.Value));

    private static string TelDigits(string? number) =>
        new((number ?? string.Empty).Where(c => c is not ('-' or '.' or '(' or ')')).ToArray());
}
