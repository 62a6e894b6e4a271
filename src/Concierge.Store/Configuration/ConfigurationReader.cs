using System.Data.Common;
using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Csta.Numbers;
using Concierge.Runtime.Collections;

namespace Concierge.Store.Configuration;

/// <summary>Reads the stored rows back into a <see cref="ConciergeConfig"/>; null when none was stored.</summary>
internal sealed class ConfigurationReader(DbConnection connection)
{
    public ConciergeConfig? Read()
    {
        var system = Rows("SELECT edition, pbx FROM system_settings", r => (Edition: Enum.Parse<Edition>(r.GetString(0)), Pbx: Enum.Parse<PbxType>(r.GetString(1))));
        var cps = Rows("SELECT host, register_id, registrar_host, registrar_port, register_interval_ms, channels, channel_ratio, rtp_start_port, rtp_port_count FROM cps_settings",
            r => new CpsSettings(r.GetString(0), r.GetString(1), r.GetString(2), r.Int(3), r.Duration(4), r.Int(5), r.Int(6), r.Int(7), r.Int(8)));
        if (system.Count == 0 || cps.Count == 0) return null;
        var ranges = Rows("SELECT kind, first_number, last_number FROM number_ranges",
            r => (Kind: r.GetString(0), Range: new NumberRange(r.Number(1), r.Number(2)))).ToDictionary(x => x.Kind, x => x.Range);
        var numberRanges = new CpsNumberRanges(ranges.GetValueOrDefault("pilot"), ranges["personalLines"],
            ranges.GetValueOrDefault("loop")?.First, ranges["request"], ranges["callback"]);
        var tenants = Rows("SELECT name, routing_type, max_transfer_time_ms, max_time_in_incoming_queue_ms, rna_timeout_ms, ring_time_ms, " +
                           "priority_standard, priority_internal, priority_intercept, priority_personal_line, priority_recall, " +
                           "paging_enabled, paging_announcement, paging_max_parked_calls, music_on_hold, start_announcement, " +
                           "number_not_in_service, not_available, time_overflow_variant FROM tenants ORDER BY position",
            r => new Tenant(r.GetString(0), Enum.Parse<RoutingType>(r.GetString(1)),
                new TenantTimes(r.Duration(2), r.Duration(3), r.Duration(4), r.Duration(5)),
                new CallPriorities(r.Int(6), r.Int(7), r.Int(8), r.Int(9), r.Int(10)),
                new PagingSettings(r.Flag(11), r.Str(12), r.Int(13)),
                new TenantAnnouncements(r.GetString(14), r.Str(15), r.Str(16), r.Str(17)),
                r.Str(18)));
        var announcements = Rows("SELECT name, type, tenant, file, duration_ms, loops FROM announcements ORDER BY position",
            r => new Announcement(r.GetString(0), Enum.Parse<AnnouncementType>(r.GetString(1)), r.GetString(2), r.GetString(3), r.DurationOrNull(4), r.Flag(5)));
        var variants = Rows("SELECT name, mode, tenant, announcement, forwarding_destination FROM night_variants ORDER BY position",
            r => new NightVariant(r.GetString(0), Enum.Parse<VariantMode>(r.GetString(1)), r.GetString(2), r.Str(3), r.NumberOrNull(4)));
        var ddi = Rows("SELECT pilot, tenant, name, purpose, company, max_transfer_time_ms, max_time_in_incoming_queue_ms, rna_timeout_ms, " +
                       "ring_time_ms, time_overflow_variant, night_variant, overload_action, overload_destination, priority, " +
                       "start_announcement, music_on_hold, oscc_initial_hunt_group, oscc_moh_hunt_group, os4000_rcg FROM ddi_entries ORDER BY position",
            r => new DdiEntry(r.Number(0), r.GetString(1), r.GetString(2), r.GetString(3), r.Str(4),
                new TimeOverrides(r.DurationOrNull(5), r.DurationOrNull(6), r.DurationOrNull(7), r.DurationOrNull(8)), r.Str(9), r.Str(10),
                new OverloadSettings(Enum.Parse<OverloadAction>(r.GetString(11)), r.NumberOrNull(12)),
                r.IntOrNull(13), r.Str(14), r.Str(15),
                r.NumberOrNull(16) is { } initial && r.NumberOrNull(17) is { } moh ? new OsccHuntGroups(initial, moh) : null,
                r.Str(18)));
        var attendants = Rows("SELECT device, alias, personal_line, greeting, unify_phone_ons, unify_phone_ond, tenant FROM attendants ORDER BY position",
            r => new Attendant(r.Number(0), r.Str(1), r.Number(2), r.Str(3),
                r.NumberOrNull(4) is { } ons && r.NumberOrNull(5) is { } ond ? new OnsOndPair(ons, ond) : null, r.Str(6)));
        var standby = Rows("SELECT primary_server, primary_host, standby_server, standby_host, loop_interval_ms, loop_calls_missed_before_takeover FROM standby",
            r => new StandbySettings(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.Duration(4), r.Int(5)));
        var routing = Rows("SELECT country_code, area_code, trunk_code, max_extension_length, public_access_code, national_access_code, " +
                           "international_access_code, local_access_code, use_vnr FROM pabx_routing",
            r => new PabxRoutingData(r.GetString(0), r.GetString(1), r.GetString(2), r.Int(3),
                new AccessCodes(r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7)), r.Flag(8)));
        return new ConciergeConfig(system[0].Edition, system[0].Pbx, cps[0], numberRanges, tenants.ToValueList(), ddi.ToValueList(),
            variants.ToValueList(), announcements.ToValueList(), attendants.ToValueList(), standby.Count == 0 ? null : standby[0])
        {
            BusyLamps = ranges.GetValueOrDefault(ConfigurationWriter.BusyLampsKind),
            PabxRouting = routing.Count == 0 ? null : routing[0],
        };
    }

    private List<T> Rows<T>(string sql, Func<DbDataReader, T> map) => StoreDatabase.Rows(connection, sql, map);
}
