"""The pure mentorship rules (reports.mentorship) at their boundary dates."""

import datetime as dt

import pytest

from metodkab.reports import mentorship as m
from metodkab.reports.mentorship import Candidate, PairFacts, PersonFacts

D = dt.date
TODAY = D(2026, 11, 23)


def pair(pid="p", mentor="A", mentees=("B",), start=D(2026, 9, 1), end=D(2027, 5, 31),
         actual=None, status="действует", order="12", order_date=D(2026, 8, 31)):
    return PairFacts(pid, mentor, tuple(mentees), start, end, actual, status, order, order_date)


PEOPLE = {k: PersonFacts(k, n) for k, n in
          (("A", "Антонова Анна"), ("B", "Борисова Белла"), ("C", "Сидоров Семён"),
           ("E", "Ершова Ева"))}


def codes(findings):
    return [f.code for f in findings]


# --- programme length: 3 to 12 months --------------------------------------------------------

@pytest.mark.parametrize("start, end, expected", [
    # calendar months inclusive (domain.md §6)
    (D(2026, 9, 1), D(2026, 11, 29), ["too_short"]),   # 2 months and 29 days
    (D(2026, 9, 1), D(2026, 11, 30), []),              # exactly 3 months
    (D(2026, 9, 1), D(2027, 8, 31), []),               # exactly 12 months
    (D(2026, 9, 1), D(2027, 9, 1), ["too_long"]),      # a day more
    (D(2026, 8, 31), D(2026, 11, 28), ["too_short"]),
    (D(2026, 8, 31), D(2026, 11, 29), []),             # 31.08 + 3 months = 30.11 (the next day)
    (D(2026, 9, 1), D(2026, 9, 1), ["too_short"]),     # one day
])
def test_length_boundaries(start, end, expected):
    assert codes(m.check_length(start, end)) == expected


def test_length_message_is_russian_and_uses_settings():
    [finding] = m.check_length(D(2026, 9, 1), D(2026, 10, 31))
    assert "короче 3 мес." in finding.message and "сейчас 2 мес.)" in finding.message
    assert codes(m.check_length(D(2026, 9, 1), D(2026, 10, 31), min_months=2)) == []
    [long] = m.check_length(D(2026, 9, 1), D(2027, 3, 2), max_months=6)
    assert long.code == "too_long" and "длиннее 6 мес." in long.message
    assert "сейчас 6 мес. 2 дн." in long.message


def test_months_between():
    """Calendar months inclusive (domain.md §6): 01.09–30.11 is 3, 01.09–31.08 is 12."""
    assert m.months_between(D(2026, 9, 1), D(2026, 11, 30)) == 3
    assert m.months_between(D(2026, 9, 1), D(2026, 11, 29)) == 2
    assert m.months_between(D(2026, 9, 1), D(2027, 5, 31)) == 9
    assert m.months_between(D(2026, 9, 1), D(2027, 8, 31)) == 12
    assert m.programme_length(D(2026, 9, 1), D(2026, 12, 1)) == (3, 1)
    assert m.months_between(D(2026, 9, 1), D(2026, 8, 1)) == 0


# --- mentor who is also a mentee; the same pair twice ------------------------------------------

def test_mentor_is_mentee_in_overlapping_pair_boundaries():
    mine = pair(mentor="A", mentees=("B",), start=D(2026, 9, 1), end=D(2027, 5, 31))
    touching = pair("q", mentor="C", mentees=("A",), start=D(2027, 5, 31), end=D(2027, 12, 31))
    after = pair("q", mentor="C", mentees=("A",), start=D(2027, 6, 1), end=D(2027, 12, 31))
    assert codes(m.check_overlaps(mine, [touching], PEOPLE, TODAY)) == ["mentor_is_mentee"]
    assert codes(m.check_overlaps(mine, [after], PEOPLE, TODAY)) == []
    [finding] = m.check_overlaps(mine, [touching], PEOPLE, TODAY)
    assert "Антонова Анна" in finding.message and "Сидоров Семён" in finding.message


def test_closed_pair_ends_on_its_actual_end():
    mine = pair(mentor="A", start=D(2026, 9, 1))
    ended_before = pair("q", mentor="C", mentees=("A",), start=D(2026, 1, 10),
                        end=D(2026, 12, 31), actual=D(2026, 8, 31), status="завершена")
    ended_on_start = pair("q", mentor="C", mentees=("A",), start=D(2026, 1, 10),
                          end=D(2026, 12, 31), actual=D(2026, 9, 1), status="прервана")
    assert m.check_overlaps(mine, [ended_before], PEOPLE, TODAY) == []
    assert codes(m.check_overlaps(mine, [ended_on_start], PEOPLE, TODAY)) == ["mentor_is_mentee"]


def test_overdue_active_pair_still_runs_until_closed():
    old = pair("q", mentor="C", mentees=("A",), start=D(2025, 9, 1), end=D(2026, 5, 31))
    mine = pair(mentor="A", start=D(2026, 11, 1), end=D(2027, 5, 31))
    assert codes(m.check_overlaps(mine, [old], PEOPLE, TODAY)) == ["mentor_is_mentee"]
    # On a report date before the new pair starts, the old one has not run on yet.
    assert m.check_overlaps(mine, [old], PEOPLE, D(2026, 10, 1)) == []


def test_mentee_who_mentors_someone_at_the_same_time():
    mine = pair(mentor="A", mentees=("B",))
    other = pair("q", mentor="B", mentees=("E",), start=D(2027, 1, 1), end=D(2027, 6, 1))
    [finding] = m.check_overlaps(mine, [other], PEOPLE, TODAY)
    assert finding.code == "mentee_is_mentor" and "Борисова Белла" in finding.message


@pytest.mark.parametrize("other_start, other_end, expected", [
    (D(2027, 5, 31), D(2027, 9, 30), ["duplicate"]),   # shares the last day
    (D(2027, 6, 1), D(2027, 9, 30), []),               # the next day: a new programme
    (D(2025, 9, 1), D(2026, 8, 31), []),               # the year before, closed on time
])
def test_same_pair_twice(other_start, other_end, expected):
    mine = pair(mentor="A", mentees=("B",), start=D(2026, 9, 1), end=D(2027, 5, 31))
    status = "завершена" if other_end < TODAY else "действует"
    other = pair("q", mentor="A", mentees=("B",), start=other_start, end=other_end,
                 actual=other_end if status == "завершена" else None, status=status)
    assert codes(m.check_overlaps(mine, [other], PEOPLE, TODAY)) == expected


def test_group_sharing_one_mentee_is_a_duplicate_for_that_mentee_only():
    mine = pair(mentor="A", mentees=("B", "E"))
    other = pair("q", mentor="A", mentees=("E", "C"))
    [finding] = m.check_overlaps(mine, [other], PEOPLE, TODAY)
    assert finding.code == "duplicate" and "Ершова Ева" in finding.message
    different_mentor = pair("q", mentor="C", mentees=("B",))
    assert m.check_overlaps(mine, [different_mentor], PEOPLE, TODAY) == []


def test_a_pair_is_not_compared_with_itself():
    mine = pair("p")
    assert m.check_overlaps(mine, [pair("p")], PEOPLE, TODAY) == []


# --- employment of mentee and mentor ------------------------------------------------------------

@pytest.mark.parametrize("hired, dismissed, expected", [
    (D(2026, 9, 1), None, []),                             # hired on the start date
    (D(2026, 9, 2), None, ["mentee_not_employed"]),        # hired the day after
    (None, D(2026, 8, 31), ["mentee_not_employed"]),       # dismissed the day before
    (None, D(2026, 9, 1), ["mentee_dismissed"]),           # dismissed on the start date:
    #                                                        employed that day (ст. 84.1)
    (None, D(2026, 9, 2), ["mentee_dismissed"]),           # dismissed later, pair still active
    (None, D(2026, 11, 24), []),                           # dismissal still to come
    (None, None, []),                                      # dates unknown
])
def test_mentee_employed_on_start(hired, dismissed, expected):
    people = {**PEOPLE, "B": PersonFacts("B", "Борисова Белла", hired, dismissed)}
    assert codes(m.check_employment(pair(start=D(2026, 9, 1)), people, TODAY)) == expected


def test_mentor_not_employed_and_dismissal_of_closed_pair():
    people = {**PEOPLE, "A": PersonFacts("A", "Антонова Анна", D(2026, 10, 1))}
    [finding] = m.check_employment(pair(start=D(2026, 9, 1)), people, TODAY)
    assert finding.code == "mentor_not_employed" and "принят(а) 01.10.2026" in finding.message
    people = {**PEOPLE, "B": PersonFacts("B", "Борисова Белла", None, D(2027, 1, 10))}
    closed = pair(actual=D(2027, 1, 10), status="прервана")
    assert m.check_employment(closed, people, D(2027, 2, 1)) == []


# --- past end, order ----------------------------------------------------------------------------

def test_past_end_boundaries():
    assert m.check_past_end(pair(end=TODAY), TODAY) == []
    assert codes(m.check_past_end(pair(end=TODAY - dt.timedelta(days=1)), TODAY)) == ["past_end"]
    done = pair(end=D(2026, 5, 31), actual=D(2026, 5, 31), status="завершена")
    assert m.check_past_end(done, TODAY) == []


def test_order():
    assert codes(m.check_order(pair(order="", order_date=None))) == ["no_order"]
    assert codes(m.check_order(pair(order="  ", order_date=D(2026, 9, 1)))) == ["no_order"]
    assert codes(m.check_order(pair(order="45-о", order_date=None))) == ["order_no_date"]
    assert m.check_order(pair(order="45-о", order_date=D(2026, 9, 1))) == []


def test_check_pair_collects_everything_in_order():
    p = pair(start=D(2026, 9, 1), end=D(2026, 10, 31), order="")
    assert codes(m.check_pair(p, [], PEOPLE, TODAY)) == ["too_short", "past_end", "no_order"]
    assert m.row_flags(p, TODAY) == ("too_short", "past_end", "no_order")


# --- events and closing -------------------------------------------------------------------------

@pytest.mark.parametrize("day, status, expected", [
    (D(2026, 9, 1), "проведено", []),
    (D(2026, 8, 31), "проведено", ["event_outside"]),
    (D(2027, 5, 31), "запланировано", []),
    (D(2027, 6, 1), "запланировано", ["event_outside"]),
    (TODAY, "проведено", []),
    (TODAY + dt.timedelta(days=1), "проведено", ["event_future_held"]),
    (TODAY + dt.timedelta(days=1), "запланировано", []),
])
def test_event_checks(day, status, expected):
    found = m.check_event(m.EventFacts(day, status), pair(), TODAY)
    assert codes(found) == expected


def test_event_after_actual_end_of_closed_pair():
    closed = pair(actual=D(2027, 3, 1), status="прервана")
    assert codes(m.check_event(m.EventFacts(D(2027, 3, 2), "проведено"), closed,
                               D(2027, 4, 1))) == ["event_outside"]


def test_closing():
    p = pair(start=D(2026, 9, 1))
    errors, warnings = m.check_closing("завершена", D(2026, 8, 31), "", p, held=0, planned=2)
    assert set(errors) == {"date", "result"}
    assert "01.09.2026" in errors["date"]
    assert len(warnings) == 2
    errors, warnings = m.check_closing("прервана", D(2026, 9, 1), "увольнение", p, 3, 0)
    assert errors == {} and warnings == []
    errors, _ = m.check_closing("прервана", None, " ", p, 3, 0)
    assert errors["result"] == "Укажите причину прекращения" and "date" in errors


# --- support on a date, new staff, defaults ------------------------------------------------------

def test_active_on_boundaries():
    """domain.md §6: start ≤ D ≤ (actual end, else planned end), mentor and a mentee
    employed on D."""
    day = dt.timedelta(days=1)
    assert m.active_on(pair(start=TODAY), TODAY, PEOPLE)
    assert not m.active_on(pair(start=TODAY + day), TODAY, PEOPLE)
    assert m.active_on(pair(actual=TODAY, status="завершена"), TODAY, PEOPLE)
    assert not m.active_on(pair(actual=TODAY - day, status="завершена"), TODAY, PEOPLE)
    started = TODAY - dt.timedelta(days=100)
    assert m.active_on(pair(start=started, end=TODAY), TODAY, PEOPLE)
    expired = pair(start=started, end=TODAY - day)
    assert m.pair_state(expired, TODAY, PEOPLE) == "expired"
    gone = {**PEOPLE, "A": PersonFacts("A", "Антонова Анна", None, TODAY - day)}
    assert m.pair_state(pair(start=started), TODAY, gone) == "mentor_gone"
    last_day = {**PEOPLE, "A": PersonFacts("A", "Антонова Анна", None, TODAY)}
    assert m.active_on(pair(start=started), TODAY, last_day)
    no_mentee = {k: v for k, v in PEOPLE.items() if k != "B"}          # deleted
    assert m.pair_state(pair(start=started), TODAY, no_mentee) == "mentees_gone"
    assert m.active_on(pair(start=started, mentees=("B", "X")), TODAY, PEOPLE)


def test_new_staff_boundaries():
    assert not m.is_new_staff(D(2025, 11, 23), TODAY)      # exactly 12 months ago
    assert m.is_new_staff(D(2025, 11, 24), TODAY)
    assert m.is_new_staff(TODAY, TODAY)
    assert not m.is_new_staff(TODAY + dt.timedelta(days=1), TODAY)
    assert not m.is_new_staff(None, TODAY)
    assert m.is_new_staff(D(2026, 6, 1), TODAY, months=6)
    assert not m.is_new_staff(D(2026, 5, 23), TODAY, months=6)


@pytest.mark.parametrize("start, expected", [
    (D(2026, 9, 1), D(2027, 5, 31)),
    (D(2026, 11, 23), D(2027, 5, 31)),
    (D(2027, 2, 28), D(2027, 5, 31)),     # 3 months and 3 days left
    (D(2027, 3, 1), D(2027, 5, 31)),      # 01.03–31.05 is 3 months inclusive
    (D(2027, 3, 2), D(2028, 3, 1)),       # under 3 months to May: a full year instead
    (D(2026, 6, 15), D(2027, 5, 31)),     # summer: the coming school year
])
def test_default_planned_end(start, expected):
    end = m.default_planned_end(start)
    assert end == expected
    assert m.check_length(start, end) == []


def test_academic_years():
    assert m.academic_year(D(2026, 8, 31)) == 2025
    assert m.academic_year(D(2026, 9, 1)) == 2026
    assert m.academic_year_label(2025) == "2025/26"
    assert m.academic_year_label(2099) == "2099/00"


# --- load and suggestions -------------------------------------------------------------------------

def test_mentor_load_now_and_per_school_year():
    pairs = [
        pair("1", "A", ("B",), D(2024, 9, 1), D(2025, 5, 31), D(2025, 5, 31), "завершена"),
        pair("2", "A", ("C", "E"), D(2025, 3, 1), D(2026, 2, 28), D(2025, 12, 1), "прервана"),
        pair("3", "A", ("B",), D(2026, 9, 1), D(2027, 5, 31)),
        pair("4", "C", ("E",), D(2026, 12, 1), D(2027, 6, 30)),       # starts later
    ]
    load = m.mentor_load(pairs, TODAY, [2024, 2025, 2026], PEOPLE)
    assert load["A"] == m.Load(now_pairs=1, now_mentees=1, per_year=(2, 1, 1), total=3)
    assert load["C"] == m.Load(0, 0, (0, 0, 1), 1)


def test_rank_mentors():
    people = [
        Candidate("1", "Аверина", frozenset({"математика"}), frozenset(), "высшая", load=2),
        Candidate("2", "Белова", frozenset({"математика"}), frozenset(), "первая", load=0),
        Candidate("3", "Васина", frozenset({"физика"}), frozenset({"ШМО-1"}), "высшая", load=0),
        Candidate("4", "Глебова", frozenset({"математика"}), frozenset(), "", load=0),
        Candidate("5", "Данилова", frozenset({"математика"}), frozenset(), "высшая", young=True),
        Candidate("6", "Егорова", frozenset({"история"}), frozenset(), "высшая"),
    ]
    ranked = m.rank_mentors({"математика"}, {"ШМО-1"}, people)
    assert [s.candidate.id for s in ranked if s.suggested] == ["2", "3", "1"]
    assert [s.candidate.id for s in ranked if not s.suggested] == ["5", "4", "6"]
    assert ranked[0].reasons == ("предмет",)
    assert ranked[1].reasons == ("МО",)
