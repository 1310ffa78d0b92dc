"""What the printable documents need, gathered from the other storage modules (and a few
queries of its own); the documents themselves are built in reports/documents.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from metodkab import strings as S
from metodkab.domain.models import Mentorship, Staff
from metodkab.domain.parse import format_date, format_end, norm
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
    """The school's names and signers (its details) and the place (Настройки)."""
    school = get_school(store)
    place = all_settings(store).get("doc_place") or ""
    if school is None:
        return rd.Signers("", place=place)
    return rd.Signers(school.full_name, school.short_name, school.director, school.deputy,
                      place)


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


def _action_text(step: development.StepRow) -> str:
    """The «Действие» cell of a step: the action, then what it is linked to (the course,
    the pair, the short learning), each on its own line and named, unless the action
    already names it."""
    title = step.learning.partition("«")[2].rpartition("»")[0]
    learning = "" if title and title in step.action else step.learning
    mentorship = (S.DOC_ROUTE_STEP_MENTORSHIP.format(mentorship=step.mentorship)
                  if step.mentorship else "")
    return "\n".join(x for x in (step.action, _link(step.action, step.training), mentorship,
                                 learning) if x)


def _deficit_headings(store: Store, deficit_ids: list[str]) -> dict[str, str]:
    """Each deficit as the ИОМ heads its steps: the text, the area and the diagnostic that
    found it (kind, who ran it, date), or the date it was recorded."""
    if not deficit_ids:
        return {}
    marks = ", ".join("?" for _ in deficit_ids)
    with store.mutex:
        rows = store.db.conn.execute(f"""
            SELECT d.id, d.description, d.area, d.found_date, g.kind, g.operator, g.date
            FROM deficit d LEFT JOIN diagnostic g ON g.id = d.diagnostic_id AND g.deleted = 0
            WHERE d.id IN ({marks})""", deficit_ids).fetchall()
    headings = {}
    for deficit_id, text, area, found, kind, operator, date in rows:
        if kind:
            source = S.DOC_ROUTE_SOURCE.format(kind=kind, operator=f" ({operator})"
                                               if operator else "",
                                               date=format_date(dt.date.fromisoformat(date)))
        elif found:
            source = S.DOC_ROUTE_SOURCE_FOUND.format(date=format_date(
                dt.date.fromisoformat(found)))
        else:
            source = S.DOC_ROUTE_SOURCE_NONE
        headings[deficit_id] = S.DOC_ROUTE_DEFICIT.format(text=text, area=area, source=source)
    return headings


def _last_course(store: Store, staff_id: str, day: dt.date) -> str:
    with store.mutex:
        row = store.db.conn.execute(
            "SELECT title, hours, end_date, end_precision FROM training WHERE deleted = 0 "
            "AND staff_id = ? "
            "AND end_date IS NOT NULL AND end_date <= ? ORDER BY end_date DESC, rowid DESC "
            "LIMIT 1", (staff_id, day.isoformat())).fetchone()
    if row is None:
        return S.DOC_ROUTE_NONE
    title, hours, end, precision = row
    return S.DOC_ROUTE_LAST_COURSE_ITEM.format(title=title, hours=hours,
                                               date=format_end(end, precision))


def _mentor_of(store: Store, staff_id: str, day: dt.date) -> str:
    """The mentor (ФИО) of the person's pair active on ``day`` by the one rule of §6
    (reports.mentorship.active_on: dates cover the day, the mentor employed), or ''."""
    active = set(store_m.active_pair_ids(store, day))
    with store.mutex:
        rows = store.db.conn.execute(
            "SELECT m.id, s.last_name, s.first_name, s.middle_name FROM mentorship m "
            "JOIN mentorship_mentee mm ON mm.mentorship_id = m.id AND mm.deleted = 0 "
            "JOIN staff s ON s.id = m.mentor_id "
            "WHERE m.deleted = 0 AND mm.staff_id = ? ORDER BY m.start_date DESC",
            (staff_id,)).fetchall()
    row = next((r for r in rows if r[0] in active), None)
    return Person(*row[1:]).signature if row else ""


def _profile(store: Store, person: Staff, day: dt.date,
             topic: str = "") -> tuple[tuple[str, str], ...]:
    """The personal block of the ИОМ: subjects, education, category and its term,
    pedagogical experience, the last course, the route's topic of self-education."""
    from metodkab.reports import attestation as ra
    from metodkab.reports.rules import experience_years
    from metodkab.storage.attestation import person_attestation

    education = person.education_level or S.DOC_ROUTE_NONE
    if person.education_level and person.education_pedagogical:
        education = S.DOC_ROUTE_EDUCATION_PED.format(level=person.education_level)
    held = person_attestation(store, person.id, day).held
    categories = "; ".join(S.DOC_ROUTE_CATEGORY_ITEM.format(
        category=c.category, position=c.position,
        # a term counted from a year-only decision is «2026 г.» (until_text), not a day
        term=S.DOC_ROUTE_CATEGORY_UNTIL.format(date=ra.until_text(
            c.decision_date, c.valid_until, c.decision_precision,
            c.until_precision) or format_date(until)) if (
            until := c.valid_until or ra.default_valid_until(c.decision_date))
        else S.DOC_ROUTE_CATEGORY_UNKNOWN if ra.needs_date(c)
        else S.DOC_ROUTE_CATEGORY_FOREVER) for c in held) or S.DOC_ROUTE_CATEGORY_NONE
    years = experience_years(person.ped_start_date, day)
    experience = (S.DOC_ROUTE_EXPERIENCE_YEARS.format(years=years_text(years),
                                                      date=format_date(day))
                  if years is not None else S.DOC_ROUTE_NONE)
    return ((S.DOC_ROUTE_SUBJECTS, ", ".join(person.subjects) or S.DOC_DASH),
            (S.DOC_ROUTE_EDUCATION, education),
            (S.DOC_ROUTE_CATEGORY, categories),
            (S.DOC_ROUTE_EXPERIENCE, experience),
            (S.DOC_ROUTE_LAST_COURSE, _last_course(store, person.id, day)),
            (S.DOC_ROUTE_SELF_EDUCATION, topic or S.DOC_ROUTE_NONE))


def years_text(years: int) -> str:
    """1 год, 3 года, 11 лет."""
    return f"{years} {rd.plural(years, (S.DOC_YEARS_ONE, S.DOC_YEARS_FEW, S.DOC_YEARS_MANY))}"


def load_route(store: Store, route_id: str) -> rd.RouteDocument:
    day = report_date(store)
    view = development.load_route(store, route_id, day)
    person = repo.get(store, Staff, view.route.staff_id)
    r = view.route
    headings = _deficit_headings(store, [s.deficit_id for s in view.steps if s.deficit_id])
    steps = tuple(rd.RouteLine(
        s.number, headings.get(s.deficit_id, "") if s.deficit_id else "", s.goal,
        _action_text(s),
        s.form, s.deadline, s.expected_product, s.done_date, s.evidence, s.overdue)
        for s in view.steps)
    mentor = _mentor_of(store, person.id, day)
    return rd.RouteDocument(
        load_signers(store), Person(person.last_name, person.first_name, person.middle_name,
                                    person.sex),
        ", ".join(person.positions), r.period_start, r.period_end, r.developed_by,
        r.approved_date, r.status, steps, day, _profile(store, person, day, r.self_education_topic),
        S.DOC_ROUTE_AGREED_MENTOR if mentor else S.DOC_ROUTE_AGREED_TUTOR, mentor)


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


# The to-do lists of the report and the figure each should agree with: (indicator key,
# True when the list is the people counted, False when it is those left out).
LIST_FIGURES = {"overdue_training": ("training_overdue", True),
                "young_unsupported": ("young_supported", False)}


def _list_note(alert, result, names: dict[str, str]) -> str:
    """Why a to-do list and its figure in the table differ (the part-timer in the list,
    not in P(D)); '' when they agree."""
    in_figure = set(result[0].ids if result[1] else result[0].other_ids)
    listed = {i.staff_id for i in alert.items if i.staff_id}
    if listed == in_figure:
        return ""
    figure = result[0]
    count = len(in_figure)
    note = S.DOC_REPORT_LIST_DIFF.format(name=figure.name, count=count)
    extra = [i.text.split(" — ")[0] for i in alert.items if i.staff_id not in in_figure]
    if extra:
        note += S.DOC_REPORT_LIST_EXTRA.format(names=", ".join(extra))
    missing = [names.get(i, i) for i in in_figure - listed]
    if missing:
        note += S.DOC_REPORT_LIST_MISSING.format(names=", ".join(sorted(missing)))
    return note


def load_staff_report(store: Store, day: dt.date | None = None,
                      period: tuple[dt.date, dt.date] | None = None) -> rd.ReportDocument:
    """The indicators of the Показатели screen and the to-do lists of the dashboard that
    concern staff development (overdue training, categories expiring, young teachers
    without support, overdue ИОМ steps), on ``day`` (the report date by default).
    ``period`` (start, end): the figures on its end (``day`` at most) over that period;
    by default the screen's own months."""
    day = day or report_date(store)
    if period is not None:
        day = min(period[1], day)
    report = load_report(store, day, period)
    titles = {"overdue_training": S.TODO_OVERDUE_TRAINING,
              "category_expiring": S.TODO_CATEGORY_EXPIRING,
              "young_unsupported": S.TODO_YOUNG_UNSUPPORTED,
              "route_steps_overdue": S.TODO_ROUTE_STEPS_OVERDUE}
    alerts = {a.key: a for a in collect_alerts(store, report.day)}
    results = {r.key: r for r in report.results}
    names = {i: name for i, (name, _) in report.people.items()}
    lists = []
    for key in REPORT_ALERTS:
        if key not in alerts:
            continue
        alert = alerts[key]
        figure_key, counted = LIST_FIGURES.get(key, (None, True))
        note = (_list_note(alert, (results[figure_key], counted), names)
                if figure_key in results else "")
        lists.append(rd.ReportList(titles[key].format(**alert.params),
                                   tuple(i.text for i in alert.items[:LIST_LIMIT]),
                                   alert.count, note))
    return rd.ReportDocument(load_signers(store), report.day, report.period_start,
                             report.period_end, report.results, tuple(lists))


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
