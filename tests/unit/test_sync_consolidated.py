"""Consolidated report of the office: the school's own figures per school, the totals over
the pooled staff, the workbook and the analytical note; a de-identified school never shows
an id or a name; a registered school with no packets is listed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx import Document
from openpyxl import load_workbook

from metodkab.reports import indicators as ri
from metodkab.storage.db import open_store
from metodkab.storage.indicators import load_data
from metodkab.sync.consolidated import consolidate, replace_register
from metodkab.sync.consolidated_files import write_report
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.sample import sample_school
from metodkab.sync.school import export_packet, import_municipality_key
from tests.unit.test_sync_support import CLOCK

DAY = dt.date(2026, 11, 23)
HEX = re.compile(r"[0-9a-f]{8}")


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """Two schools (0412 full, 0413 de-identified) and a third (0414) in the register
    only; the schools' own figures and the names and ids of the de-identified one."""
    tmp = tmp_path_factory.mktemp("consolidated")
    office = init_municipality(tmp / "office.sqlite", name="Управление образования района",
                               clock=CLOCK)
    out = tmp / "out"
    out.mkdir()
    own: dict[str, list[ri.Result]] = {}
    hidden: dict[str, list[str]] = {"ids": [], "names": []}
    named: set[str] = set()
    for n, (code, level) in enumerate((("0412", "full"), ("0413", "deidentified"))):
        path = sample_school(tmp / f"{code}.sqlite", code=code, staff=25, seed=n + 3)
        store = open_store(path, clock=CLOCK)
        try:
            import_municipality_key(store, office.public_path)
            export_packet(store, out, level=level)
            own[code] = ri.compute_all(load_data(store, DAY))
            for row in store.db.conn.execute("SELECT id, last_name, first_name FROM staff"):
                if level == "deidentified":
                    hidden["ids"].append(row[0])
                    hidden["names"].append(" ".join(row[1:3]))
                else:
                    named.add(" ".join(row[1:3]))
        finally:
            store.close()
    hidden["names"] = [n for n in hidden["names"] if n not in named]   # (a namesake at 0412)
    muni = open_municipal(office.db_path, clock=CLOCK)
    try:
        import_packets(muni, sorted(out.glob("*.mkp")), trusted=True)
        replace_register(muni, [("0412", ""), ("0413", ""), ("0414", "НОШ д. Глухово")])
        report = consolidate(muni, DAY)
    finally:
        muni.close()
    return tmp, report, own, hidden


def test_office_figures_equal_the_schools_own(office):
    _tmp, report, own, _hidden = office
    figures = {code: [(r.key, r.name, r.count, r.base) for r in results]
               for code, results in report.results.items()}
    # a school that sent full records: every figure exactly as the school computes it
    assert figures["0412"] == [(r.key, r.name, r.count, r.base) for r in own["0412"]]

    # de-identified: the bands keep every age and experience figure on the bands' date;
    # only the names of people (programme breakdown by person) are not there
    def unnamed(rows):
        return sorted((k, "" if k.startswith("programme_person") else n, c, b)
                      for k, n, c, b in rows)

    assert unnamed(figures["0413"]) == unnamed([(r.key, r.name, r.count, r.base)
                                                for r in own["0413"]])


def test_totals_are_over_the_pooled_staff(office):
    _tmp, report, _own, _hidden = office
    assert not any(t.group == "programme" for t in report.totals)
    averaged_differs = False
    for total in report.totals:
        parts = [next(r for r in report.results[c] if (r.key, r.name) == (total.key, total.name))
                 for c in ("0412", "0413")]
        count, base = sum(p.count for p in parts), sum(p.base for p in parts)
        assert (total.count, total.base) == (count, base)
        if total.kind == ri.SHARE and base:
            assert total.percent == round(100 * count / base, 1)
            if all(p.base for p in parts):
                mean = round(sum(p.percent for p in parts) / 2, 1)
                averaged_differs |= mean != total.percent
    assert averaged_differs          # the data tell a pooled percent from a mean of percents
    overdue = next(r for r in report.results["0412"] if r.key == "training_overdue")
    assert len([p for p in report.overdue if p.school_code == "0412"]) == overdue.count


def _cells(path) -> dict[str, list]:
    book = load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book}


def _paragraphs(path) -> list[str]:
    doc = Document(path)
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def test_workbook_and_note(office):
    tmp, report, _own, hidden = office
    folder = tmp / "report"
    folder.mkdir()
    xlsx, note = write_report(report, folder)
    sheets = _cells(xlsx)
    assert list(sheets) == ["Показатели", "Диаграммы", "Школы", "Просрочено ПК",
                            "Молодые без поддержки", "Категории истекают", "Пары без приказа",
                            "Программы развития", "Распределения"]
    matrix = sheets["Показатели"]
    assert "Управление образования района" in matrix[0][0] and "23.11.2026" in matrix[0][0]
    band = matrix[1]
    pairs = band.index("Действующие пары наставников")
    assert band[pairs + 1] != band[pairs] and matrix[2][pairs] == "число"   # one column
    rows = {r[0]: r for r in matrix[3:] if r[0]}
    assert set(rows) == {"0412", "0413"}
    assert rows["0413"][3] == "обезличенные" and rows["0412"][3] == "полные"
    total = matrix[-1]
    assert total[1].startswith("Итого по муниципалитету")
    fed = band.index("ДПО из реестра по диагностике")
    t = report.total("federal_register")
    assert total[fed:fed + 3] == [t.count, t.base, pytest.approx(t.percent / 100)]
    assert matrix[3][fed + 2] == "≥ 30 %"                                   # targets row
    assert total[pairs] == report.total("pairs_active").count
    # percents in a column of their own (a fraction with a % format), targets as they read
    young = band.index("Молодые педагоги с поддержкой")
    t = report.total("young_supported")
    assert matrix[2][young:young + 3] == ["чел.", "из", "%"]
    assert matrix[3][young + 2] == "≥ 70 %" and total[young] == t.count
    assert total[young + 2] == (None if t.percent is None else pytest.approx(t.percent / 100))
    assert not any("задача" in str(v) or "ответственный" in str(v) for r in matrix for v in r)
    # the registered school that sent nothing
    assert any(r[0] == "0414" and "не присылала" in r[-1] for r in sheets["Школы"])
    assert sum("0412" == r[0] for r in sheets["Программы развития"]) >= 2
    # a second report of the same day is written beside the first
    again, again_note = write_report(report, folder)
    assert again != xlsx and again.name.endswith("(2).xlsx") and again_note != note

    # the de-identified school: no id, no hex fragment, no name anywhere
    values = [v for rows in sheets.values() for r in rows for v in r if isinstance(v, str)]
    texts = _paragraphs(note)
    for text in values + texts:
        assert not HEX.search(text), text
        assert not any(i in text for i in hidden["ids"])
        assert not any(n in text for n in hidden["names"]), text
    labelled = [r[2] for name in ("Просрочено ПК", "Молодые без поддержки")
                for r in sheets[name][2:] if r[0] == "0413"]
    assert labelled and all(re.fullmatch(r"сотрудник \d+(, [^,]+ лет)?(, стаж .+ лет)?", x)
                            for x in labelled)
    assert any("0414" in t for t in texts) and any("НОШ д. Глухово" in t for t in texts)
    assert any("Управление образования района" in t for t in texts)


def test_register_reads_code_and_name_columns(tmp_path):
    from metodkab.sync.consolidated import read_register

    path = tmp_path / "реестр.csv"
    path.write_text("Реестр ОО района\nКод школы;Наименование ОО;Директор\n"
                    "0412;МБОУ СОШ № 12;Орлова\n;;\n0415;ООШ с. Борки;Петров\n",
                    encoding="utf-8")
    assert read_register(path) == [("0412", "МБОУ СОШ № 12"), ("0415", "ООШ с. Борки")]
