"""The facts every indicator needs, read in a few queries; the figures are computed in
reports/indicators.py. Also the names and positions of people for the drill-down lists."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from metodkab.reports import growth as rg
from metodkab.reports import indicators as ri
from metodkab.reports import mentorship as rm
from metodkab.reports import programme as rp
from metodkab.reports import training as rt
from metodkab.storage.db import Store
from metodkab.storage.school import get_school
from metodkab.storage.settings import all_settings, report_date

NAME = ("s.last_name || ' ' || s.first_name || "
        "CASE WHEN s.middle_name <> '' THEN ' ' || s.middle_name ELSE '' END")


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _rows(store: Store, sql: str, params: Sequence | dict = ()) -> list[tuple]:
    return store.db.conn.execute(sql, params).fetchall()


def load_data(store: Store, day: dt.date,
              period: tuple[dt.date, dt.date] | None = None) -> ri.IndicatorData:
    """Everything the indicators read on ``day``: people (not deleted, dismissed ones too,
    so that P(D) can be taken on any date), their trainings, diagnostics, categories, the
    pairs with their mentees, the routes with their steps, and the current programme."""
    settings = {**ri.EXTRA_DEFAULTS, **all_settings(store)}
    if period is None:
        period = ri.default_period(day, int(settings["indicator_period_months"] or 12))
    with store.mutex:
        people = tuple(ri.Person(
            r[0], r[1], r[2], _d(r[3]), _d(r[4]), _d(r[5]), _d(r[6]), r[7], bool(r[8]),
            bool(r[9]), r[10] or "") for r in _rows(store, f"""
            SELECT s.id, {NAME}, s.employment, s.hire_date, s.dismissal_date, s.birth_date,
                   s.ped_start_date, s.education_level, s.education_pedagogical,
                   s.management_team,
                   (SELECT group_concat(position, ', ') FROM (SELECT position FROM
                      staff_position p WHERE p.staff_id = s.id AND p.deleted = 0
                      ORDER BY p.sort_order))
            FROM staff s WHERE s.deleted = 0 ORDER BY s.name_norm, s.id"""))
        trainings = tuple(ri.TrainingFact(
            r[0], _d(r[1]), r[2], bool(r[3]), bool(r[4]), bool(r[5]),
            tuple(json.loads(r[6] or "[]")), r[7] or "day") for r in _rows(store, """
            SELECT staff_id, end_date, kind, federal_register, by_diagnostics, management, topics,
                   end_precision
            FROM training WHERE deleted = 0 AND end_date <= ?""", (day.isoformat(),)))
        diagnostics = tuple(ri.DiagnosticFact(r[0], _d(r[1]), r[2], r[3], r[4], r[5])
                            for r in _rows(store, """
            SELECT staff_id, date, kind, percent, score, max_score FROM diagnostic
            WHERE deleted = 0 AND date <= ?""", (day.isoformat(),)))
        categories = tuple(ri.CategoryFact(r[0], r[1], _d(r[2]), _d(r[3]), r[4], r[5] or "day",
                                           r[6] or "day")
                           for r in _rows(store, """
            SELECT staff_id, category, decision_date, valid_until, position, decision_precision,
                   until_precision
            FROM qualification_category WHERE deleted = 0""", ()))
        mentees: dict[str, list[str]] = {}
        for mentorship_id, staff_id in _rows(store, """
                SELECT mentorship_id, staff_id FROM mentorship_mentee WHERE deleted = 0
                ORDER BY rowid""", ()):
            mentees.setdefault(mentorship_id, []).append(staff_id)
        pairs = tuple(rm.PairFacts(
            r[0], r[1], tuple(mentees.get(r[0], ())), _d(r[2]), _d(r[3]), _d(r[4]), r[5],
            r[6], _d(r[7])) for r in _rows(store, """
            SELECT id, mentor_id, start_date, planned_end, actual_end, status, order_number,
                   order_date FROM mentorship WHERE deleted = 0 ORDER BY start_date, rowid""", ()))
        steps: dict[str, list[rt.StepFacts]] = {}
        for route_id, deficit_id, deadline, done in _rows(store, """
                SELECT route_id, deficit_id, deadline, done_date FROM route_step
                WHERE deleted = 0 ORDER BY route_id, sort_order""", ()):
            steps.setdefault(route_id, []).append(rt.StepFacts(deficit_id, _d(deadline),
                                                               _d(done)))
        routes = tuple(ri.RouteFact(r[1], _d(r[2]), _d(r[3]), r[4], tuple(steps.get(r[0], ())))
                       for r in _rows(store, """
            SELECT id, staff_id, period_start, period_end, status FROM individual_route
            WHERE deleted = 0""", ()))
        tasks = tuple((r[0], f"{r[1]}. {r[2]}") for r in _rows(store, """
            SELECT t.id, t.number, t.title FROM programme_task t
            JOIN programme p ON p.id = t.programme_id
            WHERE t.deleted = 0 AND p.deleted = 0 AND p.is_current = 1
            ORDER BY t.number, t.rowid""", ()))
        activities = tuple(rp.ActivityFact(
            r[0], r[1], r[2], r[3], _d(r[4]), _d(r[5]),
            tuple(i for i in (r[6] or "").split(",") if i)) for r in _rows(store, """
            SELECT a.id, a.task_id, a.direction, a.status, a.deadline, a.done_date,
                   (SELECT group_concat(staff_id) FROM activity_responsible x
                     WHERE x.activity_id = a.id AND x.deleted = 0)
            FROM programme_activity a JOIN programme_task t ON t.id = a.task_id
            JOIN programme p ON p.id = t.programme_id
            WHERE a.deleted = 0 AND t.deleted = 0 AND p.deleted = 0 AND p.is_current = 1
            ORDER BY t.number, a.deadline, a.rowid""", ()))
        achievements = tuple(rg.AchievementFact(r[0], r[1], r[2], _d(r[3]), r[4])
                             for r in _rows(store, """
            SELECT staff_id, kind, level, date, result FROM achievement
            WHERE deleted = 0 AND date <= ?""", (day.isoformat(),)))
        learning = tuple(rg.LearningFact(r[0], _d(r[1]), r[2]) for r in _rows(store, """
            SELECT staff_id, date, hours FROM short_learning
            WHERE deleted = 0 AND date <= ?""", (day.isoformat(),)))
        young_school = frozenset(r[0] for r in _rows(store, """
            SELECT m.staff_id FROM association_member m
            JOIN association a ON a.id = m.association_id
            WHERE m.deleted = 0 AND a.deleted = 0 AND a.kind = ?""", (ri.YOUNG_SCHOOL_KIND,)))
    return ri.IndicatorData(day, period[0], period[1], settings, people, trainings,
                            diagnostics, categories, pairs, routes, activities, tasks,
                            achievements=achievements, learning=learning,
                            young_school=young_school)


@dataclass(frozen=True)
class Report:
    """What the indicators screen shows: the school, the date and period, every figure,
    and the people by id (name, positions) for the drill-down."""

    school: str
    day: dt.date
    period_start: dt.date
    period_end: dt.date
    results: tuple[ri.Result, ...]
    people: dict[str, tuple[str, str]]
    settings: dict = field(default_factory=dict)    # what the rules read (for the help line)

    def explain(self, result: ri.Result) -> str:
        return ri.explain(result, self.settings)


def load_report(store: Store, day: dt.date | None = None,
                period: tuple[dt.date, dt.date] | None = None) -> Report:
    """All indicators on the report date (from settings unless given)."""
    day = day or report_date(store)
    data = load_data(store, day, period)
    school = get_school(store)
    return Report(school.short_name if school else "", day, data.period_start, data.period_end,
                  tuple(ri.compute_all(data)),
                  {p.id: (p.name, p.positions) for p in data.people}, dict(data.settings))


def names_of(report: Report, ids: Iterable[str]) -> list[tuple[str, str, str]]:
    """(id, name, positions) of the given people, in name order as loaded."""
    wanted = set(ids)
    return [(i, n, pos) for i, (n, pos) in report.people.items() if i in wanted]
