"""The development programme as numbers: progress, the agenda, computed target values.

Pure functions over facts that storage/programme.py fetches; no SQL, no textual.

Definitions (report date D):

- an activity is **done** on D when its status is «выполнено» and it was done on or before D;
- it is **due** on D when it is not cancelled and its deadline is on or before D;
- it is **overdue** on D when it is not cancelled, not done and its deadline is before D
  (the deadline day itself is still in time — the same rule as the dashboard's to-do list);
- **progress** is done over due, per task, direction and person responsible;
  activities done ahead of their deadline are counted separately («досрочно»): done on D
  on a day before the deadline (done on the deadline day is in time, not early); one done
  without a date counts as early only while its deadline is still ahead of D.

Computed indicators (domain.md §4) that a programme's target indicator can be bound to are
kept in ``COMPUTED_INDICATORS``: a key, a Russian name, a unit and a pure function over
``IndicatorInputs``. The indicators module extends the registry with ``register()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from metodkab import strings as S
from metodkab.domain.parse import add_months, add_years
from metodkab.reports import indicators as ind

DONE = "выполнено"
CANCELLED = "отменено"
POSTPONED = "перенесено"
OPEN_STATUSES = ("запланировано", "в работе", "перенесено")


# --- activities -----------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityFact:
    """What the rules need to know about one activity."""

    id: str
    task_id: str
    direction: str
    status: str
    deadline: dt.date
    done_date: dt.date | None = None
    responsible_ids: tuple[str, ...] = ()


def is_done(fact: ActivityFact, day: dt.date) -> bool:
    return fact.status == DONE and (fact.done_date is None or fact.done_date <= day)


def is_due(fact: ActivityFact, day: dt.date) -> bool:
    return fact.status != CANCELLED and fact.deadline <= day


def is_open(fact: ActivityFact, day: dt.date) -> bool:
    """Still to be done on ``day`` (neither done nor cancelled)."""
    return fact.status != CANCELLED and not is_done(fact, day)


def is_overdue(fact: ActivityFact, day: dt.date) -> bool:
    return is_open(fact, day) and fact.deadline < day


@dataclass(frozen=True)
class Progress:
    """One line of a progress table: counts of activities for a task, direction or person."""

    key: str
    label: str
    total: int = 0        # not cancelled
    due: int = 0          # deadline on or before D
    done: int = 0         # done, among the due ones
    overdue: int = 0      # open with the deadline passed
    ahead: int = 0        # done before the deadline (is_ahead), due by now or not
    cancelled: int = 0

    @property
    def percent(self) -> int | None:
        """Done over due, in whole percent; None when nothing is due yet."""
        if not self.due:
            return None
        return round(100 * self.done / self.due)


def is_ahead(fact: ActivityFact, day: dt.date) -> bool:
    """Done early: done on ``day`` on a date before the deadline — still early after the
    deadline has passed (a seminar held on 14.10 for 15.10 stays «досрочно» in December)."""
    if not is_done(fact, day):
        return False
    if fact.done_date is None:
        return fact.deadline > day
    return fact.done_date < fact.deadline


def _count(key: str, label: str, facts: Iterable[ActivityFact], day: dt.date) -> Progress:
    total = due = done = overdue = ahead = cancelled = 0
    for fact in facts:
        if fact.status == CANCELLED:
            cancelled += 1
            continue
        total += 1
        finished = is_done(fact, day)
        if is_due(fact, day):
            due += 1
            done += finished
        ahead += is_ahead(fact, day)
        overdue += is_overdue(fact, day)
    return Progress(key, label, total, due, done, overdue, ahead, cancelled)


def progress_total(facts: Sequence[ActivityFact], day: dt.date, label: str = "") -> Progress:
    return _count("", label, facts, day)


def progress_by(facts: Sequence[ActivityFact], day: dt.date,
                keys: Callable[[ActivityFact], Iterable[str]],
                labels: Sequence[tuple[str, str]] = (), *, other: str = "") -> list[Progress]:
    """Progress per group. ``keys`` gives the groups of an activity (a person responsible
    for several activities counts in each). ``labels`` fixes the order and names of the
    groups known in advance (tasks); groups not in it follow in alphabetical order, and
    an empty key is shown as ``other``."""
    groups: dict[str, list[ActivityFact]] = {}
    for fact in facts:
        for key in keys(fact) or ("",):
            groups.setdefault(key, []).append(fact)
    names = dict(labels)
    order = [k for k, _ in labels]
    order += sorted((k for k in groups if k not in names and k), key=str.lower)
    if "" in groups and "" not in names:
        order.append("")
    return [_count(k, names.get(k, k or other), groups.get(k, ()), day) for k in order]


def progress_by_task(facts: Sequence[ActivityFact], day: dt.date,
                     tasks: Sequence[tuple[str, str]]) -> list[Progress]:
    return progress_by(facts, day, lambda f: (f.task_id,), tasks)


def progress_by_direction(facts: Sequence[ActivityFact], day: dt.date,
                          other: str = "") -> list[Progress]:
    return progress_by(facts, day, lambda f: (f.direction,), other=other)


def progress_by_person(facts: Sequence[ActivityFact], day: dt.date,
                       names: Sequence[tuple[str, str]], other: str = "") -> list[Progress]:
    """Per person responsible, in the order of ``names`` (people without activities left out)."""
    rows = progress_by(facts, day, lambda f: f.responsible_ids, names, other=other)
    return [r for r in rows if r.total or r.cancelled]


# --- the agenda -----------------------------------------------------------------------

AGENDA_BUCKETS = ("overdue", "this_month", "next_month")


def agenda_bounds(day: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """(first day of D's month, last day of D's month, last day of the next month)."""
    first = day.replace(day=1)
    this_end = add_months(first, 1) - dt.timedelta(days=1)
    next_end = add_months(first, 2) - dt.timedelta(days=1)
    return first, this_end, next_end


def agenda_bucket(fact: ActivityFact, day: dt.date) -> str | None:
    """Where an activity goes in the agenda of ``day``: overdue, due this month, due next
    month — or nowhere (done, cancelled, or later)."""
    if not is_open(fact, day):
        return None
    if fact.deadline < day:
        return "overdue"
    _, this_end, next_end = agenda_bounds(day)
    if fact.deadline <= this_end:
        return "this_month"
    if fact.deadline <= next_end:
        return "next_month"
    return None


# --- copying a year forward -------------------------------------------------------------


def shifted(day: dt.date | None, years: int = 1) -> dt.date | None:
    """The same day ``years`` later (29 February becomes 28 February)."""
    return None if day is None else add_years(day, years)


def year_of_activity(deadline: dt.date) -> int:
    """The year an activity belongs to when a year is copied: its deadline's year."""
    return deadline.year


# --- computed indicators ----------------------------------------------------------------


@dataclass(frozen=True)
class StaffFact:
    """One person as the computed indicators see them on a date (fetched by storage)."""

    id: str
    name: str
    employment: str = "основной"
    hire_date: dt.date | None = None
    dismissal_date: dt.date | None = None
    birth_date: dt.date | None = None
    ped_start_date: dt.date | None = None
    last_training_end: dt.date | None = None   # the last completed ПК/переподготовка ≤ day
    supported: bool = False                    # a support form applies on the day
    #                                            (reports.indicators.support_forms)


@dataclass(frozen=True)
class IndicatorInputs:
    day: dt.date
    settings: dict[str, Any]
    staff: tuple[StaffFact, ...] = ()
    activities: tuple[ActivityFact, ...] = ()


@dataclass(frozen=True)
class IndicatorValue:
    """Count over base and the percent (None when the base is empty); who was counted."""

    count: int
    base: int
    staff_ids: tuple[str, ...] = ()

    @property
    def percent(self) -> float | None:
        if not self.base:
            return None
        return round(100 * self.count / self.base, 1)


@dataclass(frozen=True)
class ComputedIndicator:
    key: str
    name: str
    compute: Callable[[IndicatorInputs], IndicatorValue] = field(repr=False)
    unit: str = "%"
    needs: tuple[str, ...] = ("staff",)       # what storage has to fetch: staff, activities
    lower_is_better: bool = False             # e.g. the share overdue for training


def main_staff(staff: Iterable[StaffFact], day: dt.date) -> list[StaffFact]:
    """P(D): pedagogical staff employed on D whose main job is this school (ОО-1).
    The rule lives in reports/indicators.py, the one registry of indicators."""
    return ind.p_of_d(staff, day)


def training_overdue(inputs: IndicatorInputs) -> IndicatorValue:
    """Share of P(D) with no completed ПК/переподготовка in the last N years (§3);
    the rule of reports/indicators.py over the facts the programme fetches."""
    period = int(inputs.settings.get("training_period_years", 3))
    base = main_staff(inputs.staff, inputs.day)
    late = ind.overdue_ids(inputs.staff, lambda s: s.last_training_end, inputs.day, period)
    return IndicatorValue(len(late), len(base), tuple(late))


def training_up_to_date(inputs: IndicatorInputs) -> IndicatorValue:
    """Share of P(D) trained within the period (the complement of ``training_overdue``)."""
    late = set(training_overdue(inputs).staff_ids)
    base = main_staff(inputs.staff, inputs.day)
    fine = [s.id for s in base if s.id not in late]
    return IndicatorValue(len(fine), len(base), tuple(fine))


def young_supported(inputs: IndicatorInputs) -> IndicatorValue:
    """§4 indicator 4: young teachers of P(D) (under 35, under 3 years of experience)
    supported on D (reports.indicators.support_forms)."""
    young = ind.young_in(inputs.staff, inputs.day, inputs.settings)
    supported = [s.id for s in young if s.supported]
    return IndicatorValue(len(supported), len(young), tuple(supported))


def programme_done(inputs: IndicatorInputs) -> IndicatorValue:
    """The programme's own progress: activities done over activities due on D."""
    total = progress_total(inputs.activities, inputs.day)
    return IndicatorValue(total.done, total.due)


COMPUTED_INDICATORS: dict[str, ComputedIndicator] = {}


def register(indicator: ComputedIndicator) -> ComputedIndicator:
    """Add (or replace) a computed indicator that target indicators can be bound to."""
    COMPUTED_INDICATORS[indicator.key] = indicator
    return indicator


register(ComputedIndicator("training_up_to_date", S.PROG_COMPUTED_NAMES["training_up_to_date"],
                           training_up_to_date))
register(ComputedIndicator("training_overdue", S.PROG_COMPUTED_NAMES["training_overdue"],
                           training_overdue, lower_is_better=True))
register(ComputedIndicator("young_supported", S.PROG_COMPUTED_NAMES["young_supported"],
                           young_supported))
register(ComputedIndicator("programme_done", S.PROG_COMPUTED_NAMES["programme_done"],
                           programme_done, needs=("activities",)))


def computed_choices(settings: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    """(key, name) of each computed indicator, its name stating the years of ``settings``
    it is computed with («…прошедших ПК за последние 5 лет»; indicators.title_values)."""
    values = ind.title_values(settings)
    return [(k, c.name.format(**values) if "{" in c.name else c.name)
            for k, c in COMPUTED_INDICATORS.items()]


def compute(key: str, inputs: IndicatorInputs) -> IndicatorValue | None:
    indicator = COMPUTED_INDICATORS.get(key)
    return None if indicator is None else indicator.compute(inputs)


def measure_date(year: int, day: dt.date) -> dt.date | None:
    """The date a computed actual value of ``year`` is taken on: the end of a past year,
    the report date in its own year, nothing for a year still to come."""
    if year > day.year:
        return None
    if year == day.year:
        return day
    return dt.date(year, 12, 31)


def computed_actual(value: IndicatorValue | None, unit: str) -> float | None:
    """The number shown as the actual value: the percent for «%», the count otherwise."""
    if value is None:
        return None
    return value.percent if unit.strip() == "%" else float(value.count)


def falls_short(actual: float | None, target: float | None, baseline: float | None = None,
                computed_key: str | None = None) -> bool:
    """Whether the actual value misses its target. Lower is better for computed indicators
    that say so, and for typed ones whose target is below the baseline (fewer teachers
    with deficits …)."""
    if actual is None or target is None:
        return False
    indicator = COMPUTED_INDICATORS.get(computed_key or "")
    if indicator is not None:
        lower = indicator.lower_is_better
    else:
        lower = baseline is not None and target < baseline
    return actual > target if lower else actual < target


def parse_number(text: object) -> float | None:
    """A number typed with a comma or a point; '' gives None. Raises ValueError in Russian."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text)
    value = str(text).strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise ValueError(S.PROG_NUMBER_EXAMPLE) from None


def format_number(value: float | None) -> str:
    """A computed figure to one decimal: 27.5 → «27,5»; 30.0 and 29.96 → «30»; None → ''."""
    if value is None:
        return ""
    rounded = round(float(value), 1)
    if rounded.is_integer():
        return str(int(rounded))
    return f"{rounded:.1f}".replace(".", ",")


def format_target(value: float | None) -> str:
    """A target as it was set, every decimal kept: 4.25 → «4,25», 30.0 → «30»; None → ''."""
    if value is None:
        return ""
    return f"{float(value):g}".replace(".", ",")


# --- the printable document ---------------------------------------------------------------


@dataclass(frozen=True)
class PrintActivity:
    title: str
    direction: str
    form: str
    start_date: dt.date | None
    deadline: dt.date
    responsible: str
    expected_result: str
    status: str
    done_date: dt.date | None
    note: str
    postponed_from: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class PrintTask:
    number: int
    title: str
    activities: tuple[PrintActivity, ...]


@dataclass(frozen=True)
class PrintIndicator:
    number: int
    name: str
    unit: str
    baseline: float | None
    targets: dict[int, float | None]
    actuals: dict[int, float | None]
    computed: bool


@dataclass(frozen=True)
class ProgrammeDocument:
    school: str
    title: str
    year_from: int
    year_to: int
    goal: str
    order: str
    day: dt.date
    tasks: tuple[PrintTask, ...]
    indicators: tuple[PrintIndicator, ...]
    progress: tuple[Progress, ...]
    labels: dict[str, str] = field(default_factory=dict)
