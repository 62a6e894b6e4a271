using Concierge.Runtime.Collections;
using Concierge.Config.Numbers;

namespace Concierge.Config.Model;

/// <summary>The whole CPS configuration: edition, PBX, trunk, number ranges, tenants, DDI lookup, variants, announcements, attendants, standby.</summary>
public sealed record ConciergeConfig(
    Edition Edition,
    PbxType Pbx,
    CpsSettings Cps,
    CpsNumberRanges Ranges,
    ValueList<Tenant> Tenants,
    ValueList<DdiEntry> DdiEntries,
    ValueList<NightVariant> NightVariants,
    ValueList<Announcement> Announcements,
    ValueList<Attendant> Attendants,
    StandbySettings? Standby)
{
    /// <summary>
    /// The office users the CPS monitors for the attendants' busy lamp field (C 2.2.1), or null for none: their states
    /// (idle, ringing, busy, forwarded, out of service) come over the CSTA link.
    /// </summary>
    public Numbers.NumberRange? BusyLamps { get; init; }

    /// <summary>
    /// The PABX routing data of the connection (C 6.2.3.2: country, area and trunk code, longest extension, access
    /// codes), or null when none is configured: numbers the switch sends and numbers an attendant types are then read
    /// in international form only.
    /// </summary>
    public Concierge.Csta.Numbers.PabxRoutingData? PabxRouting { get; init; }

    /// <summary>Most devices a busy lamp field monitors.</summary>
    public const int MaxBusyLamps = 1000;

    /// <summary>Plus edition: at most this many DDI entries (C 8.4).</summary>
    public const int PlusMaxDdiEntries = 6;

    /// <summary>At most this many DDI entries routed by OSCC (C 8.4).</summary>
    public const int MaxOsccDdiEntries = 1000;

    /// <summary>Whether any pilot number is routed by OSCC.</summary>
    public bool UsesOscc => DdiEntries.Any(e => e.RoutedByOscc);

    /// <summary>The tenant called <paramref name="name"/>, or null.</summary>
    public Tenant? FindTenant(string name) => Tenants.FirstOrDefault(t => t.Name == name);

    /// <summary>The DDI entry for <paramref name="pilot"/>, or null.</summary>
    public DdiEntry? FindDdiEntry(E164Number pilot) => DdiEntries.FirstOrDefault(e => e.Pilot == pilot);

    /// <summary>The night or time overflow variant called <paramref name="name"/>, or null.</summary>
    public NightVariant? FindVariant(string name) => NightVariants.FirstOrDefault(v => v.Name == name);

    /// <summary>The announcement called <paramref name="name"/>, or null.</summary>
    public Announcement? FindAnnouncement(string name) => Announcements.FirstOrDefault(a => a.Name == name);

    /// <summary>The tenant <paramref name="attendant"/> works for: its own, else DEFAULT, else the first tenant.</summary>
    public string TenantOf(Attendant attendant) =>
        attendant.Tenant ?? (FindTenant(Model.Tenant.DefaultName) ?? Tenants.First()).Name;

    /// <summary>The attendant working place at <paramref name="device"/>, or null.</summary>
    public Attendant? FindAttendant(E164Number device) => Attendants.FirstOrDefault(a => a.Device == device);

    /// <summary>The attendant whose device alias is <paramref name="alias"/>, or null.</summary>
    public Attendant? FindAttendantByAlias(string alias) => Attendants.FirstOrDefault(a => a.Alias == alias);

    /// <summary>The times that apply to calls to <paramref name="entry"/>: the tenant's, with the entry's overrides.</summary>
    public TenantTimes EffectiveTimes(DdiEntry entry) =>
        entry.Times.ApplyTo(FindTenant(entry.Tenant)?.Times ?? throw new InvalidOperationException($"DDI entry {entry.Pilot} names unknown tenant \"{entry.Tenant}\""));

    /// <summary>The time overflow variant that applies to <paramref name="entry"/>: its own, else its tenant's, else none.</summary>
    public NightVariant? EffectiveTimeOverflowVariant(DdiEntry entry)
    {
        var name = entry.TimeOverflowVariant ?? FindTenant(entry.Tenant)?.TimeOverflowVariant;
        return name is null ? null : FindVariant(name);
    }

    /// <summary>The ONS/OND pair registered for <paramref name="ons"/>, or null.</summary>
    public OnsOndPair? FindUnifyPhonePair(E164Number ons) =>
        Attendants.Select(a => a.UnifyPhone).FirstOrDefault(p => p is not null && p.Ons == ons);
}
