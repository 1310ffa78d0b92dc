"""Building the 5,000-staff stress database, against raw SQLite in the same run.

- measured: ``build_demo(path, staff=5000)``: generating the school, validating every
  record with the pydantic models, ``insert_many`` in one transaction, fsync and rename
  of the finished file;
- baseline: the same rows (read back from the built database, every table) written with
  bare ``sqlite3.executemany`` into a fresh database with the same schema
  (``schema_sql()``), in one transaction.

Both sides ask SQLite for the same work: foreign keys on, a rollback journal, no fsync
per transaction (``synchronous = OFF``; build_demo builds under a temporary name), the
same page cache size and one ``fsync`` of the finished file. With SQLite's defaults
(journal synced at commit) the baseline would mostly time the disk, which on a shared
machine varies more than the code does.

The two sides alternate, a few runs each; the medians are compared. Goal: within 2x.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

STAFF = 5000
RUNS = 5
GOAL = 2.0
TODAY = dt.date(2026, 11, 23)
# Tables the schema itself fills with one row: their rows replace the seeded ones.
SEEDED = ("change_counter", "sync_state")

Tables = list[tuple[str, list[str], list[tuple]]]


def read_rows(path: Path) -> Tables:
    """Every table of the database: name, columns and rows (in rowid order)."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY rowid")]
        tables = []
        for name in names:
            cur = conn.execute(f"SELECT * FROM {name}")
            tables.append((name, [d[0] for d in cur.description], cur.fetchall()))
        return tables
    finally:
        conn.close()


def raw_insert(path: Path, tables: Tables) -> None:
    from metodkab.demo import CACHE_KIB
    from metodkab.storage.db import schema_sql

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.executescript(schema_sql())
        conn.execute("BEGIN")
        for name, columns, rows in tables:
            if not rows:
                continue
            verb = "INSERT OR REPLACE" if name in SEEDED else "INSERT"
            marks = ", ".join("?" * len(columns))
            conn.executemany(f"{verb} INTO {name} ({', '.join(columns)}) VALUES ({marks})", rows)
        conn.execute("COMMIT")
    finally:
        conn.close()
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def run() -> list[dict]:
    from metodkab.demo import build_demo

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        measured, baseline = [], []
        tables: Tables = []
        for i in range(RUNS):
            built = folder / f"built{i}.sqlite"
            measured.append(_timed(lambda: build_demo(built, staff=STAFF, today=TODAY)))
            if not tables:
                tables = read_rows(built)
            raw = folder / f"raw{i}.sqlite"
            baseline.append(_timed(raw_insert, raw, tables))
            if read_rows(raw) != tables:
                raise AssertionError("the baseline did not write the same rows")
        rows = sum(len(r) for _, _, r in tables)
    m, b = statistics.median(measured), statistics.median(baseline)
    return [{"name": f"stress database, {STAFF:,} staff ({rows:,} rows)",
             "measured": f"{m:.2f} s (build_demo)",
             "baseline": f"{b:.2f} s (raw executemany)",
             "ratio": m / b, "goal": f"< {GOAL:g}x", "passed": m / b < GOAL}]


if __name__ == "__main__":
    for result in run():
        print(result)
