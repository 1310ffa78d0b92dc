"""What the printable documents need, gathered from the other storage modules (and a few
queries of its own); the documents themselves are built in reports/documents.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from metodkab import strings as S
from metodkab.domain.models import Mentorship, Staff
from metodkab.domain.parse import norm
from metodkab.reports import documents as rd
from metodkab.reports import programme as rp
from metodkab.reports.names import Person
from metodkab.storage import development, repo
from metodkab.storage import mentorship as store_m
from metodkab.storage import programme as ps
from metodkab.storage.alerts import collect_alerts
from metodkab.storage.db import Store
from metodkab.storage.errors import NotFound
from metodkab.storage.indicators import load_report
from metodkab.storage.school import get_school
from metodkab.storage.settings import all_settings, report_date

LIST_LIMIT = 100           # people per list in the staff report; the rest are counted
REPORT_ALERTS = ("overdue_training", "category_expiring", "young_unsupported",
                 "route_steps_overdue")


def load_signers(store: Store) -> rd.Signers:
    school = get_school(store)
    if school is None:
        return rd.Signers("")
    return rd.Signers(school.full_name, school.short_name, school.director, school.deputy)


# --- the programme -----------------------------------------------------------------------


def load_programme(store: Store, programme_id: str) -> tuple[rp.ProgrammeDocument, rd.Signers]:
    """The programme as the screen's print has it (reports.programme.ProgrammeDocument: the
    indicators with the actual values the screen shows) and who signs it."""
    labels = {**S.PROG_PRINT_LABELS, "order": S.DOC_PROG_ORDER}
    return ps.load_document(store, programme_id, labels), load_signers(store)


# --- a person's route ----------------------------------------------------------------------


def _link(action: str, training: str) -> str:
    """The course a step is linked to, unless the action names it already."""
    if not training or training.rsplit(" (", 1)[0] in action:
        return ""
    return f"{S.DEV_F_TRAINING}: {training}"


def load_route(store: Store, route_id: str) -> rd.RouteDocument:
    view = development.load_route(store, route_id, report_date(store))
    person = repo.get(store, Staff, view.route.staff_id)
    r = view.route
    steps = tuple(rd.RouteLine(
        s.number, s.deficit, s.goal,
        "\n".join(x for x in (s.action, _link(s.action, s.training), s.mentorship,
                              s.learning) if x),
        s.form, s.deadline, s.expected_product, s.done_date, s.evidence) for s in view.steps)
    return rd.RouteDocument(load_signers(store), person.name, ", ".join(person.positions),
                            r.period_start, r.period_end, r.developed_by, r.approved_date,
                            r.status, steps)


# --- the mentorship order ------------------------------------------------------------------


@dataclass(frozen=True)
class OrderCandidate:
    """A pair the order may name: in force on the day and without an order yet."""

    id: str
    label: str              # «Иванова А. П. → Сидоров О. И. (01.09.2026 – 31.05.2027)»


def order_candidates(store: Store, day: dt.date | None = None) -> list[OrderCandidate]:
    """The pairs and groups «действует» whose term has not ended on ``day`` and that have
    no order yet (no number), in the register's order: what a new order is for."""
    day = day or report_date(store)
    query = store_m.MentorshipQuery(status="действует", no_order=True)
    total = store_m.count_mentorships(store, query, day)
    rows = store_m.list_mentorships(store, replace(query, limit=max(total, 1)), day)
    return [OrderCandidate(r.id, S.DOC_ORDER_CANDIDATE.format(
                mentor=rd.surname_first(r.mentor),
                mentees=", ".join(rd.surname_first(m) for m in r.mentees),
                period=rd.period_text(r.start, r.planned_end)))
            for r in rows if r.planned_end >= day and not r.order_number]


def _person(store: Store, staff_id: str | None) -> Staff | None:
    if not staff_id:
        return None
    try:
        return repo.get(store, Staff, staff_id)
    except NotFound:
        return None


def _order_person(person: Staff, *, subjects: bool = False) -> rd.OrderPerson:
    return rd.OrderPerson(
        Person(person.last_name, person.first_name, person.middle_name, person.sex),
        person.positions[0] if person.positions else "",
        ", ".join(person.subjects) if subjects else "")


def load_order(store: Store, ids: Iterable[str] | None = None,
               day: dt.date | None = None) -> rd.OrderDocument:
    """The order for the pairs ``ids`` (by default every pair without an order,
    ``order_candidates``): each pair's mentor and mentees with their positions (and the
    mentees' subjects), reason, form, term and curator; the place and the school's
    Положение о наставничестве from Настройки."""
    day = day or report_date(store)
    chosen = [c.id for c in order_candidates(store, day)] if ids is None else list(ids)
    pairs = []
    for mentorship_id in chosen:
        m = repo.get(store, Mentorship, mentorship_id)
        mentor = _person(store, m.mentor_id)
        if mentor is None:
            continue
        mentees = [p for p in (_person(store, i) for i in m.mentee_ids) if p is not None]
        mentees.sort(key=lambda p: norm(p.name))
        curator = _person(store, m.curator_id)
        pairs.append(rd.OrderPair(
            _order_person(mentor), tuple(_order_person(p, subjects=True) for p in mentees),
            m.form, m.start_date, m.planned_end, m.reason,
            _order_person(curator) if curator else None))
    settings = all_settings(store)
    rule_date = settings.get("mentorship_rule_date") or ""
    return rd.OrderDocument(
        load_signers(store), day, tuple(pairs), place=settings.get("doc_place") or "",
        rule_number=settings.get("mentorship_rule_number") or "",
        rule_date=dt.date.fromisoformat(rule_date) if rule_date else None)


# --- the staff development report ------------------------------------------------------------


def load_staff_report(store: Store, day: dt.date | None = None) -> rd.ReportDocument:
    """The indicators of the Показатели screen and the to-do lists of the dashboard that
    concern staff development (overdue training, categories expiring, young teachers
    without support, overdue ИОМ steps)."""
    report = load_report(store, day)
    titles = {"overdue_training": S.TODO_OVERDUE_TRAINING,
              "category_expiring": S.TODO_CATEGORY_EXPIRING,
              "young_unsupported": S.TODO_YOUNG_UNSUPPORTED,
              "route_steps_overdue": S.TODO_ROUTE_STEPS_OVERDUE}
    alerts = {a.key: a for a in collect_alerts(store, report.day)}
    lists = tuple(rd.ReportList(titles[key].format(**alerts[key].params),
                                tuple(i.text for i in alerts[key].items[:LIST_LIMIT]),
                                alerts[key].count)
                  for key in REPORT_ALERTS if key in alerts)
    return rd.ReportDocument(load_signers(store), report.day, report.period_start,
                             report.period_end, report.results, lists)


# --- the year-end archive ----------------------------------------------------------------------


def active_route_ids(store: Store, day: dt.date) -> list[str]:
    """The routes in force on ``day`` (approved or under way, the period under way), by the
    person's name: the archive holds an ИОМ for each."""
    with store.mutex:
        rows = store.db.conn.execute(
            "SELECT r.id FROM individual_route r JOIN staff s ON s.id = r.staff_id "
            "WHERE r.deleted = 0 AND s.deleted = 0 AND r.status IN ('утверждён', 'выполняется') "
            "AND r.period_start <= ? AND r.period_end >= ? ORDER BY s.name_norm, r.period_start",
            (day.isoformat(), day.isoformat())).fetchall()
    return [r[0] for r in rows]
