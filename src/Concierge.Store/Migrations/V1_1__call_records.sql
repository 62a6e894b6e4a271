-- One row per ended call, written in its own transaction when the call ends. Times in Unix milliseconds (UTC).
CREATE TABLE call_records (
    id ${identity_key},
    server TEXT NOT NULL, call_id BIGINT NOT NULL, tenant TEXT NOT NULL,
    caller TEXT NOT NULL, called TEXT NOT NULL,
    entered_at_ms BIGINT NOT NULL, answered_at_ms BIGINT, answered_by TEXT, ended_at_ms BIGINT NOT NULL,
    disposition TEXT NOT NULL, history TEXT NOT NULL);
CREATE INDEX call_records_by_end ON call_records (ended_at_ms);
CREATE INDEX call_records_by_tenant ON call_records (tenant, ended_at_ms);
