"""The to-do list of the dashboard: every alert the data allows, with the records behind it.

Who is listed comes from the rules of reports/ (the same functions as the figures); SQL
stays here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from metodkab import strings as S
from metodkab.domain.parse import format_date, format_end, short_name
from metodkab.reports import indicators as ri
from metodkab.reports import mentorship as rm
from metodkab.storage.db import Store
from metodkab.storage.settings import all_settings

NAME = ("s.last_name || ' ' || s.first_name || "
        "CASE WHEN s.middle_name <> '' THEN ' ' || s.middle_name ELSE '' END")


@dataclass(frozen=True)
class AlertItem:
    text: str
    staff_id: str | None = None
    record_id: str | None = None


@dataclass
class Alert:
    key: str
    items: list[AlertItem] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)   # the title's numbers

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


def _people_items(data: ri.IndicatorData, ids: tuple[str, ...]) -> list[AlertItem]:
    names = {p.id: p.name for p in data.people}
    return [AlertItem(text=names[i], staff_id=i) for i in ids]


def _short(name: str) -> str:
    """«Борисова Анна» → «Борисова А.»: the mentee named in a pair's item."""
    return short_name(*(name.split(" ", 2) + ["", ""])[:3])


def _pair_items(data: ri.IndicatorData, state: str, text: str) -> list[AlertItem]:
    """Pairs in ``state`` on D (reports.mentorship.pair_state), worded by ``text``."""
    people = ri.people_by_id(data)
    names = {p.id: p.name for p in data.people}
    found = [p for p in data.pairs if rm.pair_state(p, data.day, people) == state]
    found.sort(key=lambda p: (p.planned_end, names.get(p.mentor_id, "")))
    dismissal = {p.id: p.dismissal_date for p in data.people}
    return [AlertItem(text.format(name=names.get(p.mentor_id, "?"),
                                  mentees=", ".join(_short(names.get(m, "?"))
                                                    for m in p.mentee_ids) or "—",
                                  date=format_date(p.planned_end),
                                  dismissed=format_date(dismissal.get(p.mentor_id))),
                      p.mentor_id, p.id) for p in found]


def _outside_p(data: ri.IndicatorData) -> dict[str, str]:
    """« — why» for the people employed on D whom the figures leave out (part-timers): a
    list of everyone employed marks them (reports.rules.outside_p)."""
    from metodkab.reports import rules

    return {p.id: f" — {why}" for p in data.people
            if (why := rules.outside_p(p, data.day))}


def collect_alerts(store: Store, day: dt.date, data: ri.IndicatorData | None = None
                   ) -> list[Alert]:
    """All alerts on the report date ``day``, in the order the dashboard shows them.

    The people and pairs come from the indicators' own rules (reports.indicators over
    storage.indicators.load_data), so the to-do list and the figures never disagree."""
    from metodkab.storage.indicators import load_data

    settings = all_settings(store)
    months = int(settings["category_warn_months"])
    data = data if data is not None else load_data(store, day)
    late = ri.training_overdue(data)
    overdue = [AlertItem(i.text + (f" — {late.note(i.staff_id)}" if late.note(i.staff_id)
                                   else ""), i.staff_id)
               for i in _people_items(data, late.ids)]
    young = _people_items(data, ri.young_supported(data).other_ids)
    past_end = _pair_items(data, "expired", S.ALERT_MENTORSHIP_PAST_END)
    mentor_gone = _pair_items(data, "mentor_gone", S.ALERT_MENTOR_DISMISSED)
    params = {"d": day.isoformat()}
    with store.mutex:
        steps = _items(store, f"""
            SELECT {NAME}, s.id, r.id, r.goal, r.deadline
            FROM route_step r JOIN individual_route i ON i.id = r.route_id
            JOIN staff s ON s.id = i.staff_id
            WHERE r.deleted = 0 AND i.deleted = 0
              AND step_overdue(r.deadline, r.done_date, :d)    -- reports.training.step_overdue
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
    outside = _outside_p(data)
    expiring = [AlertItem(S.ALERT_CATEGORY_UNTIL.format(
                              name=r.name, category=r.category,
                              date=format_end(r.valid_until, "year" if r.year_only else "day"))
                          + outside.get(r.staff_id, ""), r.staff_id)
                for r in plan.expiring if not r.clarify]
    undated = [AlertItem((S.ALERT_CATEGORY_CLARIFY_UNTIL.format(
                             name=r.name, category=r.category,
                             until=format_end(r.valid_until, "year")) if r.until_year
                          else S.ALERT_CATEGORY_CLARIFY.format(name=r.name, category=r.category))
                         + outside.get(r.staff_id, ""), r.staff_id)
               for r in plan.expiring if r.clarify]
    conformity = [AlertItem(i.text + outside.get(i.staff_id or "", ""), i.staff_id,
                            i.record_id) for i in conformity_items(store, day, plan)]
    return [
        Alert("overdue_training", overdue, ri.title_values(settings)),   # «более 3 лет»
        Alert("category_expiring", expiring, {"months": months}),
        Alert("category_undated", undated),
        Alert("conformity_due", conformity, {"months": months}),
        Alert("young_unsupported", young),
        Alert("mentor_dismissed", mentor_gone),
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
            when = S.ALERT_CONFORMITY_FAILED.format(date=format_end(
                state.last, "year" if state.year_only else "day"))
        elif state.state == "due":
            when = S.ALERT_CONFORMITY_DUE
        elif state.state == "clarify" and state.year_only and state.last is None:
            continue            # a category known by its year: listed with the categories
        elif state.state == "clarify" and state.year_only:
            when = S.ALERT_CONFORMITY_CLARIFY_YEAR.format(date=format_end(state.due, "year"))
        elif state.state == "clarify":
            when = S.ALERT_CONFORMITY_CLARIFY
        elif state.state == "soon" and state.due is not None:
            when = S.ALERT_CONFORMITY_SOON.format(date=format_end(
                state.due, "year" if state.year_only else "day"))
        else:
            continue
        items.append(AlertItem(f"{row.name}: {when}", row.staff_id))
    return items
