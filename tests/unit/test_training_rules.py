"""Training rules (reports.training) at their boundary dates."""

import datetime as dt

import pytest

from metodkab.reports import rules as common
from metodkab.reports import training as rules

D = dt.date(2026, 11, 23)
DAY = dt.timedelta(days=1)


# --- overdue and "soon" -------------------------------------------------------------------


def test_course_ended_exactly_three_years_ago_still_counts():
    last = dt.date(2023, 11, 23)
    assert not common.overdue_on(last, D)
    assert common.overdue_on(last, D + DAY)
    assert rules.overdue_from(last) == D + DAY


def test_course_a_day_older_is_overdue():
    assert common.overdue_on(dt.date(2023, 11, 22), D)
    assert rules.overdue_from(dt.date(2023, 11, 22)) == D


def test_no_course_is_overdue_and_has_no_date():
    assert common.overdue_on(None, D)
    assert rules.overdue_from(None) is None


@pytest.mark.parametrize("last, first_overdue", [
    (dt.date(2021, 2, 28), dt.date(2024, 3, 1)),    # D = 29.02.2024 still counts the course
    (dt.date(2024, 2, 29), dt.date(2027, 3, 1)),    # the anniversary is 28.02.2027
])
def test_overdue_from_agrees_with_overdue_on_around_29_february(last, first_overdue):
    assert rules.overdue_from(last) == first_overdue
    assert common.overdue_on(last, first_overdue)
    assert not common.overdue_on(last, first_overdue - DAY)


@pytest.mark.parametrize("period", [1, 3, 5])
def test_overdue_from_is_the_first_overdue_day_for_any_period(period):
    last = dt.date(2020, 6, 15)
    day = rules.overdue_from(last, period)
    assert common.overdue_on(last, day, period)
    assert not common.overdue_on(last, day - DAY, period)


def test_soon_cutoff_is_three_years_before_six_months_ahead():
    assert rules.soon_cutoff(D) == dt.date(2024, 5, 23)
    assert rules.soon_cutoff(D, months=1) == dt.date(2023, 12, 23)


@pytest.mark.parametrize("last, soon", [
    (dt.date(2023, 11, 22), False),   # already overdue: not "soon"
    (dt.date(2023, 11, 23), True),    # overdue from tomorrow
    (dt.date(2024, 5, 22), True),     # overdue on 23.05.2027, the last day of the window
    (dt.date(2024, 5, 23), False),    # still counts on 23.05.2027
    (dt.date(2025, 1, 10), False),
    (None, False),                    # never trained: overdue, not "soon"
])
def test_becomes_overdue_within_six_months(last, soon):
    assert rules.becomes_overdue_soon(last, D) is soon


def test_a_course_ending_after_the_report_date_does_not_count_yet():
    assert common.overdue_on(D + DAY, D)
    assert rules.completed(D, D)
    assert not rules.completed(D + DAY, D)


# --- hours ----------------------------------------------------------------------------------


def test_hours_in_last_years_window_boundaries():
    courses = [
        (dt.date(2023, 11, 23), 72),    # exactly three years: inside the 3-year window
        (dt.date(2023, 11, 22), 36),    # a day older: only in the 5-year window
        (dt.date(2021, 11, 23), 16),    # exactly five years
        (dt.date(2021, 11, 22), 250),   # older than five years
        (D, 18),                        # ended today
        (D + DAY, 100),                 # not finished yet
    ]
    assert rules.hours_in_last(courses, D, 3) == 72 + 18
    assert rules.hours_in_last(courses, D, 5) == 72 + 36 + 16 + 18
    assert rules.hours_in_last([], D, 3) == 0


# --- checks --------------------------------------------------------------------------------


def test_chosen_by_diagnostics_without_a_deficit_asks():
    found = rules.check_training(by_diagnostics=True, deficit_ids=[])
    assert [f.code for f in found] == ["diagnostics_without_deficit"]
    assert "дефицит" in found[0].message


def test_chosen_by_diagnostics_with_a_deficit_is_fine():
    assert rules.check_training(by_diagnostics=True, deficit_ids=["d1"]) == []
    assert rules.check_training(by_diagnostics=False, deficit_ids=[]) == []


def test_duplicate_is_reported_with_its_date():
    found = rules.check_training(by_diagnostics=False, deficit_ids=[],
                                 duplicate_end=dt.date(2026, 3, 14), title="Школа учителя")
    assert [f.code for f in found] == ["duplicate"]
    assert "14.03.2026" in found[0].message and "Школа учителя" in found[0].message


def test_the_kinds_that_count_are_written_once():
    """Which kinds count for the three-year rule is reports.training.COUNTED_KINDS; SQL in
    storage/ builds its condition from it (storage.training.COUNTED), never lists them."""
    from pathlib import Path

    from metodkab.reports import training

    src = Path(training.__file__).resolve().parents[1]
    listed = [str(p.relative_to(src)) for p in (src / "storage").rglob("*.py")
              if "kind IN ('повышение квалификации'" in p.read_text(encoding="utf-8")]
    assert listed == []
