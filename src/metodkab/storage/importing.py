"""Queries the import needs: who is already there, and what they already have.

One query per table for the whole import, so a preview of hundreds of rows reads the
database a handful of times.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from metodkab.domain.parse import norm
from metodkab.storage.db import Store


@dataclass(frozen=True)
class PersonKey:
    id: str
    last_name: str
    first_name: str
    middle_name: str
    name_norm: str
    birth_date: dt.date | None
    version: int


@dataclass(frozen=True)
class TrainingKey:
    title_norm: str
    end_date: dt.date
    hours: int


@dataclass(frozen=True)
class CategoryKey:
    category: str
    position: str
    decision_date: dt.date | None         # None: stated without a date
    decision_precision: str = "day"       # "year": known only by its year


@dataclass(frozen=True)
class ConformityKey:
    date: dt.date
    result: str | None
    precision: str = "day"                # "year": known only by its year


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def people(store: Store) -> list[PersonKey]:
    """Everyone in the register (dismissed too), for matching by ФИО and birth date."""
    with store.mutex:
        rows = store.db.conn.execute(
            "SELECT id, last_name, first_name, middle_name, name_norm, birth_date, version "
            "FROM staff WHERE deleted = 0 ORDER BY name_norm, id").fetchall()
    return [PersonKey(r[0], r[1], r[2], r[3], r[4], _date(r[5]), r[6]) for r in rows]


def trainings_by_person(store: Store) -> dict[str, list[TrainingKey]]:
    """The trainings already recorded, per person: title (search form), end date, hours."""
    result: dict[str, list[TrainingKey]] = {}
    with store.mutex:
        rows = store.db.conn.execute(
            "SELECT staff_id, title, end_date, hours FROM training WHERE deleted = 0").fetchall()
    for staff_id, title, end, hours in rows:
        result.setdefault(staff_id, []).append(TrainingKey(norm(title), _date(end), hours))
    return result


def categories_by_person(store: Store) -> dict[str, list[CategoryKey]]:
    result: dict[str, list[CategoryKey]] = {}
    with store.mutex:
        rows = store.db.conn.execute(
            "SELECT staff_id, category, position, decision_date, decision_precision "
            "FROM qualification_category WHERE deleted = 0").fetchall()
    for staff_id, category, position, decided, precision in rows:
        result.setdefault(staff_id, []).append(CategoryKey(category, position, _date(decided),
                                                           precision))
    return result


def conformity_by_person(store: Store) -> dict[str, list[ConformityKey]]:
    result: dict[str, list[ConformityKey]] = {}
    with store.mutex:
        rows = store.db.conn.execute(
            "SELECT staff_id, date, result, date_precision FROM conformity_attestation "
            "WHERE deleted = 0").fetchall()
    for staff_id, day, outcome, precision in rows:
        result.setdefault(staff_id, []).append(ConformityKey(_date(day), outcome, precision))
    return result
