-- Accounts: <tenant>\<name> with a role (user, manager, administrator); PBKDF2-SHA256 hash, salt and iteration
-- count per account. Tokens are kept as SHA-256 of the bearer token, never the token itself.
CREATE TABLE accounts (
    id ${identity_key},
    tenant TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
    password_hash TEXT NOT NULL, salt TEXT NOT NULL, iterations INTEGER NOT NULL,
    created_at_ms BIGINT NOT NULL, password_changed_at_ms BIGINT NOT NULL,
    UNIQUE (tenant, name));
CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    issued_at_ms BIGINT NOT NULL, expires_at_ms BIGINT NOT NULL);
CREATE INDEX tokens_by_account ON tokens (account_id);
