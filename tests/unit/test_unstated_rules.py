"""The rules with a date nobody stated: a category without a decision date is held but
«уточнить дату решения» (never «ending», never a base for высшая), and is older than any
dated decision of its position and track. Hypothesis against a simple reading written
here."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from metodkab.reports import attestation as rules
from metodkab.reports.attestation import CategoryFacts as C

D = dt.date(2026, 11, 23)
T = "учитель"
days = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2032, 12, 31))


def simple_valid(decision, until, day):
    """Held on ``day``: not decided after it (an unknown day is not after anything) and
    not ended before it (no end: held on)."""
    started = True if decision is None else not (decision > day)
    ended = False if until is None else until < day
    return started and not ended


@settings(max_examples=80, deadline=None)
@given(decision=st.none() | days, until=st.none() | days, day=days)
def test_category_valid_on_against_a_simple_reading(decision, until, day):
    assert rules.category_valid_on(decision, until, day) == simple_valid(decision, until, day)


def test_undated_category_is_held_and_needs_its_date():
    cat = C("u", T, "высшая", None)
    assert rules.current([cat], D) == [cat]
    assert rules.needs_date(cat)
    assert rules.default_valid_until(None) is None
    assert rules.eligibility([cat], D) == []               # no методист offered without a date
    first = C("f", T, "первая", None)
    assert rules.eligibility([first], D) == []             # 2 years from an unknown day: no


def test_undated_decision_is_older_than_any_dated_one_of_the_track():
    undated = C("u", T, "первая", None)
    dated = C("d", T, "высшая", dt.date(2025, 3, 1))
    assert [c.id for c in rules.current([undated, dated], D)] == ["d"]
    assert rules.superseded(undated, [undated, dated])
    assert not rules.superseded(dated, [undated, dated])
    # Before the dated one was decided, the undated one is what the person held.
    assert [c.id for c in rules.current([undated, dated], dt.date(2025, 2, 28))] == ["u"]


def test_undated_with_a_known_end_ends_then():
    cat = C("u", T, "первая", None, dt.date(2026, 12, 1))
    assert rules.valid_on(cat, dt.date(2026, 12, 1))
    assert not rules.valid_on(cat, dt.date(2026, 12, 2))
    assert rules.expiry_level(cat.valid_until, D) == "red"


def test_checks_of_a_category_saved_without_a_date():
    found = rules.check_category(C(None, T, "высшая", None), [C("f", T, "первая", None)])
    assert [f.code for f in found] == ["no_date"]
    # a dated высшая after an undated первая: the 2 years cannot be counted, no false alarm
    later = rules.check_category(C(None, T, "высшая", dt.date(2025, 1, 1)),
                                 [C("f", T, "первая", None)])
    assert "higher_too_early" not in [f.code for f in later]
    assert "higher_without_first" not in [f.code for f in later]


# --- a course known only by its year --------------------------------------------------------

from metodkab.domain.parse import add_years, format_end  # noqa: E402
from metodkab.reports import rules as common  # noqa: E402
from metodkab.reports import training as rt  # noqa: E402


def simple_overdue(end, day, years):
    """Overdue when the course ended before the day ``years`` years back (a course ended
    exactly then still counts) — no start of experience here."""
    return end is None or end > day or end < add_years(day, -years)


@settings(max_examples=80, deadline=None)
@given(year=st.integers(2015, 2030), day=days, years=st.integers(1, 5))
def test_year_only_course_unsure_exactly_when_its_day_decides(year, day, years):
    """Counted from 1 January (the earliest the course can have ended); «уточнить» exactly
    when a later day of that year would make the person not overdue."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    counted = first if first <= day else None              # only a completed course counts
    latest = rt.latest_end(first, "year") if counted else None
    assert latest == (last if counted else None)
    overdue = common.overdue_on(counted, day, years)
    assert overdue == simple_overdue(counted, day, years)
    could_count = [dt.date(year, m, 1) for m in range(1, 13) if dt.date(year, m, 1) <= day]
    any_not_overdue = any(not simple_overdue(d, day, years) for d in could_count) or (
        counted is not None and not simple_overdue(min(last, day), day, years))
    assert rt.overdue_unsure(counted, latest, day, years) == (overdue and any_not_overdue)


def test_year_only_course_on_the_boundaries():
    day = dt.date(2026, 11, 23)
    jan = dt.date(2023, 1, 1)
    assert common.overdue_on(jan, day)                       # counted from 01.01.2023
    assert rt.overdue_unsure(jan, rt.latest_end(jan, "year"), day)   # December would count
    old = dt.date(2022, 1, 1)
    assert not rt.overdue_unsure(old, rt.latest_end(old, "year"), day)   # surely overdue
    fresh = dt.date(2024, 1, 1)
    assert not common.overdue_on(fresh, day)                 # surely in time
    assert not rt.overdue_unsure(fresh, rt.latest_end(fresh, "year"), day)
    # a course ending exactly three years before D still counts, for the latest day too
    assert not rt.overdue_unsure(jan, rt.latest_end(jan, "year"), dt.date(2026, 1, 1))
    assert rt.overdue_unsure(jan, rt.latest_end(jan, "year"), dt.date(2026, 1, 2))
    assert rt.latest_end(dt.date(2025, 5, 20), "day") == dt.date(2025, 5, 20)
    assert (format_end(jan, "year"), format_end(jan, "day")) == ("2023 г.", "01.01.2023")
    assert format_end("2023-01-01", "year") == "2023 г."
