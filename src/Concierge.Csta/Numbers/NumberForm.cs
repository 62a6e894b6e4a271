namespace Concierge.Csta.Numbers;

/// <summary>The ways a number is written on a PABX connection.</summary>
public enum NumberForm
{
    /// <summary>An extension of this PABX, e.g. 7001.</summary>
    Extension,
    /// <summary>Public access + local access + subscriber number in the own area, e.g. 0 700100.</summary>
    Local,
    /// <summary>Public access + national prefix + area code + subscriber, e.g. 0 0 89 700100.</summary>
    National,
    /// <summary>Public access + international prefix + country code + national number, e.g. 0 00 49 89 700100.</summary>
    International,
    /// <summary>"+" and the full international number, e.g. +4989700100.</summary>
    E164,
}
