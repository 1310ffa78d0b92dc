"""All indicators of the 5,000-staff stress database, against a plain count in the same run.

- measured: what the Показатели screen does on opening (``storage.indicators.load_report``):
  the facts read in a few queries (``load_data``) and every indicator, distribution and
  the programme breakdown computed (``reports.indicators.compute_all``);
- baseline: ``SELECT count(*) FROM staff WHERE deleted = 0`` on the same connection, the
  smallest query the screen could possibly make.

The database is built once with ``build_demo(path, staff=5000)`` (as ``stress_db`` does)
and opened the way the app opens it. Both sides run a few times, alternating, after one
warm-up each (SQLite's page cache and Python's imports); the medians are compared.
Goal: all indicators in under 1 s. The ratio to the count is reported for information:
it says how far the figures are from the cost of touching the staff table at all.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

STAFF = 5000
RUNS = 5
GOAL_S = 1.0
TODAY = dt.date(2026, 11, 23)


def _timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def _count(store) -> int:
    return store.db.conn.execute("SELECT count(*) FROM staff WHERE deleted = 0").fetchone()[0]


def run() -> list[dict]:
    from metodkab.clock import Clock
    from metodkab.demo import build_demo
    from metodkab.storage.db import open_store
    from metodkab.storage.indicators import load_report

    with tempfile.TemporaryDirectory(prefix="metodkab-bench-indicators-") as tmp:
        path = Path(tmp) / "stress.sqlite"
        build_demo(path, staff=STAFF, today=TODAY)
        store = open_store(path, clock=Clock(TODAY), exclusive=False)
        try:
            report = load_report(store, TODAY)          # warm-up, and the figures' count
            staff = _count(store)
            measured, baseline = [], []
            for _ in range(RUNS):
                measured.append(_timed(load_report, store, TODAY))
                baseline.append(_timed(_count, store))
        finally:
            store.close()
    m, b = statistics.median(measured), statistics.median(baseline)
    return [{"name": f"indicators, {staff:,} staff ({len(report.results)} figures)",
             "measured": f"{m:.3f} s (load_report)",
             "baseline": f"{b * 1000:.2f} ms (SELECT count(*))",
             "ratio": m / b if b else float("nan"), "goal": f"< {GOAL_S:g} s",
             "passed": m < GOAL_S}]


if __name__ == "__main__":
    for result in run():
        print(result)
