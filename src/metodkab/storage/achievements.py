"""Достижения and short learning (самообразование): the school register of achievements
(filtered and paged in SQL), one person's achievements and short learning, group entry
(one seminar, several speakers) and deleting.

SQL only; the figures over these records are in reports/growth.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from metodkab import strings as S
from metodkab.domain.models import Achievement, ShortLearning
from metodkab.storage import groups, repo
from metodkab.storage.db import Store
from metodkab.storage.errors import HasDependents
from metodkab.storage.rows import dict_rows as _rows, full_name, iso_date as _date
from metodkab.storage.search import like_pattern as _like

NAME = full_name("s")
PAGE_SIZE = 200
# The fields one group entry shares (everything but the person and the evidence).
GROUP_FIELDS = ("kind", "level", "date", "title", "result", "organiser")


# --- the register ------------------------------------------------------------------------


@dataclass(frozen=True)
class AchievementQuery:
    search: str = ""                      # title, organiser or the person's name
    kind: str | None = None
    level: str | None = None
    year: int | None = None
    staff_id: str | None = None
    limit: int = PAGE_SIZE
    offset: int = 0

    @property
    def filtered(self) -> bool:
        return any(v is not None for v in (self.kind, self.level, self.year, self.staff_id))


@dataclass(frozen=True)
class AchievementRow:
    id: str
    staff_id: str
    name: str
    kind: str
    level: str
    date: dt.date
    title: str
    result: str
    organiser: str
    evidence: str
    group_id: str | None
    dismissed: bool


_SELECT = f"""
SELECT a.id, a.staff_id, {NAME} AS name, a.kind, a.level, a.date, a.title, a.result,
       a.organiser, a.evidence, a.group_id,
       NOT employed_on(NULL, s.dismissal_date, :d) AS dismissed     -- reports.rules
FROM achievement a JOIN staff s ON s.id = a.staff_id
"""


def _where(query: AchievementQuery, day: dt.date) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {"d": day.isoformat()}
    where = ["a.deleted = 0", "s.deleted = 0"]
    if query.search.strip():
        params["search"] = _like(query.search)
        where.append("(norm(a.title) LIKE :search ESCAPE '\\' "
                     "OR norm(a.organiser) LIKE :search ESCAPE '\\' "
                     "OR s.name_norm LIKE :search ESCAPE '\\')")
    if query.year is not None:
        params["year"] = f"{query.year:04d}"
        where.append("substr(a.date, 1, 4) = :year")
    for column in ("kind", "level", "staff_id"):
        value = getattr(query, column)
        if value:
            params[column] = value
            where.append(f"a.{column} = :{column}")
    return " AND ".join(where), params


def _row(r: dict[str, Any]) -> AchievementRow:
    return AchievementRow(
        id=r["id"], staff_id=r["staff_id"], name=r["name"], kind=r["kind"], level=r["level"],
        date=_date(r["date"]), title=r["title"], result=r["result"], organiser=r["organiser"],
        evidence=r["evidence"], group_id=r["group_id"], dismissed=bool(r["dismissed"]))


def list_achievements(store: Store, query: AchievementQuery,
                      day: dt.date) -> list[AchievementRow]:
    """One page of the register, newest first, filtered and searched in SQL."""
    where, params = _where(query, day)
    params.update(limit=query.limit, offset=query.offset)
    sql = (f"{_SELECT} WHERE {where} ORDER BY a.date DESC, s.name_norm, a.id "
           "LIMIT :limit OFFSET :offset")
    return [_row(r) for r in _rows(store, sql, params)]


def count_achievements(store: Store, query: AchievementQuery, day: dt.date) -> tuple[int, int]:
    """(records, people) matching the query."""
    where, params = _where(query, day)
    with store.mutex:
        row = store.db.conn.execute(
            f"SELECT count(*), count(DISTINCT a.staff_id) FROM achievement a "
            f"JOIN staff s ON s.id = a.staff_id WHERE {where}", params).fetchone()
    return row[0], row[1]


def achievement_years(store: Store) -> list[str]:
    """The years found in the register, newest first (for the filter)."""
    with store.mutex:
        return [r[0] for r in store.db.conn.execute(
            "SELECT DISTINCT substr(date, 1, 4) FROM achievement WHERE deleted = 0 "
            "ORDER BY 1 DESC")]


def save_achievement(store: Store, record: Achievement) -> str:
    return repo.save(store, record)


def save_group(store: Store, template: Achievement, staff_ids: list[str]) -> str:
    """One event with several participants (a seminar and its speakers): a record per
    person, tied by one group id, written in one transaction; returns the group id."""
    return groups.save_group(store, template, staff_ids, personal=("evidence",))


def group_size(store: Store, group_id: str | None) -> int:
    return groups.group_size(store, Achievement, group_id)


def group_changed(store: Store, record: Achievement) -> bool:
    """The edited record differs from the stored one in a field the group shares."""
    return groups.group_changed(store, record, GROUP_FIELDS)


def update_group(store: Store, record: Achievement) -> str:
    """Save ``record`` and copy its shared fields to the other records of its group."""
    return groups.update_group(store, record, GROUP_FIELDS, save_achievement)


def delete_achievement(store: Store, achievement_id: str) -> None:
    repo.soft_delete(store, Achievement, achievement_id)


def delete_group(store: Store, group_id: str) -> int:
    """Soft-delete every record of a group entry; returns how many."""
    with store.atomic():
        ids = [a.id for a in repo.find(store, Achievement, "group_id = ?", (group_id,))]
        for achievement_id in ids:
            repo.soft_delete(store, Achievement, achievement_id)
    return len(ids)


# --- short learning ----------------------------------------------------------------------


@dataclass(frozen=True)
class LearningRow:
    id: str
    staff_id: str
    kind: str
    title: str
    platform: str
    hours: float
    start_date: dt.date | None
    date: dt.date
    evidence: str


def person_learning(store: Store, staff_id: str) -> list[LearningRow]:
    """A person's short learning, newest first."""
    return [LearningRow(r["id"], r["staff_id"], r["kind"], r["title"], r["platform"],
                        r["hours"], _date(r["start_date"]), _date(r["date"]), r["evidence"])
            for r in _rows(store, "SELECT * FROM short_learning WHERE deleted = 0 "
                                  "AND staff_id = ? ORDER BY date DESC, rowid", (staff_id,))]


def save_learning(store: Store, record: ShortLearning) -> str:
    return repo.save(store, record)


def delete_learning(store: Store, learning_id: str) -> None:
    """Soft-delete a short learning (refused while a step of an ИОМ points at it)."""
    with store.atomic():
        used = store.db.conn.execute(
            "SELECT count(*) FROM route_step r JOIN individual_route i ON i.id = r.route_id "
            "WHERE r.deleted = 0 AND i.deleted = 0 AND r.learning_id = ?",
            (learning_id,)).fetchone()[0]
        if used:
            raise HasDependents(S.GR_LEARNING_IN_ROUTE.format(count=used))
        repo.soft_delete(store, ShortLearning, learning_id)


def learning_options(store: Store, staff_id: str | None) -> list[tuple[str, str]]:
    """A person's short learning for the chooser of an ИОМ step's evidence."""
    if not staff_id:
        return []
    from metodkab.domain.parse import format_date

    return [(r.id, S.GR_LEARNING_OPTION.format(date=format_date(r.date), kind=r.kind,
                                               title=r.title, hours=format_hours(r.hours)))
            for r in person_learning(store, staff_id)]


def format_hours(hours: float) -> str:
    """1.5 → «1,5», 2.0 → «2»."""
    return (str(int(hours)) if float(hours).is_integer() else f"{hours:g}").replace(".", ",")


# --- one person --------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonGrowth:
    achievements: list[AchievementRow]
    learning: list[LearningRow]

    @property
    def learning_hours(self) -> float:
        return sum(r.hours for r in self.learning)


def person_growth(store: Store, staff_id: str, day: dt.date) -> PersonGrowth:
    """What the card's «Достижения» tab shows."""
    achievements = list_achievements(store, AchievementQuery(staff_id=staff_id, limit=1000), day)
    return PersonGrowth(achievements, person_learning(store, staff_id))
