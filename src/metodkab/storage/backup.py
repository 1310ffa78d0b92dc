"""Backups with the SQLite backup API (never a file copy of a live database).

Backups live in a ``backups`` folder beside the database, named
``<stem>-ГГГГММДД-ЧЧММСС[-reason].sqlite``; the newest ``KEEP`` are kept. Each has its
SHA-256 beside it (``<backup>.sha256``, the format of ``sha256sum``), written before the
backup takes its name; backups and their checksums are owner-only (they hold ФИО and
СНИЛС).

``restore`` touches nothing before the backup has passed every check (``check_backup``):
a regular file whose size is a whole number of pages and matches the page count in its
header (a copy cut short by one byte is refused), SQLite's full integrity check, every
text readable as UTF-8, a metodkab database of a schema version we know, and the
checksum beside it (a flipped byte that SQLite cannot see is refused).

Files that travel with a backup (the office's sealed key, say) register a suffix in
``COMPANIONS``: they are rotated with it; ``write_checksum``/``verify_checksum`` serve
them too.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from metodkab import strings as S
from metodkab.clock import SYSTEM_CLOCK, Clock
from metodkab.storage.errors import StorageError
from metodkab.storage.files import (FileProblem, create_private, make_private,
                                    move_into_place, open_regular, os_message, read_limited,
                                    sqlite_message, temp_path, write_atomically)

if TYPE_CHECKING:
    from sqlite_utils import Database

KEEP = 10
CHECKSUM_SUFFIX = ".sha256"
COMPANIONS: list[str] = [CHECKSUM_SUFFIX]     # files named <backup><suffix> rotate with it
SQLITE_MAGIC = b"SQLite format 3\x00"


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


def checksum_path(path: Path) -> Path:
    return path.with_name(path.name + CHECKSUM_SUFFIX)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open_regular(path) as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksum(path: Path, *, name: str | None = None, digest: str | None = None) -> Path:
    """``<path>.sha256`` in the format of ``sha256sum`` (owner-only)."""
    target = checksum_path(path)
    line = f"{digest or file_sha256(path)}  {name or path.name}\n"
    write_atomically(target, line.encode("utf-8"), private=True)
    return target


def verify_checksum(path: Path) -> None:
    """Refuse a file whose checksum beside it is missing or does not match (Russian)."""
    side = checksum_path(path)
    try:
        text = read_limited(side, 4096)
    except FileNotFoundError:
        raise StorageError(S.BACKUP_NO_CHECKSUM.format(name=path.name,
                                                       checksum=side.name)) from None
    found = re.match(rb"\s*([0-9a-fA-F]{64})\b", text or b"")
    if not found:
        raise StorageError(S.BACKUP_CHECKSUM_BAD.format(name=path.name, checksum=side.name))
    if found.group(1).decode().lower() != file_sha256(path):
        raise StorageError(S.BACKUP_CHECKSUM_MISMATCH.format(name=path.name))


def _copy_into(source: sqlite3.Connection, target_path: Path) -> None:
    """Write a consistent copy of ``source`` to ``target_path`` atomically, owner-only,
    with its checksum beside it; nothing of ours is left behind when it fails."""
    tmp = temp_path(target_path)
    try:
        try:
            os.close(create_private(tmp))       # 0600 before a byte of data is in it
            dest = sqlite3.connect(str(tmp))
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            write_checksum(tmp, name=target_path.name)
            move_into_place(checksum_path(tmp), checksum_path(target_path))
            move_into_place(tmp, target_path)
        except OSError as exc:
            raise FileProblem(os_message(exc, target_path)) from None
        except sqlite3.Error as exc:
            message = sqlite_message(exc, target_path)
            if message is None:
                raise
            raise FileProblem(message) from None
    except BaseException:
        checksum_path(target_path).unlink(missing_ok=True)
        raise
    finally:
        tmp.unlink(missing_ok=True)
        checksum_path(tmp).unlink(missing_ok=True)


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
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileProblem(os_message(exc, where)) from None
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
        for suffix in COMPANIONS:
            old.with_name(old.name + suffix).unlink(missing_ok=True)
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


def _check_header(path: Path) -> None:
    """A regular file that starts as SQLite and is a whole number of pages, as many as its
    header says (a copy cut short, even by one byte, or grown, is refused here)."""
    try:
        with open_regular(path) as fh:
            size = os.fstat(fh.fileno()).st_size
            head = fh.read(100)
    except FileNotFoundError:
        raise StorageError(S.BACKUP_NOT_FOUND.format(path=path)) from None
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise StorageError(S.BACKUP_NOT_SQLITE.format(name=path.name))
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        raise StorageError(S.BACKUP_NOT_SQLITE.format(name=path.name))
    pages = int.from_bytes(head[28:32], "big")
    header_counts = head[92:96] == head[24:28] and pages > 0   # "valid-for" = change counter
    if size % page or (header_counts and size != pages * page):
        raise StorageError(S.BACKUP_TRUNCATED.format(name=path.name, size=size, page=page))


def unreadable_text(conn: sqlite3.Connection) -> tuple[str, int] | None:
    """The first table holding text that is not UTF-8, and how many such values; None when
    every text reads. (SQLite stores what it is given; a flipped byte in a name makes a
    value Python cannot decode, and every screen that reads it would fail.)"""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    factory = conn.text_factory
    conn.text_factory = bytes
    try:
        for table in tables:
            bad = 0
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if type(value) is bytes:
                        try:
                            value.decode("utf-8")
                        except UnicodeDecodeError:
                            bad += 1
            if bad:
                return table, bad
    finally:
        conn.text_factory = factory
    return None


def check_backup(path: Path, *, checksum: bool = True) -> str:
    """Refuse a file that is not a healthy metodkab database of a version we know.

    In order: a regular SQLite file of whole pages (``_check_header``), the full integrity
    check, text readable as UTF-8, our database (school or office) of a known schema
    version, then (``checksum``) the SHA-256 beside it. Returns its kind: "school" or
    "office" (a municipal office's database)."""
    from metodkab.storage.migrations import SCHEMA_VERSION

    if not path.exists():
        raise StorageError(S.BACKUP_NOT_FOUND.format(path=path))
    try:
        _check_header(path)
    except FileProblem as exc:
        raise StorageError(str(exc)) from None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            unreadable = unreadable_text(conn) if result == ["ok"] else None
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            kind = database_kind(conn)
            marker = "office" if kind == "office" else "change_counter"
            has_marker = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (marker,)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(sqlite_message(exc, path) or S.BACKUP_UNREADABLE.format(
            name=path.name)) from None
    if result != ["ok"]:
        raise StorageError(S.BACKUP_INTEGRITY.format(name=path.name, count=len(result)))
    if unreadable is not None:
        raise StorageError(S.BACKUP_NOT_UTF8.format(name=path.name, table=unreadable[0],
                                                    count=unreadable[1]))
    if not has_marker or version < 1:
        raise StorageError(S.BACKUP_NOT_OURS.format(name=path.name))
    newest = _office_ids()[1] if kind == "office" else SCHEMA_VERSION
    if version > newest:
        raise StorageError(S.BACKUP_TOO_NEW.format(name=path.name, version=version))
    if checksum:
        verify_checksum(path)
    return kind


def _journal_restore(conn: sqlite3.Connection, backup_path: Path, clock: Clock,
                     login: str) -> None:
    """The restore's line in the restored journal, by the user the copy's own settings
    name (as the app signs its changes), else the computer's login."""
    import json

    from metodkab.domain.jsonio import read_json

    row = conn.execute("SELECT value FROM settings WHERE key = 'user_name'").fetchone()
    try:
        named = read_json(row[0]) if row else ""
    except ValueError:
        named = ""
    user = named if isinstance(named, str) and named.strip() else login
    with conn:                          # one transaction, committed
        conn.execute(
            "INSERT INTO audit_log (at, user_name, table_name, record_id, action, changes) "
            "VALUES (?, ?, 'backup', '*', 'restore', ?)",
            (clock.stamp().isoformat(timespec="seconds"), user,
             json.dumps({"note": S.BACKUP_RESTORED_NOTE.format(name=backup_path.name)},
                        ensure_ascii=False)))


def restore(backup_path: Path, db_path: Path, *, clock: Clock = SYSTEM_CLOCK,
            folder: Path | None = None, checksum: bool = True,
            user: str | None = None) -> Path | None:
    """Put a checked backup in place of the database, keeping the current one as a backup.

    The caller must hold the database's single-instance lock. Returns the backup made of
    the current database (None when there was none). ``checksum=False`` (the user's
    explicit choice for a copy made before checksums were written) skips only the
    SHA-256; every other check still runs. With ``user`` (a school's database) the
    restored journal gets a line «восстановлено из копии <name>»: when, by whom — the
    records' own histories come with the copy.
    """
    kind = check_backup(backup_path, checksum=checksum)
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
        if user is not None and kind == "school":
            _journal_restore(target, backup_path, clock, user)
    finally:
        target.close()
    make_private(db_path)
    rotate(db_path, folder=folder)
    return kept
