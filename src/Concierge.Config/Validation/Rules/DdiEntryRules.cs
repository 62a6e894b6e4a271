using Concierge.Config.Model;

namespace Concierge.Config.Validation.Rules;

/// <summary>Rules for DDI lookup entries (C 8.4).</summary>
internal static class DdiEntryRules
{
    public static void Check(ConciergeConfig config, ProblemList problems)
    {
        var seen = new HashSet<Numbers.E164Number>();
        for (var i = 0; i < config.DdiEntries.Count; i++)
        {
            var e = config.DdiEntries[i];
            var path = $"ddiEntries[{i}]";
            var pilot = e.Pilot.ToString();
            if (!seen.Add(e.Pilot))
            {
                problems.Error($"{path}.pilot", pilot, "is the pilot number of another DDI entry");
            }
            if (e.RoutedByOscc)
            {
                if (config.Ranges.PersonalLines.Contains(e.Pilot) && config.Attendants.Any(a => a.PersonalLine == e.Pilot))
                {
                    problems.Error($"{path}.pilot", pilot, "is an attendant's personal line");
                }
            }
            else if (config.Ranges.Pilot is { } range && !range.Contains(e.Pilot))
            {
                problems.Error($"{path}.pilot", pilot, $"is outside ranges.pilot ({range}): the PBX would not route it to the CPS");
            }
            ReferenceRules.Tenant(config, $"{path}.tenant", e.Tenant, problems);
            if (string.IsNullOrWhiteSpace(e.Name))
            {
                problems.Error($"{path}.name", e.Name, "is empty");
            }
            CheckTimes($"{path}.times", e.Times, problems);
            if (e.TimeOverflowVariant is { } overflow)
            {
                ReferenceRules.Variant(config, $"{path}.timeOverflowVariant", overflow, e.Tenant, problems);
            }
            if (e.NightVariant is { } night)
            {
                ReferenceRules.Variant(config, $"{path}.nightVariant", night, e.Tenant, problems);
            }
            if (e.Overload.Action == OverloadAction.Forward && e.Overload.Destination is null)
            {
                problems.Error($"{path}.overload.destination", null, "is missing: overload forward needs a destination");
            }
            if (e.Overload.Action == OverloadAction.Busy && e.Overload.Destination is { } unused)
            {
                problems.Warning($"{path}.overload.destination", unused.ToString(), "is ignored with overload busy");
            }
            if (e.Priority is { } priority)
            {
                TenantRules.Priority($"{path}.priority", priority, problems);
            }
            if (e.StartAnnouncement is { } start)
            {
                ReferenceRules.Announcement(config, $"{path}.startAnnouncement", start, e.Tenant, null, problems);
            }
            if (e.MusicOnHold is { } music)
            {
                ReferenceRules.Announcement(config, $"{path}.musicOnHold", music, e.Tenant, AnnouncementType.MusicOnHold, problems);
            }
            if (e.Os4000Rcg is { } rcg && config.Pbx != PbxType.Os4000)
            {
                problems.Warning($"{path}.os4000Rcg", rcg, "is only used with OpenScape 4000");
            }
        }
        var oscc = config.DdiEntries.Count(e => e.RoutedByOscc);
        if (oscc > ConciergeConfig.MaxOsccDdiEntries)
        {
            problems.Error("ddiEntries", oscc.ToString(System.Globalization.CultureInfo.InvariantCulture), "OSCC DDI entries exceed the limit of 1000");
        }
    }

    private static void CheckTimes(string path, TimeOverrides times, ProblemList problems)
    {
        if (times.MaxTransferTime is { } transfer)
        {
            TenantRules.Positive($"{path}.maxTransferTime", transfer, problems);
        }
        if (times.MaxTimeInIncomingQueue is { } queue)
        {
            TenantRules.Positive($"{path}.maxTimeInIncomingQueue", queue, problems);
        }
        if (times.RnaTimeout is { } rna)
        {
            TenantRules.Positive($"{path}.rnaTimeout", rna, problems);
        }
        if (times.RingTime is { } ring)
        {
            TenantRules.NotNegative($"{path}.ringTime", ring, problems);
        }
    }
}
