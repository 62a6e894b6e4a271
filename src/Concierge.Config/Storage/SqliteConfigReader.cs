using Concierge.Runtime.Collections;
using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Microsoft.Data.Sqlite;

namespace Concierge.Config.Storage;

/// <summary>Reads the stored rows back into a <see cref="ConciergeConfig"/>.</summary>
internal sealed class SqliteConfigReader(SqliteConnection connection)
{
    public ConciergeConfig? Read()
    {
        var system = Rows("SELECT edition, pbx FROM system", r => (Edition: Enum.Parse<Edition>(r.GetString(0)), Pbx: Enum.Parse<PbxType>(r.GetString(1))));
        var cps = Rows("SELECT host, register_id, registrar_host, registrar_port, register_interval_ms, channels, channel_ratio, rtp_start_port, rtp_port_count FROM cps_settings",
            r => new CpsSettings(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), Ms(r, 4)!.Value, r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8)));
        if (system.Count == 0 || cps.Count == 0)
        {
            return null;
        }
        var ranges = Rows("SELECT kind, first_number, last_number FROM number_ranges",
            r => (Kind: r.GetString(0), Range: new NumberRange(E164Number.Parse(r.GetString(1)), E164Number.Parse(r.GetString(2)))))
            .ToDictionary(x => x.Kind, x => x.Range);
        var numberRanges = new CpsNumberRanges(ranges.GetValueOrDefault("pilot"), ranges["personalLines"],
            ranges.GetValueOrDefault("loop")?.First, ranges["request"], ranges["callback"]);
        var tenants = Rows("SELECT name, routing_type, max_transfer_time_ms, max_time_in_incoming_queue_ms, rna_timeout_ms, ring_time_ms, " +
                           "priority_standard, priority_internal, priority_intercept, priority_personal_line, priority_recall, " +
                           "paging_enabled, paging_announcement, paging_max_parked_calls, music_on_hold, start_announcement, " +
                           "number_not_in_service, not_available, time_overflow_variant FROM tenants ORDER BY position",
            r => new Tenant(r.GetString(0), Enum.Parse<RoutingType>(r.GetString(1)),
                new TenantTimes(Ms(r, 2)!.Value, Ms(r, 3)!.Value, Ms(r, 4)!.Value, Ms(r, 5)!.Value),
                new CallPriorities(r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10)),
                new PagingSettings(r.GetInt32(11) != 0, Str(r, 12), r.GetInt32(13)),
                new TenantAnnouncements(r.GetString(14), Str(r, 15), Str(r, 16), Str(r, 17)),
                Str(r, 18)));
        var announcements = Rows("SELECT name, type, tenant, file, duration_ms, loops FROM announcements ORDER BY position",
            r => new Announcement(r.GetString(0), Enum.Parse<AnnouncementType>(r.GetString(1)), r.GetString(2), r.GetString(3), Ms(r, 4), r.GetInt32(5) != 0));
        var variants = Rows("SELECT name, mode, tenant, announcement, forwarding_destination FROM night_variants ORDER BY position",
            r => new NightVariant(r.GetString(0), Enum.Parse<VariantMode>(r.GetString(1)), r.GetString(2), Str(r, 3), Number(r, 4)));
        var ddi = Rows("SELECT pilot, tenant, name, purpose, company, max_transfer_time_ms, max_time_in_incoming_queue_ms, rna_timeout_ms, " +
                       "ring_time_ms, time_overflow_variant, night_variant, overload_action, overload_destination, priority, " +
                       "start_announcement, music_on_hold, oscc_initial_hunt_group, oscc_moh_hunt_group, os4000_rcg FROM ddi_entries ORDER BY position",
            r => new DdiEntry(E164Number.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), Str(r, 4),
                new TimeOverrides(Ms(r, 5), Ms(r, 6), Ms(r, 7), Ms(r, 8)), Str(r, 9), Str(r, 10),
                new OverloadSettings(Enum.Parse<OverloadAction>(r.GetString(11)), Number(r, 12)),
                r.IsDBNull(13) ? null : r.GetInt32(13), Str(r, 14), Str(r, 15),
                Number(r, 16) is { } initial && Number(r, 17) is { } moh ? new OsccHuntGroups(initial, moh) : null,
                Str(r, 18)));
        var attendants = Rows("SELECT device, alias, personal_line, greeting, unify_phone_ons, unify_phone_ond, tenant FROM attendants ORDER BY position",
            r => new Attendant(E164Number.Parse(r.GetString(0)), Str(r, 1), E164Number.Parse(r.GetString(2)), Str(r, 3),
                Number(r, 4) is { } ons && Number(r, 5) is { } ond ? new OnsOndPair(ons, ond) : null) { Tenant = r.GetString(6) });
        var standby = Rows("SELECT primary_server, primary_host, standby_server, standby_host, loop_interval_ms, loop_calls_missed_before_takeover FROM standby",
            r => new StandbySettings(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Ms(r, 4)!.Value, r.GetInt32(5)));
        return new ConciergeConfig(system[0].Edition, system[0].Pbx, cps[0], numberRanges, tenants.ToValueList(), ddi.ToValueList(),
            variants.ToValueList(), announcements.ToValueList(), attendants.ToValueList(), standby.Count == 0 ? null : standby[0])
        {
            BusyLamps = ranges.GetValueOrDefault(SqliteConfigWriter.BusyLampsKind),
        };
    }

    private List<T> Rows<T>(string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static TimeSpan? Ms(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : TimeSpan.FromMilliseconds(r.GetInt64(i));

    private static E164Number? Number(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : E164Number.Parse(r.GetString(i));
}
