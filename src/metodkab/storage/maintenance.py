"""`metodkab check`: integrity and foreign-key checks with a human-readable result."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from metodkab import strings as S
from metodkab.storage.errors import StorageError
from metodkab.storage.migrations import SCHEMA_VERSION


@dataclass
class CheckReport:
    healthy: bool = True
    lines: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        self.healthy = False
        self.lines.append(line)


def open_for_check(path: Path) -> sqlite3.Connection:
    """The database read-only for ``metodkab check`` (a school's or the office's); a
    Russian StorageError when there is no such file or it cannot be opened."""
    if not path.is_file():
        raise StorageError(S.DB_FILE_NOT_FOUND.format(path=path))
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StorageError(S.CHECK_CANNOT_OPEN.format(path=path, error=exc)) from None


def check_schema(conn: sqlite3.Connection, path: Path, report: CheckReport,
                 version_line: str, known: int) -> bool:
    """SQLite's integrity check and the schema version (``version_line`` with
    {version} and {known}, the version this program knows) into ``report``; True when
    the integrity check found nothing. A file that is not a database (or a full disk)
    is a Russian StorageError."""
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        from metodkab.storage.files import sqlite_message

        raise StorageError(sqlite_message(exc, path) or S.DB_NOT_SQLITE.format(
            name=path.name, error=exc)) from None
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    report.lines.append(S.CHECK_DATABASE.format(path=path))
    report.lines.append(version_line.format(version=version, known=known))
    if version > known:
        report.fail(S.CHECK_SCHEMA_TOO_NEW)
    if integrity == ["ok"]:
        report.lines.append(S.CHECK_INTEGRITY_OK)
        return True
    report.fail(S.CHECK_INTEGRITY_BROKEN.format(problems="; ".join(integrity[:5])))
    return False


def check_foreign_keys(conn: sqlite3.Connection, report: CheckReport) -> None:
    """SQLite's foreign-key check into ``report``."""
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        report.fail(S.CHECK_FK_BROKEN.format(count=len(fk), table=fk[0][0]))
    else:
        report.lines.append(S.CHECK_FK_OK)


@contextmanager
def checking(path: Path, version_line: str, known: int
             ) -> Iterator[tuple[sqlite3.Connection, CheckReport, bool]]:
    """``metodkab check`` of a database (a school's or the office's): opened read-only,
    its integrity and schema version checked (``check_schema``); the body adds what the
    database holds; then the verdict line, and the connection closed."""
    report = CheckReport()
    conn = open_for_check(path)
    try:
        yield conn, report, check_schema(conn, path, report, version_line, known)
    finally:
        conn.close()
    report.lines.append(S.CHECK_RESULT_OK if report.healthy else S.CHECK_RESULT_PROBLEMS)


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def check_database(path: Path) -> CheckReport:
    """Run SQLite's integrity and foreign-key checks read-only and describe the result."""
    with checking(path, S.CHECK_SCHEMA_VERSION, SCHEMA_VERSION) as (conn, report, intact):
        from metodkab.storage.backup import unreadable_text

        unreadable = unreadable_text(conn) if intact else None
        if unreadable:
            report.fail(S.CHECK_NOT_UTF8.format(table=unreadable[0], count=unreadable[1]))
        check_foreign_keys(conn, report)
        if "staff" in table_names(conn):
            staff = conn.execute("SELECT count(*) FROM staff WHERE deleted = 0").fetchone()[0]
            conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
            school = conn.execute(
                "SELECT short_name FROM school WHERE deleted = 0 LIMIT 1").fetchone()
            report.lines.append(S.CHECK_SCHOOL.format(
                school=school[0] if school else S.CHECK_SCHOOL_UNKNOWN, staff=staff))
        else:
            report.fail(S.CHECK_NO_TABLES)
    return report
