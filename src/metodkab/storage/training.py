"""Повышение квалификации: the register of trainings (filtered and paged in SQL), one
person's trainings, group entry, and the lists of people overdue for training.

SQL only; the date rules are in reports.training and reports.rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from metodkab import strings as S
from metodkab.domain.models import Training
from metodkab.domain.parse import norm
from metodkab.reports import rules as common
from metodkab.reports import training as rules
from metodkab.storage import groups, repo
from metodkab.storage.db import Store
from metodkab.storage.errors import HasDependents
from metodkab.storage.rows import dict_rows as _rows, full_name, iso_date as _date
from metodkab.storage.rulesql import employed
from metodkab.storage.search import like_pattern as _like

NAME = full_name("s")
EMPLOYED = employed("s")
# The kinds that count for the three-year rule (reports.training.COUNTED_KINDS).
COUNTED = "t.kind IN (" + ", ".join(f"'{k}'" for k in rules.COUNTED_KINDS) + ")"
POSITIONS = ("(SELECT group_concat(position, ', ') FROM (SELECT position FROM staff_position p "
             "WHERE p.staff_id = s.id AND p.deleted = 0 ORDER BY sort_order))")
PAGE_SIZE = 200
SORTS = {"end": "t.end_date", "name": "s.name_norm", "title": "norm(t.title)",
         "hours": "t.hours"}


def _period(store: Store) -> int:
    from metodkab.storage.settings import get_setting

    return int(get_setting(store, "training_period_years"))


# --- the register ------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingQuery:
    search: str = ""                      # programme title or the person's name
    year: int | None = None               # year of the end date
    provider: str | None = None
    kind: str | None = None
    form: str | None = None
    federal: bool | None = None           # from the federal register: yes / no / any
    by_diagnostics: bool | None = None
    topic: str | None = None
    staff_id: str | None = None
    sort: str = "end"
    descending: bool = True
    limit: int = PAGE_SIZE
    offset: int = 0

    @property
    def filtered(self) -> bool:
        return any(v is not None for v in (self.year, self.provider, self.kind, self.form,
                                           self.federal, self.by_diagnostics, self.topic,
                                           self.staff_id))


@dataclass(frozen=True)
class TrainingRow:
    id: str
    staff_id: str
    name: str
    title: str
    provider: str
    kind: str
    hours: int
    form: str
    start_date: dt.date | None
    end_date: dt.date
    end_precision: str                # "year": only the year is known («2023 г.»)
    federal_register: bool
    by_diagnostics: bool
    management: bool
    group_id: str | None
    deficits: int
    dismissed: bool
    doc: str = ""

    @property
    def kind_short(self) -> str:
        return rules.KIND_SHORT.get(self.kind, self.kind)

    @property
    def marks(self) -> str:
        """Р — federal register, Д — chosen by diagnostics, У — management, Г — group entry."""
        return "".join(mark for mark, on in ((S.TR_MARK_FEDERAL, self.federal_register),
                                             (S.TR_MARK_DIAGNOSTICS, self.by_diagnostics),
                                             (S.TR_MARK_MANAGEMENT, self.management),
                                             (S.TR_MARK_GROUP, self.group_id is not None))
                       if on)


_SELECT = f"""
SELECT t.id, t.staff_id, {NAME} AS name, t.title, t.provider, t.kind, t.hours,
       coalesce(t.form, '') AS form, t.start_date, t.end_date, t.end_precision,
       t.federal_register,
       t.by_diagnostics, t.management, t.group_id, t.doc_kind, t.doc_number,
       (SELECT count(*) FROM training_deficit x WHERE x.training_id = t.id
          AND x.deleted = 0) AS deficits,
       NOT employed_on(NULL, s.dismissal_date, :d) AS dismissed
FROM training t JOIN staff s ON s.id = t.staff_id
"""


def _where(query: TrainingQuery, day: dt.date) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {"d": day.isoformat()}
    where = ["t.deleted = 0", "s.deleted = 0"]
    if query.search.strip():
        params["search"] = _like(query.search)
        where.append("(norm(t.title) LIKE :search ESCAPE '\\' "
                     "OR s.name_norm LIKE :search ESCAPE '\\')")
    if query.year is not None:
        params["year"] = f"{query.year:04d}"
        where.append("substr(t.end_date, 1, 4) = :year")
    for column in ("provider", "kind", "form", "staff_id"):
        value = getattr(query, column)
        if value:
            params[column] = value
            where.append(f"t.{column} = :{column}")
    for column, value in (("federal_register", query.federal),
                          ("by_diagnostics", query.by_diagnostics)):
        if value is not None:
            where.append(f"t.{column} = {int(value)}")
    if query.topic:
        params["topic"] = query.topic
        where.append("EXISTS (SELECT 1 FROM json_each(t.topics) j WHERE j.value = :topic)")
    return " AND ".join(where), params


def _row(r: dict[str, Any]) -> TrainingRow:
    doc = " ".join(p for p in (r["doc_kind"] or "", r["doc_number"] or "") if p)
    return TrainingRow(
        id=r["id"], staff_id=r["staff_id"], name=r["name"], title=r["title"],
        provider=r["provider"], kind=r["kind"], hours=r["hours"], form=r["form"],
        start_date=_date(r["start_date"]), end_date=_date(r["end_date"]),
        end_precision=r["end_precision"],
        federal_register=bool(r["federal_register"]), by_diagnostics=bool(r["by_diagnostics"]),
        management=bool(r["management"]), group_id=r["group_id"], deficits=r["deficits"],
        dismissed=bool(r["dismissed"]), doc=doc)


def list_trainings(store: Store, query: TrainingQuery, day: dt.date) -> list[TrainingRow]:
    """One page of the register, filtered, searched and sorted in SQL."""
    where, params = _where(query, day)
    column = SORTS.get(query.sort, "t.end_date")
    direction = "DESC" if query.descending else "ASC"
    params.update(limit=query.limit, offset=query.offset)
    sql = (f"{_SELECT} WHERE {where} ORDER BY {column} {direction}, s.name_norm, t.id "
           "LIMIT :limit OFFSET :offset")
    return [_row(r) for r in _rows(store, sql, params)]


def count_trainings(store: Store, query: TrainingQuery, day: dt.date) -> tuple[int, int]:
    """(records, people) matching the query."""
    where, params = _where(query, day)
    with store.mutex:
        row = store.db.conn.execute(
            f"SELECT count(*), count(DISTINCT t.staff_id) FROM training t "
            f"JOIN staff s ON s.id = t.staff_id WHERE {where}", params).fetchone()
    return row[0], row[1]


def filter_options(store: Store) -> dict[str, list[str]]:
    """The values the filter offers: years and providers found in the register."""
    with store.mutex:
        conn = store.db.conn
        years = [r[0] for r in conn.execute(
            "SELECT DISTINCT substr(end_date, 1, 4) FROM training WHERE deleted = 0 "
            "ORDER BY 1 DESC")]
        providers = [r[0] for r in conn.execute(
            "SELECT provider FROM training WHERE deleted = 0 AND provider <> '' "
            "GROUP BY provider ORDER BY count(*) DESC, provider")]
    return {"years": years, "providers": providers}


# --- one person --------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonTrainings:
    rows: list[TrainingRow]
    hours_3: int
    hours_5: int
    last_end: dt.date | None           # last completed ПК/переподготовка
    overdue: bool
    overdue_from: dt.date | None       # when the person is (or will be) overdue
    period_years: int
    last_precision: str = "day"        # "year": the last course is known only by its year
    clarify: bool = False              # reports.training.overdue_unsure


def person_trainings(store: Store, staff_id: str, day: dt.date) -> PersonTrainings:
    """A person's trainings, newest first, with hours in the last 3 and 5 years."""
    period = _period(store)
    query = TrainingQuery(staff_id=staff_id, limit=1000)
    rows = list_trainings(store, query, day)
    pairs = [(r.end_date, r.hours) for r in rows]
    counted = [r for r in rows
               if r.kind in rules.COUNTED_KINDS and rules.completed(r.end_date, day)]
    # the last course, a stated day before a year-only one on the same 1 January
    newest = max(counted, key=lambda r: (r.end_date, r.end_precision != rules.YEAR_ONLY),
                 default=None)
    last = newest.end_date if newest else None
    latest = max((rules.latest_end(r.end_date, r.end_precision) for r in counted), default=None)
    with store.mutex:
        found = store.conn.execute("SELECT ped_start_date FROM staff WHERE id = ?",
                                   (staff_id,)).fetchone()
    started = _date(found[0]) if found else None
    return PersonTrainings(
        rows=rows, hours_3=rules.hours_in_last(pairs, day, 3),
        hours_5=rules.hours_in_last(pairs, day, 5), last_end=last,
        overdue=common.overdue_on(last, day, period, started),
        overdue_from=rules.overdue_from(last, period, started), period_years=period,
        last_precision=newest.end_precision if newest else "day",
        clarify=rules.overdue_unsure(last, latest, day, period, started))


def deficit_options(store: Store, staff_id: str | None,
                    keep: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The person's deficits for a chooser: open ones, and any already linked (``keep``)."""
    if not staff_id:
        return []
    marks = ", ".join("?" for _ in keep)
    extra = f" OR id IN ({marks})" if keep else ""
    rows = _rows(store, "SELECT id, area, description, status FROM deficit "
                        f"WHERE deleted = 0 AND staff_id = ? AND (status <> 'устранён'{extra}) "
                        "ORDER BY found_date DESC, rowid", (staff_id, *keep))
    return [(r["id"], S.TR_DEFICIT_OPTION.format(area=r["area"], text=r["description"],
                                                 status=r["status"])) for r in rows]


def check_training(store: Store, record: Training) -> list[rules.Finding]:
    """Warnings before saving: chosen by diagnostics without a deficit, a duplicate."""
    dup = _rows(store, "SELECT end_date FROM training WHERE deleted = 0 AND staff_id = ? "
                       "AND norm(title) = ? AND end_date = ? AND id IS NOT ?",
                (record.staff_id, norm(record.title), record.end_date.isoformat(), record.id))
    return rules.check_training(by_diagnostics=record.by_diagnostics,
                                deficit_ids=record.deficit_ids,
                                duplicate_end=record.end_date if dup else None,
                                title=record.title)


def save_training(store: Store, record: Training) -> str:
    return repo.save(store, record)


# --- group entry -------------------------------------------------------------------------


def save_group(store: Store, template: Training, staff_ids: list[str]) -> str:
    """One course taken by several people: a record per person, tied by one group id.

    All records are written in one transaction; returns the group id.
    """
    return groups.save_group(store, template, staff_ids, personal=("deficit_ids", "doc_number"))


def group_size(store: Store, group_id: str | None) -> int:
    return groups.group_size(store, Training, group_id)


def group_changed(store: Store, record: Training) -> bool:
    """The edited record differs from the stored one in a field the group shares."""
    return groups.group_changed(store, record, rules.GROUP_FIELDS)


def update_group(store: Store, record: Training) -> str:
    """Save ``record`` and copy its shared fields to the other records of its group."""
    return groups.update_group(store, record, rules.GROUP_FIELDS, save_training)


def _check_not_in_route(store: Store, where: str, params: tuple) -> None:
    with store.mutex:
        used = store.db.conn.execute(
            "SELECT count(*) FROM route_step r JOIN individual_route i ON i.id = r.route_id "
            f"WHERE r.deleted = 0 AND i.deleted = 0 AND r.training_id IN "
            f"(SELECT id FROM training WHERE deleted = 0 AND {where})", params).fetchone()[0]
    if used:
        raise HasDependents(S.TR_DELETE_IN_ROUTE.format(count=used))


def delete_training(store: Store, training_id: str) -> None:
    """Soft-delete one training (refused while a step of an ИОМ points at it)."""
    with store.atomic():
        _check_not_in_route(store, "id = ?", (training_id,))
        repo.soft_delete(store, Training, training_id)


def delete_group(store: Store, group_id: str) -> int:
    """Soft-delete every record of a group entry; returns how many."""
    with store.atomic():
        _check_not_in_route(store, "group_id = ?", (group_id,))
        ids = [t.id for t in repo.find(store, Training, "group_id = ?", (group_id,))]
        for training_id in ids:
            repo.soft_delete(store, Training, training_id)
    return len(ids)


# --- overdue -----------------------------------------------------------------------------


@dataclass(frozen=True)
class OverdueRow:
    staff_id: str
    name: str
    positions: str
    last_end: dt.date | None
    overdue_from: dt.date | None      # None: never trained
    planned_end: dt.date | None       # a course that ends after D (in progress / planned)
    soon: bool                        # not overdue yet, but within the next months
    excluded: str = ""                # why the person is not in the figure (a part-timer)
    last_precision: str = "day"       # "year": the last course is known only by its year
    clarify: bool = False             # overdue only if that course ended early in its year


@dataclass(frozen=True)
class OverdueLists:
    overdue: list[OverdueRow]
    soon: list[OverdueRow]
    day: dt.date
    period_years: int
    months: int


def overdue_lists(store: Store, day: dt.date, months: int | None = None) -> OverdueLists:
    """People employed on D overdue for training (reports.rules.overdue_on), and those who
    become overdue within ``months`` (domain.md §3, §6). External part-timers are listed
    too, marked: the figure (P(D)) leaves them out."""
    period = _period(store)
    months = rules.SOON_MONTHS if months is None else months
    params = {"d": day.isoformat(),
              "soon": rules.soon_cutoff(day, months, period).isoformat()}
    rows = _rows(store, f"""
        SELECT * FROM (
          SELECT s.id, {NAME} AS name, s.name_norm, {POSITIONS} AS positions,
                 s.ped_start_date, s.employment, s.hire_date, s.dismissal_date,
                 (SELECT max(t.end_date) FROM training t WHERE t.staff_id = s.id
                    AND t.deleted = 0 AND {COUNTED} AND t.end_date <= :d) AS last_end,
                 (SELECT t.end_precision FROM training t WHERE t.staff_id = s.id
                    AND t.deleted = 0 AND {COUNTED} AND t.end_date <= :d
                    ORDER BY t.end_date DESC, t.end_precision = 'year' LIMIT 1) AS last_precision,
                 (SELECT max(latest_end(t.end_date, t.end_precision)) FROM training t
                    WHERE t.staff_id = s.id AND t.deleted = 0 AND {COUNTED}
                    AND t.end_date <= :d) AS latest,
                 (SELECT min(t.end_date) FROM training t WHERE t.staff_id = s.id
                    AND t.deleted = 0 AND {COUNTED} AND t.end_date > :d) AS planned_end
          FROM staff s WHERE {EMPLOYED})
        WHERE last_end IS NULL OR last_end < :soon
        ORDER BY last_end IS NOT NULL, last_end, name_norm""", params)
    overdue: list[OverdueRow] = []
    soon: list[OverdueRow] = []
    for r in rows:
        last, started = _date(r["last_end"]), _date(r["ped_start_date"])
        late = common.overdue_on(last, day, period, started)
        if not late and not rules.becomes_overdue_soon(last, day, months, period, started):
            continue
        fact = common.StaffDates(r["employment"], _date(r["hire_date"]),
                                 _date(r["dismissal_date"]))
        item = OverdueRow(staff_id=r["id"], name=r["name"], positions=r["positions"] or "",
                          last_end=last, overdue_from=rules.overdue_from(last, period, started),
                          planned_end=_date(r["planned_end"]), soon=not late,
                          excluded=common.outside_p(fact, day) or "",
                          last_precision=r["last_precision"] or "day",
                          clarify=rules.overdue_unsure(last, _date(r["latest"]), day, period,
                                                       started))
        (soon if item.soon else overdue).append(item)
    return OverdueLists(overdue, soon, day, period, months)
