"""Attestation rules (domain.md §3; Приказ Минпросвещения № 196 от 24.03.2023; 273-ФЗ ст. 49).

- Categories are per position. The «level» track is первая → высшая (a newer decision
  replaces the older); педагог-методист and педагог-наставник are tracks of their own that
  need a valid высшая for the same position.
- высшая no earlier than 2 years after первая; a category set before 01.09.2023 keeps its
  5-year term, later ones may be indefinite.
- Applications take up to 90 days: a category is listed from 6 months before it ends and
  shown red under 3 months (both are settings).
- A category whose decision date nobody stated (a staff list said «высшая» and no date) is
  held — the list says so, and a missing date takes nothing away — but its term cannot be
  counted: it is listed with the categories ending soon as «уточнить дату решения» until
  the date is entered, is never «ending» unless its «действует до» is known, and makes no
  one eligible for a higher category (the 2 years after первая cannot be counted). Among
  decisions of one position and track it is the oldest.
- Conformity attestation (СЗД) at least once every 5 years for those without a category,
  not before 2 years in post; an exemption suspends it.
- A decision or an СЗД known only by its year («первая 2019», «СЗД 2021»; precision
  "year") is stored as 1 January of that year and shown «2019 г.». The figures read it as
  the courses are read (reports/training.py): from 1 January, the earliest day the year
  allows — so the category is held from 1 January, its 5-year term (a decision before
  01.09.2023 with no «действует до» stated) is counted to 1 January five years on, and the
  next СЗД is due from 1 January five years on: nobody counts as attested longer than the
  source shows. Where the unknown day alone decides a list, the list does not guess
  either way: a category whose term may or may not end within the warning window (or may
  already have ended: 2019 → sometime in 2024) is listed with the ending ones as
  «уточнить дату решения» (``expiring``) until the date is entered; первая known by its
  year makes one a candidate for высшая «уточнить дату решения» during the year its two
  years end, and surely after it (``eligibility``); an СЗД whose next one may or may not
  be due (or soon due) is «уточнить» (``conformity_state``), never «пора» or «в порядке».
- A «действует до» known only by its year («до 2024»; ``until_precision`` "year") is
  stored as 1 January of that year and shown «до 2024 г.». It is read the same way: the
  figures take its 1 January as the last valid day (nobody counts as holding a category
  longer than the source shows), and a list that only the unknown day decides (the term
  ends sometime in 2024: within the window or not, ended or not) says «уточнить дату
  решения» (``term_span``, ``term_unsure``, ``expiring``).

Pure functions over small facts; storage gathers them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from metodkab import strings as S
from metodkab.domain.parse import add_months, add_years, format_date, format_end

FIRST, HIGHER = "первая", "высшая"
METHODIST, MENTOR = "педагог-методист", "педагог-наставник"
INDEFINITE_FROM = dt.date(2023, 9, 1)
TERM_YEARS = 5
HIGHER_AFTER_YEARS = 2
CONFORMITY_YEARS = 5
MIN_YEARS_IN_POST = 2
IN_POST_REASON = "менее 2 лет в должности"
FAILED_RESULT = "не соответствует"        # domain/values.py CONFORMITY_RESULTS[1]
WARN_MONTHS = 6
RED_MONTHS = 3
APPLICATION_MONTHS = 3


@dataclass(frozen=True)
class CategoryFacts:
    id: str | None
    position: str
    category: str
    decision_date: dt.date | None           # None: stated without a date («уточнить»)
    valid_until: dt.date | None = None
    decision_precision: str = "day"         # "year": known only by its year (1 January)
    until_precision: str = "day"            # "year": «до 2024 г.» (valid_until its 1 January)


@dataclass(frozen=True)
class Finding:
    code: str
    message: str


def track(category: str) -> str:
    """первая and высшая share one track (a newer decision replaces the older)."""
    return "level" if category in (FIRST, HIGHER) else category


YEAR_ONLY = "year"


def term_end(decision_date: dt.date | None, valid_until: dt.date | None,
             precision: str = "day") -> dt.date | None:
    """The last valid day the figures count: «действует до» as stored (None: indefinite);
    for a decision known only by its year with no end stated, the term counted from its
    1 January (the earliest: 2019 → 01.01.2024; a year from 2024 on: indefinite)."""
    if valid_until is not None or precision != YEAR_ONLY or decision_date is None:
        return valid_until
    return default_valid_until(decision_date)


def decision_text(decision_date: dt.date | None, precision: str = "day") -> str:
    """A decision or СЗД date as its source stated it: ДД.ММ.ГГГГ, «2019 г.», or ''."""
    return format_end(decision_date, precision)


def until_text(decision_date: dt.date | None, valid_until: dt.date | None,
               precision: str = "day", until_precision: str = "day") -> str:
    """«действует до» as shown: the stated day, an end stated by its year or a year-only
    decision's counted term by its year («2024 г.»), or '' (indefinite, or not known
    without a decision date)."""
    end = term_end(decision_date, valid_until, precision)
    return format_end(end, until_precision if valid_until is not None else precision)


def until_by_year(valid_until: dt.date | None, until_precision: str) -> bool:
    """«действует до» was stated by its year: what to clarify is the term, not the decision."""
    return valid_until is not None and until_precision == YEAR_ONLY


def end_year_only(cat: CategoryFacts) -> bool:
    """The last valid day is known only by its year: stated so («до 2024»), or counted
    from a decision known by its year — shown «2024 г.»."""
    if cat.valid_until is not None:
        return cat.until_precision == YEAR_ONLY
    return cat.decision_precision == YEAR_ONLY and cat.decision_date is not None


def term_span(cat: CategoryFacts) -> tuple[dt.date | None, dt.date | None]:
    """The earliest and the latest last valid day the source allows (None: no end). One
    day for a stated date; a year-only decision's term ends within a year (2019 → 2024),
    and one of 2023 ends in 2028 or never (before or after 01.09.2023); an end stated by
    its year («до 2024») ends within that year."""
    earliest = term_end(cat.decision_date, cat.valid_until, cat.decision_precision)
    if cat.valid_until is not None and cat.until_precision == YEAR_ONLY:
        return earliest, dt.date(cat.valid_until.year, 12, 31)
    if cat.valid_until is not None or cat.decision_precision != YEAR_ONLY \
            or cat.decision_date is None:
        return earliest, earliest
    return earliest, default_valid_until(dt.date(cat.decision_date.year, 12, 31))


def category_valid_on(decision_date: dt.date | None, valid_until: dt.date | None,
                      day: dt.date, precision: str = "day") -> bool:
    """A category is valid on ``day`` from its decision date through its last valid day
    (no end: valid on). A decision date nobody stated does not take the category away: it
    is held through ``valid_until`` if known (and listed by ``needs_date``); one known by
    its year is held from its 1 January through ``term_end``. The one copy of the rule:
    SQL calls it too (storage/rulesql)."""
    end = term_end(decision_date, valid_until, precision)
    return ((decision_date is None or decision_date <= day)
            and (end is None or end >= day))


def needs_date(cat: CategoryFacts) -> bool:
    """A held category whose decision date is not known: «уточнить дату решения»."""
    return cat.decision_date is None


def decided_order(decision_date: dt.date | None) -> dt.date:
    """The order of decisions: one without a date counts as older than any dated one."""
    return dt.date.min if decision_date is None else decision_date


def valid_on(cat: CategoryFacts, day: dt.date) -> bool:
    return category_valid_on(cat.decision_date, cat.valid_until, day, cat.decision_precision)


def default_valid_until(decision: dt.date | None) -> dt.date | None:
    """A category set before 01.09.2023 keeps its 5-year term; later ones are indefinite
    (and one without a decision date has no term to count)."""
    if decision is None:
        return None
    return add_years(decision, TERM_YEARS) if decision < INDEFINITE_FROM else None


def latest(cats: Iterable[CategoryFacts], day: dt.date) -> dict[tuple[str, str], CategoryFacts]:
    """The latest decision on or before ``day`` per (position, track), valid or not."""
    found: dict[tuple[str, str], CategoryFacts] = {}
    for cat in cats:
        if cat.decision_date is not None and cat.decision_date > day:
            continue
        key = (cat.position, track(cat.category))
        old = found.get(key)
        if old is None or decided_order(cat.decision_date) > decided_order(old.decision_date):
            found[key] = cat
    return found


def current(cats: Iterable[CategoryFacts], day: dt.date) -> list[CategoryFacts]:
    """The categories a person holds on ``day``: the latest per position and track, if valid."""
    return sorted((c for c in latest(cats, day).values() if valid_on(c, day)),
                  key=lambda c: (c.position, decided_order(c.decision_date)))


def superseded(cat: CategoryFacts, cats: Iterable[CategoryFacts]) -> bool:
    """A newer decision on the same position and track replaced this one."""
    return any(o.position == cat.position and track(o.category) == track(cat.category)
               and decided_order(o.decision_date) > decided_order(cat.decision_date)
               for o in cats)


# --- expiring ------------------------------------------------------------------------------


def expiry_level(valid_until: dt.date | None, day: dt.date, warn_months: int = WARN_MONTHS,
                 red_months: int = RED_MONTHS) -> str | None:
    """"red" when under ``red_months`` are left (the day it ends included), "warn" within
    ``warn_months``; None when indefinite, already ended or further away."""
    if valid_until is None or valid_until < day:
        return None
    if valid_until < add_months(day, red_months):
        return "red"
    if valid_until <= add_months(day, warn_months):
        return "warn"
    return None


def apply_by(valid_until: dt.date) -> dt.date:
    """The last day to apply so that the 90-day procedure ends before the category does."""
    return add_months(valid_until, -APPLICATION_MONTHS)


def term_unsure(cat: CategoryFacts, day: dt.date, warn_months: int = WARN_MONTHS) -> bool:
    """Only the unknown day of a year-only decision decides whether the category ends
    within the window on ``day`` (or has ended already): «уточнить дату решения»."""
    earliest, latest_end = term_span(cat)
    if earliest is None or earliest == latest_end:
        return False
    window = add_months(day, warn_months)
    if earliest > window or (latest_end is not None and latest_end < day):
        return False                    # surely not within the window / surely ended
    return not (earliest >= day and latest_end is not None and latest_end <= window)


@dataclass(frozen=True)
class Expiry:
    """A category listed with the ending ones: ``until`` its last valid day as counted
    (``term_end``), ``clarify`` when its date must be entered to tell."""

    cat: CategoryFacts
    until: dt.date | None
    red: bool = False
    clarify: bool = False


def expiring(cats: Iterable[CategoryFacts], day: dt.date, warn_months: int = WARN_MONTHS,
             red_months: int = RED_MONTHS) -> list[Expiry]:
    """A person's categories to list as ending on ``day``: held ones ending within the
    window; held ones without a decision date (``needs_date``, unless their stated end
    lists them); and year-only decisions for which the unknown day decides
    (``term_unsure``), held or not as counted — all «уточнить дату решения»."""
    found: list[Expiry] = []
    for cat in latest(cats, day).values():
        until = term_end(cat.decision_date, cat.valid_until, cat.decision_precision)
        if term_unsure(cat, day, warn_months):
            found.append(Expiry(cat, until, clarify=True))
            continue
        if not valid_on(cat, day):
            continue
        level = expiry_level(until, day, warn_months, red_months)
        if level:
            found.append(Expiry(cat, until, red=level == "red"))
        elif needs_date(cat):
            found.append(Expiry(cat, until, clarify=True))
    return found


# --- eligibility ---------------------------------------------------------------------------


def higher_from(first_decision: dt.date) -> dt.date:
    """высшая may be applied for from this day (2 years after первая)."""
    return add_years(first_decision, HIGHER_AFTER_YEARS)


@dataclass(frozen=True)
class Eligibility:
    position: str
    holds: CategoryFacts
    targets: tuple[str, ...]
    clarify: bool = False       # первая known by its year: its 2 years end in an unknown day


def eligibility(cats: Iterable[CategoryFacts], day: dt.date) -> list[Eligibility]:
    """What a person may apply for on ``day``, per position.

    высшая: holding первая for at least 2 years. педагог-методист / педагог-наставник:
    holding a valid высшая (the ones already held are not offered).
    """
    items = list(cats)
    held = current(items, day)
    result: list[Eligibility] = []
    for cat in held:
        if cat.decision_date is None:
            continue                    # nothing to count from until the date is entered
        if cat.category == FIRST and higher_from(cat.decision_date) <= day:
            surely = (cat.decision_precision != YEAR_ONLY
                      or higher_from(dt.date(cat.decision_date.year, 12, 31)) <= day)
            result.append(Eligibility(cat.position, cat, (HIGHER,), clarify=not surely))
        elif cat.category == HIGHER:
            have = {c.category for c in held if c.position == cat.position}
            targets = tuple(t for t in (METHODIST, MENTOR) if t not in have)
            if targets:
                result.append(Eligibility(cat.position, cat, targets))
    return result


# --- checks before saving a category -------------------------------------------------------


def check_category(new: CategoryFacts, others: Iterable[CategoryFacts], *,
                   positions: Iterable[str] = (), today: dt.date | None = None) -> list[Finding]:
    """Warnings about a category about to be saved (the user may save anyway).

    ``others``: the person's other categories (the record itself excluded).
    """
    found: list[Finding] = []
    same = [o for o in others if o.position == new.position and o.id != new.id]
    if new.decision_date is None:
        found.append(Finding("no_date", S.ATT_WARN_NO_DATE))
        return found
    before = [o for o in same if decided_order(o.decision_date) < new.decision_date]
    if new.category == HIGHER:
        had_higher = any(o.category == HIGHER for o in before)
        firsts = [o for o in before if o.category == FIRST]
        if not had_higher:
            if not firsts:
                found.append(Finding("higher_without_first",
                                     S.ATT_WARN_NO_FIRST.format(position=new.position)))
            elif all(o.decision_date is not None for o in firsts):
                first = max(firsts, key=lambda o: decided_order(o.decision_date))
                allowed = higher_from(first.decision_date)
                if new.decision_date < allowed:
                    found.append(Finding("higher_too_early", S.ATT_WARN_TOO_EARLY.format(
                        first=format_date(first.decision_date), date=format_date(allowed))))
    elif new.category in (METHODIST, MENTOR):
        higher = [o for o in same if o.category == HIGHER and valid_on(o, new.decision_date)]
        if not higher:
            found.append(Finding("needs_higher", S.ATT_WARN_NEEDS_HIGHER.format(
                category=new.category, position=new.position)))
    if any(o.category == new.category and o.decision_date == new.decision_date for o in same):
        found.append(Finding("duplicate", S.ATT_WARN_DUPLICATE))
    positions = list(positions)
    if positions and new.position not in positions:
        found.append(Finding("position", S.ATT_WARN_POSITION.format(
            position=new.position, positions=", ".join(positions))))
    if (new.valid_until is None and new.decision_date < INDEFINITE_FROM
            and new.decision_precision != YEAR_ONLY):   # a year's term: counted by the rules
        found.append(Finding("term", S.ATT_WARN_TERM.format(
            date=format_date(default_valid_until(new.decision_date)))))
    if today is not None and new.decision_date > today:
        found.append(Finding("future", S.ATT_WARN_FUTURE))
    return found


# --- conformity attestation (СЗД) -----------------------------------------------------------


@dataclass(frozen=True)
class ConformityFacts:
    date: dt.date | None                # None: a result whose date nobody stated
    result: str | None
    exemption_reason: str = ""
    precision: str = "day"              # "year": known only by its year (1 January)


@dataclass(frozen=True)
class ConformityState:
    """Where a person without a category stands: "failed" (the last СЗД found the person
    not fit for the post: the school has to act, nothing is «next»), "due" (the date has
    come or is unknown), "clarify" (a result is recorded with no date — a list said «СЗД»
    — so the next one cannot be counted: «уточнить»), "soon" (within the warning window),
    "exempt" (until ``until``, or None: until a newer record), "ok" (nothing to do within
    the window)."""

    state: str
    due: dt.date | None = None
    last: dt.date | None = None
    reason: str = ""
    until: dt.date | None = None
    year_only: bool = False     # ``last`` (and so ``due``) known only by its year: «2021 г.»


def exempt_until(reason: str, exemption_date: dt.date,
                 hire_date: dt.date | None) -> dt.date | None:
    """"Less than 2 years in post" ends 2 years after hiring; other exemptions (leave …)
    last until a newer record is entered (None)."""
    if reason == IN_POST_REASON:
        return add_years(hire_date or exemption_date, MIN_YEARS_IN_POST)
    return None


def conformity_state(records: Iterable[ConformityFacts], hire_date: dt.date | None,
                     day: dt.date, period_years: int = CONFORMITY_YEARS,
                     warn_months: int = WARN_MONTHS) -> ConformityState:
    """The СЗД state of a person without a valid category on ``day``.

    The next attestation is due ``period_years`` after the last one with a result; a person
    never attested is due 2 years after hiring (not earlier: 273-ФЗ ст. 49 exemptions).
    """
    records = list(records)
    undated = [r for r in records if r.date is None and r.result]
    items = sorted((r for r in records if r.date is not None and r.date <= day),
                   key=lambda r: r.date)
    results = [r for r in items if r.result]
    last = results[-1].date if results else None
    exemptions = [r for r in items if not r.result and r.exemption_reason]
    if exemptions and (last is None or exemptions[-1].date >= last):
        ex = exemptions[-1]
        until = exempt_until(ex.exemption_reason, ex.date, hire_date)
        if until is None or until > day:
            return ConformityState("exempt", until, last, ex.exemption_reason, until)
    year_only = bool(results) and results[-1].precision == YEAR_ONLY
    if results and results[-1].result == FAILED_RESULT:
        return ConformityState("failed", None, last, year_only=year_only)
    if undated:
        return ConformityState("clarify", None, last, year_only=year_only)
    if last is not None:
        due = add_years(last, period_years)
    elif hire_date is not None:
        due = add_years(hire_date, MIN_YEARS_IN_POST)
    else:
        return ConformityState("due", None, None)

    def state_on(due: dt.date) -> str:
        if due <= day:
            return "due"
        return "soon" if due <= add_months(day, warn_months) else "ok"

    state = state_on(due)
    if year_only and last is not None and state != state_on(
            add_years(dt.date(last.year, 12, 31), period_years)):
        state = "clarify"               # only the unknown day of the last СЗД decides
    return ConformityState(state, due, last, year_only=year_only)
