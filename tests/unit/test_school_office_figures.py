"""The school's figures and the office's consolidated figures are the same on the same
data — on the boundary cases of domain.md §6: a person dismissed on the report date, an
external part-timer, a pair whose term ran out, a pair whose mentor left, a draft ИОМ, a
step done after the date, 18.9 of 27, a teacher in the first three years of experience,
a member of a «школа молодого педагога». The school builds a packet, the office imports
it and consolidates; every figure (count and base) must agree."""

from __future__ import annotations

import datetime as dt

import pytest

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


# Settings that change the figures: every one away from its default, as a school may set
# them in Настройки; they travel in the packet and the office computes with them.
OWN_SETTINGS = {
    "training_period_years": 5, "self_evaluation_training_years": 3,
    "indicator_period_months": 24, "category_warn_months": 12, "young_max_age": 30,
    "young_max_experience": 5, "mentorship_min_months": 4, "mentorship_max_months": 9,
    "fl_high_score_percent": 60, "target_federal_register": 10, "target_fl_diagnostics": 90,
    "target_fl_high_score": 5, "target_young_supported": 50, "target_management_trained": 40,
    "support_mentorship": False, "support_route": True, "support_young_school": False,
}


def _figures(results) -> dict:
    return {(r.key, r.name): (r.count, r.base, r.target, r.ids) for r in results
            if r.group != "programme"}


def add_settings_boundaries(store) -> None:
    """A teacher whose last course ended four years ago (overdue under 3 years, not under
    5; trained in 5 years, not in 3) and whose category ends in 9 months (expiring within
    12 months, not within 6)."""
    from metodkab.domain.models import QualificationCategory

    four = repo.create(store, Staff(last_name="Четырёхлетова", first_name="Граница",
                                    positions=["учитель"], birth_date=dt.date(1975, 3, 1),
                                    ped_start_date=dt.date(2000, 9, 1),
                                    hire_date=dt.date(2000, 9, 1)))
    repo.create(store, Training(staff_id=four, title="Курс", hours=72,
                                end_date=D.replace(year=D.year - 4)))
    repo.create(store, QualificationCategory(
        staff_id=four, position="учитель", category="первая",
        decision_date=D.replace(year=D.year - 4), valid_until=D + 270 * DAY))


def _school_and_office(tmp_path, settings: dict | None):
    """The school's own figures and the office's for it, on D, after a full packet."""
    from metodkab.storage.settings import set_settings

    office = init_municipality(tmp_path / "office.sqlite", name="Управление", clock=CLOCK)
    out = tmp_path / "out"
    out.mkdir()
    path = sample_school(tmp_path / "school.sqlite", code="0502", staff=10, seed=5)
    store = open_store(path, clock=CLOCK)
    try:
        add_boundaries(store)
        add_settings_boundaries(store)
        defaults = ri.compute_all(load_data(store, D))
        if settings:
            set_settings(store, settings)
        import_municipality_key(store, office.public_path)
        export_packet(store, out, level="full")
        own = ri.compute_all(load_data(store, D))
    finally:
        store.close()
    muni = open_municipal(office.db_path, clock=CLOCK)
    try:
        outcome, = import_packets(muni, sorted(out.glob("*.mkp")), trusted=True).outcomes
        report = consolidate(muni, D)
    finally:
        muni.close()
    return defaults, own, report, outcome


def test_a_school_with_its_own_settings_gets_the_same_figures_at_the_office(tmp_path):
    defaults, own, report, outcome = _school_and_office(tmp_path, OWN_SETTINGS)
    school = _figures(own)
    assert _figures(report.results["0502"]) == school
    # the settings really changed the figures: computed with the defaults they differ
    before = {r.key: (r.count, r.base, r.target) for r in defaults}
    changed = {r.key for r in own if before.get(r.key) != (r.count, r.base, r.target)}
    assert {"young_supported", "training_overdue", "trained_5y", "categories_expiring",
            "fl_high_score", "federal_register"} <= changed
    assert report.result("0502", "young_supported").target == 50
    assert not outcome.default_settings and not report.schools[0].default_settings
    # the municipality's total is measured against the default (federal) target
    assert report.total("young_supported").target == 70


def test_every_setting_the_rules_read_travels_in_the_packet():
    """The rules of reports/ and the office's lists read only settings the packet carries
    (a new setting a rule reads must travel too, or the office would count otherwise)."""
    from metodkab.storage.settings import DEFAULTS
    from metodkab.sync.consolidated import SchoolFigures, _lists
    from metodkab.sync.records import FigureSettings
    from metodkab.sync.sample import sample_school as build

    read: set[str] = set()

    class Recording(dict):
        def __getitem__(self, key):
            read.add(key)
            return super().__getitem__(key)

        def get(self, key, default=None):
            read.add(key)
            return super().get(key, default)

        def __contains__(self, key):
            read.add(key)
            return super().__contains__(key)

    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(build(Path(folder) / "s.sqlite", code="0503", staff=6, seed=3),
                           clock=CLOCK)
        try:
            data = load_data(store, D)
        finally:
            store.close()
    data = ri.IndicatorData(**{**data.__dict__, "settings": Recording(
        {**ri.EXTRA_DEFAULTS, **DEFAULTS})})
    figures = ri.compute_all(data)
    _lists(SchoolFigures(figures, {}), "0503", "Школа", data, figures)
    assert read and read <= set(FigureSettings.model_fields)


def test_the_wire_bounds_are_those_of_the_settings_form():
    """The office refuses what the school's own form refuses, and nothing it accepts."""
    from metodkab.screens.settings import FLAG_SETTINGS, INT_SETTINGS
    from metodkab.sync.records import LineError, read_figure_settings

    base = {**OWN_SETTINGS, "mentorship_min_months": 1, "mentorship_max_months": 36}
    for key in base:
        if key in FLAG_SETTINGS:
            assert read_figure_settings({**base, key: True})[key] is True
            with pytest.raises(LineError):
                read_figure_settings({**base, key: 1})
            continue
        _label, low, high, _section, blank = INT_SETTINGS[key]
        for value in (low, high):
            assert read_figure_settings({**base, key: value})[key] == value
        for value in (low - 1, high + 1, str(low), float(low), True):
            with pytest.raises(LineError):
                read_figure_settings({**base, key: value})
        if blank:
            assert read_figure_settings({**base, key: None})[key] is None
        else:
            with pytest.raises(LineError):
                read_figure_settings({**base, key: None})
