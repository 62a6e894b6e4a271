using System.Data.Common;
using Concierge.Config.Model;
using Concierge.Config.Numbers;
using static Concierge.Store.StoreRows;

namespace Concierge.Store.Configuration;

/// <summary>Inserts one configuration's rows; the caller owns the transaction.</summary>
internal sealed class ConfigurationWriter(DbConnection connection, DbTransaction transaction)
{
    /// <summary>The number_ranges row holding the busy lamp field's office users.</summary>
    internal const string BusyLampsKind = "busyLamps";

    public void Write(ConciergeConfig config)
    {
        Insert("system_settings", ("id", 1), ("edition", config.Edition.ToString()), ("pbx", config.Pbx.ToString()));
        var cps = config.Cps;
        Insert("cps_settings", ("id", 1), ("host", cps.Host), ("register_id", cps.RegisterId), ("registrar_host", cps.RegistrarHost),
            ("registrar_port", cps.RegistrarPort), ("register_interval_ms", Ms(cps.RegisterInterval)), ("channels", cps.Channels),
            ("channel_ratio", cps.ChannelRatio), ("rtp_start_port", cps.RtpStartPort), ("rtp_port_count", cps.RtpPortCount));
        foreach (var (kind, range) in config.Ranges.Named())
            Insert("number_ranges", ("kind", kind), ("first_number", range.First.ToString()), ("last_number", range.Last.ToString()));
        if (config.BusyLamps is { } lamps)
            Insert("number_ranges", ("kind", BusyLampsKind), ("first_number", lamps.First.ToString()), ("last_number", lamps.Last.ToString()));
        if (config.PabxRouting is { } routing)
        {
            var codes = routing.AccessCodes;
            Insert("pabx_routing", ("id", 1), ("country_code", routing.CountryCode), ("area_code", routing.AreaCode),
                ("trunk_code", routing.TrunkCode), ("max_extension_length", routing.MaxExtensionLength),
                ("public_access_code", codes.Public), ("national_access_code", codes.National),
                ("international_access_code", codes.International), ("local_access_code", codes.Local), ("use_vnr", routing.UseVnr ? 1 : 0));
        }
        for (var i = 0; i < config.Tenants.Count; i++)
        {
            var t = config.Tenants[i];
            Insert("tenants", ("position", i), ("name", t.Name), ("routing_type", t.RoutingType.ToString()),
                ("max_transfer_time_ms", Ms(t.Times.MaxTransferTime)), ("max_time_in_incoming_queue_ms", Ms(t.Times.MaxTimeInIncomingQueue)),
                ("rna_timeout_ms", Ms(t.Times.RnaTimeout)), ("ring_time_ms", Ms(t.Times.RingTime)),
                ("priority_standard", t.Priorities.Standard), ("priority_internal", t.Priorities.Internal),
                ("priority_intercept", t.Priorities.Intercept), ("priority_personal_line", t.Priorities.PersonalLine),
                ("priority_recall", t.Priorities.Recall), ("paging_enabled", t.Paging.Enabled ? 1 : 0),
                ("paging_announcement", t.Paging.Announcement), ("paging_max_parked_calls", t.Paging.MaxParkedCalls),
                ("music_on_hold", t.Announcements.MusicOnHold), ("start_announcement", t.Announcements.StartAnnouncement),
                ("number_not_in_service", t.Announcements.NumberNotInService), ("not_available", t.Announcements.NotAvailable),
                ("time_overflow_variant", t.TimeOverflowVariant));
        }
        for (var i = 0; i < config.Announcements.Count; i++)
        {
            var a = config.Announcements[i];
            Insert("announcements", ("position", i), ("name", a.Name), ("type", a.Type.ToString()), ("tenant", a.Tenant),
                ("file", a.File), ("duration_ms", Ms(a.Duration)), ("loops", a.Loops ? 1 : 0));
        }
        for (var i = 0; i < config.NightVariants.Count; i++)
        {
            var v = config.NightVariants[i];
            Insert("night_variants", ("position", i), ("name", v.Name), ("mode", v.Mode.ToString()), ("tenant", v.Tenant),
                ("announcement", v.Announcement), ("forwarding_destination", Text(v.ForwardingDestination)));
        }
        for (var i = 0; i < config.DdiEntries.Count; i++)
        {
            var e = config.DdiEntries[i];
            Insert("ddi_entries", ("position", i), ("pilot", e.Pilot.ToString()), ("tenant", e.Tenant), ("name", e.Name),
                ("purpose", e.Purpose), ("company", e.Company),
                ("max_transfer_time_ms", Ms(e.Times.MaxTransferTime)), ("max_time_in_incoming_queue_ms", Ms(e.Times.MaxTimeInIncomingQueue)),
                ("rna_timeout_ms", Ms(e.Times.RnaTimeout)), ("ring_time_ms", Ms(e.Times.RingTime)),
                ("time_overflow_variant", e.TimeOverflowVariant), ("night_variant", e.NightVariant),
                ("overload_action", e.Overload.Action.ToString()), ("overload_destination", Text(e.Overload.Destination)),
                ("priority", e.Priority), ("start_announcement", e.StartAnnouncement), ("music_on_hold", e.MusicOnHold),
                ("oscc_initial_hunt_group", Text(e.Oscc?.InitialHuntGroup)), ("oscc_moh_hunt_group", Text(e.Oscc?.MusicOnHoldHuntGroup)),
                ("os4000_rcg", e.Os4000Rcg));
        }
        for (var i = 0; i < config.Attendants.Count; i++)
        {
            var a = config.Attendants[i];
            Insert("attendants", ("position", i), ("device", a.Device.ToString()), ("alias", a.Alias),
                ("personal_line", a.PersonalLine.ToString()), ("greeting", a.Greeting),
                ("unify_phone_ons", Text(a.UnifyPhone?.Ons)), ("unify_phone_ond", Text(a.UnifyPhone?.Ond)), ("tenant", a.Tenant));
        }
        if (config.Standby is { } s)
        {
            Insert("standby", ("id", 1), ("primary_server", s.PrimaryServer), ("primary_host", s.PrimaryHost),
                ("standby_server", s.StandbyServer), ("standby_host", s.StandbyHost), ("loop_interval_ms", Ms(s.LoopInterval)),
                ("loop_calls_missed_before_takeover", s.LoopCallsMissedBeforeTakeover));
        }
    }

    public void Insert(string table, params (string Column, object? Value)[] values) =>
        StoreDatabase.Execute(connection, transaction,
            $"INSERT INTO {table} ({string.Join(", ", values.Select(v => v.Column))}) VALUES ({string.Join(", ", values.Select(v => "@" + v.Column))})",
            values.Select(v => ("@" + v.Column, v.Value)).ToArray());

    private static string? Text(E164Number? number) => number?.ToString();
}
