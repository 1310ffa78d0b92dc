"""Opening a database: PRAGMAs, the single-instance lock, schema creation and migration.

``open_store`` is the one way in. It returns a ``Store``: the sqlite3 connection, the
sqlite-utils ``Database`` over it, a lock that serialises use from worker threads, the
clock and the user name for the audit log.

Opening and reading need nothing but sqlite3: the ``Database`` is made on first use
(``store.db``), and sqlite-utils (which imports click and pluggy for its plugins), the
backup and the migration code are imported only when they are needed, so start-up does
not pay for them.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, Union

from filelock import FileLock, Timeout

from metodkab import strings as S
from metodkab.clock import SYSTEM_CLOCK, Clock
from metodkab.domain.parse import norm
from metodkab.storage import migrations, rulesql
from metodkab.storage.errors import DatabaseBusy, DatabaseDamaged, DatabaseTooNew, StorageError
from metodkab.storage.files import (FileProblem, clean_stale_temps, create_private, os_message,
                                    sqlite_message)

if TYPE_CHECKING:
    from sqlite_utils import Database

SCHEMA_VERSION = migrations.SCHEMA_VERSION
BUSY_TIMEOUT_MS = 5000
T = TypeVar("T")
# The helpers below take a sqlite-utils Database or a plain sqlite3 connection.
Conn = Union["Database", sqlite3.Connection]


def schema_sql() -> str:
    from importlib import resources

    return resources.files("metodkab").joinpath("schema.sql").read_text(encoding="utf-8")


def connect_raw(path: Path | str) -> sqlite3.Connection:
    """A sqlite3 connection with the project's PRAGMAs and SQL functions (no lock, no
    migration)."""
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.create_function("norm", 1, norm, deterministic=True)
    rulesql.register(conn)
    return conn


def wrap(conn: sqlite3.Connection) -> Database:
    """The sqlite-utils Database over an open connection (it runs no statement)."""
    from sqlite_utils import Database

    return Database(conn, recursive_triggers=False, execute_plugins=False)


def connect(path: Path | str) -> Database:
    """``connect_raw`` as a sqlite-utils Database."""
    return wrap(connect_raw(path))


def _raw(db: Conn) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def _set_wal(db: Conn) -> None:
    conn = _raw(db)
    level = conn.isolation_level   # autocommit for the PRAGMAs, as Database.ensure_autocommit_on
    conn.isolation_level = None
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous = FULL")
    finally:
        conn.isolation_level = level
    if str(mode).lower() != "wal":
        raise StorageError(S.DB_NO_WAL)


def user_version(db: Conn) -> int:
    return _raw(db).execute("PRAGMA user_version").fetchone()[0]


def quick_check(db: Conn) -> list[str]:
    """Problems found by SQLite's quick check; an empty list means healthy."""
    rows = [r[0] for r in _raw(db).execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def create_schema(db: Conn) -> None:
    """Create the whole schema in an empty database, at the current version."""
    if isinstance(db, sqlite3.Connection):
        db = wrap(db)
    with db.atomic():
        for statement in statements(schema_sql()):
            db.conn.execute(statement)
        db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def statements(script: str) -> Iterator[str]:
    """A schema script's statements one by one (its leading comments left out); an
    incomplete last one is yielded too, so that it fails rather than vanishes."""
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


def is_empty(db: Conn) -> bool:
    return not _raw(db).execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1"
    ).fetchone()


def has_table(db: Conn, name: str) -> bool:
    return _raw(db).execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone() is not None


class Store:
    """An open database with what every repository call needs.

    ``conn`` is the sqlite3 connection; ``db`` is the sqlite-utils ``Database`` over the
    same connection, made on first use (reads need only ``conn``). Build it with
    ``Store(conn=…)`` or, as before, ``Store(db=…)``.
    """

    def __init__(self, db: Database | None = None, path: Path | None = None,
                 clock: Clock = SYSTEM_CLOCK, user: str = "", lock: FileLock | None = None,
                 mutex: threading.RLock | None = None, migrated_from: int | None = None, *,
                 conn: sqlite3.Connection | None = None) -> None:
        if conn is None:
            if db is None:
                raise TypeError("Store needs conn or db")
            conn = db.conn
        self.conn = conn
        self._db = db
        self.path = path
        self.clock = clock
        self.user = user
        self.lock = lock
        self.mutex = mutex if mutex is not None else threading.RLock()
        self.migrated_from = migrated_from

    def __repr__(self) -> str:
        return f"Store(path={self.path!r}, user={self.user!r})"

    @property
    def db(self) -> Database:
        """The sqlite-utils Database over ``conn`` (imports sqlite-utils on first use)."""
        if self._db is None:
            with self.mutex:
                if self._db is None:
                    self._db = wrap(self.conn)
        return self._db

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
            conn = self.conn
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

    def roll_back_open(self) -> None:
        """Roll back a transaction a failed call left open (a write outside ``atomic``
        that Python's sqlite3 began implicitly), so a failed action changes nothing and
        the next commit does not carry its half. ``atomic`` already rolled back its own."""
        with self.mutex:
            if self.conn.in_transaction:
                self.conn.rollback()

    def close(self) -> None:
        with self.mutex:
            self.conn.close()
            if self.lock is not None:
                self.lock.release()
                self.lock = None


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextmanager
def single_instance(path: Path, busy: str, exclusive: bool = True
                    ) -> Iterator[FileLock | None]:
    """The single-instance lock beside the database ``path`` (None when not
    ``exclusive``), taken at once and held for the caller's store; while another window
    holds it, DatabaseBusy with ``busy`` (a Russian message with {name}). A failure while
    the database is opened releases it."""
    if not exclusive:
        yield None
        return
    lock = FileLock(str(lock_path(path)))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise DatabaseBusy(busy.format(name=path.name)) from None
    try:
        yield lock
    except BaseException:
        lock.release()
        raise


def prepare_file(path: Path) -> None:
    """Before a database is opened: its folder exists, a new file is created owner-only
    (0600: it will hold ФИО and СНИЛС), the folder is not a read-only one we cannot write
    to, and temporary files a killed writer left beside it and among its backups are
    removed. Failures are FileProblem with a Russian message that says what to do."""
    if path.is_dir():
        raise FileProblem(S.FILE_IS_FOLDER.format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            os.close(create_private(path))
    except FileExistsError:
        pass
    except OSError as exc:
        raise FileProblem(os_message(exc, path)) from None
    clean_stale_temps(path.parent)
    clean_stale_temps(path.parent / "backups")


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
    prepare_file(path)
    with single_instance(path, S.DB_OPEN_ELSEWHERE, exclusive) as lock:
        try:
            conn = connect_raw(path)
            try:
                store = _prepare(conn, path, clock=clock, user=user, backup_dir=backup_dir)
            except BaseException:
                conn.close()
                raise
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise DatabaseBusy(S.DB_BUSY.format(name=path.name)) from None
            told = sqlite_message(exc, path)    # disk full, no rights, read-only: not «повреждён»
            if told is not None:
                raise FileProblem(told) from None
            raise DatabaseDamaged(S.DB_NOT_OURS_OR_DAMAGED.format(name=path.name,
                                                                  error=exc)) from None
        except OSError as exc:
            raise FileProblem(os_message(exc, path)) from None
    store.lock = lock
    return store


def _prepare(
    conn: sqlite3.Connection, path: Path, *, clock: Clock, user: str, backup_dir: Path | None
) -> Store:
    problems = quick_check(conn)
    if problems:
        raise DatabaseDamaged(S.DB_DAMAGED.format(name=path.name, problem=problems[0]))
    # Refuse a newer or a foreign file before switching it to WAL: a file that is not
    # ours (or not yet ours to change) is left exactly as it was.
    empty = is_empty(conn)
    version = user_version(conn)
    if not empty:
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(S.DB_TOO_NEW.format(name=path.name, version=version,
                                                 known=SCHEMA_VERSION))
        if version < 1 or not has_table(conn, "change_counter"):
            raise DatabaseDamaged(S.DB_NOT_OURS.format(name=path.name))
    _set_wal(conn)
    store = Store(conn=conn, path=path, clock=clock, user=user)
    if empty:
        create_schema(store.db)
        return store
    if version < SCHEMA_VERSION:
        from metodkab.storage.backup import make_backup

        make_backup(store.db, path, clock=clock, reason=f"before-migration-v{version}",
                    folder=backup_dir)
        migrations.migrate(store.db, version)
        store.migrated_from = version
    return store


def open_memory(*, clock: Clock = SYSTEM_CLOCK, user: str = "") -> Store:
    """A fresh in-memory database with the whole schema (tests, previews)."""
    db = connect(":memory:")
    create_schema(db)
    return Store(db=db, path=None, clock=clock, user=user)
