"""The facts of a person's attestation portfolio (reports/portfolio.py builds the Word
document): read through the other storage modules where they already answer, SQL here
for the rest (steps done, pairs with their results, associations led, activities)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from metodkab import strings as S
from metodkab.domain.models import Staff
from metodkab.domain.parse import format_date, format_end
from metodkab.reports import attestation as ra
from metodkab.reports import portfolio as rp
from metodkab.reports import rules as common
from metodkab.storage import achievements as store_g
from metodkab.storage import attestation as store_a
from metodkab.storage import development as store_d
from metodkab.storage import repo
from metodkab.storage import training as store_t
from metodkab.storage.db import Store
from metodkab.storage.documents import load_signers, years_text
from metodkab.storage.rows import dict_rows as _rows, full_name, iso_date as _d
from metodkab.storage.settings import report_date

NAME = full_name("s")
# Achievements that are methodical work: printed once, under «Достижения…» (an achievement
# record, domain.md §2), and counted in «Методическая работа» with a pointer to them.
METHODICAL_KINDS = ("выступление", "публикация", "мастер-класс", "обобщение опыта",
                    "открытый урок")


def _dates(start: dt.date | None, end: dt.date | None) -> str:
    return S.DOC_PERIOD.format(start=format_date(start), end=format_date(end)) if end \
        else format_date(start)


def _profile(store: Store, person: Staff, day: dt.date) -> tuple[tuple[str, str], ...]:
    from metodkab.storage.associations import association_choices

    lines = [(S.PF_PERSON, person.name), (S.PF_POSITIONS, ", ".join(person.positions))]
    if person.subjects:
        lines.append((S.PF_SUBJECTS, ", ".join(person.subjects)))
    if person.education_level:
        lines.append((S.PF_EDUCATION, person.education_level + (
            S.DEV_PEDAGOGICAL if person.education_pedagogical else "")))
    years = common.experience_years(person.ped_start_date, day)
    if years is not None:
        lines.append((S.PF_EXPERIENCE, S.PF_EXPERIENCE_VALUE.format(
            years=years_text(years), date=format_date(person.ped_start_date))))
    if person.hire_date:
        lines.append((S.PF_HIRED, format_date(person.hire_date)))
    names = dict(association_choices(store))
    associations = [names[a] for a in person.association_ids if a in names]
    if associations:
        lines.append((S.PF_ASSOCIATIONS, ", ".join(associations)))
    return tuple(lines)


def _pair_statuses(store: Store, pairs: list[dict[str, Any]], day: dt.date) -> dict[str, str]:
    """Each pair's status as the dossier prints it: a pair recorded «действует» that is not
    active on D by the one rule (reports.mentorship.pair_state: its term ended, its mentor
    left …) says why instead of «действует»."""
    from metodkab.reports import mentorship as rm
    from metodkab.storage import mentorship as store_m

    ids = [p["id"] for p in pairs]
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    facts = {f.id: f for f in store_m._pair_facts(store, f"m.id IN ({marks})", ids)}
    people = store_m._people(store, {i for f in facts.values()
                                     for i in (f.mentor_id, *f.mentee_ids)})
    statuses = {}
    for pair in pairs:
        fact = facts.get(pair["id"])
        state = rm.pair_state(fact, day, people) if fact is not None else "active"
        recorded_active = fact is not None and fact.status == rm.ACTIVE
        statuses[pair["id"]] = (S.MENT_STATE_SHORT.get(state, pair["status"])
                                if recorded_active and state != "active" else pair["status"])
    return statuses


def load_portfolio(store: Store, staff_id: str, day: dt.date | None = None
                   ) -> rp.PortfolioDocument:
    """Everything the dossier shows, on the report date."""
    day = day or report_date(store)
    person = repo.get(store, Staff, staff_id)
    att = store_a.person_attestation(store, staff_id, day)
    start, since = rp.portfolio_period(
        day, [c.decision_date for c in att.categories if c.decision_date is not None]
        + [c.date for c in att.conformity if c.date is not None and c.result])

    def inside(value: dt.date | None) -> bool:
        return value is not None and start <= value <= day

    categories = tuple((c.category, c.position,
                        ra.decision_text(c.decision_date, c.decision_precision)
                        or S.ATT_DECISION_UNKNOWN,
                        ra.until_text(c.decision_date, c.valid_until, c.decision_precision,
                                      c.until_precision)
                        or (S.ATT_TERM_UNKNOWN if c.decision_date is None
                            else S.ATT_INDEFINITE_SHORT),
                        c.order)
                       for c in att.categories)
    conformity = tuple((ra.decision_text(c.date, c.date_precision), c.position, c.result or S.ATT_EXEMPTION_ROW.format(
        reason=c.exemption_reason), c.order) for c in att.conformity)
    courses = tuple((format_end(r.end_date, r.end_precision), r.title, r.provider, r.kind_short,
                     str(r.hours),
                     r.doc)
                    for r in store_t.person_trainings(store, staff_id, day).rows
                    if inside(r.end_date))
    growth = store_g.person_growth(store, staff_id, day)
    learning = [r for r in growth.learning if inside(r.date)]
    achievements = [a for a in growth.achievements if inside(a.date)]
    steps = tuple((format_date(_d(r["done_date"])), r["goal"], r["form"], r["evidence"])
                  for r in _rows(store, """
        SELECT r.done_date, r.goal, r.form, r.evidence FROM route_step r
        JOIN individual_route i ON i.id = r.route_id
        WHERE r.deleted = 0 AND i.deleted = 0 AND i.staff_id = ? AND r.done_date IS NOT NULL
          AND r.done_date >= ? AND r.done_date <= ?
        ORDER BY r.done_date""", (staff_id, start.isoformat(), day.isoformat())))
    pairs = _rows(store, f"""
        SELECT m.id, m.form, m.start_date, m.planned_end, m.actual_end, m.status, m.result,
               m.mentor_id, {NAME} AS mentor,
               (SELECT group_concat(name, ', ') FROM (SELECT {NAME.replace('s.', 'x.')} AS name
                  FROM mentorship_mentee mm JOIN staff x ON x.id = mm.staff_id
                  WHERE mm.mentorship_id = m.id AND mm.deleted = 0 ORDER BY x.name_norm))
                 AS mentees,
               EXISTS (SELECT 1 FROM mentorship_mentee mm WHERE mm.mentorship_id = m.id
                       AND mm.deleted = 0 AND mm.staff_id = :p) AS is_mentee
        FROM mentorship m JOIN staff s ON s.id = m.mentor_id
        WHERE m.deleted = 0 AND m.start_date <= :d
          AND coalesce(m.actual_end, m.planned_end) >= :start
          AND (m.mentor_id = :p OR EXISTS (SELECT 1 FROM mentorship_mentee mm
               WHERE mm.mentorship_id = m.id AND mm.deleted = 0 AND mm.staff_id = :p))
        ORDER BY m.start_date""", {"p": staff_id, "d": day.isoformat(),
                                   "start": start.isoformat()})
    status = _pair_statuses(store, pairs, day)
    as_mentor = tuple((p["mentees"] or "", p["form"], _dates(_d(p["start_date"]), _d(
        p["actual_end"]) or _d(p["planned_end"])), status[p["id"]], p["result"])
        for p in pairs if p["mentor_id"] == staff_id)
    as_mentee = tuple((p["mentor"], p["form"], _dates(_d(p["start_date"]), _d(
        p["actual_end"]) or _d(p["planned_end"])), status[p["id"]])
        for p in pairs if p["is_mentee"])
    diagnostics = tuple((format_date(r.date), r.kind, r.operator, r.result)
                        for r in store_d.diagnostics_of(store, staff_id) if inside(r.date))
    applies = {c.category for c in att.held}
    applies.update(t for e in att.eligibility for t in e.targets)
    methodical = [(S.PF_LEADS.format(kind=r["kind"], name=r["name"]), S.PF_ROLE_HEAD, "")
                  for r in _rows(store, "SELECT name, kind FROM association WHERE deleted = 0 "
                                        "AND head_id = ? ORDER BY name", (staff_id,))]
    methodical += [(r["title"], S.PF_ROLE_RESPONSIBLE, format_date(_d(r["done_date"])))
                   for r in _rows(store, """
        SELECT a.title, a.done_date FROM programme_activity a
        JOIN activity_responsible x ON x.activity_id = a.id
        WHERE a.deleted = 0 AND x.deleted = 0 AND x.staff_id = ? AND a.status = 'выполнено'
          AND a.done_date >= ? AND a.done_date <= ? ORDER BY a.done_date""",
                                     (staff_id, start.isoformat(), day.isoformat()))]
    return rp.PortfolioDocument(
        signers=load_signers(store), day=day, period_start=start, since_attestation=since,
        person=person.name, sex=person.sex, profile=_profile(store, person, day),
        categories=categories, conformity=conformity, courses=courses,
        learning=tuple((format_date(r.date), r.kind, r.title, r.platform,
                        store_g.format_hours(r.hours)) for r in learning),
        achievements=tuple((format_date(a.date), a.kind, a.level, a.title, a.result,
                            " ".join(x for x in (a.organiser, a.evidence) if x))
                           for a in achievements),
        steps=steps, as_mentor=as_mentor, as_mentee=as_mentee, diagnostics=diagnostics,
        applies_for=tuple(sorted(applies)), methodical=tuple(methodical),
        methodical_achievements=sum(a.kind in METHODICAL_KINDS for a in achievements),
        learning_hours=S.PF_HOURS.format(hours=store_g.format_hours(
            sum(r.hours for r in learning))))
