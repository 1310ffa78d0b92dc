"""The methodical-service development programme: programmes, tasks, activities,
postponements, target indicators. SQL for the programme lives here; the rules
(progress, agenda, computed values) are in reports/programme.py.

Every change is one transaction through ``repo`` (version, change_seq, audit log).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from metodkab import strings as S
from metodkab.domain.checks import done_problem, postpone_problem
from metodkab.domain.models import (ActivityPostponement, IndicatorTarget, Programme,
                                    ProgrammeActivity, ProgrammeTask, TargetIndicator)
from metodkab.domain.parse import short_name
from metodkab.reports import programme as rp
from metodkab.storage import repo
from metodkab.storage.db import Store
from metodkab.storage.errors import StorageError
from metodkab.storage.rows import dict_rows as _rows, iso_date as _date
from metodkab.storage.search import LIKE, like_pattern
from metodkab.storage.settings import all_settings, report_date


# --- rows the screens show ---------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeRow:
    id: str
    title: str
    year_from: int
    year_to: int
    goal: str
    order_number: str
    order_date: dt.date | None
    is_current: bool
    tasks: int = 0
    activities: int = 0

    @property
    def years(self) -> list[int]:
        return list(range(self.year_from, self.year_to + 1))

    @property
    def period(self) -> str:
        return f"{self.year_from}–{self.year_to}"


@dataclass(frozen=True)
class TaskRow:
    id: str
    number: int
    title: str


@dataclass(frozen=True)
class ActivityRow:
    id: str
    task_id: str
    task_number: int
    title: str
    direction: str
    form: str
    start_date: dt.date | None
    deadline: dt.date
    expected_result: str
    status: str
    done_date: dt.date | None
    note: str
    responsible_ids: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()        # short names, in the same order
    postponed: int = 0

    @property
    def fact(self) -> rp.ActivityFact:
        return rp.ActivityFact(self.id, self.task_id, self.direction, self.status,
                               self.deadline, self.done_date, self.responsible_ids)

    @property
    def responsible_text(self) -> str:
        return ", ".join(self.responsible)


@dataclass(frozen=True)
class PostponementRow:
    old_deadline: dt.date
    new_deadline: dt.date
    reason: str
    changed_on: dt.date


@dataclass(frozen=True)
class PersonRow:
    staff_id: str
    name: str            # Фамилия И. О.
    full_name: str
    open: int
    total: int


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    number: int
    name: str
    unit: str
    baseline: float | None
    source: str
    computed_key: str | None
    targets: dict[int, float | None] = field(default_factory=dict)
    actuals: dict[int, float | None] = field(default_factory=dict)

    @property
    def computed(self) -> bool:
        return self.source == "computed"


@dataclass(frozen=True)
class ProgressReport:
    total: rp.Progress
    by_task: list[rp.Progress]
    by_direction: list[rp.Progress]
    by_person: list[rp.Progress]


@dataclass(frozen=True)
class AgendaItem:
    bucket: str
    activity: ActivityRow


@dataclass(frozen=True)
class ProgrammeView:
    """Everything the programme screen shows, read in one go."""

    day: dt.date
    programme: ProgrammeRow | None
    programmes: int
    tasks: list[TaskRow]
    activities: list[ActivityRow]
    agenda: list[AgendaItem]
    people: list[PersonRow]
    progress: ProgressReport | None
    indicators: list[IndicatorRow]
    moved: dict[str, list[PostponementRow]] = field(default_factory=dict)


# --- programmes ---------------------------------------------------------------------------

_PROGRAMME_SELECT = """
SELECT p.id, p.title, p.year_from, p.year_to, p.goal, p.order_number, p.order_date, p.is_current,
       (SELECT count(*) FROM programme_task t WHERE t.programme_id = p.id AND t.deleted = 0)
         AS tasks,
       (SELECT count(*) FROM programme_activity a JOIN programme_task t ON t.id = a.task_id
         WHERE t.programme_id = p.id AND t.deleted = 0 AND a.deleted = 0) AS activities
FROM programme p WHERE p.deleted = 0
"""


def _programme_row(r: dict) -> ProgrammeRow:
    return ProgrammeRow(r["id"], r["title"], r["year_from"], r["year_to"], r["goal"],
                        r["order_number"], _date(r["order_date"]), bool(r["is_current"]),
                        r["tasks"], r["activities"])


def list_programmes(store: Store) -> list[ProgrammeRow]:
    """All programmes, the current one first, then the newest."""
    rows = _rows(store, _PROGRAMME_SELECT + " ORDER BY p.is_current DESC, p.year_from DESC, "
                                            "p.rowid DESC")
    return [_programme_row(r) for r in rows]


def get_programme(store: Store, programme_id: str) -> ProgrammeRow | None:
    rows = _rows(store, _PROGRAMME_SELECT + " AND p.id = ?", (programme_id,))
    return _programme_row(rows[0]) if rows else None


def current_programme_id(store: Store) -> str | None:
    """The current programme; without one marked, the newest."""
    rows = list_programmes(store)
    return rows[0].id if rows else None


def save_programme(store: Store, programme: Programme) -> str:
    """Save a programme. Marking it current unmarks the others; the first programme of
    a school is current by itself."""
    with store.atomic():
        others = repo.find(store, Programme, "id <> ?", (programme.id or "",))
        if not others and not programme.is_current:
            programme = programme.model_copy(update={"is_current": True})
        programme_id = repo.save(store, programme)
        if programme.is_current:
            for other in others:
                if other.is_current:
                    repo.update(store, other.model_copy(update={"is_current": False}))
    return programme_id


def make_current(store: Store, programme_id: str) -> None:
    with store.atomic():
        programme = repo.get(store, Programme, programme_id)
        save_programme(store, programme.model_copy(update={"is_current": True}))


def delete_programme(store: Store, programme_id: str) -> None:
    """Soft-delete a programme with its tasks, activities and indicators."""
    with store.atomic():
        for task in repo.find(store, ProgrammeTask, "programme_id = ?", (programme_id,)):
            delete_task(store, task.id)
        for indicator in repo.find(store, TargetIndicator, "programme_id = ?", (programme_id,)):
            delete_indicator(store, indicator.id)
        was_current = repo.get(store, Programme, programme_id).is_current
        repo.soft_delete(store, Programme, programme_id)
        if was_current:
            rest = list_programmes(store)
            if rest:
                make_current(store, rest[0].id)


# --- tasks -------------------------------------------------------------------------------


def list_tasks(store: Store, programme_id: str) -> list[TaskRow]:
    rows = _rows(store, "SELECT id, number, title FROM programme_task WHERE deleted = 0 "
                        "AND programme_id = ? ORDER BY number, rowid", (programme_id,))
    return [TaskRow(r["id"], r["number"], r["title"]) for r in rows]


def task_choices(store: Store, programme_id: str) -> list[tuple[str, str]]:
    return [(t.id, f"{t.number}. {t.title}") for t in list_tasks(store, programme_id)]


def next_task_number(store: Store, programme_id: str) -> int:
    with store.mutex:
        found = store.db.conn.execute(
            "SELECT max(number) FROM programme_task WHERE deleted = 0 AND programme_id = ?",
            (programme_id,)).fetchone()[0]
    return (found or 0) + 1


def save_task(store: Store, task: ProgrammeTask) -> str:
    return repo.save(store, task)


def delete_task(store: Store, task_id: str) -> int:
    """Soft-delete a task and its activities; return how many activities went with it."""
    with store.atomic():
        activities = repo.find(store, ProgrammeActivity, "task_id = ?", (task_id,))
        for activity in activities:
            delete_activity(store, activity.id)
        repo.soft_delete(store, ProgrammeTask, task_id)
    return len(activities)


def task_activity_count(store: Store, task_id: str) -> int:
    return repo.count(store, "programme_activity", "task_id = ?", (task_id,))


# --- activities ----------------------------------------------------------------------------

_ACTIVITY_SELECT = """
SELECT a.id, a.task_id, t.number AS task_number, a.title, a.direction, a.form, a.start_date,
       a.deadline, a.expected_result, a.status, a.done_date, a.note,
       (SELECT count(*) FROM activity_postponement x WHERE x.activity_id = a.id
          AND x.deleted = 0) AS postponed
FROM programme_activity a JOIN programme_task t ON t.id = a.task_id
WHERE a.deleted = 0 AND t.deleted = 0
"""


def _responsible(store: Store, activity_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    ids = list(activity_ids)
    result: dict[str, list[tuple[str, str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in _rows(store, f"""
                SELECT r.activity_id, r.staff_id, s.last_name, s.first_name, s.middle_name
                FROM activity_responsible r JOIN staff s ON s.id = r.staff_id
                WHERE r.deleted = 0 AND r.activity_id IN ({marks}) ORDER BY r.rowid""", chunk):
            name = short_name(r["last_name"], r["first_name"], r["middle_name"] or "")
            result.setdefault(r["activity_id"], []).append((r["staff_id"], name))
    return result


def _activities(store: Store, where: str, params: Sequence) -> list[ActivityRow]:
    rows = _rows(store, f"{_ACTIVITY_SELECT} AND {where} "
                        "ORDER BY t.number, a.deadline, a.start_date, a.rowid", params)
    people = _responsible(store, (r["id"] for r in rows))
    return [ActivityRow(
        id=r["id"], task_id=r["task_id"], task_number=r["task_number"], title=r["title"],
        direction=r["direction"], form=r["form"], start_date=_date(r["start_date"]),
        deadline=_date(r["deadline"]), expected_result=r["expected_result"],
        status=r["status"], done_date=_date(r["done_date"]), note=r["note"],
        responsible_ids=tuple(i for i, _ in people.get(r["id"], [])),
        responsible=tuple(n for _, n in people.get(r["id"], [])),
        postponed=r["postponed"]) for r in rows]


def list_activities(store: Store, programme_id: str) -> list[ActivityRow]:
    """The activities of a programme, by task, then deadline."""
    return _activities(store, "t.programme_id = ?", (programme_id,))


def get_activity_row(store: Store, activity_id: str) -> ActivityRow | None:
    found = _activities(store, "a.id = ?", (activity_id,))
    return found[0] if found else None


def activities_of(store: Store, programme_id: str, staff_id: str) -> list[ActivityRow]:
    """What a person is responsible for in a programme."""
    return _activities(store, "t.programme_id = ? AND EXISTS (SELECT 1 FROM activity_responsible r "
                              "WHERE r.activity_id = a.id AND r.deleted = 0 AND r.staff_id = ?)",
                       (programme_id, staff_id))


@dataclass(frozen=True)
class ActivityQuery:
    """The programme screen's search: part of an activity's title, of a responsible
    person's name or of its task's title, in the programme shown (None: the current one)."""
    search: str = ""
    programme_id: str | None = None


def find_activities(store: Store, programme_id: str, search: str) -> set[str] | None:
    """The ids of the programme's activities that ``search`` finds (title, responsible
    person's name, task's title), the way every register's search matches; None when
    nothing is typed (every activity is shown)."""
    if not search.strip():
        return None
    with store.mutex:
        return {r[0] for r in store.conn.execute(f"""
            SELECT a.id FROM programme_activity a JOIN programme_task t ON t.id = a.task_id
            WHERE a.deleted = 0 AND t.deleted = 0 AND t.programme_id = :programme
              AND (norm(a.title) {LIKE} OR norm(t.title) {LIKE}
                   OR EXISTS (SELECT 1 FROM activity_responsible r
                              JOIN staff s ON s.id = r.staff_id
                              WHERE r.activity_id = a.id AND r.deleted = 0
                                AND s.name_norm {LIKE}))""",
            {"programme": programme_id, "search": like_pattern(search)})}


def _postpone_row(store: Store, activity_id: str, old: dt.date, new: dt.date,
                  reason: str) -> None:
    repo.create(store, ActivityPostponement(activity_id=activity_id, old_deadline=old,
                                            new_deadline=new, reason=reason,
                                            changed_on=store.clock.today()))


def save_activity(store: Store, activity: ProgrammeActivity, reason: str = "") -> str:
    """Save an activity. A moved deadline is logged (old date, new date, reason) and an
    open activity moved later becomes «перенесено»."""
    with store.atomic():
        if activity.id is None:
            return repo.create(store, activity)
        old = repo.get(store, ProgrammeActivity, activity.id)
        if old.deadline != activity.deadline:
            _postpone_row(store, activity.id, old.deadline, activity.deadline, reason)
            if activity.deadline > old.deadline and activity.status in ("запланировано",
                                                                        "в работе"):
                activity = activity.model_copy(update={"status": rp.POSTPONED})
        repo.update(store, activity)
        return activity.id


def postpone(store: Store, activity_id: str, new_deadline: dt.date, reason: str) -> None:
    """Move an activity's deadline (the «Перенести срок» action)."""
    with store.atomic():
        activity = repo.get(store, ProgrammeActivity, activity_id)
        if activity.start_date is not None and new_deadline < activity.start_date:
            raise StorageError(S.PROG_POSTPONE_BEFORE_START)
        problem = postpone_problem(activity.deadline, new_deadline)   # domain/checks.py
        if problem:
            raise StorageError(problem)
        if new_deadline == activity.deadline:
            return
        save_activity(store, activity.model_copy(update={"deadline": new_deadline}), reason)


def complete(store: Store, activity_id: str, done_date: dt.date) -> None:
    """Mark an activity done on ``done_date`` (not after today: domain/checks.py)."""
    problem = done_problem(done_date, store.clock.today())
    if problem:
        raise StorageError(problem)
    with store.atomic():
        activity = repo.get(store, ProgrammeActivity, activity_id)
        repo.update(store, activity.model_copy(update={"status": rp.DONE,
                                                       "done_date": done_date}))


def reopen(store: Store, activity_id: str) -> None:
    """Undo «выполнено»: back to «в работе», without a done date."""
    with store.atomic():
        activity = repo.get(store, ProgrammeActivity, activity_id)
        repo.update(store, activity.model_copy(update={"status": "в работе",
                                                       "done_date": None}))


def delete_activity(store: Store, activity_id: str) -> None:
    with store.atomic():
        repo.soft_delete_where(store, "activity_postponement", "activity_id = ?",
                               (activity_id,))
        repo.soft_delete(store, ProgrammeActivity, activity_id)


def postponements(store: Store, activity_id: str) -> list[PostponementRow]:
    rows = _rows(store, "SELECT old_deadline, new_deadline, reason, changed_on "
                        "FROM activity_postponement WHERE deleted = 0 AND activity_id = ? "
                        "ORDER BY changed_on, rowid", (activity_id,))
    return [PostponementRow(_date(r["old_deadline"]), _date(r["new_deadline"]), r["reason"],
                            _date(r["changed_on"])) for r in rows]


def used_values(store: Store, column: str) -> list[str]:
    """Directions or forms already typed (for completion), most used first."""
    if column not in ("direction", "form"):
        raise ValueError(column)
    with store.mutex:
        return [r[0] for r in store.db.conn.execute(
            f"SELECT {column} FROM programme_activity WHERE deleted = 0 AND {column} <> '' "
            f"GROUP BY {column} ORDER BY count(*) DESC, {column}")]


def responsible_choices(store: Store) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(people who can be made responsible: working staff, "Фамилия Имя Отчество"),
    and the names of everybody, dismissed too (for activities they already hold)."""
    rows = _rows(store, "SELECT id, last_name, first_name, middle_name, dismissal_date "
                        "FROM staff WHERE deleted = 0 ORDER BY name_norm")
    day = store.clock.today().isoformat()
    names = {r["id"]: " ".join(p for p in (r["last_name"], r["first_name"], r["middle_name"])
                               if p) for r in rows}
    working = [(r["id"], names[r["id"]]) for r in rows
               if not r["dismissal_date"] or r["dismissal_date"] >= day]   # rules.employed_on
    return working, names


# --- copying a year forward -------------------------------------------------------------------


@dataclass(frozen=True)
class CopyCandidate:
    activity: ActivityRow
    new_start: dt.date | None
    new_deadline: dt.date
    exists: bool           # the same activity is already in the next year


def activity_years(store: Store, programme_id: str) -> list[int]:
    """Years (of deadlines) that have activities, in order."""
    with store.mutex:
        return [int(r[0]) for r in store.db.conn.execute(
            "SELECT DISTINCT substr(a.deadline, 1, 4) FROM programme_activity a "
            "JOIN programme_task t ON t.id = a.task_id WHERE a.deleted = 0 AND t.deleted = 0 "
            "AND t.programme_id = ? ORDER BY 1", (programme_id,))]


def copy_candidates(store: Store, programme_id: str, year: int) -> list[CopyCandidate]:
    """The activities of ``year`` (by deadline), not cancelled, with their dates a year
    later; ``exists`` marks those already copied (same task and title, same new deadline)."""
    rows = _activities(store, "t.programme_id = ? AND a.deadline >= ? AND a.deadline <= ? "
                              "AND a.status <> 'отменено'",
                       (programme_id, f"{year}-01-01", f"{year}-12-31"))
    following = _activities(store, "t.programme_id = ? AND a.deadline >= ? AND a.deadline <= ?",
                            (programme_id, f"{year + 1}-01-01", f"{year + 1}-12-31"))
    have = {(a.task_id, a.title.casefold(), a.deadline) for a in following}
    result = []
    for a in rows:
        deadline = rp.shifted(a.deadline)
        result.append(CopyCandidate(a, rp.shifted(a.start_date), deadline,
                                    (a.task_id, a.title.casefold(), deadline) in have))
    return result


def copy_activities(store: Store, activity_ids: Sequence[str], years: int = 1) -> list[str]:
    """Copy activities ``years`` later, in one transaction: same task, direction, form,
    responsible people (those still working), expected result; status «запланировано»."""
    if not activity_ids:
        return []
    working = {i for i, _ in responsible_choices(store)[0]}
    new_ids = []
    with store.atomic():
        for activity_id in activity_ids:
            old = repo.get(store, ProgrammeActivity, activity_id)
            copy = ProgrammeActivity(
                task_id=old.task_id, direction=old.direction, title=old.title, form=old.form,
                start_date=rp.shifted(old.start_date, years),
                deadline=rp.shifted(old.deadline, years),
                expected_result=old.expected_result,
                responsible_ids=[i for i in old.responsible_ids if i in working])
            new_ids.append(repo.create(store, copy))
    return new_ids


# --- target indicators -----------------------------------------------------------------------


def staff_facts(store: Store, day: dt.date) -> list[rp.StaffFact]:
    """Everybody with what the computed indicators need on ``day``, from the indicators'
    own facts and rules (storage.indicators.load_data, reports.indicators): the last
    completed ПК/переподготовка, and whether a support form applies (support_forms)."""
    from metodkab.reports import indicators as ri
    from metodkab.storage.indicators import load_data

    data = load_data(store, day)
    last = ri.last_training_end(data)
    supported = ri.supported_ids(data)
    return [rp.StaffFact(p.id, p.name, p.employment, p.hire_date, p.dismissal_date,
                         p.birth_date, p.ped_start_date, last.get(p.id), p.id in supported)
            for p in data.people]


def indicator_inputs(store: Store, day: dt.date, programme_id: str | None,
                     needs: Iterable[str] = ("staff", "activities")) -> rp.IndicatorInputs:
    needs = set(needs)
    staff = tuple(staff_facts(store, day)) if "staff" in needs else ()
    activities = ()
    if "activities" in needs and programme_id:
        activities = tuple(a.fact for a in list_activities(store, programme_id))
    return rp.IndicatorInputs(day, all_settings(store), staff, activities)


def compute_indicator(store: Store, key: str, day: dt.date,
                      programme_id: str | None = None) -> rp.IndicatorValue | None:
    indicator = rp.COMPUTED_INDICATORS.get(key)
    if indicator is None:
        return None
    return indicator.compute(indicator_inputs(store, day, programme_id, indicator.needs))


def computed_actuals(store: Store, programme: ProgrammeRow, key: str | None, unit: str,
                     day: dt.date, cache: dict | None = None) -> dict[int, float | None]:
    """The computed actual value of each year of the programme (none for years to come).
    ``cache`` keeps the fetched inputs per date across several indicators."""
    cache = {} if cache is None else cache
    indicator = rp.COMPUTED_INDICATORS.get(key or "")
    result: dict[int, float | None] = {}
    for year in programme.years:
        when = rp.measure_date(year, day)
        if when is None or indicator is None:
            result[year] = None
            continue
        if when not in cache:
            cache[when] = indicator_inputs(store, when, programme.id)
        result[year] = rp.computed_actual(indicator.compute(cache[when]), unit)
    return result


def list_indicators(store: Store, programme: ProgrammeRow, day: dt.date) -> list[IndicatorRow]:
    """The target indicators with targets per year and actual values (computed ones computed)."""
    rows = _rows(store, "SELECT * FROM target_indicator WHERE deleted = 0 AND programme_id = ? "
                        "ORDER BY number, rowid", (programme.id,))
    values = _rows(store, """
        SELECT v.indicator_id, v.year, v.target, v.actual FROM indicator_target v
        JOIN target_indicator i ON i.id = v.indicator_id
        WHERE v.deleted = 0 AND i.deleted = 0 AND i.programme_id = ?""", (programme.id,))
    targets: dict[str, dict[int, float | None]] = {}
    actuals: dict[str, dict[int, float | None]] = {}
    for v in values:
        targets.setdefault(v["indicator_id"], {})[v["year"]] = v["target"]
        actuals.setdefault(v["indicator_id"], {})[v["year"]] = v["actual"]
    cache: dict[dt.date, rp.IndicatorInputs] = {}
    result = []
    for r in rows:
        if r["source"] == "computed":
            found = computed_actuals(store, programme, r["computed_key"], r["unit"], day, cache)
        else:
            found = actuals.get(r["id"], {})
        result.append(IndicatorRow(r["id"], r["number"], r["name"], r["unit"], r["baseline"],
                                   r["source"], r["computed_key"], targets.get(r["id"], {}),
                                   found))
    return result


def next_indicator_number(store: Store, programme_id: str) -> int:
    with store.mutex:
        found = store.db.conn.execute(
            "SELECT max(number) FROM target_indicator WHERE deleted = 0 AND programme_id = ?",
            (programme_id,)).fetchone()[0]
    return (found or 0) + 1


def indicator_values(store: Store, indicator_id: str) -> dict[int, tuple[float | None,
                                                                         float | None]]:
    """{year: (target, manual actual)} of one indicator."""
    rows = _rows(store, "SELECT year, target, actual FROM indicator_target WHERE deleted = 0 "
                        "AND indicator_id = ?", (indicator_id,))
    return {r["year"]: (r["target"], r["actual"]) for r in rows}


def save_indicator(store: Store, indicator: TargetIndicator,
                   targets: dict[int, float | None],
                   actuals: dict[int, float | None]) -> str:
    """Save an indicator with its target and manual actual value per year. A computed
    indicator keeps no typed actual values."""
    with store.atomic():
        indicator_id = repo.save(store, indicator)
        existing = {v.year: v for v in repo.find(store, IndicatorTarget, "indicator_id = ?",
                                                   (indicator_id,))}
        for year in sorted(set(targets) | set(actuals) | set(existing)):
            target = targets.get(year)
            actual = None if indicator.source == "computed" else actuals.get(year)
            row = existing.get(year)
            if row is None:
                if target is not None or actual is not None:
                    repo.create(store, IndicatorTarget(indicator_id=indicator_id, year=year,
                                                       target=target, actual=actual))
            elif target is None and actual is None:
                repo.soft_delete(store, IndicatorTarget, row.id)
            elif (row.target, row.actual) != (target, actual):
                repo.update(store, row.model_copy(update={"target": target, "actual": actual}))
    return indicator_id


def delete_indicator(store: Store, indicator_id: str) -> None:
    with store.atomic():
        repo.soft_delete_where(store, "indicator_target", "indicator_id = ?", (indicator_id,))
        repo.soft_delete(store, TargetIndicator, indicator_id)


# --- views ---------------------------------------------------------------------------------


def agenda(activities: Sequence[ActivityRow], day: dt.date) -> list[AgendaItem]:
    """Overdue first (oldest first), then this month's and next month's, by deadline."""
    items = [AgendaItem(bucket, a) for a in activities
             if (bucket := rp.agenda_bucket(a.fact, day)) is not None]
    order = {b: i for i, b in enumerate(rp.AGENDA_BUCKETS)}
    return sorted(items, key=lambda i: (order[i.bucket], i.activity.deadline,
                                        i.activity.task_number, i.activity.title.lower()))


def people(store: Store, activities: Sequence[ActivityRow], day: dt.date) -> list[PersonRow]:
    """Everybody responsible for something in the programme, with open and total counts."""
    counts: dict[str, list[int]] = {}
    for a in activities:
        for staff_id in a.responsible_ids:
            entry = counts.setdefault(staff_id, [0, 0])
            entry[1] += 1
            entry[0] += rp.is_open(a.fact, day)
    if not counts:
        return []
    _, names = responsible_choices(store)
    rows = [PersonRow(i, short_name(*(names.get(i, "?").split(" ", 2) + ["", ""])[:3]),
                      names.get(i, "?"), c[0], c[1]) for i, c in counts.items()]
    return sorted(rows, key=lambda r: r.full_name.lower().replace("ё", "е"))


def progress(tasks: Sequence[TaskRow], activities: Sequence[ActivityRow],
             people_rows: Sequence[PersonRow], day: dt.date, *, total_label: str = "",
             task_label: str = "{number}. {title}", no_direction: str = "",
             nobody: str = "") -> ProgressReport:
    facts = [a.fact for a in activities]
    return ProgressReport(
        total=rp.progress_total(facts, day, total_label),
        by_task=rp.progress_by_task(
            facts, day, [(t.id, task_label.format(number=t.number, title=t.title))
                         for t in tasks]),
        by_direction=rp.progress_by_direction(facts, day, other=no_direction),
        by_person=rp.progress_by_person(facts, day,
                                        [(p.staff_id, p.name) for p in people_rows],
                                        other=nobody),
    )


def load_view(store: Store, programme_id: str | None, *, total_label: str = "",
              task_label: str = "{number}. {title}", no_direction: str = "",
              nobody: str = "") -> ProgrammeView:
    """The programme screen's data: ``programme_id``, or the current programme."""
    day = report_date(store)
    count = repo.count(store, "programme")
    programme = get_programme(store, programme_id) if programme_id else None
    if programme is None:
        current = current_programme_id(store)
        programme = get_programme(store, current) if current else None
    if programme is None:
        return ProgrammeView(day, None, count, [], [], [], [], None, [])
    tasks = list_tasks(store, programme.id)
    activities = list_activities(store, programme.id)
    people_rows = people(store, activities, day)
    return ProgrammeView(
        day=day, programme=programme, programmes=count, tasks=tasks, activities=activities,
        agenda=agenda(activities, day), people=people_rows,
        progress=progress(tasks, activities, people_rows, day, total_label=total_label,
                          task_label=task_label, no_direction=no_direction, nobody=nobody),
        indicators=list_indicators(store, programme, day),
        moved=moved_deadlines(store, programme.id))


def moved_deadlines(store: Store, programme_id: str) -> dict[str, list[PostponementRow]]:
    """The postponements of every activity of a programme, oldest first."""
    moved: dict[str, list[PostponementRow]] = {}
    for r in _rows(store, """
            SELECT x.activity_id, x.old_deadline, x.new_deadline, x.reason, x.changed_on
            FROM activity_postponement x
            JOIN programme_activity a ON a.id = x.activity_id
            JOIN programme_task t ON t.id = a.task_id
            WHERE x.deleted = 0 AND a.deleted = 0 AND t.programme_id = ?
            ORDER BY x.changed_on, x.rowid""", (programme_id,)):
        moved.setdefault(r["activity_id"], []).append(PostponementRow(
            _date(r["old_deadline"]), _date(r["new_deadline"]), r["reason"],
            _date(r["changed_on"])))
    return moved


def load_document(store: Store, programme_id: str, labels: dict[str, str]) -> rp.ProgrammeDocument:
    """The programme as a printable document (reports.programme.programme_html)."""
    from metodkab.storage.school import get_school

    day = report_date(store)
    programme = get_programme(store, programme_id)
    if programme is None:
        raise StorageError(S.PROG_NOT_FOUND)
    tasks = list_tasks(store, programme_id)
    activities = list_activities(store, programme_id)
    moved = moved_deadlines(store, programme_id)
    print_tasks = tuple(rp.PrintTask(t.number, t.title, tuple(
        rp.PrintActivity(a.title, a.direction, a.form, a.start_date, a.deadline,
                         a.responsible_text, a.expected_result, a.status, a.done_date, a.note,
                         tuple(m.old_deadline for m in moved.get(a.id, ())))
        for a in activities if a.task_id == t.id)) for t in tasks)
    indicators = tuple(rp.PrintIndicator(i.number, i.name, i.unit, i.baseline, i.targets,
                                         i.actuals, i.computed)
                       for i in list_indicators(store, programme, day))
    people_rows = people(store, activities, day)
    report = progress(tasks, activities, people_rows, day,
                      total_label=labels.get("total", ""),
                      task_label=labels.get("task_label", "{number}. {title}"))
    order = ""
    if programme.order_number or programme.order_date:
        order = labels.get("order", "{number} {date}").format(
            number=programme.order_number,
            date=programme.order_date.strftime("%d.%m.%Y") if programme.order_date else "")
    school = get_school(store)
    return rp.ProgrammeDocument(
        school=school.full_name if school else "", title=programme.title,
        year_from=programme.year_from, year_to=programme.year_to, goal=programme.goal,
        order=order.strip(), day=day, tasks=print_tasks, indicators=indicators,
        progress=(*report.by_task, report.total), labels=labels)
