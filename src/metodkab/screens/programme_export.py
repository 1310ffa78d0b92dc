"""Программа развития to Excel: the outline, the agenda, the people, the progress and the
indicators of one programme, each view as its screen shows it (see tables_export.py for
how the section exports run)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from metodkab import strings as S
from metodkab.domain.parse import format_date, norm
from metodkab.reports import programme as rp
from metodkab.reports.xlsx import Column, Sheet, write_xlsx
from metodkab.screens.tables_export import (Progress, _search, _step, columns, file_stem,
                                           school_name, title_row, yes_no)
from metodkab.storage import programme as store_p
from metodkab.storage.errors import NotFound


def load_programme(store, programme_id: str | None) -> store_p.ProgrammeView:
    """The programme as its screen reads it (the same labels in the progress view)."""
    return store_p.load_view(store, programme_id, total_label=S.PROG_PROGRESS_TOTAL,
                             task_label=S.PROG_TASK_SHORT,
                             no_direction=S.PROG_PROGRESS_NO_DIRECTION, nobody=S.PROG_NOBODY)


def outline_rows(view: store_p.ProgrammeView) -> list[list]:
    """Task → its activities with every column; a task without activities is a row too.
    The task's title stands on its first row only (its number on every row), so a long
    title does not make every row of the printed plan tall."""
    rows = []
    for task in view.tasks:
        acts = [a for a in view.activities if a.task_id == task.id]
        if not acts:
            rows.append([task.number, task.title] + [None] * 12)
        for index, a in enumerate(acts):
            moved = "; ".join(format_date(m.old_deadline) + (f" ({m.reason})" if m.reason else "")
                              for m in view.moved.get(a.id, ()))
            rows.append([task.number, task.title if index == 0 else None, a.title, a.direction, a.form, a.start_date,
                         a.deadline, moved, a.responsible_text, a.expected_result, a.status,
                         a.done_date, yes_no(rp.is_overdue(a.fact, view.day)), a.note])
    return rows


def agenda_rows(view: store_p.ProgrammeView, found: set[str] | None = None) -> list[list]:
    """The agenda as the screen shows it: with a search (``found``), every activity it
    finds by deadline, the bucket named where it has one."""
    _, _, next_end = rp.agenda_bounds(view.day)
    months = {"this_month": S.PROG_MONTHS[view.day.month - 1],
              "next_month": S.PROG_MONTHS[next_end.month - 1], "overdue": ""}

    def bucket(name: str | None) -> str:
        return S.XLS_PROG_BUCKETS[name].format(month=months[name]) if name else ""

    items = ([(i.bucket, i.activity) for i in view.agenda] if found is None else
             [(rp.agenda_bucket(a.fact, view.day), a) for a in sorted(
                 (a for a in view.activities if a.id in found),
                 key=lambda a: (a.deadline, a.task_number, a.title.lower()))])
    return [[bucket(name), a.deadline, a.task_number, a.title, a.responsible_text, a.status]
            for name, a in items]


def found_only(view: store_p.ProgrammeView, found: set[str] | None) -> store_p.ProgrammeView:
    """The outline of what a search finds: its activities and the tasks they are in."""
    if found is None:
        return view
    acts = [a for a in view.activities if a.id in found]
    tasks = [t for t in view.tasks if any(a.task_id == t.id for a in acts)]
    return dataclasses.replace(view, tasks=tasks, activities=acts)


def people_rows(view: store_p.ProgrammeView, search: str = "") -> list[list]:
    """Each person's activities, people as in the list (filtered by the surname typed)."""
    needle = norm(search)
    rows = []
    for p in view.people:
        if needle not in norm(p.full_name).split(" ")[0]:
            continue
        for a in view.activities:
            if p.staff_id in a.responsible_ids:
                rows.append([p.full_name, a.deadline, a.task_number, a.title, a.status,
                             yes_no(rp.is_overdue(a.fact, view.day))])
    return rows


def progress_rows(view: store_p.ProgrammeView) -> list[list]:
    report = view.progress
    if report is None:
        return []

    def row(section: str, p: rp.Progress) -> list:
        return [section, p.label, p.total, p.due, p.done, p.overdue, p.ahead, p.percent]

    rows = [row(S.PROG_PROGRESS_TOTAL, report.total)]
    for section, items in ((S.PROG_PROGRESS_BY_TASK, report.by_task),
                           (S.PROG_PROGRESS_BY_DIRECTION, report.by_direction),
                           (S.PROG_PROGRESS_BY_PERSON, report.by_person)):
        rows += [row(section, p) for p in items]
    return rows


def indicator_sheet_parts(view: store_p.ProgrammeView) -> tuple[list[Column], list[list]]:
    """Every year of the programme: the target and the actual value, numbers as numbers."""
    years = view.programme.years if view.programme else []
    sources = dict(S.PROG_SOURCES)
    cols = [*columns(S.XLS_PROG_IND_COLUMNS, (5, 60, 10, 10))]
    for year in years:
        cols += [Column(S.XLS_PROG_IND_TARGET.format(year=year), 10),
                 Column(S.XLS_PROG_IND_ACTUAL.format(year=year), 10)]
    cols.append(Column(S.XLS_PROG_IND_SOURCE, 24))
    rows = []
    for ind in view.indicators:
        values = []
        for year in years:
            values += [ind.targets.get(year), ind.actuals.get(year)]
        rows.append([ind.number, ind.name, ind.unit, ind.baseline, *values,
                     sources.get(ind.source, ind.source)])
    return cols, rows


def programme_sheets(view: store_p.ProgrammeView, school: str, people_search: str = "",
                     search: str = "", found: set[str] | None = None) -> list[Sheet]:
    """The five views of the programme screen, a sheet each, in the screen's order; the
    activity ``search`` (what it ``found``) narrows the outline and the agenda."""
    p = view.programme
    if p is None:
        raise NotFound(S.XLS_PROG_NONE)
    what = p.title if p.period in p.title else S.XLS_PROG_WHAT.format(title=p.title,
                                                                       period=p.period)
    names = S.XLS_PROG_SHEETS
    ind_columns, ind_rows = indicator_sheet_parts(view)

    def title(key: str, filters: Sequence[str] = ()) -> str:
        return title_row(school, f"{what} · {names[key]}", view.day, filters)

    return [
        Sheet(names["outline"], title("outline", _search(search)),
              columns(S.XLS_PROG_OUTLINE_COLUMNS, (8, 40, 50, 24, 20, 11, 11, 24, 30, 40, 14,
                                                   11, 11, 30)),
              outline_rows(found_only(view, found))),
        Sheet(names["agenda"], title("agenda", _search(search)),
              columns(S.XLS_PROG_AGENDA_COLUMNS, (24, 11, 8, 50, 30, 14)),
              agenda_rows(view, found)),
        Sheet(names["people"], title("people", _search(people_search)),
              columns(S.XLS_PROG_PEOPLE_COLUMNS, (34, 11, 8, 50, 14, 11)),
              people_rows(view, people_search)),
        Sheet(names["progress"], title("progress"),
              [*columns(S.XLS_PROG_PROGRESS_COLUMNS[:-1], (18, 50, 12, 12, 12, 12, 12)),
               Column(S.XLS_PROG_PROGRESS_COLUMNS[-1], 12, "0%", percent=True)],
              progress_rows(view)),
        Sheet(names["indicators"], title("indicators"), ind_columns, ind_rows),
    ]


def export_programme(store, programme_id: str | None, people_search: str = "",
                     search: str = "", *, folder: Path, progress: Progress = None) -> Path:
    """The programme shown (the outline with every column, the agenda, each person's
    activities, progress, the target indicators for every year) as one workbook."""
    view = load_programme(store, programme_id)
    _step(progress, 1, 2)
    found = (None if view.programme is None else
             store_p.find_activities(store, view.programme.id, search))
    sheets = programme_sheets(view, school_name(store), people_search, search, found)
    return write_xlsx(folder, file_stem(f"{S.XLS_PROG_FILE} {view.programme.period}", view.day),
                      sheets, day=view.day)
