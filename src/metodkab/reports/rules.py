"""Date rules of domain.md §3, as pure functions of the report date D.

The SQL in storage takes the thresholds computed here as parameters, so a rule is
written once and the boundary cases are tested here.
"""

from __future__ import annotations

import datetime as dt

from metodkab.domain.parse import add_months, add_years, years_between

CATEGORY_RANK = {"первая": 1, "высшая": 2, "педагог-методист": 3, "педагог-наставник": 3}


def training_cutoff(report_date: dt.date, period_years: int = 3) -> dt.date:
    """Earliest end date of a training that still counts on ``report_date``.

    A person is overdue when no completed ПК/переподготовка ended on or after this day
    (and on or before the report date). A course that ended exactly ``period_years``
    before D still counts.
    """
    return add_years(report_date, -period_years)


def overdue_on(last_training_end: dt.date | None, report_date: dt.date, period_years: int = 3) -> bool:
    """True when the last completed training is older than the period (or there is none)."""
    if last_training_end is None or last_training_end > report_date:
        return True
    return last_training_end < training_cutoff(report_date, period_years)


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
