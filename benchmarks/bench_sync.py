"""Exchange benchmarks (issue 8), each against a baseline measured in the same run.

- export of the 5,000-staff school (goal: under 2 s), with a raw SELECT of the same
  rows as the baseline;
- import of packets from 300 generated schools into a fresh office database, as rows
  per second and as a ratio to a raw ``executemany`` of the same rows (the very tuples
  the import stored) into the same table in one transaction (goal: at least 0.5). The
  import time counts everything: reading the files, signatures, hashes, decryption,
  decompression, strict validation of every record, the upsert and the commit;
- re-import of the same 300 packets, as a ratio to the first import (goal: under 0.2).

Run with ``python -m benchmarks.bench_sync`` (or the benchmarks runner); ``run()``
returns the rows of the report.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

SCHOOLS = 300
STAFF_PER_SCHOOL = 40
RUNS = 3
TODAY = dt.date(2026, 11, 23)


def _clock():
    from metodkab.clock import Clock

    return Clock(TODAY)


def _raw_select(path: Path) -> float:
    """Seconds to read every travelling row of a school database, as plain tuples."""
    from metodkab.storage.db import open_store
    from metodkab.sync.school import travelling_tables

    store = open_store(path, clock=_clock(), exclusive=False)
    try:
        start = time.perf_counter()
        for table, _ in travelling_tables(store):
            store.db.conn.execute(f"SELECT * FROM {table}").fetchall()
        return time.perf_counter() - start
    finally:
        store.close()


def bench_export(folder: Path) -> dict:
    from metodkab.demo import build_demo
    from metodkab.storage.db import open_store
    from metodkab.sync.municipal import init_municipality
    from metodkab.sync.school import export_packet, import_municipality_key

    school = folder / "stress.sqlite"
    build_demo(school, staff=5000, today=TODAY)
    office = init_municipality(folder / "office-export.sqlite", name="УО", clock=_clock())
    store = open_store(school, clock=_clock())
    times, rows, size = [], 0, 0
    try:
        import_municipality_key(store, office.public_path)
        if not store.db.conn.execute("SELECT code FROM school").fetchone()[0]:
            store.db.conn.execute("UPDATE school SET code = '5000'")
            store.db.conn.commit()
        for run in range(RUNS):
            out = folder / f"export-{run}"
            out.mkdir()
            start = time.perf_counter()
            result = export_packet(store, out, full=True)
            times.append(time.perf_counter() - start)
            rows, size = result.manifest.rows, result.path.stat().st_size
    finally:
        store.close()
    raw = statistics.median(_raw_select(school) for _ in range(RUNS))
    measured = statistics.median(times)
    return {"name": f"export, 5,000-staff school ({rows:,} rows, {size / 1e6:.1f} MB packet)",
            "measured": f"{measured:.2f} s", "baseline": f"{raw:.2f} s (raw SELECT of the rows)",
            "ratio": measured / raw if raw else float("nan"), "goal": "< 2 s",
            "passed": measured < 2}


def make_packets(folder: Path, schools: int = SCHOOLS, staff: int = STAFF_PER_SCHOOL):
    """An office database and one full packet from each of ``schools`` generated schools."""
    from metodkab.storage.db import open_memory
    from metodkab.sync.municipal import init_municipality
    from metodkab.sync.sample import fill_sample
    from metodkab.sync.school import export_packet, import_municipality_key

    office = init_municipality(folder / "office.sqlite", name="УО", clock=_clock())
    out = folder / "packets"
    out.mkdir()
    keys = folder / "keys"
    keys.mkdir()
    paths = []
    for n in range(schools):
        store = open_memory(clock=_clock(), user="bench")
        fill_sample(store, code=f"{1000 + n}", staff=staff, seed=n, today=TODAY)
        import_municipality_key(store, office.public_path)
        paths.append(export_packet(store, out, key_path=keys / f"{n}.signing-key").path)
        store.db.close()
    return office.db_path, paths


def _fresh_office(template: Path, folder: Path, name: str) -> Path:
    target = folder / name
    target.mkdir()
    db = target / template.name
    shutil.copy(template, db)
    shutil.copy(template.with_name(template.stem + ".office-key"),
                target / (template.stem + ".office-key"))
    return db


def _import(db: Path, paths) -> tuple[float, int]:
    from metodkab.sync.municipal import import_packets, open_municipal

    store = open_municipal(db, clock=_clock(), user="bench")
    try:
        start = time.perf_counter()
        report = import_packets(store, paths, trusted=True)
        elapsed = time.perf_counter() - start
    finally:
        store.close()
    assert not report.refused, report.refused[:1]
    return elapsed, sum(o.totals.added for o in report.applied)


def _raw_executemany(imported: Path, template: Path, folder: Path, name: str) -> float:
    """Seconds to insert the rows the import stored, with executemany in one transaction,
    into a fresh office database (same table, same PRAGMAs)."""
    from metodkab.sync.municipal import open_municipal

    source = sqlite3.connect(imported)
    rows = source.execute("SELECT * FROM records").fetchall()
    source.close()
    db = _fresh_office(template, folder, name)
    store = open_municipal(db, clock=_clock(), user="bench")
    try:
        marks = ", ".join("?" for _ in rows[0])
        conn = store.db.conn
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"INSERT INTO records VALUES ({marks})", rows)
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        store.close()


def bench_import(folder: Path) -> list[dict]:
    template, paths = make_packets(folder)
    first, again, raw = [], [], []
    rows = 0
    for run in range(RUNS):
        db = _fresh_office(template, folder, f"import-{run}")
        elapsed, rows = _import(db, paths)
        first.append(elapsed)
        again.append(_import(db, paths)[0])
        raw.append(_raw_executemany(db, template, folder, f"raw-{run}"))
    # best of RUNS: the machine may be shared, and interference only ever adds time
    t_first, t_again, t_raw = (min(x) for x in (first, again, raw))
    rate, raw_rate = rows / t_first, rows / t_raw
    return [
        {"name": f"import, {len(paths)} schools ({rows:,} rows)",
         "measured": f"{rate:,.0f} rows/s ({t_first:.2f} s)",
         "baseline": f"{raw_rate:,.0f} rows/s ({t_raw:.2f} s, raw executemany)",
         "ratio": rate / raw_rate, "goal": ">= 0.5", "passed": rate / raw_rate >= 0.5},
        {"name": f"re-import of the same {len(paths)} packets",
         "measured": f"{t_again:.3f} s", "baseline": f"{t_first:.2f} s (first import)",
         "ratio": t_again / t_first, "goal": "< 0.2", "passed": t_again / t_first < 0.2},
    ]


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="metodkab-bench-sync-") as tmp:
        folder = Path(tmp)
        return [bench_export(folder), *bench_import(folder)]


if __name__ == "__main__":
    for row in run():
        print(row)
