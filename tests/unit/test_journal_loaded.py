"""Records loaded in bulk have a history: the staff-list import and the demo write, in the
load's own transaction, one journal line per record — where it came from, when, who, and
its values as loaded; the whole journal lists the load by its lines per table."""

import datetime as dt

import pytest

from metodkab.clock import Clock
from metodkab.domain.models import Staff
from metodkab.importing import mapping as m
from metodkab.importing.plan import apply_plan, build_plan
from metodkab.importing.reader import read_table
from metodkab.storage import journal as sj
from metodkab.storage import repo
from metodkab.storage.db import open_memory, open_store
from metodkab.storage.journal import JournalQuery
from tests.data import make_import_samples as samples

D = dt.date


@pytest.fixture
def store():
    store = open_memory(clock=Clock(D(2026, 11, 20)), user="Морозова Е. Н.")
    yield store
    store.db.close()


def imported(store) -> None:
    sheet = read_table(samples.STAFF_XLSX, score=m.header_score(m.STAFF))
    plan = build_plan(store, sheet, m.guess_mapping(sheet.headers, m.STAFF), m.STAFF)
    apply_plan(store, plan, source="кадры 2026.xlsx")


def test_an_imported_person_shows_where_it_came_from(store):
    imported(store)
    [person] = repo.find(store, Staff, "last_name = ?", ["Иванова"])
    [loaded] = sj.load_history(store, person.id).entries
    assert (loaded.note, loaded.user, loaded.at) == (
        "загружено из списка кадры 2026.xlsx", "Морозова Е. Н.", dt.datetime(2026, 11, 20, 12))
    shown = {c.field: c.new for c in loaded.changes}
    assert shown["Фамилия"] == "Иванова" and shown["Дата рождения"] == "14.03.1980"
    assert shown["Должности"] == "учитель"
    assert "name_norm" not in shown and "_loaded" not in shown
    # a course the list gave the person: its own line, the person named
    course = store.db.conn.execute("SELECT id FROM training WHERE staff_id = ? AND hours = 72",
                                   (person.id,)).fetchone()[0]
    [line] = sj.load_history(store, course).entries
    assert line.note == "загружено из списка кадры 2026.xlsx"
    assert ("Сотрудник", "Иванова Анна Петровна") in [(c.field, c.new) for c in line.changes]


def test_an_edit_after_the_import_follows_the_loaded_values(store):
    imported(store)
    [person] = repo.find(store, Staff, "last_name = ?", ["Иванова"])
    store.clock, store.user = Clock(D(2026, 11, 22)), "Соколов"
    repo.update(store, person.model_copy(update={"first_name": "Анастасия"}))
    loaded, changed = sj.load_history(store, person.id).entries
    assert loaded.note and not changed.note and changed.user == "Соколов"
    assert [(c.field, c.old, c.new) for c in changed.changes] == [
        ("Имя", "Анна", "Анастасия")]


def test_the_whole_journal_lists_the_load_once_per_table(store):
    imported(store)
    rows = sj.list_journal(store, JournalQuery())
    assert sj.count_journal(store, JournalQuery()) == len(rows)
    assert all(r.record_id == "*" for r in rows)         # no line per loaded record
    staff = next(r for r in rows if r.table == "staff")
    assert (staff.action, staff.label, staff.summary, staff.user) == (
        "load", "загружено из списка кадры 2026.xlsx", "строк: 4", "Морозова Е. Н.")
    people = sj.list_journal(store, JournalQuery(section="staff"))
    assert {r.table for r in people} == {"staff", "staff_position", "staff_subject"}


def test_the_import_and_its_journal_are_one_transaction(store, monkeypatch):
    sheet = read_table(samples.STAFF_XLSX, score=m.header_score(m.STAFF))
    plan = build_plan(store, sheet, m.guess_mapping(sheet.headers, m.STAFF), m.STAFF)
    real = repo.insert_many
    calls = []

    def failing(*args, **kwargs):                # the second batch (courses…) fails
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(repo, "insert_many", failing)
    with pytest.raises(RuntimeError):
        apply_plan(store, plan)
    assert store.db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0
    assert repo.count(store, "staff") == 0


def test_demo_records_are_marked_as_demonstration_data(tmp_path):
    from metodkab.demo import build_demo

    path = tmp_path / "demo.sqlite"
    build_demo(path, today=D(2026, 11, 23))
    store = open_store(path, exclusive=False)
    try:
        [person] = repo.find(store, Staff, "last_name = ?", ["Морозова"])[:1]
        [loaded] = sj.load_history(store, person.id).entries
        assert (loaded.note, loaded.at) == ("демонстрационные данные",
                                            dt.datetime(2026, 11, 23, 12))
        assert loaded.user == ""                 # nobody typed them: no name made up
        without = store.db.conn.execute(
            "SELECT count(*) FROM staff WHERE id NOT IN (SELECT record_id FROM audit_log)")
        assert without.fetchone()[0] == 0
    finally:
        store.close()


def test_a_clock_may_freeze_the_day_not_the_journal_time():
    frozen = Clock(D(2001, 2, 3))
    assert frozen.stamp() == frozen.now() == dt.datetime(2001, 2, 3, 12)   # tests: all frozen
    day_only = Clock(D(2001, 2, 3), wall_time=True)      # --today, a demo built now
    assert day_only.today() == D(2001, 2, 3) and day_only.now() == dt.datetime(2001, 2, 3, 12)
    assert day_only.stamp().year > 2001


def test_a_restored_copy_says_so_in_its_journal(tmp_path, monkeypatch):
    from metodkab.cli import main
    from metodkab.storage.backup import list_backups
    from metodkab.storage.settings import set_settings

    path = tmp_path / "school.sqlite"
    store = open_store(path, clock=Clock(D(2026, 11, 20)), user="Морозова Е. Н.")
    set_settings(store, {"user_name": "Морозова Е. Н."})
    repo.create(store, Staff(last_name="Иванова", first_name="Анна", positions=["учитель"]))
    store.close()
    assert main(["--db", str(path), "--today", "23.11.2026", "backup"]) == 0
    [copy] = list_backups(path)
    monkeypatch.setattr("getpass.getuser", lambda: "teacher")
    assert main(["--db", str(path), "--today", "24.11.2026", "restore", str(copy)]) == 0
    store = open_store(path, exclusive=False)
    try:
        newest = sj.list_journal(store, JournalQuery())[0]
        assert (newest.what, newest.label, newest.action, newest.user) == (
            "Резервная копия", f"восстановлено из копии {copy.name}", "restore",
            "Морозова Е. Н.")
        # --today freezes the day, not the journal's time: never a made-up «12:00»
        assert newest.at != dt.datetime(2026, 11, 24, 12)
        assert abs(dt.datetime.now() - newest.at) < dt.timedelta(hours=1)
        assert sj.list_journal(store, JournalQuery(section="service"))[0] == newest
        [person] = repo.find(store, Staff)       # its own history came with the copy
        assert [e.action for e in sj.load_history(store, person.id).entries] == ["insert"]
    finally:
        store.close()


def test_a_second_list_that_fills_in_a_person_says_so(store):
    imported(store)                              # Иванова from the first list…
    store.clock = Clock(D(2026, 11, 21))
    sheet = read_table(samples.STAFF_CSV, score=m.header_score(m.STAFF))
    apply_plan(store, build_plan(store, sheet, m.guess_mapping(sheet.headers, m.STAFF),
                                 m.STAFF), source="с сайта.csv")   # …education from the second
    [person] = repo.find(store, Staff, "last_name = ?", ["Иванова"])
    loaded, filled = sj.load_history(store, person.id).entries
    assert (filled.action, filled.note) == ("update", "загружено из списка с сайта.csv")
    assert ("Педагогическое образование", "нет", "да") in [
        (c.field, c.old, c.new) for c in filled.changes]
    update = next(r for r in sj.list_journal(store, JournalQuery()) if r.action == "update")
    assert update.record_id == person.id          # an update stays a line of the journal
