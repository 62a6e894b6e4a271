namespace Concierge.Csta.Numbers;

/// <summary>A number as it was written (<see cref="Form"/>) and its full international digits without "+".</summary>
public readonly record struct ParsedNumber(NumberForm Form, string InternationalDigits)
{
    /// <summary>The E.164 spelling, "+" and the digits.</summary>
    public string E164 => "+" + InternationalDigits;
}
