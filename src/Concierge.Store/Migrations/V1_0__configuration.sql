-- The CPS configuration (the topology's concierge: section): durations in milliseconds, numbers as E.164 text,
-- flags as 0/1, list order in "position". ${...} are filled per database (see StoreDialect).
CREATE TABLE system_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1), edition TEXT NOT NULL, pbx TEXT NOT NULL);
CREATE TABLE cps_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1), host TEXT NOT NULL, register_id TEXT NOT NULL,
    registrar_host TEXT NOT NULL, registrar_port INTEGER NOT NULL, register_interval_ms BIGINT NOT NULL,
    channels INTEGER NOT NULL, channel_ratio INTEGER NOT NULL, rtp_start_port INTEGER NOT NULL,
    rtp_port_count INTEGER NOT NULL);
CREATE TABLE number_ranges (
    kind TEXT PRIMARY KEY, first_number TEXT NOT NULL, last_number TEXT NOT NULL);
CREATE TABLE tenants (
    position INTEGER NOT NULL, name TEXT PRIMARY KEY, routing_type TEXT NOT NULL,
    max_transfer_time_ms BIGINT NOT NULL, max_time_in_incoming_queue_ms BIGINT NOT NULL,
    rna_timeout_ms BIGINT NOT NULL, ring_time_ms BIGINT NOT NULL,
    priority_standard INTEGER NOT NULL, priority_internal INTEGER NOT NULL, priority_intercept INTEGER NOT NULL,
    priority_personal_line INTEGER NOT NULL, priority_recall INTEGER NOT NULL,
    paging_enabled INTEGER NOT NULL, paging_announcement TEXT, paging_max_parked_calls INTEGER NOT NULL,
    music_on_hold TEXT NOT NULL, start_announcement TEXT, number_not_in_service TEXT, not_available TEXT,
    time_overflow_variant TEXT);
CREATE TABLE announcements (
    position INTEGER NOT NULL, name TEXT PRIMARY KEY, type TEXT NOT NULL, tenant TEXT NOT NULL,
    file TEXT NOT NULL, duration_ms BIGINT, loops INTEGER NOT NULL);
CREATE TABLE night_variants (
    position INTEGER NOT NULL, name TEXT PRIMARY KEY, mode TEXT NOT NULL, tenant TEXT NOT NULL,
    announcement TEXT, forwarding_destination TEXT);
CREATE TABLE ddi_entries (
    position INTEGER NOT NULL, pilot TEXT PRIMARY KEY, tenant TEXT NOT NULL, name TEXT NOT NULL,
    purpose TEXT NOT NULL, company TEXT,
    max_transfer_time_ms BIGINT, max_time_in_incoming_queue_ms BIGINT, rna_timeout_ms BIGINT, ring_time_ms BIGINT,
    time_overflow_variant TEXT, night_variant TEXT, overload_action TEXT NOT NULL, overload_destination TEXT,
    priority INTEGER, start_announcement TEXT, music_on_hold TEXT,
    oscc_initial_hunt_group TEXT, oscc_moh_hunt_group TEXT, os4000_rcg TEXT);
CREATE TABLE attendants (
    position INTEGER NOT NULL, device TEXT PRIMARY KEY, alias TEXT, personal_line TEXT NOT NULL,
    greeting TEXT, unify_phone_ons TEXT, unify_phone_ond TEXT, tenant TEXT);
CREATE TABLE standby (
    id INTEGER PRIMARY KEY CHECK (id = 1), primary_server TEXT NOT NULL, primary_host TEXT NOT NULL,
    standby_server TEXT NOT NULL, standby_host TEXT NOT NULL, loop_interval_ms BIGINT NOT NULL,
    loop_calls_missed_before_takeover INTEGER NOT NULL);
CREATE TABLE configuration_source (
    id INTEGER PRIMARY KEY CHECK (id = 1), source TEXT NOT NULL, imported_at_ms BIGINT NOT NULL);
