"""Журнал изменений on a fresh database: a record's history field by field (old → new, as
the user reads the values), after a soft delete too; the whole journal filtered by date,
user and section; reading never writes."""

import datetime as dt

import pytest

from metodkab.clock import Clock
from metodkab.domain.models import Achievement, Mentorship, Staff, Training
from metodkab.storage import journal as sj
from metodkab.storage import repo
from metodkab.storage.db import open_memory
from metodkab.storage.journal import JournalQuery

D = dt.date


def audit_rows(store) -> list[tuple]:
    return store.db.conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall()


@pytest.fixture
def school():
    clock = Clock(D(2026, 11, 20))
    store = open_memory(clock=clock, user="Морозова")
    person = repo.create(store, Staff(last_name="Ёлкина", first_name="Ирина",
                                      positions=["учитель"], hire_date=D(2010, 9, 1)))
    mentor = repo.create(store, Staff(last_name="Громова", first_name="Анна",
                                      positions=["учитель"]))
    store.clock = Clock(D(2026, 11, 22))
    store.user = "Соколов"
    staff = repo.get(store, Staff, person)
    repo.update(store, staff.model_copy(update={"hire_date": D(2011, 9, 1),
                                                "positions": ["учитель", "методист"],
                                                "management_team": True}))
    course = repo.create(store, Training(staff_id=person, title="ФГ", hours=36,
                                         end_date=D(2026, 5, 20)))
    pair = repo.create(store, Mentorship(mentor_id=mentor, mentee_ids=[person], form="x",
                                         start_date=D(2026, 9, 1), planned_end=D(2027, 5, 31)))
    yield store, clock, {"person": person, "mentor": mentor, "course": course, "pair": pair}
    store.db.close()


def test_history_field_by_field_old_to_new(school):
    store, _, ids = school
    history = sj.load_history(store, ids["person"])
    assert history.table == "staff" and history.section == "Сотрудники"
    assert history.label == "Ёлкина Ирина" and not history.deleted
    created, changed = history.entries
    assert (created.action, created.user, created.at.date()) == ("insert", "Морозова",
                                                                 D(2026, 11, 20))
    assert ("Дата приёма", "", "01.09.2010") in [(c.field, c.old, c.new) for c in created.changes]
    assert all(c.field != "name_norm" for c in created.changes)
    assert changed.user == "Соколов"
    assert {(c.field, c.old, c.new) for c in changed.changes} == {
        ("Дата приёма", "01.09.2010", "01.09.2011"),
        ("Управленческая команда", "нет", "да"),
        ("Должности", "учитель", "учитель, методист"),
    }
    pair = sj.load_history(store, ids["pair"])
    assert pair.table == "mentorship"
    fields = {c.field: c.new for c in pair.entries[0].changes}
    assert fields["Наставник"] == "Громова Анна"
    assert fields["Наставляемые"] == "Ёлкина Ирина"


def test_reading_never_writes_and_history_survives_soft_delete(school):
    store, _, ids = school
    before = audit_rows(store)
    sj.load_history(store, ids["course"])
    sj.list_journal(store, JournalQuery())
    sj.count_journal(store, JournalQuery(user="Соколов"))
    assert audit_rows(store) == before
    repo.soft_delete(store, Training, ids["course"])
    history = sj.load_history(store, ids["course"])
    assert history.deleted and history.label == "ФГ · Ёлкина Ирина"
    assert [e.action for e in history.entries] == ["insert", "delete"]


def test_find_table_and_records_without_history(school):
    store, _, ids = school
    assert sj.find_table(store, ids["course"]) == "training"
    assert sj.find_table(store, "group:federal") is None
    assert sj.find_table(store, "00000000-0000-4000-8000-000000000000") is None
    # records of a bulk load without history (a sync sample) have one line per table
    [made] = repo.insert_many(store, [Achievement(staff_id=ids["person"], kind="публикация",
                                                  level="школьный", date=D(2026, 1, 1),
                                                  title="Статья")])
    assert sj.load_history(store, made).entries == []


def test_journal_filters_by_date_user_and_section(school):
    store, _, ids = school
    everything = sj.list_journal(store, JournalQuery())
    assert sj.count_journal(store, JournalQuery()) == len(everything) == 5
    assert everything[0].table == "mentorship"                     # newest first
    assert [r.user for r in sj.list_journal(store, JournalQuery(user="Морозова"))] == [
        "Морозова", "Морозова"]
    first_day = sj.list_journal(store, JournalQuery(date_to=D(2026, 11, 20)))
    assert {r.label for r in first_day} == {"Ёлкина Ирина", "Громова Анна"}
    later = sj.list_journal(store, JournalQuery(date_from=D(2026, 11, 21)))
    assert len(later) == 3
    courses = sj.list_journal(store, JournalQuery(section="training"))
    assert [(r.what, r.label, r.action) for r in courses] == [
        ("Повышение квалификации", "ФГ · Ёлкина Ирина", "insert")]
    update = next(r for r in everything if r.action == "update")
    assert update.summary == "Дата приёма, Управленческая команда, Должности"
    assert sj.journal_users(store) == ["Морозова", "Соколов"]
    assert len(sj.list_journal(store, JournalQuery(limit=2, offset=4))) == 1
