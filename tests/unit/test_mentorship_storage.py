"""Mentorship storage: the register's filters and search, checks against other pairs,
coverage of young and new staff, suggested mentors, closing, deleting, mentor load."""

import datetime as dt

import pytest

from metodkab.domain.models import (Association, IndividualRoute, Mentorship, MentorshipEvent,
                                    QualificationCategory, RouteStep, Staff)
from metodkab.storage import mentorship as ms
from metodkab.storage import repo
from metodkab.storage.errors import HasDependents
from metodkab.storage.mentorship import MentorshipQuery
from metodkab.storage.settings import set_settings

D = dt.date
DAY = D(2026, 11, 23)


def person(store, last, first="Анна", middle="Петровна", *, birth=D(1980, 1, 1),
           ped=D(2002, 9, 1), hired=D(2002, 9, 1), subjects=(), assoc=(), **fields) -> str:
    return repo.create(store, Staff.model_validate({
        "last_name": last, "first_name": first, "middle_name": middle, "positions": ["учитель"],
        "birth_date": birth, "ped_start_date": ped, "hire_date": hired,
        "subjects": list(subjects), "association_ids": list(assoc), **fields}))


def pair(store, mentor, mentees, start=D(2026, 9, 1), end=D(2027, 5, 31), **fields) -> str:
    data = {"mentor_id": mentor, "mentee_ids": list(mentees), "form": "педагог – педагог",
            "reason": "молодой специалист", "start_date": start, "planned_end": end,
            "order_number": "45", "order_date": D(2026, 8, 31), **fields}
    return repo.create(store, Mentorship.model_validate(data))


def event(store, mentorship_id, day, status="проведено", topic="Встреча") -> str:
    return repo.create(store, MentorshipEvent(mentorship_id=mentorship_id, date=day, topic=topic,
                                              status=status))


def category(store, staff_id, name="высшая", decision=D(2024, 3, 1)):
    repo.create(store, QualificationCategory(staff_id=staff_id, position="учитель",
                                             category=name, decision_date=decision))


@pytest.fixture
def school(fresh_db):
    s = fresh_db
    ids = {
        "mentor": person(s, "Ёлкина", "Ирина", "Васильевна", subjects=["математика"]),
        "mentor2": person(s, "Громов", "Пётр", "Ильич", subjects=["история"]),
        "young": person(s, "Сидорова", "Елена", "Викторовна", birth=D(1999, 5, 5),
                        ped=D(2025, 9, 1), hired=D(2025, 9, 1), subjects=["математика"]),
        "young2": person(s, "Белова", "Ольга", "", birth=D(2001, 1, 1), ped=D(2026, 9, 1),
                         hired=D(2026, 9, 1), subjects=["история"]),
        "new": person(s, "Кузнецов", "Артём", "Игоревич", hired=D(2026, 1, 10)),
        "external": person(s, "Орлова", "Инна", "", birth=D(2000, 1, 1), ped=D(2025, 9, 1),
                           hired=D(2025, 9, 1), employment="внешний совместитель"),
        "gone": person(s, "Уткина", "Вера", "", birth=D(2000, 1, 1), ped=D(2025, 9, 1),
                       hired=D(2025, 9, 1), dismissal_date=D(2026, 10, 1)),
    }
    return s, ids


def register(store, **query):
    return ms.list_mentorships(store, MentorshipQuery(**query), DAY)


# --- register ---------------------------------------------------------------------------------

def test_register_filters_and_search_by_any_participant(school):
    s, p = school
    a = pair(s, p["mentor"], [p["young"]])
    b = pair(s, p["mentor2"], [p["young2"], p["new"]], form="групповое", order_number="")
    c = pair(s, p["mentor"], [p["new"]], start=D(2025, 9, 1), end=D(2026, 5, 31),
             actual_end=D(2026, 5, 20), status="завершена", result="Освоил")
    assert [r.id for r in register(s)] == [b, a]                      # active, by mentor
    assert [r.id for r in register(s, status="all")] == [b, a, c]
    assert [r.id for r in register(s, status="завершена")] == [c]
    assert [r.id for r in register(s, form="групповое")] == [b]
    assert [r.id for r in register(s, mentor_id=p["mentor"], status="all")] == [a, c]
    # Search: mentor or any mentee, case and ё/е do not matter.
    assert [r.id for r in register(s, search="елкина", status="all")] == [a, c]
    assert [r.id for r in register(s, search="БЕЛОВ")] == [b]
    assert [r.id for r in register(s, search="кузнец", status="all")] == [b, c]
    assert register(s, search="нет_такого_") == []
    row = register(s, search="белова")[0]
    assert row.mentor == "Громов Пётр Ильич"
    assert row.mentees == ("Белова Ольга", "Кузнецов Артём Игоревич")
    assert row.flags == ("no_order",)
    assert ms.count_mentorships(s, MentorshipQuery(status="all"), DAY) == 3


def test_register_problem_filters_match_the_checks(school):
    s, p = school
    ok = pair(s, p["mentor"], [p["young"]])
    short = pair(s, p["mentor2"], [p["young2"]], start=D(2026, 9, 1), end=D(2026, 11, 29))
    pair(s, p["mentor2"], [p["new"]], start=D(2026, 9, 1), end=D(2026, 11, 30))  # exactly 3
    no_date = pair(s, p["mentor"], [p["new"]], order_date=None)
    flagged = register(s, problems=True)
    assert {r.id for r in flagged} == {short, no_date}
    assert {r.id: r.flags for r in flagged} == {short: ("too_short",),
                                                no_date: ("order_no_date",)}
    assert ok not in {r.id for r in register(s, no_order=True)}
    # The length bounds are settings.
    set_settings(s, {"mentorship_min_months": 2})
    assert {r.id for r in register(s, problems=True)} == {no_date}
    assert register(s, search="белова")[0].flags == ()


def test_summary(school):
    s, p = school
    pair(s, p["mentor"], [p["young"], p["new"]], order_number="")
    pair(s, p["mentor2"], [p["young2"]], start=D(2026, 3, 1), end=D(2026, 11, 22))
    pair(s, p["mentor2"], [p["young"]], start=D(2026, 12, 1), end=D(2027, 5, 31))   # later
    summary = ms.register_summary(s, DAY)
    # active on D (domain.md §6): not the one whose term ran out, not the one to come
    assert summary == ms.RegisterSummary(active=1, past_end=1, no_order=1, mentees=2)


# --- checks against stored pairs --------------------------------------------------------------

def test_check_finds_duplicate_but_not_the_pair_itself(school):
    s, p = school
    first = pair(s, p["mentor"], [p["young"]])
    record = repo.get(s, Mentorship, first)
    assert ms.check_mentorship(s, record, DAY) == []
    twin = Mentorship.model_validate({**record.model_dump(), "id": None,
                                      "start_date": D(2027, 1, 10), "planned_end": D(2027, 6, 1)})
    [finding] = ms.check_mentorship(s, twin, DAY)
    assert finding.code == "duplicate"
    assert "Ёлкина Ирина Васильевна — Сидорова Елена Викторовна" in finding.message


def test_check_mentor_who_is_mentee_and_mentee_not_employed(school):
    s, p = school
    pair(s, p["mentor"], [p["young"]])
    record = Mentorship.model_validate({
        "mentor_id": p["young"], "mentee_ids": [p["gone"]], "form": "педагог – педагог",
        "start_date": D(2026, 10, 1), "planned_end": D(2027, 5, 31), "order_number": "1",
        "order_date": D(2026, 9, 30)})
    found = {f.code: f.message for f in ms.check_mentorship(s, record, DAY)}
    # dismissed on the start day: employed that day (ТК РФ ст. 84.1), gone since
    assert set(found) == {"mentor_is_mentee", "mentee_dismissed"}
    assert "Уткина Вера уволен(а) 01.10.2026" in found["mentee_dismissed"]


# --- coverage --------------------------------------------------------------------------------

def test_coverage_lists_young_and_new_main_staff(school):
    s, p = school
    cov = ms.coverage(s, DAY)
    by_id = {r.staff_id: r for r in cov.rows}
    assert set(by_id) == {p["young"], p["young2"], p["new"]}   # no external, no dismissed
    assert by_id[p["young"]].young and not by_id[p["young"]].new   # hired 14 months ago
    assert by_id[p["young2"]].young and by_id[p["young2"]].new
    assert by_id[p["new"]].new and not by_id[p["new"]].young
    assert (cov.young_total, cov.young_supported, cov.new_total, cov.new_supported) == (2, 0, 2, 0)
    assert cov.young_percent == 0 and cov.target == 70


def test_coverage_changes_with_pairs(school):
    s, p = school
    a = pair(s, p["mentor"], [p["young"]])
    pair(s, p["mentor2"], [p["young2"]], start=D(2026, 12, 1), end=D(2027, 5, 31))
    cov = ms.coverage(s, DAY)
    by_id = {r.staff_id: r for r in cov.rows}
    assert by_id[p["young"]].mentorship_id == a
    assert by_id[p["young"]].mentor == "Ёлкина Ирина Васильевна"
    assert by_id[p["young"]].until == D(2027, 5, 31)
    assert not by_id[p["young2"]].supported and by_id[p["young2"]].upcoming_start == D(2026, 12, 1)
    assert (cov.young_total, cov.young_supported, cov.young_percent) == (2, 1, 50)
    assert [r.supported for r in cov.rows] == [False, False, True]     # unsupported first
    # Closed today: still support on the report date (D ≤ actual end, §6), not the day after.
    ms.close_mentorship(s, a, "завершена", DAY, "Программа выполнена")
    assert ms.coverage(s, DAY).young_supported == 1
    assert ms.coverage(s, DAY + dt.timedelta(days=1)).young_supported == 0


def test_coverage_new_staff_window_is_a_setting(school):
    s, p = school
    set_settings(s, {"new_staff_months": 6})
    cov = ms.coverage(s, DAY)
    assert {r.staff_id for r in cov.rows if r.new} == {p["young2"]}
    assert cov.new_months == 6


# --- suggestions ------------------------------------------------------------------------------

def test_suggested_mentors(fresh_db):
    s = fresh_db
    shmo = repo.create(s, Association(name="ШМО естественно-научного цикла"))
    young = person(s, "Новикова", "Дарья", birth=D(2000, 2, 2), ped=D(2026, 9, 1),
                   hired=D(2026, 9, 1), subjects=["математика"], assoc=[shmo])
    busy = person(s, "Алексеева", subjects=["математика"])
    free = person(s, "Борисова", subjects=["алгебра", "математика"])
    assoc_only = person(s, "Васильева", subjects=["физика"], assoc=[shmo])
    no_category = person(s, "Григорьева", subjects=["математика"])
    other = person(s, "Дмитриева", subjects=["история"])
    person(s, "Уволенная", subjects=["математика"], dismissal_date=D(2026, 1, 1))
    for staff_id in (busy, free, assoc_only, other):
        category(s, staff_id)
    trainee = person(s, "Жукова", "Жанна", birth=D(1999, 1, 1), ped=D(2025, 9, 1),
                     hired=D(2025, 9, 1))
    pair(s, busy, [trainee])
    mentee, ranked = ms.mentor_suggestions(s, young, DAY)
    assert mentee.young and mentee.new and mentee.subjects == ("математика",)
    suggested = [x.candidate.name for x in ranked if x.suggested]
    assert suggested == ["Борисова Анна Петровна", "Васильева Анна Петровна",
                         "Алексеева Анна Петровна"]
    loads = {x.candidate.id: x.candidate.load for x in ranked}
    assert loads[busy] == 1 and loads[free] == 0
    assert no_category in loads and other in loads and young not in loads
    assert len(ranked) == 6                       # the dismissed one is not offered
    defaults = ms.new_pair_defaults(s, mentee, free, DAY)
    assert defaults["reason"] == "молодой специалист"
    assert defaults["planned_end"] == D(2027, 5, 31)


# --- closing, reopening, deleting ----------------------------------------------------------------

def test_close_reopen_keeps_history(school):
    s, p = school
    a = pair(s, p["mentor"], [p["young"]])
    event(s, a, D(2026, 9, 10))
    event(s, a, D(2026, 12, 10), status="запланировано")
    facts, held, planned = ms.closing_facts(s, a)
    assert (held, planned) == (1, 1) and facts.id == a
    ms.close_mentorship(s, a, "прервана", D(2026, 11, 20), "Наставник уволился")
    record = repo.get(s, Mentorship, a)
    assert (record.status, record.actual_end, record.result) == (
        "прервана", D(2026, 11, 20), "Наставник уволился")
    assert [r.id for r in register(s, status="прервана")] == [a]
    ms.reopen_mentorship(s, a)
    record = repo.get(s, Mentorship, a)
    assert (record.status, record.actual_end, record.result) == (
        "действует", None, "Наставник уволился")
    changes = s.db.conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'mentorship' "
                                "AND record_id = ? AND action = 'update'", (a,)).fetchone()[0]
    assert changes == 2
    with pytest.raises(ValueError):
        ms.close_mentorship(s, a, "действует", DAY, "")


def test_delete_pair_with_its_log_unless_used_in_a_route(school):
    s, p = school
    a = pair(s, p["mentor"], [p["young"]])
    event(s, a, D(2026, 9, 10))
    ms.delete_mentorship(s, a)
    assert s.db.conn.execute("SELECT count(*) FROM mentorship_event WHERE deleted = 0"
                             ).fetchone()[0] == 0
    assert register(s, status="all") == []
    b = pair(s, p["mentor"], [p["young"]])
    route = repo.create(s, IndividualRoute(staff_id=p["young"], period_start=D(2026, 9, 1),
                                           period_end=D(2027, 6, 1)))
    repo.create(s, RouteStep(route_id=route, goal="Освоить ФООП", mentorship_id=b))
    with pytest.raises(HasDependents):
        ms.delete_mentorship(s, b)


def test_card(school):
    s, p = school
    a = pair(s, p["mentor"], [p["young"], p["new"]], order_number="", goals="Освоить ФООП")
    event(s, a, D(2026, 9, 10), topic="Знакомство")
    event(s, a, D(2026, 11, 1), status="запланировано", topic="Посещение урока")
    event(s, a, D(2026, 12, 1), status="запланировано", topic="Анализ")
    card = ms.load_card(s, a, DAY, DAY)
    assert card.mentor == "Ёлкина Ирина Васильевна"
    assert card.mentees == ("Кузнецов Артём Игоревич", "Сидорова Елена Викторовна")
    assert [e.topic for e in card.events] == ["Знакомство", "Посещение урока", "Анализ"]
    assert [e.overdue for e in card.events] == [False, True, False]
    assert (card.held, card.planned, card.cancelled) == (1, 2, 0)
    assert [f.code for f in card.findings] == ["no_order"]
    assert card.mentor_load == 1 and card.months == 9       # 01.09–31.05 inclusive


def test_people_options_keep_a_dismissed_mentee(school):
    s, p = school
    options = dict(ms.people_options(s, DAY))
    assert p["gone"] not in options and p["external"] in options
    options = dict(ms.people_options(s, DAY, [p["gone"]]))
    assert options[p["gone"]] == "Уткина Вера (уволен)"
    pair(s, p["mentor"], [p["young"]])
    loads = dict(ms.people_options(s, DAY, with_load=True))
    assert loads[p["mentor"]] == "Ёлкина Ирина Васильевна (пар: 1)"


def test_form_options_keep_values_in_use(school):
    s, p = school
    pair(s, p["mentor"], [p["young"]], form="реверсивное")
    forms = ms.form_options(s)
    assert forms[0] == "педагог – педагог" and forms[-1] == "реверсивное"


def test_mentor_load(school):
    s, p = school
    pair(s, p["mentor"], [p["young"]])
    pair(s, p["mentor"], [p["new"]], start=D(2025, 9, 1), end=D(2026, 5, 31),
         actual_end=D(2026, 5, 31), status="завершена")
    pair(s, p["mentor2"], [p["young2"]], start=D(2024, 9, 1), end=D(2025, 5, 31),
         actual_end=D(2025, 5, 31), status="завершена")
    years, rows = ms.mentor_load(s, DAY)
    assert years == [2024, 2025, 2026]
    assert [(r.name, r.now_pairs, r.now_mentees, r.per_year, r.total) for r in rows] == [
        ("Ёлкина Ирина Васильевна", 1, 1, (0, 1, 1), 2),
        ("Громов Пётр Ильич", 0, 0, (1, 0, 0), 1),
    ]
