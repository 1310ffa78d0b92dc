"""Opening older, newer and foreign files: backup first, migrate, or refuse in Russian."""

import sqlite3
from pathlib import Path

import pytest

from metodkab.domain.models import ActivityPostponement, Training
from metodkab.storage import migrations, repo
from metodkab.storage.backup import list_backups
from metodkab.storage.db import SCHEMA_VERSION, connect, open_memory, open_store, user_version
from metodkab.storage.errors import DatabaseDamaged, DatabaseTooNew, StorageError

SCHEMA_V1 = Path(__file__).parents[1] / "data" / "schema_v1.sql"
STAMP = "2026-01-10T09:00:00"


def build_v1(path: Path) -> None:
    """A database file of schema version 1 with a school, a person and a few records."""
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1.read_text(encoding="utf-8"))
    rows = [
        ("school", {"id": "school-1", "full_name": "МБОУ «СОШ № 1»", "short_name": "СОШ № 1"}),
        ("staff", {"id": "staff-1", "last_name": "Ёлкина", "first_name": "Алёна",
                   "middle_name": "Сергеевна", "name_norm": "елкина алена сергеевна",
                   "birth_date": "1990-04-12", "ped_start_date": "2015-09-01"}),
        ("staff_position", {"id": "pos-1", "staff_id": "staff-1", "position": "учитель",
                            "is_main": 1}),
        ("training", {"id": "training-1", "staff_id": "staff-1", "title": "ФООП",
                      "kind": "повышение квалификации", "hours": 36, "end_date": "2025-03-20",
                      "topics": '["ФГОС/ФООП"]'}),
        ("programme", {"id": "prog-1", "title": "Программа развития", "year_from": 2025,
                       "year_to": 2028}),
        ("programme_task", {"id": "task-1", "programme_id": "prog-1", "title": "Задача"}),
        ("programme_activity", {"id": "act-1", "task_id": "task-1", "title": "Семинар",
                                "deadline": "2026-03-01"}),
    ]
    for seq, (table, values) in enumerate(rows, start=1):
        values = {**values, "change_seq": seq, "updated_at": STAMP}
        conn.execute(f"INSERT INTO {table} ({', '.join(values)}) VALUES "
                     f"({', '.join('?' for _ in values)})", tuple(values.values()))
    conn.execute("UPDATE change_counter SET value = ?", (len(rows),))
    conn.commit()
    conn.close()


def schema_shape(conn: sqlite3.Connection) -> dict[str, object]:
    """Tables with their column sets, and index names (column order may differ after ALTER)."""
    shape: dict[str, object] = {}
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        shape[name] = {r[1]: (r[2], r[3], r[5]) for r in conn.execute(f"PRAGMA table_info({name})")}
    shape["indexes"] = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")}
    return shape


@pytest.fixture
def v1_file(tmp_path) -> Path:
    path = tmp_path / "school.sqlite"
    build_v1(path)
    return path


def test_schema_v1_fixture_is_version_1(v1_file):
    conn = sqlite3.connect(v1_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = {r[1] for r in conn.execute("PRAGMA table_info(training)")}
    assert "group_id" not in columns
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "activity_postponement" not in tables and "sync_state" not in tables
    conn.close()


def test_open_migrates_v1_after_a_backup(v1_file, clock):
    store = open_store(v1_file, clock=clock)
    try:
        assert store.migrated_from == 1
        assert user_version(store.db) == SCHEMA_VERSION
        # The data survived.
        training = repo.get(store, Training, "training-1")
        assert (training.title, training.hours, training.topics, training.group_id) == (
            "ФООП", 36, ["ФГОС/ФООП"], None)
        assert repo.count(store, "staff") == 1
        assert store.db.conn.execute(
            "SELECT name_norm FROM staff WHERE id = 'staff-1'").fetchone() == (
            "елкина алена сергеевна",)
        # The new column and table work, and change_seq continues where it was.
        new_id = repo.create(store, ActivityPostponement(
            activity_id="act-1", old_deadline="01.03.2026", new_deadline="01.04.2026",
            reason="карантин", changed_on="20.02.2026"))
        assert repo.get(store, ActivityPostponement, new_id).reason == "карантин"
        repo.update(store, Training.model_validate({**training.model_dump(), "group_id": "g1"}))
        assert repo.get(store, Training, "training-1").group_id == "g1"
        assert repo.current_seq(store.db) == 9
        assert store.db.conn.execute("SELECT count(*) FROM sync_state").fetchone()[0] == 1
    finally:
        store.close()
    # The backup was taken before migrating: version 1, same data.
    [backup] = list_backups(v1_file)
    assert backup.parent == v1_file.parent / "backups"
    assert backup.name == "school-20261123-120000-before-migration-v1.sqlite"
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT title FROM training").fetchall() == [("ФООП",)]
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_migrated_schema_equals_a_fresh_schema(v1_file, clock):
    store = open_store(v1_file, clock=clock)
    migrated = schema_shape(store.db.conn)
    store.close()
    fresh = open_memory()
    assert migrated == schema_shape(fresh.db.conn)
    fresh.db.close()


def test_second_open_after_migration_does_nothing(v1_file, clock):
    open_store(v1_file, clock=clock).close()
    store = open_store(v1_file, clock=clock)
    assert store.migrated_from is None
    store.close()
    assert len(list_backups(v1_file)) == 1


def test_migration_from_version_2(v1_file, clock):
    db = connect(v1_file)
    with db.atomic():
        migrations.STEPS[1](db)
        db.conn.execute("PRAGMA user_version = 2")
    db.close()
    store = open_store(v1_file, clock=clock)
    assert store.migrated_from == 2
    assert user_version(store.db) == SCHEMA_VERSION
    store.close()
    assert list_backups(v1_file)[0].name.endswith("-before-migration-v2.sqlite")


def test_backup_dir_for_the_migration_backup(v1_file, clock, tmp_path):
    elsewhere = tmp_path / "copies"
    open_store(v1_file, clock=clock, backup_dir=elsewhere).close()
    assert len(list(elsewhere.glob("school-*.sqlite"))) == 1
    assert not (v1_file.parent / "backups").exists()


def test_every_version_has_a_step():
    assert sorted(migrations.STEPS) == list(range(1, SCHEMA_VERSION))


# --- refusals -----------------------------------------------------------------------------


def test_too_new_database_is_refused(tmp_path, clock):
    path = tmp_path / "school.sqlite"
    open_store(path, clock=clock).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(DatabaseTooNew) as info:
        open_store(path, clock=clock)
    message = str(info.value)
    assert "более новой версией программы" in message and "Обновите программу" in message
    assert "99" in message
    # Nothing was migrated or backed up, and the lock was released.
    assert not (tmp_path / "backups").exists()
    with pytest.raises(DatabaseTooNew):
        open_store(path, clock=clock)


def test_foreign_sqlite_file_is_refused_and_left_alone(tmp_path, clock):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('не наша база')")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseDamaged) as info:
        open_store(path, clock=clock)
    assert "не похож на базу данных «Методического кабинета»" in str(info.value)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 1
    conn.close()


def test_foreign_file_with_a_current_version_number_is_refused(tmp_path, clock):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseDamaged, match="Методического кабинета"):
        open_store(path, clock=clock)


def test_garbage_file_is_refused_in_russian(tmp_path, clock):
    path = tmp_path / "school.sqlite"
    path.write_bytes(b"This is not a database at all. " * 200)
    with pytest.raises(StorageError) as info:
        open_store(path, clock=clock)
    assert "не является базой данных «Методического кабинета» или повреждён" in str(info.value)
    assert path.read_bytes() == b"This is not a database at all. " * 200
    # The lock is released: the same error again, not "busy".
    with pytest.raises(DatabaseDamaged):
        open_store(path, clock=clock)


def test_missing_file_without_create(tmp_path, clock):
    with pytest.raises(StorageError, match="Файл базы данных не найден"):
        open_store(tmp_path / "none.sqlite", clock=clock, create=False)
    assert not (tmp_path / "none.sqlite").exists()


def test_empty_file_becomes_a_fresh_database(tmp_path, clock):
    path = tmp_path / "school.sqlite"
    path.write_bytes(b"")
    store = open_store(path, clock=clock)
    assert user_version(store.db) == SCHEMA_VERSION
    store.close()


def test_conformity_without_a_date_after_migration(v1_file, clock):
    import datetime as dt

    from metodkab.domain.models import ConformityAttestation

    conn = sqlite3.connect(v1_file)
    conn.execute("INSERT INTO conformity_attestation (id, change_seq, updated_at, staff_id, date, "
                 "result) VALUES ('conf-1', 99, '2026-01-01', 'staff-1', '2021-05-20', "
                 "'соответствует')")
    conn.commit()
    conn.close()
    store = open_store(v1_file, clock=clock)
    try:
        kept = repo.get(store, ConformityAttestation, "conf-1")     # rebuilt table, row kept
        assert (kept.date, kept.result) == (dt.date(2021, 5, 20), "соответствует")
        undated = repo.create(store, ConformityAttestation(staff_id="staff-1",
                                                           result="соответствует"))
        assert repo.get(store, ConformityAttestation, undated).date is None
        with pytest.raises(sqlite3.IntegrityError):     # an exemption still needs its date
            store.db.conn.execute(
                "INSERT INTO conformity_attestation (id, change_seq, updated_at, staff_id, "
                "exemption_reason) VALUES ('x', 1, '2026-01-01', 'staff-1', 'декрет')")
    finally:
        store.close()


def test_young_teachers_school_is_a_kind_after_migration(v1_file, clock):
    """Version 6: «школа молодого педагога» is an association kind (domain.md §6); the
    members of an old database's associations stay, and other kinds are still refused."""
    from metodkab.domain.models import Association

    store = open_store(v1_file, clock=clock)
    try:
        school = repo.create(store, Association(name="Школа молодого педагога",
                                                kind="школа молодого педагога"))
        assert repo.get(store, Association, school).kind == "школа молодого педагога"
        with pytest.raises(sqlite3.IntegrityError):
            store.db.conn.execute(
                "INSERT INTO association (id, change_seq, updated_at, name, kind) "
                "VALUES ('x', 1, '2026-01-01', 'X', 'клуб')")
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


def test_version_8_keeps_categories_and_courses_and_takes_unknown_dates(v1_file, clock):
    """Version 8: a category may have no decision date, a course may be known only by its
    year; the rows of an older database are kept as they were (courses «day»)."""
    import datetime as dt

    from metodkab.domain.models import QualificationCategory

    conn = sqlite3.connect(v1_file)
    conn.execute("INSERT INTO qualification_category (id, change_seq, updated_at, staff_id, "
                 "position, category, decision_date, valid_until) VALUES ('cat-1', 98, "
                 "'2026-01-01', 'staff-1', 'учитель', 'первая', '2021-12-20', '2026-12-20')")
    conn.commit()
    conn.close()
    store = open_store(v1_file, clock=clock)
    try:
        kept = repo.get(store, QualificationCategory, "cat-1")
        assert (kept.decision_date, kept.valid_until) == (dt.date(2021, 12, 20),
                                                          dt.date(2026, 12, 20))
        assert repo.get(store, Training, "training-1").end_precision == "day"
        undated = repo.create(store, QualificationCategory(
            staff_id="staff-1", position="учитель", category="высшая"))
        assert repo.get(store, QualificationCategory, undated).decision_date is None
        year = repo.create(store, Training(staff_id="staff-1", title="Курс", hours=36,
                                           end_date=dt.date(2023, 1, 1), end_precision="year"))
        assert repo.get(store, Training, year).end_precision == "year"
        with pytest.raises(sqlite3.IntegrityError):
            store.db.conn.execute("UPDATE training SET end_precision = 'month'")
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()
