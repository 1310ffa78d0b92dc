"""The demo school and the stress generator (metodkab.demo)."""

import sqlite3

import pytest

from metodkab.cli import main
from metodkab.demo import build_demo
from metodkab.storage.alerts import collect_alerts
from metodkab.storage.db import open_store
from tests.conftest import TODAY


def _count(path, sql, *params):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def _table(path, name):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {name} ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, today=TODAY)
    return path


def test_demo_is_a_small_school(demo):
    active = _count(demo, "SELECT count(*) FROM staff WHERE deleted = 0 "
                          "AND (dismissal_date IS NULL OR dismissal_date > ?)", TODAY.isoformat())
    assert 25 <= active <= 32
    assert _count(demo, "SELECT count(*) FROM staff WHERE dismissal_date <= ?",
                  TODAY.isoformat()) == 1
    assert _count(demo, "SELECT count(*) FROM staff WHERE employment = 'внешний совместитель'") == 2
    assert _count(demo, "SELECT count(*) FROM staff WHERE management_team = 1") == 3
    assert _count(demo, "SELECT count(*) FROM school") == 1


def test_demo_has_the_promised_records(demo):
    assert _count(demo, "SELECT count(*) FROM mentorship") == 4
    assert _count(demo, "SELECT count(*) FROM mentorship_mentee") == 5
    # One pair in force still waits for its order (what Ctrl+W in Наставничество prints).
    assert _count(demo, "SELECT count(*) FROM mentorship WHERE order_number = '' "
                        "AND start_date <= ? AND planned_end >= ?",
                  TODAY.isoformat(), TODAY.isoformat()) == 1
    assert _count(demo, "SELECT count(*) FROM individual_route") == 2
    assert _count(demo, "SELECT count(*) FROM programme WHERE is_current = 1") == 1
    assert _count(demo, "SELECT count(*) FROM association") == 4
    assert _count(demo, "SELECT count(*) FROM activity_postponement") == 1
    assert _count(demo, "SELECT count(*) FROM training WHERE federal_register = 1 "
                        "AND by_diagnostics = 1") >= 7
    assert _count(demo, "SELECT count(*) FROM training_deficit") > 0


def test_demo_passes_check(demo, capsys):
    assert main(["--db", str(demo), "check"]) == 0
    assert "исправна" in capsys.readouterr().out


def test_demo_is_one_complete_file(demo):
    assert not demo.with_name(demo.name + "-wal").exists()
    assert not demo.with_name(demo.name + "-shm").exists()
    assert not list(demo.parent.glob(".*.tmp"))
    conn = sqlite3.connect(demo)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_demo_gives_the_dashboard_something_to_say(demo, clock):
    store = open_store(demo, clock=clock, exclusive=False)
    try:
        alerts = {a.key: a.count for a in collect_alerts(store, TODAY)}
    finally:
        store.close()
    assert alerts == {"overdue_training": 4, "category_expiring": 3, "category_undated": 0,
                      "young_unsupported": 2,
                      "mentorship_past_end": 1, "mentor_dismissed": 0, "route_steps_overdue": 1,
                      "activities_overdue": 1, "conformity_due": 5}


def test_same_seed_and_day_give_the_same_data(tmp_path):
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    build_demo(first, today=TODAY)
    build_demo(second, today=TODAY)
    for table in ("staff", "training", "staff_position", "mentorship", "audit_log"):
        assert _table(first, table) == _table(second, table), table
    other = tmp_path / "c.sqlite"
    build_demo(other, today=TODAY, seed=7)
    assert _table(first, "staff") != _table(other, "staff")


def test_build_replaces_the_target_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "demo.sqlite"
    path.write_bytes(b"old")
    build_demo(path, staff=5, today=TODAY)
    assert _count(path, "SELECT count(*) FROM staff") == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite"]


def test_stress_build_has_the_asked_number_of_staff(tmp_path):
    path = tmp_path / "stress.sqlite"
    build_demo(path, staff=300, today=TODAY)
    assert _count(path, "SELECT count(*) FROM staff") == 300
    trainings = _count(path, "SELECT count(*) FROM training")
    assert 600 <= trainings <= 1500
    assert _count(path, "SELECT count(*) FROM mentorship") > 0
    assert main(["--db", str(path), "check"]) == 0
