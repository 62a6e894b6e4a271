-- The PABX routing data of the connection (C 6.2.3.2), at most one row; none when the configuration has none.
CREATE TABLE pabx_routing (
    id INTEGER PRIMARY KEY CHECK (id = 1), country_code TEXT NOT NULL, area_code TEXT NOT NULL,
    trunk_code TEXT NOT NULL, max_extension_length INTEGER NOT NULL, public_access_code TEXT NOT NULL,
    national_access_code TEXT NOT NULL, international_access_code TEXT NOT NULL, local_access_code TEXT NOT NULL,
    use_vnr INTEGER NOT NULL);
