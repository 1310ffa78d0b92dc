"""Methodical associations (ШМО, методический совет, творческая группа) and their members."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from metodkab.storage.db import Store
from metodkab.storage.search import LIKE, like_pattern

if TYPE_CHECKING:
    from metodkab.domain.models import Association


@dataclass(frozen=True)
class AssociationRow:
    id: str
    name: str
    kind: str
    head: str
    members: int


def association_choices(store: Store) -> list[tuple[str, str]]:
    with store.mutex:
        return [(r[0], r[1]) for r in store.conn.execute(
            "SELECT id, name FROM association WHERE deleted = 0 ORDER BY norm(name)")]


@dataclass(frozen=True)
class AssociationQuery:
    """The register of associations: what is searched (the name, the kind or the head's
    name) and the order. Associations are few: one list, no pages."""
    search: str = ""
    kind: str | None = None
    sort: str = "name"                   # a key of ASSOCIATION_SORTS
    descending: bool = False


ASSOCIATION_SORTS = {"name": "norm(a.name)", "kind": "norm(a.kind)", "head": "norm(head)",
                     "members": "members"}


def list_associations(store: Store, day: dt.date | None = None,
                      query: AssociationQuery | None = None) -> list[AssociationRow]:
    """The associations with their heads and how many members work now (or on ``day``),
    searched and sorted as ``query`` asks (all of them by name without one)."""
    query = query or AssociationQuery()
    employed = ("x.dismissal_date IS NULL" if day is None else
                "employed_on(x.hire_date, x.dismissal_date, :d)")   # reports.rules
    params: dict[str, str] = {} if day is None else {"d": day.isoformat()}
    where = "a.deleted = 0"
    if query.kind:
        params["kind"] = query.kind
        where += " AND a.kind = :kind"
    if query.search.strip():
        params["search"] = like_pattern(query.search)
        where += (f" AND (norm(a.name) {LIKE} OR norm(a.kind) {LIKE}"
                  f" OR coalesce(s.name_norm, '') {LIKE})")
    order = ASSOCIATION_SORTS.get(query.sort, ASSOCIATION_SORTS["name"])
    direction = "DESC" if query.descending else "ASC"
    sql = f"""
        SELECT a.id, a.name, a.kind,
               coalesce(s.last_name || ' ' || substr(s.first_name, 1, 1) || '.' ||
                        CASE WHEN s.middle_name <> '' THEN ' ' || substr(s.middle_name, 1, 1) || '.'
                             ELSE '' END, '') AS head,
               (SELECT count(*) FROM association_member m JOIN staff x ON x.id = m.staff_id
                 WHERE m.association_id = a.id AND m.deleted = 0 AND x.deleted = 0
                   AND {employed}) AS members
        FROM association a LEFT JOIN staff s ON s.id = a.head_id
        WHERE {where} ORDER BY {order} {direction}, norm(a.name) {direction}, a.id"""
    with store.mutex:
        return [AssociationRow(*r) for r in store.conn.execute(sql, params).fetchall()]


def count_associations(store: Store) -> int:
    """How many associations there are (the register's «из»)."""
    with store.mutex:
        return store.conn.execute(
            "SELECT count(*) FROM association WHERE deleted = 0").fetchone()[0]


def member_ids(store: Store, association_id: str) -> list[str]:
    with store.mutex:
        return [r[0] for r in store.conn.execute(
            "SELECT m.staff_id FROM association_member m JOIN staff s ON s.id = m.staff_id "
            "WHERE m.association_id = ? AND m.deleted = 0 ORDER BY s.name_norm",
            (association_id,))]


def save_association(store: Store, association: Association, members: list[str]) -> str:
    """Save the association and make its membership exactly ``members``, in one transaction."""
    from metodkab.domain.models import Staff
    from metodkab.storage import repo

    with store.atomic():
        association_id = repo.save(store, association)
        current = set(member_ids(store, association_id))
        wanted = set(members)
        for staff_id in current ^ wanted:
            person = repo.get(store, Staff, staff_id)
            ids = [a for a in person.association_ids if a != association_id]
            if staff_id in wanted:
                ids.append(association_id)
            repo.update(store, Staff.model_validate({**person.model_dump(), "association_ids": ids}))
    return association_id


def delete_association(store: Store, association_id: str) -> None:
    """Soft-delete the association and its membership rows; people stay."""
    from metodkab.domain.models import Association
    from metodkab.storage import repo

    with store.atomic():
        repo.soft_delete_where(store, "association_member", "association_id = ?",
                               (association_id,))
        repo.soft_delete(store, Association, association_id)


@dataclass(frozen=True)
class MemberRow:
    """One member of an association, for the membership sheet."""
    association: str
    last_name: str
    first_name: str
    middle_name: str
    positions: str          # "учитель, классный руководитель"
    subjects: str
    is_head: bool


def association_members(store: Store, day: dt.date,
                        association_ids: list[str] | None = None) -> list[MemberRow]:
    """Members employed on ``day``, association by association (in the order of
    ``association_ids`` when given — only those — else by name), by name."""
    sql = """
        SELECT a.name, s.last_name, s.first_name, s.middle_name,
               coalesce((SELECT group_concat(position, ', ') FROM
                         (SELECT position FROM staff_position p
                           WHERE p.staff_id = s.id AND p.deleted = 0
                           ORDER BY p.is_main DESC, p.sort_order)), ''),
               coalesce((SELECT group_concat(subject, ', ') FROM
                         (SELECT subject FROM staff_subject x
                           WHERE x.staff_id = s.id AND x.deleted = 0 ORDER BY x.sort_order)), ''),
               a.head_id IS s.id, a.id
        FROM association a
        JOIN association_member m ON m.association_id = a.id AND m.deleted = 0
        JOIN staff s ON s.id = m.staff_id AND s.deleted = 0
         AND employed_on(s.hire_date, s.dismissal_date, :d)
        WHERE a.deleted = 0
        ORDER BY norm(a.name), a.id, s.name_norm"""
    with store.mutex:
        rows = [(r[7], MemberRow(*r[:6], bool(r[6])))
                for r in store.conn.execute(sql, {"d": day.isoformat()}).fetchall()]
    if association_ids is None:
        return [m for _, m in rows]
    place = {a: i for i, a in enumerate(association_ids)}
    return [m for _, m in sorted((r for r in rows if r[0] in place),
                                 key=lambda r: place[r[0]])]     # stable: names stay sorted
