"""Diagnostics, professional deficits and individual routes (ИОМ) of one person: the
lists of the card, the route editor's view, steps built from open deficits, completing
steps and resolving deficits.

SQL only; the rules (overdue steps, a deficit whose steps are all done) are in
reports.training.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from metodkab import strings as S
from metodkab.domain.checks import done_problem
from metodkab.domain.models import (Deficit, Diagnostic, IndividualRoute, RouteStep, Staff)
from metodkab.domain.parse import format_date, format_end
from metodkab.reports import training as rules
from metodkab.storage import repo
from metodkab.storage.db import Store
from metodkab.storage.errors import HasDependents, StorageError
from metodkab.storage.rows import dict_rows as _rows, full_name, iso_date as _date

NAME = full_name("{a}")          # .format(a=alias)


def _count(store: Store, sql: str, params: Any = ()) -> int:
    with store.mutex:
        return store.db.conn.execute(sql, params).fetchone()[0]


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


# --- diagnostics and deficits ----------------------------------------------------------------


@dataclass(frozen=True)
class DiagnosticRow:
    id: str
    date: dt.date
    kind: str
    operator: str
    result: str          # «34 из 50 (68 %)», «72 %»
    percent: float | None


@dataclass(frozen=True)
class DeficitRow:
    id: str
    area: str
    description: str
    status: str
    found_date: dt.date | None
    resolved_date: dt.date | None
    steps: int           # steps of ИОМ addressing it
    steps_done: int
    trainings: int       # trainings linked to it


def _diagnostic_result(score: float | None, max_score: float | None,
                       percent: float | None) -> tuple[str, float | None]:
    computed = percent
    if computed is None and score is not None and max_score:
        computed = round(100 * score / max_score, 1)     # as Diagnostic.result_percent
    parts = []
    if score is not None:
        parts.append(S.DEV_SCORE.format(score=_number(score), max=_number(max_score))
                     if max_score else _number(score))
    if computed is not None:
        parts.append(S.DEV_PERCENT.format(percent=_number(computed)) if parts
                     else f"{_number(computed)} %")
    return " ".join(parts), computed


def diagnostics_of(store: Store, staff_id: str) -> list[DiagnosticRow]:
    rows = _rows(store, "SELECT id, date, kind, operator, score, max_score, percent "
                        "FROM diagnostic WHERE deleted = 0 AND staff_id = ? "
                        "ORDER BY date DESC, rowid DESC", (staff_id,))
    result = []
    for r in rows:
        text, percent = _diagnostic_result(r["score"], r["max_score"], r["percent"])
        result.append(DiagnosticRow(r["id"], _date(r["date"]), r["kind"], r["operator"], text,
                                    percent))
    return result


DEFICIT_ORDER = "CASE d.status WHEN 'выявлен' THEN 0 WHEN 'в работе' THEN 1 ELSE 2 END"


def deficits_of(store: Store, staff_id: str) -> list[DeficitRow]:
    """A person's deficits: open ones first (found, then in work), then resolved."""
    rows = _rows(store, f"""
        SELECT d.id, d.area, d.description, d.status, d.found_date, d.resolved_date,
               (SELECT count(*) FROM route_step r JOIN individual_route i ON i.id = r.route_id
                 WHERE r.deficit_id = d.id AND r.deleted = 0 AND i.deleted = 0) AS steps,
               (SELECT count(*) FROM route_step r JOIN individual_route i ON i.id = r.route_id
                 WHERE r.deficit_id = d.id AND r.deleted = 0 AND i.deleted = 0
                   AND r.done_date IS NOT NULL) AS steps_done,
               (SELECT count(*) FROM training_deficit x JOIN training t ON t.id = x.training_id
                 WHERE x.deficit_id = d.id AND x.deleted = 0 AND t.deleted = 0) AS trainings
        FROM deficit d WHERE d.deleted = 0 AND d.staff_id = ?
        ORDER BY {DEFICIT_ORDER}, d.found_date DESC, d.rowid""", (staff_id,))
    return [DeficitRow(r["id"], r["area"], r["description"], r["status"],
                       _date(r["found_date"]), _date(r["resolved_date"]), r["steps"],
                       r["steps_done"], r["trainings"]) for r in rows]


def diagnostic_options(store: Store, staff_id: str | None) -> list[tuple[str, str]]:
    if not staff_id:
        return []
    return [(d.id, S.DEV_DIAGNOSTIC_OPTION.format(date=format_date(d.date), kind=d.kind,
                                                  operator=d.operator or "—"))
            for d in diagnostics_of(store, staff_id)]


def save_diagnostic(store: Store, record: Diagnostic) -> str:
    return repo.save(store, record)


def delete_diagnostic(store: Store, diagnostic_id: str) -> None:
    """Refused while deficits found by it are kept (delete them or unlink them first)."""
    with store.atomic():
        linked = _count(store, "SELECT count(*) FROM deficit WHERE deleted = 0 "
                               "AND diagnostic_id = ?", (diagnostic_id,))
        if linked:
            raise HasDependents(S.DEV_DIAGNOSTIC_HAS_DEFICITS.format(count=linked))
        repo.soft_delete(store, Diagnostic, diagnostic_id)


def save_deficit(store: Store, record: Deficit, day: dt.date | None = None) -> str:
    """Save a deficit; one marked «устранён» without a date gets the report date."""
    if record.status == "устранён" and record.resolved_date is None and day is not None:
        record = record.model_copy(update={"resolved_date": day})
    if record.status != "устранён" and record.resolved_date is not None:
        record = record.model_copy(update={"resolved_date": None})
    return repo.save(store, record)


def deficit_dependents(store: Store, deficit_id: str) -> tuple[int, int]:
    """How many live ИОМ steps and trainings refer to the deficit."""
    steps = _count(store, "SELECT count(*) FROM route_step r JOIN individual_route i "
                          "ON i.id = r.route_id WHERE r.deleted = 0 AND i.deleted = 0 "
                          "AND r.deficit_id = ?", (deficit_id,))
    trainings = _count(store, "SELECT count(*) FROM training_deficit x JOIN training t "
                              "ON t.id = x.training_id WHERE x.deleted = 0 "
                              "AND t.deleted = 0 AND x.deficit_id = ?", (deficit_id,))
    return steps, trainings


def delete_deficit(store: Store, deficit_id: str) -> None:
    """Refused while a step of an ИОМ or a training refers to it."""
    with store.atomic():
        steps, trainings = deficit_dependents(store, deficit_id)
        if steps or trainings:
            raise HasDependents(S.DEV_DEFICIT_IN_USE.format(steps=steps, trainings=trainings))
        repo.soft_delete(store, Deficit, deficit_id)


def resolve_deficits(store: Store, deficit_ids: list[str], day: dt.date) -> None:
    """Mark deficits «устранён» on ``day`` (one transaction)."""
    with store.atomic():
        for deficit_id in deficit_ids:
            deficit = repo.get(store, Deficit, deficit_id)
            if deficit.status != "устранён":
                repo.update(store, deficit.model_copy(update={"status": "устранён",
                                                              "resolved_date": day}))


# --- routes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RouteRow:
    id: str
    period_start: dt.date
    period_end: dt.date
    developed_by: str
    approved_date: dt.date | None
    status: str
    done: int
    total: int
    overdue: int
    active: bool


def _steps_facts(store: Store, where: str, params: Any) -> list[dict[str, Any]]:
    return _rows(store, "SELECT r.id, r.route_id, r.deficit_id, r.deadline, r.done_date "
                        f"FROM route_step r WHERE r.deleted = 0 AND {where}", params)


def routes_of(store: Store, staff_id: str, day: dt.date) -> list[RouteRow]:
    routes = _rows(store, "SELECT id, period_start, period_end, developed_by, approved_date, "
                          "status FROM individual_route WHERE deleted = 0 AND staff_id = ? "
                          "ORDER BY period_start DESC, rowid DESC", (staff_id,))
    steps = _steps_facts(store, "r.route_id IN (SELECT id FROM individual_route "
                                "WHERE deleted = 0 AND staff_id = ?)", (staff_id,))
    result = []
    for r in routes:
        facts = [rules.StepFacts(s["deficit_id"], _date(s["deadline"]), _date(s["done_date"]))
                 for s in steps if s["route_id"] == r["id"]]
        done, total, late = rules.route_progress(facts, day)
        start, end = _date(r["period_start"]), _date(r["period_end"])
        result.append(RouteRow(r["id"], start, end, r["developed_by"], _date(r["approved_date"]),
                               r["status"], done, total, late,
                               rules.route_active_on(start, end, r["status"], day)))
    return result


@dataclass(frozen=True)
class PersonDevelopment:
    diagnostics: list[DiagnosticRow]
    deficits: list[DeficitRow]
    routes: list[RouteRow]


def person_development(store: Store, staff_id: str, day: dt.date) -> PersonDevelopment:
    return PersonDevelopment(diagnostics_of(store, staff_id), deficits_of(store, staff_id),
                             routes_of(store, staff_id, day))


def default_period(day: dt.date) -> tuple[dt.date, dt.date]:
    """A new route runs for a year from the report date."""
    from metodkab.domain.parse import add_years

    return day, add_years(day, 1) - dt.timedelta(days=1)


def check_route(store: Store, record: IndividualRoute) -> list[str]:
    """Warnings before saving a route: another route of the person in the same period."""
    others = _rows(store, "SELECT period_start, period_end FROM individual_route "
                          "WHERE deleted = 0 AND staff_id = ? AND id IS NOT ?",
                   (record.staff_id, record.id))
    mine = (record.period_start, record.period_end)
    return [S.DEV_WARN_ROUTE_OVERLAP.format(start=format_date(o["period_start"]),
                                            end=format_date(o["period_end"]))
            for o in others
            if rules.periods_overlap(mine, (_date(o["period_start"]), _date(o["period_end"])))]


def save_route(store: Store, record: IndividualRoute) -> str:
    return repo.save(store, record)


def delete_route(store: Store, route_id: str) -> int:
    """Soft-delete a route with its steps; returns how many steps went with it."""
    with store.atomic():
        steps = repo.soft_delete_where(store, "route_step", "route_id = ?", (route_id,))
        repo.soft_delete(store, IndividualRoute, route_id)
    return steps


def route_step_count(store: Store, route_id: str) -> int:
    return repo.count(store, "route_step", "route_id = ?", (route_id,))


# --- the route editor ----------------------------------------------------------------------


@dataclass(frozen=True)
class StepRow:
    id: str
    number: int
    deficit_id: str | None
    deficit: str
    goal: str
    action: str
    form: str
    deadline: dt.date | None
    expected_product: str
    done_date: dt.date | None
    evidence: str
    training: str
    mentorship: str
    overdue: bool
    learning: str = ""          # the short learning the step points to as evidence


@dataclass(frozen=True)
class RouteView:
    route: IndividualRoute
    name: str
    day: dt.date
    steps: list[StepRow]
    open_deficits: list[tuple[str, str]]     # (id, label) not yet in this route

    @property
    def progress(self) -> tuple[int, int, int]:
        return rules.route_progress([rules.StepFacts(s.deficit_id, s.deadline, s.done_date)
                                     for s in self.steps], self.day)


def load_route(store: Store, route_id: str, day: dt.date) -> RouteView:
    route = repo.get(store, IndividualRoute, route_id)
    person = repo.get(store, Staff, route.staff_id)
    rows = _rows(store, f"""
        SELECT r.id, r.deficit_id, r.goal, r.action, r.form, r.deadline, r.expected_product,
               r.done_date, r.evidence, coalesce(d.description, '') AS deficit,
               coalesce(t.title, '') AS training, t.end_date AS training_end,
               coalesce({NAME.format(a='ms')}, '') AS mentor,
               m.start_date AS mentorship_start,
               l.kind AS learning_kind, l.title AS learning_title, l.date AS learning_date
        FROM route_step r
        LEFT JOIN deficit d ON d.id = r.deficit_id
        LEFT JOIN training t ON t.id = r.training_id
        LEFT JOIN mentorship m ON m.id = r.mentorship_id
        LEFT JOIN staff ms ON ms.id = m.mentor_id
        LEFT JOIN short_learning l ON l.id = r.learning_id
        WHERE r.deleted = 0 AND r.route_id = ?
        ORDER BY r.sort_order, r.rowid""", (route_id,))
    steps = []
    for number, r in enumerate(rows, start=1):
        deadline, done = _date(r["deadline"]), _date(r["done_date"])
        training = (S.DEV_STEP_TRAINING.format(title=r["training"],
                                               date=format_date(r["training_end"]))
                    if r["training"] else "")
        mentorship = (S.DEV_STEP_MENTORSHIP.format(mentor=r["mentor"],
                                                   date=format_date(r["mentorship_start"]))
                      if r["mentor"] else "")
        steps.append(StepRow(r["id"], number, r["deficit_id"], r["deficit"], r["goal"],
                             r["action"], r["form"], deadline, r["expected_product"], done,
                             r["evidence"], training, mentorship,
                             rules.step_overdue(deadline, done, day),
                             learning=S.GR_STEP_LEARNING.format(
                                 kind=r["learning_kind"], title=r["learning_title"],
                                 date=format_date(r["learning_date"]))
                             if r["learning_title"] else ""))
    used = {s.deficit_id for s in steps if s.deficit_id}
    open_deficits = [(d.id, S.DEV_DEFICIT_LABEL.format(area=d.area, text=d.description))
                     for d in deficits_of(store, route.staff_id)
                     if d.status != "устранён" and d.id not in used]
    return RouteView(route, person.name, day, steps, open_deficits)


def step_options(store: Store, route_id: str) -> dict[str, list[tuple[str, str]]]:
    """The choices of a step's form: the person's deficits, trainings and mentorships."""
    route = repo.get(store, IndividualRoute, route_id)
    deficits = [(d.id, S.DEV_DEFICIT_OPTION.format(area=d.area, text=d.description,
                                                   status=d.status))
                for d in deficits_of(store, route.staff_id)]
    trainings = [(r["id"], S.DEV_STEP_TRAINING.format(title=r["title"],
                                                      date=format_end(r["end_date"],
                                                                      r["end_precision"])))
                 for r in _rows(store, "SELECT id, title, end_date, end_precision FROM training "
                                       "WHERE deleted = 0 AND staff_id = ? "
                                       "ORDER BY end_date DESC", (route.staff_id,))]
    mentorships = [(r["id"], S.DEV_STEP_MENTORSHIP.format(mentor=r["mentor"],
                                                          date=format_date(r["start_date"])))
                   for r in _rows(store, f"""
                       SELECT m.id, m.start_date, {NAME.format(a='s')} AS mentor
                       FROM mentorship m JOIN mentorship_mentee mm ON mm.mentorship_id = m.id
                       JOIN staff s ON s.id = m.mentor_id
                       WHERE m.deleted = 0 AND mm.deleted = 0 AND mm.staff_id = ?
                       ORDER BY m.start_date DESC""", (route.staff_id,))]
    from metodkab.storage.achievements import learning_options

    return {"deficits": deficits, "trainings": trainings, "mentorships": mentorships,
            "learning": learning_options(store, route.staff_id)}


def _next_order(store: Store, route_id: str) -> int:
    return _count(store, "SELECT coalesce(max(sort_order) + 1, 0) FROM route_step "
                         "WHERE deleted = 0 AND route_id = ?", (route_id,))


def add_steps_from_deficits(store: Store, route_id: str, deficit_ids: list[str]) -> list[str]:
    """One step per chosen deficit, in one go: the goal names the deficit, the deadline is
    the end of the route's period. Deficits only found so far are now «в работе»."""
    with store.atomic():
        route = repo.get(store, IndividualRoute, route_id)
        order = _next_order(store, route_id)
        made = []
        for deficit_id in dict.fromkeys(deficit_ids):
            deficit = repo.get(store, Deficit, deficit_id)
            made.append(repo.create(store, RouteStep(
                route_id=route_id, deficit_id=deficit_id, sort_order=order,
                goal=S.DEV_STEP_GOAL.format(text=deficit.description),
                deadline=route.period_end)))
            order += 1
            if deficit.status == "выявлен":
                repo.update(store, deficit.model_copy(update={"status": "в работе"}))
    return made


def save_step(store: Store, record: RouteStep) -> str:
    if record.id is None:
        record = record.model_copy(update={"sort_order": _next_order(store, record.route_id)})
        return repo.create(store, record)
    with store.atomic():
        old = repo.get(store, RouteStep, record.id)
        repo.update(store, record)
        if old.done_date is not None and record.done_date is None:   # «done» taken back
            reopen_deficit(store, record.deficit_id)
    return record.id


def delete_step(store: Store, step_id: str) -> None:
    repo.soft_delete(store, RouteStep, step_id)


def set_step_done(store: Store, step_id: str, day: dt.date | None) -> None:
    """Mark a step done on ``day`` (None: not done after all). A done date after today
    cannot be (domain/checks.py). Taking «done» back returns the step's deficit from
    «устранён» to «в работе»: one of its steps is open again."""
    problem = done_problem(day, store.clock.today())
    if problem:
        raise StorageError(problem)
    with store.atomic():
        step = repo.get(store, RouteStep, step_id)
        repo.update(store, step.model_copy(update={"done_date": day}))
        if day is None:
            reopen_deficit(store, step.deficit_id)


def reopen_deficit(store: Store, deficit_id: str | None) -> None:
    """A deficit marked «устранён» whose step is no longer done goes back «в работе»
    (its resolved date cleared)."""
    if not deficit_id:
        return
    deficit = repo.get(store, Deficit, deficit_id)
    if deficit.status == "устранён":
        repo.update(store, deficit.model_copy(update={"status": "в работе",
                                                      "resolved_date": None}))


def move_step(store: Store, step_id: str, offset: int) -> None:
    """Move a step up (-1) or down (+1) in its route (renumbers the route's steps)."""
    with store.atomic():
        step = repo.get(store, RouteStep, step_id)
        steps = repo.find(store, RouteStep, "route_id = ?", (step.route_id,),
                          order_by="sort_order, rowid")
        index = next(i for i, s in enumerate(steps) if s.id == step_id)
        target = index + offset
        if not 0 <= target < len(steps):
            return
        steps.insert(target, steps.pop(index))
        for order, item in enumerate(steps):
            if item.sort_order != order:
                repo.update(store, item.model_copy(update={"sort_order": order}))


def deficit_to_resolve(store: Store, step_id: str) -> tuple[str, str] | None:
    """After a step is done: its deficit, when every step addressing it (in any route of
    the person) is done and the deficit is not yet «устранён»."""
    step = repo.get(store, RouteStep, step_id)
    if not step.deficit_id or step.done_date is None:
        return None
    deficit = repo.get(store, Deficit, step.deficit_id)
    if deficit.status == "устранён":
        return None
    facts = [rules.StepFacts(s["deficit_id"], _date(s["deadline"]), _date(s["done_date"]))
             for s in _steps_facts(store, "r.deficit_id = ? AND r.route_id IN (SELECT id FROM "
                                          "individual_route WHERE deleted = 0)",
                                   (deficit.id,))]
    if not rules.deficit_steps_done(facts, deficit.id):
        return None
    return deficit.id, deficit.description


def resolved_date_for(store: Store, deficit_id: str) -> dt.date | None:
    """The day the last step of the deficit was done."""
    facts = [rules.StepFacts(s["deficit_id"], _date(s["deadline"]), _date(s["done_date"]))
             for s in _steps_facts(store, "r.deficit_id = ?", (deficit_id,))]
    return rules.resolved_on(facts, deficit_id)


def resolve_deficit(store: Store, deficit_id: str) -> None:
    """Mark a deficit «устранён» on the day its last step was done."""
    day = resolved_date_for(store, deficit_id) or store.clock.today()
    resolve_deficits(store, [deficit_id], day)
