"""What the printable documents need, gathered from the other storage modules (and a few
queries of its own); the documents themselves are built in reports/documents.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from metodkab import strings as S
from metodkab.domain.models import Staff
from metodkab.reports import documents as rd
from metodkab.reports import programme as rp
from metodkab.storage import development, repo
from metodkab.storage import mentorship as store_m
from metodkab.storage import programme as ps
from metodkab.storage.alerts import collect_alerts
from metodkab.storage.db import Store
from metodkab.storage.indicators import load_report
from metodkab.storage.school import get_school
from metodkab.storage.settings import report_date

NAME = ("s.last_name || ' ' || s.first_name || "
        "CASE WHEN s.middle_name <> '' THEN ' ' || s.middle_name ELSE '' END")
LIST_LIMIT = 100           # people per list in the staff report; the rest are counted
REPORT_ALERTS = ("overdue_training", "category_expiring", "young_unsupported",
                 "route_steps_overdue")


def load_signers(store: Store) -> rd.Signers:
    school = get_school(store)
    if school is None:
        return rd.Signers("")
    return rd.Signers(school.full_name, school.short_name, school.director, school.deputy)


def _first_positions(store: Store, staff_ids: Iterable[str]) -> dict[str, str]:
    """The first position of each person (as ordered on the card)."""
    ids = list(dict.fromkeys(staff_ids))
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        with store.mutex:
            rows = store.db.conn.execute(
                f"SELECT staff_id, position FROM staff_position WHERE deleted = 0 "
                f"AND staff_id IN ({marks}) ORDER BY sort_order, rowid", chunk).fetchall()
        for staff_id, position in rows:
            found.setdefault(staff_id, position)
    return found


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


def load_order(store: Store, day: dt.date | None = None) -> rd.OrderDocument:
    """Every pair or group with the status «действует», as the register lists them."""
    day = day or report_date(store)
    query = store_m.MentorshipQuery(status="действует")
    total = store_m.count_mentorships(store, query, day)
    rows = store_m.list_mentorships(store, store_m.MentorshipQuery(
        status="действует", limit=max(total, 1)), day)
    ids = [r.id for r in rows]
    mentees: dict[str, list[tuple[str, str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        with store.mutex:
            found = store.db.conn.execute(f"""
                SELECT mm.mentorship_id, s.id, {NAME} FROM mentorship_mentee mm
                JOIN staff s ON s.id = mm.staff_id
                WHERE mm.deleted = 0 AND mm.mentorship_id IN ({marks})
                ORDER BY s.name_norm""", chunk).fetchall()
        for mentorship_id, staff_id, name in found:
            mentees.setdefault(mentorship_id, []).append((staff_id, name))
    positions = _first_positions(store, [r.mentor_id for r in rows] +
                                 [i for group in mentees.values() for i, _ in group])

    def named(staff_id: str, name: str) -> str:
        position = positions.get(staff_id)
        return f"{name}, {position}" if position else name

    pairs = tuple(rd.OrderPair(
        named(r.mentor_id, r.mentor), tuple(named(i, n) for i, n in mentees.get(r.id, ())),
        r.form, r.start, r.planned_end, r.curator) for r in rows)
    people = {r.mentor for r in rows} | {n for g in mentees.values() for _, n in g}
    people |= {r.curator for r in rows if r.curator}
    ordered = tuple(sorted(people, key=lambda n: n.lower().replace("ё", "е")))
    return rd.OrderDocument(load_signers(store), day, pairs, ordered)


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
