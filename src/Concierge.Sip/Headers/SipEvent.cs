using System.Text;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Headers;

/// <summary>Event (RFC 6665 §8.2.1): the event package (e.g. refer, dialog, message-summary) with id and other parameters.</summary>
public sealed record SipEvent(string Package, SipParameters Parameters)
{
    /// <summary>Creates an Event value, with an id parameter when given.</summary>
    public static SipEvent Create(string package, string? id = null) =>
        new(package, id is null ? SipParameters.Empty : SipParameters.Empty.With("id", id));

    /// <summary>The id parameter (REFER subscriptions use the CSeq number).</summary>
    public string? Id => Parameters["id"];

    /// <summary>Parses `package *(;param)`.</summary>
    public static bool TryParse(string? text, out SipEvent? value)
    {
        value = ValueWithParametersGrammar.TryParse(text, ValueWithParametersGrammar.IsToken, out var package, out var parameters)
            ? new SipEvent(package, parameters)
            : null;
        return value is not null;
    }

    /// <summary>`package;params`.</summary>
    public override string ToString()
    {
        var b = new StringBuilder(Package);
        Parameters.AppendTo(b);
        return b.ToString();
    }
}

/// <summary>Subscription-State (RFC 6665 §8.2.3): active, pending or terminated with expires, reason and retry-after.</summary>
public sealed record SipSubscriptionState(string State, SipParameters Parameters)
{
    /// <summary>active.</summary>
    public const string Active = "active";
    /// <summary>pending.</summary>
    public const string Pending = "pending";
    /// <summary>terminated.</summary>
    public const string Terminated = "terminated";

    /// <summary>Creates `active;expires=N` / `terminated;reason=noresource` style values.</summary>
    public static SipSubscriptionState Create(string state, TimeSpan? expires = null, string? reason = null)
    {
        var p = SipParameters.Empty;
        if (expires is { } e)
        {
            p = p.With("expires", SipDeltaSeconds.Format(e));
        }
        if (reason is not null)
        {
            p = p.With("reason", reason);
        }
        return new SipSubscriptionState(state, p);
    }

    /// <summary>The expires parameter.</summary>
    public TimeSpan? Expires => SipDeltaSeconds.TryParse(Parameters["expires"], out var e) ? e : null;

    /// <summary>The reason parameter (deactivated, probation, rejected, timeout, giveup, noresource, invariant).</summary>
    public string? Reason => Parameters["reason"];

    /// <summary>The retry-after parameter.</summary>
    public TimeSpan? RetryAfter => SipDeltaSeconds.TryParse(Parameters["retry-after"], out var r) ? r : null;

    /// <summary>True for terminated.</summary>
    public bool IsTerminated => string.Equals(State, Terminated, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses `state *(;param)`.</summary>
    public static bool TryParse(string? text, out SipSubscriptionState? value)
    {
        value = ValueWithParametersGrammar.TryParse(text, ValueWithParametersGrammar.IsToken, out var state, out var parameters)
            ? new SipSubscriptionState(state.ToLowerInvariant(), parameters)
            : null;
        return value is not null;
    }

    /// <summary>`state;params`.</summary>
    public override string ToString()
    {
        var b = new StringBuilder(State);
        Parameters.AppendTo(b);
        return b.ToString();
    }
}
