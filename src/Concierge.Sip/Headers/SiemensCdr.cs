using System.Text;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Headers;

/// <summary>
/// X-Siemens-CDR on outgoing INVITE/REFER: carries the charge number of the attendant's working place so OpenScape
/// Voice bills and routes with that place's numbering plan (seed C 4.4.5 step 4). Written as `charge=&lt;number&gt;`
/// followed by any other parameters; parsing also accepts a leading `;` and keeps unknown parameters.
/// </summary>
public sealed record SiemensCdr(string ChargeNumber, SipParameters OtherParameters)
{
    /// <summary>The header name.</summary>
    public const string HeaderName = SipHeaderNames.XSiemensCDR;

    /// <summary>Creates a value with only the charge number.</summary>
    public static SiemensCdr ForChargeNumber(string chargeNumber) => new(chargeNumber, SipParameters.Empty);

    /// <summary>Parses `charge=N *(;param)`; false when there is no charge parameter.</summary>
    public static bool TryParse(string? text, out SiemensCdr? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }
        var normalized = text.TrimStart(' ', '\t');
        normalized = normalized.StartsWith(';') ? "x" + normalized : "x;" + normalized;
        if (!ValueWithParametersGrammar.TryParse(normalized, _ => true, out _, out var parameters)
            || parameters["charge"] is not { Length: > 0 } charge)
        {
            return false;
        }
        value = new SiemensCdr(ValueWithParametersGrammar.Unquote(charge), parameters.Without("charge"));
        return true;
    }

    /// <summary>`charge=N;params`.</summary>
    public override string ToString()
    {
        var b = new StringBuilder("charge=");
        b.Append(ValueWithParametersGrammar.QuoteIfNeeded(ChargeNumber));
        OtherParameters.AppendTo(b);
        return b.ToString();
    }
}
