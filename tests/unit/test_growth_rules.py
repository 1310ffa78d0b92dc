"""The growth figures (reports/growth.py through the indicators' registry) on a fresh
database: hand-computed values at the period's edges, P(D) as the base, short learning
never counted as ПК; a hypothesis test against a second, simple implementation; the same
figures at the office from a packet."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from metodkab.domain import values as V
from metodkab.domain.models import Achievement, ShortLearning, Staff
from metodkab.reports import growth as rg
from metodkab.reports import indicators as ri
from metodkab.storage import repo
from metodkab.storage import indicators as si

D = dt.date
DAY = D(2026, 11, 23)                  # period 24.11.2025 – 23.11.2026
GROWTH = ("achievers_municipal", "contest_participants", "contest_winners",
          "shared_practice", "short_learning")


def person(store, last, **fields) -> str:
    return repo.create(store, Staff.model_validate({
        "last_name": last, "first_name": "Анна", "positions": ["учитель"],
        "hire_date": D(2015, 9, 1), **fields}))


def ach(store, staff_id, day, kind="мастер-класс", level="муниципальный", result=""):
    repo.create(store, Achievement(staff_id=staff_id, kind=kind, level=level, date=day,
                                   title="x", result=result))


def figures(store, day=DAY):
    results = {r.key: r for r in ri.compute_all(si.load_data(store, day))}
    return {k: (results[k].count, results[k].base, results[k].value) for k in GROWTH}, results


def test_hand_computed_at_the_edges_of_the_period(fresh_db):
    s = fresh_db
    a = person(s, "Алексеева")        # municipal master class on the period's first day
    b = person(s, "Борисова")         # school open lesson; contest winner (regional)
    c = person(s, "Власова")          # contest participant; a webinar
    d = person(s, "Глебова")          # achievement the day before the period: not counted
    e = person(s, "Дёмина")           # achievement after D: a plan, not counted
    f = person(s, "Егорова", employment="внешний совместитель")   # not in P(D)
    g = person(s, "Жукова", dismissal_date=D(2026, 6, 30))       # dismissed: not in P(D)
    ach(s, a, D(2025, 11, 24))
    ach(s, b, D(2026, 3, 1), kind="открытый урок", level="школьный")
    ach(s, b, DAY, kind="конкурс профмастерства", level="региональный", result="лауреат")
    ach(s, c, D(2026, 5, 5), kind="конкурс профмастерства", level="школьный",
        result="участник")
    ach(s, d, D(2025, 11, 23), level="всероссийский")
    ach(s, e, D(2026, 11, 24), kind="выступление")
    ach(s, f, D(2026, 2, 2), kind="выступление", level="региональный")
    ach(s, g, D(2026, 2, 2), kind="конкурс профмастерства", result="победитель")
    repo.create(s, ShortLearning(staff_id=c, title="Вебинар", hours=1.5, date=D(2026, 11, 2)))
    repo.create(s, ShortLearning(staff_id=d, title="Курс", hours=12, date=D(2025, 1, 2)))
    got, results = figures(s)
    assert got == {
        "achievers_municipal": (2, 5, 40.0),       # a (on the first day), b (regional)
        "contest_participants": (2, 5, 2.0),       # b, c
        "contest_winners": (1, 5, 1.0),            # b: a participant is not a winner
        "shared_practice": (2, 5, 40.0),           # a, b (open lesson at school level)
        "short_learning": (1, 5, 20.0),            # c; d's is before the period
    }
    assert set(results["contest_winners"].ids) == {b}
    assert set(results["achievers_municipal"].other_ids) == {c, d, e}
    # short learning is never ПК: c stays overdue, trained_5y does not count it
    assert c in results["training_overdue"].ids
    assert c not in results["trained_5y"].ids


def test_nothing_to_count_on_an_empty_school(fresh_db):
    got, _ = figures(fresh_db)
    assert got == {"achievers_municipal": (0, 0, None), "contest_participants": (0, 0, 0.0),
                   "contest_winners": (0, 0, 0.0), "shared_practice": (0, 0, None),
                   "short_learning": (0, 0, None)}


# --- against a second, simple implementation ---------------------------------------------

days = st.dates(D(2025, 6, 1), D(2027, 1, 31))
people_st = st.lists(st.tuples(st.sampled_from(("основной", "внешний совместитель")),
                               st.none() | days, st.none() | days), min_size=1, max_size=6)
facts_st = st.lists(st.tuples(st.integers(0, 5), st.sampled_from(V.ACHIEVEMENT_KINDS),
                              st.sampled_from(V.ACHIEVEMENT_LEVELS), days,
                              st.sampled_from(("", *V.ACHIEVEMENT_RESULTS))), max_size=12)


def simple(people, facts, start, end, day):
    """The rules read from domain.md and the issue, one loop each."""
    base = [i for i, (emp, hired, gone) in enumerate(people) if emp == "основной"
            and (hired is None or hired <= day) and (gone is None or gone >= day)]
    levels = ("муниципальный", "региональный", "всероссийский", "международный")
    out = {k: set() for k in GROWTH[:4]}
    for who, kind, level, when, result in facts:
        if who not in base or not (start <= when <= end) or when > day:
            continue
        if level in levels:
            out["achievers_municipal"].add(who)
        if kind == "конкурс профмастерства":
            out["contest_participants"].add(who)
            if result in ("победитель", "призёр", "лауреат"):
                out["contest_winners"].add(who)
        if kind in ("открытый урок", "мастер-класс", "выступление"):
            out["shared_practice"].add(who)
    return {k: (len(v), len(base)) for k, v in out.items()}


@settings(max_examples=60, deadline=None)
@given(people_st, facts_st, days, days)
def test_rules_agree_with_a_simple_reading(people, facts, day, start):
    start = min(start, day)
    staff = tuple(ri.Person(str(i), f"p{i}", emp, hired, gone if hired is None or gone is None
                            or gone >= hired else hired)
                  for i, (emp, hired, gone) in enumerate(people))
    people = [(p.employment, p.hire_date, p.dismissal_date) for p in staff]
    facts = [f for f in facts if f[0] < len(people)]
    data = ri.IndicatorData(day, start, day, {}, people=staff, achievements=tuple(
        rg.AchievementFact(str(who), kind, level, when, result)
        for who, kind, level, when, result in facts))
    got = {k: (ri.compute(k, data).count, ri.compute(k, data).base) for k in GROWTH[:4]}
    assert got == simple(people, facts, start, day, day)


# --- the office -----------------------------------------------------------------------------

def test_office_figures_equal_the_schools_own(tmp_path):
    from metodkab.storage.db import open_store
    from metodkab.sync.consolidated import consolidate
    from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
    from metodkab.sync.sample import sample_school
    from metodkab.sync.school import export_packet, import_municipality_key
    from tests.unit.test_sync_support import CLOCK

    office = init_municipality(tmp_path / "office.sqlite", name="УО", clock=CLOCK)
    out = tmp_path / "out"
    out.mkdir()
    store = open_store(sample_school(tmp_path / "s.sqlite", code="0412", staff=12, seed=5),
                       clock=CLOCK)
    try:
        ids = [r[0] for r in store.db.conn.execute(
            "SELECT id FROM staff WHERE deleted = 0 AND dismissal_date IS NULL "
            "AND employment = 'основной' ORDER BY name_norm LIMIT 3")]
        ach(store, ids[0], D(2026, 4, 1), kind="конкурс профмастерства", level="региональный",
            result="победитель")
        ach(store, ids[1], D(2026, 9, 1), kind="открытый урок")
        repo.create(store, ShortLearning(staff_id=ids[2], title="Вебинар ФГ", hours=2,
                                         date=D(2026, 10, 1)))
        import_municipality_key(store, office.public_path)
        export_packet(store, out, level="deidentified")
        own = {r.key: (r.count, r.base) for r in ri.compute_all(si.load_data(store, DAY))
               if r.key in GROWTH}
    finally:
        store.close()
    muni = open_municipal(office.db_path, clock=CLOCK)
    try:
        import_packets(muni, sorted(out.glob("*.mkp")), trusted=True)
        report = consolidate(muni, DAY)
    finally:
        muni.close()
    office_figures = {r.key: (r.count, r.base) for r in report.results["0412"]
                      if r.key in GROWTH}
    assert office_figures == own
    assert own["contest_winners"][0] >= 1 and own["short_learning"][0] >= 1


def test_staff_report_carries_the_growth_figures(fresh_db):
    from metodkab.reports.documents import staff_report_docx
    from metodkab.storage.documents import load_staff_report

    a = person(fresh_db, "Алексеева")
    ach(fresh_db, a, D(2026, 5, 5), kind="выступление", level="региональный")
    doc = load_staff_report(fresh_db, DAY)
    shown = {r.key: (r.count, r.base) for r in doc.results if r.group == "growth"}
    assert shown == {"achievers_municipal": (1, 1), "contest_participants": (0, 1),
                     "contest_winners": (0, 1), "shared_practice": (1, 1),
                     "short_learning": (0, 1)}
    text = "\n".join(c.text for t in staff_report_docx(doc).tables for row in t.rows
                     for c in row.cells)
    assert "Профессиональный рост" in text and "Делились опытом" in text
