"""Dates that cannot be (domain.md §6): the one set of checks the forms, the staff import
and the packets arriving at the office all run before anything is saved.

``impossible(record, today)`` gives {field: Russian message}; a record with any is
refused and nothing is written. ``Record`` runs these checks whenever it is validated with
a ``today`` in its validation context (``models.validate(..., today=)``, the import, the
packet check); a record read back from the database is not checked again, so old data
stays readable.

Only unusual (a date outside the programme's years or the route's period): ``unusual``
gives the warnings the forms ask about before saving.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from metodkab import strings as S
from metodkab.domain.parse import format_date, years_between

ADULT_AGE = 18


def _staff(record: Any, today: dt.date) -> dict[str, str]:
    found: dict[str, str] = {}
    born, hired = record.birth_date, record.hire_date
    if born is not None and born > today:
        found["birth_date"] = S.CHECK_BIRTH_FUTURE
    elif born is not None and hired is not None and years_between(born, hired) < ADULT_AGE:
        found["hire_date"] = S.CHECK_UNDER_18.format(age=ADULT_AGE)
    return found


def _done(record: Any, today: dt.date) -> dict[str, str]:
    if record.done_date is not None and record.done_date > today:
        return {"done_date": S.CHECK_DONE_FUTURE.format(today=format_date(today))}
    return {}


def _deficit(record: Any, today: dt.date) -> dict[str, str]:
    found, resolved = record.found_date, record.resolved_date
    if found is not None and resolved is not None and resolved < found:
        return {"resolved_date": S.CHECK_RESOLVED_BEFORE_FOUND.format(
            found=format_date(found))}
    return {}


def _postponement(record: Any, today: dt.date) -> dict[str, str]:
    if record.new_deadline < record.old_deadline:
        return {"new_deadline": postpone_problem(record.old_deadline, record.new_deadline)}
    return {}


CHECKS = {"staff": _staff, "route_step": _done, "programme_activity": _done,
          "deficit": _deficit, "activity_postponement": _postponement}


def impossible(record: Any, today: dt.date) -> dict[str, str]:
    """The dates of ``record`` that cannot be on ``today``: {field: message}."""
    check = CHECKS.get(getattr(record, "TABLE", ""))
    return check(record, today) if check else {}


def done_problem(day: dt.date | None, today: dt.date) -> str:
    """A done date after today cannot be: '' when ``day`` is fine."""
    if day is not None and day > today:
        return S.CHECK_DONE_FUTURE.format(today=format_date(today))
    return ""


def postpone_problem(old: dt.date, new: dt.date) -> str:
    """A deadline «postponed» to a day before the old one is not a postponement."""
    return S.CHECK_POSTPONED_EARLIER.format(old=format_date(old)) if new < old else ""


def outside(day: dt.date | None, start: dt.date, end: dt.date, what: str) -> str:
    """A warning (asked, not refused) when ``day`` lies outside [start, end]."""
    if day is None or start <= day <= end:
        return ""
    return S.CHECK_OUTSIDE.format(date=format_date(day), what=what, start=format_date(start),
                                  end=format_date(end))
