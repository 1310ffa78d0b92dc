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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
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
CHARS_PER_UNIT = 1.3            # plain Cyrillic text per unit of column width (a digit)
BOLD_PER_UNIT = 1.0
LINE_FACTOR = 1.3               # the height of a line of text, in points per point of size
LANDSCAPE_WIDTH = 150           # what a landscape page holds at a readable scale
NARROWEST = 14                  # text columns are narrowed to fit the page down to this
PORTRAIT_WIDTH = 100            # the widest sheet (sum of column widths) printed portrait
FONT_PLAIN = Font(name=FONT, size=SIZE)
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


def _text(value: Any) -> str:
    """A value as the reader sees it (for widths and heights only)."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return "00.00.0000"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _longest_line(text: str) -> int:
    return max((len(line) for line in text.split("\n")), default=0)


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def wrapped_lines(text: str, capacity: int) -> int:
    """How many lines ``text`` takes in a cell ``capacity`` characters wide, wrapped at
    spaces as a spreadsheet does (a word longer than the line is cut over several)."""
    capacity = max(capacity, 1)
    lines = 0
    for paragraph in text.split("\n"):
        used = 0
        count = 1
        for word in paragraph.split():
            size = len(word)
            if used and used + 1 + size <= capacity:
                used += 1 + size
                continue
            if used:
                count += 1
            count += (size - 1) // capacity
            used = size - (size - 1) // capacity * capacity
        lines += count
    return max(lines, 1)


def _capacity(width: float, *, bold: bool = False, size: float = SIZE) -> int:
    """Characters that fit a column ``width`` (the unit is the width of a digit of the
    10-point font; Cyrillic lower-case letters are narrower, bold ones about as wide)."""
    per_unit = (BOLD_PER_UNIT if bold else CHARS_PER_UNIT) * SIZE / size
    return max(int((width - 1) * per_unit), 1)


def _units(chars: int, *, bold: bool = False) -> int:
    """The width that holds ``chars`` characters on a line (the inverse of _capacity)."""
    return -(-chars // (BOLD_PER_UNIT if bold else CHARS_PER_UNIT)) + 2


def _height(lines: int, size: float = SIZE) -> float:
    return round(lines * size * LINE_FACTOR + 3, 2)


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
        texts = [_text(r[i]) for r in rows if i < len(r)]
        content = _units(max((_longest_line(t) for t in texts), default=0))
        words = _units(max((_longest_word(t) for t in texts), default=0))
        header_word = _units(_longest_word(column.header), bold=True)
        header = min(_units(len(column.header), bold=True),
                     max(header_word, _units((len(column.header) + 1) // 2, bold=True)))
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
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width

    head = 3 if sheet.bands else 2         # the header row (a band of titles above it)
    title = put(ws, 1, 1, sheet.title)
    title.font = TITLE_FONT
    title.alignment = Alignment(wrap_text=True, vertical="top")
    if ncols > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = _height(
        wrapped_lines(sheet.title, _capacity(sum(widths) or 10, bold=True, size=TITLE_SIZE)),
        TITLE_SIZE)

    if sheet.bands:
        _bands(ws, sheet.bands, widths)
    lines = 1
    for index, column in enumerate(columns, start=1):
        cell = put(ws, head, index, column.header)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = HEADER_ALIGNMENT
        lines = max(lines, wrapped_lines(column.header, _capacity(widths[index - 1], bold=True)))
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
                lines = max(lines, wrapped_lines(value, _capacity(widths[c - 1], bold=bold)))
        ws.row_dimensions[r].height = _height(lines)

    ws.freeze_panes = f"{get_column_letter(sheet.frozen + 1)}{head + 1}"
    last_row = max(head, head + len(rows))
    ws.auto_filter.ref = f"A{head}:{get_column_letter(ncols)}{last_row}"
    _print_setup(ws, sum(widths), f"{head - 1 if sheet.bands else head}:{head}")
    if sheet.after is not None:
        sheet.after(ws, head + 1)


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
        lines = max(lines, wrapped_lines(label, _capacity(width, bold=True)))
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
    wb.remove(wb.active)
    for sheet in sheets:
        fill_sheet(wb.create_sheet(), sheet)
    wb.properties.created = wb.properties.modified = property_time(day)
    wb.properties.creator = ""
    with atomic_write(target, private=True) as stream:
        # Workbook.save would stamp «modified» with the machine's clock: write it as
        # openpyxl's save does, without the stamp.
        with ZipFile(stream, "w", ZIP_DEFLATED, allowZip64=True) as archive:
            ExcelWriter(wb, archive).save()
    return target.resolve()
