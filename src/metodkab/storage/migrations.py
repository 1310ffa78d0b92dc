"""Schema versions (``PRAGMA user_version``) and the steps between them.

A fresh database is created from ``schema.sql`` at ``SCHEMA_VERSION``. Each step below
brings a database of version N to N+1; ``migrate`` runs all steps due in one
transaction, together with the new ``user_version``.

History:
  1 — the first released schema.
  2 — group entry of trainings (``training.group_id``) and the log of postponed
      programme activities (``activity_postponement``).
  3 — local sync state for packets to the municipal office (``sync_state``,
      ``sync_packet``); these tables never travel.
  4 — the teacher's growth: an achievement's organiser, evidence and group entry, short
      learning (``short_learning``) and an ИОМ step's link to it (``route_step.learning_id``).
  5 — a conformity attestation (СЗД) may have no date: a staff list says «СЗД» without
      one, and the result is kept as stated, «дата не указана», never given a made-up day.
  6 — «школа молодого педагога» joins the kinds of association (a support form of young
      teachers, domain.md §6).
  7 — an ИОМ's topic of self-education (``individual_route.self_education_topic``), part
      of the route's personal block.
  8 — nothing made up by an import: a category stated without a date keeps no decision
      date (``qualification_category.decision_date`` may be NULL, «дата не указана»), and
      a course given only by its year says so (``training.end_precision`` 'year').
  9 — a category or СЗД known only by its year says so too
      (``qualification_category.decision_precision``, ``conformity_attestation.date_precision``
      'year'); the rules read it in reports/attestation.py.
  10 — a course known only by its year may have started within that year: training's
      CHECK compares the years then (its end is stored as 1 January).
  11 — a category's «действует до» a list gives only by its year says so
      (``qualification_category.until_precision`` 'year': valid_until is its 1 January,
      not the 31 December stored before); the rules read it in reports/attestation.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from metodkab import strings as S

if TYPE_CHECKING:   # only annotations: opening a database of the current version needs
    from sqlite_utils import Database   # neither sqlite-utils nor the steps below

SCHEMA_VERSION = 11
# The municipal office's database (sync/municipal.py makes and migrates it): told apart
# from a school's by its application id; backups and restore check both kinds.
OFFICE_APPLICATION_ID = 0x4D4B4D4F          # "MKMO"
OFFICE_SCHEMA_VERSION = 4       # 2: schools.phone, office_settings; 3: school_register;
# 4: schools.settings (the settings a school's figures are computed with, from its packets)


def _v1_to_v2(db: Database) -> None:
    db.conn.execute("ALTER TABLE training ADD COLUMN group_id TEXT")
    db.conn.execute("CREATE INDEX training_group ON training (group_id)")
    db.conn.execute(
        """
        CREATE TABLE activity_postponement (
            id            TEXT PRIMARY KEY,
            version       INTEGER NOT NULL DEFAULT 1,
            change_seq    INTEGER NOT NULL,
            updated_at    TEXT NOT NULL,
            deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
            activity_id   TEXT NOT NULL REFERENCES programme_activity (id),
            old_deadline  TEXT NOT NULL,
            new_deadline  TEXT NOT NULL,
            reason        TEXT NOT NULL DEFAULT '',
            changed_on    TEXT NOT NULL
        )
        """
    )
    db.conn.execute(
        "CREATE INDEX activity_postponement_activity ON activity_postponement (activity_id, deleted)"
    )
    db.conn.execute("CREATE INDEX activity_postponement_seq ON activity_postponement (change_seq)")


SYNC_TABLES_SQL = (
    """
    CREATE TABLE sync_state (
        id                INTEGER PRIMARY KEY CHECK (id = 1),
        municipality_key  TEXT NOT NULL DEFAULT '',
        municipality_fp   TEXT NOT NULL DEFAULT '',
        signing_key_fp    TEXT NOT NULL DEFAULT '',
        last_seq          INTEGER NOT NULL DEFAULT 0,
        last_hash         TEXT NOT NULL DEFAULT '',
        acked_seq         INTEGER NOT NULL DEFAULT 0,
        acked_change_seq  INTEGER NOT NULL DEFAULT 0
    )
    """,
    "INSERT INTO sync_state (id) VALUES (1)",
    """
    CREATE TABLE sync_packet (
        seq              INTEGER PRIMARY KEY,
        uuid             TEXT NOT NULL UNIQUE,
        kind             TEXT NOT NULL CHECK (kind IN ('full', 'delta')),
        level            TEXT NOT NULL CHECK (level IN ('full', 'deidentified')),
        change_seq_from  INTEGER NOT NULL,
        change_seq_to    INTEGER NOT NULL,
        rows             INTEGER NOT NULL,
        file_name        TEXT NOT NULL,
        file_hash        TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        acknowledged_at  TEXT
    )
    """,
)


def _v2_to_v3(db: Database) -> None:
    for statement in SYNC_TABLES_SQL:
        db.conn.execute(statement)


SHORT_LEARNING_SQL = (
    """
    CREATE TABLE short_learning (
        id          TEXT PRIMARY KEY,
        version     INTEGER NOT NULL DEFAULT 1,
        change_seq  INTEGER NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        staff_id    TEXT NOT NULL REFERENCES staff (id),
        kind        TEXT NOT NULL CHECK (kind IN ('лекция', 'вебинар', 'семинар', 'онлайн-курс',
                    'иное')),
        title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
        platform    TEXT NOT NULL DEFAULT '',
        hours       REAL NOT NULL CHECK (hours > 0 AND hours < 16),
        start_date  TEXT,
        date        TEXT NOT NULL,
        evidence    TEXT NOT NULL DEFAULT '',
        group_id    TEXT,
        CHECK (start_date IS NULL OR date >= start_date)
    )
    """,
    "CREATE INDEX short_learning_staff ON short_learning (staff_id, deleted, date)",
    "CREATE INDEX short_learning_group ON short_learning (group_id)",
    "CREATE INDEX short_learning_seq ON short_learning (change_seq)",
    "ALTER TABLE achievement ADD COLUMN organiser TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE achievement ADD COLUMN evidence TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE achievement ADD COLUMN group_id TEXT",
    "CREATE INDEX achievement_group ON achievement (group_id)",
    "ALTER TABLE route_step ADD COLUMN learning_id TEXT REFERENCES short_learning (id)",
)


def _v3_to_v4(db: Database) -> None:
    for statement in SHORT_LEARNING_SQL:
        db.conn.execute(statement)
    # A result used to be free text («сертификат», «статья в сборнике»): what is not one of
    # the results now offered is moved to the evidence, as a change that travels again.
    from metodkab.domain.values import ACHIEVEMENT_RESULTS

    marks = ", ".join("?" for _ in ACHIEVEMENT_RESULTS)
    moved = db.conn.execute(
        f"SELECT id FROM achievement WHERE result <> '' AND result NOT IN ({marks})",
        ACHIEVEMENT_RESULTS).fetchall()
    for (row_id,) in moved:
        seq = db.conn.execute("UPDATE change_counter SET value = value + 1 WHERE id = 1 "
                              "RETURNING value").fetchone()[0]
        db.conn.execute("UPDATE achievement SET evidence = result, result = '', "
                        "version = version + 1, change_seq = ? WHERE id = ?", (seq, row_id))


CONFORMITY_V5_SQL = (
    """
    CREATE TABLE conformity_attestation_v5 (
        id                TEXT PRIMARY KEY,
        version           INTEGER NOT NULL DEFAULT 1,
        change_seq        INTEGER NOT NULL,
        updated_at        TEXT NOT NULL,
        deleted           INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        staff_id          TEXT NOT NULL REFERENCES staff (id),
        position          TEXT NOT NULL DEFAULT '',
        date              TEXT,
        result            TEXT CHECK (result IN ('соответствует', 'не соответствует')),
        order_number      TEXT NOT NULL DEFAULT '',
        order_date        TEXT,
        exemption_reason  TEXT NOT NULL DEFAULT '',
        CHECK (result IS NOT NULL OR length(exemption_reason) > 0),
        CHECK (date IS NOT NULL OR result IS NOT NULL)
    )
    """,
    "INSERT INTO conformity_attestation_v5 SELECT id, version, change_seq, updated_at, deleted, "
    "staff_id, position, date, result, order_number, order_date, exemption_reason "
    "FROM conformity_attestation",
    "DROP TABLE conformity_attestation",
    "ALTER TABLE conformity_attestation_v5 RENAME TO conformity_attestation",
    "CREATE INDEX conformity_attestation_staff ON conformity_attestation (staff_id, deleted)",
    "CREATE INDEX conformity_attestation_seq ON conformity_attestation (change_seq)",
)


def _v4_to_v5(db: Database) -> None:
    # SQLite cannot drop a NOT NULL: the table is rebuilt (nothing references it).
    for statement in CONFORMITY_V5_SQL:
        db.conn.execute(statement)


OLD_KINDS = "'творческая группа', 'иное'"
NEW_KINDS = "'творческая группа', 'школа молодого педагога', 'иное'"


def _v5_to_v6(db: Database) -> None:
    """Widen the CHECK of ``association.kind`` in place. Rebuilding the table would mean
    dropping a table that members point at; a looser CHECK is the case SQLite documents
    for editing the stored schema (writable_schema, then a new schema_version), and every
    stored row already passes it."""
    conn = db.conn
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' "
                       "AND name = 'association'").fetchone()[0]
    if NEW_KINDS in sql:
        return
    if OLD_KINDS not in sql:
        from metodkab.storage.errors import DatabaseDamaged

        raise DatabaseDamaged(S.MIGRATION_FK_BROKEN.format(table="association"))
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' "
                     "AND name = 'association'", (sql.replace(OLD_KINDS, NEW_KINDS),))
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


def _v6_to_v7(db: Database) -> None:
    db.conn.execute("ALTER TABLE individual_route "
                    "ADD COLUMN self_education_topic TEXT NOT NULL DEFAULT ''")


CATEGORY_V8_SQL = (
    """
    CREATE TABLE qualification_category_v8 (
        id             TEXT PRIMARY KEY,
        version        INTEGER NOT NULL DEFAULT 1,
        change_seq     INTEGER NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        staff_id       TEXT NOT NULL REFERENCES staff (id),
        position       TEXT NOT NULL,
        category       TEXT NOT NULL CHECK (category IN
                       ('первая', 'высшая', 'педагог-методист', 'педагог-наставник')),
        decision_date  TEXT,
        order_number   TEXT NOT NULL DEFAULT '',
        order_date     TEXT,
        issuing_body   TEXT NOT NULL DEFAULT '',
        valid_until    TEXT,
        CHECK (valid_until IS NULL OR valid_until >= decision_date)
    )
    """,
    "INSERT INTO qualification_category_v8 SELECT id, version, change_seq, updated_at, deleted, "
    "staff_id, position, category, decision_date, order_number, order_date, issuing_body, "
    "valid_until FROM qualification_category",
    "DROP TABLE qualification_category",
    "ALTER TABLE qualification_category_v8 RENAME TO qualification_category",
    "CREATE INDEX qualification_category_staff ON qualification_category (staff_id, deleted)",
    "CREATE INDEX qualification_category_valid ON qualification_category (valid_until)",
    "CREATE INDEX qualification_category_seq ON qualification_category (change_seq)",
    "ALTER TABLE training ADD COLUMN end_precision TEXT NOT NULL DEFAULT 'day' "
    "CHECK (end_precision IN ('day', 'year'))",
)


def _v7_to_v8(db: Database) -> None:
    # SQLite cannot drop a NOT NULL: the category table is rebuilt (nothing references it).
    for statement in CATEGORY_V8_SQL:
        db.conn.execute(statement)


def _v8_to_v9(db: Database) -> None:
    # Existing rows keep 'day': what was stored before cannot tell a year-only source apart.
    db.conn.execute("ALTER TABLE qualification_category ADD COLUMN decision_precision TEXT "
                    "NOT NULL DEFAULT 'day' CHECK (decision_precision IN ('day', 'year'))")
    db.conn.execute("ALTER TABLE conformity_attestation ADD COLUMN date_precision TEXT "
                    "NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'year'))")


TRAINING_CHECK_V9 = "CHECK (start_date IS NULL OR end_date >= start_date)"
TRAINING_CHECK_V10 = ("CHECK (start_date IS NULL OR end_date >= start_date OR "
                      "(end_precision = 'year' AND substr(end_date, 1, 4) >= "
                      "substr(start_date, 1, 4)))")


def _v9_to_v10(db: Database) -> None:
    # Only a CHECK is loosened (every stored row meets the new one): SQLite's documented
    # way for that is to edit the table's text in the schema and bump schema_version,
    # not to rebuild «training», which other tables reference.
    conn = db.conn
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        changed = conn.execute(
            "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' "
            "AND name = 'training' AND instr(sql, ?) > 0",
            (TRAINING_CHECK_V9, TRAINING_CHECK_V10, TRAINING_CHECK_V9)).rowcount
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    if changed != 1:        # rolls the migration back: the database stays as it was
        from metodkab.storage.errors import DatabaseDamaged

        raise DatabaseDamaged(S.MIGRATION_UNEXPECTED_TABLE.format(table="training"))


def _v10_to_v11(db: Database) -> None:
    # Existing rows keep 'day': a 31 December stored before may have been stated as such.
    db.conn.execute("ALTER TABLE qualification_category ADD COLUMN until_precision TEXT "
                    "NOT NULL DEFAULT 'day' CHECK (until_precision IN ('day', 'year'))")


STEPS: dict[int, Callable[[Database], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4,
                                                4: _v4_to_v5, 5: _v5_to_v6, 6: _v6_to_v7,
                                                7: _v7_to_v8, 8: _v8_to_v9, 9: _v9_to_v10,
                                                10: _v10_to_v11}


def migrate(db: Database, from_version: int) -> None:
    """Bring the database from ``from_version`` to ``SCHEMA_VERSION`` in one transaction."""
    with db.atomic():
        for version in range(from_version, SCHEMA_VERSION):
            STEPS[version](db)
        db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        problems = db.conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:   # rolls the whole migration back: the database stays as it was
            from metodkab.storage.errors import DatabaseDamaged

            raise DatabaseDamaged(S.MIGRATION_FK_BROKEN.format(table=problems[0][0]))
