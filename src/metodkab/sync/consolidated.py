"""Consolidated figures of the municipal office: every indicator per school and in total,
and the lists across schools (staff overdue for training, young teachers without support).

The indicators are computed by the schools' own code, not a second copy of the rules:
each school's records are copied into a fresh in-memory school database (the school's
schema) and read by ``storage.indicators.load_data`` and ``reports.indicators.compute_all``
exactly as at the school. A de-identified school has no birth dates or experience start:
its people get birth and experience dates chosen inside their bands (counted back from
the day the bands were computed, ``bands_on``), so on that day every age and experience
figure falls as at the school; names are shown as «обезличен».
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from metodkab import strings as S
from metodkab.domain.parse import add_years, full_name, norm
from metodkab.reports import indicators as ri
from metodkab.storage.db import Store, open_memory
from metodkab.sync.records import AGE_BANDS, EXPERIENCE_BANDS

AGE_YEARS = dict(zip(AGE_BANDS, ((0, 24), (25, 29), (30, 34), (35, 39), (40, 44), (45, 49),
                                  (50, 54), (55, 59), (60, 64), (65, 120))))
EXPERIENCE_YEARS = dict(zip(EXPERIENCE_BANDS, ((0, 2), (3, 4), (5, 9), (10, 14), (15, 19),
                                                (20, 29), (30, 80))))


def _interval(day: dt.date, years: tuple[int, int]) -> tuple[dt.date, dt.date]:
    """Dates of birth (or of starting) that give full years within ``years`` on ``day``:
    after the first date, up to and including the second."""
    low, high = years
    return add_years(day, -(high + 1)), add_years(day, -low)


def _middle(*intervals: tuple[dt.date, dt.date]) -> str | None:
    """The middle of the intersection of the intervals (of the first one if they miss)."""
    after = max(i[0] for i in intervals)
    upto = min(i[1] for i in intervals)
    if after >= upto:
        after, upto = intervals[0]
    return (after + (upto - after) / 2 + dt.timedelta(days=1)).isoformat()


def _staff_row(row_id: str, data: dict) -> dict:
    """A staff row fit for the school schema: names of a de-identified row are blank
    placeholders (with the start of the UUID, to tell people apart); birth and experience dates are chosen inside the bands (the age band on
    the bands' day and the one on 1 January both hold), so every figure falls as at the
    school."""
    if "bands_on" in data:
        from metodkab.reports.indicators import age_day

        day = dt.date.fromisoformat(data["bands_on"])
        row = {k: v for k, v in data.items()
               if k not in ("age_band", "age_band_jan1", "experience_band", "bands_on")}
        row.update(last_name=S.EX_DEIDENTIFIED, first_name=row_id[:8], middle_name="")
        age = AGE_YEARS.get(data.get("age_band") or "")
        jan1 = AGE_YEARS.get(data.get("age_band_jan1") or "")
        ages = [_interval(day, age)] if age else []
        if jan1:
            ages.append(_interval(age_day(day), jan1))
        row["birth_date"] = _middle(*ages) if ages else None
        exp = EXPERIENCE_YEARS.get(data.get("experience_band") or "")
        row["ped_start_date"] = _middle(_interval(day, exp)) if exp else None
        data = row
    data = dict(data)
    data["name_norm"] = norm(full_name(data.get("last_name", ""), data.get("first_name", ""),
                                       data.get("middle_name", "")))
    return data


def school_copy(muni: Store, code: str) -> Store:
    """The school's records in a fresh in-memory school database."""
    copy = open_memory(clock=muni.clock, user=muni.user)
    conn = copy.db.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA ignore_check_constraints = ON")
    columns = {t: {r[1] for r in conn.execute(f"PRAGMA table_info({t})")}
               for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    with muni.mutex:
        rows = muni.db.conn.execute(
            "SELECT table_name, id, version, change_seq, updated_at, deleted, data FROM records "
            "WHERE school_code = ? ORDER BY table_name", (code,)).fetchall()
    with copy.atomic():
        for table, row_id, version, seq, updated, deleted, text in rows:
            known = columns.get(table)
            if not known:
                continue                    # a table this program does not know yet
            data = json.loads(text)
            if table == "staff":
                data = _staff_row(row_id, data)
            values = {"id": row_id, "version": version, "change_seq": seq,
                      "updated_at": updated, "deleted": deleted,
                      **{k: v for k, v in data.items() if k in known}}
            names = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                         tuple(values.values()))
    return copy


@dataclass(frozen=True)
class Person:
    school_code: str
    school_name: str
    name: str
    positions: str


@dataclass
class Consolidated:
    day: dt.date
    schools: list[tuple[str, str, str]]                    # code, name, level
    results: dict[str, list[ri.Result]] = field(default_factory=dict)   # by school code
    totals: list[ri.Result] = field(default_factory=list)
    overdue: list[Person] = field(default_factory=list)
    young_unsupported: list[Person] = field(default_factory=list)


def _total(results: list[ri.Result]) -> ri.Result:
    first = results[0]
    return ri.Result(first.key, first.group, first.name, sum(r.count for r in results),
                     sum(r.base for r in results), target=first.target, kind=first.kind,
                     lower_is_better=first.lower_is_better)


def consolidate(muni: Store, day: dt.date,
                progress: Callable[[int, int], None] | None = None) -> Consolidated:
    """Every indicator for every school on ``day``, the totals and the two lists."""
    from metodkab.storage.indicators import load_data

    with muni.mutex:
        schools = muni.db.conn.execute(
            "SELECT s.code, s.name, coalesce((SELECT level FROM packets p WHERE "
            "p.school_code = s.code ORDER BY imported_at DESC, seq DESC LIMIT 1), '') "
            "FROM schools s ORDER BY s.code").fetchall()
    result = Consolidated(day, [tuple(s) for s in schools])
    by_key: dict[tuple[str, str], list[ri.Result]] = {}
    order: list[tuple[str, str]] = []
    for done, (code, name, _level) in enumerate(schools, start=1):
        copy = school_copy(muni, code)
        try:
            data = load_data(copy, day)
        finally:
            copy.db.close()
        figures = ri.compute_all(data)
        result.results[code] = figures
        people = {p.id: p for p in data.people}
        for figure in figures:
            key = (figure.key, figure.name)
            if key not in by_key:
                by_key[key] = []
                order.append(key)
            by_key[key].append(figure)
            if figure.key == "training_overdue":
                result.overdue += [Person(code, name, people[i].name, people[i].positions)
                                   for i in figure.ids if i in people]
            elif figure.key == "young_supported":
                result.young_unsupported += [
                    Person(code, name, people[i].name, people[i].positions)
                    for i in figure.other_ids if i in people]
        if progress:
            progress(done, len(schools))
    result.totals = [_total(by_key[key]) for key in order]
    return result


def export_xlsx(report: Consolidated, folder: Path) -> Path:
    """The consolidated figures and both lists as one workbook (the one writer of
    reports/xlsx.py: print setup, percents as percents, targets as «≥ 30 %»)."""
    from metodkab.domain.parse import format_date
    from metodkab.reports.indicator_sheet import figure_cells, figure_columns
    from metodkab.reports.xlsx import Column, Sheet, write_xlsx

    date = format_date(report.day)
    codes = [code for code, _name, _level in report.schools]
    names = {code: name for code, name, _level in report.schools}
    totals = Sheet(S.EX_XLSX_TOTALS, S.EX_XLSX_TOTALS_TITLE.format(date=date),
                   [Column(S.EX_IND_COL_NAME, 50), *figure_columns()],
                   [(r.name, *figure_cells(r)) for r in report.totals])
    per_school_rows = []
    for code in codes:
        for r in report.results.get(code, []):
            per_school_rows.append((code, names[code], r.name, *figure_cells(r)))
    per_school = Sheet(S.EX_XLSX_SCHOOLS, S.EX_XLSX_SCHOOLS_TITLE.format(date=date),
                       [Column(S.EX_SCHOOL_COLUMNS[0]), Column(S.EX_SCHOOL_COLUMNS[1], 30),
                        Column(S.EX_IND_COL_NAME, 40), *figure_columns()], per_school_rows)
    person_columns = [Column(S.EX_SCHOOL_COLUMNS[0]), Column(S.EX_SCHOOL_COLUMNS[1], 30),
                      Column(S.EX_LIST_COL_NAME, 36), Column(S.EX_LIST_COL_POSITIONS, 40)]
    overdue = Sheet(S.EX_XLSX_OVERDUE, S.EX_XLSX_OVERDUE_TITLE.format(date=date), person_columns,
                    [(p.school_code, p.school_name, p.name, p.positions) for p in report.overdue])
    young = Sheet(S.EX_XLSX_YOUNG, S.EX_XLSX_YOUNG_TITLE.format(date=date), person_columns,
                  [(p.school_code, p.school_name, p.name, p.positions)
                   for p in report.young_unsupported])
    return write_xlsx(folder, free_name(folder, S.EX_XLSX_FILE.format(date=report.day.isoformat())),
                      [totals, per_school, overdue, young])


def free_name(folder: Path, name: str) -> str:
    """``name`` (an .xlsx in ``folder``), or «name (2)», «name (3)» … when a report of the
    same day is already there: a second report never overwrites the first silently."""
    from metodkab.reports.xlsx import safe_file_name

    candidate, number = name, 1
    while (Path(folder) / (safe_file_name(candidate) + ".xlsx")).exists():
        number += 1
        candidate = f"{name} ({number})"
    return candidate
