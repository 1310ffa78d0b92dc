"""Generic repository: create, update, soft-delete and read any ``Record``.

Every call is one transaction. Each written row (the record and its link rows) gets
``version`` bumped, a fresh ``change_seq`` from the database-wide counter and an
``updated_at`` stamp, and the change is written to the audit log.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from sqlite_utils import Database

from metodkab import strings as S
from metodkab.domain.models import LinkSpec, Record
from metodkab.storage.db import Store
from metodkab.storage.errors import Conflict, NotFound

R = TypeVar("R", bound=Record)
META_COLUMNS = ("id", "version", "change_seq", "updated_at", "deleted")
DERIVED_COLUMNS = ("name_norm",)
# A record loaded in bulk (``insert_many(..., history=True)``) gets a journal line of its
# own whose changes start with where it came from: {"_loaded": "загружено из …", values}.
LOADED_KEY = "_loaded"
LOADED_PREFIX = '{"%s": ' % LOADED_KEY      # how the whole journal tells those lines apart


def new_id() -> str:
    return str(uuid.uuid4())


def reserve_seq(db: Database, count: int = 1) -> int:
    """Reserve ``count`` consecutive change_seq values; return the first."""
    last = db.conn.execute(
        "UPDATE change_counter SET value = value + ? WHERE id = 1 RETURNING value", (count,)
    ).fetchone()[0]
    return last - count + 1


def current_seq(db: Database) -> int:
    return db.conn.execute("SELECT value FROM change_counter WHERE id = 1").fetchone()[0]


def _now(store: Store) -> str:
    return store.clock.now().isoformat(timespec="seconds")


def _stamp(store: Store) -> str:
    """The journal's time of a change: the real time even when the day is frozen."""
    return store.clock.stamp().isoformat(timespec="seconds")


def audit(store: Store, table: str, record_id: str, action: str, changes: dict | None = None) -> None:
    store.db.conn.execute(
        "INSERT INTO audit_log (at, user_name, table_name, record_id, action, changes) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (_stamp(store), store.user or "", table, record_id, action,
         json.dumps(changes or {}, ensure_ascii=False, default=str)),
    )


def _insert_row(store: Store, table: str, values: dict[str, Any], *, row_id: str | None = None) -> str:
    row_id = row_id or new_id()
    row = {"id": row_id, "version": 1, "change_seq": reserve_seq(store.db),
           "updated_at": _now(store), "deleted": 0, **values}
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    store.db.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(row.values()))
    return row_id


def _update_row(store: Store, table: str, row_id: str, values: dict[str, Any],
                *, expected_version: int | None = None) -> None:
    sets = ", ".join(f"{c} = ?" for c in values)
    params: list[Any] = list(values.values())
    sql = (f"UPDATE {table} SET {sets}{', ' if sets else ''}version = version + 1, "
           f"change_seq = ?, updated_at = ? WHERE id = ?")
    params += [reserve_seq(store.db), _now(store), row_id]
    if expected_version is not None:
        sql += " AND version = ? AND deleted = 0"
        params.append(expected_version)
    cur = store.db.conn.execute(sql, params)
    if cur.rowcount != 1:
        raise Conflict(S.REPO_CHANGED_OR_DELETED)


def _row(store: Store, table: str, row_id: str, *, include_deleted: bool = False) -> dict[str, Any]:
    sql = f"SELECT * FROM {table} WHERE id = ?" + ("" if include_deleted else " AND deleted = 0")
    cur = store.db.conn.execute(sql, (row_id,))
    found = cur.fetchone()
    if found is None:
        raise NotFound(S.REPO_NOT_FOUND)
    return dict(zip([d[0] for d in cur.description], found))


# --- link lists ------------------------------------------------------------------------


def _link_rows(store: Store, spec: LinkSpec, owner_id: str) -> list[dict[str, Any]]:
    order = "sort_order, " if spec.ordered else ""
    cur = store.db.conn.execute(
        f"SELECT * FROM {spec.table} WHERE {spec.fk} = ? AND deleted = 0 ORDER BY {order}rowid",
        (owner_id,),
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _write_links(store: Store, spec: LinkSpec, owner_id: str, values: Sequence[str]) -> bool:
    """Make the active link rows equal ``values``; return True when anything changed."""
    existing = _link_rows(store, spec, owner_id)
    by_value = {r[spec.column]: r for r in existing}
    changed = False
    for row in existing:
        if row[spec.column] not in values:
            _update_row(store, spec.table, row["id"], {"deleted": 1})
            changed = True
    has_main = spec.table == "staff_position"
    for index, value in enumerate(values):
        extra: dict[str, Any] = {}
        if spec.ordered:
            extra["sort_order"] = index
        if has_main:
            extra["is_main"] = int(index == 0)
        row = by_value.get(value)
        if row is None:
            _insert_row(store, spec.table, {spec.fk: owner_id, spec.column: value, **extra})
            changed = True
        elif any(row.get(k) != val for k, val in extra.items()):
            _update_row(store, spec.table, row["id"], extra)
            changed = True
    return changed


# --- records ---------------------------------------------------------------------------


def create(store: Store, record: Record, *, record_id: str | None = None) -> str:
    """Insert a validated record and its link lists in one transaction; return its id."""
    with store.atomic():
        values = record.columns()
        row_id = _insert_row(store, record.TABLE, values, row_id=record_id or record.id)
        for name, spec in record.LINKS.items():
            _write_links(store, spec, row_id, getattr(record, name))
        audit(store, record.TABLE, row_id, "insert",
              {**values, **{n: getattr(record, n) for n in record.LINKS}})
    return row_id


def update(store: Store, record: Record, *, note: str = "") -> int:
    """Save an edited record (``record.id`` and ``record.version`` as read); return the new version.

    Fails with ``Conflict`` when the stored version differs (changed in another window).
    Saving an unchanged record changes nothing. ``note`` says where the new values came
    from (an import's «загружено из списка …»); it follows the fields in the journal line,
    so the whole journal still lists the change.
    """
    if record.id is None:
        raise ValueError("update() needs a record read from the database")
    with store.atomic():
        old = _row(store, record.TABLE, record.id)
        if old["version"] != record.version:
            raise Conflict(S.REPO_CHANGED)
        values = record.columns()
        diff = {k: [old.get(k), v] for k, v in values.items() if old.get(k) != v}
        links_changed = False
        for name, spec in record.LINKS.items():
            before = [r[spec.column] for r in _link_rows(store, spec, record.id)]
            after = list(getattr(record, name))
            # Only ordered lists (positions, subjects) keep an order; for a set of ids
            # (associations, mentees …) another order is not a change.
            if (before != after) if spec.ordered else (sorted(before) != sorted(after)):
                diff[name] = [before, after]
            links_changed |= _write_links(store, spec, record.id, after)
        if not diff and not links_changed:
            return record.version
        _update_row(store, record.TABLE, record.id,
                    {k: values[k] for k in diff if k in values},
                    expected_version=record.version)
        audit(store, record.TABLE, record.id, "update",
              {**diff, LOADED_KEY: note} if note else diff)
    return record.version + 1


def save(store: Store, record: Record) -> str:
    """Create a new record (no id yet) or update one read from the database; its id."""
    if record.id is None:
        return create(store, record)
    update(store, record)
    return record.id


def soft_delete(store: Store, model: type[Record], record_id: str) -> None:
    """Mark a record (and its link rows) deleted; it stays for sync and history."""
    with store.atomic():
        _row(store, model.TABLE, record_id)
        _update_row(store, model.TABLE, record_id, {"deleted": 1})
        for spec in model.LINKS.values():
            for row in _link_rows(store, spec, record_id):
                _update_row(store, spec.table, row["id"], {"deleted": 1})
        audit(store, model.TABLE, record_id, "delete")


def _to_model(store: Store, model: type[R], row: dict[str, Any]) -> R:
    data = {k: v for k, v in row.items()
            if k not in META_COLUMNS and k not in DERIVED_COLUMNS}
    data["id"] = row["id"]
    data["version"] = row["version"]
    for name, spec in model.LINKS.items():
        data[name] = [r[spec.column] for r in _link_rows(store, spec, row["id"])]
    return model.model_validate(data)


def get(store: Store, model: type[R], record_id: str) -> R:
    with store.mutex:
        return _to_model(store, model, _row(store, model.TABLE, record_id))


def find(store: Store, model: type[R], where: str = "", params: Iterable[Any] = (),
         order_by: str = "rowid") -> list[R]:
    """Non-deleted records matching ``where`` (SQL over the record's own columns)."""
    sql = f"SELECT * FROM {model.TABLE} WHERE deleted = 0"
    if where:
        sql += f" AND ({where})"
    sql += f" ORDER BY {order_by}"
    with store.mutex:
        cur = store.db.conn.execute(sql, tuple(params))
        names = [d[0] for d in cur.description]
        return [_to_model(store, model, dict(zip(names, r))) for r in cur.fetchall()]


def count(store: Store, table: str, where: str = "", params: Iterable[Any] = ()) -> int:
    sql = f"SELECT count(*) FROM {table} WHERE deleted = 0" + (f" AND ({where})" if where else "")
    with store.mutex:
        return store.db.conn.execute(sql, tuple(params)).fetchone()[0]


# --- bulk ------------------------------------------------------------------------------


def _link_plan(record: Record) -> tuple[tuple[str, LinkSpec, bool, list[str]], ...]:
    """The link lists of a model for ``insert_many``: (field, spec, whether the first
    value is the main one, the link table's columns)."""
    plan = []
    for name, spec in record.LINKS.items():
        is_main = spec.table == "staff_position"
        columns = ["id", spec.fk, spec.column]
        columns += ["sort_order"] if spec.ordered else []
        columns += ["is_main"] if is_main else []
        plan.append((name, spec, is_main, columns))
    return tuple(plan)


def insert_many(store: Store, records: Sequence[Record], *, audit_note: str = "bulk",
                make_id: Callable[[], str] = new_id, history: bool = False) -> list[str]:
    """Insert many validated records (with link lists) in one transaction.

    Used by the demo generator and imports: rows go in with ``executemany`` per table,
    change_seq values are reserved as one range, and the audit log gets one line per table.
    With ``history`` every record also gets a line of its own — ``audit_note`` (where it
    came from) and its values as loaded, link lists included — so that its history (Ctrl+Z)
    starts there; the whole journal shows the load by its lines per table.
    Record tables are written in the order they first appear in ``records`` (put a record
    after those it refers to), then the link tables, so a link may point at any record of
    the batch (a person's ШМО listed after the people). ``make_id`` mints the ids of records
    without one and of link rows (a seeded generator makes the demo reproducible).
    """
    if not records:
        return []
    now = _now(store)
    # Per table: its columns and the value rows, change_seq (third from the end) left to
    # fill once the range is reserved.
    tables: dict[str, tuple[tuple[str, ...], list[list[Any]]]] = {}
    links: dict[str, tuple[list[str], list[list[Any]]]] = {}
    ids: list[str] = []
    # Per model: its table's entry in ``tables`` (once seen) and its ``_link_plan``.
    plans: dict[type, tuple[tuple[tuple[str, ...], list[list[Any]]] | None, tuple]] = {}
    journal: list[tuple[str, str, str, str, str, str]] = []
    stamp = _stamp(store)
    encode = json.JSONEncoder(ensure_ascii=False, default=str).encode
    user = store.user or ""
    for record in records:
        row_id = record.id or make_id()
        ids.append(row_id)
        values = record.columns()
        plan = plans.get(record.__class__)
        if plan is None:
            plan = plans[record.__class__] = (None, _link_plan(record))
        table = plan[0]
        if table is None:
            table = tables.get(record.TABLE)
            if table is None:
                table = tables[record.TABLE] = (("id", *values), [])
            plan = plans[record.__class__] = (table, plan[1])
        if len(values) + 1 != len(table[0]) or tuple(values) != table[0][1:]:
            raise ValueError(f"rows of {record.TABLE} differ in columns")
        table[1].append([row_id, *values.values(), 1, 0, now, 0])
        if history:
            loaded = {LOADED_KEY: audit_note}       # empty values say nothing: left out
            for key, value in values.items():
                if value is not None and value != "":
                    loaded[key] = value
            for name, *_ in plan[1]:
                if items := getattr(record, name):
                    loaded[name] = items
            journal.append((stamp, user, record.TABLE, row_id, "insert", encode(loaded)))
        for name, spec, is_main, columns in plan[1]:
            items = getattr(record, name)
            if not items:
                continue
            link = links.get(spec.table)
            if link is None:
                link = links[spec.table] = (columns, [])
            link_rows = link[1]
            if spec.ordered:
                if is_main:
                    link_rows += [[make_id(), row_id, value, index, int(index == 0), 1, 0, now, 0]
                                  for index, value in enumerate(items)]
                else:
                    link_rows += [[make_id(), row_id, value, index, 1, 0, now, 0]
                                  for index, value in enumerate(items)]
            elif is_main:
                link_rows += [[make_id(), row_id, value, int(index == 0), 1, 0, now, 0]
                              for index, value in enumerate(items)]
            else:
                link_rows += [[make_id(), row_id, value, 1, 0, now, 0] for value in items]
    for name, (columns, rows) in links.items():
        tables.setdefault(name, (columns, []))[1].extend(rows)
    total = sum(len(rows) for _, rows in tables.values())
    with store.atomic():
        seq = reserve_seq(store.db, total)
        for name, (columns, rows) in tables.items():
            for row in rows:
                row[-3] = seq
                seq += 1
            cols = ", ".join([*columns, "version", "change_seq", "updated_at", "deleted"])
            marks = ", ".join("?" * (len(columns) + 4))
            store.db.conn.executemany(f"INSERT INTO {name} ({cols}) VALUES ({marks})", rows)
            audit(store, name, "*", "insert", {"note": audit_note, "rows": len(rows)})
        store.db.conn.executemany(
            "INSERT INTO audit_log (at, user_name, table_name, record_id, action, changes) "
            "VALUES (?, ?, ?, ?, ?, ?)", journal)
    return ids


def soft_delete_where(store: Store, table: str, where: str, params: Iterable[Any] = ()) -> int:
    """Soft-delete every active row of ``table`` matching ``where``; return how many."""
    with store.atomic():
        ids = [r[0] for r in store.db.conn.execute(
            f"SELECT id FROM {table} WHERE deleted = 0 AND ({where})", tuple(params))]
        for row_id in ids:
            _update_row(store, table, row_id, {"deleted": 1})
            audit(store, table, row_id, "delete")
    return len(ids)
