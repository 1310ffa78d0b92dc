"""Exports to Excel of the teacher's growth: the register of achievements as searched and
filtered on screen (every page), and the change journal as filtered.

Plain functions run in a worker through ``start_export``; they read through storage and
write through reports/xlsx.py. Nothing here touches the UI.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from metodkab import strings as S
from metodkab.reports.xlsx import Sheet, write_xlsx
from metodkab.screens.tables_export import (Progress, _search, _step, columns, file_stem,
                                            school_name, title_row, yes_no)
from metodkab.storage import achievements as store_g
from metodkab.storage.achievements import AchievementQuery
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
    records, _ = store_g.count_achievements(store, query, day)
    rows = store_g.list_achievements(store, replace(query, offset=0, limit=max(records, 1)), day)
    _step(progress, 1, 2)
    data = [[r.name, r.kind, r.level, r.date, r.title, r.result, r.organiser, r.evidence,
             yes_no(r.group_id is not None), yes_no(r.dismissed)] for r in rows]
    sheet = Sheet(S.XLS_GR_SHEET, title_row(school_name(store), S.XLS_GR_WHAT, day,
                                            achievement_filters(query)),
                  ACHIEVEMENT_COLUMNS, data)
    return write_xlsx(folder, file_stem(S.XLS_GR_FILE, day), [sheet])
