"""Attestation rules (reports.attestation) at their boundary dates: expiring categories,
eligibility for высшая and педагог-методист / педагог-наставник, checks of a new category,
the default term, conformity attestation (СЗД) due dates and exemptions."""

import datetime as dt

import pytest

from metodkab.reports import attestation as rules
from metodkab.reports.attestation import CategoryFacts as C
from metodkab.reports.attestation import ConformityFacts as A

D = dt.date(2026, 11, 23)
DAY = dt.timedelta(days=1)
T = "учитель"


def codes(findings):
    return [f.code for f in findings]


# --- validity and the current categories ---------------------------------------------------


def test_valid_on_includes_both_ends():
    cat = C("c", T, "первая", dt.date(2021, 12, 20), dt.date(2026, 12, 20))
    assert rules.valid_on(cat, dt.date(2021, 12, 20))
    assert rules.valid_on(cat, dt.date(2026, 12, 20))
    assert not rules.valid_on(cat, dt.date(2026, 12, 21))
    assert not rules.valid_on(cat, dt.date(2021, 12, 19))
    assert rules.valid_on(C("c", T, "высшая", dt.date(2024, 1, 1)), dt.date(2099, 1, 1))


@pytest.mark.parametrize("decision, until", [
    (dt.date(2023, 8, 31), dt.date(2028, 8, 31)),     # the last day of the 5-year regime
    (dt.date(2023, 9, 1), None),                      # indefinite from 01.09.2023
    (dt.date(2020, 2, 29), dt.date(2025, 2, 28)),
])
def test_default_term(decision, until):
    assert rules.default_valid_until(decision) == until


def test_a_newer_level_decision_replaces_the_older_on_the_same_position():
    first = C("1", T, "первая", dt.date(2020, 1, 10), dt.date(2025, 1, 10))
    higher = C("2", T, "высшая", dt.date(2024, 3, 1))
    other_position = C("3", "методист", "первая", dt.date(2022, 5, 5), dt.date(2027, 5, 5))
    mentor = C("4", T, "педагог-наставник", dt.date(2025, 2, 1))
    held = rules.current([first, higher, other_position, mentor], D)
    assert [c.id for c in held] == ["3", "2", "4"]
    assert rules.superseded(first, [first, higher])
    assert not rules.superseded(higher, [first, higher, mentor])
    # Before the высшая was decided, the первая was the one held.
    assert [c.id for c in rules.current([first, higher], dt.date(2024, 2, 29))] == ["1"]


def test_an_expired_latest_category_leaves_nothing_held():
    old = C("1", T, "первая", dt.date(2017, 1, 1), dt.date(2022, 1, 1))
    assert rules.current([old], D) == []


# --- expiring ------------------------------------------------------------------------------


@pytest.mark.parametrize("until, level", [
    (D - DAY, None),                        # ended yesterday: not "expiring"
    (D, "red"),                             # ends today
    (dt.date(2027, 2, 22), "red"),          # a day under 3 months
    (dt.date(2027, 2, 23), "warn"),         # exactly 3 months left
    (dt.date(2027, 5, 23), "warn"),         # exactly 6 months: still listed
    (dt.date(2027, 5, 24), None),
    (None, None),                           # indefinite
])
def test_expiry_level(until, level):
    assert rules.expiry_level(until, D) == level


def test_expiry_level_follows_the_settings():
    assert rules.expiry_level(dt.date(2027, 2, 23), D, warn_months=6, red_months=4) == "red"
    assert rules.expiry_level(dt.date(2027, 5, 23), D, warn_months=5) is None


def test_apply_by_is_three_months_before_the_end():
    assert rules.apply_by(dt.date(2027, 3, 15)) == dt.date(2026, 12, 15)
    assert rules.apply_by(dt.date(2027, 5, 31)) == dt.date(2027, 2, 28)


# --- eligibility ---------------------------------------------------------------------------


@pytest.mark.parametrize("decision, eligible", [
    (dt.date(2024, 11, 23), True),          # exactly 2 years
    (dt.date(2024, 11, 24), False),         # a day short
    (dt.date(2022, 1, 1), True),
])
def test_higher_needs_first_held_two_years(decision, eligible):
    first = C("1", T, "первая", decision, None)
    found = rules.eligibility([first], D)
    assert bool(found) is eligible
    if eligible:
        assert found[0].targets == ("высшая",) and found[0].position == T


def test_an_expired_first_gives_no_eligibility():
    first = C("1", T, "первая", dt.date(2019, 1, 1), dt.date(2024, 1, 1))
    assert rules.eligibility([first], D) == []


def test_higher_makes_methodist_and_mentor_available_except_those_held():
    higher = C("1", T, "высшая", dt.date(2024, 1, 15))
    assert rules.eligibility([higher], D)[0].targets == ("педагог-методист", "педагог-наставник")
    mentor = C("2", T, "педагог-наставник", dt.date(2025, 1, 1))
    assert rules.eligibility([higher, mentor], D)[0].targets == ("педагог-методист",)
    methodist = C("3", T, "педагог-методист", dt.date(2025, 6, 1))
    assert rules.eligibility([higher, mentor, methodist], D) == []


def test_eligibility_is_per_position():
    cats = [C("1", T, "высшая", dt.date(2024, 1, 15)),
            C("2", "педагог-психолог", "первая", dt.date(2025, 1, 1))]
    found = rules.eligibility(cats, D)
    assert [(e.position, e.targets) for e in found] == [
        (T, ("педагог-методист", "педагог-наставник"))]       # психолог: under 2 years


# --- checks before saving ------------------------------------------------------------------


def test_higher_without_first_warns():
    new = C(None, T, "высшая", dt.date(2026, 11, 1))
    assert codes(rules.check_category(new, [], positions=[T])) == ["higher_without_first"]
    other = C("x", "методист", "первая", dt.date(2020, 1, 1))   # another position
    assert codes(rules.check_category(new, [other], positions=[T])) == ["higher_without_first"]


@pytest.mark.parametrize("first, warned", [
    (dt.date(2024, 11, 1), False),          # exactly 2 years before the decision
    (dt.date(2024, 11, 2), True),
])
def test_higher_two_years_after_first(first, warned):
    new = C(None, T, "высшая", dt.date(2026, 11, 1))
    found = rules.check_category(new, [C("f", T, "первая", first)], positions=[T])
    assert codes(found) == (["higher_too_early"] if warned else [])
    if warned:
        assert "02.11.2026" in found[0].message


def test_higher_again_after_higher_is_a_renewal():
    new = C(None, T, "высшая", dt.date(2026, 11, 1))
    old = C("h", T, "высшая", dt.date(2021, 12, 1), dt.date(2026, 12, 1))
    assert rules.check_category(new, [old], positions=[T]) == []


@pytest.mark.parametrize("category", ["педагог-методист", "педагог-наставник"])
def test_methodist_and_mentor_need_a_valid_higher_on_the_decision_date(category):
    new = C(None, T, category, dt.date(2026, 11, 1))
    assert codes(rules.check_category(new, [], positions=[T])) == ["needs_higher"]
    valid = C("h", T, "высшая", dt.date(2022, 3, 1), dt.date(2026, 11, 1))   # last day
    assert rules.check_category(new, [valid], positions=[T]) == []
    ended = C("h", T, "высшая", dt.date(2021, 3, 1), dt.date(2026, 10, 31))
    assert codes(rules.check_category(new, [ended], positions=[T])) == ["needs_higher"]


def test_first_has_no_prerequisite_but_position_term_future_and_duplicate_are_checked():
    new = C(None, "методист", "первая", dt.date(2022, 5, 5))
    found = rules.check_category(new, [C("d", "методист", "первая", dt.date(2022, 5, 5))],
                                 positions=[T], today=D)
    assert codes(found) == ["duplicate", "position", "term"]
    assert "05.05.2027" in found[2].message
    future = C(None, T, "первая", D + DAY)
    assert codes(rules.check_category(future, [], positions=[T], today=D)) == ["future"]
    assert rules.check_category(C(None, T, "первая", D), [], positions=[T], today=D) == []


def test_the_record_itself_is_not_a_duplicate():
    cat = C("same", T, "первая", dt.date(2024, 1, 1))
    assert rules.check_category(cat, [cat], positions=[T]) == []


# --- conformity attestation (СЗД) ----------------------------------------------------------


@pytest.mark.parametrize("last, state", [
    (dt.date(2021, 11, 23), "due"),         # exactly 5 years: due today
    (dt.date(2021, 11, 24), "soon"),        # due tomorrow
    (dt.date(2022, 5, 23), "soon"),         # due in exactly 6 months
    (dt.date(2022, 5, 24), "ok"),
])
def test_conformity_every_five_years(last, state):
    found = rules.conformity_state([A(last, "соответствует")], dt.date(2010, 9, 1), D)
    assert found.state == state
    assert found.last == last and found.due == last.replace(year=last.year + 5)


def test_never_attested_is_due_two_years_after_hiring():
    assert rules.conformity_state([], dt.date(2024, 11, 23), D).state == "due"
    soon = rules.conformity_state([], dt.date(2024, 11, 24), D)
    assert soon.state == "soon" and soon.due == dt.date(2026, 11, 24)
    assert rules.conformity_state([], dt.date(2026, 1, 1), D).state == "ok"
    unknown = rules.conformity_state([], None, D)
    assert unknown.state == "due" and unknown.due is None


def test_exemption_for_less_than_two_years_ends_two_years_after_hiring():
    records = [A(dt.date(2025, 10, 1), None, rules.IN_POST_REASON)]
    exempt = rules.conformity_state(records, dt.date(2025, 9, 1), D)
    assert exempt.state == "exempt" and exempt.until == dt.date(2027, 9, 1)
    assert exempt.reason == rules.IN_POST_REASON
    ended = rules.conformity_state(records, dt.date(2024, 11, 23), D)
    assert ended.state == "due"


def test_other_exemptions_last_until_a_newer_record():
    leave = [A(dt.date(2023, 1, 1), "соответствует"),
             A(dt.date(2024, 2, 1), None, "отпуск по уходу за ребёнком")]
    assert rules.conformity_state(leave, dt.date(2010, 1, 1), dt.date(2035, 1, 1)).state == \
        "exempt"
    back = [*leave, A(dt.date(2026, 3, 1), "соответствует")]
    assert rules.conformity_state(back, dt.date(2010, 1, 1), D).state == "ok"


def test_records_after_the_report_date_are_ignored():
    records = [A(dt.date(2021, 1, 1), "соответствует"), A(D + DAY, "соответствует")]
    assert rules.conformity_state(records, None, D).state == "due"


def test_conformity_period_is_a_setting():
    state = rules.conformity_state([A(dt.date(2021, 11, 23), "соответствует")], None, D,
                                   period_years=6)
    assert state.state == "ok" and state.due == dt.date(2027, 11, 23)


def test_conformity_failed_is_its_own_state():
    failed = [A(dt.date(2024, 5, 1), "соответствует"), A(dt.date(2026, 5, 1), "не соответствует")]
    state = rules.conformity_state(failed, dt.date(2015, 9, 1), D)
    assert (state.state, state.due, state.last) == ("failed", None, dt.date(2026, 5, 1))
    # an exemption entered after the failed attestation (e.g. child-care leave) wins
    leave = [*failed, A(dt.date(2026, 9, 1), None, "отпуск по уходу за ребёнком")]
    assert rules.conformity_state(leave, dt.date(2015, 9, 1), D).state == "exempt"


# --- «a category is valid on D»: one function, in Python and in SQL ---------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_DAYS = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31))


@settings(max_examples=60, deadline=None)
@given(decision=_DAYS, until=st.none() | _DAYS, day=_DAYS)
def test_category_valid_on_in_python_and_in_sql(decision, until, day):
    """From its decision date through its last valid day, both inclusive; with no end it
    stays valid. The SQL function the staff list and the mentor suggestions filter with
    is the same rule (storage/rulesql.py)."""
    import sqlite3

    from metodkab.storage import rulesql

    expected = decision <= day and (until is None or day <= until)
    assert rules.category_valid_on(decision, until, day) is expected
    assert rules.valid_on(C("c", "учитель", rules.FIRST, decision, until), day) is expected
    conn = sqlite3.connect(":memory:")
    rulesql.register(conn)
    found = conn.execute("SELECT category_valid_on(?, ?, ?)", (
        decision.isoformat(), until.isoformat() if until else None, day.isoformat())).fetchone()
    conn.close()
    assert bool(found[0]) is expected


def test_no_second_copy_of_category_valid_on_in_the_sources():
    """domain.md §6: one function per rule. The staff list, the mentor suggestions and the
    indicator of expiring categories once wrote «valid on D» out again each."""
    from pathlib import Path

    src = Path(rules.__file__).resolve().parents[1]
    copies = [str(p.relative_to(src)) for p in src.rglob("*.py")
              if p.name != "attestation.py"
              and any(t in p.read_text(encoding="utf-8").replace(" ", "").lower()
                      for t in ("valid_untilisnullorc.valid_until>=",
                                "valid_untilisnoneorc.valid_until>="))]
    assert copies == []
