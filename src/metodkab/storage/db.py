"""Opening a database: PRAGMAs, the single-instance lock, schema creation and migration.

``open_store`` is the one way in. It returns a ``Store``: the sqlite-utils ``Database``,
a lock that serialises use from worker threads, the clock and the user name for the
audit log.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TypeVar

from filelock import FileLock, Timeout
from sqlite_utils import Database

from metodkab import strings as S
from metodkab.clock import SYSTEM_CLOCK, Clock
from metodkab.domain.parse import norm
from metodkab.storage import migrations
from metodkab.storage.errors import DatabaseBusy, DatabaseDamaged, DatabaseTooNew, StorageError

SCHEMA_VERSION = migrations.SCHEMA_VERSION
BUSY_TIMEOUT_MS = 5000
T = TypeVar("T")


def schema_sql() -> str:
    return resources.files("metodkab").joinpath("schema.sql").read_text(encoding="utf-8")


def connect(path: Path | str) -> Database:
    """A connection with the project's PRAGMAs and SQL functions (no lock, no migration)."""
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn, recursive_triggers=False, execute_plugins=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.create_function("norm", 1, norm, deterministic=True)
    return db


def _set_wal(db: Database) -> None:
    with db.ensure_autocommit_on():
        mode = db.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        db.conn.execute("PRAGMA synchronous = FULL")
    if str(mode).lower() != "wal":
        raise StorageError(S.DB_NO_WAL)


def user_version(db: Database) -> int:
    return db.conn.execute("PRAGMA user_version").fetchone()[0]


def quick_check(db: Database) -> list[str]:
    """Problems found by SQLite's quick check; an empty list means healthy."""
    rows = [r[0] for r in db.conn.execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def create_schema(db: Database) -> None:
    """Create the whole schema in an empty database, at the current version."""
    with db.atomic():
        for statement in _statements(schema_sql()):
            db.conn.execute(statement)
        db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _statements(script: str) -> Iterator[str]:
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


def is_empty(db: Database) -> bool:
    return not db.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1"
    ).fetchone()


@dataclass
class Store:
    """An open database with what every repository call needs."""

    db: Database
    path: Path | None
    clock: Clock = SYSTEM_CLOCK
    user: str = ""
    lock: FileLock | None = None
    mutex: threading.RLock = field(default_factory=threading.RLock)
    migrated_from: int | None = None

    def run(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """Call ``fn(store, ...)`` holding the connection's mutex (for worker threads)."""
        with self.mutex:
            return fn(self, *args, **kwargs)

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (a savepoint when nested) holding the connection's mutex.

        The outermost one starts with BEGIN IMMEDIATE: it takes the write lock before its
        first read, so a read-then-write (update, delete …) waits for another connection's
        write (busy_timeout) instead of failing with "database is locked" when that
        connection committed in between.
        """
        with self.mutex:
            conn = self.db.conn
            if conn.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                conn.rollback()
                raise
            try:
                conn.execute("COMMIT")
            except BaseException:
                conn.rollback()
                raise

    def close(self) -> None:
        with self.mutex:
            self.db.close()
            if self.lock is not None:
                self.lock.release()
                self.lock = None


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def open_store(
    path: Path | str,
    *,
    clock: Clock = SYSTEM_CLOCK,
    user: str = "",
    exclusive: bool = True,
    create: bool = True,
    backup_dir: Path | None = None,
) -> Store:
    """Open (and create or migrate) a database.

    ``exclusive`` takes the single-instance lock: a second app on the same file gets a
    clear Russian message. An older schema is backed up, then migrated in one step; a
    newer one is refused.
    """
    path = Path(path)
    if not create and not path.exists():
        raise StorageError(S.DB_FILE_NOT_FOUND.format(path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = None
    if exclusive:
        lock = FileLock(str(lock_path(path)))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise DatabaseBusy(S.DB_OPEN_ELSEWHERE.format(name=path.name)) from None
    try:
        db = connect(path)
        try:
            store = _prepare(db, path, clock=clock, user=user, backup_dir=backup_dir)
        except BaseException:
            db.close()
            raise
    except sqlite3.DatabaseError as exc:
        if lock is not None:
            lock.release()
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseBusy(S.DB_BUSY.format(name=path.name)) from None
        raise DatabaseDamaged(S.DB_NOT_OURS_OR_DAMAGED.format(name=path.name, error=exc)) from None
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    store.lock = lock
    return store


def _prepare(
    db: Database, path: Path, *, clock: Clock, user: str, backup_dir: Path | None
) -> Store:
    problems = quick_check(db)
    if problems:
        raise DatabaseDamaged(S.DB_DAMAGED.format(name=path.name, problem=problems[0]))
    # Refuse a newer or a foreign file before switching it to WAL: a file that is not
    # ours (or not yet ours to change) is left exactly as it was.
    empty = is_empty(db)
    version = user_version(db)
    if not empty:
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(S.DB_TOO_NEW.format(name=path.name, version=version,
                                                 known=SCHEMA_VERSION))
        if version < 1 or not db.table("change_counter").exists():
            raise DatabaseDamaged(S.DB_NOT_OURS.format(name=path.name))
    _set_wal(db)
    store = Store(db=db, path=path, clock=clock, user=user)
    if empty:
        create_schema(db)
        return store
    if version < SCHEMA_VERSION:
        from metodkab.storage.backup import make_backup

        make_backup(db, path, clock=clock, reason=f"before-migration-v{version}", folder=backup_dir)
        migrations.migrate(db, version)
        store.migrated_from = version
    return store


def open_memory(*, clock: Clock = SYSTEM_CLOCK, user: str = "") -> Store:
    """A fresh in-memory database with the whole schema (tests, previews)."""
    db = connect(":memory:")
    create_schema(db)
    return Store(db=db, path=None, clock=clock, user=user)
