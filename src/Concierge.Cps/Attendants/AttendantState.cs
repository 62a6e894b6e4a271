namespace Concierge.Cps.Attendants;

/// <summary>An attendant's availability for pushed calls (C 8.11).</summary>
public enum AttendantState
{
    /// <summary>Not logged on.</summary>
    LoggedOff,
    /// <summary>Logged on and taking calls.</summary>
    Available,
    /// <summary>Logged on, but gets no pushed calls.</summary>
    Unavailable,
}
