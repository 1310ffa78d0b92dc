"""Crash test: the import process is killed at random points; the office's database
passes integrity_check and holds either all of the packet or none of it.

Each run forks a child (cheap: everything is already imported) that imports one packet
into a fresh copy of the office's database. Half the runs kill the child with SIGKILL
after a random delay (this reaches the commit itself); the other half make the child
SIGKILL itself from SQLite's progress handler after a random number of VM steps, which
spreads the kills evenly over every statement of the import.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time

import pytest

from metodkab.sync.municipal import import_packets, open_municipal
from metodkab.sync.school import export_packet
from tests.unit.test_sync_support import CLOCK, make_exchange

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")

RUNS_EACH = 30
STEP = 100                      # progress handler granularity, in SQLite VM instructions


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    ex = make_exchange(tmp_path_factory.mktemp("crash") / "x", staff=10)
    school = ex.school_store()
    try:
        result = export_packet(school, ex.out)
    finally:
        school.close()
    return ex, result.path, result.manifest.rows


def _child(folder, packet_path, kill_after_steps: int | None) -> None:
    """The import, in a forked child; never returns."""
    code = 1
    try:
        store = open_municipal(folder / "muni.sqlite", clock=CLOCK, user="crash")
        if kill_after_steps is not None:
            steps = [0]

            def tick() -> int:
                steps[0] += 1
                if steps[0] >= kill_after_steps:
                    os.kill(os.getpid(), signal.SIGKILL)
                return 0

            store.db.conn.set_progress_handler(tick, STEP)
        import_packets(store, [packet_path], trusted=True)
        store.close()
        code = 0
    finally:
        os._exit(code)


def _fresh(ex, folder):
    folder.mkdir()
    shutil.copy(ex.muni, folder / "muni.sqlite")
    shutil.copy(ex.muni.with_name("muni.office-key"), folder / "muni.office-key")
    return folder


def _state(folder, rows: int) -> str:
    conn = sqlite3.connect(folder / "muni.sqlite")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        packets = conn.execute("SELECT count(*) FROM packets").fetchone()[0]
        records = conn.execute("SELECT count(*) FROM records").fetchone()[0]
        keys = conn.execute("SELECT count(*) FROM school_keys").fetchone()[0]
    finally:
        conn.close()
    if packets == 1:
        assert (records, keys) == (rows, 1)
        return "all"
    assert (packets, records, keys) == (0, 0, 0)
    return "none"


def _measure(ex, packet_path, tmp_path) -> tuple[int, float]:
    """VM steps and wall time of one complete import in a child."""
    folder = _fresh(ex, tmp_path / "measure")
    store = open_municipal(folder / "muni.sqlite", clock=CLOCK)
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    store.db.conn.set_progress_handler(tick, STEP)
    import_packets(store, [packet_path], trusted=True)
    store.close()
    shutil.rmtree(folder)
    folder = _fresh(ex, tmp_path / "timing")
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        _child(folder, packet_path, None)
    os.waitpid(pid, 0)
    return steps[0], time.perf_counter() - start


def test_killed_import_leaves_all_or_nothing(prepared, tmp_path):
    ex, packet_path, rows = prepared
    total_steps, duration = _measure(ex, packet_path, tmp_path)
    assert total_steps > 10
    rng = random.Random(8)
    by_steps: list[str] = []
    for run in range(RUNS_EACH):
        folder = _fresh(ex, tmp_path / f"s{run}")
        target = rng.randint(1, int(total_steps * 1.15) + 1)
        pid = os.fork()
        if pid == 0:
            _child(folder, packet_path, target)
        os.waitpid(pid, 0)
        by_steps.append(_state(folder, rows))
        shutil.rmtree(folder)
    by_time: list[str] = []
    for run in range(RUNS_EACH):
        folder = _fresh(ex, tmp_path / f"t{run}")
        delay = rng.uniform(0, duration * 1.2)
        pid = os.fork()
        if pid == 0:
            _child(folder, packet_path, None)
        time.sleep(delay)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        by_time.append(_state(folder, rows))
        shutil.rmtree(folder)
    # kills before the last step leave nothing; runs past it apply the whole packet
    assert set(by_steps) == {"all", "none"}
    print("crash outcomes by steps", by_steps.count("all"), "all /", by_steps.count("none"),
          "none; by time", by_time.count("all"), "all /", by_time.count("none"), "none;",
          f"steps {total_steps}, child {duration * 1000:.0f} ms")
