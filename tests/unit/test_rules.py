"""The date rules of domain.md §3 at their boundaries (reports/rules.py)."""

import datetime as dt

import pytest

from metodkab.reports import rules

D = dt.date


# --- training every 3 years -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("report", "period", "cutoff"),
    [
        (D(2026, 11, 23), 3, D(2023, 11, 23)),
        (D(2026, 11, 23), 5, D(2021, 11, 23)),
        (D(2028, 2, 29), 3, D(2025, 2, 28)),       # no 29 February three years before
        (D(2028, 2, 29), 4, D(2024, 2, 29)),
        (D(2026, 3, 1), 3, D(2023, 3, 1)),
    ],
)
def test_training_cutoff(report, period, cutoff):
    assert rules.training_cutoff(report, period) == cutoff


@pytest.mark.parametrize(
    ("last_end", "overdue"),
    [
        (D(2023, 11, 23), False),     # exactly 3 years before D still counts
        (D(2023, 11, 22), True),      # one day more is overdue
        (D(2026, 11, 23), False),     # ended on D
        (D(2026, 11, 24), True),      # not finished by D: does not count
        (None, True),
    ],
)
def test_overdue_on(last_end, overdue):
    assert rules.overdue_on(last_end, D(2026, 11, 23)) is overdue


def test_overdue_on_with_another_period():
    assert rules.overdue_on(D(2022, 1, 10), D(2026, 11, 23)) is True
    assert rules.overdue_on(D(2022, 1, 10), D(2026, 11, 23), period_years=5) is False


def test_overdue_on_29_february():
    assert rules.overdue_on(D(2025, 2, 28), D(2028, 2, 29)) is False
    assert rules.overdue_on(D(2025, 2, 27), D(2028, 2, 29)) is True


# --- young specialists -------------------------------------------------------------------


def test_young_thresholds():
    assert rules.young_birth_after(D(2026, 11, 23)) == D(1991, 11, 23)
    assert rules.young_birth_after(D(2026, 11, 23), 30) == D(1996, 11, 23)
    assert rules.young_ped_start_after(D(2026, 11, 23)) == D(2023, 11, 23)
    assert rules.young_ped_start_after(D(2026, 11, 23), 5) == D(2021, 11, 23)


@pytest.mark.parametrize(
    ("birth", "start", "young"),
    [
        (D(1991, 11, 24), D(2025, 9, 1), True),      # 34 on D
        (D(1991, 11, 23), D(2025, 9, 1), False),     # turns 35 on D: not young
        (D(2000, 1, 1), D(2023, 11, 24), True),      # experience a day under 3 years
        (D(2000, 1, 1), D(2023, 11, 23), False),     # exactly 3 years of experience
        (None, D(2025, 9, 1), False),
        (D(2000, 1, 1), None, False),
    ],
)
def test_is_young_specialist(birth, start, young):
    assert rules.is_young_specialist(birth, start, D(2026, 11, 23)) is young


def test_young_specialist_agrees_with_age():
    report = D(2026, 11, 23)
    for birth in (D(1991, 11, 22), D(1991, 11, 23), D(1991, 11, 24)):
        under_35 = rules.age_on(birth, report) < 35
        assert rules.is_young_specialist(birth, D(2025, 9, 1), report) is under_35


def test_young_specialist_born_29_february():
    # Born 29.02.1992: still 34 on 28.02.2027, 35 from 01.03.2027; the rule agrees with age_on.
    birth = D(1992, 2, 29)
    assert rules.age_on(birth, D(2027, 2, 28)) == 34
    assert rules.age_on(birth, D(2027, 3, 1)) == 35
    assert rules.is_young_specialist(birth, D(2026, 9, 1), D(2027, 2, 28)) is True
    assert rules.is_young_specialist(birth, D(2026, 9, 1), D(2027, 3, 1)) is False


def test_young_rule_agrees_with_age_on_every_day():
    start = D(2024, 1, 1)
    for offset in range(0, 4 * 366, 7):
        report = start + dt.timedelta(days=offset)
        threshold = rules.young_birth_after(report)
        for birth in (threshold - dt.timedelta(days=1), threshold,
                      threshold + dt.timedelta(days=1)):
            assert (birth > threshold) is (rules.age_on(birth, report) < 35), (birth, report)


def test_young_specialist_with_other_settings():
    assert rules.is_young_specialist(D(1995, 1, 1), D(2022, 9, 1), D(2026, 11, 23),
                                     max_age=35, max_years=5) is True
    assert rules.is_young_specialist(D(1995, 1, 1), D(2025, 9, 1), D(2026, 11, 23),
                                     max_age=30) is False


# --- age and experience ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (D(1990, 5, 10), D(2025, 5, 9), 34),
        (D(1990, 5, 10), D(2025, 5, 10), 35),
        (None, D(2025, 5, 10), None),
    ],
)
def test_age_on(birth, day, age):
    assert rules.age_on(birth, day) == age


@pytest.mark.parametrize(
    ("start", "day", "years"),
    [
        (D(2023, 9, 1), D(2026, 8, 31), 2),
        (D(2023, 9, 1), D(2026, 9, 1), 3),
        (D(2026, 9, 1), D(2026, 8, 31), 0),        # starts after the day
        (None, D(2026, 9, 1), None),
    ],
)
def test_experience_years(start, day, years):
    assert rules.experience_years(start, day) == years


# --- categories -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("report", "months", "until"),
    [
        (D(2026, 11, 23), 6, D(2027, 5, 23)),
        (D(2026, 8, 31), 6, D(2027, 2, 28)),        # end of month
        (D(2027, 8, 31), 6, D(2028, 2, 29)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2026, 11, 23), 0, D(2026, 11, 23)),
    ],
)
def test_category_warning_until(report, months, until):
    assert rules.category_warning_until(report, months) == until


def test_category_rank():
    rank = rules.CATEGORY_RANK
    assert rank["первая"] < rank["высшая"] < rank["педагог-методист"]
    assert rank["педагог-методист"] == rank["педагог-наставник"]


# --- «young specialist on D» in SQL is the rule's own function ---------------------------------

from hypothesis import given as _given  # noqa: E402
from hypothesis import settings as _settings  # noqa: E402
from hypothesis import strategies as _st  # noqa: E402

_YDAYS = _st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2030, 12, 31))


@_settings(max_examples=60, deadline=None)
@_given(birth=_st.none() | _YDAYS, start=_st.none() | _YDAYS,
        day=_st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)),
        age=_st.integers(30, 40), years=_st.integers(1, 5))
def test_young_specialist_in_sql_is_the_rule(birth, start, day, age, years):
    """Under ``age`` and under ``years`` of педстаж on D, as a second implementation in
    years and days; the SQL function (storage/rulesql) gives the same answer."""
    import sqlite3

    from metodkab.storage import rulesql

    def full_years(since, on):
        return on.year - since.year - ((on.month, on.day) < (since.month, since.day))

    expected = (birth is not None and start is not None and full_years(birth, day) < age
                and full_years(start, day) < years)
    assert rules.is_young_specialist(birth, start, day, age, years) is expected
    conn = sqlite3.connect(":memory:")
    rulesql.register(conn)
    found = conn.execute("SELECT young_specialist(?, ?, ?, ?, ?)", (
        birth and birth.isoformat(), start and start.isoformat(), day.isoformat(), age,
        years)).fetchone()
    conn.close()
    assert bool(found[0]) is expected


def test_no_second_copy_of_young_specialist_in_storage():
    """domain.md §6: the staff list's filter and the mentorship coverage once combined the
    two boundaries in SQL themselves; they call the rule."""
    from pathlib import Path

    src = Path(rules.__file__).resolve().parents[1]
    copies = [str(p.relative_to(src)) for p in src.rglob("*.py")
              if "birth_date > :young_birth" in p.read_text(encoding="utf-8")]
    assert copies == []
