"""The rules of domain.md §3, §4 and §6 «Decided readings», as pure functions.

Each rule is written once, here or in its section's module (reports.mentorship for pairs,
reports.training for courses and ИОМ), and every screen, export, packet and the office's
report calls it. The SQL in storage takes the thresholds computed here as parameters, or
calls these functions through SQL functions registered on every connection
(storage.rulesql), so a rule is never written a second time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from metodkab import strings as S
from metodkab.domain.parse import add_months, add_years, years_between

CATEGORY_RANK = {"первая": 1, "высшая": 2, "педагог-методист": 3, "педагог-наставник": 3}
MAIN = "основной"


# --- employed on D, P(D) -------------------------------------------------------------------


@dataclass(frozen=True)
class StaffDates:
    """The facts of a person the employment rules read."""

    employment: str = MAIN
    hire_date: dt.date | None = None
    dismissal_date: dt.date | None = None


def employed_on(hire_date: dt.date | None, dismissal_date: dt.date | None,
                day: dt.date) -> bool:
    """Employed on D: hired on or before D and not dismissed before D. The dismissal day
    is the last working day (ТК РФ ст. 84.1), so a person dismissed on D is employed on D.
    A hire date not given does not leave the person out."""
    return ((hire_date is None or hire_date <= day)
            and (dismissal_date is None or dismissal_date >= day))


def in_p(person: Any, day: dt.date) -> bool:
    """P(D): employed on D with the main job here (external part-timers are left out, as in
    ОО-1). Works on any fact with ``employment``, ``hire_date`` and ``dismissal_date``."""
    return person.employment == MAIN and employed_on(person.hire_date, person.dismissal_date,
                                                       day)


def p_of_d(people: Any, day: dt.date) -> list[Any]:
    return [p for p in people if in_p(p, day)]


def outside_p(person: Any, day: dt.date) -> str | None:
    """Why a person shown in a list is not in P(D) (and so not in the figure), or None."""
    if person.hire_date is not None and person.hire_date > day:
        return S.RULE_OUT_NOT_HIRED
    if person.dismissal_date is not None and person.dismissal_date < day:
        return S.RULE_OUT_DISMISSED
    if person.employment != MAIN:
        return S.RULE_OUT_PART_TIMER
    return None


# --- exact thresholds ----------------------------------------------------------------------


def exact(value: int | float | str | Decimal | Fraction) -> Fraction:
    """A number as typed, exactly: 18.9 is 189/10, not the binary float near it."""
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def share_reaches(part: Any, whole: Any, percent: Any) -> bool:
    """part / whole ≥ percent %, compared on exact values (18.9 of 27 is 70 %)."""
    if whole is None or part is None or exact(whole) <= 0:
        return False
    return exact(part) * 100 >= exact(percent) * exact(whole)


def score_reaches(percent: Any, score: Any, max_score: Any, threshold: Any) -> bool:
    """A diagnostic's result is at or above ``threshold`` %: the percent given, else the
    score over the maximum, compared exactly."""
    if percent is not None:
        return exact(percent) >= exact(threshold)
    if score is None or not max_score:
        return False
    return share_reaches(score, max_score, threshold)


def percent_of(count: int, base: int) -> float | None:
    """The percent shown (one decimal); None for an empty base. Never compared: targets
    are compared with ``share_reaches``."""
    return None if not base else round(100 * count / base, 1)


# --- training every three years -------------------------------------------------------------


def training_cutoff(report_date: dt.date, period_years: int = 3) -> dt.date:
    """Earliest end date of a training that still counts on ``report_date``: a course that
    ended exactly ``period_years`` before D still counts."""
    return add_years(report_date, -period_years)


def training_reference(last_end: dt.date | None, ped_start: dt.date | None,
                       report_date: dt.date) -> dt.date | None:
    """The day the three years are counted from: the later of the last completed course
    (ended on or before D) and the start of pedagogical experience; None when neither."""
    days = [d for d in (last_end if last_end is not None and last_end <= report_date else None,
                        ped_start) if d is not None]
    return max(days) if days else None


def overdue_on(last_end: dt.date | None, report_date: dt.date, period_years: int = 3,
               ped_start: dt.date | None = None) -> bool:
    """Overdue for training on D (§6): no completed ПК/переподготовка whose end lies in
    [D − 3 years, D], counting from the later of that end and the start of pedagogical
    experience, so a teacher in the first 3 years of experience is not overdue.
    ``last_end``: the last ПК/переподготовка (стажировка does not count)."""
    since = training_reference(last_end, ped_start, report_date)
    return since is None or since < training_cutoff(report_date, period_years)


# --- young specialists, ages ----------------------------------------------------------------


def young_birth_after(report_date: dt.date, max_age: int = 35) -> dt.date:
    """A person is under ``max_age`` on D when born strictly after this day."""
    return add_years(report_date, -max_age)


def young_ped_start_after(report_date: dt.date, max_years: int = 3) -> dt.date:
    """Pedagogical experience is under ``max_years`` on D when it started strictly after this day."""
    return add_years(report_date, -max_years)


def is_young_specialist(birth_date: dt.date | None, ped_start_date: dt.date | None,
                        report_date: dt.date, max_age: int = 35, max_years: int = 3) -> bool:
    """Under 35 on D and under 3 years of pedagogical experience (domain.md §4, indicator 4)."""
    if birth_date is None or ped_start_date is None:
        return False
    return (birth_date > young_birth_after(report_date, max_age)
            and ped_start_date > young_ped_start_after(report_date, max_years))


def age_on(birth_date: dt.date | None, day: dt.date) -> int | None:
    return None if birth_date is None else years_between(birth_date, day)


def experience_years(ped_start_date: dt.date | None, day: dt.date) -> int | None:
    return None if ped_start_date is None else years_between(ped_start_date, day)


def category_warning_until(report_date: dt.date, months: int = 6) -> dt.date:
    """Categories whose ``valid_until`` falls on or before this day are listed as expiring."""
    return add_months(report_date, months)


def plural(count: int, forms: tuple[str, str, str]) -> str:
    """The word for ``count`` things: ``forms`` for 1, 2–4 and 5 (1 год, 3 года, 11 лет)."""
    if count % 10 == 1 and count % 100 != 11:
        return forms[0]
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return forms[1]
    return forms[2]
