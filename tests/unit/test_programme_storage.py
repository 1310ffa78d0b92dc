"""Programme storage: the current programme, postponements, copying a year, indicators."""

import datetime as dt

import pytest

from metodkab.domain.models import (Mentorship, Programme, ProgrammeActivity, ProgrammeTask,
                                    Staff, TargetIndicator, Training)
from metodkab.storage import programme as ps
from metodkab.storage import repo
from metodkab.storage.errors import StorageError

D = dt.date(2026, 11, 23)


def person(store, last, **kw):
    return repo.create(store, Staff(last_name=last, first_name="Анна", middle_name="Петровна",
                                    positions=["учитель"], **kw))


@pytest.fixture
def prog(fresh_db):
    """A programme with two tasks and four activities; two people."""
    store = fresh_db
    pid = ps.save_programme(store, Programme(title="Программа", year_from=2025, year_to=2028,
                                             goal="Цель"))
    t1 = ps.save_task(store, ProgrammeTask(programme_id=pid, number=1, title="Кадры"))
    t2 = ps.save_task(store, ProgrammeTask(programme_id=pid, number=2, title="Опыт"))
    ivanova = person(store, "Иванова")
    petrov = person(store, "Петрова")
    acts = {}
    for key, task, title, deadline, extra in (
        ("seminar", t1, "Семинар", dt.date(2025, 10, 15), {"direction": "ФГОС",
                                                          "responsible_ids": [ivanova]}),
        ("week", t1, "Неделя математики", dt.date(2025, 12, 10),
         {"start_date": dt.date(2025, 12, 1), "responsible_ids": [ivanova, petrov]}),
        ("lesson", t2, "Открытый урок", dt.date(2026, 11, 30), {"responsible_ids": [petrov]}),
        ("old", t2, "Конференция", dt.date(2026, 3, 1), {}),
    ):
        acts[key] = ps.save_activity(store, ProgrammeActivity(task_id=task, title=title,
                                                              deadline=deadline, **extra))
    return store, pid, (t1, t2), (ivanova, petrov), acts


def test_first_programme_is_current_and_only_one_stays_current(fresh_db):
    first = ps.save_programme(fresh_db, Programme(title="Старая", year_from=2021, year_to=2024))
    assert ps.get_programme(fresh_db, first).is_current
    second = ps.save_programme(fresh_db, Programme(title="Новая", year_from=2025, year_to=2028,
                                                   is_current=True))
    assert [(p.title, p.is_current) for p in ps.list_programmes(fresh_db)] == [
        ("Новая", True), ("Старая", False)]
    ps.make_current(fresh_db, first)
    assert ps.current_programme_id(fresh_db) == first
    ps.delete_programme(fresh_db, first)
    assert ps.current_programme_id(fresh_db) == second
    assert ps.get_programme(fresh_db, second).is_current


def test_outline_rows(prog):
    store, pid, (t1, t2), (ivanova, petrov), acts = prog
    assert [(t.number, t.title) for t in ps.list_tasks(store, pid)] == [(1, "Кадры"), (2, "Опыт")]
    rows = ps.list_activities(store, pid)
    assert [a.title for a in rows] == ["Семинар", "Неделя математики", "Конференция",
                                       "Открытый урок"]
    week = rows[1]
    assert week.responsible == ("Иванова А. П.", "Петрова А. П.")
    assert week.responsible_ids == (ivanova, petrov)
    assert ps.next_task_number(store, pid) == 3
    assert ps.task_choices(store, pid)[0] == (t1, "1. Кадры")


def test_moving_a_deadline_logs_it_and_marks_it_postponed(prog):
    store, pid, _, _, acts = prog
    ps.postpone(store, acts["lesson"], dt.date(2026, 12, 20), "болезнь учителя")
    row = ps.get_activity_row(store, acts["lesson"])
    assert (row.deadline, row.status, row.postponed) == (dt.date(2026, 12, 20), "перенесено", 1)
    history = ps.postponements(store, acts["lesson"])
    assert [(h.old_deadline, h.new_deadline, h.reason, h.changed_on) for h in history] == [
        (dt.date(2026, 11, 30), dt.date(2026, 12, 20), "болезнь учителя", D)]
    # Moving through the form works the same way; moving earlier keeps the status.
    activity = repo.get(store, ProgrammeActivity, acts["lesson"])
    ps.save_activity(store, activity.model_copy(update={"deadline": dt.date(2026, 12, 10)}),
                     "перенесли раньше")
    assert len(ps.postponements(store, acts["lesson"])) == 2
    # The same date again changes nothing; before the start date is refused.
    ps.postpone(store, acts["lesson"], dt.date(2026, 12, 10), "")
    assert len(ps.postponements(store, acts["lesson"])) == 2
    with pytest.raises(StorageError):
        ps.postpone(store, acts["week"], dt.date(2025, 11, 1), "")


def test_complete_and_reopen(prog):
    store, _, _, _, acts = prog
    ps.complete(store, acts["seminar"], dt.date(2025, 10, 14))
    row = ps.get_activity_row(store, acts["seminar"])
    assert (row.status, row.done_date) == ("выполнено", dt.date(2025, 10, 14))
    ps.reopen(store, acts["seminar"])
    row = ps.get_activity_row(store, acts["seminar"])
    assert (row.status, row.done_date) == ("в работе", None)


def test_delete_task_takes_its_activities(prog):
    store, pid, (t1, _), _, acts = prog
    ps.postpone(store, acts["seminar"], dt.date(2025, 11, 1), "")
    assert ps.task_activity_count(store, t1) == 2
    assert ps.delete_task(store, t1) == 2
    assert [a.title for a in ps.list_activities(store, pid)] == ["Конференция", "Открытый урок"]
    assert repo.count(store, "activity_postponement") == 0
    assert repo.count(store, "activity_responsible", "activity_id = ?", (acts["week"],)) == 0


def test_view_agenda_people_progress(prog):
    store, pid, _, (ivanova, petrov), acts = prog
    ps.complete(store, acts["seminar"], dt.date(2025, 10, 14))
    view = ps.load_view(store, None, total_label="Всего", nobody="никто")
    assert view.programme.id == pid and view.day == D
    assert [(i.bucket, i.activity.title) for i in view.agenda] == [
        ("overdue", "Неделя математики"), ("overdue", "Конференция"),
        ("this_month", "Открытый урок")]
    assert [(p.name, p.open, p.total) for p in view.people] == [
        ("Иванова А. П.", 1, 2), ("Петрова А. П.", 2, 2)]
    total = view.progress.total
    assert (total.total, total.due, total.done, total.overdue, total.percent) == (4, 3, 1, 2, 33)
    assert [(p.label, p.done, p.due) for p in view.progress.by_task] == [
        ("1. Кадры", 1, 2), ("2. Опыт", 0, 1)]
    assert [p.label for p in view.progress.by_person] == ["Иванова А. П.", "Петрова А. П.",
                                                          "никто"]
    assert [a.title for a in ps.activities_of(store, pid, ivanova)] == ["Семинар",
                                                                        "Неделя математики"]


def test_copy_a_year_forward(prog):
    store, pid, _, (ivanova, petrov), acts = prog
    ps.complete(store, acts["seminar"], dt.date(2025, 10, 14))
    repo.update(store, repo.get(store, Staff, petrov).model_copy(
        update={"dismissal_date": dt.date(2026, 6, 30)}))
    assert ps.activity_years(store, pid) == [2025, 2026]
    candidates = ps.copy_candidates(store, pid, 2025)
    assert [(c.activity.title, c.new_deadline, c.exists) for c in candidates] == [
        ("Семинар", dt.date(2026, 10, 15), False),
        ("Неделя математики", dt.date(2026, 12, 10), False)]
    new = ps.copy_activities(store, [c.activity.id for c in candidates])
    copies = [ps.get_activity_row(store, i) for i in new]
    assert [(c.status, c.done_date, c.start_date) for c in copies] == [
        ("запланировано", None, None), ("запланировано", None, dt.date(2026, 12, 1))]
    assert copies[1].responsible_ids == (ivanova,)        # the dismissed one is left out
    assert all(c.exists for c in ps.copy_candidates(store, pid, 2025))


def test_indicator_targets_and_manual_actuals(prog):
    store, pid, *_ = prog
    programme = ps.get_programme(store, pid)
    iid = ps.save_indicator(store, TargetIndicator(programme_id=pid, name="Открытые уроки",
                                                   unit="ед.", baseline=4),
                            {2025: 5, 2026: 6, 2027: None}, {2025: 5, 2026: None})
    assert ps.indicator_values(store, iid) == {2025: (5, 5), 2026: (6, None)}
    indicator = repo.get(store, TargetIndicator, iid)
    ps.save_indicator(store, indicator, {2025: 5, 2026: None}, {2025: 7})
    assert ps.indicator_values(store, iid) == {2025: (5, 7)}
    [row] = ps.list_indicators(store, programme, D)
    assert (row.name, row.baseline, row.targets, row.actuals) == (
        "Открытые уроки", 4, {2025: 5}, {2025: 7})
    assert ps.next_indicator_number(store, pid) == 2
    ps.delete_indicator(store, iid)
    assert ps.list_indicators(store, programme, D) == []
    assert repo.count(store, "indicator_target") == 0


def test_computed_indicator_is_computed_per_year(prog):
    store, pid, _, (ivanova, petrov), _ = prog
    programme = ps.get_programme(store, pid)
    for who in (ivanova, petrov):
        repo.update(store, repo.get(store, Staff, who).model_copy(
            update={"hire_date": dt.date(2020, 9, 1)}))
    repo.create(store, Training(staff_id=ivanova, title="ФГОС", hours=36,
                                end_date=dt.date(2026, 3, 1)))
    iid = ps.save_indicator(store, TargetIndicator(
        programme_id=pid, name="ПК", source="computed", computed_key="training_up_to_date"),
        {2026: 100}, {2026: 12})          # a typed actual is ignored for a computed indicator
    assert ps.indicator_values(store, iid) == {2026: (100, None)}
    [row] = ps.list_indicators(store, programme, D)
    assert row.actuals == {2025: 0.0, 2026: 50.0, 2027: None, 2028: None}
    value = ps.compute_indicator(store, "training_up_to_date", D)
    assert (value.count, value.base, value.staff_ids) == (1, 2, (ivanova,))


def test_young_supported_reads_mentorships(fresh_db):
    store = fresh_db
    mentor = person(store, "Старова", birth_date=dt.date(1970, 1, 1),
                    ped_start_date=dt.date(1995, 9, 1))
    young = person(store, "Молодова", birth_date=dt.date(2000, 1, 1),
                   ped_start_date=dt.date(2025, 9, 1))
    other = person(store, "Новикова", birth_date=dt.date(2001, 1, 1),
                   ped_start_date=dt.date(2026, 9, 1))
    repo.create(store, Mentorship(mentor_id=mentor, form="педагог – педагог",
                                  start_date=dt.date(2026, 9, 15),
                                  planned_end=dt.date(2027, 6, 1), mentee_ids=[young]))
    value = ps.compute_indicator(store, "young_supported", D)
    assert (value.count, value.base) == (1, 2)
    facts = {f.id: f for f in ps.staff_facts(store, D)}
    assert facts[young].supported and not facts[other].supported


def test_document_for_print(prog):
    store, pid, _, _, acts = prog
    ps.postpone(store, acts["lesson"], dt.date(2026, 12, 20), "")
    doc = ps.load_document(store, pid, {"total": "Всего", "order": "приказ {number} {date}"})
    assert [t.title for t in doc.tasks] == ["Кадры", "Опыт"]
    lesson = doc.tasks[1].activities[1]
    assert lesson.postponed_from == (dt.date(2026, 11, 30),)
    assert doc.progress[-1].label == "Всего"
