namespace Concierge.Config.Storage;

/// <summary>The SQLite tables the configuration is stored in; durations in milliseconds, numbers as E.164 text.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS system (
            id INTEGER PRIMARY KEY CHECK (id = 1), edition TEXT NOT NULL, pbx TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cps_settings (
            id INTEGER PRIMARY KEY CHECK (id = 1), host TEXT NOT NULL, register_id TEXT NOT NULL,
            registrar_host TEXT NOT NULL, registrar_port INTEGER NOT NULL, register_interval_ms INTEGER NOT NULL,
            channels INTEGER NOT NULL, channel_ratio INTEGER NOT NULL, rtp_start_port INTEGER NOT NULL,
            rtp_port_count INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS number_ranges (
            kind TEXT PRIMARY KEY, first_number TEXT NOT NULL, last_number TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS tenants (
            position INTEGER NOT NULL, name TEXT PRIMARY KEY, routing_type TEXT NOT NULL,
            max_transfer_time_ms INTEGER NOT NULL, max_time_in_incoming_queue_ms INTEGER NOT NULL,
            rna_timeout_ms INTEGER NOT NULL, ring_time_ms INTEGER NOT NULL,
            priority_standard INTEGER NOT NULL, priority_internal INTEGER NOT NULL, priority_intercept INTEGER NOT NULL,
            priority_personal_line INTEGER NOT NULL, priority_recall INTEGER NOT NULL,
            paging_enabled INTEGER NOT NULL, paging_announcement TEXT, paging_max_parked_calls INTEGER NOT NULL,
            music_on_hold TEXT NOT NULL, start_announcement TEXT, number_not_in_service TEXT, not_available TEXT,
            time_overflow_variant TEXT);
        CREATE TABLE IF NOT EXISTS announcements (
            position INTEGER NOT NULL, name TEXT PRIMARY KEY, type TEXT NOT NULL, tenant TEXT NOT NULL,
            file TEXT NOT NULL, duration_ms INTEGER, loops INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS night_variants (
            position INTEGER NOT NULL, name TEXT PRIMARY KEY, mode TEXT NOT NULL, tenant TEXT NOT NULL,
            announcement TEXT, forwarding_destination TEXT);
        CREATE TABLE IF NOT EXISTS ddi_entries (
            position INTEGER NOT NULL, pilot TEXT PRIMARY KEY, tenant TEXT NOT NULL, name TEXT NOT NULL,
            purpose TEXT NOT NULL, company TEXT,
            max_transfer_time_ms INTEGER, max_time_in_incoming_queue_ms INTEGER, rna_timeout_ms INTEGER, ring_time_ms INTEGER,
            time_overflow_variant TEXT, night_variant TEXT, overload_action TEXT NOT NULL, overload_destination TEXT,
            priority INTEGER, start_announcement TEXT, music_on_hold TEXT,
            oscc_initial_hunt_group TEXT, oscc_moh_hunt_group TEXT, os4000_rcg TEXT);
        CREATE TABLE IF NOT EXISTS attendants (
            position INTEGER NOT NULL, device TEXT PRIMARY KEY, alias TEXT, personal_line TEXT NOT NULL,
            greeting TEXT, unify_phone_ons TEXT, unify_phone_ond TEXT, tenant TEXT NOT NULL DEFAULT 'DEFAULT');
        CREATE TABLE IF NOT EXISTS standby (
            id INTEGER PRIMARY KEY CHECK (id = 1), primary_server TEXT NOT NULL, primary_host TEXT NOT NULL,
            standby_server TEXT NOT NULL, standby_host TEXT NOT NULL, loop_interval_ms INTEGER NOT NULL,
            loop_calls_missed_before_takeover INTEGER NOT NULL);
        """;

    public static readonly string[] Tables =
        ["system", "cps_settings", "number_ranges", "tenants", "announcements", "night_variants", "ddi_entries", "attendants", "standby"];
}
