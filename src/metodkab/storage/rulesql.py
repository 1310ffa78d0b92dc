"""The rules of reports/ as SQL functions, so that a filter or a count in SQL applies the
very function the figures use instead of a second copy of the rule.

``register`` runs on every connection (storage.db.connect_raw). Dates arrive as ISO text
or NULL, as stored.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from metodkab.reports import attestation, rules
from metodkab.reports import training


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _employed_on(hire: str | None, dismissal: str | None, day: str) -> int:
    return int(rules.employed_on(_d(hire), _d(dismissal), dt.date.fromisoformat(day)))


def _step_overdue(deadline: str | None, done: str | None, day: str) -> int:
    return int(training.step_overdue(_d(deadline), _d(done), dt.date.fromisoformat(day)))


def _step_done_on(done: str | None, day: str) -> int:
    return int(training.step_done_on(_d(done), dt.date.fromisoformat(day)))


def _overdue_on(last_end: str | None, ped_start: str | None, day: str, years: int) -> int:
    return int(rules.overdue_on(_d(last_end), dt.date.fromisoformat(day), int(years),
                                _d(ped_start)))


def _latest_end(end: str | None, precision: str | None) -> str | None:
    return training.latest_end(dt.date.fromisoformat(end), precision or "day").isoformat() \
        if end else None


def _category_valid_on(decision: str | None, valid_until: str | None, day: str,
                       precision: str | None = "day") -> int:
    return int(attestation.category_valid_on(_d(decision), _d(valid_until),
                                             dt.date.fromisoformat(day), precision or "day"))


def _young_specialist(birth: str | None, ped_start: str | None, day: str, max_age: int,
                      max_years: int) -> int:
    return int(rules.is_young_specialist(_d(birth), _d(ped_start), dt.date.fromisoformat(day),
                                         int(max_age), int(max_years)))


def register(conn: sqlite3.Connection) -> None:
    conn.create_function("young_specialist", 5, _young_specialist, deterministic=True)
    conn.create_function("category_valid_on", 3, _category_valid_on, deterministic=True)
    conn.create_function("category_valid_on", 4, _category_valid_on, deterministic=True)
    conn.create_function("overdue_on", 4, _overdue_on, deterministic=True)
    conn.create_function("latest_end", 2, _latest_end, deterministic=True)
    conn.create_function("employed_on", 3, _employed_on, deterministic=True)
    conn.create_function("step_overdue", 3, _step_overdue, deterministic=True)
    conn.create_function("step_done_on", 2, _step_done_on, deterministic=True)


def employed(alias: str = "s", day: str = ":d") -> str:
    """The SQL condition «``alias`` (a staff row) is not deleted and employed on ``day``»
    (reports.rules.employed_on)."""
    return (f"{alias}.deleted = 0 AND "
            f"employed_on({alias}.hire_date, {alias}.dismissal_date, {day})")


def in_p(alias: str = "s", day: str = ":d") -> str:
    """The SQL condition «``alias`` is in P(D)» (reports.rules.in_p)."""
    return f"{employed(alias, day)} AND {alias}.employment = '{rules.MAIN}'"
