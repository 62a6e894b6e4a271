using Concierge.Cps.Records;

namespace Concierge.Scenarios.Systems;

/// <summary>What the world shows about one external call at the current virtual time.</summary>
/// <param name="Hearing">What the caller hears.</param>
/// <param name="Announcement">The announcement playing, when <see cref="Hearing"/> is Announcement.</param>
/// <param name="ConnectedTo">The full number of the party the caller talks to.</param>
/// <param name="RingingAt">Full numbers of the devices at which this call currently rings.</param>
/// <param name="Disposition">How the call ended, once it has.</param>
/// <param name="SettingUp">True while the call is still being set up (dialled, no answer or ringing yet): not lost.</param>
public sealed record CallerView(CallerHearing Hearing, string? Announcement, string? ConnectedTo, IReadOnlyList<string> RingingAt, CallDisposition? Disposition,
    bool SettingUp = false)
{
    /// <summary>A short description for failure messages.</summary>
    public string Describe() =>
        Disposition is { } ended ? $"ended as {ended.ToString().ToLowerInvariant()}"
        : Hearing switch
        {
            CallerHearing.Announcement => $"hears the announcement \"{Announcement}\"",
            CallerHearing.Connected => $"connected to {ConnectedTo}",
            CallerHearing.Ringing when RingingAt.Count > 0 => $"hears ringing (ringing at {string.Join(", ", RingingAt)})",
            _ => "hears " + Hearing.ToString().ToLowerInvariant(),
        };
}
