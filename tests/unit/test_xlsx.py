"""XLSX exports read back with openpyxl: title row, headers, real dates, widths, frozen
header, filter; the indicators, a drill-down and the staff register (all pages)."""

from __future__ import annotations

import datetime as dt

import openpyxl

from metodkab.domain.models import School
from metodkab.reports import indicators as ri
from metodkab.reports.xlsx import Column, Sheet, write_xlsx
from metodkab.screens import indicators_export as ex
from metodkab.storage import indicators as si
from metodkab.storage.school import save_school
from metodkab.storage.settings import set_settings
from metodkab.storage.staff import StaffQuery
from tests.unit.test_indicators import D1, school  # noqa: F401  (the hand-made school)


def test_generic_sheet(tmp_path):
    sheet = Sheet("Список", "Школа · Список · на 23.11.2026",
                  (Column("ФИО"), Column("Дата"), Column("Доля", 9, "0.0")),
                  [["Иванова Анна", dt.date(2026, 3, 1), 27.5],
                   ["Петров Пётр Петрович", None, 100]])
    path = write_xlsx(tmp_path / "out", "Список: 1/2", [sheet])
    assert path.name == "Список_ 1_2.xlsx" and path.is_absolute()
    assert [p.name for p in path.parent.iterdir()] == [path.name]       # no temp file left
    ws = openpyxl.load_workbook(path)["Список"]
    assert ws["A1"].value == "Школа · Список · на 23.11.2026"
    assert "A1:C1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]] == ["ФИО", "Дата", "Доля"]
    assert ws["A2"].font.bold
    assert ws["B3"].value == dt.datetime(2026, 3, 1) and ws["B3"].number_format == "DD.MM.YYYY"
    assert ws["C3"].value == 27.5 and ws["C3"].number_format == "0.0"
    assert ws["B4"].value is None
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:C4"
    assert ws.column_dimensions["C"].width == 9
    assert ws.column_dimensions["A"].width == len("Петров Пётр Петрович") + 2


def test_overwrites_atomically(tmp_path):
    sheet = Sheet("Лист", "Т", (Column("А"),), [[1]])
    first = write_xlsx(tmp_path, "файл", [sheet])
    second = write_xlsx(tmp_path, "файл.xlsx", [Sheet("Лист", "Т", (Column("А"),), [[2]])])
    assert first == second
    assert openpyxl.load_workbook(second)["Лист"]["A3"].value == 2
    assert len(list(tmp_path.iterdir())) == 1


def test_indicators_export(school, tmp_path):  # noqa: F811
    store, p = school
    save_school(store, School(full_name="МБОУ СОШ № 1", short_name="СОШ № 1"))
    set_settings(store, {"report_date": "23.11.2026"})
    report = si.load_report(store)
    path = ex.export_indicators(store, report, folder=tmp_path)
    assert path.name == "Показатели 2026-11-23.xlsx"
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "СОШ № 1 · Показатели и отчёты · на 23.11.2026"
    assert [c.value for c in ws[2]] == ["Раздел", "Показатель", "Значение", "Число", "Из",
                                        "Цель", "Статус", "Формула и источник"]
    rows = {r[1]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    assert rows["ДПО из реестра по диагностике"][:7] == (
        "Федеральные показатели", "ДПО из реестра по диагностике", 20, 1, 5, 30,
        "не достигнуто")
    assert rows["Молодые педагоги с поддержкой"][2:7] == (100, 1, 1, 70, "достигнуто")
    assert rows["Действующие пары наставников"][2:5] == (3, 3, None)
    assert "Р-76" in rows["ДПО из реестра по диагностике"][7]
    assert ws.max_row == 2 + len(report.results)


def test_drill_down_export(school, tmp_path):  # noqa: F811
    store, p = school
    report = si.load_report(store, D1)
    overdue = next(r for r in report.results if r.key == "training_overdue")
    path = ex.export_drill(store, report, overdue, folder=tmp_path)
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value.startswith("Не проходили ПК более 3 лет: 40,0% (2 из 5)")
    assert [c.value for c in ws[2]] == ["ФИО", "Должность", "Список"]
    assert list(ws.iter_rows(min_row=3, values_only=True)) == [
        ("Васильева Тест", "учитель", "учтён"), ("Зайцева Тест", "учитель", "учтён"),
        ("Антонова Тест", "учитель", "не учтён"), ("Борисова Тест", "учитель", "не учтён"),
        ("Григорьев Тест", "учитель", "не учтён")]


def test_staff_export_takes_every_page_of_the_filtered_list(school, tmp_path):  # noqa: F811
    store, p = school
    set_settings(store, {"report_date": "23.11.2026"})
    query = StaffQuery(overdue=True, limit=1, offset=1)      # one row per page on screen
    path = ex.export_staff(store, query, folder=tmp_path)
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "Кадры · на 23.11.2026"
    assert ws["A2"].value == "ФИО" and ws.freeze_panes == "A3"
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    names = [r[0] for r in rows]
    # active staff overdue on D1: C (never), E (part-timer, none counted), G (none), H
    assert names == ["Васильева Тест", "Жуков Тест", "Зайцева Тест"]
    zaytseva = rows[2]
    assert zaytseva[5] == dt.datetime(2022, 11, 22) and zaytseva[6] == "да"
    assert ws["F5"].number_format == "DD.MM.YYYY"
    assert ri.SHARE == "share"
