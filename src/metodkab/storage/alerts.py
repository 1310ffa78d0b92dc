"""The to-do list of the dashboard: every alert the data allows, with the records behind it.

Thresholds come from reports.rules and the settings; SQL stays here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.reports import rules
from metodkab.storage.db import Store
from metodkab.storage.settings import all_settings

NAME = ("s.last_name || ' ' || s.first_name || "
        "CASE WHEN s.middle_name <> '' THEN ' ' || s.middle_name ELSE '' END")
EMPLOYED = ("s.deleted = 0 AND (s.hire_date IS NULL OR s.hire_date <= :d) "
            "AND (s.dismissal_date IS NULL OR s.dismissal_date > :d)")


@dataclass(frozen=True)
class AlertItem:
    text: str
    staff_id: str | None = None
    record_id: str | None = None


@dataclass
class Alert:
    key: str
    items: list[AlertItem] = field(default_factory=list)
    params: dict[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.items)


def _items(store: Store, sql: str, params: dict,
           text: Callable[[tuple], str] = lambda r: r[0]) -> list[AlertItem]:
    """Rows of (name, staff id, record id, details…) as items; ``text`` words each row."""
    rows = store.conn.execute(sql, params).fetchall()
    return [AlertItem(text=text(r), staff_id=r[1], record_id=r[2] if len(r) > 2 else None)
            for r in rows]


def _date(value: str | None) -> str:
    return format_date(dt.date.fromisoformat(value)) if value else ""


def collect_alerts(store: Store, day: dt.date) -> list[Alert]:
    """All alerts on the report date ``day``, in the order the dashboard shows them."""
    settings = all_settings(store)
    period = int(settings["training_period_years"])
    months = int(settings["category_warn_months"])
    params = {
        "d": day.isoformat(),
        "cutoff": rules.training_cutoff(day, period).isoformat(),
        "young_birth": rules.young_birth_after(day, int(settings["young_max_age"])).isoformat(),
        "young_start": rules.young_ped_start_after(
            day, int(settings["young_max_experience"])).isoformat(),
    }
    with store.mutex:
        overdue = _items(store, f"""
            SELECT {NAME}, s.id FROM staff s WHERE {EMPLOYED}
              AND NOT EXISTS (SELECT 1 FROM training t WHERE t.staff_id = s.id AND t.deleted = 0
                   AND t.kind IN ('повышение квалификации', 'профессиональная переподготовка')
                   AND t.end_date >= :cutoff AND t.end_date <= :d)
            ORDER BY s.name_norm""", params)
        young = _items(store, f"""
            SELECT {NAME}, s.id FROM staff s WHERE {EMPLOYED} AND s.employment = 'основной'
              AND s.birth_date > :young_birth AND s.ped_start_date > :young_start
              AND NOT EXISTS (SELECT 1 FROM mentorship_mentee mm
                   JOIN mentorship m ON m.id = mm.mentorship_id
                   WHERE mm.staff_id = s.id AND mm.deleted = 0 AND m.deleted = 0
                     AND m.start_date <= :d
                     AND (m.actual_end IS NULL OR m.actual_end > :d))   -- reports.mentorship.active_on
            ORDER BY s.name_norm""", params)
        past_end = _items(store, f"""
            SELECT {NAME}, s.id, m.id, m.planned_end
            FROM mentorship m JOIN staff s ON s.id = m.mentor_id
            WHERE m.deleted = 0 AND m.start_date <= :d AND m.planned_end < :d
              AND ((m.status = 'действует' AND m.actual_end IS NULL) OR m.actual_end > :d)
            ORDER BY m.planned_end""", params,
            lambda r: S.ALERT_MENTORSHIP_PAST_END.format(name=r[0], date=_date(r[3])))
        steps = _items(store, f"""
            SELECT {NAME}, s.id, r.id, r.goal, r.deadline
            FROM route_step r JOIN individual_route i ON i.id = r.route_id
            JOIN staff s ON s.id = i.staff_id
            WHERE r.deleted = 0 AND i.deleted = 0 AND r.deadline < :d
              AND (r.done_date IS NULL OR r.done_date > :d)
            ORDER BY r.deadline""", params,
            lambda r: S.ALERT_STEP_OVERDUE.format(name=r[0], goal=r[3], date=_date(r[4])))
        activities = _items(store, """
            SELECT a.title, NULL, a.id, a.deadline
            FROM programme_activity a JOIN programme_task t ON t.id = a.task_id
            JOIN programme p ON p.id = t.programme_id
            WHERE a.deleted = 0 AND t.deleted = 0 AND p.deleted = 0 AND p.is_current = 1
              AND a.status <> 'отменено' AND a.deadline < :d     -- reports.programme.is_overdue
              AND NOT (a.status = 'выполнено' AND (a.done_date IS NULL OR a.done_date <= :d))
            ORDER BY a.deadline""", params,
            lambda r: S.ALERT_ACTIVITY_OVERDUE.format(title=r[0], date=_date(r[3])))
    plan = _schedule(store, day)
    expiring = [AlertItem(S.ALERT_CATEGORY_UNTIL.format(name=r.name, category=r.category,
                                                        date=format_date(r.valid_until)),
                          r.staff_id)
                for r in plan.expiring]
    return [
        Alert("overdue_training", overdue, {"years": period}),
        Alert("category_expiring", expiring, {"months": months}),
        Alert("conformity_due", conformity_items(store, day, plan), {"months": months}),
        Alert("young_unsupported", young),
        Alert("mentorship_past_end", past_end),
        Alert("route_steps_overdue", steps),
        Alert("activities_overdue", activities),
    ]


def _schedule(store: Store, day: dt.date):
    from metodkab.storage.attestation import schedule

    return schedule(store, day)


def conformity_items(store: Store, day: dt.date, plan=None) -> list[AlertItem]:
    """People without a category whose conformity attestation (СЗД) is due or falls due
    within the warning window — the same rule as the Аттестация schedule (``plan``: that
    schedule, when the caller has it already)."""
    items = []
    for row in (plan or _schedule(store, day)).conformity:
        state = row.state
        if state.state == "failed":
            when = S.ALERT_CONFORMITY_FAILED.format(date=format_date(state.last))
        elif state.state == "due":
            when = S.ALERT_CONFORMITY_DUE
        elif state.state == "clarify":
            when = S.ALERT_CONFORMITY_CLARIFY
        elif state.state == "soon" and state.due is not None:
            when = S.ALERT_CONFORMITY_SOON.format(date=format_date(state.due))
        else:
            continue
        items.append(AlertItem(f"{row.name}: {when}", row.staff_id))
    return items
