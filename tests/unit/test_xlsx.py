"""XLSX exports read back with openpyxl: title row, headers, real dates, widths, frozen
header, filter; the indicators, a drill-down and the staff register (all pages)."""

from __future__ import annotations

import datetime as dt

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

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
    path = write_xlsx(tmp_path / "out", "Список: 1/2", [sheet], day=D1)
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
    assert 6 <= ws.column_dimensions["C"].width <= 9         # as wide as needed, up to 9
    assert ws.column_dimensions["A"].width >= len("Петров Пётр Петрович") / 1.3


def test_print_setup_font_borders_and_footer(tmp_path):
    wide = [Column(f"Столбец номер {i}", 20) for i in range(8)]
    narrow = Sheet("Узкий", "Узкий лист", (Column("ФИО"), Column("Число")), [["Иванова", 1]])
    path = write_xlsx(tmp_path, "печать", [
        Sheet("Широкий", "Широкий лист", wide, [["слово " * 5] * 8]), narrow], day=D1)
    book = openpyxl.load_workbook(path)
    for ws, orientation in ((book["Широкий"], "landscape"), (book["Узкий"], "portrait")):
        assert ws.page_setup.orientation == orientation
        assert int(ws.page_setup.paperSize) == 9                        # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.print_title_rows == "$2:$2"                           # header on every page
        assert ws.oddFooter.center.text == "стр. &P из &N"
        fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
        assert fonts == {"Arial"}                                       # titles included
        for row in ws.iter_rows(min_row=2):
            for c in row:
                assert c.border.left.style == c.border.bottom.style == "thin"
    ws = book["Широкий"]
    # The wrapped data row is as tall as its lines (LibreOffice does not grow it by itself).
    assert ws.row_dimensions[3].height > ws.row_dimensions[2].height >= 12
    assert ws["A3"].alignment.wrap_text and ws["A2"].alignment.wrap_text


def test_text_is_never_a_formula(tmp_path):
    sheet = Sheet("Лист", "=HYPERLINK(\"http://x\")", (Column("ФИО"), Column("Заметка")),
                  [["=1+2", "+7 (900) 000-00-00"], ["@SUM(A1)", "-обычный текст"]])
    path = write_xlsx(tmp_path, "формулы", [sheet], day=D1)
    ws = openpyxl.load_workbook(path)["Лист"]
    assert ws["A1"].data_type == "s" and ws["A1"].value.startswith("=HYPERLINK")
    assert ws["A3"].value == "=1+2" and ws["A3"].data_type == "s" and ws["A3"].quotePrefix
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    import zipfile

    with zipfile.ZipFile(path) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()


def test_empty_columns_are_left_out_and_totals_sum(tmp_path):
    sheet = Sheet("Лист", "Т", (Column("ФИО"), Column("Пусто"), Column("Пар", total=True),
                               Column("Доля", percent=True)),
                  [["Иванова", None, 2, 27.5], ["Петрова", "", 3, 100]], totals="Итого")
    ws = openpyxl.load_workbook(write_xlsx(tmp_path, "т", [sheet], day=D1))["Лист"]
    assert [c.value for c in ws[2]] == ["ФИО", "Пар", "Доля"]
    assert [c.value for c in ws[5]] == ["Итого", 5, None]
    assert ws["A5"].font.bold
    assert ws["C3"].value == 0.275 and ws["C3"].number_format == "0.0%"
    assert ws.auto_filter.ref == "A2:C4"             # the totals row is not filtered
    # With no rows at all, the header stays whole.
    empty = Sheet("Пусто", "Т", (Column("ФИО"), Column("Пар")), [])
    ws = openpyxl.load_workbook(write_xlsx(tmp_path, "п", [empty], day=D1))["Пусто"]
    assert [c.value for c in ws[2]] == ["ФИО", "Пар"]


def test_no_word_is_broken_and_lines_are_counted():
    from metodkab.reports.xlsx import column_widths, wrapped_lines

    assert wrapped_lines("", 10) == 1
    assert wrapped_lines("один два три", 8) == 2
    assert wrapped_lines("один\nдва", 40) == 2
    assert wrapped_lines("аааааааааа", 4) == 3                  # a word longer than a line
    widths = column_widths([Column("Окончание", 5), Column("Возраст", 4)], [[None, 30]])
    assert widths[0] >= len("Окончание") and widths[1] >= len("Возраст")


def test_overwrites_atomically(tmp_path):
    sheet = Sheet("Лист", "Т", (Column("А"),), [[1]])
    first = write_xlsx(tmp_path, "файл", [sheet], day=D1)
    second = write_xlsx(tmp_path, "файл.xlsx", [Sheet("Лист", "Т", (Column("А"),), [[2]])],
                        day=D1)
    assert first == second
    assert openpyxl.load_workbook(second)["Лист"]["A3"].value == 2
    assert len(list(tmp_path.iterdir())) == 1


def test_properties_are_dated_by_the_report_date_not_the_machine_clock(tmp_path):
    path = write_xlsx(tmp_path, "файл", [Sheet("Лист", "Т", (Column("А"),), [[1]])],
                      day=dt.date(2025, 3, 7))
    props = openpyxl.load_workbook(path).properties
    assert props.created == props.modified == dt.datetime(2025, 3, 7, 12, 0)
    assert not props.creator


def test_the_same_data_gives_the_same_file_byte_for_byte(tmp_path):
    """Workbooks and Word documents are dated by the report date, their properties and
    every member of the archive: written twice (a second apart or a year), the same."""
    import time
    import zipfile

    from metodkab.reports import docx as W

    sheet = Sheet("Лист", "Т", (Column("А"),), [["текст"]])
    first = write_xlsx(tmp_path / "1", "ф", [sheet], day=dt.date(2025, 3, 7)).read_bytes()
    time.sleep(2.1)                           # a zip stores its times in 2-second steps
    second = write_xlsx(tmp_path / "2", "ф", [sheet], day=dt.date(2025, 3, 7))
    assert second.read_bytes() == first
    with zipfile.ZipFile(second) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2025, 3, 7, 12, 0, 0)}

    def document():
        out = W.new_document(title="Приказ", day=dt.date(2025, 3, 7))
        W.paragraph(out, "текст")
        return out

    one = W.write_docx(tmp_path / "1", "Приказ", document()).read_bytes()
    other = W.write_docx(tmp_path / "2", "Приказ", document())
    assert other.read_bytes() == one
    with zipfile.ZipFile(other) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2025, 3, 7, 12, 0, 0)}


def test_a_failed_save_keeps_the_old_workbook(tmp_path, monkeypatch):
    import errno

    import pytest
    from metodkab.reports import xlsx
    from metodkab.storage.files import FileProblem

    first = write_xlsx(tmp_path, "файл", [Sheet("Лист", "Т", (Column("А"),), [[1]])], day=D1)
    before = first.read_bytes()

    def full_disk(self):
        self._archive.writestr("xl/workbook.xml", "<half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xlsx.ExcelWriter, "save", full_disk)
    with pytest.raises(FileProblem, match="места"):
        write_xlsx(tmp_path, "файл", [Sheet("Лист", "Т", (Column("А"),), [[2]])], day=D1)
    assert first.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir()] == [first.name]


def test_indicators_export(school, tmp_path):  # noqa: F811
    store, p = school
    save_school(store, School(full_name="МБОУ СОШ № 1", short_name="СОШ № 1"))
    set_settings(store, {"report_date": "23.11.2026"})
    report = si.load_report(store)
    path = ex.export_indicators(store, report, folder=tmp_path)
    assert path.name == "Показатели 2026-11-23.xlsx"
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "СОШ № 1 · Показатели и отчёты · на 23.11.2026"
    header = [c.value for c in ws[2]]
    assert header[:2] == ["Раздел", "Показатель"] and header[-1] == "Формула и источник"
    assert {"Доля", "Число", "Из", "Цель", "Статус"} <= set(header)
    rows = {r[1]: dict(zip(header, r)) for r in ws.iter_rows(min_row=3, values_only=True)}
    dpo = rows["ДПО из реестра по диагностике"]
    assert (dpo["Доля"], dpo["Число"], dpo["Из"], dpo["Цель"], dpo["Статус"]) == (
        0.2, 1, 5, "≥ 30 %", "не достигнуто")
    share_column = header.index("Доля") + 1
    assert ws.cell(3, share_column).number_format.endswith("%")
    young = rows["Молодые педагоги с поддержкой"]
    assert (young["Доля"], young["Число"], young["Из"], young["Цель"]) == (1, 1, 1, "≥ 70 %")
    pairs = rows["Действующие пары наставников"]
    assert (pairs["Доля"], pairs["Число"], pairs["Из"]) == (None, 1, None)   # D–C (§6); a count: no %
    assert "Р-76" in dpo["Формула и источник"]
    assert ws.max_row == 2 + len(report.results)


def test_drill_down_export(school, tmp_path):  # noqa: F811
    store, p = school
    report = si.load_report(store, D1)
    overdue = next(r for r in report.results if r.key == "training_overdue")
    path = ex.export_drill(store, report, overdue, folder=tmp_path)
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value.startswith("Не проходили ПК более 3 лет: 20,0% (1 из 5)")
    assert [c.value for c in ws[2]] == ["ФИО", "Должность", "Список"]
    assert list(ws.iter_rows(min_row=3, values_only=True)) == [
        ("Зайцева Тест", "учитель", "учтён"),
        ("Антонова Тест", "учитель", "не учтён"), ("Борисова Тест", "учитель", "не учтён"),
        ("Васильева Тест", "учитель", "не учтён"), ("Григорьев Тест", "учитель", "не учтён")]


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
    # active staff overdue on D1: G (none), H; not C (first 3 years of педстаж, §6)
    assert names == ["Жуков Тест", "Зайцева Тест"]
    header = [c.value for c in ws[2]]
    zaytseva = dict(zip(header, rows[1]))
    assert zaytseva["Последние курсы"] == dt.datetime(2022, 11, 22)
    assert zaytseva["Просрочены курсы"] == "да"
    assert ws.cell(4, header.index("Последние курсы") + 1).number_format == "DD.MM.YYYY"
    assert ri.SHARE == "share"


def _lines_by_hand(text: str, capacity: int) -> int:
    """A second, plain count: lay the words out line by line as a spreadsheet wraps them
    (a word that does not fit starts a new line; a word longer than a line is cut)."""
    total = 0
    for paragraph in text.split("\n"):
        lines = [""]
        for word in paragraph.split():
            if lines[-1] and len(lines[-1]) + 1 + len(word) <= capacity:
                lines[-1] += " " + word
                continue
            if lines[-1]:
                lines.append("")
            while len(word) > capacity:
                lines[-1] = word[:capacity]
                lines.append("")
                word = word[capacity:]
            lines[-1] = word
        total += len(lines)
    return max(total, 1)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="аб в\n", max_size=60), st.integers(min_value=1, max_value=12))
def test_wrapped_lines_agree_with_laying_the_words_out(text, capacity):
    from metodkab.reports.xlsx import wrapped_lines

    assert wrapped_lines(text, capacity) == _lines_by_hand(text, capacity)
