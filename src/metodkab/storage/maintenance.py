"""`metodkab check`: integrity and foreign-key checks with a human-readable result."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from metodkab.storage.errors import StorageError
from metodkab.storage.migrations import SCHEMA_VERSION


@dataclass
class CheckReport:
    healthy: bool = True
    lines: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        self.healthy = False
        self.lines.append(line)


def check_database(path: Path) -> CheckReport:
    """Run SQLite's integrity and foreign-key checks read-only and describe the result."""
    if not path.is_file():
        raise StorageError(f"Файл базы данных не найден: {path}")
    report = CheckReport()
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StorageError(f"Не удалось открыть {path}: {exc}") from None
    try:
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"Файл {path.name} не является базой данных SQLite ({exc}).") from None
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        report.lines.append(f"База данных: {path}")
        report.lines.append(f"Версия схемы: {version} (программа знает до {SCHEMA_VERSION})")
        if version > SCHEMA_VERSION:
            report.fail("Схема новее, чем знает эта программа: обновите программу.")
        if integrity == ["ok"]:
            report.lines.append("Целостность: в порядке")
        else:
            report.fail(f"Целостность НАРУШЕНА: {'; '.join(integrity[:5])}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            report.fail(f"Нарушены ссылки между таблицами: {len(fk)} (например, {fk[0][0]})")
        else:
            report.lines.append("Ссылки между таблицами: в порядке")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "staff" in tables:
            staff = conn.execute("SELECT count(*) FROM staff WHERE deleted = 0").fetchone()[0]
            school = conn.execute(
                "SELECT short_name FROM school WHERE deleted = 0 LIMIT 1").fetchone()
            report.lines.append(f"Школа: {school[0] if school else 'не указана'}; "
                                f"сотрудников в базе: {staff}")
        else:
            report.fail("В файле нет таблиц «Методического кабинета».")
    finally:
        conn.close()
    report.lines.append("Итог: база данных исправна" if report.healthy
                        else "Итог: обнаружены проблемы")
    return report
