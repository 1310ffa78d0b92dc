"""Exports to Excel of the section tables: the training register and the overdue list,
the attestation schedule, the mentorship register, coverage and mentor load (the
development programme's workbook is in programme_export.py).

Each writer exports what its screen shows — the same query (search, filter, sort), every
row rather than one page — with real dates and numbers. Plain functions run in a worker
through ``start_export``: ``writer(store, *args, folder=..., progress=...) -> Path``. They
read through storage and write through reports/xlsx.py; nothing here touches the UI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from metodkab import strings as S
from metodkab.domain.models import Staff
from metodkab.domain.parse import format_date, format_end
from metodkab.reports import mentorship as rules_m
from metodkab.reports.xlsx import Column, Sheet, write_xlsx
from metodkab.storage import attestation as store_a
from metodkab.storage import mentorship as store_m
from metodkab.storage import repo
from metodkab.storage import training as store_t
from metodkab.storage.mentorship import MentorshipQuery
from metodkab.storage.school import get_school
from metodkab.storage.settings import report_date
from metodkab.storage.training import TrainingQuery

Progress = Callable[[int, int], None] | None


# --- shared -------------------------------------------------------------------------------


def school_name(store) -> str:
    school = get_school(store)
    return school.short_name if school else ""


def title_row(school: str, what: str, day: dt.date, filters: Sequence[str] = ()) -> str:
    """«Школа · Что (отбор: …) · на ДД.ММ.ГГГГ» — the first row of every sheet."""
    if filters:
        what = S.XLS_FILTERED.format(title=what, filter=", ".join(filters))
    return S.XLS_TITLE.format(school=school, title=what, date=format_date(day)).lstrip(" ·")


def file_stem(what: str, day: dt.date) -> str:
    return f"{what} {day.isoformat()}"


def yes_no(value: bool) -> str:
    return S.XLS_YES if value else S.XLS_NO


def columns(headers: Sequence[str], widths: Sequence[int | None] = (),
            formats: dict[int, str] | None = None,
            totals: Sequence[int] = ()) -> tuple[Column, ...]:
    """Columns from headers; ``widths`` by position (None: fitted to the content);
    ``totals``: the positions summed in the totals row."""
    formats = formats or {}
    return tuple(Column(h, widths[i] if i < len(widths) else None, formats.get(i),
                        total=i in totals)
                 for i, h in enumerate(headers))


def _step(progress: Progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def every_row(count: Callable[..., Any], listing: Callable[..., list], store, query,
              *args: Any) -> list:
    """Every row a register's ``query`` matches — all its pages, as an export takes them;
    ``count`` and ``listing`` are the register's storage calls (``*args`` after the query)."""
    matched = count(store, query, *args)
    if isinstance(matched, tuple):          # (records, people)
        matched = matched[0]
    return listing(store, replace(query, offset=0, limit=max(matched, 1)), *args)


def _search(text: str) -> list[str]:
    return [S.XLS_SEARCH.format(text=text.strip())] if text.strip() else []


# --- Повышение квалификации ---------------------------------------------------------------


def training_filter_words(query: TrainingQuery) -> list[str]:
    """The register's filter but its year, in words (the status line and the title row)."""
    parts = [v for v in (query.kind, query.form, query.provider, query.topic) if v]
    for flag, yes, no in ((query.federal, S.TR_FILTER_FEDERAL_SHORT, S.TR_FILTER_NOT_FEDERAL),
                          (query.by_diagnostics, S.TR_FILTER_BY_DIAG_SHORT,
                           S.TR_FILTER_NOT_BY_DIAG)):
        if flag is not None:
            parts.append(yes if flag else no)
    return parts


def training_filters(query: TrainingQuery) -> list[str]:
    """The register's search and filter in words, for the title row."""
    parts = _search(query.search)
    if query.year:
        parts.append(S.XLS_TR_YEAR.format(year=query.year))
    return parts + training_filter_words(query)


def training_rows(rows: Sequence[store_t.TrainingRow]) -> list[list]:
    return [[r.name, r.title, r.provider, r.kind, r.form, r.hours, r.start_date,
             r.end_date if r.end_precision == "day" else format_end(r.end_date, r.end_precision),
             yes_no(r.federal_register), yes_no(r.by_diagnostics), yes_no(r.management),
             yes_no(r.group_id is not None), r.doc, yes_no(r.dismissed)] for r in rows]


TRAINING_COLUMNS = columns(S.XLS_TR_COLUMNS, (34, 50, 30, 26, 14, 8, 11, 11, 10, 10, 10, 10,
                                              20, 9), totals=(5,))


def export_trainings(store, query: TrainingQuery, *, folder: Path,
                     progress: Progress = None) -> Path:
    """The register as searched, filtered and sorted on screen — every page."""
    day = report_date(store)
    rows = every_row(store_t.count_trainings, store_t.list_trainings, store, query, day)
    _step(progress, 1, 2)
    sheet = Sheet(S.XLS_TR_SHEET, title_row(school_name(store), S.XLS_TR_WHAT, day,
                                            training_filters(query)),
                  TRAINING_COLUMNS, training_rows(rows),
                  totals=S.XLS_TOTAL_COUNT.format(what=S.XLS_TOTAL_COURSES, count=len(rows)))
    return write_xlsx(folder, file_stem(S.XLS_TR_FILE, day), [sheet], day=day)


def overdue_rows(lists: store_t.OverdueLists) -> list[list]:
    rows = []
    for r in [*lists.overdue, *lists.soon]:
        if r.soon:
            state = S.XLS_OD_SOON.format(months=lists.months)
        else:
            state = S.XLS_OD_NEVER if r.last_end is None else S.XLS_OD_OVERDUE
        if r.clarify:           # overdue only if the year-only course ended early in its year
            state += f"; {S.XLS_OD_CLARIFY}"
        if r.excluded:          # a part-timer: listed, but not in the figure
            state += f"; {r.excluded}"
        last = r.last_end if r.last_precision == "day" else format_end(r.last_end, r.last_precision)
        rows.append([r.name, r.positions, last, r.overdue_from, r.planned_end, state])
    return rows


def export_overdue(store, *, folder: Path, progress: Progress = None) -> Path:
    """Who is overdue for training on the report date, then who soon will be."""
    day = report_date(store)
    lists = store_t.overdue_lists(store, day)
    _step(progress, 1, 2)
    sheet = Sheet(S.XLS_OD_SHEET, title_row(school_name(store), S.TR_OVERDUE_TITLE, day),
                  columns(S.XLS_OD_COLUMNS, (34, 30, 14, 16, 14, 40)), overdue_rows(lists))
    return write_xlsx(folder, file_stem(S.XLS_OD_FILE, day), [sheet], day=day)


# --- Аттестация ---------------------------------------------------------------------------


CONFORMITY_STATES = {"failed": S.ATT_STATE_FAILED, "due": S.ATT_STATE_DUE,
                     "clarify": S.ATT_STATE_CLARIFY, "soon": S.ATT_STATE_SOON,
                     "exempt": S.ATT_STATE_EXEMPT}


def schedule_sheets(schedule: store_a.Schedule, school: str) -> list[Sheet]:
    """The three tabs of the schedule, one sheet each, in the screen's order."""
    day = schedule.day
    def year(value, year_only: bool):         # known only by its year: «2024 г.», as shown
        return format_end(value, "year") if year_only else value

    expiring = [[r.name, r.position, r.category, year(r.valid_until, r.year_only),
                 (S.ATT_CLARIFY_UNTIL if r.until_year else S.ATT_CLARIFY_DECISION) if r.clarify
                 else r.apply_by, yes_no(r.red)]
                for r in schedule.expiring]
    conformity = [[r.name, r.position, year(r.state.last, r.state.year_only),
                   year(r.state.due, r.state.year_only),
                   CONFORMITY_STATES.get(r.state.state, r.state.state),
                   r.state.until if r.state.state == "exempt" else None, r.state.reason]
                  for r in schedule.conformity]
    eligible = [[r.name, r.position, r.holds, year(r.since, r.since_precision == "year"),
                 ", ".join(r.targets) + (S.ATT_ELIGIBLE_CLARIFY if r.clarify else "")]
                for r in schedule.eligible]
    exp_headers = [*S.XLS_ATT_EXP_COLUMNS[:-1],
                   S.XLS_ATT_EXP_COLUMNS[-1].format(months=schedule.settings.red_months)]
    sheets = S.XLS_ATT_SHEETS
    return [
        Sheet(sheets["expiring"], title_row(school, sheets["expiring"], day),
              columns(exp_headers, (34, 30, 18, 12, 12, 12)), expiring),
        Sheet(sheets["conformity"], title_row(school, sheets["conformity"], day),
              columns(S.XLS_ATT_CONF_COLUMNS, (34, 30, 14, 12, 14, 12, 40)), conformity),
        Sheet(sheets["eligible"], title_row(school, sheets["eligible"], day),
              columns(S.XLS_ATT_ELIG_COLUMNS, (34, 30, 18, 12, 40)), eligible),
    ]


def export_schedule(store, query=None, *, folder: Path, progress: Progress = None) -> Path:
    """The attestation schedule on the report date: one workbook, a sheet per tab (only
    the people the screen's search finds, when ``query`` has one)."""
    day = report_date(store)
    schedule = store_a.schedule(store, day)
    if query is not None:
        schedule = store_a.find_in_schedule(store, schedule, query.search)
    _step(progress, 1, 2)
    return write_xlsx(folder, file_stem(S.XLS_ATT_FILE, day),
                      schedule_sheets(schedule, school_name(store)), day=day)


# --- Наставничество -----------------------------------------------------------------------


def _person_name(store, staff_id: str) -> str:
    person = repo.get(store, Staff, staff_id)
    return " ".join(p for p in (person.last_name, person.first_name, person.middle_name) if p)


MENT_STATUS_LABELS = {"действует": S.MENT_STATUS_ACTIVE, "завершена": S.MENT_STATUS_DONE,
                      "прервана": S.MENT_STATUS_BROKEN, "all": S.MENT_STATUS_ALL}


def mentorship_filters(store, query: MentorshipQuery) -> list[str]:
    parts = [MENT_STATUS_LABELS.get(query.status, query.status), *_search(query.search)]
    if query.form:
        parts.append(query.form)
    if query.mentor_id:
        parts.append(S.MENT_FILTER_MENTOR_IS.format(name=_person_name(store, query.mentor_id)))
    if query.problems:
        parts.append(S.MENT_FILTER_PROBLEMS_SHORT)
    if query.no_order:
        parts.append(S.MENT_FILTER_NO_ORDER_SHORT)
    return parts


def mentorship_rows(rows: Sequence[store_m.MentorshipRow]) -> list[list]:
    return [[r.mentor, ", ".join(r.mentees), r.form, r.reason, r.start, r.planned_end,
             r.actual_end, r.status, r.order_number, r.order_date, r.curator, r.held, r.planned,
             # a pair «действует» the figures leave out says why (reports.mentorship)
             "; ".join([*(S.XLS_MENT_FLAGS.get(f, f) for f in r.flags),
                        *([r.excluded] if r.excluded and "past_end" not in r.flags
                          else [])])] for r in rows]


MENTORSHIP_COLUMNS = columns(S.XLS_MENT_COLUMNS, (34, 40, 22, 30, 11, 11, 11, 11, 10, 11, 30,
                                                  10, 10, 40), totals=(11, 12))


def export_mentorships(store, query: MentorshipQuery, *, folder: Path,
                       progress: Progress = None) -> Path:
    """The register as searched and filtered on screen — every page."""
    day = report_date(store)
    rows = every_row(store_m.count_mentorships, store_m.list_mentorships, store, query, day)
    _step(progress, 1, 2)
    sheet = Sheet(S.XLS_MENT_SHEET, title_row(school_name(store), S.XLS_MENT_WHAT, day,
                                              mentorship_filters(store, query)),
                  MENTORSHIP_COLUMNS, mentorship_rows(rows),
                  totals=S.XLS_TOTAL_COUNT.format(what=S.XLS_TOTAL_PAIRS, count=len(rows)))
    return write_xlsx(folder, file_stem(S.XLS_MENT_FILE, day), [sheet], day=day)


def coverage_rows(coverage: store_m.Coverage, only_unsupported: bool = False) -> list[list]:
    return [[r.name, yes_no(r.young), yes_no(r.new), r.age, r.experience, r.hire_date,
             r.subjects, r.mentor if r.supported else S.MENT_COV_NONE, r.until,
             r.upcoming_mentor if r.upcoming_id else "", r.upcoming_start]
            for r in coverage.rows if not (only_unsupported and r.supported)]


def export_coverage(store, only_unsupported: bool = False, *, folder: Path,
                    progress: Progress = None) -> Path:
    """Young and new staff on the report date and who supports them (as on screen:
    everyone, or only those without a mentor)."""
    day = report_date(store)
    coverage = store_m.coverage(store, day)
    _step(progress, 1, 2)
    filters = [S.XLS_COV_ONLY_UNSUPPORTED] if only_unsupported else []
    sheet = Sheet(S.XLS_COV_SHEET, title_row(school_name(store), S.MENT_COV_HEADING, day,
                                             filters),
                  columns(S.XLS_COV_COLUMNS, (34, 10, 10, 9, 9, 11, 30, 34, 12, 34, 12)),
                  coverage_rows(coverage, only_unsupported))
    return write_xlsx(folder, file_stem(S.XLS_COV_FILE, day), [sheet], day=day)


def export_mentor_load(store, *, folder: Path, progress: Progress = None) -> Path:
    """Pairs per mentor now and per school year."""
    day = report_date(store)
    years, rows = store_m.mentor_load(store, day)
    _step(progress, 1, 2)
    name, now, mentees, total = S.XLS_LOAD_COLUMNS
    headers = [name, now, mentees,
               *(S.XLS_LOAD_YEAR.format(year=rules_m.academic_year_label(y)) for y in years),
               total]
    data = [[r.name, r.now_pairs, r.now_mentees, *r.per_year, r.total] for r in rows]
    sheet = Sheet(S.XLS_LOAD_SHEET, title_row(school_name(store), S.MENT_LOAD_TITLE, day),
                  [Column(headers[0], 34), *(Column(h, 12, total=True) for h in headers[1:])],
                  data, totals=S.XLS_TOTAL)
    return write_xlsx(folder, file_stem(S.XLS_LOAD_FILE, day), [sheet], day=day)


# --- Главная: «Что требует внимания» -----------------------------------------------------


def export_alerts(store, key: str | None = None, *, folder: Path,
                  progress: Progress = None) -> Path:
    """The to-do list as of the report date, item by item with its records: every item,
    or only ``key`` (the list opened from the dashboard)."""
    from metodkab.storage.alerts import collect_alerts

    day = report_date(store)
    alerts = [a for a in collect_alerts(store, day)
              if a.count and (key is None or a.key == key)]
    _step(progress, 1, 2)
    titles = {a.key: S.TODO_TITLES[a.key].format(**a.params) for a in alerts}
    what = titles[key] if key is not None and key in titles else S.DASH_TODO
    sheet = Sheet(S.XLS_TODO_SHEET, title_row(school_name(store), what, day),
                  columns(S.XLS_TODO_COLUMNS, (60, 90)),
                  [[titles[a.key], item.text] for a in alerts for item in a.items])
    return write_xlsx(folder, file_stem(S.XLS_TODO_FILE, day), [sheet], day=day)


# --- Методические объединения -------------------------------------------------------------


def export_associations(store, query=None, *, folder: Path,
                        progress: Progress = None) -> Path:
    """The list as on screen (searched, filtered and sorted as ``query`` asks), and a second
    sheet with the members of those associations."""
    from metodkab.storage import associations as store_as

    day = report_date(store)
    school = school_name(store)
    rows = store_as.list_associations(store, day, query)
    members = store_as.association_members(store, day, [r.id for r in rows])
    _step(progress, 1, 2)
    name, kind, head, count = S.XLS_AS_COLUMNS
    listing = Sheet(S.XLS_AS_SHEET, title_row(school, S.ASSOC_TITLE, day),
                    [Column(name, 40), Column(kind, 20), Column(head, 24),
                     Column(count, 12, total=True)],
                    [[r.name, r.kind, r.head, r.members] for r in rows], totals=S.XLS_TOTAL)
    staff = Sheet(S.XLS_AS_MEMBERS_SHEET, title_row(school, S.XLS_AS_MEMBERS_WHAT, day),
                  columns(S.XLS_AS_MEMBERS_COLUMNS, (40, 24, 34, 34, 14)),
                  [[m.association, " ".join(p for p in (m.last_name, m.first_name, m.middle_name) if p),
                    m.positions, m.subjects, S.XLS_AS_HEAD if m.is_head else ""]
                   for m in members])
    return write_xlsx(folder, file_stem(S.XLS_AS_FILE, day), [listing, staff], day=day)
