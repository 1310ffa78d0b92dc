"""Exports to Excel of the teacher's growth: the register of achievements as searched and
filtered on screen (every page), and the change journal as filtered.

Plain functions run in a worker through ``start_export``; they read through storage and
write through reports/xlsx.py. Nothing here touches the UI.
"""

from __future__ import annotations

from pathlib import Path

from metodkab import strings as S
from metodkab.reports.xlsx import Sheet, write_xlsx
from metodkab.screens.tables_export import (Progress, _search, _step, columns, every_row,
                                            file_stem, school_name, title_row, yes_no)
from metodkab.storage import achievements as store_g
from metodkab.storage.achievements import AchievementQuery
from metodkab.storage.journal import JournalQuery
from metodkab.storage.settings import report_date

ACHIEVEMENT_COLUMNS = columns(S.XLS_GR_COLUMNS, (34, 20, 14, 11, 50, 12, 30, 30, 9, 9))


def achievement_filters(query: AchievementQuery) -> list[str]:
    parts = _search(query.search)
    if query.year:
        parts.append(S.XLS_TR_YEAR.format(year=query.year))
    parts += [v for v in (query.kind, query.level) if v]
    return parts


def export_achievements(store, query: AchievementQuery, *, folder: Path,
                        progress: Progress = None) -> Path:
    day = report_date(store)
    rows = every_row(store_g.count_achievements, store_g.list_achievements, store, query, day)
    _step(progress, 1, 2)
    data = [[r.name, r.kind, r.level, r.date, r.title, r.result, r.organiser, r.evidence,
             yes_no(r.group_id is not None), yes_no(r.dismissed)] for r in rows]
    sheet = Sheet(S.XLS_GR_SHEET, title_row(school_name(store), S.XLS_GR_WHAT, day,
                                            achievement_filters(query)),
                  ACHIEVEMENT_COLUMNS, data)
    return write_xlsx(folder, file_stem(S.XLS_GR_FILE, day), [sheet], day=day)


JOURNAL_COLUMNS = columns(S.XLS_JOURNAL_COLUMNS, (17, 20, 24, 40, 12, 60))


def journal_filters(query: JournalQuery) -> list[str]:
    from metodkab.domain.parse import format_date

    parts = []
    if query.date_from:
        parts.append(S.XLS_JOURNAL_FROM.format(date=format_date(query.date_from)))
    if query.date_to:
        parts.append(S.XLS_JOURNAL_TO.format(date=format_date(query.date_to)))
    if query.user is not None:
        parts.append(query.user or S.JOURNAL_NO_USER)
    if query.section:
        parts.append(S.JOURNAL_SECTIONS.get(query.section, query.section))
    return parts


def export_journal(store, query: JournalQuery, *, folder: Path,
                   progress: Progress = None) -> Path:
    """The journal as filtered on screen — every page, newest first."""
    from metodkab.storage import journal as sj

    day = report_date(store)
    rows = every_row(sj.count_journal, sj.list_journal, store, query)
    _step(progress, 1, 2)
    data = [[r.at.strftime("%d.%m.%Y %H:%M"), r.user or S.JOURNAL_NO_USER, r.what, r.label,
             S.JOURNAL_ACTIONS.get(r.action, r.action), r.summary] for r in rows]
    sheet = Sheet(S.XLS_JOURNAL_SHEET, title_row(school_name(store), S.JOURNAL_TITLE, day,
                                                 journal_filters(query)),
                  JOURNAL_COLUMNS, data)
    return write_xlsx(folder, file_stem(S.XLS_JOURNAL_FILE, day), [sheet], day=day)


def write_portfolio(store, staff_id: str, *, folder: Path, progress: Progress = None) -> Path:
    """Портфолио к аттестации of one person (Ctrl+W on the card) as a Word document."""
    from metodkab.reports.docx import write_docx
    from metodkab.reports.documents import surname_first
    from metodkab.reports.portfolio import portfolio_docx
    from metodkab.storage.portfolio import load_portfolio

    _step(progress, 0, 3)
    doc = load_portfolio(store, staff_id)
    _step(progress, 1, 3)
    document = portfolio_docx(doc)
    _step(progress, 2, 3)
    path = write_docx(folder, S.PF_FILE.format(name=surname_first(doc.person),
                                               date=doc.day.isoformat()), document)
    _step(progress, 3, 3)
    return path
