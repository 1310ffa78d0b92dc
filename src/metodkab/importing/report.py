"""The error report: an XLSX listing every row not imported (or imported in part) with
the reason, written by the one workbook writer (reports/xlsx.py: print setup, a filter,
source cells as text; written whole by storage.files.atomic_write)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from metodkab import strings as S
from metodkab.importing.plan import ERROR, Plan
from metodkab.importing.values import cell_text


def report_name(plan: Plan, now: dt.datetime) -> str:
    """"Ошибки импорта — staff — 2026-11-23 1200.xlsx" (no characters Windows refuses)."""
    stem = re.sub(r'[\\/:*?"<>|]+', "_", plan.sheet.path.stem)[:60]
    return S.IMP_REPORT_FILE.format(stem=stem, stamp=now.strftime("%Y-%m-%d %H%M"))


def write_report(plan: Plan, folder: Path | str, *, now: dt.datetime,
                 name: str | None = None, applied: bool = False) -> Path:
    """Write the report into ``folder`` (created if missing) under ``name`` (by default
    the source file's name and the time); return the full path. ``applied``: the good
    rows have been written («загружена частично»); before that (a preview, a dry run)
    the report says what the import will do («будет загружена частично»)."""
    from metodkab.reports.xlsx import Column, Sheet, write_xlsx

    headers = [h or S.IMP_REPORT_COLUMN.format(n=i + 1) for i, h in enumerate(plan.sheet.headers)]
    columns = [Column(S.IMP_REPORT_ROW, 9), Column(S.IMP_REPORT_STATUS, 16),
               Column(S.IMP_REPORT_REASON, 50), *(Column(h, 30) for h in headers)]
    not_loaded, partly = ((S.IMP_REPORT_NOT_LOADED, S.IMP_REPORT_PARTLY) if applied else
                          (S.IMP_REPORT_WILL_NOT_LOAD, S.IMP_REPORT_WILL_LOAD_PARTLY))
    rows = []
    for row in plan.report_rows:
        cells = [cell_text(c) for c in row.cells]
        rows.append([row.number, not_loaded if row.status == ERROR else partly, row.reason,
                     *cells[: len(headers)]])
    title = (S.IMP_REPORT_TITLE if applied else S.IMP_REPORT_TITLE_PREVIEW).format(
        file=plan.sheet.path.name, summary=plan.summary())
    sheet = Sheet(S.IMP_REPORT_SHEET, title, columns, rows)
    return write_xlsx(Path(folder).expanduser(), name or report_name(plan, now), [sheet],
                      day=now.date())
