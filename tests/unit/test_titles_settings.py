"""An indicator's title states the numbers of the settings it is computed with
(reports.indicators.title): under the defaults every title reads as before; with other
settings the school's Excel and Word say the school's numbers; at the office, a column
whose schools count with different settings claims no one school's number and a
footnote names which school counts what."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from metodkab.domain.models import Staff
from metodkab.reports import indicators as ri
from metodkab.screens.documents_export import write_staff_report
from metodkab.screens.indicators_export import export_indicators
from metodkab.storage import repo
from metodkab.storage.db import open_store
from metodkab.storage.indicators import load_report
from metodkab.storage.settings import DEFAULTS, set_settings
from metodkab.sync.consolidated import consolidate
from metodkab.sync.consolidated_files import write_report
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.sample import sample_school
from metodkab.sync.school import export_packet, import_municipality_key
from tests.unit.test_sync_support import CLOCK

DAY = dt.date(2026, 11, 23)
FIVE = {"training_period_years": 5, "category_warn_months": 9, "mentorship_min_months": 2}


def test_the_default_titles_read_as_before():
    before = {"training_overdue": "Не проходили ПК более 3 лет",
              "trained_5y": "ПК/переподготовка за 5 лет",
              "trained_fgos": "ПК по применению ФГОС, 5 лет",
              "pairs_bad_length": "Пары со сроком вне 3–12 мес.",
              "categories_expiring": "Категория истекает за 6 мес."}
    for key, text in before.items():
        assert ri.title(key) == ri.title(key, DEFAULTS) == ri.INDICATORS[key].name == text
    assert all("{" not in ri.title(key) for key in ri.INDICATORS)


def test_titles_follow_the_settings():
    mine = {**DEFAULTS, **FIVE, "self_evaluation_training_years": 1}
    assert ri.title("training_overdue", mine) == "Не проходили ПК более 5 лет"
    assert ri.title("categories_expiring", mine) == "Категория истекает за 9 мес."
    assert ri.title("pairs_bad_length", mine) == "Пары со сроком вне 2–12 мес."
    assert ri.title("trained_5y", mine) == "ПК/переподготовка за 1 год"
    assert ri.title("trained_fgos", {"self_evaluation_training_years": 3}) == \
        "ПК по применению ФГОС, 3 года"
    assert ri.title("training_overdue", {"training_period_years": 1}) == \
        "Не проходили ПК более 1 года"
    # the figure carries the title of the settings it was computed with
    data = ri.IndicatorData(DAY, DAY, DAY, mine)
    assert ri.training_overdue(data).name == "Не проходили ПК более 5 лет"
    assert ri.pairs_bad_length(data).name == "Пары со сроком вне 2–12 мес."


@settings(max_examples=60)
@given(st.integers(1, 200))
def test_years_after_более_and_до(years):
    """«более 1 года», «более 21 года», «более 11 лет», «более 3 лет»: a plain reading."""
    word = "года" if str(years).endswith("1") and not str(years).endswith("11") else "лет"
    assert ri.years_genitive(years) == f"{years} {word}"


def test_a_shared_title_names_one_number_only_when_the_schools_agree():
    assert ri.shared_title("training_overdue", [FIVE, FIVE]) == "Не проходили ПК более 5 лет"
    mixed = [DEFAULTS, FIVE]
    assert ri.shared_title("training_overdue", mixed) == \
        "Не проходили ПК более срока по настройкам школы*"
    assert ri.shared_title("pairs_bad_length", mixed) == \
        "Пары со сроком вне допустимого по настройкам школы*"
    assert ri.shared_title("federal_register", mixed) == "ДПО из реестра по диагностике"
    assert ri.title_footnote("federal_register", [("0412", DEFAULTS), ("0413", FIVE)]) is None
    many = [(f"05{n:02}", DEFAULTS) for n in range(10)] + [("0413", FIVE)]
    assert ri.title_footnote("training_overdue", many) == (
        "* Не проходили ПК более срока по настройкам школы: «Не проходили ПК более 5 лет» — "
        "0413; «Не проходили ПК более 3 лет» — остальные школы (10).")


def test_the_schools_excel_and_word_say_its_numbers(fresh_db, tmp_path):
    set_settings(fresh_db, FIVE)
    for last in ("Антонова", "Борисова"):
        repo.create(fresh_db, Staff(last_name=last, first_name="Анна", positions=["учитель"],
                                    hire_date=dt.date(2010, 9, 1),
                                    ped_start_date=dt.date(2010, 9, 1)))
    report = load_report(fresh_db, DAY)
    path = export_indicators(fresh_db, report, folder=tmp_path)
    cells = [str(c.value) for ws in load_workbook(path) for row in ws.iter_rows()
             for c in row if c.value is not None]
    assert "Не проходили ПК более 5 лет" in cells
    assert "Категория истекает за 9 мес." in cells
    assert not any("более 3 лет" in c or "за 6 мес." in c for c in cells)

    document = docx.Document(write_staff_report(fresh_db, folder=tmp_path))
    texts = [p.text for p in document.paragraphs] + [
        c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Не проходили ПК более 5 лет" in texts
    assert "Не проходили курсы ПК более 5 лет: 2" in texts            # the to-do list
    assert not any("более 3 лет" in t or "за 6 мес." in t for t in texts)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """Two schools: 0412 with the default settings, 0413 with 5 years and 9 months."""
    tmp = tmp_path_factory.mktemp("titles")
    office = init_municipality(tmp / "office.sqlite", name="Управление", clock=CLOCK)
    out = tmp / "out"
    out.mkdir()
    for n, (code, own) in enumerate((("0412", {}), ("0413", FIVE))):
        store = open_store(sample_school(tmp / f"{code}.sqlite", code=code, staff=8,
                                         seed=n + 5), clock=CLOCK)
        try:
            if own:
                set_settings(store, own)
            import_municipality_key(store, office.public_path)
            export_packet(store, out)
        finally:
            store.close()
    muni = open_municipal(office.db_path, clock=CLOCK)
    try:
        import_packets(muni, sorted(out.glob("*.mkp")), trusted=True)
        report = consolidate(muni, DAY)
    finally:
        muni.close()
    return tmp, report


def test_the_office_column_claims_no_one_schools_number(office):
    tmp, report = office
    assert report.result("0412", "training_overdue").name == "Не проходили ПК более 3 лет"
    assert report.result("0413", "training_overdue").name == "Не проходили ПК более 5 лет"
    assert report.total("training_overdue").name == \
        "Не проходили ПК более срока по настройкам школы*"
    assert report.total("federal_register").name == "ДПО из реестра по диагностике"
    # the total still pools both schools' own counts
    assert report.total("training_overdue").count == sum(
        report.result(c, "training_overdue").count for c in ("0412", "0413"))

    folder = tmp / "report"
    folder.mkdir()
    xlsx, note = write_report(report, folder)
    book = load_workbook(xlsx)
    matrix = [[c.value for c in row] for row in book["Показатели"].iter_rows()]
    band = matrix[1]
    assert "Не проходили ПК более срока по настройкам школы*" in band
    assert "Категория истекает в срок по настройкам школы*" in band
    assert not any("более 3 лет" in str(v) or "за 6 мес." in str(v) for v in band)
    notes = [str(r[0]) for r in matrix if str(r[0] or "").startswith("* ")]
    assert ("* Не проходили ПК более срока по настройкам школы: «Не проходили ПК более 3 "
            "лет» — 0412; «Не проходили ПК более 5 лет» — 0413.") in notes
    assert any(n.startswith("* Категория истекает в срок по настройкам школы") for n in notes)
    overdue = book["Просрочено ПК"]["A1"].value
    assert "без повышения квалификации более срока по настройкам школы" in overdue
    assert "более 3 лет" not in overdue
    assert "в срок по настройкам школы" in book["Категории истекают"]["A1"].value

    document = docx.Document(note)
    texts = [p.text for p in document.paragraphs] + [
        c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Не проходили ПК более срока по настройкам школы*" in texts
    assert any(t.startswith("* Не проходили ПК более срока по настройкам школы: ")
               and "«Не проходили ПК более 5 лет» — 0413" in t for t in texts)
    assert any(t.startswith("Не проходили повышение квалификации более срока по настройкам "
                            "школы:") for t in texts)
    assert not any("более 3 лет" in t and not t.startswith("* ") for t in texts)
