"""Журнал изменений: reading the audit log that storage/repo.py writes on every change.

Only SELECTs: reading the journal never changes it, and a record's history stays after
the record is soft-deleted (the log keeps its id). Values are shown as the user typed
them: dates as ДД.ММ.ГГГГ, flags as да/нет, a person's id as the person's name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from metodkab import strings as S
from metodkab.domain.parse import format_date, format_end
from metodkab.storage.db import Store
from metodkab.storage.repo import LOADED_KEY, LOADED_PREFIX
from metodkab.domain.jsonio import read_json  # the log of a restored copy too

NAME = ("last_name || ' ' || first_name || "
        "CASE WHEN middle_name <> '' THEN ' ' || middle_name ELSE '' END")
PAGE_SIZE = 200
HIDDEN = {"name_norm"}          # derived from other fields, never typed
PERSON_FIELDS = {"staff_id", "mentor_id", "curator_id", "head_id", "mentee_ids",
                 "responsible_ids"}
# Sections of the journal's filter: the tables each one covers.
SECTIONS: dict[str, tuple[str, ...]] = {
    "staff": ("school", "staff", "staff_position", "staff_subject", "association",
              "association_member"),
    "training": ("training", "training_deficit"),
    "attestation": ("qualification_category", "conformity_attestation"),
    "development": ("diagnostic", "deficit", "individual_route", "route_step"),
    "mentorship": ("mentorship", "mentorship_mentee", "mentorship_event"),
    "programme": ("programme", "programme_task", "programme_activity",
                  "activity_postponement", "activity_responsible", "target_indicator",
                  "indicator_target"),
    "growth": ("achievement", "short_learning"),
    "service": ("settings", "sync_state", "backup"),
}
# A date a source may give only by its year, and the field saying how much of it is known
# ("year": the date is its 1 January). The journal shows such a date «2023 г.», and a
# change of the precision alone as a change of the date (2023 г. → 15.03.2023).
DATE_PRECISION: dict[str, dict[str, str]] = {
    "qualification_category": {"decision_date": "decision_precision",
                               "valid_until": "until_precision"},
    "conformity_attestation": {"date": "date_precision"},
    "training": {"end_date": "end_precision"},
}
# Columns that name a record in the journal's list, in order of preference.
LABEL_COLUMNS = ("title", "name", "topic", "goal", "description", "position", "category",
                 "kind", "short_name")


def _flag_columns() -> set[str]:
    from metodkab.domain.models import ALL_MODELS

    return {n for m in ALL_MODELS for n, f in m.model_fields.items() if f.annotation is bool}


def record_tables() -> list[str]:
    """The tables of the records users edit: every model's table and its link tables."""
    from metodkab.domain.models import ALL_MODELS

    tables: list[str] = []
    for model in ALL_MODELS:
        for table in (model.TABLE, *(spec.table for spec in model.LINKS.values())):
            if table not in tables:
                tables.append(table)
    return tables


def find_table(store: Store, record_id: str) -> str | None:
    """The table a record id belongs to (ids are UUIDs, unique across tables), deleted
    records included; None for anything else (a group heading, a setting's key)."""
    if not record_id or len(record_id) != 36:
        return None
    for table in record_tables():
        with store.mutex:
            if store.db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?",
                                     (record_id,)).fetchone():
                return table
    return None


# --- values --------------------------------------------------------------------------------


class _Names:
    """People's names by id, read once per call (a history names few people)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, str] = {}

    def __call__(self, staff_id: str) -> str:
        if staff_id not in self.cache:
            with self.store.mutex:
                row = self.store.db.conn.execute(
                    f"SELECT {NAME} FROM staff WHERE id = ?", (staff_id,)).fetchone()
            self.cache[staff_id] = row[0] if row else staff_id
        return self.cache[staff_id]


def show_value(field: str, value: Any, names: _Names, flags: set[str]) -> str:
    """A stored value as the user reads it."""
    if value is None or value == "" or value == []:
        return ""
    if field in PERSON_FIELDS:
        items = value if isinstance(value, list) else [value]
        return ", ".join(names(str(v)) for v in items)
    if field in flags:
        return S.YES.lower() if value in (1, True) else S.NO.lower()
    if field.endswith("_precision"):       # "year": a date a source gave only by its year
        return S.JOURNAL_PRECISION.get(str(value), str(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if field == "topics" and isinstance(value, str) and value.startswith("["):
        try:
            return ", ".join(read_json(value))
        except ValueError:
            return value
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() else str(value)).replace(".", ",")
    return str(value)


def field_label(table: str, field: str) -> str:
    return S.JOURNAL_FIELDS.get(f"{table}.{field}") or S.JOURNAL_FIELDS.get(field, field)


# --- one record's history --------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    field: str            # the label
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    user: str
    action: str           # insert / update / delete / restore
    changes: tuple[FieldChange, ...]
    table: str = ""
    record_id: str = ""
    note: str = ""        # where a record loaded in bulk came from («загружено из списка …»)


def _data(raw: str) -> dict:
    try:
        data = read_json(raw or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _pairs(action: str, data: dict) -> dict[str, tuple[Any, Any]]:
    """Each field of a journal line as (old, new); old is None but for an update."""
    out = {}
    for field, value in data.items():
        if field in HIDDEN or field == LOADED_KEY:
            continue
        if action == "update" and isinstance(value, list) and len(value) == 2:
            out[field] = (value[0], value[1])
        else:
            out[field] = (None, value)
    return out


def _date_text(value: Any, precision: Any) -> str | None:
    if value is None or value == "":
        return None
    try:
        return format_end(str(value), "year" if precision == "year" else "day")
    except ValueError:
        return str(value)


def _dated(table: str, pairs: dict[str, tuple[Any, Any]],
           before: dict | None, after: dict | None) -> dict[str, tuple[Any, Any]]:
    """Fold each precision field into its date: the date of the line — or, for a change of
    the precision alone, the record's date then (``before``/``after``: the record's values
    before and after the line, None when not known) — shown with its precision, «2023 г.»
    for a year. Without a date to show it with, the precision is said in words."""
    pairs = dict(pairs)
    for date_field, precision_field in DATE_PRECISION.get(table, {}).items():
        if precision_field not in pairs and date_field not in pairs:
            continue
        old_p, new_p = pairs.pop(precision_field, (None, None))
        if date_field in pairs:
            old_d, new_d = pairs[date_field]
        elif after is not None:
            old_d, new_d = (before or {}).get(date_field), after.get(date_field)
            if old_d in (None, "") and new_d in (None, ""):
                continue                    # no date stated: its precision says nothing
        else:                               # the record's date is not known here
            pairs[date_field] = (S.JOURNAL_PRECISION.get(str(old_p)),
                                 S.JOURNAL_PRECISION.get(str(new_p)))
            continue
        old_p = old_p if old_p is not None else (before or {}).get(precision_field, new_p)
        new_p = new_p if new_p is not None else (after or {}).get(precision_field, old_p)
        pairs[date_field] = (_date_text(old_d, old_p), _date_text(new_d, new_p))
    return pairs


def _changes(table: str, action: str, data: dict, names: _Names, flags: set[str],
             before: dict | None = None, after: dict | None = None) -> tuple[FieldChange, ...]:
    out = []
    for field, (old, new) in _dated(table, _pairs(action, data), before, after).items():
        old_text = show_value(field, old, names, flags)
        new_text = show_value(field, new, names, flags)
        if action == "insert" and not new_text:
            continue                       # an empty field of a new record says nothing
        out.append(FieldChange(field_label(table, field), old_text, new_text))
    return tuple(out)


def _entry(row: tuple, names: _Names, flags: set[str], before: dict | None = None,
           after: dict | None = None) -> HistoryEntry:
    at, user, table, record_id, action, raw = row
    data = _data(raw)
    return HistoryEntry(dt.datetime.fromisoformat(at), user, action,
                        _changes(table, action, data, names, flags, before, after), table,
                        record_id, str(data.get(LOADED_KEY) or ""))


def record_history(store: Store, table: str, record_id: str) -> list[HistoryEntry]:
    """Every change of one record, oldest first (also after it was deleted). The record's
    values around each line are read back from its stored row, newest line first (a change
    of a date's precision alone is shown with the date it was about)."""
    with store.mutex:
        rows = store.db.conn.execute(
            "SELECT at, user_name, table_name, record_id, action, changes FROM audit_log "
            "WHERE table_name = ? AND record_id = ? ORDER BY id", (table, record_id)).fetchall()
        cur = store.db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
        stored = cur.fetchone()
        state = dict(zip([d[0] for d in cur.description or ()], stored or ()))
    names, flags = _Names(store), _flag_columns()
    entries = []
    for row in reversed(rows):
        action, data = row[4], _data(row[5])
        after, before = state, dict(state)
        if action == "insert":
            before = {}
        for field, (old, _new) in (_pairs(action, data).items() if action == "update" else ()):
            before[field] = old
        entries.append(_entry(row, names, flags, before, after))
        state = before
    return entries[::-1]


def record_label(store: Store, table: str, record_id: str) -> str:
    """A short name of a record: its title or name, and whose it is."""
    if table == "staff":
        return _Names(store)(record_id)
    with store.mutex:
        cur = store.db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
        row = cur.fetchone()
        columns = [d[0] for d in cur.description] if cur.description else []
    if row is None:
        return ""
    data = dict(zip(columns, row))
    parts = [str(data[c]) for c in LABEL_COLUMNS if data.get(c)][:1]
    for column in ("staff_id", "mentor_id"):
        if data.get(column):
            parts.append(_Names(store)(data[column]))
            break
    return " · ".join(parts)


@dataclass(frozen=True)
class RecordHistory:
    table: str
    record_id: str
    section: str          # the table in words
    label: str
    deleted: bool
    entries: list[HistoryEntry]


def load_history(store: Store, record_id: str, table: str | None = None) -> RecordHistory | None:
    """What Ctrl+Z shows for a record id (the table found when not given)."""
    table = table or find_table(store, record_id)
    if table is None:
        return None
    with store.mutex:
        row = store.db.conn.execute(f"SELECT deleted FROM {table} WHERE id = ?",
                                    (record_id,)).fetchone()
    return RecordHistory(table, record_id, S.EX_TABLES.get(table, table),
                         record_label(store, table, record_id), bool(row and row[0]),
                         record_history(store, table, record_id))


# --- the whole journal -------------------------------------------------------------------


@dataclass(frozen=True)
class JournalQuery:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    user: str | None = None
    section: str | None = None       # a key of SECTIONS
    limit: int = PAGE_SIZE
    offset: int = 0


@dataclass(frozen=True)
class JournalRow:
    id: int
    at: dt.datetime
    user: str
    table: str
    record_id: str
    action: str           # insert / update / delete / restore, or load (a bulk load)
    what: str             # the table in words
    label: str            # the record
    summary: str          # the fields changed


def _where(query: JournalQuery) -> tuple[str, list[Any]]:
    # A load in bulk is listed by its lines per table; each record's own line of it is
    # part of that record's history (Ctrl+Z), not another line of the whole journal.
    where, params = [f"substr(changes, 1, {len(LOADED_PREFIX)}) <> ?"], [LOADED_PREFIX]
    if query.date_from:
        where.append("at >= ?")
        params.append(query.date_from.isoformat())
    if query.date_to:
        where.append("at < ?")
        params.append((query.date_to + dt.timedelta(days=1)).isoformat())
    if query.user is not None:
        where.append("user_name = ?")
        params.append(query.user)
    if query.section:
        tables = SECTIONS.get(query.section, ())
        where.append(f"table_name IN ({', '.join('?' for _ in tables) or 'NULL'})")
        params += list(tables)
    return " AND ".join(where), params


def list_journal(store: Store, query: JournalQuery) -> list[JournalRow]:
    """One page of the journal, newest first."""
    where, params = _where(query)
    with store.mutex:
        rows = store.db.conn.execute(
            "SELECT id, at, user_name, table_name, record_id, action, changes FROM audit_log "
            f"WHERE {where} ORDER BY id DESC LIMIT ? OFFSET ?",
            (*params, query.limit, query.offset)).fetchall()
    names, flags = _Names(store), _flag_columns()
    labels: dict[tuple[str, str], str] = {}
    out = []
    for row_id, at, user, table, record_id, action, raw in rows:
        data = _data(raw)
        key = (table, record_id)
        if key not in labels:
            labels[key] = (record_label(store, table, record_id)
                           if len(record_id) == 36 and table not in SECTIONS["service"]
                           else "")
        label = labels[key]
        if record_id == "*" and action == "insert":     # a load in bulk: where from, how many
            action, label = "load", str(data.get("note", ""))
            summary = S.JOURNAL_BULK.format(rows=data.get("rows", ""))
        elif record_id == "*" and action == "restore":  # the database from a backup
            label, summary = str(data.get("note", "")), ""
        else:
            summary = ", ".join(c.field for c in _changes(table, action, data, names, flags))
        out.append(JournalRow(row_id, dt.datetime.fromisoformat(at), user, table, record_id,
                              action, S.EX_TABLES.get(table, S.JOURNAL_TABLES.get(table, table)),
                              label, summary))
    return out


def count_journal(store: Store, query: JournalQuery) -> int:
    where, params = _where(query)
    with store.mutex:
        return store.db.conn.execute(f"SELECT count(*) FROM audit_log WHERE {where}",
                                     params).fetchone()[0]


def journal_users(store: Store) -> list[str]:
    with store.mutex:
        return [r[0] for r in store.db.conn.execute(
            "SELECT DISTINCT user_name FROM audit_log ORDER BY user_name")]
