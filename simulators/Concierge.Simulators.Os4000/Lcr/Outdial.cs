using Concierge.Simulators.Os4000.Configuration;

namespace Concierge.Simulators.Os4000.Lcr;

/// <summary>The digits an outdial rule (LODR) sends and the type of number they are sent as.</summary>
public sealed record OutdialResult(string Digits, string TypeOfNumber)
{
    /// <summary>True when sent as type international (the CPS trunk needs it: all numbers E.164, C 5.4.5).</summary>
    public bool IsInternational => TypeOfNumber == "international";

    /// <summary>The number as it appears in SIP: '+' and the digits when international, else the digits.</summary>
    public string Number => IsInternational ? "+" + Digits : Digits;
}

/// <summary>Applies an outdial rule to the dialed fields: OUTPULSE digits, ECHO field n, NPI/TON, END.</summary>
public static class Outdial
{
    /// <summary>
    /// The dialed fields of an extension as the dial plan splits it: field 1 the access digit (the WABE code "9" of
    /// the CPS ranges, LDP=9-000), field 2 the rest.
    /// </summary>
    public static IReadOnlyList<string> Fields(string extension) =>
        extension.Length <= 1 ? [extension, ""] : [extension[..1], extension[1..]];

    /// <summary>The result of <paramref name="commands"/> on <paramref name="fields"/> (commands after END are ignored).</summary>
    public static OutdialResult Apply(IReadOnlyList<OutdialCommand> commands, IReadOnlyList<string> fields)
    {
        var digits = new System.Text.StringBuilder();
        var ton = "unknown";
        foreach (var command in commands)
        {
            switch (command)
            {
                case OutpulseCommand outpulse:
                    digits.Append(outpulse.Digits);
                    break;
                case EchoCommand echo when echo.Field >= 1 && echo.Field <= fields.Count:
                    digits.Append(fields[echo.Field - 1]);
                    break;
                case NumberTypeCommand type:
                    ton = type.Ton;
                    break;
                case EndCommand:
                    return new OutdialResult(digits.ToString(), ton);
            }
        }
        return new OutdialResult(digits.ToString(), ton);
    }
}
