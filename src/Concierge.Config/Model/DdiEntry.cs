using Concierge.Config.Numbers;

namespace Concierge.Config.Model;

/// <summary>
/// A DDI lookup entry (C 8.4): a pilot (service) number, its tenant and purpose, time overrides, the time overflow and
/// night variants, overload handling and priority; with OSCC the initial and MoH hunt groups, with OS4000 the RCG.
/// </summary>
public sealed record DdiEntry(
    E164Number Pilot,
    string Tenant,
    string Name,
    string Purpose,
    string? Company,
    TimeOverrides Times,
    string? TimeOverflowVariant,
    string? NightVariant,
    OverloadSettings Overload,
    int? Priority,
    string? StartAnnouncement,
    string? MusicOnHold,
    OsccHuntGroups? Oscc,
    string? Os4000Rcg)
{
    /// <summary>Whether OSCC, not the CPS, routes calls to this pilot number.</summary>
    public bool RoutedByOscc => Oscc is not null;
}
