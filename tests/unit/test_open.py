"""Opening a database file: PRAGMAs, the single-instance lock, two connections at once."""

import sqlite3
import threading

import pytest
from filelock import FileLock

from metodkab.domain.models import Staff
from metodkab.storage import repo
from metodkab.storage.db import SCHEMA_VERSION, lock_path, open_memory, open_store, user_version
from metodkab.storage.errors import DatabaseBusy
from metodkab.storage.staff import StaffQuery, count_staff


def pragma(store, name):
    return store.db.conn.execute(f"PRAGMA {name}").fetchone()[0]


def person(last: str) -> Staff:
    return Staff(last_name=last, first_name="Мария", positions=["учитель"])


def test_pragmas_of_a_file_database(file_db):
    assert pragma(file_db, "journal_mode") == "wal"
    assert pragma(file_db, "foreign_keys") == 1
    assert pragma(file_db, "synchronous") == 2          # FULL
    assert pragma(file_db, "busy_timeout") == 5000
    assert user_version(file_db.db) == SCHEMA_VERSION


def test_pragmas_survive_a_reopen(tmp_path, clock):
    path = tmp_path / "school.sqlite"
    open_store(path, clock=clock).close()
    store = open_store(path, clock=clock)
    assert (pragma(store, "journal_mode"), pragma(store, "foreign_keys"),
            pragma(store, "synchronous")) == ("wal", 1, 2)
    store.close()


def test_memory_database_enforces_foreign_keys():
    store = open_memory()
    assert pragma(store, "foreign_keys") == 1
    store.db.close()


def test_norm_function_in_sql(file_db):
    assert file_db.db.conn.execute("SELECT norm('ЁЛКИНА  Алёна')").fetchone() == ("елкина алена",)


def test_second_exclusive_open_is_busy(file_db, clock):
    with pytest.raises(DatabaseBusy) as info:
        open_store(file_db.path, clock=clock)
    assert "уже открыта в другом окне программы" in str(info.value)
    # The first store is not disturbed.
    repo.create(file_db, person("Иванова"))
    assert repo.count(file_db, "staff") == 1


def test_a_failed_open_lets_the_lock_go(tmp_path, clock):
    """A file that is not a database (or any failure while opening) is refused, and the
    single-instance lock goes with it: the next window is not told «уже открыта»."""
    from metodkab.storage.errors import StorageError
    from metodkab.sync.municipal import open_municipal

    path = tmp_path / "school.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    for _ in range(2):
        with pytest.raises(StorageError) as info:
            open_store(path, clock=clock)
        assert not isinstance(info.value, DatabaseBusy)
    path.unlink()
    open_store(path, clock=clock).close()
    office = tmp_path / "office.db"
    open_municipal(office, clock=clock, _create=True).close()
    conn = sqlite3.connect(office)
    conn.execute("PRAGMA user_version = 999")        # made by a newer program
    conn.close()
    for _ in range(2):
        with pytest.raises(StorageError) as info:
            open_municipal(office, clock=clock)
        assert not isinstance(info.value, DatabaseBusy)
    lock = FileLock(str(lock_path(office)))
    lock.acquire(timeout=0)                           # nobody holds it
    lock.release()


def test_lock_is_released_on_close(tmp_path, clock):
    path = tmp_path / "school.sqlite"
    open_store(path, clock=clock).close()
    store = open_store(path, clock=clock)
    assert lock_path(path).name == "school.sqlite.lock"
    store.close()


def test_two_connections_read_and_write(file_db, clock):
    """The app (exclusive) and a command-line tool (not exclusive) on the same file."""
    repo.create(file_db, person("Иванова"))
    other = open_store(file_db.path, clock=clock, exclusive=False)
    try:
        assert repo.count(other, "staff") == 1
        # The app writes while the other connection holds an open read.
        cursor = other.db.conn.execute("SELECT id FROM staff")
        assert cursor.fetchone() is not None
        repo.create(file_db, person("Петрова"))
        cursor.fetchall()
        assert repo.count(other, "staff") == 2
        # The other connection writes while the app reads.
        reading = file_db.db.conn.execute("SELECT id FROM staff")
        reading.fetchone()
        repo.create(other, person("Сидорова"))
        reading.fetchall()
        assert repo.count(file_db, "staff") == 3
        day = clock.today()
        assert count_staff(file_db, StaffQuery(), day) == count_staff(other, StaffQuery(), day)
    finally:
        other.close()


def test_reader_keeps_its_snapshot_during_a_write(file_db, clock):
    """WAL: an open read transaction sees the old data, the writer does not wait."""
    repo.create(file_db, person("Иванова"))
    other = open_store(file_db.path, clock=clock, exclusive=False)
    try:
        other.db.conn.execute("BEGIN")                        # a long read (a report)
        assert repo.count(other, "staff") == 1
        repo.create(file_db, person("Петрова"))              # no "database is locked"
        assert repo.count(other, "staff") == 1
        other.db.conn.execute("COMMIT")
        assert repo.count(other, "staff") == 2
    finally:
        other.close()


def test_writes_from_two_threads(file_db, clock):
    other = open_store(file_db.path, clock=clock, exclusive=False)
    errors: list[BaseException] = []

    def write(store, prefix):
        try:
            for index in range(20):
                repo.create(store, person(f"{prefix}{'абвгдежзиклмнопрстуф'[index]}"))
        except BaseException as exc:          # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(file_db, "Первая")),
               threading.Thread(target=write, args=(other, "Вторая"))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        other.close()
    assert errors == []
    assert repo.count(file_db, "staff") == 40
    seqs = [r[0] for r in file_db.db.conn.execute("SELECT change_seq FROM staff")]
    assert len(set(seqs)) == 40


def test_read_then_write_from_two_connections(file_db, clock):
    """Both update (read the row, then write) at once: each waits for the other's lock."""
    other = open_store(file_db.path, clock=clock, exclusive=False)
    ids = [repo.create(file_db, person(name)) for name in ("Иванова", "Петрова")]
    errors: list[BaseException] = []

    def edit(store, staff_id):
        try:
            for index in range(60):
                got = repo.get(store, Staff, staff_id)
                repo.update(store, Staff.model_validate({**got.model_dump(), "notes": str(index)}))
        except BaseException as exc:          # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(file_db, ids[0])),
               threading.Thread(target=edit, args=(other, ids[1]))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        other.close()
    assert errors == []
    assert [repo.get(file_db, Staff, i).version for i in ids] == [61, 61]
