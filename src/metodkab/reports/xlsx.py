"""The one workbook writer (openpyxl): every table the app exports becomes a sheet that
prints on A4 without manual adjustment.

Each sheet has a title row (the school, what it is, the report date), a bold header row
with Russian column names, frozen below the title and repeated on every printed page,
an autofilter, borders, one typeface (Arial), wrapped text in rows tall enough for it
(LibreOffice does not grow rows by itself), columns no narrower than their longest word,
dates stored as real dates (ДД.ММ.ГГГГ), numbers as numbers and percents as fractions
with a % format; a column with no value is left out, a sheet that counts something ends
with a totals row. Pages: A4, fitted to the width (landscape when wide), «стр. N из M».
Text is always text: a value starting with «=» is never a formula. The file is written by
``storage.files.atomic_write`` (temporary name, fsync, rename, folder synced), so a
half-written file never carries the final name.
"""

from __future__ import annotations

import datetime as dt
from copy import copy
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.page import PageMargins
from openpyxl.writer.excel import ExcelWriter

from metodkab import strings as S
from metodkab.storage.files import atomic_write

DATE_FORMAT = "DD.MM.YYYY"
PERCENT = "0.0%"
MAX_WIDTH = 60
FONT = "Arial"                  # one typeface everywhere, titles included
SIZE = 10
TITLE_SIZE = 12
# A unit of column width is the width of a digit of the workbook's default font (its
# «Normal» style). Excel takes 7 px at 96 dpi (5.25 pt) for Arial of 9.5 or 10 points and
# for Calibri 11 alike; LibreOffice takes the digit's own width: 5.6 pt for Calibri 11 on
# Windows, 7 pt on a Linux without Calibri or Carlito (DejaVu in its place), 5.3 pt for
# Arial 9.5. So the default font is Arial 9.5 (write_xlsx; every cell sets its own font):
# a column is then as wide in LibreOffice, anywhere, as in Excel. Text is measured with
# Arial's own widths (ADVANCES) against Excel's narrower cell, so a row is never too short
# in either.
UNIT_POINTS = 5.25              # points a unit of column width is (Excel)
CELL_MARGIN = 6.0               # points a cell keeps beside its text (padding, borders)
LINE_POINTS = 12.75             # a line of 10-point Arial: Excel's (17 px); LibreOffice 11.2
ROW_MARGIN = 1.5                # points above and below the lines of a row
LANDSCAPE_WIDTH = 180           # what a landscape A4 holds at a readable scale (~80 %)
NARROWEST = 14                  # text columns are narrowed to fit the page down to this
PORTRAIT_WIDTH = 120            # the widest sheet (sum of column widths) printed portrait
FONT_PLAIN = Font(name=FONT, size=SIZE)
UNIT_FONT = Font(name=FONT, size=9.5)     # the default font: the unit of column width
BOLD = Font(name=FONT, size=SIZE, bold=True)
TITLE_FONT = Font(name=FONT, size=TITLE_SIZE, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
FILLS = {"good": PatternFill("solid", fgColor="C6EFCE"),     # met: light green
         "bad": PatternFill("solid", fgColor="FFC7CE")}      # not met: light red
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="center")
DATA_ALIGNMENT = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Column:
    header: str
    width: int | None = None          # the widest the column gets (None: MAX_WIDTH); a
                                      # column whose content is narrower is narrower
    number_format: str | None = None  # e.g. "0.0" for a ratio with one decimal
    percent: bool = False             # values are percents (27.5): stored as 0.275, "0.0%"
    total: bool = False               # summed in the totals row (when the sheet has one)


@dataclass(frozen=True)
class Sheet:
    name: str                                  # the tab (up to 31 characters)
    title: str                                 # the title row
    columns: Sequence[Column]
    rows: Sequence[Sequence[Any]] = field(default_factory=tuple)
    totals: str | None = None                  # the label of a totals row under the data
    # A matrix (the office's schools × indicators): a band of merged titles above the
    # header row, each over ``span`` columns; fills of data cells by (row, column) index
    # ("good" / "bad"); data rows in bold (a targets row, a computed total); every
    # column kept, empty or not (the bands span them); the first ``frozen`` columns stay
    # in view; ``after`` adds what the sheet draws (charts) once the cells are written.
    bands: Sequence[tuple[str, int]] = ()
    fills: dict[tuple[int, int], str] = field(default_factory=dict)
    bold_rows: frozenset[int] = frozenset()
    keep_columns: bool = False
    frozen: int = 0
    after: Any = None                          # Callable[[worksheet, first data row], None]


def safe_file_name(text: str) -> str:
    """A file name without characters Windows forbids."""
    return re.sub(r'[\\/:*?"<>|]+', "_", text).strip(" .") or "export"


def property_time(day: dt.date) -> dt.datetime:
    """The created/modified time of a file's properties: the document's own date (the
    report date, frozen in tests), never the machine's clock, so the same data gives the
    same document. Noon, because the properties are stored in UTC and Word shows them in
    local time: noon is the same date in every time zone of Russia."""
    return dt.datetime.combine(day, dt.time(12, 0))


class DatedZip(ZipFile):
    """A zip archive (a workbook, a Word document) whose members carry the document's
    own time, not the moment of writing: the same data gives the same file, byte for
    byte."""

    def __init__(self, file, when: dt.datetime) -> None:
        super().__init__(file, "w", ZIP_DEFLATED, allowZip64=True)
        self.when = when.timetuple()[:6]

    def writestr(self, name, data, *args, **kwargs) -> None:
        if isinstance(name, str):
            name = ZipInfo(name, date_time=self.when)
            name.compress_type = ZIP_DEFLATED
            name.external_attr = 0o600 << 16
        super().writestr(name, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs) -> None:
        """A file from disk (openpyxl writes each sheet to a temporary file first) goes
        in under the document's time too, not the file's."""
        with open(filename, "rb") as fh:
            self.writestr(arcname or Path(filename).name, fh.read())


def free_name(folder: Path | str, name: str, suffix: str = ".xlsx") -> str:
    """``name`` (a file in ``folder``), or «name (2)», «name (3)» … when a file of that
    name is already there: a second report or order of the day never overwrites the
    first silently."""
    candidate, number = name, 1
    while (Path(folder) / (safe_file_name(candidate) + suffix)).exists():
        number += 1
        candidate = f"{name} ({number})"
    return candidate



def _sheet_name(text: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "_", text)[:31] or S.XLSX_SHEET_DEFAULT


# --- measuring text -------------------------------------------------------------------------


def _text(value: Any, *, percent: bool = False) -> str:
    """A value as the reader sees it (for widths and heights only): a number too wide for
    its column shows as «###»."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return "00.00.0000"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and percent:
        return f"{value:.1f}%"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _advances(groups: dict[int, str]) -> dict[str, int]:
    return {char: width for width, chars in groups.items() for char in chars}


# Advance widths of Arial (per 1000 of the font's size) — those of Liberation Sans, which
# LibreOffice puts in Arial's place and which has Arial's metrics — for the characters a
# register holds; any other character counts as WIDEST.
ADVANCES = _advances({
    191: "'", 222: 'ijl', 278: 'ftI .,:;![]/\\', 333: 'r-()·', 355: '"', 365: 'г',
    389: '*', 438: 'к', 458: 'зт', 500: 'сухcksvxyzJ', 510: 'э', 521: 'чь', 531: 'в',
    542: 'пяГ', 549: '≤≥', 552: 'н', 556: 'аеёорabdeghnopquL0123456789?–«»_#', 559: 'ий',
    573: 'бц', 583: 'длК', 584: '+=<>', 604: 'З', 611: 'ТFTZ', 625: 'ъ', 635: 'У',
    656: 'БЛЬ', 667: 'АВЕЁРХЧABEKPSVXY&', 669: 'ж', 677: 'Д', 688: 'м', 719: 'ыИЙПЭ',
    722: 'НСЯwCDHNRU', 740: 'Ц', 750: 'ю', 760: 'Ф', 778: 'ОGOQ', 792: 'Ъ', 802: 'ш',
    823: 'фщ', 833: 'МmM', 885: 'Ы', 889: '%', 917: 'Ш', 923: 'Ж', 938: 'Щ', 944: 'W',
    1000: '—…', 1010: 'Ю', 1015: '@', 1073: '№'})
BOLD_ADVANCES = _advances({
    238: "'", 278: 'ijlI .,/\\', 333: 'ft:;!-()[]·', 389: 'r*', 417: 'г', 474: '"',
    490: 'т', 497: 'з', 500: 'кz', 549: '≤≥', 552: 'э',
    556: 'аеёсухaceksvxyJ0123456789–«»_#', 567: 'Г', 581: 'ч', 583: 'я', 584: '+=<>',
    604: 'нп', 610: 'К', 611: 'орТbdghnopquFLTZ?', 615: 'вийць', 618: 'б', 622: 'У',
    626: 'З', 635: 'дл', 667: 'ЕРХEPSVXY', 669: 'Ё', 702: 'Л', 703: 'Ч', 709: 'ж',
    711: 'Э', 712: 'Д', 719: 'БИЙПЬЯ', 722: 'АВНСABCDHKNRU&', 729: 'ъ', 730: 'Ц', 740: 'м',
    778: 'ОwGOQ', 833: 'шМM', 844: 'щ', 854: 'ыюФ', 870: 'Ъ', 875: 'ф', 889: 'm%',
    904: 'Ж', 944: 'W', 975: '@', 979: 'Ы', 1000: '—…', 1005: 'Ш', 1019: 'Щ', 1031: 'Ю',
    1115: '№'})
WIDEST = 1115


def text_points(text: str, *, bold: bool = False, size: float = SIZE) -> float:
    """The width of ``text`` on one line, in points."""
    table = BOLD_ADVANCES if bold else ADVANCES
    return sum(table.get(char, WIDEST) for char in text) * size / 1000


def line_room(width: float) -> float:
    """Points of text a line of a column ``width`` units wide holds."""
    return width * UNIT_POINTS - CELL_MARGIN


def units_for(points: float) -> int:
    """The narrowest column (in units) whose line holds ``points`` of text."""
    return int(-(-(points + CELL_MARGIN) // UNIT_POINTS))


# A line may break after a hyphen between letters («преподаватель-|организатор»), as
# LibreOffice and Excel break it; not inside «3-12» or «ФГОС-2021».
_HYPHEN = re.compile(r"(?<=[^\W\d_][-‐])(?=[^\W\d_])")


def wrapped_lines(text: str, room: float, measure: Callable[[str], float] = len, *,
                  hyphens: bool = False) -> int:
    """How many lines ``text`` takes on lines ``room`` wide, wrapped at spaces as Excel
    and LibreOffice do: a word that does not fit starts a new line (the space before it
    stays behind), a word longer than a line is cut over several; ``hyphens``: a word
    may also break after a hyphen between letters. ``measure`` gives a piece of text's
    width in the unit of ``room`` (by default: characters)."""
    space = measure(" ")
    lines = 0
    for paragraph in text.split("\n"):
        used: float | None = None           # the width of the current line so far
        count = 1
        for word in paragraph.split():
            gap = space                     # before a word; none inside a hyphenated one
            for piece in (_HYPHEN.split(word) if hyphens else (word,)):
                size = measure(piece)
                if used is not None and used + gap + size <= room:
                    used += gap + size
                    gap = 0
                    continue
                if used is not None:
                    count += 1
                while size > room and len(piece) > 1:   # cut: what fits, at least a letter
                    cut = 1
                    while cut < len(piece) and measure(piece[:cut + 1]) <= room:
                        cut += 1
                    count += 1
                    piece = piece[cut:]
                    size = measure(piece)
                used = size
                gap = 0
        lines += count
    return max(lines, 1)


@lru_cache(maxsize=8192)         # a register repeats its values («да», a status, a school)
def text_lines(text: str, width: float, *, bold: bool = False, size: float = SIZE) -> int:
    """The lines ``text`` in Arial of ``size`` takes in a column ``width`` units wide;
    with a hyphen between letters, the more of the two ways to break (whether the
    program breaks there or not)."""
    def measure(piece: str) -> float:
        return text_points(piece, bold=bold, size=size)

    room = line_room(width)
    lines = wrapped_lines(text, room, measure)
    if _HYPHEN.search(text):
        lines = max(lines, wrapped_lines(text, room, measure, hyphens=True))
    return lines


def _widest_line(text: str, *, bold: bool = False) -> float:
    return max((text_points(line, bold=bold) for line in text.split("\n")), default=0)


def _widest_word(text: str, *, bold: bool = False) -> float:
    return max((text_points(word, bold=bold) for word in text.split()), default=0)


def _height(lines: int, size: float = SIZE) -> float:
    """A row of ``lines`` lines of text of ``size``: as Excel lays them out (LibreOffice
    needs less), so no line is cut in either."""
    return round(lines * LINE_POINTS * size / SIZE + ROW_MARGIN, 2)


# --- cells ----------------------------------------------------------------------------------


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def put(ws, row: int, column: int, value: Any, *, number_format: str | None = None,
        percent: bool = False):
    """Write one value: a date as a date (ДД.ММ.ГГГГ), a number as a number (a percent as
    a fraction with a % format), anything else as text — a text that starts with «=» is
    text, never a formula."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, bool):
        value = S.XLS_YES if value else S.XLS_NO
    if isinstance(value, dt.datetime):
        value = value.date()
    if value is None:
        return cell
    if isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, (int, float)):
        if percent:
            cell.value = value / 100
            cell.number_format = number_format or PERCENT
        else:
            cell.value = value
            if number_format:
                cell.number_format = number_format
    else:
        text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
        cell.value = text
        cell.data_type = "s"           # openpyxl takes «=…» for a formula: it is text
        if text.startswith(("=", "+", "-", "@")):
            cell.quotePrefix = True     # and stays text when edited in Excel
    return cell


# --- a sheet --------------------------------------------------------------------------------


def _drop_empty_columns(sheet: Sheet) -> tuple[list[Column], list[list[Any]]]:
    """The columns that hold a value in some row (all of them when there are no rows)."""
    rows = [list(r) + [None] * (len(sheet.columns) - len(r)) for r in sheet.rows]
    keep = [i for i in range(len(sheet.columns))
            if sheet.keep_columns or not rows or any(_present(r[i]) for r in rows)]
    return [sheet.columns[i] for i in keep], [[r[i] for i in keep] for r in rows]


def _totals_row(sheet: Sheet, columns: Sequence[Column], rows: Sequence[Sequence[Any]]
                ) -> list[Any] | None:
    if sheet.totals is None or not columns:
        return None
    values: list[Any] = [None] * len(columns)
    for i, column in enumerate(columns):
        if column.total:
            numbers = [r[i] for r in rows if isinstance(r[i], (int, float))
                       and not isinstance(r[i], bool)]
            values[i] = sum(numbers)
    values[0] = sheet.totals
    return values


def column_widths(columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> list[int]:
    """Each column as wide as its content up to its limit, never narrower than the longest
    word of its header or of its values (no word is broken in the middle). A sheet wider
    than a landscape page has its widest text columns narrowed (their text wraps) down to
    that longest word, so the fit to the page width does not shrink the print unreadably."""
    widths, floors = [], []
    for i, column in enumerate(columns):
        limit = column.width or MAX_WIDTH
        texts = {_text(r[i], percent=column.percent) for r in rows if i < len(r)}
        content = units_for(max((_widest_line(t) for t in texts), default=0))
        words = units_for(max((_widest_word(t) for t in texts), default=0))
        header_word = units_for(_widest_word(column.header, bold=True))
        whole = text_points(column.header, bold=True)
        header = min(units_for(whole), max(header_word, units_for(whole / 2)))
        floor = max(header_word, min(words, MAX_WIDTH), 6)
        widths.append(int(max(min(max(content, header), limit), floor)))
        floors.append(int(max(floor, min(widths[-1], NARROWEST))))
    while sum(widths) > LANDSCAPE_WIDTH:
        widest = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
        if widths[widest] <= floors[widest]:
            break
        widths[widest] -= 1
    return widths


def fill_sheet(ws, sheet: Sheet) -> None:
    """One sheet ready to print: the title, the header row repeated on every page, the data
    with borders and wrapped text in rows tall enough for it, a totals row when the sheet
    counts something; A4, fitted to the page width (landscape when wide), «стр. N из M»."""
    columns, rows = _drop_empty_columns(sheet)
    totals = _totals_row(sheet, columns, rows)
    ncols = max(len(columns), 1)
    ws.title = _sheet_name(sheet.name)
    widths = column_widths(columns, rows + ([totals] if totals else []))
    if sheet.bands:
        _fit_bands(widths, sheet.bands)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width

    head = 3 if sheet.bands else 2         # the header row (a band of titles above it)
    title = put(ws, 1, 1, sheet.title)
    title.font = TITLE_FONT
    title.alignment = Alignment(wrap_text=True, vertical="top")
    if ncols > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = _height(
        text_lines(sheet.title, sum(widths) or 10, bold=True, size=TITLE_SIZE), TITLE_SIZE)

    if sheet.bands:
        _bands(ws, sheet.bands, widths)
    lines = 1
    for index, column in enumerate(columns, start=1):
        cell = put(ws, head, index, column.header)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = HEADER_ALIGNMENT
        lines = max(lines, text_lines(column.header, widths[index - 1], bold=True))
    ws.row_dimensions[head].height = _height(lines)

    data = rows + ([totals] if totals else [])
    styles: dict[tuple, Any] = {}     # a style is built once and copied (openpyxl hashes
    for r, values in enumerate(data, start=head + 1):     # every style object it is given)
        bold = ((totals is not None and r == head + len(data))
                or r - head - 1 in sheet.bold_rows)
        lines = 1
        for c, column in enumerate(columns, start=1):
            value = values[c - 1] if c - 1 < len(values) else None
            cell = put(ws, r, c, value, number_format=column.number_format,
                       percent=column.percent)
            fill = sheet.fills.get((r - head - 1, c - 1))
            key = (bold, fill, cell.number_format, cell.quotePrefix)
            style = styles.get(key)
            if style is None:
                cell.font = BOLD if bold else FONT_PLAIN
                cell.border = BORDER
                cell.alignment = DATA_ALIGNMENT
                if fill:
                    cell.fill = FILLS[fill]
                styles[key] = copy(cell._style)
            else:
                cell._style = copy(style)
            if isinstance(value, str):
                lines = max(lines, text_lines(value, widths[c - 1], bold=bold))
        ws.row_dimensions[r].height = _height(lines)

    ws.freeze_panes = f"{get_column_letter(sheet.frozen + 1)}{head + 1}"
    last_row = max(head, head + len(rows))
    ws.auto_filter.ref = f"A{head}:{get_column_letter(ncols)}{last_row}"
    _print_setup(ws, sum(widths), f"{head - 1 if sheet.bands else head}:{head}")
    if sheet.after is not None:
        sheet.after(ws, head + 1)


def title_over(ws, columns: int) -> None:
    """The title row over the first ``columns`` columns only, as tall as the title wraps
    there: for a sheet printed on pages across whose first columns repeat on every page
    (``print_title_cols``), so every page shows the whole title, not the slice of it
    that falls over those columns."""
    for merged in [m for m in ws.merged_cells.ranges if m.min_row == 1]:
        ws.unmerge_cells(str(merged))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    width = sum(ws.column_dimensions[get_column_letter(c)].width or 8
                for c in range(1, columns + 1))
    ws.row_dimensions[1].height = _height(
        text_lines(str(ws.cell(1, 1).value or ""), width, bold=True, size=TITLE_SIZE),
        TITLE_SIZE)


def _fit_bands(widths: list[int], bands: Sequence[tuple[str, int]]) -> None:
    """A band's title never breaks inside a word: the columns under it are together at
    least as wide as its longest word (the last of them takes what is missing)."""
    column = 0
    for label, span in bands:
        span = max(span, 1)
        short = (units_for(_widest_word(label, bold=True))
                 - sum(widths[column:column + span]))
        if short > 0 and column + span <= len(widths):
            widths[column + span - 1] += short
        column += span


def _bands(ws, bands: Sequence[tuple[str, int]], widths: Sequence[int]) -> None:
    """Row 2: each title merged over its columns, bold and shaded as the header."""
    column, lines = 1, 1
    for label, span in bands:
        span = max(span, 1)
        cell = put(ws, 2, column, label)
        for c in range(column, column + span):
            edge = ws.cell(row=2, column=c)
            edge.font, edge.fill, edge.border = BOLD, HEADER_FILL, BORDER
            edge.alignment = HEADER_ALIGNMENT
        if span > 1:
            ws.merge_cells(start_row=2, start_column=column, end_row=2,
                           end_column=column + span - 1)
        width = sum(widths[column - 1:column - 1 + span])
        lines = max(lines, text_lines(label, width, bold=True))
        column += span
    ws.row_dimensions[2].height = _height(lines)


def _print_setup(ws, width: int, titles: str = "2:2") -> None:
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "landscape" if width > PORTRAIT_WIDTH else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    setup.fitToWidth = 1
    setup.fitToHeight = 0                   # as many pages down as it takes
    ws.print_title_rows = titles
    ws.print_options.gridLines = False
    ws.page_margins = PageMargins(left=0.6, right=0.4, top=0.5, bottom=0.6, header=0.3,
                                  footer=0.3)
    ws.oddFooter.center.text = S.XLS_PAGE_OF
    ws.oddFooter.center.font = FONT
    ws.oddFooter.center.size = 9


def write_xlsx(folder: Path | str, file_name: str, sheets: Sequence[Sheet], *,
               day: dt.date) -> Path:
    """Write the sheets into ``folder/file_name`` (".xlsx" added) by
    ``storage.files.atomic_write``; return the full path, owner-only (it names staff).
    The folder is created if needed; a failure leaves nothing behind and says in Russian
    what to do (FileProblem). ``day`` (the report date) dates the file's properties, as
    a document's: the same data gives the same workbook."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = safe_file_name(file_name)
    if not name.lower().endswith(".xlsx"):
        name += ".xlsx"
    target = folder / name
    wb = Workbook()
    # The default font (fonts[0], the «Normal» style's) sets the unit of column width:
    # Arial 9.5, so that LibreOffice's unit is Excel's (see UNIT_POINTS).
    wb._fonts = IndexedList([UNIT_FONT])
    wb.remove(wb.active)
    for sheet in sheets:
        fill_sheet(wb.create_sheet(), sheet)
    wb.properties.created = wb.properties.modified = property_time(day)
    wb.properties.creator = ""
    with atomic_write(target, private=True) as stream:
        # Workbook.save would stamp «modified» and every member with the machine's
        # clock: written as openpyxl's save does, dated by the report date.
        with DatedZip(stream, property_time(day)) as archive:
            ExcelWriter(wb, archive).save()
    return target.resolve()
