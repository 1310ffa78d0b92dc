"""The workbook writer's row heights (reports/xlsx.py): each row as tall as its text wraps
in Excel and LibreOffice — never shorter (a cut line), a spare line only where Excel needs
one that LibreOffice does not."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metodkab.reports import xlsx as X
from metodkab.reports.xlsx import Column, Sheet, text_lines, text_points, write_xlsx

# (text, column width, bold, lines) — the lines LibreOffice 7.4 lays each text out in
# (the optimal height of a cell of that width in a workbook whose default font is
# Arial 9.5, as write_xlsx makes it), measured through its UNO API.
LIBREOFFICE = [
    ('Андреев Дмитрий Павлович', 10, False, 3),
    ('Андреев Дмитрий Павлович', 18, False, 2),
    ('Андреев Дмитрий Павлович', 30, False, 1),
    ('Григорьева Татьяна Владимировна', 10, False, 4),
    ('Григорьева Татьяна Владимировна', 14, False, 3),
    ('Григорьева Татьяна Владимировна', 18, False, 3),
    ('Григорьева Татьяна Владимировна', 30, False, 2),
    ('заместитель директора, учитель', 10, False, 4),
    ('заместитель директора, учитель', 18, False, 2),
    ('заместитель директора, учитель', 30, False, 1),
    ('преподаватель-организатор ОБЗР, учитель', 10, False, 5),
    ('преподаватель-организатор ОБЗР, учитель', 18, False, 3),
    ('преподаватель-организатор ОБЗР, учитель', 30, False, 2),
    ('иностранный язык (английский), иностранный язык (немецкий)', 10, False, 8),
    ('иностранный язык (английский), иностранный язык (немецкий)', 18, False, 4),
    ('иностранный язык (английский), иностранный язык (немецкий)', 30, False, 2),
    ('Цифровые образовательные ресурсы ФГИС «Моя школа» в работе учителя', 10, False, 10),
    ('Цифровые образовательные ресурсы ФГИС «Моя школа» в работе учителя', 18, False, 5),
    ('Цифровые образовательные ресурсы ФГИС «Моя школа» в работе учителя', 30, False, 3),
    ('ФГАОУ ДПО «Академия Минпросвещения России»', 10, False, 7),
    ('ФГАОУ ДПО «Академия Минпросвещения России»', 18, False, 4),
    ('ФГАОУ ДПО «Академия Минпросвещения России»', 30, False, 2),
    ('Управление образования Берёзовского района', 10, False, 7),
    ('Управление образования Берёзовского района', 18, False, 4),
    ('Управление образования Берёзовского района', 30, False, 2),
    ('Доля педагогов с высшим педагогическим образованием. Приказ № 1324, п. 1.20.', 10, False, 10),
    ('Доля педагогов с высшим педагогическим образованием. Приказ № 1324, п. 1.20.', 18, False, 6),
    ('Доля педагогов с высшим педагогическим образованием. Приказ № 1324, п. 1.20.', 30, False, 3),
    ('Обеспечить непрерывное повышение профессионального мастерства педагогов на основе диагностики профессиональных дефицитов', 10, False, 18),
    ('Обеспечить непрерывное повышение профессионального мастерства педагогов на основе диагностики профессиональных дефицитов', 18, False, 10),
    ('Обеспечить непрерывное повышение профессионального мастерства педагогов на основе диагностики профессиональных дефицитов', 30, False, 5),
    ('удостоверение 703359063448', 10, False, 4),
    ('удостоверение 703359063448', 14, False, 2),
    ('удостоверение 703359063448', 18, False, 2),
    ('удостоверение 703359063448', 30, False, 1),
    ('Школа молодого педагога: цикл практических семинаров', 10, False, 8),
    ('Школа молодого педагога: цикл практических семинаров', 14, False, 5),
    ('Школа молодого педагога: цикл практических семинаров', 18, False, 4),
    ('Школа молодого педагога: цикл практических семинаров', 30, False, 2),
    ('МЕТОДИЧЕСКИЙ СОВЕТ ШКОЛЫ', 10, False, 4),
    ('МЕТОДИЧЕСКИЙ СОВЕТ ШКОЛЫ', 18, False, 2),
    ('МЕТОДИЧЕСКИЙ СОВЕТ ШКОЛЫ', 30, False, 2),
    ('Шумилова Щукина Жанна Юрьевна', 10, False, 4),
    ('Шумилова Щукина Жанна Юрьевна', 14, False, 3),
    ('Шумилова Щукина Жанна Юрьевна', 18, False, 2),
    ('Шумилова Щукина Жанна Юрьевна', 30, False, 2),
    ('12,5 %; 3 из 24 (без совместителей)', 10, False, 4),
    ('12,5 %; 3 из 24 (без совместителей)', 18, False, 2),
    ('12,5 %; 3 из 24 (без совместителей)', 30, False, 2),
    ('Итого (курсов: 71)', 10, True, 3),
    ('Итого (курсов: 71)', 14, True, 2),
    ('Итого (курсов: 71)', 18, True, 1),
    ('Итого (курсов: 71)', 24, True, 1),
    ('Итого (курсов: 71)', 30, True, 1),
    ('Итого (курсов: 71)', 40, True, 1),
    ('Последние курсы (окончание)', 10, True, 4),
    ('Последние курсы (окончание)', 14, True, 3),
    ('Последние курсы (окончание)', 18, True, 2),
    ('Последние курсы (окончание)', 24, True, 2),
    ('Последние курсы (окончание)', 30, True, 1),
    ('Последние курсы (окончание)', 40, True, 1),
    ('Из федерального реестра', 10, True, 4),
    ('Из федерального реестра', 14, True, 3),
    ('Из федерального реестра', 18, True, 2),
    ('Из федерального реестра', 24, True, 2),
    ('Из федерального реестра', 30, True, 1),
    ('Из федерального реестра', 40, True, 1),
    ('Встреч запланировано', 10, True, 3),
    ('Встреч запланировано', 14, True, 3),
    ('Встреч запланировано', 18, True, 2),
    ('Встреч запланировано', 24, True, 1),
    ('Встреч запланировано', 30, True, 1),
    ('Встреч запланировано', 40, True, 1),
]


@pytest.mark.parametrize(("text", "width", "bold", "lines"), LIBREOFFICE)
def test_lines_as_libreoffice_lays_them_out_never_fewer(text, width, bold, lines):
    """Never fewer lines than LibreOffice takes (the row would cut the text), at most one
    more (Excel's cell is a little narrower: 7 px a unit against 5.3 pt)."""
    assert lines <= text_lines(text, width, bold=bold) <= lines + 1


def test_most_rows_are_exactly_as_libreoffice_wraps_them():
    exact = sum(text_lines(t, w, bold=b) == n for t, w, b, n in LIBREOFFICE)
    assert exact >= 0.8 * len(LIBREOFFICE)      # 62 of 73 (the rest: Excel needs one more)


@pytest.mark.parametrize("lines", range(1, 7))
def test_a_row_holds_its_lines_in_excel_and_libreoffice_without_a_spare_one(lines):
    height = X._height(lines)
    assert height >= 12.75 * lines                     # Excel: 17 px a line of Arial 10
    libreoffice = 11.2 * lines + 1.6                   # measured: 12.8, 23.8, 35.0 … pt
    assert libreoffice <= height < libreoffice + 11.2  # not a whole line to spare


def _by_hand(text: str, room: float, measure) -> int:
    """A second, plain layout: put the words on lines one by one, a word that does not fit
    on a line of its own, cut into as many whole lines as it fills when longer."""
    total = 0
    for paragraph in text.split("\n"):
        lines = [""]
        for word in paragraph.split():
            joined = f"{lines[-1]} {word}" if lines[-1] else word
            if measure(joined) <= room:
                lines[-1] = joined
                continue
            if lines[-1]:
                lines.append("")
            while measure(word) > room and len(word) > 1:
                cut = max([n for n in range(1, len(word) + 1) if measure(word[:n]) <= room],
                          default=1)
                lines[-1] = word[:cut]
                lines.append("")
                word = word[cut:]
            lines[-1] = word
        total += len(lines)
    return max(total, 1)


@settings(max_examples=120, deadline=None)
@given(st.text(alphabet="шийМ Щ1.«\n", max_size=50), st.integers(min_value=2, max_value=40),
       st.booleans())
def test_arial_layout_agrees_with_laying_the_words_out(text, width, bold):
    room = X.line_room(width)

    def measure(piece):
        return text_points(piece, bold=bold)

    assert X.wrapped_lines(text, room, measure) == _by_hand(text, room, measure)


def test_a_hyphen_between_letters_may_break_the_line():
    # «преподаватель-» fits a line of 24 units, «преподаватель-организатор» does not:
    # LibreOffice breaks after the hyphen (3 lines), a cut inside the word would take 2
    assert text_lines("преподаватель-организатор ОБЗР, учитель", 24) == 3
    assert X._HYPHEN.split("3-12") == ["3-12"]


def test_text_is_measured_with_arial_widths():
    assert text_points("0") == pytest.approx(5.56)       # a digit of Arial 10
    assert text_points("Ш") > text_points("ш") > text_points("г")
    assert text_points("ш", bold=True) > text_points("ш")
    assert text_points("中") == X.WIDEST / 100           # unknown: the widest


def test_workbook_counts_column_width_in_arial(tmp_path):
    """The default font sets the unit of column width: Arial 9.5, not Calibri 11 (which
    LibreOffice replaced by a wider font on a system without it)."""
    path = write_xlsx(tmp_path, "ш", [Sheet("Лист", "Т", (Column("А"),), [["текст"]])],
                      day=dt.date(2026, 11, 23))
    wb = openpyxl.load_workbook(path)
    default = wb._fonts[0]
    assert (default.name, default.sz) == ("Arial", 9.5)
    assert wb["Лист"]["A3"].font.name == "Arial" and wb["Лист"]["A3"].font.sz == 10


def test_a_name_that_fits_stays_on_one_line(tmp_path):
    """A column fitted to its content holds its longest line on one line (in Excel too):
    one line of height, not two."""
    names = ["Григорьева Татьяна Владимировна", "Ли Ан"]
    path = write_xlsx(tmp_path, "ф", [Sheet("Лист", "Т", (Column("ФИО"),), [[n] for n in names])],
                      day=dt.date(2026, 11, 23))
    ws = openpyxl.load_workbook(path)["Лист"]
    width = ws.column_dimensions["A"].width
    assert text_points(names[0]) <= X.line_room(width)
    assert ws.row_dimensions[3].height == ws.row_dimensions[4].height == X._height(1)


def test_a_percent_column_holds_its_widest_value_with_the_sign():
    """«100.0%» shown as «###» in LibreOffice: the % sign counts in the column's width."""
    from metodkab.reports.xlsx import column_widths

    [width] = column_widths([Column("Доля", percent=True)], [[100.0], [7.7]])
    assert text_points("100.0%") <= X.line_room(width)


def test_a_band_title_never_breaks_inside_a_word(tmp_path):
    """The office's matrix: «Участники конкурсов профмастерства» over one narrow column
    printed «Участ|ни конкур|сов»: the column under a band holds its longest word."""
    sheet = Sheet("М", "Т", (Column("Код"), Column("число"), Column("чел."), Column("%")),
                  [["0412", 1, 2, 3]], bands=(("", 1), ("Участники конкурсов профмастерства", 1),
                                              ("Доля", 2)), keep_columns=True)
    ws = openpyxl.load_workbook(write_xlsx(tmp_path, "м", [sheet],
                                           day=dt.date(2026, 11, 23)))["М"]
    assert X.line_room(ws.column_dimensions["B"].width) >= text_points("профмастерства",
                                                                       bold=True)
    assert ws.row_dimensions[2].height == X._height(3)      # a word a line, none cut


def test_a_title_over_the_repeated_columns_is_whole_on_every_page(tmp_path):
    """The office's matrix prints pages across with columns A:B repeated: its title sits
    over those two (wrapped, the row as tall as it), not sliced off at their edge."""
    title = "УО района: показатели школ на 23.11.2026"
    sheet = Sheet("М", title, [Column("Код"), Column("Школа"), *[Column(f"к{i}") for i in
                                                                  range(30)]],
                  [["0412", "СОШ № 12", *range(30)]], keep_columns=True,
                  after=lambda ws, _row: X.title_over(ws, 2))
    ws = openpyxl.load_workbook(write_xlsx(tmp_path, "м", [sheet],
                                           day=dt.date(2026, 11, 23)))["М"]
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:B1"]
    width = ws.column_dimensions["A"].width + ws.column_dimensions["B"].width
    lines = text_lines(title, width, bold=True, size=X.TITLE_SIZE)
    assert lines > 1 and ws.row_dimensions[1].height == X._height(lines, X.TITLE_SIZE)
