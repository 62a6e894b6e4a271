namespace Concierge.Scenarios.Systems;

/// <summary>What the user at a phone hears: the kind of sound, and the announcement's name or the connected party's number.</summary>
public sealed record PhoneHearing(CallerHearing Hearing, string? Label)
{
    /// <summary>A short description for failure messages.</summary>
    public string Describe() => Hearing switch
    {
        CallerHearing.Announcement => $"hears the announcement \"{Label}\"",
        CallerHearing.Connected => $"connected to {Label}",
        _ => "hears " + Hearing.ToString().ToLowerInvariant(),
    };
}
