"""Staff queries: the register list (filtered, searched, sorted, paged in SQL) and lookups."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.reports import rules
from metodkab.storage.db import Store
from metodkab.storage.errors import HasDependents, StorageError
from metodkab.storage.search import like_pattern as _like
from metodkab.storage.training import COUNTED

STATUSES = ("active", "dismissed", "all")
SORT_COLUMNS = {
    "name": "s.name_norm",
    "positions": "positions",
    "subjects": "subjects",
    "category": "category",          # ranked in list_staff
    "experience": "s.ped_start_date",
    "training": "last_training",
}
PAGE_SIZE = 200


@dataclass(frozen=True)
class StaffQuery:
    search: str = ""
    status: str = "active"
    position: str | None = None
    association_id: str | None = None
    category: str | None = None          # a category name, or "нет" for none
    overdue: bool = False
    young: bool = False
    sort: str = "name"
    descending: bool = False
    limit: int = PAGE_SIZE
    offset: int = 0


@dataclass(frozen=True)
class StaffRow:
    id: str
    name: str
    positions: str
    subjects: str
    category: str
    experience: int | None
    last_training: dt.date | None
    overdue: bool
    dismissed: bool
    dismissal_date: dt.date | None = None
    employment: str = ""
    excluded: str = ""       # why the person is not in the figures (reports.rules.outside_p)
    last_training_precision: str = "day"     # "year": that course is known only by its year


def _query_parts(query: StaffQuery, day: dt.date, period_years: int,
                 young_age: int, young_years: int) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {"d": day.isoformat(), "years": period_years}
    where = ["s.deleted = 0"]
    if query.status == "active":          # reports.rules.employed_on: the dismissal day works
        where.append("employed_on(NULL, s.dismissal_date, :d)")
    elif query.status == "dismissed":
        where.append("NOT employed_on(NULL, s.dismissal_date, :d)")
    if query.search.strip():
        params["search"] = _like(query.search)
        where.append("s.name_norm LIKE :search ESCAPE '\\'")
    if query.position:
        params["position"] = query.position
        where.append("EXISTS (SELECT 1 FROM staff_position p WHERE p.staff_id = s.id "
                     "AND p.deleted = 0 AND p.position = :position)")
    if query.association_id:
        params["association"] = query.association_id
        where.append("EXISTS (SELECT 1 FROM association_member m WHERE m.staff_id = s.id "
                     "AND m.deleted = 0 AND m.association_id = :association)")
    if query.category == "нет":
        where.append("category IS NULL")
    elif query.category:
        params["category"] = query.category
        where.append("category = :category")
    if query.overdue:                     # reports.rules.overdue_on
        where.append("overdue_on(last_training, s.ped_start_date, :d, :years)")
    if query.young:
        params.update(young_age=young_age, young_years=young_years)
        where.append("young_specialist(s.birth_date, s.ped_start_date, :d, :young_age, "
                     ":young_years)")
    return " AND ".join(where), params


_SELECT = f"""
SELECT * FROM (
  SELECT s.id, s.last_name, s.first_name, s.middle_name, s.name_norm, s.deleted,
         s.birth_date, s.ped_start_date, s.dismissal_date, s.hire_date, s.employment,
         (SELECT group_concat(position, ', ') FROM
            (SELECT position FROM staff_position p WHERE p.staff_id = s.id AND p.deleted = 0
             ORDER BY sort_order)) AS positions,
         (SELECT group_concat(subject, ', ') FROM
            (SELECT subject FROM staff_subject x WHERE x.staff_id = s.id AND x.deleted = 0
             ORDER BY sort_order)) AS subjects,
         (SELECT category FROM qualification_category c WHERE c.staff_id = s.id
             AND c.deleted = 0
             AND category_valid_on(c.decision_date, c.valid_until, :d, c.decision_precision)
          ORDER BY CASE category WHEN 'первая' THEN 1 WHEN 'высшая' THEN 2 ELSE 3 END DESC,
                   c.decision_date DESC LIMIT 1) AS category,
         (SELECT max(end_date) FROM training t WHERE t.staff_id = s.id AND t.deleted = 0
             AND {COUNTED}
             AND t.end_date <= :d) AS last_training,
         (SELECT end_precision FROM training t WHERE t.staff_id = s.id AND t.deleted = 0
             AND {COUNTED} AND t.end_date <= :d
          ORDER BY t.end_date DESC, t.end_precision = 'year' LIMIT 1) AS last_training_precision
  FROM staff s
) s
"""


def _settings(store: Store) -> tuple[int, int, int]:
    from metodkab.storage.settings import all_settings

    values = all_settings(store)
    return (int(values["training_period_years"]), int(values["young_max_age"]),
            int(values["young_max_experience"]))


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def list_staff(store: Store, query: StaffQuery, day: dt.date) -> list[StaffRow]:
    """One page of the register, filtered, searched and sorted in SQL."""
    period, young_age, young_years = _settings(store)
    where, params = _query_parts(query, day, period, young_age, young_years)
    column = SORT_COLUMNS.get(query.sort, "s.name_norm")
    if query.sort == "category":
        column = ("CASE WHEN category IS NULL THEN 0 WHEN category = 'первая' THEN 1 "
                  "WHEN category = 'высшая' THEN 2 ELSE 3 END")
    descending = query.descending
    if query.sort == "experience":      # more years = earlier start of педстаж
        descending = not descending
    direction = "DESC" if descending else "ASC"
    nulls = "NULLS LAST"
    sql = (f"{_SELECT} WHERE {where} ORDER BY {column} {direction} {nulls}, s.name_norm, s.id "
           f"LIMIT :limit OFFSET :offset")
    params.update(limit=query.limit, offset=query.offset)
    with store.mutex:
        cur = store.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r)) for r in cur.fetchall()]
    result = []
    for r in rows:
        start = dt.date.fromisoformat(r["ped_start_date"]) if r["ped_start_date"] else None
        last = dt.date.fromisoformat(r["last_training"]) if r["last_training"] else None
        result.append(StaffRow(
            id=r["id"],
            name=" ".join(p for p in (r["last_name"], r["first_name"], r["middle_name"]) if p),
            positions=r["positions"] or "",
            subjects=r["subjects"] or "",
            category=r["category"] or "",
            experience=rules.experience_years(start, day),
            last_training=last,
            overdue=rules.overdue_on(last, day, period, start),
            dismissed=not rules.employed_on(None, _day(r["dismissal_date"]), day),
            excluded=rules.outside_p(rules.StaffDates(
                r["employment"], _day(r["hire_date"]), _day(r["dismissal_date"])), day) or "",
            dismissal_date=_day(r["dismissal_date"]),
            employment=r["employment"] or "",
            last_training_precision=r["last_training_precision"] or "day",
        ))
    return result


def count_staff(store: Store, query: StaffQuery, day: dt.date) -> int:
    period, young_age, young_years = _settings(store)
    where, params = _query_parts(query, day, period, young_age, young_years)
    with store.mutex:
        return store.conn.execute(f"SELECT count(*) FROM ({_SELECT} WHERE {where})",
                                     params).fetchone()[0]


def staff_choices(store: Store, *, include_dismissed: bool = False) -> list[tuple[str, str]]:
    """(id, "Фамилия Имя Отчество") of staff for choosers, sorted by name."""
    sql = ("SELECT id, last_name || ' ' || first_name || "
           "CASE WHEN middle_name <> '' THEN ' ' || middle_name ELSE '' END "
           "FROM staff WHERE deleted = 0")
    if not include_dismissed:
        sql += " AND dismissal_date IS NULL"
    sql += " ORDER BY name_norm"
    with store.mutex:
        return [(r[0], r[1]) for r in store.conn.execute(sql).fetchall()]


DEPENDENT_TABLES = (
    ("qualification_category", "staff_id"),
    ("conformity_attestation", "staff_id"),
    ("training", "staff_id"),
    ("diagnostic", "staff_id"),
    ("deficit", "staff_id"),
    ("individual_route", "staff_id"),
    ("mentorship", "mentor_id"),
    ("mentorship", "curator_id"),
    ("mentorship_mentee", "staff_id"),
    ("achievement", "staff_id"),
    ("short_learning", "staff_id"),
    ("activity_responsible", "staff_id"),
    ("association", "head_id"),
)


def dependents(store: Store, staff_id: str) -> int:
    """How many records (trainings, categories, pairs …) refer to this person."""
    with store.mutex:
        return sum(
            store.conn.execute(
                f"SELECT count(*) FROM {table} WHERE deleted = 0 AND {column} = ?", (staff_id,)
            ).fetchone()[0]
            for table, column in DEPENDENT_TABLES
        )


def delete_staff(store: Store, staff_id: str) -> None:
    """Delete a person who has no dependent records (soft delete: sync keeps the id)."""
    from metodkab.domain.models import Staff
    from metodkab.storage import repo

    with store.atomic():
        if dependents(store, staff_id):
            raise HasDependents(S.STAFF_HAS_DEPENDENTS)
        repo.soft_delete(store, Staff, staff_id)


def dismiss(store: Store, staff_id: str, day: dt.date) -> None:
    """Dismissal (увольнение): the person is archived with a date; history stays."""
    from metodkab.domain.models import Staff
    from metodkab.storage import repo

    with store.atomic():
        person = repo.get(store, Staff, staff_id)
        if person.hire_date is not None and day < person.hire_date:
            raise StorageError(S.STAFF_DISMISS_BEFORE_HIRE.format(
                day=format_date(day), hire=format_date(person.hire_date)))
        repo.update(store, Staff.model_validate({**person.model_dump(), "dismissal_date": day}))


def reinstate(store: Store, staff_id: str) -> None:
    from metodkab.domain.models import Staff
    from metodkab.storage import repo

    with store.atomic():
        person = repo.get(store, Staff, staff_id)
        repo.update(store, Staff.model_validate({**person.model_dump(), "dismissal_date": None}))


# --- the same person twice ---------------------------------------------------------------------


class SamePerson(StorageError):
    """The same ФИО and birth date as a person already kept: a second card is refused."""

    def __init__(self, message: str, staff_id: str) -> None:
        super().__init__(message)
        self.staff_id = staff_id


def same_person(store: Store, record: Any) -> tuple[str, str] | None:
    """(id, ФИО) of another person (not deleted) with the same ФИО and birth date as
    ``record`` (domain.md §6: they are the same person); None when there is none or the
    birth date is not given."""
    if record.birth_date is None:
        return None
    with store.mutex:
        row = store.conn.execute(
            "SELECT id, last_name || ' ' || first_name || CASE WHEN middle_name <> '' "
            "THEN ' ' || middle_name ELSE '' END FROM staff WHERE deleted = 0 "
            "AND name_norm = ? AND birth_date = ? AND id IS NOT ? ORDER BY rowid LIMIT 1",
            (record.name_norm, record.birth_date.isoformat(), record.id)).fetchone()
    return (row[0], row[1]) if row else None


def save_staff(store: Store, record: Any) -> str:
    """Create or update a person (a domain ``Staff``); refused (SamePerson) when another
    card has the same ФИО and birth date."""
    from metodkab.storage import repo

    with store.atomic():
        found = same_person(store, record)
        if found is not None:
            raise SamePerson(S.CHECK_SAME_PERSON_FIELD, found[0])
        return repo.save(store, record)
