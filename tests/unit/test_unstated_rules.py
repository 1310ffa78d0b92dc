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
