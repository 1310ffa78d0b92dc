"""Exports to Excel of the indicators, a drill-down and the staff register.

Plain functions that run in a worker (``run_db``): they read through storage and write
through reports/xlsx.py; nothing here touches the UI.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from metodkab import strings as S
from metodkab.domain.parse import format_date, format_end
from metodkab.domain.values import EMPLOYMENTS
from metodkab.reports import indicators as ri
from metodkab.reports.documents import programme_part
from metodkab.reports.indicator_sheet import figure_cells, figure_columns
from metodkab.reports.xlsx import Column, Sheet, write_xlsx
from metodkab.screens.tables_export import every_row
from metodkab.storage import staff as staff_store
from metodkab.storage.indicators import Report, names_of
from metodkab.storage.school import get_school
from metodkab.storage.settings import report_date
from metodkab.storage.staff import StaffQuery


def _title(school: str, what: str, day: dt.date) -> str:
    return S.IND_XLSX_TITLE.format(school=school, title=what, date=format_date(day)).lstrip(" ·")


def _stem(what: str, day: dt.date) -> str:
    return f"{what} {day.isoformat()}"


def indicator_rows(report: Report) -> list[list]:
    """One row a figure: its section and name as the staff report prints them (a programme
    breakdown under «Программа развития: по задачам» with the task as its name, not
    «задача: …»)."""
    rows = []
    for r in report.results:
        section, name = S.IND_GROUPS.get(r.group, r.group), r.name
        if (part := programme_part(r)) is not None:
            section, name = S.DOC_REPORT_PROGRAMME_PARTS[part[0]], part[1]
        rows.append([section, name, *figure_cells(r), report.explain(r)])
    return rows


INDICATOR_COLUMNS = (Column(S.IND_COL_GROUP, 24), Column(S.IND_COL_NAME, 40),
                     *figure_columns(), Column(S.IND_COL_FORMULA, 60))


def export_indicators(store, report: Report, *, folder: Path, progress=None) -> Path:
    sheet = Sheet(S.IND_FILE_INDICATORS, _title(report.school, S.IND_TITLE, report.day),
                  INDICATOR_COLUMNS, indicator_rows(report))
    return write_xlsx(folder, _stem(S.IND_FILE_INDICATORS, report.day),
                      [sheet], day=report.day)


def drill_rows(report: Report, result: ri.Result) -> list[list]:
    rows = [[name, positions, S.IND_IN + (f": {result.note(i)}" if result.note(i) else "")]
            for i, name, positions in names_of(report, result.ids)]
    rows += [[name, positions, S.IND_OUT]
             for _, name, positions in names_of(report, result.other_ids)]
    return rows


def export_drill(store, report: Report, result: ri.Result, *, folder: Path,
                 progress=None) -> Path:
    what = S.IND_DRILL_HINT.format(name=result.name, value=format_value(result),
                                   count=result.count, base=result.base)
    sheet = Sheet(S.IND_FILE_DRILL, _title(report.school, what, report.day),
                  (Column(S.IND_COL_PERSON), Column(S.IND_COL_POSITIONS),
                   Column(S.IND_COL_LIST, 24)), drill_rows(report, result))
    return write_xlsx(folder,
                      _stem(f"{S.IND_FILE_DRILL} {result.name[:40]}", report.day), [sheet],
                      day=report.day)


def format_value(result: ri.Result) -> str:
    value = result.value
    if value is None:
        return "—"
    if result.kind == ri.COUNT:
        return str(int(value))
    if result.kind == ri.RATIO:
        return f"{value:.1f}".replace(".", ",")
    return f"{value:.1f}".replace(".", ",") + "%"


STAFF_COLUMNS = (Column(S.IND_COL_PERSON, 36), Column(S.IND_COL_POSITIONS, 30),
                 Column(S.IND_COL_SUBJECTS, 30), Column(S.IND_COL_CATEGORY, 18),
                 Column(S.IND_COL_EXPERIENCE, 10), Column(S.IND_COL_TRAINING, 14),
                 Column(S.IND_COL_OVERDUE, 12), Column(S.IND_COL_DISMISSED, 12))


PART_TIMER = EMPLOYMENTS[1]


def positions_text(row) -> str:
    """The positions, an external part-timer marked as such (the import reads it back)."""
    if row.employment == PART_TIMER:
        return S.IND_PART_TIMER.format(positions=row.positions)
    return row.positions


def export_staff(store, query: StaffQuery, *, folder: Path, progress=None) -> Path:
    """The staff register as filtered and sorted on screen — every page, not just one."""
    day = report_date(store)
    rows = every_row(staff_store.count_staff, staff_store.list_staff, store, query, day)
    school = get_school(store)
    data = [[r.name, positions_text(r), r.subjects, r.category, r.experience,
             r.last_training if r.last_training_precision == "day"
             else format_end(r.last_training, r.last_training_precision),
             S.IND_YES if r.overdue else S.IND_NO, r.dismissal_date]
            for r in rows]
    sheet = Sheet(S.IND_STAFF_SHEET, _title(school.short_name if school else "",
                                            S.IND_FILE_STAFF, day), STAFF_COLUMNS, data)
    if progress is not None:
        progress(1, 2)
    return write_xlsx(folder, _stem(S.IND_FILE_STAFF, day), [sheet], day=day)
