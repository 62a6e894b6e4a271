using System.Globalization;
using System.Text;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Headers;

/// <summary>Session-Expires (RFC 4028 §4): the session interval and who refreshes (uac/uas), if said.</summary>
public sealed record SipSessionExpires(TimeSpan Interval, string? Refresher = null)
{
    /// <summary>Refresher value for the UAC.</summary>
    public const string Uac = "uac";

    /// <summary>Refresher value for the UAS.</summary>
    public const string Uas = "uas";

    /// <summary>Parses `delta-seconds [;refresher=uac|uas] *(;param)`.</summary>
    public static bool TryParse(string? text, out SipSessionExpires? value)
    {
        value = null;
        if (!ValueWithParametersGrammar.TryParse(text, ValueWithParametersGrammar.IsDigits, out var seconds, out var parameters)
            || !uint.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
        {
            return false;
        }
        var refresher = parameters["refresher"]?.ToLowerInvariant();
        if (refresher is not (null or Uac or Uas))
        {
            return false;
        }
        value = new SipSessionExpires(TimeSpan.FromSeconds(s), refresher);
        return true;
    }

    /// <summary>`1800;refresher=uac`.</summary>
    public override string ToString()
    {
        var b = new StringBuilder();
        b.Append(((long)Interval.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        if (Refresher is not null)
        {
            b.Append(";refresher=").Append(Refresher);
        }
        return b.ToString();
    }
}

/// <summary>Delta-seconds header values: Min-SE (RFC 4028), Min-Expires, Expires, Retry-After seconds.</summary>
public static class SipDeltaSeconds
{
    /// <summary>Parses the leading delta-seconds of a value (parameters after ';' ignored), 0 to 2^32-1.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (!ValueWithParametersGrammar.TryParse(text, ValueWithParametersGrammar.IsDigits, out var seconds, out _)
            || !uint.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
        {
            return false;
        }
        value = TimeSpan.FromSeconds(s);
        return true;
    }

    /// <summary>Whole seconds as text.</summary>
    public static string Format(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
