"""Наставничество: the register of pairs and groups, the card, coverage, suggested mentors
and mentor load. SQL only; the rules are in reports.mentorship.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from metodkab.domain import values as V
from metodkab.domain.models import Mentorship, MentorshipEvent
from metodkab.domain.parse import norm
from metodkab.reports import mentorship as rules
from metodkab.reports import rules as common
from metodkab.storage import repo
from metodkab.storage.db import Store
from metodkab.storage.errors import HasDependents
from metodkab.storage.rows import dict_rows as _rows, full_name, iso_date as _date
from metodkab.storage.rulesql import employed, in_p
from metodkab.storage.search import like_pattern as _like

EMPLOYED = employed("s")
# A pair is active on :d: its id is among :active, the ids ``active_pair_ids`` found by
# reports.mentorship.active_on (no second copy of the rule in SQL).
ACTIVE_ON = "m.id IN (SELECT value FROM json_each(:active))"
STATUSES = ("действует", "завершена", "прервана", "all")
PAGE_SIZE = 200


@dataclass(frozen=True)
class MentorshipSettings:
    min_months: int = rules.MIN_MONTHS
    max_months: int = rules.MAX_MONTHS
    new_staff_months: int = rules.NEW_STAFF_MONTHS
    young_age: int = 35
    young_years: int = 3
    target_young: int = 70


def mentorship_settings(store: Store) -> MentorshipSettings:
    from metodkab.storage.settings import all_settings

    values = all_settings(store)
    return MentorshipSettings(
        min_months=int(values.get("mentorship_min_months", rules.MIN_MONTHS)),
        max_months=int(values.get("mentorship_max_months", rules.MAX_MONTHS)),
        new_staff_months=int(values.get("new_staff_months", rules.NEW_STAFF_MONTHS)),
        young_age=int(values["young_max_age"]),
        young_years=int(values["young_max_experience"]),
        target_young=int(values["target_young_supported"]),
    )


def _ensure_functions(store: Store) -> None:
    """SQL helpers that apply the pure rules, so filters in SQL match the checks exactly."""
    def length_ok(start: str, end: str, lo: int, hi: int) -> int:
        return int(not rules.check_length(dt.date.fromisoformat(start),
                                          dt.date.fromisoformat(end), lo, hi))

    store.db.conn.create_function("ment_length_ok", 4, length_ok, deterministic=True)


# --- facts for the checks --------------------------------------------------------------------


def facts_of(record: Mentorship) -> rules.PairFacts:
    return rules.PairFacts(
        id=record.id, mentor_id=record.mentor_id, mentee_ids=tuple(record.mentee_ids),
        start=record.start_date, planned_end=record.planned_end, actual_end=record.actual_end,
        status=record.status, order_number=record.order_number, order_date=record.order_date)


def _pair_facts(store: Store, where: str = "", params: Any = ()) -> list[rules.PairFacts]:
    sql = ("SELECT m.id, m.mentor_id, m.start_date, m.planned_end, m.actual_end, m.status, "
           "m.order_number, m.order_date, "
           "(SELECT group_concat(staff_id, ',') FROM mentorship_mentee mm "
           " WHERE mm.mentorship_id = m.id AND mm.deleted = 0) AS mentees "
           "FROM mentorship m WHERE m.deleted = 0" + (f" AND ({where})" if where else ""))
    return [rules.PairFacts(
        id=r["id"], mentor_id=r["mentor_id"],
        mentee_ids=tuple((r["mentees"] or "").split(",")) if r["mentees"] else (),
        start=_date(r["start_date"]), planned_end=_date(r["planned_end"]),
        actual_end=_date(r["actual_end"]), status=r["status"], order_number=r["order_number"],
        order_date=_date(r["order_date"])) for r in _rows(store, sql, params)]


def _people(store: Store, ids: Iterable[str]) -> dict[str, rules.PersonFacts]:
    ids = sorted(set(ids))
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = _rows(store, f"SELECT s.id, {full_name('s')} AS name, s.hire_date, "
                        f"s.dismissal_date FROM staff s WHERE s.id IN ({marks})", ids)
    return {r["id"]: rules.PersonFacts(r["id"], r["name"], _date(r["hire_date"]),
                                       _date(r["dismissal_date"])) for r in rows}


def all_people(store: Store) -> dict[str, rules.PersonFacts]:
    """Every person not deleted, as the pair rules need them (hire and dismissal dates)."""
    rows = _rows(store, f"SELECT s.id, {full_name('s')} AS name, s.hire_date, "
                        "s.dismissal_date FROM staff s WHERE s.deleted = 0")
    return {r["id"]: rules.PersonFacts(r["id"], r["name"], _date(r["hire_date"]),
                                       _date(r["dismissal_date"])) for r in rows}


def pair_states(store: Store, day: dt.date) -> dict[str, str]:
    """Every pair's state on ``day`` (reports.mentorship.pair_state), by pair id."""
    people = all_people(store)
    return {p.id: rules.pair_state(p, day, people) for p in _pair_facts(store)}


def active_pair_ids(store: Store, day: dt.date) -> list[str]:
    """The pairs active on ``day`` (reports.mentorship.active_on)."""
    return [i for i, state in pair_states(store, day).items() if state == "active"]


def active_param(store: Store, day: dt.date) -> str:
    """The value of ``:active`` in ACTIVE_ON."""
    return json.dumps(active_pair_ids(store, day))


def check_mentorship(store: Store, record: Mentorship, day: dt.date) -> list[rules.Finding]:
    """Every warning about ``record`` (saved or not) against the other pairs of its people."""
    ids = [record.mentor_id, *record.mentee_ids]
    marks = ", ".join("?" for _ in ids)
    others = _pair_facts(
        store, f"m.mentor_id IN ({marks}) OR EXISTS (SELECT 1 FROM mentorship_mentee mm "
               f"WHERE mm.mentorship_id = m.id AND mm.deleted = 0 AND mm.staff_id IN ({marks}))",
        [*ids, *ids])
    others = [o for o in others if o.id != record.id]
    people = _people(store, [*ids, *(o.mentor_id for o in others),
                             *(m for o in others for m in o.mentee_ids)])
    settings = mentorship_settings(store)
    return rules.check_pair(facts_of(record), others, people, day, settings.min_months,
                            settings.max_months)


# --- the register ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MentorshipQuery:
    search: str = ""
    status: str = "действует"          # a status, or "all"
    form: str | None = None
    mentor_id: str | None = None
    problems: bool = False              # length outside the rule, past end, no order
    no_order: bool = False
    person_id: str | None = None        # the mentor or one of the mentees
    limit: int = PAGE_SIZE
    offset: int = 0


@dataclass(frozen=True)
class MentorshipRow:
    id: str
    mentor_id: str
    mentor: str
    mentees: tuple[str, ...]
    form: str
    reason: str
    start: dt.date
    planned_end: dt.date
    actual_end: dt.date | None
    status: str
    order_number: str
    order_date: dt.date | None
    curator: str
    held: int
    planned: int
    flags: tuple[str, ...] = ()
    state: str = "active"         # reports.mentorship.pair_state on the report date

    @property
    def excluded(self) -> str:
        """Why a pair still marked «действует» is not counted as active ('' otherwise)."""
        if self.status != rules.ACTIVE or self.state in ("active", "not_started"):
            return ""
        return rules.state_reason(self.state)

    @property
    def end(self) -> dt.date:
        return self.actual_end or self.planned_end


def _where(query: MentorshipQuery, day: dt.date,
           settings: MentorshipSettings) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {"d": day.isoformat(), "lo": settings.min_months,
                              "hi": settings.max_months}
    where = ["m.deleted = 0"]
    if query.status in STATUSES[:3]:
        params["status"] = query.status
        where.append("m.status = :status")
    if query.form:
        params["form"] = query.form
        where.append("m.form = :form")
    if query.mentor_id:
        params["mentor"] = query.mentor_id
        where.append("m.mentor_id = :mentor")
    if query.search.strip():
        params["search"] = _like(query.search)
        where.append(
            "(EXISTS (SELECT 1 FROM staff s WHERE s.id = m.mentor_id "
            "         AND s.name_norm LIKE :search ESCAPE '\\') "
            " OR EXISTS (SELECT 1 FROM mentorship_mentee mm JOIN staff s ON s.id = mm.staff_id "
            "         WHERE mm.mentorship_id = m.id AND mm.deleted = 0 "
            "         AND s.name_norm LIKE :search ESCAPE '\\'))")
    if query.person_id:
        params["person"] = query.person_id
        where.append("(m.mentor_id = :person OR EXISTS (SELECT 1 FROM mentorship_mentee mm "
                     "WHERE mm.mentorship_id = m.id AND mm.deleted = 0 "
                     "AND mm.staff_id = :person))")
    no_order = "trim(m.order_number) = ''"
    if query.no_order:
        where.append(no_order)
    if query.problems:
        where.append(f"({no_order} OR m.order_date IS NULL "
                     "OR (m.status = 'действует' AND m.actual_end IS NULL "
                     "    AND m.planned_end < :d) "
                     "OR NOT ment_length_ok(m.start_date, m.planned_end, :lo, :hi))")
    return " AND ".join(where), params


_REGISTER = f"""
SELECT m.id, m.mentor_id, {full_name('s')} AS mentor, m.form, m.reason, m.start_date,
       m.planned_end, m.actual_end, m.status, m.order_number, m.order_date,
       coalesce({full_name('c')}, '') AS curator,
       (SELECT group_concat(name, '|') FROM (
            SELECT {full_name('x')} AS name FROM mentorship_mentee mm
            JOIN staff x ON x.id = mm.staff_id
            WHERE mm.mentorship_id = m.id AND mm.deleted = 0 ORDER BY x.name_norm)) AS mentees,
       (SELECT group_concat(staff_id, ',') FROM mentorship_mentee mm
            WHERE mm.mentorship_id = m.id AND mm.deleted = 0) AS mentee_ids,
       (SELECT count(*) FROM mentorship_event e WHERE e.mentorship_id = m.id
            AND e.deleted = 0 AND e.status = 'проведено') AS held,
       (SELECT count(*) FROM mentorship_event e WHERE e.mentorship_id = m.id
            AND e.deleted = 0 AND e.status = 'запланировано') AS planned
FROM mentorship m JOIN staff s ON s.id = m.mentor_id
LEFT JOIN staff c ON c.id = m.curator_id
"""


def list_mentorships(store: Store, query: MentorshipQuery, day: dt.date) -> list[MentorshipRow]:
    """One page of the register: active first, then by mentor and the latest start."""
    settings = mentorship_settings(store)
    _ensure_functions(store)
    where, params = _where(query, day, settings)
    params.update(limit=query.limit, offset=query.offset)
    people = all_people(store)
    sql = (f"{_REGISTER} WHERE {where} ORDER BY CASE m.status WHEN 'действует' THEN 0 "
           "WHEN 'завершена' THEN 1 ELSE 2 END, s.name_norm, m.start_date DESC, m.id "
           "LIMIT :limit OFFSET :offset")
    result = []
    for r in _rows(store, sql, params):
        facts = rules.PairFacts(
            id=r["id"], mentor_id=r["mentor_id"],
            mentee_ids=tuple((r["mentee_ids"] or "").split(",")) if r["mentee_ids"] else (),
            start=_date(r["start_date"]), planned_end=_date(r["planned_end"]),
            actual_end=_date(r["actual_end"]), status=r["status"],
            order_number=r["order_number"], order_date=_date(r["order_date"]))
        result.append(MentorshipRow(
            id=r["id"], mentor_id=r["mentor_id"], mentor=r["mentor"],
            mentees=tuple((r["mentees"] or "").split("|")) if r["mentees"] else (),
            form=r["form"], reason=r["reason"], start=facts.start,
            planned_end=facts.planned_end, actual_end=facts.actual_end, status=r["status"],
            order_number=r["order_number"], order_date=facts.order_date, curator=r["curator"],
            held=r["held"], planned=r["planned"],
            flags=rules.row_flags(facts, day, settings.min_months, settings.max_months),
            state=rules.pair_state(facts, day, people)))
    return result


def count_mentorships(store: Store, query: MentorshipQuery, day: dt.date) -> int:
    settings = mentorship_settings(store)
    _ensure_functions(store)
    where, params = _where(query, day, settings)
    with store.mutex:
        return store.db.conn.execute(
            f"SELECT count(*) FROM mentorship m WHERE {where}", params).fetchone()[0]


@dataclass(frozen=True)
class RegisterSummary:
    active: int
    past_end: int
    no_order: int
    mentees: int
    mentor_gone: int = 0        # «действует», but the mentor is not employed on D
    mentees_gone: int = 0       # «действует», but no mentee is employed on D


def register_summary(store: Store, day: dt.date) -> RegisterSummary:
    """The figures above the register, by the rules of the indicators: pairs active on the
    report date (reports.mentorship.active_on, the indicator «Действующие пары»), pairs
    whose term has run out without closing, active pairs without an order, and the
    mentees of the active pairs employed on the date."""
    people = all_people(store)
    pairs = _pair_facts(store)
    states = {p.id: rules.pair_state(p, day, people) for p in pairs}
    active = [p for p in pairs if states[p.id] == "active"]
    mentees = {m for p in active for m in p.mentee_ids if rules.employed_in(people, m, day)}
    count = lambda state: sum(s == state for s in states.values())  # noqa: E731
    return RegisterSummary(len(active), count("expired"),
                           sum(not rules.has_order(p) for p in active), len(mentees),
                           count("mentor_gone"), count("mentees_gone"))


# --- options for forms and filters -----------------------------------------------------------


def _distinct(store: Store, column: str, defaults: Sequence[str],
              table: str = "mentorship") -> list[str]:
    with store.mutex:
        used = [r[0] for r in store.db.conn.execute(
            f"SELECT DISTINCT {column} FROM {table} WHERE deleted = 0 AND {column} <> '' "
            f"ORDER BY {column}")]
    return list(defaults) + [u for u in used if u not in defaults]


def event_form_options(store: Store, defaults: Sequence[str]) -> list[str]:
    """The forms of a meeting: ``defaults``, then any other form already in the log."""
    return _distinct(store, "form", defaults, table="mentorship_event")


def form_options(store: Store) -> list[str]:
    """The forms of mentorship: the default list, then any other form already in use."""
    return _distinct(store, "form", V.MENTORSHIP_FORMS)


def reason_options(store: Store) -> list[str]:
    return _distinct(store, "reason", V.MENTORSHIP_REASONS)


def people_options(store: Store, day: dt.date, keep: Iterable[str] = (), *,
                   with_load: bool = False) -> list[tuple[str, str]]:
    """(id, ФИО) of staff not dismissed by ``day`` (someone hired later can be planned for),
    plus anyone in ``keep`` (a dismissed mentee of an old pair keeps his or her name).
    ``with_load`` adds the pairs each one mentors on ``day``."""
    keep = [k for k in keep if k]
    marks = ", ".join("?" for _ in keep) or "NULL"
    loads: Counter[str] = Counter()
    if with_load:
        people = all_people(store)
        loads.update(p.mentor_id for p in _pair_facts(store)
                     if rules.active_on(p, day, people))
    params: list[Any] = [day.isoformat(), *keep]
    sql = (f"SELECT s.id, {full_name('s')} AS name, s.dismissal_date FROM staff s "
           "WHERE s.deleted = 0 AND (employed_on(NULL, s.dismissal_date, ?) "
           f"OR s.id IN ({marks})) ORDER BY s.name_norm")
    from metodkab import strings as S

    result = []
    for r in _rows(store, sql, params):
        label = r["name"]
        if not common.employed_on(None, _date(r["dismissal_date"]), day):
            label += S.MENT_DISMISSED_MARK
        if loads[r["id"]]:
            label += S.MENT_LOAD_MARK.format(count=loads[r["id"]])
        result.append((r["id"], label))
    return result


def mentor_filter_options(store: Store) -> list[tuple[str, str]]:
    """Everyone who has ever been a mentor (for the register's filter)."""
    sql = (f"SELECT DISTINCT s.id, {full_name('s')} AS name, s.name_norm FROM mentorship m "
           "JOIN staff s ON s.id = m.mentor_id WHERE m.deleted = 0 ORDER BY s.name_norm")
    return [(r["id"], r["name"]) for r in _rows(store, sql)]


# --- the card --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventRow:
    id: str
    date: dt.date
    topic: str
    form: str
    outcome: str
    status: str
    overdue: bool = False     # planned, and its day has passed


@dataclass(frozen=True)
class MentorshipCard:
    record: Mentorship
    mentor: str
    mentees: tuple[str, ...]
    curator: str
    events: tuple[EventRow, ...]
    findings: tuple[rules.Finding, ...]
    mentor_load: int
    months: int
    day: dt.date
    today: dt.date
    state: str = "active"         # reports.mentorship.pair_state on the report date

    @property
    def held(self) -> int:
        return sum(e.status == "проведено" for e in self.events)

    @property
    def planned(self) -> int:
        return sum(e.status == "запланировано" for e in self.events)

    @property
    def cancelled(self) -> int:
        return sum(e.status == "отменено" for e in self.events)


def list_events(store: Store, mentorship_id: str, today: dt.date) -> list[EventRow]:
    rows = _rows(store, "SELECT id, date, topic, form, outcome, status FROM mentorship_event "
                        "WHERE mentorship_id = ? AND deleted = 0 ORDER BY date, rowid",
                 (mentorship_id,))
    return [EventRow(r["id"], _date(r["date"]), r["topic"], r["form"], r["outcome"], r["status"],
                     overdue=r["status"] == "запланировано" and r["date"] < today.isoformat())
            for r in rows]


def load_card(store: Store, mentorship_id: str, day: dt.date, today: dt.date) -> MentorshipCard:
    """Everything the card shows: the pair, names, the programme and log, the warnings."""
    record = repo.get(store, Mentorship, mentorship_id)
    people = _people(store, [record.mentor_id, *record.mentee_ids,
                             *([record.curator_id] if record.curator_id else [])])
    name = lambda i: people[i].name if i in people else "?"  # noqa: E731
    everyone = all_people(store)
    mentor_pairs = _pair_facts(store, "m.mentor_id = ?", (record.mentor_id,))
    load = sum(1 for p in mentor_pairs if rules.active_on(p, day, everyone))
    state = next((rules.pair_state(p, day, everyone) for p in mentor_pairs
                  if p.id == mentorship_id), "active")
    mentees = tuple(sorted((name(i) for i in record.mentee_ids), key=norm))
    return MentorshipCard(
        record=record, mentor=name(record.mentor_id), mentees=mentees,
        curator=name(record.curator_id) if record.curator_id else "",
        events=tuple(list_events(store, mentorship_id, today)),
        findings=tuple(check_mentorship(store, record, day)), mentor_load=load,
        months=rules.months_between(record.start_date, record.planned_end), day=day,
        today=today, state=state)


# --- writing -----------------------------------------------------------------------------------


def save_mentorship(store: Store, record: Mentorship) -> str:
    return repo.save(store, record)


def _change(store: Store, mentorship_id: str, **changes: Any) -> None:
    with store.atomic():
        record = repo.get(store, Mentorship, mentorship_id)
        repo.update(store, Mentorship.model_validate({**record.model_dump(), **changes}))


def close_mentorship(store: Store, mentorship_id: str, status: str, day: dt.date,
                     result: str) -> None:
    """Complete (завершена) or break off (прервана): the date and the result are recorded;
    the pair stays in the register with its log (history is kept)."""
    if status not in ("завершена", "прервана"):
        raise ValueError(status)
    _change(store, mentorship_id, status=status, actual_end=day, result=result)


def reopen_mentorship(store: Store, mentorship_id: str) -> None:
    """Undo a completion made by mistake: the pair is active again (the result text stays)."""
    _change(store, mentorship_id, status="действует", actual_end=None)


def set_goals(store: Store, mentorship_id: str, goals: str) -> None:
    _change(store, mentorship_id, goals=goals)


def set_result(store: Store, mentorship_id: str, result: str) -> None:
    _change(store, mentorship_id, result=result)


def delete_mentorship(store: Store, mentorship_id: str) -> None:
    """Delete a pair entered by mistake with its programme and log (soft delete).

    A pair named in an individual route (ИОМ) cannot be deleted: close it instead.
    """
    with store.atomic():
        used = store.db.conn.execute(
            "SELECT count(*) FROM route_step WHERE deleted = 0 AND mentorship_id = ?",
            (mentorship_id,)).fetchone()[0]
        if used:
            from metodkab import strings as S

            raise HasDependents(S.MENT_DELETE_IN_ROUTE.format(count=used))
        repo.soft_delete_where(store, "mentorship_event", "mentorship_id = ?", (mentorship_id,))
        repo.soft_delete(store, Mentorship, mentorship_id)


def save_event(store: Store, event: MentorshipEvent) -> str:
    return repo.save(store, event)


def delete_event(store: Store, event_id: str) -> None:
    repo.soft_delete(store, MentorshipEvent, event_id)


def check_event(store: Store, event: MentorshipEvent, today: dt.date) -> list[rules.Finding]:
    pair = repo.get(store, Mentorship, event.mentorship_id)
    return rules.check_event(rules.EventFacts(event.date, event.status), facts_of(pair), today)


def closing_facts(store: Store, mentorship_id: str) -> tuple[rules.PairFacts, int, int]:
    """The pair and how many meetings were held and are still planned (for the close dialog)."""
    pair = facts_of(repo.get(store, Mentorship, mentorship_id))
    with store.mutex:
        held, planned = store.db.conn.execute(
            "SELECT coalesce(sum(status = 'проведено'), 0), coalesce(sum(status = 'запланировано'), 0) "
            "FROM mentorship_event WHERE mentorship_id = ? AND deleted = 0",
            (mentorship_id,)).fetchone()
    return pair, held, planned


# --- coverage of young and new staff -----------------------------------------------------------


@dataclass(frozen=True)
class CoverageRow:
    staff_id: str
    name: str
    young: bool
    new: bool
    age: int | None
    experience: int | None
    hire_date: dt.date | None
    subjects: str
    mentorship_id: str | None = None     # the pair supporting the person on the report date
    mentor: str = ""
    until: dt.date | None = None
    upcoming_id: str | None = None       # a pair that starts later
    upcoming_start: dt.date | None = None
    upcoming_mentor: str = ""
    forms: tuple[str, ...] = ()          # support forms on D (reports.indicators.support_forms)

    @property
    def supported(self) -> bool:
        """Supported on D by a form the settings turn on (indicator 4, domain.md §6)."""
        return bool(self.forms)

    @property
    def other_forms(self) -> str:
        """The support forms other than a mentorship, as the screen names them."""
        from metodkab import strings as S

        return ", ".join(S.IND_SUPPORT_FORMS[f] for f in self.forms if f != "mentorship")


@dataclass(frozen=True)
class Coverage:
    day: dt.date
    rows: tuple[CoverageRow, ...]
    target: int
    young_age: int
    young_years: int
    new_months: int

    @property
    def young_total(self) -> int:
        return sum(r.young for r in self.rows)

    @property
    def young_supported(self) -> int:
        return sum(r.young and r.supported for r in self.rows)

    @property
    def new_total(self) -> int:
        return sum(r.new for r in self.rows)

    @property
    def new_supported(self) -> int:
        return sum(r.new and r.supported for r in self.rows)

    @property
    def young_percent(self) -> float | None:
        return None if not self.young_total else 100 * self.young_supported / self.young_total


def coverage(store: Store, day: dt.date) -> Coverage:
    """Young specialists (under 35 on D, under 3 years of педстаж; domain.md §4 indicator 4)
    and new staff (hired within the last 12 months) among P(D), with their support: the
    pair active on D, and every support form of indicator 4 (so the young figure here is
    the indicator's, reports.indicators.young_supported).

    P(D): staff employed on D whose main job is this school (external part-timers excluded).
    Unsupported people come first.
    """
    settings = mentorship_settings(store)
    params = {
        "d": day.isoformat(),
        "young_age": settings.young_age, "young_years": settings.young_years,
        "new_after": rules.new_staff_hired_after(day, settings.new_staff_months).isoformat(),
    }
    people = _rows(store, f"""
        SELECT s.id, {full_name('s')} AS name, s.name_norm, s.birth_date,
               s.ped_start_date, s.hire_date,
               (SELECT group_concat(subject, ', ') FROM (SELECT subject FROM staff_subject x
                 WHERE x.staff_id = s.id AND x.deleted = 0 ORDER BY sort_order)) AS subjects
        FROM staff s WHERE {in_p("s")}
          AND (young_specialist(s.birth_date, s.ped_start_date, :d, :young_age, :young_years)
               OR (s.hire_date > :new_after AND s.hire_date <= :d))
        ORDER BY s.name_norm""", params)
    ids = [p["id"] for p in people]
    pairs: dict[str, list[dict[str, Any]]] = {}
    if ids:
        marks = ", ".join("?" for _ in ids)
        for r in _rows(store, f"""
                SELECT mm.staff_id, m.id, m.start_date, m.planned_end, m.actual_end, m.status,
                       {full_name('s')} AS mentor
                FROM mentorship_mentee mm JOIN mentorship m ON m.id = mm.mentorship_id
                JOIN staff s ON s.id = m.mentor_id
                WHERE mm.deleted = 0 AND m.deleted = 0 AND mm.staff_id IN ({marks})
                ORDER BY m.start_date""", ids):
            pairs.setdefault(r["staff_id"], []).append(r)
    from metodkab.reports import indicators as ri
    from metodkab.storage.indicators import load_data

    rows = []
    active = set(active_pair_ids(store, day))
    forms = ri.support_forms(load_data(store, day))
    for p in people:
        birth, start, hired = _date(p["birth_date"]), _date(p["ped_start_date"]), _date(p["hire_date"])
        current = upcoming = None
        for r in pairs.get(p["id"], []):
            facts = rules.PairFacts(r["id"], "", (), _date(r["start_date"]),
                                    _date(r["planned_end"]), _date(r["actual_end"]), r["status"])
            if r["id"] in active:
                current = (r, facts)
            elif facts.start > day and facts.status == rules.ACTIVE and upcoming is None:
                upcoming = (r, facts)
        rows.append(CoverageRow(
            staff_id=p["id"], name=p["name"],
            young=common.is_young_specialist(birth, start, day, settings.young_age,
                                              settings.young_years),
            new=rules.is_new_staff(hired, day, settings.new_staff_months),
            age=common.age_on(birth, day), experience=common.experience_years(start, day),
            hire_date=hired, subjects=p["subjects"] or "",
            mentorship_id=current[0]["id"] if current else None,
            mentor=current[0]["mentor"] if current else "",
            until=(current[1].actual_end or current[1].planned_end) if current else None,
            upcoming_id=upcoming[0]["id"] if upcoming else None,
            upcoming_start=upcoming[1].start if upcoming else None,
            upcoming_mentor=upcoming[0]["mentor"] if upcoming else "",
            forms=tuple(forms.get(p["id"], ()))))
    rows.sort(key=lambda r: (r.supported, norm(r.name)))
    return Coverage(day, tuple(rows), settings.target_young, settings.young_age,
                    settings.young_years, settings.new_staff_months)


# --- suggested mentors --------------------------------------------------------------------------


@dataclass(frozen=True)
class MenteeInfo:
    id: str
    name: str
    young: bool
    new: bool
    subjects: tuple[str, ...] = field(default_factory=tuple)
    association_ids: tuple[str, ...] = field(default_factory=tuple)


def mentor_suggestions(store: Store, mentee_id: str,
                       day: dt.date) -> tuple[MenteeInfo, list[rules.Suggestion]]:
    """Everyone working on ``day`` who could mentor ``mentee_id``, best suggestions first:
    the same subject or methodical association and a category; current load shown."""
    settings = mentorship_settings(store)
    d = day.isoformat()
    staff = {r["id"]: r for r in _rows(store, f"""
        SELECT s.id, {full_name('s')} AS name, s.birth_date, s.ped_start_date, s.hire_date,
          (SELECT category FROM qualification_category c WHERE c.staff_id = s.id
             AND c.deleted = 0
             AND category_valid_on(c.decision_date, c.valid_until, :d, c.decision_precision)
           ORDER BY CASE category WHEN 'первая' THEN 1 WHEN 'высшая' THEN 2 ELSE 3 END DESC,
                    c.decision_date DESC LIMIT 1) AS category,
          (SELECT count(*) FROM mentorship m WHERE m.deleted = 0 AND m.mentor_id = s.id
             AND {ACTIVE_ON}) AS load,
          EXISTS (SELECT 1 FROM mentorship_mentee mm JOIN mentorship m
             ON m.id = mm.mentorship_id WHERE mm.staff_id = s.id AND mm.deleted = 0
             AND m.deleted = 0 AND {ACTIVE_ON}) AS is_mentee
        FROM staff s WHERE ({EMPLOYED}) OR s.id = :mentee
        ORDER BY s.name_norm""", {"d": d, "mentee": mentee_id,
                                  "active": active_param(store, day)})}
    subjects: dict[str, set[str]] = {}
    for r in _rows(store, "SELECT staff_id, subject FROM staff_subject WHERE deleted = 0"):
        subjects.setdefault(r["staff_id"], set()).add(r["subject"])
    associations: dict[str, set[str]] = {}
    for r in _rows(store, "SELECT m.staff_id, m.association_id FROM association_member m "
                          "JOIN association a ON a.id = m.association_id "
                          "WHERE m.deleted = 0 AND a.deleted = 0"):
        associations.setdefault(r["staff_id"], set()).add(r["association_id"])
    me = staff[mentee_id]

    def young(r: dict[str, Any]) -> bool:
        return common.is_young_specialist(_date(r["birth_date"]), _date(r["ped_start_date"]),
                                          day, settings.young_age, settings.young_years)

    mentee = MenteeInfo(mentee_id, me["name"], young(me),
                        rules.is_new_staff(_date(me["hire_date"]), day, settings.new_staff_months),
                        tuple(sorted(subjects.get(mentee_id, ()))),
                        tuple(sorted(associations.get(mentee_id, ()))))
    candidates = [rules.Candidate(
        id=r["id"], name=r["name"], subjects=frozenset(subjects.get(r["id"], ())),
        association_ids=frozenset(associations.get(r["id"], ())), category=r["category"] or "",
        load=r["load"], young=young(r), mentee=bool(r["is_mentee"]))
        for r in staff.values() if r["id"] != mentee_id]
    return mentee, rules.rank_mentors(mentee.subjects, mentee.association_ids, candidates)


def new_pair_defaults(store: Store, mentee: MenteeInfo, mentor_id: str,
                      day: dt.date) -> dict[str, Any]:
    """The form of a new pair started from the coverage screen, filled in."""
    settings = mentorship_settings(store)
    return {
        "mentor_id": mentor_id,
        "mentee_ids": [mentee.id],
        "form": "педагог – молодой специалист" if mentee.young else "педагог – педагог",
        "reason": "молодой специалист" if mentee.young else "новый сотрудник",
        "start_date": day,
        "planned_end": rules.default_planned_end(day, settings.min_months, settings.max_months),
    }


# --- mentor load -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadRow:
    mentor_id: str
    name: str
    now_pairs: int
    now_mentees: int
    per_year: tuple[int, ...]
    total: int


def mentor_load(store: Store, day: dt.date, years: int = 3) -> tuple[list[int], list[LoadRow]]:
    """(school years, rows): every mentor's pairs now and per school year, busiest first."""
    first = rules.academic_year(day) - years + 1
    year_list = list(range(first, first + years))
    loads = rules.mentor_load(_pair_facts(store), day, year_list, all_people(store))
    names = {r["id"]: r["name"] for r in _rows(
        store, f"SELECT s.id, {full_name('s')} AS name FROM staff s WHERE s.id IN "
               "(SELECT mentor_id FROM mentorship WHERE deleted = 0)")}
    rows = [LoadRow(m, names.get(m, "?"), v.now_pairs, v.now_mentees, v.per_year, v.total)
            for m, v in loads.items()]
    rows.sort(key=lambda r: (-r.now_pairs, -r.total, norm(r.name)))
    return year_list, rows
