"""Interface benchmarks (issue 3), each against a baseline measured in the same run.

- start-up to the first interactive dashboard on the demo database, versus a bare
  Textual app that shows one label (goal: under 1.5x);
- search-as-you-type latency per keystroke in the 5,000-staff register, from the key
  press to the table filled with the result (goal: median under 50 ms), with the bare
  app's key press to Input.Changed as the baseline;
- peak memory (max RSS) of a session that opens the 5,000-staff register and searches
  (goal: under 150 MB), with the bare app's peak as the baseline.

Each measurement runs in a fresh subprocess so imports and memory are counted honestly.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

RUNS = 5

# Prepended to both scripts: the subprocess's own peak memory in MB.
PEAK = textwrap.dedent("""
    import resource

    def peak_mb():
        # This process's own peak: VmHWM of its memory map. ru_maxrss is not, on Linux:
        # it keeps the peak of the forked copy of the parent (the benchmark runner, which
        # holds the 5,000-staff data by then) across exec.
        try:
            with open("/proc/self/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
""")

BARE = PEAK + textwrap.dedent("""
    import asyncio, json, resource, sys, time
    t0 = time.perf_counter()
    from textual.app import App
    from textual.widgets import Input, Label

    changed = []

    class Bare(App):
        def compose(self):
            yield Label("Методический кабинет")
            yield Input(id="i")

        def on_input_changed(self, event):
            self.refresh()
            changed.append(time.perf_counter())

    async def main():
        app = Bare()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            ready = time.perf_counter() - t0
            app.query_one("#i").focus()
            lat = []
            for ch in "иванова":
                s = time.perf_counter()
                await pilot.press(ch)
                await pilot.pause()
                lat.append(changed[-1] - s)
        rss = peak_mb()
        print(json.dumps({"startup": ready, "keys": lat, "rss_mb": rss}))
    asyncio.run(main())
""")

APP = PEAK + textwrap.dedent("""
    import asyncio, json, resource, shutil, sys, time, datetime as dt
    t0 = time.perf_counter()
    from metodkab.app import make_app
    from metodkab.clock import Clock
    from metodkab.screens import staff

    filled = []
    _fill = staff.StaffListScreen._fill

    def timed_fill(self):
        _fill(self)
        filled.append(time.perf_counter())

    staff.StaffListScreen._fill = timed_fill

    async def main():
        db, mode = sys.argv[1], sys.argv[2]
        app = make_app(db, clock=Clock(dt.date(2026, 11, 23)), blink=False, user="bench")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            ready = time.perf_counter() - t0
            lat = []
            if mode == "search":
                await pilot.press("f2")
                await app.workers.wait_for_complete()
                await pilot.pause()
                for ch in "иванова":
                    s = time.perf_counter()
                    await pilot.press(ch)
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                    lat.append(filled[-1] - s)   # key pressed -> the table shows the result
                assert app.screen.query_one("#staff-table").row_count >= 0
        rss = peak_mb()
        print(json.dumps({"startup": ready, "keys": lat, "rss_mb": rss}))
    asyncio.run(main())
""")


def _run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _copy(src: Path, folder: Path, name: str) -> Path:
    import shutil

    dst = folder / name
    shutil.copyfile(src, dst)
    return dst


def _compile_package() -> None:
    """Byte-compile our package, as pip does on a real install: an editable install on a
    machine with PYTHONDONTWRITEBYTECODE set would otherwise recompile every module at
    each start, while Textual (the baseline) starts from its installed .pyc files."""
    import compileall

    import metodkab

    compileall.compile_dir(Path(metodkab.__file__).parent, quiet=1)


def run() -> list[dict]:
    from metodkab.demo import build_demo

    _compile_package()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = folder / "demo-template.sqlite"
        build_demo(demo)
        stress = folder / "stress-template.sqlite"
        build_demo(stress, staff=5000)

        bare, app_start = [], []
        for i in range(RUNS):
            bare.append(_run(BARE))
            app_start.append(_run(APP, str(_copy(demo, folder, f"d{i}.sqlite")), "start"))
        b = statistics.median(r["startup"] for r in bare)
        a = statistics.median(r["startup"] for r in app_start)
        results.append({"name": "start-up to dashboard (demo)", "measured": f"{a:.3f} s",
                        "baseline": f"{b:.3f} s (bare Textual app)", "ratio": a / b,
                        "goal": "< 1.5x", "passed": a / b < 1.5})

        search = [_run(APP, str(_copy(stress, folder, f"s{i}.sqlite")), "search")
                  for i in range(3)]
        keys = [k for r in search for k in r["keys"]]
        bare_keys = [k for r in bare for k in r["keys"]]
        med = statistics.median(keys) * 1000
        bmed = statistics.median(bare_keys) * 1000
        results.append({"name": "search keystroke, 5,000 staff (median)",
                        "measured": f"{med:.1f} ms", "baseline": f"{bmed:.1f} ms (bare Input)",
                        "ratio": med / bmed if bmed else float("nan"), "goal": "< 50 ms",
                        "passed": med < 50})

        rss = max(r["rss_mb"] for r in search)
        brss = max(r["rss_mb"] for r in bare)
        results.append({"name": "peak memory, 5,000-staff register + search",
                        "measured": f"{rss:.0f} MB", "baseline": f"{brss:.0f} MB (bare app)",
                        "ratio": rss / brss, "goal": "< 150 MB", "passed": rss < 150})
    return results


if __name__ == "__main__":
    for row in run():
        print(row)
