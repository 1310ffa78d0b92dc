"""ИОМ rules (reports.training): overdue steps, a deficit whose steps are all done, the
progress of a route, active routes and overlapping periods — at their boundary dates."""

import datetime as dt

import pytest

from metodkab.reports import training as rules
from metodkab.reports.training import StepFacts

D = dt.date(2026, 11, 23)
DAY = dt.timedelta(days=1)


@pytest.mark.parametrize("deadline, done, late", [
    (D, None, False),              # due today: not late yet
    (D - DAY, None, True),
    (D - DAY, D - DAY, False),     # done
    (D - DAY, D, False),           # done late, but done
    (None, None, False),           # no deadline
    (D + DAY, None, False),
])
def test_step_overdue(deadline, done, late):
    assert rules.step_overdue(deadline, done, D) is late


def test_deficit_steps_done_needs_every_step_of_that_deficit():
    steps = [StepFacts("a", D, D - DAY), StepFacts("a", D, None), StepFacts("b", D, D),
             StepFacts(None, D, None)]
    assert not rules.deficit_steps_done(steps, "a")
    assert rules.deficit_steps_done(steps, "b")
    assert not rules.deficit_steps_done(steps, "c")          # no step at all
    done = [StepFacts("a", D, dt.date(2026, 5, 1)), StepFacts("a", None, dt.date(2026, 9, 1))]
    assert rules.deficit_steps_done(done, "a")
    assert rules.resolved_on(done, "a") == dt.date(2026, 9, 1)
    assert rules.resolved_on(done, "b") is None


def test_route_progress_counts_done_total_and_late():
    steps = [StepFacts(None, D - DAY, None), StepFacts(None, D, None),
             StepFacts(None, D - DAY, D - DAY)]
    assert rules.route_progress(steps, D) == (1, 3, 1)
    # a step done after D is not done on D (and is late on D if its deadline passed)
    later = [StepFacts(None, D - DAY, D + DAY), StepFacts(None, D, D)]
    assert rules.route_progress(later, D) == (1, 2, 1)


@pytest.mark.parametrize("start, end, status, active", [
    (D, D, "выполняется", True),
    (D + DAY, D + 10 * DAY, "утверждён", False),
    (D - 10 * DAY, D - DAY, "выполняется", False),
    (D - 10 * DAY, D + DAY, "завершён", False),
    (D - 10 * DAY, D + DAY, "проект", False),          # a draft is not active (§6)
    (D - 10 * DAY, D, "утверждён", True),
])
def test_route_active_on(start, end, status, active):
    assert rules.route_active_on(start, end, status, D) is active


def test_periods_overlap_share_a_day():
    a = (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert rules.periods_overlap(a, (dt.date(2026, 6, 30), dt.date(2026, 12, 31)))
    assert not rules.periods_overlap(a, (dt.date(2026, 7, 1), dt.date(2026, 12, 31)))
