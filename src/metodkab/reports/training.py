"""Professional-development rules (domain.md §3): training every three years, hours in a
period, the checks before a training is saved, and the ИОМ rules (overdue steps, deficits
whose steps are all done).

A course whose source gave only the year («…, 72 ч., 2023»; ``end_precision`` "year") is
stored with 1 January of that year as its end, and every figure reads it so: the earliest
day it can have ended, so nobody counts as trained longer than the source shows (a teacher
is not kept off the overdue list by a guessed December). Where the state on D depends on
the unknown day — overdue if the course ended in January, not if in December —
``overdue_unsure`` says so and the lists show «уточнить дату окончания» beside the person,
who is still counted overdue until the date is entered.

Pure functions over dates and small facts; storage passes their results to SQL as
parameters, so each rule is written once and its boundary dates are tested here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from metodkab import strings as S
from metodkab.domain.parse import add_months, add_years, format_date
from metodkab.reports.rules import overdue_on, training_cutoff

# Only these kinds satisfy the "once every three years" rule (273-ФЗ ст. 47 ч. 5 п. 2).
COUNTED_KINDS = ("повышение квалификации", "профессиональная переподготовка")
KIND_SHORT = S.TR_KIND_SHORT
# What one group entry shares: everything but the person, the document number and the
# deficits (deficits belong to one person).
GROUP_FIELDS = ("title", "provider", "provider_ownership", "kind", "hours", "form",
                "start_date", "end_date", "end_precision", "doc_kind", "doc_date", "federal_register",
                "by_diagnostics", "management", "topics")
DAY = dt.timedelta(days=1)
# The overdue list also shows those who become overdue within this many months.
SOON_MONTHS = 6


@dataclass(frozen=True)
class Finding:
    """A warning shown before saving; ``code`` is for tests, ``message`` for the user."""

    code: str
    message: str


# --- training every three years -----------------------------------------------------------


def overdue_from(last_end: dt.date | None, period_years: int = 3,
                 ped_start: dt.date | None = None) -> dt.date | None:
    """The first report date on which a person is overdue when nothing new is completed
    (None: neither a course nor the start of experience is known: overdue whatever the date).

    The years run from the later of the last course's end and the start of pedagogical
    experience (rules.overdue_on); a course that ended exactly ``period_years`` before D
    still counts, so this is the day after the anniversary (29 February handled as
    ``overdue_on`` does).
    """
    since = max((d for d in (last_end, ped_start) if d is not None), default=None)
    if since is None:
        return None
    day = add_years(since, period_years)
    while not overdue_on(since, day, period_years):
        day += DAY
    return day


def soon_cutoff(report_date: dt.date, months: int = 6, period_years: int = 3) -> dt.date:
    """A last course (or start of experience) before this day makes the person overdue
    within ``months``."""
    return training_cutoff(add_months(report_date, months), period_years)


def becomes_overdue_soon(last_end: dt.date | None, report_date: dt.date, months: int = 6,
                         period_years: int = 3, ped_start: dt.date | None = None) -> bool:
    """Not overdue on D, but overdue on D + ``months`` (when nothing new is completed)."""
    if overdue_on(last_end, report_date, period_years, ped_start):
        return False
    return overdue_on(last_end, add_months(report_date, months), period_years, ped_start)


YEAR_ONLY = "year"


def latest_end(end_date: dt.date, precision: str = "day") -> dt.date:
    """The latest day a course can have ended: its day, or 31 December of its year when the
    source gave only the year."""
    return dt.date(end_date.year, 12, 31) if precision == YEAR_ONLY else end_date


def overdue_unsure(last_end: dt.date | None, latest: dt.date | None, report_date: dt.date,
                   period_years: int = 3, ped_start: dt.date | None = None) -> bool:
    """Overdue on D as counted (``last_end``: the last course read at its earliest day) but
    not if the courses ended as late as their years allow (``latest``: the latest
    ``latest_end`` of the completed courses): «уточнить дату окончания»."""
    if latest is None or not overdue_on(last_end, report_date, period_years, ped_start):
        return False
    return not overdue_on(min(latest, report_date), report_date, period_years, ped_start)


def completed(end_date: dt.date, report_date: dt.date) -> bool:
    """A course counts once it has ended: on or before the report date."""
    return end_date <= report_date


def hours_in_last(trainings: Iterable[tuple[dt.date, int]], report_date: dt.date,
                  years: int) -> int:
    """Hours of the courses (all kinds) completed in the last ``years`` years of D.

    ``trainings`` are (end date, hours); the window is the one of the overdue rule:
    a course that ended exactly ``years`` before D is inside.
    """
    since = training_cutoff(report_date, years)
    return sum(hours for end, hours in trainings if since <= end <= report_date)


# --- checks before saving a training -----------------------------------------------------


def check_training(*, by_diagnostics: bool, deficit_ids: Iterable[str],
                   duplicate_end: dt.date | None = None, title: str = "") -> list[Finding]:
    """Warnings about a training about to be saved (the user may save anyway).

    ``duplicate_end``: storage found the same course for the same person ending that day.
    """
    found: list[Finding] = []
    if by_diagnostics and not list(deficit_ids):
        found.append(Finding("diagnostics_without_deficit", S.TR_WARN_NO_DEFICIT))
    if duplicate_end is not None:
        found.append(Finding("duplicate", S.TR_WARN_DUPLICATE.format(
            title=title, date=format_date(duplicate_end))))
    return found


# --- ИОМ ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StepFacts:
    deficit_id: str | None
    deadline: dt.date | None
    done_date: dt.date | None


def step_overdue(deadline: dt.date | None, done_date: dt.date | None,
                 report_date: dt.date) -> bool:
    """A step not done on D whose deadline has passed (the deadline day itself is not late)."""
    return (not step_done_on(done_date, report_date) and deadline is not None
            and deadline < report_date)


def deficit_steps_done(steps: Iterable[StepFacts], deficit_id: str) -> bool:
    """Every step addressing the deficit is done (and there is at least one)."""
    own = [s for s in steps if s.deficit_id == deficit_id]
    return bool(own) and all(s.done_date is not None for s in own)


def resolved_on(steps: Iterable[StepFacts], deficit_id: str) -> dt.date | None:
    """The day the last step of a deficit was done (the deficit's resolved date)."""
    days = [s.done_date for s in steps if s.deficit_id == deficit_id and s.done_date]
    return max(days) if days else None


def step_done_on(done_date: dt.date | None, report_date: dt.date) -> bool:
    """A step counts as done on D only if its done date is on or before D (§6)."""
    return done_date is not None and done_date <= report_date


def route_progress(steps: Iterable[StepFacts], report_date: dt.date) -> tuple[int, int, int]:
    """(done, total, overdue) steps of a route on D (done: ``step_done_on``)."""
    items = list(steps)
    done = sum(1 for s in items if step_done_on(s.done_date, report_date))
    late = sum(1 for s in items if step_overdue(s.deadline, s.done_date, report_date))
    return done, len(items), late


ROUTE_DRAFT = "проект"
ROUTE_CLOSED = "завершён"


def route_active_on(period_start: dt.date, period_end: dt.date, status: str,
                    report_date: dt.date) -> bool:
    """An ИОМ is active on D (§6) when approved (not «проект»), its period covers D
    (both ends included) and it is not closed («завершён»)."""
    return (status not in (ROUTE_DRAFT, ROUTE_CLOSED)
            and period_start <= report_date <= period_end)


def periods_overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
