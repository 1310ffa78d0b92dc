"""Issue item 4: a text from outside that looks like a formula is written as text in every
workbook (the office's consolidated one, any export, the import error report)."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from metodkab.reports.xlsx import Column, Sheet, write_xlsx
from metodkab.sync.consolidated import consolidate
from metodkab.sync.consolidated_files import write_workbook
from metodkab.sync.municipal import open_municipal
from tests.unit.test_hostile_support import FORMULA_NAME, hostile_office
from tests.unit.test_sync_support import CLOCK


def formulas(path) -> list[str]:
    """Every cell of every sheet that a spreadsheet would compute."""
    book = load_workbook(path)
    return [f"{ws.title}!{cell.coordinate}" for ws in book.worksheets
            for row in ws.iter_rows() for cell in row if cell.data_type == "f"]


def texts(path) -> list[str]:
    book = load_workbook(path)
    return [cell.value for ws in book.worksheets for row in ws.iter_rows() for cell in row
            if isinstance(cell.value, str)]


def test_generic_writer_keeps_formula_text_as_text(tmp_path):
    rows = [[FORMULA_NAME, "=1+1", "+7(900)", "@SUM(A1)", 5, dt.date(2026, 1, 2), "a\x01b"]]
    sheet = Sheet("Лист", FORMULA_NAME, [Column(FORMULA_NAME)] + [Column("x")] * 6, rows)
    path = write_xlsx(tmp_path, "список", [sheet], day=dt.date(2026, 11, 23))
    assert formulas(path) == []
    assert texts(path).count(FORMULA_NAME) == 3       # title, header and the row
    assert "=1+1" in texts(path) and "ab" in texts(path)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    return hostile_office(tmp_path_factory.mktemp("hostile-xlsx"))


def test_consolidated_workbook_has_no_formula(office, tmp_path):
    muni = open_municipal(office.office, clock=CLOCK)
    try:
        report = consolidate(muni, CLOCK.today())
    finally:
        muni.close()
    path = write_workbook(report, tmp_path)
    assert formulas(path) == []
    assert FORMULA_NAME in texts(path)
