"""Backups with the SQLite backup API: copy, rotation, the daily backup, restore."""

import datetime as dt
import sqlite3

import pytest

from metodkab.clock import Clock
from metodkab.domain.models import Staff
from metodkab.storage import repo
from metodkab.storage.backup import (
    KEEP,
    backup_if_due,
    check_backup,
    list_backups,
    make_backup,
    restore,
    rotate,
)
from metodkab.storage.db import open_store
from metodkab.storage.errors import StorageError


class StepClock(Clock):
    """A clock whose "now" moves one minute on every call (backup names differ by time)."""

    def __init__(self, start: dt.datetime):
        super().__init__(start.date())
        object.__setattr__(self, "_times", iter(start + dt.timedelta(minutes=i)
                                                for i in range(10_000)))

    def now(self) -> dt.datetime:
        return next(self._times)


def person(last: str) -> Staff:
    return Staff(last_name=last, first_name="Мария", positions=["учитель"])


def dump(path) -> dict[str, list]:
    """Every row of every table of a database file, for comparing contents."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    finally:
        conn.close()


def test_make_backup_writes_a_consistent_database(file_db, clock):
    repo.create(file_db, person("Иванова"))
    # An uncommitted-to-file state: the data sits in the WAL, not yet in the main file.
    target = make_backup(file_db.db, file_db.path, clock=clock, reason="manual")
    assert target == file_db.path.parent / "backups" / "school-20261123-120000-manual.sqlite"
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert conn.execute("SELECT last_name FROM staff").fetchall() == [("Иванова",)]
    conn.close()
    assert not list(target.parent.glob("*.tmp"))
    assert not target.with_name(target.name + "-wal").exists()
    check_backup(target)


def test_backup_names_do_not_collide(file_db, clock):
    first = make_backup(file_db.db, file_db.path, clock=clock)
    second = make_backup(file_db.db, file_db.path, clock=clock)
    third = make_backup(file_db.db, file_db.path, clock=clock, reason="manual")
    assert first.name == "school-20261123-120000.sqlite"
    assert second.name == "school-20261123-120000-2.sqlite"
    assert third.name == "school-20261123-120000-manual.sqlite"


def test_rotation_keeps_the_newest_ten(file_db):
    clock = StepClock(dt.datetime(2026, 11, 1, 8, 0))
    made = [make_backup(file_db.db, file_db.path, clock=clock) for _ in range(13)]
    kept = list_backups(file_db.path)
    assert KEEP == 10
    assert kept == made[3:]
    assert all(not p.exists() for p in made[:3])


def test_rotate_and_no_rotation(file_db):
    clock = StepClock(dt.datetime(2026, 11, 1, 8, 0))
    made = [make_backup(file_db.db, file_db.path, clock=clock, keep=None) for _ in range(12)]
    assert list_backups(file_db.path) == made
    assert rotate(file_db.path, keep=5) == made[:7]
    assert list_backups(file_db.path) == made[7:]


def test_backups_of_other_databases_are_left_alone(file_db, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir(exist_ok=True)
    foreign = folder / "other-20200101-000000.sqlite"
    foreign.write_bytes(b"x")
    clock = StepClock(dt.datetime(2026, 11, 1, 8, 0))
    for _ in range(12):
        make_backup(file_db.db, file_db.path, clock=clock)
    assert foreign.exists()


def test_backup_folder_can_be_elsewhere(file_db, clock, tmp_path):
    folder = tmp_path / "usb"
    target = make_backup(file_db.db, file_db.path, clock=clock, folder=folder)
    assert target.parent == folder
    assert list_backups(file_db.path, folder) == [target]
    assert list_backups(file_db.path) == []


def test_backup_if_due_at_most_once_a_day(file_db):
    day1 = StepClock(dt.datetime(2026, 11, 23, 8, 0))
    first = backup_if_due(file_db.db, file_db.path, clock=day1)
    assert first is not None and first.name == "school-20261123-080000-auto.sqlite"
    assert backup_if_due(file_db.db, file_db.path, clock=day1) is None
    # A manual backup that day also counts.
    day2 = StepClock(dt.datetime(2026, 11, 24, 8, 0))
    make_backup(file_db.db, file_db.path, clock=day2, reason="manual")
    assert backup_if_due(file_db.db, file_db.path, clock=day2) is None
    day3 = StepClock(dt.datetime(2026, 11, 25, 8, 0))
    assert backup_if_due(file_db.db, file_db.path, clock=day3) is not None
    assert len(list_backups(file_db.path)) == 3


# --- check and restore ----------------------------------------------------------------------


def test_check_backup_refuses_bad_files(tmp_path, file_db, clock):
    with pytest.raises(StorageError, match="Файл резервной копии не найден"):
        check_backup(tmp_path / "none.sqlite")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database " * 100)
    with pytest.raises(StorageError, match="не является базой данных SQLite"):
        check_backup(garbage)
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    with pytest.raises(StorageError, match="не является базой «Методического кабинета»"):
        check_backup(foreign)
    newer = make_backup(file_db.db, file_db.path, clock=clock, reason="newer")
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StorageError, match="более новой версией программы"):
        check_backup(newer)


def _closed_db_with_backup(tmp_path, clock):
    """A database file with one person, its backup, then a second person added."""
    path = tmp_path / "school.sqlite"
    store = open_store(path, clock=clock)
    repo.create(store, person("Иванова"))
    backup = make_backup(store.db, path, clock=clock, reason="manual")
    repo.create(store, person("Петрова"))
    store.close()
    return path, backup


def test_restore_puts_the_backup_in_place(tmp_path, clock):
    path, backup = _closed_db_with_backup(tmp_path, clock)
    expected = dump(backup)
    before = dump(path)
    later = Clock(dt.date(2026, 11, 24))
    kept = restore(backup, path, clock=later)
    # The current database was kept first, as it was.
    assert kept is not None and kept.name == "school-20261124-120000-before-restore.sqlite"
    assert dump(kept) == before
    # The restored content equals the backup's.
    assert dump(path) == expected
    store = open_store(path, clock=clock)
    assert [s.last_name for s in repo.find(store, Staff)] == ["Иванова"]
    assert store.db.conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    store.close()


def test_restore_over_a_missing_database(tmp_path, clock):
    path, backup = _closed_db_with_backup(tmp_path, clock)
    path.unlink()
    assert restore(backup, path, clock=clock) is None
    assert dump(path) == dump(backup)


@pytest.mark.parametrize("kind", ["garbage", "newer", "missing"])
def test_restore_of_a_bad_backup_changes_nothing(tmp_path, clock, kind):
    path, backup = _closed_db_with_backup(tmp_path, clock)
    if kind == "garbage":
        backup.write_bytes(b"not a database " * 100)
    elif kind == "newer":
        conn = sqlite3.connect(backup)
        conn.execute("PRAGMA user_version = 99")
        conn.close()
    else:
        backup.unlink()
    before = dump(path)
    backups = list_backups(path)
    with pytest.raises(StorageError) as info:
        restore(backup, path, clock=clock)
    assert any(word in str(info.value) for word in ("резервной", "Резервная", "базой"))
    assert dump(path) == before
    assert list_backups(path) == backups


def test_backups_of_a_database_with_a_longer_name_are_not_ours(file_db, tmp_path):
    """school.sqlite and school-old.sqlite share the folder: rotation keeps them apart."""
    old = open_store(tmp_path / "school-old.sqlite", exclusive=False)
    clock = StepClock(dt.datetime(2026, 11, 1, 8, 0))
    theirs = [make_backup(old.db, old.path, clock=clock) for _ in range(3)]
    old.close()
    ours = [make_backup(file_db.db, file_db.path, clock=clock) for _ in range(12)]
    assert list_backups(file_db.path) == ours[2:]
    assert list_backups(tmp_path / "school-old.sqlite") == theirs
    assert all(p.exists() for p in theirs)
