"""Mentorship rules (domain.md §3, methodical recommendations АЗ-1128/08/657 of 21.12.2021).

Pure functions over small facts about pairs and people: the checks that warn before a
pair is saved (and are listed on its card), the periods used for overlap and load, the
"new staff" threshold, the default planned end, and the ranking of suggested mentors.
Storage gathers the facts and passes them in; nothing here touches the database.

A warning never blocks saving: real histories have exceptions. Each finding carries a
code (for tests and filters) and a Russian message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from metodkab import strings as S
from metodkab.domain.parse import add_months, format_date
from metodkab.reports.rules import employed_on

ACTIVE = "действует"
MIN_MONTHS = 3
MAX_MONTHS = 12
NEW_STAFF_MONTHS = 12


@dataclass(frozen=True)
class PairFacts:
    """What the checks need to know about one mentorship (pair or group)."""

    id: str | None
    mentor_id: str
    mentee_ids: tuple[str, ...]
    start: dt.date
    planned_end: dt.date
    actual_end: dt.date | None = None
    status: str = ACTIVE
    order_number: str = ""
    order_date: dt.date | None = None


@dataclass(frozen=True)
class PersonFacts:
    id: str
    name: str
    hire_date: dt.date | None = None
    dismissal_date: dt.date | None = None


@dataclass(frozen=True)
class Finding:
    code: str
    message: str


# --- periods -------------------------------------------------------------------------------


def pair_period(pair: PairFacts, day: dt.date) -> tuple[dt.date, dt.date]:
    """The days a pair covers: from its start to its actual end once closed; an active
    pair runs to its planned end, or on to ``day`` while it is overdue and not closed."""
    if pair.status != ACTIVE and pair.actual_end is not None:
        return pair.start, pair.actual_end
    return pair.start, max(pair.planned_end, day)


def overlaps(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """Two closed date ranges share at least one day."""
    return a[0] <= b[1] and b[0] <= a[1]


def runs_on(pair: PairFacts, day: dt.date) -> bool:
    """The programme's dates cover D: start ≤ D ≤ (actual end, else planned end). A pair
    closed on D still runs that day; one closed (завершена / прервана) without a date
    does not run."""
    if pair.start > day:
        return False
    if pair.actual_end is not None:
        return day <= pair.actual_end
    return pair.status == ACTIVE and day <= pair.planned_end


def employed_in(people: Mapping[str, Any], person_id: str, day: dt.date) -> bool:
    """``person_id`` is employed on D (reports.rules.employed_on); someone not in
    ``people`` (deleted) is not."""
    person = people.get(person_id)
    return person is not None and employed_on(person.hire_date, person.dismissal_date, day)


def active_on(pair: PairFacts, day: dt.date, people: Mapping[str, Any]) -> bool:
    """A mentorship is active on D (domain.md §6): its dates cover D (``runs_on``), its
    mentor is employed on D and at least one of its mentees (not deleted) is employed on
    D. ``people``: every person not deleted, by id (facts with hire and dismissal dates)."""
    return pair_state(pair, day, people) == "active"


# The states of a pair on D, and why a pair that is not active is not (pair_state).
STATES = ("active", "not_started", "closed", "expired", "mentor_gone", "mentees_gone")


def pair_state(pair: PairFacts, day: dt.date, people: Mapping[str, Any]) -> str:
    """One of STATES: not started yet; closed before D; «срок истёк» (planned end passed,
    not closed); the mentor not employed on D; no mentee employed on D; else active."""
    if pair.start > day:
        return "not_started"
    if not runs_on(pair, day):
        if pair.actual_end is None and pair.status == ACTIVE:
            return "expired"
        return "closed"
    if not employed_in(people, pair.mentor_id, day):
        return "mentor_gone"
    if not any(employed_in(people, m, day) for m in pair.mentee_ids):
        return "mentees_gone"
    return "active"


def state_reason(state: str) -> str:
    """Why a pair is not counted as active (the mark on a register row); '' when it is."""
    return S.MENT_STATE_REASONS.get(state, "")


def programme_length(start: dt.date, end: dt.date) -> tuple[int, int]:
    """The length of a programme from ``start`` to ``end`` inclusive, in whole calendar
    months and the days left over: 01.09–30.11 is (3, 0), 01.09–31.08 is (12, 0),
    01.09–31.05 is (9, 0), 01.09–01.12 is (3, 1)."""
    after = end + dt.timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    if add_months(start, months) > after:
        months -= 1
    months = max(months, 0)
    return months, (after - add_months(start, months)).days


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months of the programme ``start`` – ``end`` inclusive (programme_length)."""
    return programme_length(start, end)[0]


def length_text(start: dt.date, end: dt.date) -> str:
    """«3 мес.», «3 мес. 1 дн.»: the length as the checks word it."""
    months, days = programme_length(start, end)
    text = S.MENT_LENGTH_MONTHS.format(months=months)
    return text + S.MENT_LENGTH_DAYS.format(days=days) if days else text


def academic_year(day: dt.date) -> int:
    """The first calendar year of the school year containing ``day`` (01.09 – 31.08)."""
    return day.year if day.month >= 9 else day.year - 1


def academic_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 9, 1), dt.date(year + 1, 8, 31)


def academic_year_label(year: int) -> str:
    """2025/26"""
    return f"{year}/{(year + 1) % 100:02d}"


def new_staff_hired_after(day: dt.date, months: int = NEW_STAFF_MONTHS) -> dt.date:
    """A person is new staff on ``day`` when hired strictly after this day (and not after ``day``)."""
    return add_months(day, -months)


def is_new_staff(hire_date: dt.date | None, day: dt.date, months: int = NEW_STAFF_MONTHS) -> bool:
    if hire_date is None:
        return False
    return new_staff_hired_after(day, months) < hire_date <= day


def default_planned_end(start: dt.date, min_months: int = MIN_MONTHS,
                        max_months: int = MAX_MONTHS) -> dt.date:
    """The planned end offered for a new pair: the coming 31 May (the end of the school
    year) when that leaves ``min_months`` to ``max_months``; otherwise the longest allowed
    programme."""
    may = dt.date(start.year + (1 if start.month >= 6 else 0), 5, 31)
    if length_ok(start, may, min_months, max_months):
        return may
    return add_months(start, max_months) - dt.timedelta(days=1)


# --- the checks ----------------------------------------------------------------------------


def _period_text(period: tuple[dt.date, dt.date]) -> str:
    return f"{format_date(period[0])} – {format_date(period[1])}"


def length_ok(start: dt.date, end: dt.date, min_months: int = MIN_MONTHS,
              max_months: int = MAX_MONTHS) -> bool:
    """The programme lasts from ``min_months`` to ``max_months`` calendar months inclusive
    (programme_length): 01.09–30.11 is 3 months, 01.09–31.08 is 12, 01.09–01.09 is longer."""
    months, days = programme_length(start, end)
    return min_months <= months and (months, days) <= (max_months, 0)


def check_length(start: dt.date, planned_end: dt.date, min_months: int = MIN_MONTHS,
                 max_months: int = MAX_MONTHS) -> list[Finding]:
    """The personalised programme lasts from ``min_months`` to ``max_months`` months
    (``length_ok``); the message names its length."""
    if length_ok(start, planned_end, min_months, max_months):
        return []
    code, text = (("too_short", S.MENT_WARN_TOO_SHORT)
                  if programme_length(start, planned_end)[0] < min_months
                  else ("too_long", S.MENT_WARN_TOO_LONG))
    return [Finding(code, text.format(months=length_text(start, planned_end), min=min_months,
                                      max=max_months))]


def has_order(pair: PairFacts) -> bool:
    """A pair has an order when its order number is recorded (§6: a missing order date is
    asked for on the card, the pair is not «без приказа»)."""
    return bool(pair.order_number.strip())


def check_order(pair: PairFacts) -> list[Finding]:
    """A school order (приказ) assigns every pair."""
    if not has_order(pair):
        return [Finding("no_order", S.MENT_WARN_NO_ORDER)]
    if pair.order_date is None:
        return [Finding("order_no_date", S.MENT_WARN_ORDER_NO_DATE)]
    return []


def check_past_end(pair: PairFacts, day: dt.date) -> list[Finding]:
    """An active pair whose planned end is before ``day`` and that is not closed (no actual
    end): «срок истёк», to be completed or extended."""
    if pair.status == ACTIVE and pair.actual_end is None and pair.planned_end < day:
        return [Finding("past_end", S.MENT_WARN_PAST_END.format(
            date=format_date(pair.planned_end)))]
    return []


def _name(people: Mapping[str, PersonFacts], person_id: str) -> str:
    person = people.get(person_id)
    return person.name if person else "?"


def check_employment(pair: PairFacts, people: Mapping[str, PersonFacts],
                     day: dt.date) -> list[Finding]:
    """Mentees (and the mentor) must work at the school on the start date; an active pair
    whose participant has since been dismissed should be closed."""
    found: list[Finding] = []
    roles = [(pair.mentor_id, "mentor")] + [(m, "mentee") for m in pair.mentee_ids]
    for person_id, role in roles:
        person = people.get(person_id)
        if person is None:
            continue
        who = S.MENT_ROLE_MENTOR if role == "mentor" else S.MENT_ROLE_MENTEE
        if person.hire_date is not None and person.hire_date > pair.start:
            found.append(Finding(f"{role}_not_employed", S.MENT_WARN_NOT_HIRED.format(
                who=who, name=person.name, start=format_date(pair.start),
                hired=format_date(person.hire_date))))
        elif not employed_on(None, person.dismissal_date, pair.start):
            found.append(Finding(f"{role}_not_employed", S.MENT_WARN_DISMISSED_BEFORE.format(
                who=who, name=person.name, start=format_date(pair.start),
                dismissed=format_date(person.dismissal_date))))
        elif (pair.status == ACTIVE and person.dismissal_date is not None
              and not employed_on(None, person.dismissal_date, day)):
            found.append(Finding(f"{role}_dismissed", S.MENT_WARN_DISMISSED_DURING.format(
                who=who, name=person.name, dismissed=format_date(person.dismissal_date))))
    return found


def check_overlaps(pair: PairFacts, others: Iterable[PairFacts],
                   people: Mapping[str, PersonFacts], day: dt.date) -> list[Finding]:
    """The same pair twice at once; a mentor who is a mentee in an overlapping pair; a
    mentee who mentors someone else at the same time."""
    found: list[Finding] = []
    period = pair_period(pair, day)
    mentees = set(pair.mentee_ids)
    for other in others:
        if other.id is not None and other.id == pair.id:
            continue
        other_period = pair_period(other, day)
        if not overlaps(period, other_period):
            continue
        when = _period_text(other_period)
        if other.mentor_id == pair.mentor_id:
            for mentee in sorted(mentees & set(other.mentee_ids), key=lambda m: _name(people, m)):
                found.append(Finding("duplicate", S.MENT_WARN_DUPLICATE.format(
                    mentor=_name(people, pair.mentor_id), mentee=_name(people, mentee),
                    period=when)))
        if pair.mentor_id in other.mentee_ids:
            found.append(Finding("mentor_is_mentee", S.MENT_WARN_MENTOR_IS_MENTEE.format(
                name=_name(people, pair.mentor_id), other=_name(people, other.mentor_id),
                period=when)))
        for mentee in sorted(mentees, key=lambda m: _name(people, m)):
            if other.mentor_id == mentee:
                found.append(Finding("mentee_is_mentor", S.MENT_WARN_MENTEE_IS_MENTOR.format(
                    name=_name(people, mentee), period=when)))
    return found


def check_pair(pair: PairFacts, others: Iterable[PairFacts], people: Mapping[str, PersonFacts],
               day: dt.date, min_months: int = MIN_MONTHS,
               max_months: int = MAX_MONTHS) -> list[Finding]:
    """Every warning about one pair, in the order the card lists them."""
    return [
        *check_length(pair.start, pair.planned_end, min_months, max_months),
        *check_overlaps(pair, others, people, day),
        *check_employment(pair, people, day),
        *check_past_end(pair, day),
        *check_order(pair),
    ]


def row_flags(pair: PairFacts, day: dt.date, min_months: int = MIN_MONTHS,
              max_months: int = MAX_MONTHS) -> tuple[str, ...]:
    """The codes of the checks that need only the pair itself (the register's «!» column)."""
    return tuple(f.code for f in (*check_length(pair.start, pair.planned_end, min_months,
                                                max_months),
                                  *check_past_end(pair, day), *check_order(pair)))


@dataclass(frozen=True)
class EventFacts:
    date: dt.date
    status: str


def check_event(event: EventFacts, pair: PairFacts, today: dt.date) -> list[Finding]:
    """A meeting outside the programme's dates, or marked held on a day still to come."""
    found: list[Finding] = []
    end = pair.actual_end if pair.status != ACTIVE and pair.actual_end else pair.planned_end
    if event.date < pair.start or event.date > end:
        found.append(Finding("event_outside", S.MENT_WARN_EVENT_OUTSIDE.format(
            start=format_date(pair.start), end=format_date(end))))
    if event.status == "проведено" and event.date > today:
        found.append(Finding("event_future_held", S.MENT_WARN_EVENT_FUTURE.format(
            date=format_date(event.date))))
    return found


def check_closing(status: str, day: dt.date | None, result: str, pair: PairFacts,
                  held: int, planned: int) -> tuple[dict[str, str], list[str]]:
    """Completing or breaking off: (errors per field, warnings).

    The date is required and not before the start; the result (or the reason for breaking
    off) is required. Warnings: nothing held, planned activities left.
    """
    errors: dict[str, str] = {}
    if day is None:
        errors["date"] = S.MENT_CLOSE_NEED_DATE
    elif day < pair.start:
        errors["date"] = S.MENT_CLOSE_BEFORE_START.format(start=format_date(pair.start))
    if not result.strip():
        errors["result"] = (S.MENT_CLOSE_NEED_RESULT if status == "завершена"
                            else S.MENT_CLOSE_NEED_REASON)
    return errors, closing_warnings(held, planned)


def closing_warnings(held: int, planned: int) -> list[str]:
    """What the close dialog points out: no meeting held, planned activities left."""
    warnings: list[str] = []
    if held == 0:
        warnings.append(S.MENT_CLOSE_NO_MEETINGS)
    if planned:
        warnings.append(S.MENT_CLOSE_PLANNED_LEFT.format(count=planned))
    return warnings


# --- suggested mentors ---------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A possible mentor as storage reads him or her on the report date."""

    id: str
    name: str
    subjects: frozenset[str] = frozenset()
    association_ids: frozenset[str] = frozenset()
    category: str = ""
    load: int = 0               # active pairs as mentor on the report date
    young: bool = False         # a young specialist himself or herself
    mentee: bool = False        # currently supported by a mentor


@dataclass(frozen=True)
class Suggestion:
    candidate: Candidate
    suggested: bool
    same_subject: bool
    same_association: bool
    reasons: tuple[str, ...] = field(default_factory=tuple)


CATEGORY_WEIGHT = {"первая": 1, "высшая": 2, "педагог-методист": 3, "педагог-наставник": 3}


def rank_mentors(subjects: Iterable[str], association_ids: Iterable[str],
                 candidates: Sequence[Candidate]) -> list[Suggestion]:
    """Candidates in the order to offer them.

    Suggested first: same subject or methodical association *and* holding a category, not
    a young specialist or a mentee. Among them: the smaller current load first, then the
    subject match, the association match, the higher category, the name.
    Everyone else follows in the same order.
    """
    subjects = set(subjects)
    associations = set(association_ids)
    result: list[tuple[tuple, Suggestion]] = []
    for c in candidates:
        same_subject = bool(subjects & c.subjects)
        same_association = bool(associations & c.association_ids)
        reasons = []
        if same_subject:
            reasons.append(S.MENT_MATCH_SUBJECT)
        if same_association:
            reasons.append(S.MENT_MATCH_ASSOCIATION)
        suggested = ((same_subject or same_association) and bool(c.category)
                     and not c.young and not c.mentee)
        key = (not suggested, c.load, not same_subject, not same_association,
               -CATEGORY_WEIGHT.get(c.category, 0), c.name)
        result.append((key, Suggestion(c, suggested, same_subject, same_association,
                                       tuple(reasons))))
    result.sort(key=lambda pair: pair[0])
    return [s for _, s in result]


# --- mentor load ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    """One mentor's load: pairs and mentees on the report date, pairs per school year."""

    now_pairs: int
    now_mentees: int
    per_year: tuple[int, ...]
    total: int


def mentor_load(pairs: Iterable[PairFacts], day: dt.date, years: Sequence[int],
                people: Mapping[str, Any]) -> dict[str, Load]:
    """Per mentor: pairs active on ``day`` (and their mentees), and the pairs that ran at
    any time in each school year of ``years`` (a pair over two school years counts in both)."""
    now_pairs: dict[str, int] = {}
    now_mentees: dict[str, int] = {}
    per_year: dict[str, list[int]] = {}
    total: dict[str, int] = {}
    bounds = [academic_year_bounds(y) for y in years]
    for pair in pairs:
        mentor = pair.mentor_id
        per_year.setdefault(mentor, [0] * len(bounds))
        total[mentor] = total.get(mentor, 0) + 1
        if active_on(pair, day, people):
            now_pairs[mentor] = now_pairs.get(mentor, 0) + 1
            now_mentees[mentor] = now_mentees.get(mentor, 0) + len(pair.mentee_ids)
        period = pair_period(pair, day)
        for index, year in enumerate(bounds):
            if overlaps(period, year):
                per_year[mentor][index] += 1
    return {m: Load(now_pairs.get(m, 0), now_mentees.get(m, 0), tuple(per_year[m]), total[m])
            for m in per_year}
