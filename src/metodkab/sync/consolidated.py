"""Consolidated figures of the municipal office: every indicator per school and in total
over the pooled staff, the lists across schools (overdue training, young teachers without
support, categories expiring, mentorships without an order), programme progress per
school, and the schools that sent nothing.

The indicators are computed by the schools' own code, not a second copy of the rules:
each school's records are copied into an in-memory school database (the school's
schema) with the settings its latest packet carried (its own periods, thresholds, targets
and support forms; the defaults for a school whose program never sent them) and read by
``storage.indicators.load_data`` and ``reports.indicators.compute_all`` exactly as at the
school. A de-identified school has no birth dates or experience start:
its people get birth and experience dates chosen inside their bands (counted back from
the day the bands were computed, ``bands_on``), so on that day every age and experience
figure falls as at the school; a person is shown as «сотрудник 7, 25–29 лет, стаж 3–5
лет» (numbered within the school), never by an id.

A total is counted over the pooled staff of all schools: the sum of the schools' counts
over the sum of their bases (never an average of percents), against the default target
(``default_targets``): a school is measured against its own. The programme's rows are the
school's own and never go into a total.
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
from metodkab.storage.errors import StorageError
from metodkab.sync.office import is_silent, silent_days  # the office's rule, one place
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


def deidentified_label(number: int, data: dict) -> str:
    """«сотрудник 7, 25–29 лет, стаж 3–5 лет»: the number within the school and the bands
    the school sent (a band not sent is left out)."""
    parts = [S.MX_PERSON_NUMBER.format(number=number)]
    if data.get("age_band"):
        parts.append(S.MX_PERSON_AGE.format(band=data["age_band"]))
    if data.get("experience_band"):
        parts.append(S.MX_PERSON_EXPERIENCE.format(band=data["experience_band"]))
    return ", ".join(parts)


def _staff_row(row_id: str, data: dict, number: int = 0) -> dict:
    """A staff row fit for the school schema: a de-identified row is named by its label
    (``deidentified_label``); birth and experience dates are chosen inside the bands (the
    age band on the bands' day and the one on 1 January both hold), so every figure falls
    as at the school."""
    if "bands_on" in data:
        from metodkab.reports.indicators import age_day

        day = dt.date.fromisoformat(data["bands_on"])
        row = {k: v for k, v in data.items()
               if k not in ("age_band", "age_band_jan1", "experience_band", "bands_on")}
        last, _, first = deidentified_label(number, data).partition(" ")
        row.update(last_name=last, first_name=first, middle_name="")   # the school's
        # «фамилия имя» reads back as the whole label
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


META = ("id", "version", "change_seq", "updated_at", "deleted")


class SchoolCopier:
    """One in-memory school database (the school's schema, created once) that holds one
    school's records at a time: ``load(code)`` empties it and copies that school's
    records and settings in. The staff are copied in Python (names, the bands of a de-identified
    school); every other table by one ``INSERT … SELECT`` from the office's database
    attached (only read), each column read from the record's JSON (a key the record lacks
    takes the column's default, as an insert of the JSON's own keys would). Creating the
    schema anew and decoding every record in Python took most of the time of a
    consolidated report (about 55 ms a school against 14 ms, then 5 ms)."""

    def __init__(self, muni: Store) -> None:
        self.muni = muni
        self.store = open_memory(clock=muni.clock, user=muni.user)
        conn = self.store.db.conn
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA ignore_check_constraints = ON")
        info = {t: list(conn.execute(f"PRAGMA table_info({t})"))
                for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self.columns = {t: {r[1] for r in rows} for t, rows in info.items()}
        self.copies: dict[str, str] = {}
        if muni.path is not None:
            conn.execute("ATTACH DATABASE ? AS office", (str(muni.path),))   # only read
            for table, rows in info.items():
                if table in ("staff", "settings") or not set(META) <= self.columns[table]:
                    continue
                data = [r for r in rows if r[1] not in META]
                names = ", ".join([*META, *(r[1] for r in data)])
                values = ", ".join([*META, *(
                    f"CASE WHEN json_type(data, '$.{r[1]}') IS NULL THEN {r[4] or 'NULL'} "
                    f"ELSE json_extract(data, '$.{r[1]}') END" for r in data)])
                self.copies[table] = (
                    f"INSERT INTO main.{table} ({names}) SELECT {values} FROM office.records "
                    f"WHERE school_code = ? AND table_name = '{table}'")

    def load(self, code: str) -> Store:
        wanted = " AND table_name = 'staff'" if self.copies else ""
        from metodkab.sync.office import school_settings

        with self.muni.mutex:
            rows = self.muni.db.conn.execute(
                "SELECT table_name, id, version, change_seq, updated_at, deleted, data "
                f"FROM records WHERE school_code = ?{wanted} ORDER BY table_name",
                (code,)).fetchall()
            settings = school_settings(self.muni, code) or {}
        conn = self.store.db.conn
        batches: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}
        numbers = {row[1]: n for n, row in enumerate(
            sorted((r for r in rows if r[0] == "staff"), key=lambda r: r[1]), start=1)}
        for table, row_id, version, seq, updated, deleted, text in rows:
            known = self.columns.get(table)
            if not known or table in self.copies:
                continue                    # a table this program does not know yet
            data = json.loads(text)
            if table == "staff":
                data = _staff_row(row_id, data, numbers[row_id])
            values = {"id": row_id, "version": version, "change_seq": seq,
                      "updated_at": updated, "deleted": deleted,
                      **{k: v for k, v in data.items() if k in known}}
            batches.setdefault((table, tuple(values)), []).append(tuple(values.values()))
        with self.store.atomic():
            for table in self.columns:
                conn.execute(f"DELETE FROM main.{table}")
            # the school's own settings (its packets carry them): its figures come out as
            # at the school; a school that never sent them is counted with the defaults
            conn.executemany("INSERT INTO main.settings (key, value) VALUES (?, ?)",
                             [(k, json.dumps(v)) for k, v in settings.items()])
            for table, sql in self.copies.items():
                conn.execute(sql, (code,))
            for (table, names), batch in batches.items():
                marks = ", ".join("?" for _ in names)
                conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})",
                                 batch)
        return self.store

    def close(self) -> None:
        self.store.db.close()


def school_copy(muni: Store, code: str) -> Store:
    """The school's records in a fresh in-memory school database (the caller closes it)."""
    return SchoolCopier(muni).load(code)


# --- the consolidated report ------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A row of a list across schools: the school, the person (named, or the label of a
    de-identified school), positions and what the list says about them."""

    school_code: str
    school_name: str
    name: str
    positions: str
    detail: str = ""


@dataclass(frozen=True)
class SchoolInfo:
    code: str
    name: str
    level: str                 # of the latest packet: full | deidentified
    last_seq: int = 0
    made_at: str = ""          # when the school made its latest data (its clock, ISO)
    imported_at: str = ""
    gaps: int = 0              # packet numbers actually missing
    default_settings: bool = False   # never sent its settings: computed with the defaults

    @property
    def level_text(self) -> str:
        return S.MX_LEVELS.get(self.level, self.level)


@dataclass(frozen=True)
class Silent:
    """A school of the municipality's register that sent nothing, or nothing lately."""

    code: str
    name: str
    last_imported_at: str      # '' when nothing ever came


@dataclass
class Consolidated:
    day: dt.date
    schools: list[SchoolInfo]
    municipality: str = ""
    results: dict[str, list[ri.Result]] = field(default_factory=dict)   # by school code
    totals: list[ri.Result] = field(default_factory=list)
    people: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    overdue: list[Person] = field(default_factory=list)
    young_unsupported: list[Person] = field(default_factory=list)
    expiring: list[Person] = field(default_factory=list)
    no_order: list[Person] = field(default_factory=list)
    silent: list[Silent] = field(default_factory=list)
    silent_days: int = 30
    settings: dict[str, dict] = field(default_factory=dict)   # each school's, by code
    _index: dict = field(default_factory=dict, repr=False)

    def result(self, code: str, key: str) -> ri.Result | None:
        return next((r for r in self.results.get(code, ()) if r.key == key), None)

    def total(self, key: str) -> ri.Result | None:
        return next((r for r in self.totals if r.key == key), None)

    def result_named(self, code: str, key: str, name: str = "") -> ri.Result | None:
        """The school's figure of that key (every figure and band has its own key; the
        name is the school's own title, which its settings may word differently from the
        column's: «более 5 лет» under «более срока по настройкам школы»)."""
        index = self._index.get(code)
        if index is None:
            index = self._index[code] = {r.key: r for r in self.results.get(code, ())}
        return index.get(key)

    @property
    def terms(self) -> dict:
        """The numbers the lists' titles state (reports.indicators.shared_values): the
        schools' own where they agree, «по настройкам школы» where they differ."""
        return ri.shared_values([self.settings[s.code] for s in self.schools
                                 if s.code in self.settings])

    def footnotes(self, figures: list[ri.Result]) -> list[str]:
        """Under a table of these columns: for each column whose schools' settings word
        its title differently, which school counts what (reports.indicators
        .title_footnote)."""
        notes = []
        for figure in figures:
            schools = [(s.code, self.settings[s.code]) for s in self.schools
                       if s.code in self.settings and self.result(s.code, figure.key)]
            note = ri.title_footnote(figure.key, schools)
            if note:
                notes.append(note)
        return notes


MATRIX_GROUPS = ("federal", "self", "school", "growth")     # the registry's indicators
DISTRIBUTION_GROUPS = ("education", "category", "experience", "age")


def _total(results: list[ri.Result], target: float | None,
           settings: list[dict] | None = None) -> ri.Result:
    """A figure over the pooled staff of all schools: the sum of the counts over the sum
    of the bases (the percent of the pool, never an average of the schools' percents),
    against ``target``; titled as the schools title it, or — where their settings word it
    differently — by reports.indicators.shared_title (it claims no one school's number)."""
    first = results[0]
    name = first.name
    if len({r.name for r in results}) > 1:
        name = ri.shared_title(first.key, settings or [])
    return ri.Result(first.key, first.group, name, sum(r.count for r in results),
                     sum(r.base for r in results), target=target, kind=first.kind,
                     lower_is_better=first.lower_is_better)


def default_targets(day: dt.date) -> dict[str, float | None]:
    """The target of each figure under the default settings (the federal concept's): a
    school measures itself against its own targets (its settings travel with its packets),
    the municipality's total against these."""
    from metodkab.storage.settings import DEFAULTS

    data = ri.IndicatorData(day, day, day, {**ri.EXTRA_DEFAULTS, **DEFAULTS})
    return {r.key: r.target for r in ri.compute_all(data)}


@dataclass
class SchoolFigures:
    """One school's figures, people and rows of the lists (what a cache keeps)."""

    results: list[ri.Result]
    people: dict[str, tuple[str, str]]
    settings: dict = field(default_factory=dict)      # what its figures were computed with
    overdue: list[Person] = field(default_factory=list)
    young_unsupported: list[Person] = field(default_factory=list)
    expiring: list[Person] = field(default_factory=list)
    no_order: list[Person] = field(default_factory=list)


def _lists(result: SchoolFigures, code: str, name: str, data: ri.IndicatorData,
           figures: list[ri.Result]) -> None:
    """The school's rows of the four lists, from its own figures (the ids they counted)."""
    from metodkab.domain.parse import format_date, format_end
    from metodkab.reports import attestation as ra
    from metodkab.reports import mentorship as rm
    from metodkab.reports import rules

    people = {p.id: p for p in data.people}
    by_key = {f.key: f for f in figures}

    def row(person_id: str, detail: str = "") -> Person | None:
        p = people.get(person_id)
        return Person(code, name, p.name, p.positions, detail) if p else None

    last, year_only = ri.last_training_end(data), ri.year_only_last(data)
    overdue = by_key.get("training_overdue")
    if overdue:
        result.overdue += filter(None, (row(i, (
            S.MX_LAST_COURSE_YEAR if i in year_only else S.MX_LAST_COURSE).format(
            date=format_end(last[i], "year" if i in year_only else "day"))
            if i in last else S.MX_NO_COURSE)
            for i in overdue.ids))
    young = by_key.get("young_supported")
    if young:
        result.young_unsupported += filter(None, (row(i) for i in young.other_ids))
    expiring = by_key.get("categories_expiring")
    if expiring:
        until = rules.category_warning_until(
            data.day, int(data.setting("category_warn_months") or 6))
        for i in expiring.ids:
            # (an end stated by its year, or counted from a year-only decision: «2024 г.»)
            ending = sorted((end, c.category, "year" if ra.end_year_only(c.facts()) else "day")
                            for c in data.categories
                            if c.staff_id == i and (end := ra.term_end(
                                c.decision_date, c.valid_until, c.decision_precision))
                            is not None and data.day <= end <= until)
            detail = (S.MX_CATEGORY_UNTIL.format(category=ending[0][1],
                                                 date=format_end(ending[0][0], ending[0][2]))
                      if ending else "")
            result.expiring += filter(None, [row(i, detail)])
    # as the school's Аттестация lists them: no decision date, or only its year and the
    # day decides (reports.attestation.expiring) — apart from the figure, «уточнить»
    for i, items in ri.categories_to_clarify(data).items():
        result.expiring += filter(None, (row(i, S.MX_CATEGORY_CLARIFY_UNTIL.format(
            category=e.cat.category, until=format_end(e.cat.valid_until, "year"))
            if ra.until_by_year(e.cat.valid_until, e.cat.until_precision)
            else S.MX_CATEGORY_CLARIFY.format(
            category=e.cat.category,
            decided=format_end(e.cat.decision_date, e.cat.decision_precision)
            or S.ATT_DECISION_UNKNOWN)) for e in items))
    for pair in ri.active_pairs(data):
        if any(f.code == "no_order" for f in rm.check_order(pair)):
            mentees = ", ".join(people[m].name for m in pair.mentee_ids if m in people)
            result.no_order += filter(None, [row(pair.mentor_id, S.MX_PAIR_DETAIL.format(
                mentees=mentees, start=format_date(pair.start)))])


def school_figures(copier: SchoolCopier, school: SchoolInfo, day: dt.date) -> SchoolFigures:
    """The school's own figures on ``day`` (its loader and rule functions on its records)."""
    from metodkab.storage.indicators import load_data

    data = load_data(copier.load(school.code), day)
    figures = ri.compute_all(data)
    mine = SchoolFigures(figures, {p.id: (p.name, p.positions) for p in data.people},
                         dict(data.settings))
    _lists(mine, school.code, school.name, data, figures)
    return mine


def consolidate(muni: Store, day: dt.date,
                progress: Callable[[int, int], None] | None = None,
                cache: dict | None = None) -> Consolidated:
    """Every indicator for every school on ``day`` (the school's own rule functions on
    its records), the totals over the pooled staff, the lists and the silent schools.
    ``cache`` (the office app's) keeps each school's figures under the school's latest
    packet and the day: only a school with new data is computed again."""
    from metodkab.sync.office import list_schools

    rows = list_schools(muni, day, staff=False)
    with muni.mutex:
        office = muni.db.conn.execute("SELECT name FROM office").fetchone()
    schools = [SchoolInfo(r.code, r.name, r.level, r.last_seq, r.last_created_at,
                          r.last_imported_at, r.gaps, r.default_settings) for r in rows]
    result = Consolidated(day, schools, office[0] if office else "")
    result.silent_days = silent_days(muni)
    result.silent = silent_schools(muni, day, result.silent_days)
    by_key: dict[str, list[ri.Result]] = {}      # every figure and band has its own key
    order: list[str] = []
    settings_of: dict[str, list[dict]] = {}
    copier: SchoolCopier | None = None
    try:
        for done, school in enumerate(schools, start=1):
            stamp = (school.code, day, school.name, school.last_seq, school.imported_at)
            mine = cache.get(stamp) if cache is not None else None
            if mine is None:
                copier = copier or SchoolCopier(muni)
                mine = school_figures(copier, school, day)
                if cache is not None:
                    for old in [k for k in cache if k[0] == school.code]:
                        del cache[old]
                    cache[stamp] = mine
            result.results[school.code] = mine.results
            result.people[school.code] = mine.people
            result.settings[school.code] = mine.settings
            for figure in mine.results:
                if figure.group == "programme":
                    continue            # the school's own programme: never in a total
                key = figure.key
                if key not in by_key:
                    by_key[key] = []
                    order.append(key)
                by_key[key].append(figure)
                settings_of.setdefault(key, []).append(mine.settings)
            result.overdue += mine.overdue
            result.young_unsupported += mine.young_unsupported
            result.expiring += mine.expiring
            result.no_order += mine.no_order
            if progress:
                progress(done, len(schools))
    finally:
        if copier is not None:
            copier.close()
    targets = default_targets(day)
    result.totals = [_total(by_key[key], targets.get(key, by_key[key][0].target),
                            settings_of[key]) for key in order]
    return result


# --- the municipality's register of schools ----------------------------------------------


def set_silent_days(muni: Store, days: int) -> None:
    from metodkab.sync.office import set_setting

    if days < 1:
        raise StorageError(S.MX_SILENT_DAYS_BAD)
    set_setting(muni, "silent_days", str(days))


def register(muni: Store) -> list[tuple[str, str]]:
    with muni.mutex:
        return muni.db.conn.execute(
            "SELECT code, name FROM school_register ORDER BY code").fetchall()


def replace_register(muni: Store, schools: list[tuple[str, str]]) -> int:
    """The municipality's list of schools, replaced as a whole in one transaction."""
    codes = [code for code, _ in schools]
    if not codes or len(set(codes)) != len(codes):
        raise StorageError(S.MX_REGISTER_EMPTY if not codes else S.MX_REGISTER_TWICE.format(
            code=next(c for c in codes if codes.count(c) > 1)))
    with muni.atomic():
        muni.db.conn.execute("DELETE FROM school_register")
        muni.db.conn.executemany("INSERT INTO school_register (code, name) VALUES (?, ?)",
                                 schools)
    return len(schools)


def read_register(path: Path) -> list[tuple[str, str]]:
    """Codes and names of schools from a table (XLSX, XLS, ODS, CSV) through the import
    reader: the column headed «Код» and the one headed «Наименование»/«Школа»."""
    from metodkab.importing.reader import read_table

    def score(headers) -> int:
        low = [str(h or "").strip().lower() for h in headers]
        return sum(any(w in h for h in low) for w in ("код", "школ", "наименован", "название"))

    sheet = read_table(path, score=score)
    headers = [str(h or "").strip().lower() for h in sheet.headers]
    code_at = next((i for i, h in enumerate(headers) if "код" in h), None)
    name_at = next((i for i, h in enumerate(headers) if i != code_at
                    and any(w in h for w in ("наименован", "название", "школ"))), None)
    if code_at is None:
        raise StorageError(S.MX_REGISTER_NO_CODE.format(name=Path(path).name))
    schools = []
    for _number, cells in sheet.rows:
        code = _code_text(cells[code_at] if code_at < len(cells) else None)
        if not code:
            continue
        name = str(cells[name_at]).strip() if name_at is not None and name_at < len(cells) \
            and cells[name_at] is not None else ""
        schools.append((code, name))
    return schools


def _code_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def silent_schools(muni: Store, day: dt.date, days: int) -> list[Silent]:
    """Schools of the register with no packet at all, or none imported in the last
    ``days`` days before ``day``."""
    with muni.mutex:
        rows = muni.db.conn.execute(
            "SELECT r.code, coalesce(nullif(s.name, ''), r.name), "
            "coalesce(s.last_import_at, '') FROM school_register r "
            "LEFT JOIN schools s ON s.code = r.code ORDER BY r.code").fetchall()
    return [Silent(code, name, last) for code, name, last in rows if is_silent(last, day, days)]
