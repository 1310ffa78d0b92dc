"""Consolidated indicators at the office: the school's own figures, per school and in total."""

from __future__ import annotations

import datetime as dt

from metodkab.reports import indicators as ri
from metodkab.storage.db import open_store
from metodkab.storage.indicators import load_data
from metodkab.sync.consolidated import consolidate, export_xlsx
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.sample import sample_school
from metodkab.sync.school import export_packet, import_municipality_key
from tests.unit.test_sync_support import CLOCK

DAY = dt.date(2026, 11, 23)


def test_office_figures_equal_the_schools_own(tmp_path):
    office = init_municipality(tmp_path / "office.sqlite", name="УО", clock=CLOCK)
    out = tmp_path / "out"
    out.mkdir()
    own: dict[str, list[ri.Result]] = {}
    for n, (code, level) in enumerate((("0412", "full"), ("0413", "deidentified"))):
        path = sample_school(tmp_path / f"{code}.sqlite", code=code, staff=25, seed=n + 3)
        store = open_store(path, clock=CLOCK)
        try:
            import_municipality_key(store, office.public_path)
            export_packet(store, out, level=level)
            own[code] = ri.compute_all(load_data(store, DAY))
        finally:
            store.close()
    muni = open_municipal(office.db_path, clock=CLOCK)
    try:
        import_packets(muni, sorted(out.glob("*.mkp")), trusted=True)
        report = consolidate(muni, DAY)
    finally:
        muni.close()

    figures = {code: [(r.key, r.name, r.count, r.base) for r in results]
               for code, results in report.results.items()}
    # a school that sent full records: every figure exactly as the school computes it
    assert figures["0412"] == [(r.key, r.name, r.count, r.base) for r in own["0412"]]
    # de-identified: the bands keep every age and experience figure on the bands' date;
    # only the names of people (programme breakdown by person) are not there
    # (and the rows by person come in the order of names)
    def unnamed(rows):
        return sorted((k, "" if k.startswith("programme_person") else n, c, b)
                      for k, n, c, b in rows)

    assert unnamed(figures["0413"]) == unnamed([(r.key, r.name, r.count, r.base)
                                                for r in own["0413"]])
    for total in report.totals:
        parts = [r for c in ("0412", "0413") for r in report.results[c]
                 if (r.key, r.name) == (total.key, total.name)]
        assert (total.count, total.base) == (sum(p.count for p in parts),
                                             sum(p.base for p in parts))
    overdue_0412 = next(r for r in own["0412"] if r.key == "training_overdue")
    listed = [p for p in report.overdue if p.school_code == "0412"]
    assert len(listed) == overdue_0412.count
    assert not any(p.name.startswith("обезличен") for p in listed)
    assert all(p.name.startswith("обезличен") for p in report.overdue if p.school_code == "0413")

    path = export_xlsx(report, tmp_path)
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["Итого", "По школам", "Просрочено ПК", "Молодые без поддержки"]
    # Percents in a column of their own (a fraction with a % format), targets as they read.
    rows = list(book["Итого"].iter_rows(min_row=2, values_only=True))
    header = list(rows[0])
    assert {"Доля", "Число", "Из", "Цель", "Статус"} <= set(header)
    by_name = {r[0]: dict(zip(header, r)) for r in rows[1:]}
    young = by_name["Молодые педагоги с поддержкой"]
    total = next(r for r in report.totals if r.key == "young_supported")
    assert young["Цель"] == "≥ 70 %" and young["Число"] == total.count
    assert young["Доля"] == (None if total.percent is None else total.percent / 100)
