namespace Concierge.Csta.Session;

/// <summary>
/// The ECMA-354 application session a link opens before it registers: the application's name, the session duration
/// asked for, and when to send the keep-alive (ResetApplicationSessionTimer) as a fraction of the duration granted.
/// </summary>
public sealed record CstaApplicationSessionOptions(string ApplicationId = "Concierge")
{
    /// <summary>Session duration asked for; the switch may grant less.</summary>
    public TimeSpan RequestedDuration { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>The keep-alive goes out after this fraction of the granted duration (well before it runs out).</summary>
    public double KeepAliveFraction { get; init; } = 0.5;

    /// <summary>Names the first setting that cannot work, or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(ApplicationId)) return "application session: ApplicationId must not be empty";
        if (RequestedDuration < TimeSpan.FromSeconds(1) || RequestedDuration > TimeSpan.FromDays(1)) return $"application session: RequestedDuration {RequestedDuration} must be 1 s to 1 day";
        if (KeepAliveFraction is <= 0.05 or >= 0.95) return $"application session: KeepAliveFraction {KeepAliveFraction} must be between 0.05 and 0.95";
        return null;
    }
}
