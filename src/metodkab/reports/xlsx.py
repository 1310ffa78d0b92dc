"""A generic XLSX exporter (openpyxl): any table the app shows becomes a sheet.

Each sheet has a title row (the school, what it is, the report date), a bold header row
with Russian column names, frozen below the header, an autofilter, column widths, dates
stored as real dates (ДД.ММ.ГГГГ) and numbers as numbers. The file is written under a
temporary name in the target folder and then renamed (``os.replace``), so a half-written
file never carries the final name.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from metodkab import strings as S

DATE_FORMAT = "DD.MM.YYYY"
MAX_WIDTH = 60
_UMASK_LOCK = threading.Lock()


def new_file_mode() -> int:
    """The permissions any new file of the user gets (0o666 less the umask).

    ``tempfile.mkstemp`` creates 0o600, which other users of a shared computer cannot
    open; an exported document must be readable like a file saved from any other program.
    """
    try:     # Linux: read without changing it (os.umask is process-wide, workers run)
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def give_new_file_mode(path: Path | str) -> None:
    """Give a temporary file (about to be renamed to its final name) the ordinary
    permissions of a new file. A file system that refuses (a network share) keeps its own."""
    try:
        os.chmod(path, new_file_mode())
    except OSError:
        pass



def put(ws, row: int, column: int, value: Any):
    """Write one cell as a value, never a formula: a text that starts with «=» (a school
    name ``=HYPERLINK(…)`` from a packet, a cell of an imported file) stays text, and
    characters a workbook cannot hold are dropped instead of failing the export."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = ws.cell(row=row, column=column, value=value)
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def text_only(ws) -> None:
    """Turn every formula of a sheet filled another way (``ws.append``) back into text."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


@dataclass(frozen=True)
class Column:
    header: str
    width: int | None = None          # None: fitted to the content
    number_format: str | None = None  # e.g. "0.0" for a percent with one decimal


@dataclass(frozen=True)
class Sheet:
    name: str                                  # the tab (up to 31 characters)
    title: str                                 # the title row
    columns: Sequence[Column]
    rows: Sequence[Sequence[Any]] = field(default_factory=tuple)


def safe_file_name(text: str) -> str:
    """A file name without characters Windows forbids."""
    return re.sub(r'[\\/:*?"<>|]+', "_", text).strip(" .") or "export"


def _sheet_name(text: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "_", text)[:31] or S.XLSX_SHEET_DEFAULT


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).split("\n")), default=0)


def fill_sheet(ws, sheet: Sheet) -> None:
    ncols = max(len(sheet.columns), 1)
    ws.title = _sheet_name(sheet.name)
    put(ws, 1, 1, sheet.title).font = Font(bold=True, size=12)
    if ncols > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    header_fill = PatternFill("solid", fgColor="DDDDDD")
    for index, column in enumerate(sheet.columns, start=1):
        cell = put(ws, 2, index, column.header)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [_width(c.header) for c in sheet.columns]
    for r, row in enumerate(sheet.rows, start=3):
        for c, value in enumerate(row, start=1):
            if isinstance(value, dt.datetime):
                value = value.date()
            cell = put(ws, r, c, value)
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            elif c <= len(sheet.columns) and sheet.columns[c - 1].number_format and \
                    isinstance(value, (int, float)):
                cell.number_format = sheet.columns[c - 1].number_format
            if c <= len(widths):
                widths[c - 1] = max(widths[c - 1], _width(value))
    for index, column in enumerate(sheet.columns, start=1):
        width = column.width or min(max(widths[index - 1] + 2, 6), MAX_WIDTH)
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A3"
    last_row = max(2, 2 + len(sheet.rows))
    ws.auto_filter.ref = f"A2:{get_column_letter(ncols)}{last_row}"


def write_xlsx(folder: Path | str, file_name: str, sheets: Sequence[Sheet]) -> Path:
    """Write the sheets into ``folder/file_name`` (".xlsx" added) atomically; return the
    full path. The folder is created if needed."""
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
    handle, temp = tempfile.mkstemp(prefix=".~", suffix=".xlsx.tmp", dir=folder)
    os.close(handle)
    try:
        wb.save(temp)
        give_new_file_mode(temp)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    return target.resolve()
