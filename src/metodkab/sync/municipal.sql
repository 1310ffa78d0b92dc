-- metodkab: the municipal office's database (sync/municipal.py explains the choices).
--
-- Schools send packets; each accepted packet is one row of ``packets`` (its UUID is the
-- primary key, so a packet can never be applied twice) and its records land in the one
-- ``records`` table, kept apart per school: the key is (school_code, table_name, id).
-- The views below the tables give the consolidated reports the school's own columns.

CREATE TABLE office (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    name         TEXT NOT NULL DEFAULT '',
    key_fp       TEXT NOT NULL,               -- fingerprint of the office's public keys
    created_at   TEXT NOT NULL
);

CREATE TABLE schools (
    code           TEXT PRIMARY KEY,
    name           TEXT NOT NULL DEFAULT '',   -- short name from the school's own record
    first_seen     TEXT NOT NULL,
    last_import_at TEXT,                       -- when its last packet was applied here
    phone          TEXT NOT NULL DEFAULT '',   -- the office's contact number (schema 2)
    settings       TEXT    -- JSON: the school's figure settings from its latest packet
                           -- (sync/records.FigureSettings); NULL: never sent (schema 4)
);

-- What the office's program remembers (the last folder of a picker …), schema 2.
CREATE TABLE office_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- The municipality's own list of its schools (loaded from a table, schema 3): a school
-- listed here that sent nothing, or nothing for more than «silent_days» days (an
-- office setting), is named in the consolidated report.
CREATE TABLE school_register (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL DEFAULT ''
);

-- The Ed25519 key each school signs with: registered on its first packet after the
-- user confirmed the fingerprint; a packet signed by another key is refused. When the
-- school moves to a new computer its key is replaced (revoked_at set, the new one added
-- after its fingerprint is confirmed): the school's packets and numbers stay.
CREATE TABLE school_keys (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    school_code    TEXT NOT NULL REFERENCES schools (code),
    verify_key     TEXT NOT NULL,              -- base64 of the 32-byte public key
    fingerprint    TEXT NOT NULL,
    registered_at  TEXT NOT NULL,
    registered_by  TEXT NOT NULL DEFAULT '',
    revoked_at     TEXT
);
CREATE UNIQUE INDEX school_keys_active ON school_keys (school_code) WHERE revoked_at IS NULL;

-- Every applied packet. Sequence numbers are the school database's, whatever key signed
-- them (a new computer keeps its numbers): the gap, "older" and "restored from an old
-- copy" checks look at (school_code, seq); key_id says which key signed it.
CREATE TABLE packets (
    uuid             TEXT PRIMARY KEY,
    school_code      TEXT NOT NULL REFERENCES schools (code),
    key_id           INTEGER NOT NULL REFERENCES school_keys (id),
    seq              INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('full', 'delta')),
    level            TEXT NOT NULL CHECK (level IN ('full', 'deidentified')),
    schema_version   INTEGER NOT NULL,
    change_seq_from  INTEGER NOT NULL,
    change_seq_to    INTEGER NOT NULL,
    prev_hash        TEXT NOT NULL,
    file_hash        TEXT NOT NULL,
    file_name        TEXT NOT NULL,
    rows             INTEGER NOT NULL,
    created_at       TEXT NOT NULL,           -- as the school's clock said (information)
    imported_at      TEXT NOT NULL,
    imported_by      TEXT NOT NULL DEFAULT '',
    summary          TEXT NOT NULL DEFAULT '{}'   -- JSON: table -> added/updated/… counts
);
CREATE UNIQUE INDEX packets_school_seq ON packets (school_code, key_id, seq);

-- The records of all schools. ``data`` is the JSON object of the row's own columns
-- exactly as it passed the strict check; ``level`` says whether it carries names.
CREATE TABLE records (
    school_code  TEXT NOT NULL,
    table_name   TEXT NOT NULL,
    id           TEXT NOT NULL,
    version      INTEGER NOT NULL,
    change_seq   INTEGER NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    level        TEXT NOT NULL CHECK (level IN ('full', 'deidentified')),
    packet_uuid  TEXT NOT NULL,
    data         TEXT NOT NULL,
    PRIMARY KEY (school_code, table_name, id)
) WITHOUT ROWID;
CREATE INDEX records_table ON records (table_name, school_code);

-- Views for consolidated reports: the active rows of the main tables with their columns.
CREATE VIEW m_school AS
SELECT school_code, id,
       json_extract(data, '$.full_name') AS full_name,
       json_extract(data, '$.short_name') AS short_name,
       json_extract(data, '$.code') AS code,
       json_extract(data, '$.municipality') AS municipality
FROM records WHERE table_name = 'school' AND deleted = 0;

CREATE VIEW m_staff AS
SELECT school_code, id, level,
       json_extract(data, '$.last_name') AS last_name,
       json_extract(data, '$.first_name') AS first_name,
       json_extract(data, '$.middle_name') AS middle_name,
       json_extract(data, '$.birth_date') AS birth_date,
       json_extract(data, '$.sex') AS sex,
       json_extract(data, '$.employment') AS employment,
       json_extract(data, '$.hire_date') AS hire_date,
       json_extract(data, '$.dismissal_date') AS dismissal_date,
       json_extract(data, '$.ped_start_date') AS ped_start_date,
       json_extract(data, '$.education_level') AS education_level,
       json_extract(data, '$.education_pedagogical') AS education_pedagogical,
       json_extract(data, '$.management_team') AS management_team,
       json_extract(data, '$.age_band') AS age_band,
       json_extract(data, '$.experience_band') AS experience_band,
       json_extract(data, '$.bands_on') AS bands_on
FROM records WHERE table_name = 'staff' AND deleted = 0;

CREATE VIEW m_staff_position AS
SELECT school_code, id,
       json_extract(data, '$.staff_id') AS staff_id,
       json_extract(data, '$.position') AS position,
       json_extract(data, '$.is_main') AS is_main
FROM records WHERE table_name = 'staff_position' AND deleted = 0;

CREATE VIEW m_training AS
SELECT school_code, id,
       json_extract(data, '$.staff_id') AS staff_id,
       json_extract(data, '$.title') AS title,
       json_extract(data, '$.kind') AS kind,
       json_extract(data, '$.hours') AS hours,
       json_extract(data, '$.start_date') AS start_date,
       json_extract(data, '$.end_date') AS end_date,
       json_extract(data, '$.federal_register') AS federal_register,
       json_extract(data, '$.by_diagnostics') AS by_diagnostics,
       json_extract(data, '$.management') AS management,
       json_extract(data, '$.topics') AS topics
FROM records WHERE table_name = 'training' AND deleted = 0;

CREATE VIEW m_qualification_category AS
SELECT school_code, id,
       json_extract(data, '$.staff_id') AS staff_id,
       json_extract(data, '$.position') AS position,
       json_extract(data, '$.category') AS category,
       json_extract(data, '$.decision_date') AS decision_date,
       json_extract(data, '$.valid_until') AS valid_until
FROM records WHERE table_name = 'qualification_category' AND deleted = 0;

CREATE VIEW m_mentorship AS
SELECT school_code, id,
       json_extract(data, '$.mentor_id') AS mentor_id,
       json_extract(data, '$.start_date') AS start_date,
       json_extract(data, '$.planned_end') AS planned_end,
       json_extract(data, '$.actual_end') AS actual_end,
       json_extract(data, '$.status') AS status
FROM records WHERE table_name = 'mentorship' AND deleted = 0;

CREATE VIEW m_mentorship_mentee AS
SELECT school_code, id,
       json_extract(data, '$.mentorship_id') AS mentorship_id,
       json_extract(data, '$.staff_id') AS staff_id
FROM records WHERE table_name = 'mentorship_mentee' AND deleted = 0;

CREATE VIEW m_programme_activity AS
SELECT school_code, id,
       json_extract(data, '$.task_id') AS task_id,
       json_extract(data, '$.title') AS title,
       json_extract(data, '$.deadline') AS deadline,
       json_extract(data, '$.status') AS status,
       json_extract(data, '$.done_date') AS done_date
FROM records WHERE table_name = 'programme_activity' AND deleted = 0;
