"""The office at scale (issue 20): 300 and 1,000 generated schools of 40 staff.

For each size, against a baseline measured in the same run:

- import of one full packet from every school into a fresh office database, against a
  raw ``executemany`` of the rows it stored (as bench_sync);
- the consolidated report (every school's figures by its own rules, the workbook and the
  analytical note), in a subprocess of its own for its peak memory (``VmHWM``), against
  a subprocess that only reads and decodes every record of the office (goal at 1,000
  schools: under 20 s and 500 MB);
- F8 opening on the matrix through the app (``run_test``) with the schools' figures
  already computed (the app keeps them until a school's data change): the time to the
  matrix on screen (the total and a screenful of schools; the rest are added in batches
  while the screen answers keys) and to every row, against a bare DataTable filled with
  the same rows and columns (goal: on screen under 1 s at 1,000 schools).

Run with ``python -m benchmarks office`` (sizes: ``METODKAB_BENCH_SCHOOLS=300,1000``).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_sync import TODAY, _clock, _fresh_office, _import, _raw_executemany, make_packets

SIZES = tuple(int(n) for n in os.environ.get("METODKAB_BENCH_SCHOOLS", "300,1000").split(","))

REPORT = """
import sys, time
from pathlib import Path
from metodkab.clock import Clock
import datetime as dt
day = dt.date.fromisoformat(sys.argv[3])
from metodkab.sync.municipal import open_municipal
store = open_municipal(Path(sys.argv[1]), clock=Clock(day), exclusive=False)
start = time.perf_counter()
if sys.argv[4] == "report":
    from metodkab.sync.consolidated import consolidate
    from metodkab.sync.consolidated_files import write_report
    write_report(consolidate(store, day), Path(sys.argv[2]))
else:                               # the baseline: read and decode every record
    import json
    for (text,) in store.db.conn.execute("SELECT data FROM records"):
        json.loads(text)
elapsed = time.perf_counter() - start
peak = 0
with open("/proc/self/status") as fh:
    for line in fh:
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) // 1024
print(elapsed, peak)
"""


def _child(db: Path, out: Path, what: str) -> tuple[float, int]:
    result = subprocess.run([sys.executable, "-c", REPORT, str(db), str(out),
                             TODAY.isoformat(), what], capture_output=True, text=True,
                            check=True)
    elapsed, peak = result.stdout.split()
    return float(elapsed), int(peak)


async def _open_f8(db: Path) -> tuple[float, float]:
    """Seconds from F8 to the matrix painted with the total and a screenful of schools
    (the screen adds the next rows only after that paint), and to every school's row;
    the figures already in the app's cache."""
    from metodkab.screens import office_matrix
    from metodkab.screens.exchange_municipal import make_municipal_app
    from metodkab.sync.consolidated import consolidate

    painted: list[float] = []
    add_rows = office_matrix.MatrixScreen._add_rows

    def spy(screen, generation: int, start: int) -> None:
        if start and not painted:
            painted.append(time.perf_counter())
        add_rows(screen, generation, start)

    office_matrix.MatrixScreen._add_rows = spy
    app = make_municipal_app(db, clock=_clock(), blink=False, user="bench")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            app.store.run(lambda store: consolidate(store, TODAY, cache=app.figures_cache))
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("f8")
            while not (isinstance(app.screen, office_matrix.MatrixScreen)
                       and app.screen.report is not None):
                await asyncio.sleep(0.002)
            table = app.screen.query_one("#mx-table")
            while table.row_count < len(app.screen.report.schools) + 1:
                await asyncio.sleep(0.005)
            done = time.perf_counter()
            return (painted[0] if painted else done) - start, done - start
    finally:
        office_matrix.MatrixScreen._add_rows = add_rows


async def _bare_table(rows: int, columns: int) -> float:
    from textual.app import App
    from textual.widgets import DataTable

    class Bare(App):
        def compose(self):
            yield DataTable()

    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        start = time.perf_counter()
        table = app.query_one(DataTable)
        for c in range(columns):
            table.add_column(f"c{c}", width=9)
        for r in range(rows):
            table.add_row(*(f"{r},{c}" for c in range(columns)))
        await pilot.pause()
        return time.perf_counter() - start


def bench_size(folder: Path, schools: int) -> list[dict]:
    template, paths = make_packets(folder, schools=schools)
    db = _fresh_office(template, folder, f"import-{schools}")
    t_import, rows = _import(db, paths)
    t_raw = _raw_executemany(db, template, folder, f"raw-{schools}")
    out = folder / f"report-{schools}"
    out.mkdir()
    t_report, peak = _child(db, out, "report")
    t_read, peak_read = _child(db, out, "read")
    t_f8, t_rows = asyncio.run(_open_f8(db))
    from metodkab.reports.indicators import INDICATORS

    t_bare = asyncio.run(_bare_table(schools + 1, len(INDICATORS) + 2))
    big = schools >= 1000
    return [
        {"name": f"import, {schools} schools ({rows:,} rows)",
         "measured": f"{t_import:.2f} s", "baseline": f"{t_raw:.2f} s (raw executemany)",
         "ratio": t_raw / t_import, "goal": "for information", "passed": True},
        {"name": f"consolidated workbook and note, {schools} schools",
         "measured": f"{t_report:.1f} s, {peak} MB peak",
         "baseline": f"{t_read:.2f} s, {peak_read} MB (read and decode every record)",
         "ratio": t_report / t_read if t_read else float("nan"),
         "goal": "< 20 s and < 500 MB" if big else "for information",
         "passed": (t_report < 20 and peak < 500) if big else True},
        {"name": f"F8 matrix opens, {schools} schools (figures computed)",
         "measured": f"{t_f8:.2f} s (every row: {t_rows:.2f} s)",
         "baseline": f"{t_bare:.2f} s (bare DataTable, every row)",
         "ratio": t_rows / t_bare if t_bare else float("nan"),
         "goal": "< 1 s" if big else "for information", "passed": t_f8 < 1 if big else True},
    ]


def run() -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory(prefix="metodkab-bench-office-") as tmp:
        for schools in SIZES:
            folder = Path(tmp) / str(schools)
            folder.mkdir()
            results += bench_size(folder, schools)
    return results


if __name__ == "__main__":
    for row in run():
        print(row)
