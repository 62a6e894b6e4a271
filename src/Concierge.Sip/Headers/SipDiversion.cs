using System.Globalization;
using Concierge.Sip.Message;

namespace Concierge.Sip.Headers;

/// <summary>One Diversion value (RFC 5806): the diverting address with reason, counter, limit, privacy and screen.</summary>
public sealed record SipDiversion(NameAddress Address)
{
    /// <summary>Creates a value with a reason (unknown, user-busy, no-answer, unconditional, deflection, time-of-day ...) and counter.</summary>
    public static SipDiversion Create(SipUri divertingUri, string reason, int counter = 1) =>
        new(new NameAddress(divertingUri, null, SipParameters.Empty.With("reason", reason).With("counter", counter.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The diversion reason.</summary>
    public string? Reason => Address.Parameters["reason"];

    /// <summary>How many diversions this entry stands for (default 1).</summary>
    public int Counter => int.TryParse(Address.Parameters["counter"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 1;

    /// <summary>The diverting party's URI.</summary>
    public SipUri Uri => Address.Uri;

    /// <summary>The header text of this value.</summary>
    public override string ToString() => Address.ToString();
}

/// <summary>One History-Info entry (RFC 7044): the target, its index and how it was reached (Reason embedded in the URI, rc/mp/np).</summary>
public sealed record SipHistoryInfoEntry(NameAddress Address)
{
    /// <summary>Creates an entry; a Reason (e.g. `SIP;cause=302`) is embedded as a URI header.</summary>
    public static SipHistoryInfoEntry Create(SipUri target, string index, string? reason = null, string? mappedFrom = null)
    {
        var uri = reason is null ? target : new SipUri(target.Scheme, target.User, target.Host, target.Port, target.Parameters,
            target.Headers.With("Reason", reason), target.Password);
        var parameters = SipParameters.Empty.With("index", index);
        if (mappedFrom is not null)
        {
            parameters = parameters.With("mp", mappedFrom);
        }
        return new SipHistoryInfoEntry(new NameAddress(uri, null, parameters));
    }

    /// <summary>The hi-index, e.g. `1.1.2`.</summary>
    public string? Index => Address.Parameters["index"];

    /// <summary>The Reason header embedded in the URI, e.g. `SIP;cause=486;text="Busy"`.</summary>
    public string? Reason => Address.Uri.Headers["Reason"];

    /// <summary>The SIP cause of the embedded Reason, if any.</summary>
    public int? Cause
    {
        get
        {
            var reason = Reason;
            var at = reason?.IndexOf("cause=", StringComparison.OrdinalIgnoreCase) ?? -1;
            if (at < 0)
            {
                return null;
            }
            var digits = new string(reason![(at + 6)..].TakeWhile(char.IsAsciiDigit).ToArray());
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var cause) ? cause : null;
        }
    }

    /// <summary>The target URI without the embedded Reason.</summary>
    public SipUri Target => Address.Uri;

    /// <summary>The header text of this entry.</summary>
    public override string ToString() => Address.ToString();
}
