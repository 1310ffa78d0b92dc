"""The error report: an XLSX listing every row not imported (or imported in part) with
the reason, written atomically (a temporary name, then ``os.replace``)."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

from metodkab import strings as S
from metodkab.importing.plan import ERROR, Plan
from metodkab.importing.values import cell_text

MAX_WIDTH = 60


def report_name(plan: Plan, now: dt.datetime) -> str:
    """"Ошибки импорта — staff — 2026-11-23 1200.xlsx" (no characters Windows refuses)."""
    stem = re.sub(r'[\\/:*?"<>|]+', "_", plan.sheet.path.stem)[:60]
    return S.IMP_REPORT_FILE.format(stem=stem, stamp=now.strftime("%Y-%m-%d %H%M"))


def write_report(plan: Plan, folder: Path | str, *, now: dt.datetime,
                 name: str | None = None) -> Path:
    """Write the report into ``folder`` (created if missing) under ``name`` (by default
    the source file's name and the time); return the full path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from metodkab.reports.xlsx import give_new_file_mode, text_only

    folder = Path(folder).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or report_name(plan, now))
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = S.IMP_REPORT_SHEET
    headers = [S.IMP_REPORT_ROW, S.IMP_REPORT_STATUS, S.IMP_REPORT_REASON,
               *(h or S.IMP_REPORT_COLUMN.format(n=i + 1)
                 for i, h in enumerate(plan.sheet.headers))]
    title = S.IMP_REPORT_TITLE.format(file=plan.sheet.path.name, summary=plan.summary())
    sheet.append([title])
    sheet.append(headers)
    bold = Font(bold=True)
    sheet["A1"].font = bold
    for cell in sheet[2]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    widths = [len(h) for h in headers]
    for row in plan.report_rows:
        status = S.IMP_REPORT_NOT_LOADED if row.status == ERROR else S.IMP_REPORT_PARTLY
        cells = [cell_text(c) for c in row.cells]
        values = [row.number, status, row.reason, *cells[: len(plan.sheet.headers)]]
        sheet.append(values)
        for i, value in enumerate(values):
            if i < len(widths):
                widths[i] = max(widths[i], len(str(value)))
    for i, width in enumerate(widths):
        sheet.column_dimensions[_letter(i)].width = min(max(width + 2, 8), MAX_WIDTH)
    for row in sheet.iter_rows(min_row=3, min_col=3, max_col=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "D3"
    text_only(sheet)                  # a cell «=…» of the imported file stays text
    handle, temp = tempfile.mkstemp(prefix=".metodkab-", suffix=".xlsx.tmp", dir=folder)
    os.close(handle)
    try:
        workbook.save(temp)
        give_new_file_mode(temp)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def _letter(index: int) -> str:
    from metodkab.importing.reader import column_letter

    return column_letter(index)
