namespace Concierge.Cps.Calls;

/// <summary>Why a call came to the CPS; each type has its priority in the tenant (C 8.3.4).</summary>
public enum CallType
{
    /// <summary>An external call to a pilot number.</summary>
    Standard,
    /// <summary>An internal call to a pilot number.</summary>
    Internal,
    /// <summary>A call forwarded to a pilot number by an office user's CFNR/CFB.</summary>
    Intercept,
    /// <summary>A call to an attendant's personal line.</summary>
    PersonalLine,
    /// <summary>A call coming back to the attendants after a failed transfer.</summary>
    Recall,
}
