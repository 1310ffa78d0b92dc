"""The school's figures and the office's consolidated figures are the same on the same
data — on the boundary cases of domain.md §6: a person dismissed on the report date, an
external part-timer, a pair whose term ran out, a pair whose mentor left, a draft ИОМ, a
step done after the date, 18.9 of 27, a teacher in the first three years of experience,
a member of a «школа молодого педагога». The school builds a packet, the office imports
it and consolidates; every figure (count and base) must agree."""

from __future__ import annotations

import datetime as dt

from metodkab.domain.models import (Association, Diagnostic, IndividualRoute, Mentorship,
                                    RouteStep, Staff, Training)
from metodkab.reports import indicators as ri
from metodkab.storage import repo
from metodkab.storage.db import open_store
from metodkab.storage.indicators import load_data
from metodkab.sync.consolidated import consolidate
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.sample import TODAY, sample_school
from metodkab.sync.school import export_packet, import_municipality_key
from tests.unit.test_sync_support import CLOCK

D = TODAY
DAY = dt.timedelta(days=1)


def add_boundaries(store) -> None:
    def person(last, **kw):
        kw.setdefault("positions", ["учитель"])
        kw.setdefault("birth_date", dt.date(1980, 1, 1))
        kw.setdefault("ped_start_date", dt.date(2005, 9, 1))
        kw.setdefault("hire_date", dt.date(2010, 9, 1))
        return repo.create(store, Staff(last_name=last, first_name="Граница", **kw))

    gone_today = person("Сегодняшняя", dismissal_date=D)
    part = person("Совместителева", employment="внешний совместитель")
    fresh = person("Выпускникова", birth_date=dt.date(2003, 5, 1),
                   ped_start_date=dt.date(2026, 8, 25), hire_date=dt.date(2026, 8, 25))
    club = person("Клубова", birth_date=dt.date(2000, 5, 1), ped_start_date=dt.date(2025, 9, 1),
                  hire_date=dt.date(2025, 9, 1))
    mentor_gone = person("Ушедшая", dismissal_date=D - DAY)
    mentor = person("Наставникова")
    repo.create(store, Training(staff_id=gone_today, title="Курс", hours=36,
                                end_date=D.replace(year=D.year - 3)))       # exactly 3 years
    repo.create(store, Training(staff_id=mentor, title="Стажировка", hours=40,
                                kind="стажировка", end_date=D - DAY))
    repo.create(store, Diagnostic(staff_id=gone_today, date=D - DAY,
                                  kind="функциональная грамотность", score=18.9, max_score=27))
    repo.create(store, Mentorship(mentor_id=mentor, mentee_ids=[fresh], form="педагог – педагог",
                                  start_date=dt.date(2026, 1, 10),
                                  planned_end=D - DAY))                     # term ran out
    repo.create(store, Mentorship(mentor_id=mentor_gone, mentee_ids=[club],
                                  form="педагог – педагог", start_date=dt.date(2026, 9, 1),
                                  planned_end=dt.date(2027, 5, 31), order_number="7"))
    repo.create(store, Mentorship(mentor_id=mentor, mentee_ids=[gone_today],
                                  form="педагог – педагог", start_date=dt.date(2026, 9, 1),
                                  planned_end=dt.date(2026, 11, 30)))       # 3 months
    repo.create(store, IndividualRoute(staff_id=fresh, period_start=dt.date(2026, 9, 1),
                                       period_end=dt.date(2027, 6, 30), status="проект"))
    route = repo.create(store, IndividualRoute(staff_id=mentor, period_start=dt.date(2026, 9, 1),
                                               period_end=D, status="утверждён"))
    repo.create(store, RouteStep(route_id=route, goal="Шаг", done_date=D - DAY))
    school = repo.create(store, Association(name="Школа молодого педагога",
                                            kind="школа молодого педагога"))
    member = repo.get(store, Staff, club)
    repo.update(store, member.model_copy(update={"association_ids": [school]}))
    assert part


def test_school_and_office_agree_on_the_boundaries(tmp_path):
    office = init_municipality(tmp_path / "office.sqlite", name="Управление", clock=CLOCK)
    out = tmp_path / "out"
    out.mkdir()
    path = sample_school(tmp_path / "school.sqlite", code="0501", staff=6, seed=11)
    store = open_store(path, clock=CLOCK)
    try:
        add_boundaries(store)
        import_municipality_key(store, office.public_path)
        export_packet(store, out, level="full")
        own = ri.compute_all(load_data(store, D))
    finally:
        store.close()
    muni = open_municipal(office.db_path, clock=CLOCK)
    try:
        import_packets(muni, sorted(out.glob("*.mkp")), trusted=True)
        report = consolidate(muni, D)
    finally:
        muni.close()
    school = {r.key: (r.count, r.base) for r in own}
    office_figures = {r.key: (r.count, r.base) for r in report.results["0501"]}
    assert office_figures == school
    # and the boundaries are really in the figures
    assert school["pairs_active"][0] >= 1 and school["young_supported"][0] >= 1
