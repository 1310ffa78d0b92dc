"""A category without a decision date and a course known only by its year travel in
packets as they are stored, the office computes the same figures with them, and packets
written before these fields existed are still read."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from metodkab.domain.models import QualificationCategory, Staff, Training
from metodkab.reports import indicators as ri
from metodkab.storage import repo
from metodkab.storage.db import open_store
from metodkab.storage.indicators import load_data
from metodkab.sync.consolidated import consolidate
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.records import row_models
from metodkab.sync.sample import TODAY, sample_school
from metodkab.sync.school import export_packet, import_municipality_key
from tests.unit.test_sync_support import CLOCK, municipal_rows, school_rows


def add_unstated(store) -> tuple[str, str]:
    person = repo.create(store, Staff(last_name="Безденова", first_name="Анна",
                                      positions=["учитель"], birth_date=dt.date(1980, 1, 1),
                                      ped_start_date=dt.date(2000, 9, 1),
                                      hire_date=dt.date(2005, 9, 1)))
    category = repo.create(store, QualificationCategory(staff_id=person, position="учитель",
                                                        category="высшая"))
    course = repo.create(store, Training(staff_id=person, title="Курс", hours=36,
                                         end_date=dt.date(TODAY.year - 3, 1, 1),
                                         end_precision="year"))
    return category, course


def test_packet_round_trip_keeps_unknown_dates_and_the_figures_agree(tmp_path):
    office = init_municipality(tmp_path / "office.sqlite", name="Управление", clock=CLOCK)
    out = tmp_path / "out"
    out.mkdir()
    path = sample_school(tmp_path / "school.sqlite", code="0502", staff=4, seed=5)
    store = open_store(path, clock=CLOCK)
    try:
        category, course = add_unstated(store)
        import_municipality_key(store, office.public_path)
        export_packet(store, out, level="full")
        own = ri.compute_all(load_data(store, TODAY))
        sent = school_rows(store)
    finally:
        store.close()
    muni = open_municipal(office.db_path, clock=CLOCK)
    try:
        report = import_packets(muni, sorted(out.glob("*.mkp")), trusted=True)
        assert [o.outcome for o in report.outcomes] == ["applied"]
        held = municipal_rows(muni, "0502")
        figures = consolidate(muni, TODAY)
    finally:
        muni.close()
    assert held == sent
    assert held[("qualification_category", category)][2]["decision_date"] is None
    assert held[("training", course)][2]["end_precision"] == "year"
    school = {r.key: (r.count, r.base) for r in own}
    assert {r.key: (r.count, r.base) for r in figures.results["0502"]} == school
    (listed,) = [p for p in figures.overdue if p.name.startswith("Безденова")]
    assert listed.detail == f"последние курсы окончены в {TODAY.year - 3} г. (дата не указана)"


def test_lines_of_an_older_packet_are_still_read():
    """A packet written before version 8 has no end_precision: the course ends on its day."""
    models = row_models("full")
    old_course = {"staff_id": "s-1", "title": "Курс", "kind": "повышение квалификации",
                  "hours": 36, "end_date": "2024-05-20", "topics": "[]"}
    assert models["training"].model_validate(old_course).end_precision == "day"
    old_category = {"staff_id": "s-1", "position": "учитель", "category": "первая",
                    "decision_date": "2022-03-01", "valid_until": "2027-03-01"}
    read = models["qualification_category"].model_validate(old_category)
    assert read.decision_date == dt.date(2022, 3, 1)
    undated = models["qualification_category"].model_validate(
        {**old_category, "decision_date": None, "valid_until": None})
    assert undated.decision_date is None
    with pytest.raises(ValidationError):
        models["training"].model_validate({**old_course, "end_precision": "month"})
