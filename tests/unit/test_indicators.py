"""Every indicator of domain.md §4 on a hand-made school, at two report dates, against
values computed by hand (the reasoning is in the comments beside each person).

D1 = 23.11.2026 (period 24.11.2025 – 23.11.2026), D2 = 10.01.2026 (period 11.01.2025 – 10.01.2026).

P(D1) = A, B, C, D, H (5): E is a part-timer, F was dismissed 30.06.2026, G is hired later.
P(D2) = A, B, C, D, F, H (6).

Boundary cases: B turns 35 on D1 (no longer young); D's last course ended exactly 3 years
before D1 (still counts) and D's category ends on D1 (still held, and expiring); H turns 55
on D1 and has exactly 30 years and a bit of педстаж; H's course ended 3 years and a day
before D1 (overdue), and H's стажировка does not count for the 3-year rule.
"""

from __future__ import annotations

import datetime as dt

import pytest

from metodkab.domain.models import (Diagnostic, IndividualRoute, Mentorship, Programme,
                                    ProgrammeActivity, ProgrammeTask, QualificationCategory,
                                    RouteStep, Staff, Training)
from metodkab.reports import indicators as ri
from metodkab.reports import programme as rp
from metodkab.storage import indicators as si
from metodkab.storage import repo

D = dt.date
D1 = D(2026, 11, 23)
D2 = D(2026, 1, 10)
ACH, NOT = "достигнуто", "не достигнуто"


def person(store, last, **kw):
    kw.setdefault("positions", ["учитель"])
    kw.setdefault("employment", "основной")
    return repo.create(store, Staff(last_name=last, first_name="Тест", **kw))


@pytest.fixture
def school(fresh_db):
    s = fresh_db
    p = {}
    p["A"] = person(s, "Антонова", hire_date=D(2010, 9, 1), birth_date=D(1980, 5, 10),
                    ped_start_date=D(2005, 9, 1), education_level="высшее",
                    education_pedagogical=True, management_team=True)
    p["B"] = person(s, "Борисова", hire_date=D(2024, 9, 1), birth_date=D(1991, 11, 23),
                    ped_start_date=D(2024, 9, 1), education_level="высшее",
                    education_pedagogical=True)
    p["C"] = person(s, "Васильева", hire_date=D(2025, 9, 1), birth_date=D(2000, 3, 1),
                    ped_start_date=D(2025, 9, 1), education_level="среднее профессиональное",
                    education_pedagogical=True)
    p["D"] = person(s, "Григорьев", hire_date=D(1990, 9, 1), birth_date=D(1960, 2, 1),
                    ped_start_date=D(1990, 9, 1), education_level="высшее")
    p["E"] = person(s, "Дмитриева", employment="внешний совместитель", hire_date=D(2015, 9, 1),
                    birth_date=D(1985, 1, 1), ped_start_date=D(2008, 9, 1),
                    education_level="высшее", education_pedagogical=True)
    p["F"] = person(s, "Егорова", hire_date=D(2019, 9, 1), dismissal_date=D(2026, 6, 30),
                    birth_date=D(1997, 6, 1), ped_start_date=D(2019, 9, 1),
                    education_level="высшее", education_pedagogical=True)
    p["G"] = person(s, "Жуков", hire_date=D(2026, 12, 1), birth_date=D(1985, 1, 1),
                    ped_start_date=D(2010, 9, 1), education_level="высшее")
    p["H"] = person(s, "Зайцева", hire_date=D(2000, 9, 1), birth_date=D(1971, 11, 23),
                    ped_start_date=D(1996, 9, 1), education_level="высшее",
                    education_pedagogical=True, management_team=True)

    def course(who, end, title="Курс", **kw):
        kw.setdefault("hours", 36)
        repo.create(s, Training(staff_id=p[who], title=title, end_date=end, **kw))

    course("A", D(2026, 3, 1), hours=72, federal_register=True, by_diagnostics=True,
           management=True, topics=["ФГОС/ФООП"])
    course("B", D(2025, 6, 15), federal_register=True, by_diagnostics=True)
    course("D", D(2023, 11, 23), hours=24, topics=["ФГОС/ФООП"])       # exactly 3 years
    course("E", D(2026, 2, 1), hours=72, federal_register=True, by_diagnostics=True)
    course("H", D(2022, 11, 22))                                         # 3 years and a day
    course("H", D(2026, 10, 1), kind="стажировка", hours=40, management=True)

    def diag(who, day, kind="функциональная грамотность", **kw):
        repo.create(s, Diagnostic(staff_id=p[who], date=day, kind=kind, **kw))

    diag("A", D(2026, 2, 10), percent=80)
    diag("B", D(2025, 12, 1), score=30, max_score=50)                  # 60 %
    diag("E", D(2026, 2, 1), percent=90)
    diag("D", D(2026, 9, 15), kind="профессиональные дефициты")

    def category(who, name, decided, until):
        repo.create(s, QualificationCategory(staff_id=p[who], position="учитель",
                                             category=name, decision_date=decided,
                                             valid_until=until))

    category("A", "высшая", D(2022, 12, 20), D(2027, 12, 20))
    category("D", "первая", D(2021, 11, 23), D(2026, 11, 23))           # ends on D1
    category("H", "высшая", D(2019, 5, 1), D(2024, 5, 1))               # expired
    category("H", "первая", D(2024, 6, 1), None)                        # indefinite
    category("F", "первая", D(2026, 2, 1), None)                        # after D2

    def pair(mentor, mentee, start, end, **kw):
        return repo.create(s, Mentorship(mentor_id=p[mentor], mentee_ids=[p[mentee]],
                                         form="педагог – педагог", start_date=start,
                                         planned_end=end, **kw))

    pair("A", "B", D(2025, 9, 1), D(2026, 5, 31), order_number="12", order_date=D(2025, 9, 1))
    pair("D", "C", D(2026, 9, 1), D(2027, 5, 31))                       # no order
    pair("A", "F", D(2025, 10, 1), D(2025, 12, 15), order_number="15",
         order_date=D(2025, 10, 1))                                     # 2.5 months

    route_f = repo.create(s, IndividualRoute(staff_id=p["F"], period_start=D(2025, 9, 1),
                                             period_end=D(2026, 6, 30), status="выполняется"))
    repo.create(s, RouteStep(route_id=route_f, goal="Шаг 1", deadline=D(2025, 12, 1),
                             done_date=D(2025, 12, 1)))
    repo.create(s, RouteStep(route_id=route_f, goal="Шаг 2", deadline=D(2026, 3, 1),
                             sort_order=1))
    route_h = repo.create(s, IndividualRoute(staff_id=p["H"], period_start=D(2026, 9, 1),
                                             period_end=D(2027, 6, 30), status="утверждён"))
    repo.create(s, RouteStep(route_id=route_h, goal="Шаг", deadline=D(2026, 11, 1),
                             done_date=D(2026, 10, 15)))

    prog = repo.create(s, Programme(title="Программа", year_from=2025, year_to=2028,
                                    is_current=True))
    task = repo.create(s, ProgrammeTask(programme_id=prog, number=1, title="Кадры"))
    repo.create(s, ProgrammeActivity(task_id=task, title="Семинар", direction="Методика",
                                     deadline=D(2025, 12, 1), status="выполнено",
                                     done_date=D(2025, 11, 30), responsible_ids=[p["A"]]))
    repo.create(s, ProgrammeActivity(task_id=task, title="Открытые уроки", direction="Методика",
                                     deadline=D(2026, 6, 1), responsible_ids=[p["A"]]))
    repo.create(s, ProgrammeActivity(task_id=task, title="Итоги", deadline=D(2026, 12, 31)))
    return s, p


# key: (count, base, value, status) — value is the percent unless said otherwise
EXPECTED = {
    D1: {
        "federal_register": (1, 5, 20.0, NOT),          # A (E is a part-timer)
        "fl_diagnostics": (2, 5, 40.0, ACH),            # A, B
        "fl_high_score": (1, 5, 20.0, ACH),             # A 80 %; B 60 %
        "management_trained": (2, 2, 100.0, ""),        # A course, H стажировка; no target
        "young_supported": (1, 1, 100.0, ACH),          # C (B turns 35 today)
        "edu_higher": (4, 5, 80.0, ""),
        "edu_higher_ped": (3, 5, 60.0, ""),
        "edu_spo": (1, 5, 20.0, ""),
        "edu_spo_ped": (1, 5, 20.0, ""),
        "cat_any": (3, 5, 60.0, ""),                    # A, D (ends today), H
        "cat_highest": (1, 5, 20.0, ""),
        "cat_first": (2, 5, 40.0, ""),
        "exp_under_5": (2, 5, 40.0, ""),                # B, C
        "exp_over_30": (2, 5, 40.0, ""),                # D, H (from 01.09.1996)
        "age_under_30": (1, 5, 20.0, ""),               # C
        "age_55_plus": (2, 5, 40.0, ""),                # D, H (55 today)
        "trained_5y": (4, 5, 80.0, ""),                 # A, B, D, H
        "trained_fgos": (2, 5, 40.0, ""),               # A, D
        "training_overdue": (1, 5, 20.0, ""),           # H (3 years and a day); C in her
        #                                                 first 3 years of педстаж (§6)
        "route_coverage": (1, 5, 20.0, ""),             # H
        "route_steps_done": (1, 1, 100.0, ""),
        "diagnostic_coverage": (1, 5, 20.0, ""),        # D, 15.09.2026
        # A–B and A–F: planned end passed, not closed («срок истёк», not active; §6)
        "pairs_active": (1, 0, 1.0, ""),                # D–C
        "pairs_per_mentor": (1, 1, 1.0, ""),
        "pairs_bad_length": (0, 1, 0.0, ""),            # D–C: 01.09–31.05 is 9 months
        "pairs_no_order": (1, 1, 1.0, ""),
        "categories_expiring": (1, 3, 33.3, ""),        # D
        "programme_done": (1, 2, 50.0, ""),
        "education_0": (3, 5, 60.0, ""),
        "education_1": (1, 5, 20.0, ""),
        "education_2": (1, 5, 20.0, ""),
        "education_3": (0, 5, 0.0, ""),
        "category_highest": (1, 5, 20.0, ""),
        "category_first": (2, 5, 40.0, ""),
        "category_none": (2, 5, 40.0, ""),
        # experience on D1: A 21, B 2, C 1, D 36, H 30
        "experience_0": (2, 5, 40.0, ""),
        "experience_1": (0, 5, 0.0, ""),
        "experience_2": (0, 5, 0.0, ""),
        "experience_3": (0, 5, 0.0, ""),
        "experience_4": (0, 5, 0.0, ""),
        "experience_5": (3, 5, 60.0, ""),
        # age on 01.01.2027: A 46, B 35, C 26, D 66, H 55
        "age_0": (0, 5, 0.0, ""),
        "age_1": (1, 5, 20.0, ""),
        "age_2": (0, 5, 0.0, ""),
        "age_3": (1, 5, 20.0, ""),
        "age_4": (0, 5, 0.0, ""),
        "age_5": (1, 5, 20.0, ""),
        "age_6": (0, 5, 0.0, ""),
        "age_7": (1, 5, 20.0, ""),
        "age_8": (0, 5, 0.0, ""),
        "age_9": (1, 5, 20.0, ""),
    },
    D2: {
        "federal_register": (1, 6, 16.7, NOT),          # B, 15.06.2025
        "fl_diagnostics": (1, 6, 16.7, NOT),            # B
        "fl_high_score": (0, 6, 0.0, NOT),
        "management_trained": (0, 2, 0.0, ""),
        "young_supported": (1, 2, 50.0, NOT),           # B supported, C not yet
        "edu_higher": (5, 6, 83.3, ""),
        "edu_higher_ped": (4, 6, 66.7, ""),
        "edu_spo": (1, 6, 16.7, ""),
        "edu_spo_ped": (1, 6, 16.7, ""),
        "cat_any": (3, 6, 50.0, ""),                    # F's category comes later
        "cat_highest": (1, 6, 16.7, ""),
        "cat_first": (2, 6, 33.3, ""),
        "exp_under_5": (2, 6, 33.3, ""),
        "exp_over_30": (1, 6, 16.7, ""),                # D only
        "age_under_30": (2, 6, 33.3, ""),               # C, F
        "age_55_plus": (1, 6, 16.7, ""),                # D
        "trained_5y": (3, 6, 50.0, ""),                 # B, D, H
        "trained_fgos": (1, 6, 16.7, ""),               # D
        "training_overdue": (3, 6, 50.0, ""),           # A (course later), F, H
        "route_coverage": (1, 6, 16.7, ""),             # F
        "route_steps_done": (1, 2, 50.0, ""),
        "diagnostic_coverage": (1, 6, 16.7, ""),        # B
        "pairs_active": (1, 0, 1.0, ""),                # A–B; A–F ended 15.12.2025
        "pairs_per_mentor": (1, 1, 1.0, ""),
        "pairs_bad_length": (0, 1, 0.0, ""),
        "pairs_no_order": (0, 1, 0.0, ""),
        "categories_expiring": (0, 3, 0.0, ""),
        "programme_done": (1, 1, 100.0, ""),
        "education_0": (4, 6, 66.7, ""),
        "education_1": (1, 6, 16.7, ""),
        "education_2": (1, 6, 16.7, ""),
        "education_3": (0, 6, 0.0, ""),
        "category_highest": (1, 6, 16.7, ""),
        "category_first": (2, 6, 33.3, ""),
        "category_none": (3, 6, 50.0, ""),
        # experience on D2: A 20, B 1, C 0, D 35, F 6, H 29
        "experience_0": (2, 6, 33.3, ""),
        "experience_1": (0, 6, 0.0, ""),
        "experience_2": (1, 6, 16.7, ""),
        "experience_3": (0, 6, 0.0, ""),
        "experience_4": (0, 6, 0.0, ""),
        "experience_5": (3, 6, 50.0, ""),
        # age on 01.01.2026: A 45, B 34, C 25, D 65, F 28, H 54
        "age_0": (0, 6, 0.0, ""),
        "age_1": (2, 6, 33.3, ""),
        "age_2": (1, 6, 16.7, ""),
        "age_3": (0, 6, 0.0, ""),
        "age_4": (0, 6, 0.0, ""),
        "age_5": (1, 6, 16.7, ""),
        "age_6": (1, 6, 16.7, ""),
        "age_7": (0, 6, 0.0, ""),
        "age_8": (0, 6, 0.0, ""),
        "age_9": (1, 6, 16.7, ""),
    },
}


@pytest.mark.parametrize("day", [D1, D2], ids=["D1", "D2"])
def test_every_indicator_against_hand_computed_values(school, day):
    store, _ = school
    results = {r.key: r for r in ri.compute_all(si.load_data(store, day))}
    fixed = {k: v for k, v in results.items() if (not k.startswith("programme_")
             or k == "programme_done") and v.group != "growth"}   # growth: test_growth_rules
    assert set(fixed) == set(EXPECTED[day])
    got = {k: (r.count, r.base, r.value, r.status) for k, r in fixed.items()}
    assert got == EXPECTED[day]


def test_periods_and_age_day():
    assert ri.default_period(D1) == (D(2025, 11, 24), D1)
    assert ri.default_period(D2) == (D(2025, 1, 11), D2)
    assert ri.age_day(D1) == D(2027, 1, 1)
    assert ri.age_day(D2) == D(2026, 1, 1)


def test_drill_down_ids(school):
    store, p = school
    data = si.load_data(store, D1)
    overdue = ri.compute("training_overdue", data)
    assert set(overdue.ids) == {p["H"]}
    assert set(overdue.other_ids) == {p["A"], p["B"], p["C"], p["D"]}
    young = ri.compute("young_supported", si.load_data(store, D2))
    assert (young.ids, young.other_ids) == ((p["B"],), (p["C"],))
    expiring = ri.compute("categories_expiring", data)
    assert expiring.ids == (p["D"],)
    assert set(expiring.other_ids) == {p["A"], p["H"]}
    # every share's people add up to its base
    for r in ri.compute_all(data):
        if r.kind == ri.SHARE and r.group != "programme" and r.key not in (
                "route_steps_done", "programme_done"):
            assert len(r.ids) == r.count and len(r.ids) + len(r.other_ids) == r.base, r.key


def test_programme_breakdown(school):
    store, p = school
    rows = {r.name: (r.count, r.base) for r in ri.programme_breakdown(si.load_data(store, D1))}
    assert rows["задача: 1. Кадры"] == (1, 2)
    assert rows["направление: Методика"] == (1, 2)
    assert rows["ответственный: Антонова Тест"] == (1, 2)


def test_a_chosen_period_and_changed_targets(school):
    store, _ = school
    data = si.load_data(store, D1, (D(2026, 1, 1), D(2026, 2, 28)))
    assert ri.compute("fl_diagnostics", data).count == 1           # A only (10.02)
    from metodkab.storage.settings import set_settings

    set_settings(store, {"target_fl_diagnostics": 50, "target_management_trained": 90})
    data = si.load_data(store, D1)
    assert ri.compute("fl_diagnostics", data).status == NOT        # 40 % < 50 %
    assert ri.compute("management_trained", data).status == ACH    # 100 % ≥ 90 %


def test_every_indicator_has_a_docstring_with_formula_and_source():
    for definition in ri.INDICATORS.values():
        assert len(definition.doc) > 40, definition.key
    for fn in ri.DISTRIBUTIONS:
        assert "ОО-1" in (fn.__doc__ or "")


def test_programme_values_agree_with_the_indicators(school):
    """reports/programme.py delegates P(D), the overdue and young rules to indicators."""
    store, _ = school
    from metodkab.storage import programme as ps

    for day in (D1, D2):
        mine = ri.compute("training_overdue", si.load_data(store, day))
        theirs = ps.compute_indicator(store, "training_overdue", day)
        assert (theirs.count, theirs.base, set(theirs.staff_ids)) == (
            mine.count, mine.base, set(mine.ids))
        mine = ri.compute("young_supported", si.load_data(store, day))
        theirs = ps.compute_indicator(store, "young_supported", day)
        assert (theirs.count, theirs.base) == (mine.count, mine.base)
    assert rp.main_staff is not None


def test_load_report_names_people(school):
    store, p = school
    report = si.load_report(store, D1)
    assert report.day == D1 and report.period_start == D(2025, 11, 24)
    assert si.names_of(report, [p["B"], p["A"]]) == [
        (p["A"], "Антонова Тест", "учитель"), (p["B"], "Борисова Тест", "учитель")]
