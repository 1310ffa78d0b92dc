"""What the queries of storage/ share: a result as dicts by column name, an ISO date back
to a date, and a person's full name in SQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from metodkab.storage.db import Store


def dict_rows(store: Store, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    """The rows of ``sql``, each a dict by column name (on the connection itself: the
    dashboard's schedule reads without importing sqlite-utils)."""
    with store.mutex:
        cur = store.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]


def iso_date(value: str | None) -> dt.date | None:
    """A stored ISO date (or NULL) as a date (or None)."""
    return dt.date.fromisoformat(value) if value else None


def full_name(alias: str) -> str:
    """«Фамилия Имя Отчество» of the staff table under ``alias`` (no double space when
    there is no patronymic)."""
    return (f"{alias}.last_name || ' ' || {alias}.first_name || "
            f"CASE WHEN {alias}.middle_name <> '' THEN ' ' || {alias}.middle_name ELSE '' END")
