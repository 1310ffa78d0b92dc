"""Every rule of domain.md §6 against a second, deliberately simple reading written here
from §4 and §6 (none of the app's rule functions is called to get the expected figure).

Hypothesis draws staff, courses, diagnostics, mentorships and routes with dates on and
around the boundaries (the report date, the day before and after, three years back, the
35th birthday, the ends of a programme) and compares each figure and its people.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from metodkab.reports import indicators as ri
from metodkab.reports import mentorship as rm
from metodkab.reports import training as rt

D = dt.date(2026, 11, 23)                   # the report date (not a 29 February)
ONE = dt.timedelta(days=1)
MAIN, PART = "основной", "внешний совместитель"
PK, RETRAIN, STAGE = "повышение квалификации", "профессиональная переподготовка", "стажировка"


def back(years: int) -> dt.date:
    return D.replace(year=D.year - years)


# days that matter, and their neighbours
KEY_DAYS = sorted({d + k * ONE for d in (D, back(3), back(5), back(35), dt.date(2026, 9, 1),
                                        dt.date(2027, 5, 31), dt.date(2026, 8, 31))
                   for k in (-1, 0, 1)})
days = st.one_of(st.sampled_from(KEY_DAYS),
                 st.dates(dt.date(1985, 1, 1), dt.date(2028, 12, 31)))
maybe_days = st.one_of(st.none(), days)
person_st = st.tuples(st.sampled_from([MAIN, MAIN, PART]), maybe_days, maybe_days, maybe_days,
                      maybe_days)                # employment, hire, dismissal, birth, ped start
course_st = st.tuples(st.integers(0, 5), days, st.sampled_from([PK, RETRAIN, STAGE]))
# a functional-literacy score in tenths around 70 % of 27 (18.9)
diag_st = st.tuples(st.integers(0, 5), st.integers(170, 200))
pair_st = st.tuples(st.integers(0, 5), st.lists(st.integers(0, 5), min_size=1, max_size=2),
                    days.filter(lambda d: d.day <= 28), days, maybe_days,
                    st.sampled_from(["действует", "действует", "завершена", "прервана"]))
route_st = st.tuples(st.integers(0, 5), days, days,
                     st.sampled_from(["проект", "утверждён", "выполняется", "завершён"]),
                     st.lists(maybe_days, max_size=3))


def build(people, courses, diags, pairs, routes, young_school) -> ri.IndicatorData:
    n = len(people)
    persons = tuple(ri.Person(str(i), f"П{i}", emp, hire, dis, birth, ped)
                    for i, (emp, hire, dis, birth, ped) in enumerate(people))
    trainings = tuple(ri.TrainingFact(str(i % n), end, kind) for i, end, kind in courses
                      if end <= D)
    diagnostics = tuple(ri.DiagnosticFact(str(i % n), D, "функциональная грамотность",
                                          score=float(Decimal(tenths) / 10), max_score=27.0)
                        for i, tenths in diags)
    facts = []
    for k, (mentor, mentees, start, end, actual, status) in enumerate(pairs):
        if end < start or (actual is not None and actual < start):
            continue
        if status != "действует" and actual is None:
            actual = end
        facts.append(rm.PairFacts(f"m{k}", str(mentor % n),
                                  tuple(dict.fromkeys(str(m % n) for m in mentees
                                                      if m % n != mentor % n)),
                                  start, end, actual, status))
    route_facts = tuple(ri.RouteFact(str(i % n), min(a, b), max(a, b), status,
                                     tuple(rt.StepFacts(None, None, done) for done in steps))
                        for i, a, b, status, steps in routes)
    return ri.IndicatorData(D, D.replace(year=D.year - 1) + ONE, D, {}, persons, trainings,
                            diagnostics, pairs=tuple(p for p in facts if p.mentee_ids),
                            routes=route_facts,
                            young_school=frozenset(str(i % n) for i in young_school))


# --- the simple reading ----------------------------------------------------------------------


def employed(p) -> bool:          # §6: hire ≤ D and (no dismissal or dismissal ≥ D)
    return (p.hire_date is None or p.hire_date <= D) and (
        p.dismissal_date is None or p.dismissal_date >= D)


def p_d(data) -> list[str]:       # §4: employed on D, main job here
    return [p.id for p in data.people if p.employment == MAIN and employed(p)]


def overdue(data) -> set[str]:    # §6: no course ended in [D − 3 y, D], counted from the
    out = set()                   # later of its end and the start of experience
    for p in data.people:
        ends = [t.end_date for t in data.trainings if t.staff_id == p.id
                and t.kind in (PK, RETRAIN) and t.end_date <= D]
        since = max(ends + ([p.ped_start_date] if p.ped_start_date else []), default=None)
        if since is None or since < back(3):
            out.add(p.id)
    return out


def young(p) -> bool:             # §4: under 35 on D, under 3 years of experience
    return (p.birth_date is not None and p.ped_start_date is not None
            and p.birth_date > back(35) and p.ped_start_date > back(3))


def active_pairs(data) -> list:   # §6
    by_id = {p.id: p for p in data.people}
    found = []
    for pair in data.pairs:
        last = pair.actual_end if pair.actual_end is not None else pair.planned_end
        if pair.actual_end is None and pair.status != "действует":
            continue
        if not pair.start <= D <= last:
            continue
        if employed(by_id[pair.mentor_id]) and any(employed(by_id[m]) for m in pair.mentee_ids):
            found.append(pair)
    return found


def active_routes(data) -> list:  # §6: approved, period covers D, not closed
    return [r for r in data.routes if r.status in ("утверждён", "выполняется")
            and r.period_start <= D <= r.period_end]


def plus_months(day: dt.date, months: int) -> dt.date:     # days 1–28 only
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, day.day)


# --- the comparisons -----------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(st.lists(person_st, min_size=1, max_size=6), st.lists(course_st, max_size=6),
       st.lists(diag_st, max_size=4), st.lists(pair_st, max_size=4),
       st.lists(route_st, max_size=3), st.lists(st.integers(0, 5), max_size=2))
def test_indicators_agree_with_the_simple_reading(people, courses, diags, pairs, routes,
                                                  school):
    data = build(people, courses, diags, pairs, routes, school)
    base = p_d(data)
    in_base = set(base)

    assert ri.compute("training_overdue", data).ids == tuple(
        i for i in base if i in overdue(data))

    got = ri.compute("fl_high_score", data)
    high = {d.staff_id for d in data.diagnostics
            if Decimal(str(d.score)) * 100 >= Decimal(70) * Decimal(str(d.max_score))}
    assert (got.count, got.base) == (len(high & in_base), len(base))

    pairs_now = active_pairs(data)
    assert ri.compute("pairs_active", data).count == len(pairs_now)
    ok = [p for p in pairs_now
          if plus_months(p.start, 3) <= p.planned_end + ONE <= plus_months(p.start, 12)]
    assert ri.compute("pairs_bad_length", data).count == len(pairs_now) - len(ok)

    routes_now = active_routes(data)
    assert set(ri.compute("route_coverage", data).ids) == {
        r.staff_id for r in routes_now} & in_base
    steps = [s for r in routes_now if r.staff_id in in_base for s in r.steps]
    done = ri.compute("route_steps_done", data)
    assert (done.count, done.base) == (
        sum(1 for s in steps if s.done_date is not None and s.done_date <= D), len(steps))

    by_id = {p.id: p for p in data.people}
    young_ids = [i for i in base if young(by_id[i])]
    supported = ({m for p in pairs_now for m in p.mentee_ids}
                 | {r.staff_id for r in routes_now} | set(data.young_school))
    got = ri.compute("young_supported", data)
    assert got.ids == tuple(i for i in young_ids if i in supported)
    assert got.other_ids == tuple(i for i in young_ids if i not in supported)
    for i in got.ids:              # the drill-down names the form of every person counted
        assert got.note(i)


@settings(max_examples=40, deadline=None)
@given(st.lists(person_st, min_size=1, max_size=6), st.lists(pair_st, max_size=4),
       st.lists(route_st, max_size=3), st.lists(st.integers(0, 5), max_size=2),
       st.booleans(), st.booleans(), st.booleans())
def test_support_forms_follow_the_settings(people, pairs, routes, school, mentor, route, club):
    data = build(people, [], [], pairs, routes, school)
    data = ri.IndicatorData(**{**data.__dict__, "settings": {
        "support_mentorship": mentor, "support_route": route, "support_young_school": club}})
    supported = set()
    if mentor:
        supported |= {m for p in active_pairs(data) for m in p.mentee_ids}
    if route:
        supported |= {r.staff_id for r in active_routes(data)}
    if club:
        supported |= set(data.young_school)
    by_id = {p.id: p for p in data.people}
    young_ids = [i for i in p_d(data) if young(by_id[i])]
    assert ri.compute("young_supported", data).ids == tuple(
        i for i in young_ids if i in supported)


def test_the_boundaries_by_hand():
    """The cases the issue names, one by one."""
    gone_today = ri.Person("a", "А", MAIN, dt.date(2010, 9, 1), D)
    part = ri.Person("b", "Б", PART, dt.date(2010, 9, 1))
    fresh = ri.Person("c", "В", MAIN, dt.date(2026, 8, 25), None, dt.date(2003, 5, 1),
                      dt.date(2026, 8, 25))
    data = ri.IndicatorData(D, D, D, {}, (gone_today, part, fresh), diagnostics=(
        ri.DiagnosticFact("a", D, "функциональная грамотность", score=18.9, max_score=27),))
    overdue_now = ri.compute("training_overdue", data)
    assert overdue_now.base == 2 and overdue_now.ids == ("a",)    # not the college leaver
    assert ri.compute("fl_high_score", data).ids == ("a",)         # 18.9 of 27 is 70 %
    assert rm.months_between(dt.date(2026, 9, 1), dt.date(2026, 11, 30)) == 3
    assert rm.months_between(dt.date(2026, 9, 1), dt.date(2027, 5, 31)) == 9
    assert rm.length_ok(dt.date(2026, 9, 1), dt.date(2027, 8, 31))
    share = ri.Result("x", "federal", "x", 7, 10, target=70.0)
    assert share.achieved
    assert not ri.Result("x", "federal", "x", 2, 3, target=66.7).achieved    # 66.666… %


def test_the_help_line_states_the_rule_from_the_settings_it_uses():
    """F8's line under an indicator names its boundaries with the values the rule read."""
    overdue = ri.Result("training_overdue", "school", "x", 0, 0)
    text = ri.explain(overdue, {"training_period_years": 4})
    assert "4 г." in text and "ровно 4 г. назад" in text and "стажировка" in text
    young = ri.Result("young_supported", "federal", "x", 0, 0)
    text = ri.explain(young, {"young_max_age": 30, "support_route": False})
    assert "моложе 30 лет" in text and "ИОМ" not in text and "наставничество" in text
    assert "01.09–30.11 — 3 мес." in ri.explain(ri.Result("pairs_bad_length", "school", "x",
                                                          0, 0), {})
    assert "18,9 из 27" in ri.explain(ri.Result("fl_high_score", "federal", "x", 0, 0), {})


def test_a_packet_with_a_date_that_cannot_be_is_refused():
    """The office checks a packet's records as a form would: a done date after the day
    the packet was made is refused with the line and the Russian reason."""
    import pytest

    from metodkab.sync.records import LineChecker, LineError, encode_line, row_models

    data = {"route_id": "1c6a7d2e-4d5b-4b8a-9d2f-1a2b3c4d5e6f", "goal": "Открытый урок",
            "done_date": "2030-01-01"}
    line = encode_line("route_step", "0c6a7d2e-4d5b-4b8a-9d2f-1a2b3c4d5e6f", 1, 1,
                       "2026-11-23T10:00:00", 0, data)
    LineChecker(row_models("full"), upto=5).add([line])          # no day: not checked
    with pytest.raises(LineError) as error:
        LineChecker(row_models("full"), upto=5, today=D).add([line])
    assert "позже сегодняшнего дня" in str(error.value)


def test_the_to_do_list_names_a_dismissed_mentor_and_an_expired_pair(fresh_db):
    from metodkab.domain.models import Mentorship, Staff
    from metodkab.storage import repo
    from metodkab.storage.alerts import collect_alerts

    def person(last, **kw):
        return repo.create(fresh_db, Staff(last_name=last, first_name="Анна",
                                           positions=["учитель"], **kw))

    gone, today_last, mentee, other = (person("Ушедшая", dismissal_date=D - ONE),
                                       person("Последняя", dismissal_date=D),
                                       person("Учеба"), person("Учебова"))
    for mentor, pupil, end in ((gone, mentee, dt.date(2027, 5, 31)),
                               (today_last, other, dt.date(2027, 5, 31)),
                               (other, mentee, D - ONE)):
        repo.create(fresh_db, Mentorship(mentor_id=mentor, mentee_ids=[pupil],
                                         form="педагог – педагог",
                                         start_date=dt.date(2026, 9, 1), planned_end=end))
    alerts = {a.key: a for a in collect_alerts(fresh_db, D)}
    assert [i.staff_id for i in alerts["mentor_dismissed"].items] == [gone]   # not on D
    assert [i.staff_id for i in alerts["mentorship_past_end"].items] == [other]


@settings(max_examples=15, deadline=None)
@given(st.lists(person_st, min_size=1, max_size=5), st.lists(course_st, max_size=5),
       st.lists(pair_st, max_size=3))
def test_the_lists_read_in_sql_agree_with_the_simple_reading(people, courses, pairs):
    """The same rules reached through storage (SQL functions, the register's header, the
    to-do list, the dashboard's counts) on a real database."""
    from metodkab.clock import Clock
    from metodkab.domain.models import Mentorship, Staff, Training
    from metodkab.storage import repo
    from metodkab.storage.alerts import collect_alerts
    from metodkab.storage.db import open_memory
    from metodkab.storage.indicators import load_data
    from metodkab.storage.mentorship import register_summary
    from metodkab.storage.school import counts
    from metodkab.storage.staff import StaffQuery, count_staff

    store = open_memory(clock=Clock(D))
    try:
        ids = []
        for k, (emp, hire, dis, birth, ped) in enumerate(people):
            if hire and dis and dis < hire:
                dis = hire
            if birth and hire and hire.year - birth.year < 18:
                birth = None
            if birth and ped and ped.year - birth.year < 14:
                ped = None
            if birth and birth > D:
                birth = None
            ids.append(repo.create(store, Staff(
                last_name="Тестова", first_name="Анна", middle_name=f"Н{'а' * (k + 1)}",
                positions=["учитель"], employment=emp, hire_date=hire, dismissal_date=dis,
                birth_date=birth, ped_start_date=ped)))
        for who, end, kind in courses:
            repo.create(store, Training(staff_id=ids[who % len(ids)], title="Курс", kind=kind,
                                        hours=300, end_date=end))
        for mentor, mentees, start, end, actual, status in pairs:
            pupils = [ids[m % len(ids)] for m in mentees if m % len(ids) != mentor % len(ids)]
            if not pupils or end < start or (actual is not None and actual < start):
                continue
            if status != "действует" and actual is None:
                actual = end
            repo.create(store, Mentorship(mentor_id=ids[mentor % len(ids)],
                                          mentee_ids=list(dict.fromkeys(pupils)),
                                          form="педагог – педагог", start_date=start,
                                          planned_end=end, actual_end=actual, status=status))
        data = load_data(store, D)
        base = p_d(data)
        late = overdue(data)
        alerts = {a.key: a for a in collect_alerts(store, D, data)}
        assert sorted(i.staff_id for i in alerts["overdue_training"].items) == sorted(
            i for i in base if i in late)
        employed_now = [p.id for p in data.people if employed(p)]
        assert count_staff(store, StaffQuery(status="active", overdue=True), D) == len(
            [p for p in data.people if (p.dismissal_date is None or p.dismissal_date >= D)
             and p.id in late])
        summary = register_summary(store, D)
        assert summary.active == len(active_pairs(data)) == counts(store, D, data)["mentorships"]
        assert counts(store, D, data)["staff"] == len(employed_now)
        assert counts(store, D, data)["staff_main"] == len(base)
    finally:
        store.db.close()
