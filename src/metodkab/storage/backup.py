"""Backups with the SQLite backup API (never a file copy of a live database).

Backups live in a ``backups`` folder beside the database, named
``<stem>-ГГГГММДД-ЧЧММСС[-reason].sqlite``; the newest ``KEEP`` are kept.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from metodkab import strings as S
from metodkab.clock import SYSTEM_CLOCK, Clock
from metodkab.storage.errors import StorageError

if TYPE_CHECKING:
    from sqlite_utils import Database

KEEP = 10


def backup_folder(db_path: Path, folder: Path | None = None) -> Path:
    return folder or db_path.parent / "backups"


def list_backups(db_path: Path, folder: Path | None = None) -> list[Path]:
    """Backups of this database, oldest first."""
    where = backup_folder(db_path, folder)
    if not where.is_dir():
        return []
    # The stamp must follow the stem: backups of "school-old" are not backups of "school".
    name = re.compile(rf"{re.escape(db_path.stem)}-\d{{8}}-\d{{6}}(-.+)?\.sqlite")
    return sorted(p for p in where.glob(f"{db_path.stem}-*.sqlite") if name.fullmatch(p.name))


def _copy_into(source: sqlite3.Connection, target_path: Path) -> None:
    """Write a consistent copy of ``source`` to ``target_path`` atomically."""
    tmp = target_path.with_name(target_path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    dest = sqlite3.connect(str(tmp))
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target_path)


def make_backup(
    db: Database,
    db_path: Path,
    *,
    clock: Clock = SYSTEM_CLOCK,
    reason: str = "",
    folder: Path | None = None,
    keep: int | None = KEEP,
) -> Path:
    """Back up the open database; rotate so that ``keep`` backups remain (None: no rotation)."""
    where = backup_folder(db_path, folder)
    where.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    name = f"{db_path.stem}-{stamp}{'-' + reason if reason else ''}.sqlite"
    target = where / name
    counter = 1
    while target.exists():
        counter += 1
        target = where / f"{db_path.stem}-{stamp}-{counter}{'-' + reason if reason else ''}.sqlite"
    _copy_into(db.conn, target)
    if keep is not None:
        rotate(db_path, folder=folder, keep=keep)
    return target


def rotate(db_path: Path, *, folder: Path | None = None, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest ``keep`` backups; return the removed ones."""
    backups = list_backups(db_path, folder)
    removed = backups[:-keep] if keep > 0 else backups
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def backup_if_due(
    db: Database, db_path: Path, *, clock: Clock = SYSTEM_CLOCK, folder: Path | None = None,
    keep: int = KEEP,
) -> Path | None:
    """The automatic backup on start: at most one a day, keeping the newest ``keep``."""
    today = clock.today().strftime("%Y%m%d")
    if any(p.name.startswith(f"{db_path.stem}-{today}-") for p in list_backups(db_path, folder)):
        return None
    return make_backup(db, db_path, clock=clock, reason="auto", folder=folder, keep=keep)


def _office_ids() -> tuple[int, int]:
    """The municipal office database's application id and newest known schema version."""
    from metodkab.storage.migrations import OFFICE_APPLICATION_ID, OFFICE_SCHEMA_VERSION

    return OFFICE_APPLICATION_ID, OFFICE_SCHEMA_VERSION


def database_kind(conn: sqlite3.Connection) -> str:
    """"office" for a municipal office's database, "school" for anything else."""
    office_id, _ = _office_ids()
    return "office" if conn.execute("PRAGMA application_id").fetchone()[0] == office_id \
        else "school"


def check_backup(path: Path) -> str:
    """Refuse a file that is not a healthy metodkab database of a version we know.

    Returns its kind: "school" or "office" (a municipal office's database)."""
    from metodkab.storage.migrations import SCHEMA_VERSION

    if not path.is_file():
        raise StorageError(S.BACKUP_NOT_FOUND.format(path=path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            kind = database_kind(conn)
            marker = "office" if kind == "office" else "change_counter"
            has_marker = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (marker,)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(S.DB_NOT_SQLITE.format(name=path.name, error=exc)) from None
    if result != ["ok"]:
        raise StorageError(S.BACKUP_DAMAGED.format(name=path.name, problem=result[0]))
    if not has_marker or version < 1:
        raise StorageError(S.BACKUP_NOT_OURS.format(name=path.name))
    newest = _office_ids()[1] if kind == "office" else SCHEMA_VERSION
    if version > newest:
        raise StorageError(S.BACKUP_TOO_NEW.format(name=path.name, version=version))
    return kind


def restore(backup_path: Path, db_path: Path, *, clock: Clock = SYSTEM_CLOCK,
            folder: Path | None = None) -> Path | None:
    """Put a checked backup in place of the database, keeping the current one as a backup.

    The caller must hold the database's single-instance lock. Returns the backup made of
    the current database (None when there was none).
    """
    kind = check_backup(backup_path)
    kept = None
    existed = db_path.exists()
    target = sqlite3.connect(str(db_path))
    try:
        if existed and target.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            if database_kind(target) != kind:     # a school's copy over the office's, or back
                raise StorageError(S.BACKUP_WRONG_KIND.format(
                    name=backup_path.name, db=db_path.name,
                    kind=S.BACKUP_KIND_OFFICE if kind == "office" else S.BACKUP_KIND_SCHOOL))
            from sqlite_utils import Database

            kept = make_backup(Database(target, execute_plugins=False), db_path, clock=clock,
                               reason="before-restore", folder=folder, keep=None)
        source = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
        try:
            source.backup(target)
        finally:
            source.close()
    finally:
        target.close()
    rotate(db_path, folder=folder)
    return kept
