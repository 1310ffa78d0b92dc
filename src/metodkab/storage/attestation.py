"""Аттестация: a person's categories and conformity attestations, the checks before a
category is saved, and the schedule (categories ending soon, people due for СЗД, people
who may apply for a higher category).

SQL only; the rules are in reports.attestation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from metodkab import strings as S
from metodkab.reports import attestation as rules
from metodkab.storage.db import Store
from metodkab.storage.rows import dict_rows as _rows, full_name, iso_date as _date
from metodkab.storage.rulesql import employed
from metodkab.storage.search import LIKE, like_pattern

if TYPE_CHECKING:   # the schedule (the dashboard's alerts) reads without models
    from metodkab.domain.models import ConformityAttestation, QualificationCategory

NAME = full_name("s")
EMPLOYED = employed("s")
MAIN_POSITION = ("(SELECT position FROM staff_position p WHERE p.staff_id = s.id "
                 "AND p.deleted = 0 ORDER BY sort_order LIMIT 1)")


@dataclass(frozen=True)
class AttestationSettings:
    warn_months: int = rules.WARN_MONTHS
    red_months: int = rules.RED_MONTHS
    conformity_years: int = rules.CONFORMITY_YEARS


def attestation_settings(store: Store) -> AttestationSettings:
    from metodkab.storage.settings import all_settings

    values = all_settings(store)
    return AttestationSettings(int(values["category_warn_months"]),
                               int(values["category_red_months"]),
                               int(values["conformity_period_years"]))


def _facts(r: dict[str, Any]) -> rules.CategoryFacts:
    return rules.CategoryFacts(r["id"], r["position"], r["category"], _date(r["decision_date"]),
                               _date(r["valid_until"]), r["decision_precision"],
                               r["until_precision"])


def _categories(store: Store, where: str, params: Any) -> list[dict[str, Any]]:
    return _rows(store, "SELECT c.id, c.staff_id, c.position, c.category, c.decision_date, "
                        "c.valid_until, c.order_number, c.order_date, c.issuing_body, "
                        "c.decision_precision, c.until_precision "
                        f"FROM qualification_category c WHERE c.deleted = 0 AND {where} "
                        "ORDER BY c.decision_date DESC, c.rowid DESC", params)


def _conformity(store: Store, where: str, params: Any) -> list[dict[str, Any]]:
    return _rows(store, "SELECT a.id, a.staff_id, a.position, a.date, a.result, "
                        "a.order_number, a.order_date, a.exemption_reason, a.date_precision "
                        f"FROM conformity_attestation a WHERE a.deleted = 0 AND {where} "
                        "ORDER BY a.date DESC, a.rowid DESC", params)


def _conformity_facts(rows: list[dict[str, Any]]) -> list[rules.ConformityFacts]:
    return [rules.ConformityFacts(_date(r["date"]), r["result"], r["exemption_reason"],
                                  r["date_precision"]) for r in rows]


# --- one person ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryRow:
    id: str
    position: str
    category: str
    decision_date: dt.date | None     # None: «дата не указана»
    valid_until: dt.date | None
    order: str
    issuing_body: str
    current: bool            # held on the report date
    level: str | None        # "red" / "warn" while it is ending (current ones only)
    decision_precision: str = "day"    # "year": «2019 г.» (and its term's end too)
    until_precision: str = "day"       # "year": «до 2024 г.» (valid_until its 1 January)
    clarify: bool = False    # only the unknown day decides its state: «уточнить дату решения»


@dataclass(frozen=True)
class ConformityRow:
    id: str
    position: str
    date: dt.date | None                # None: «дата не указана»
    result: str | None
    exemption_reason: str
    order: str
    date_precision: str = "day"         # "year": «2021 г.»


@dataclass(frozen=True)
class PersonAttestation:
    categories: list[CategoryRow]          # history, newest first
    conformity: list[ConformityRow]        # attestations and exemptions, newest first
    held: list[rules.CategoryFacts]        # categories held on the report date
    eligibility: list[rules.Eligibility]
    conformity_state: rules.ConformityState | None   # None while a category is held


def _order(number: str, day: str | None) -> str:
    if not number:
        return ""
    if not day:
        return S.MENT_ORDER_SHORT.format(number=number)
    return S.MENT_ORDER_LONG.format(number=number,
                                    date=dt.date.fromisoformat(day).strftime("%d.%m.%Y"))


def _conformity_state(records: list[dict[str, Any]], hire_date: dt.date | None,
                      cats: list[rules.CategoryFacts], day: dt.date,
                      settings) -> rules.ConformityState:
    """The СЗД state, with the end of a lapsed category taken into account: while a category
    was held no СЗД was owed, so the obligation starts no earlier than the day it ended (a
    person whose category ended on 23.01.2026 is not «due since 01.09.2023»)."""
    state = rules.conformity_state(_conformity_facts(records), hire_date, day,
                                   settings.conformity_years, settings.warn_months)
    lapsed = sorted((end, rules.term_span(c)[1], rules.end_year_only(c)) for c in cats
                    if (end := rules.term_end(c.decision_date, c.valid_until,
                                              c.decision_precision)) is not None and end <= day)
    if state.state in ("exempt", "clarify") or not lapsed:
        return state
    ended, latest_end, counted = lapsed[-1]
    if state.due is None or state.due < ended:
        # a term counted from a year-only decision ended sometime in its year: «2026 г.»,
        # and while it may not have ended yet, «уточнить» (reports.attestation.term_unsure)
        unsure = counted and (latest_end is None or latest_end >= day)
        return dataclasses.replace(state, state="clarify" if unsure else "due", due=ended,
                                   year_only=counted)
    return state


def person_attestation(store: Store, staff_id: str, day: dt.date) -> PersonAttestation:
    settings = attestation_settings(store)
    cat_rows = _categories(store, "c.staff_id = ?", (staff_id,))
    facts = [_facts(r) for r in cat_rows]
    held = rules.current(facts, day)
    held_ids = {c.id for c in held}
    listed = {e.cat.id: e for e in rules.expiring(facts, day, settings.warn_months,
                                                  settings.red_months)}
    categories = [CategoryRow(
        id=r["id"], position=r["position"], category=r["category"],
        decision_date=_date(r["decision_date"]), valid_until=_date(r["valid_until"]),
        order=_order(r["order_number"], r["order_date"]), issuing_body=r["issuing_body"],
        current=r["id"] in held_ids,
        level=("red" if listed[r["id"]].red else "warn")
        if r["id"] in listed and not listed[r["id"]].clarify else None,
        decision_precision=r["decision_precision"], until_precision=r["until_precision"],
        clarify=r["id"] in listed and listed[r["id"]].clarify)
        for r in cat_rows]
    conf_rows = _conformity(store, "a.staff_id = ?", (staff_id,))
    conformity = [ConformityRow(r["id"], r["position"], _date(r["date"]), r["result"],
                                r["exemption_reason"], _order(r["order_number"], r["order_date"]),
                                r["date_precision"])
                  for r in conf_rows]
    state = None
    if not held:
        from metodkab.domain.models import Staff
        from metodkab.storage import repo

        person = repo.get(store, Staff, staff_id)
        state = _conformity_state(conf_rows, person.hire_date, facts, day, settings)
    return PersonAttestation(categories, conformity, held, rules.eligibility(facts, day), state)


def check_category(store: Store, record: QualificationCategory, day: dt.date) -> list[rules.Finding]:
    """Warnings before saving: the order of categories, the position, the term, a duplicate."""
    from metodkab.domain.models import Staff
    from metodkab.storage import repo

    others = [_facts(r) for r in _categories(store, "c.staff_id = ? AND c.id IS NOT ?",
                                             (record.staff_id, record.id))]
    positions = repo.get(store, Staff, record.staff_id).positions
    new = rules.CategoryFacts(record.id, record.position, record.category, record.decision_date,
                              record.valid_until, record.decision_precision,
                              record.until_precision)
    return rules.check_category(new, others, positions=positions, today=day)


def save_record(store: Store, record: QualificationCategory | ConformityAttestation) -> str:
    """A category or a СЗД created when new, updated when read (``repo.save``); its id."""
    from metodkab.storage import repo

    return repo.save(store, record)


save_category = save_conformity = save_record       # the names the forms call


def delete_category(store: Store, category_id: str) -> None:
    _delete(store, "QualificationCategory", category_id)


def delete_conformity(store: Store, record_id: str) -> None:
    _delete(store, "ConformityAttestation", record_id)


def _delete(store: Store, model: str, record_id: str) -> None:
    """``repo.soft_delete`` of a record of ``model`` (domain.models and repo imported
    here: the schedule reads without them)."""
    from metodkab.domain import models
    from metodkab.storage import repo

    repo.soft_delete(store, getattr(models, model), record_id)


def position_options(store: Store, staff_id: str | None) -> list[str]:
    """The person's positions first, then the usual list."""
    from metodkab.domain import values as V
    from metodkab.domain.models import Staff
    from metodkab.storage import repo

    own = repo.get(store, Staff, staff_id).positions if staff_id else []
    return list(dict.fromkeys([*own, *V.POSITIONS]))


# --- the schedule ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpiringRow:
    staff_id: str
    name: str
    position: str
    category: str
    valid_until: dt.date | None       # None with ``clarify``: the term cannot be counted
    apply_by: dt.date | None
    red: bool
    clarify: bool = False             # «уточнить дату решения» (reports.attestation.expiring)
    year_only: bool = False           # ``valid_until`` known by its year (rules.end_year_only)
    until_year: bool = False          # stated by its year: «уточнить срок действия»


@dataclass(frozen=True)
class ConformityDueRow:
    staff_id: str
    name: str
    position: str
    state: rules.ConformityState


@dataclass(frozen=True)
class EligibleRow:
    staff_id: str
    name: str
    position: str
    holds: str
    since: dt.date
    targets: tuple[str, ...]
    since_precision: str = "day"      # "year": «2019 г.»
    clarify: bool = False             # «уточнить дату решения» (reports.attestation.eligibility)


@dataclass(frozen=True)
class Schedule:
    day: dt.date
    settings: AttestationSettings
    expiring: list[ExpiringRow]
    conformity: list[ConformityDueRow]
    eligible: list[EligibleRow]

    @property
    def red(self) -> int:
        return sum(1 for r in self.expiring if r.red)

    @property
    def ending(self) -> int:
        """Categories ending within the window (the «уточнить дату решения» rows apart)."""
        return sum(1 for r in self.expiring if not r.clarify)

    @property
    def unclear(self) -> int:
        """Rows «уточнить дату решения»: their state is the unknown day's (ending or not,
        a candidate for высшая or not), so no figure counts them either way."""
        return len(self.expiring) - self.ending + len(self.eligible) - self.candidates

    @property
    def candidates(self) -> int:
        """Who may surely apply for a category (the «уточнить» ones apart)."""
        return sum(1 for r in self.eligible if not r.clarify)

    @property
    def due(self) -> int:
        return sum(1 for r in self.conformity if r.state.state == "due")


CONFORMITY_ORDER = {"failed": 0, "due": 1, "clarify": 2, "soon": 3, "exempt": 4}


def schedule(store: Store, day: dt.date) -> Schedule:
    """Everyone employed on ``day``: categories ending within the warning window (and held
    ones whose decision date is not known, «уточнить дату решения»), people
    without a category due (or soon due, or exempt) for СЗД, and who may apply for what."""
    settings = attestation_settings(store)
    params = {"d": day.isoformat()}
    people = _rows(store, f"SELECT s.id, {NAME} AS name, s.name_norm, s.hire_date, "
                          f"{MAIN_POSITION} AS position FROM staff s WHERE {EMPLOYED} "
                          "ORDER BY s.name_norm", params)
    by_person: dict[str, list[rules.CategoryFacts]] = defaultdict(list)
    for r in _categories(store, f"c.staff_id IN (SELECT s.id FROM staff s WHERE {EMPLOYED})",
                         params):
        by_person[r["staff_id"]].append(_facts(r))
    conf: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in _conformity(store, f"a.staff_id IN (SELECT s.id FROM staff s WHERE {EMPLOYED})",
                         params):
        conf[r["staff_id"]].append(r)
    expiring: list[ExpiringRow] = []
    conformity: list[ConformityDueRow] = []
    eligible: list[EligibleRow] = []
    for p in people:
        cats = by_person.get(p["id"], [])
        held = rules.current(cats, day)
        for item in rules.expiring(cats, day, settings.warn_months, settings.red_months):
            cat = item.cat
            expiring.append(ExpiringRow(
                p["id"], p["name"], cat.position, cat.category, item.until,
                None if item.clarify or item.until is None else rules.apply_by(item.until),
                item.red, clarify=item.clarify,
                year_only=rules.end_year_only(cat),
                until_year=rules.until_by_year(cat.valid_until, cat.until_precision)))
        for elig in rules.eligibility(cats, day):
            eligible.append(EligibleRow(p["id"], p["name"], elig.position, elig.holds.category,
                                        elig.holds.decision_date, elig.targets,
                                        elig.holds.decision_precision, elig.clarify))
        if not held:
            records = conf.get(p["id"], [])
            state = _conformity_state(records, _date(p["hire_date"]), cats, day, settings)
            if state.state in CONFORMITY_ORDER:
                position = records[0]["position"] if records and records[0]["position"] \
                    else p["position"] or ""
                conformity.append(ConformityDueRow(p["id"], p["name"], position, state))
    expiring.sort(key=lambda r: (r.clarify, r.valid_until or dt.date.max, r.name))
    conformity.sort(key=lambda r: (CONFORMITY_ORDER[r.state.state],
                                   r.state.due or dt.date.min, r.name))
    return Schedule(day, settings, expiring, conformity, eligible)


@dataclass(frozen=True)
class ScheduleQuery:
    """The schedule screen's search: part of a person's name (every tab at once)."""
    search: str = ""


def find_in_schedule(store: Store, plan: Schedule, search: str) -> Schedule:
    """The rows of ``plan`` whose person's name matches ``search`` the way every register's
    search does (``name_norm LIKE``); the whole ``plan`` when nothing is typed."""
    if not search.strip():
        return plan
    with store.mutex:
        found = {r[0] for r in store.conn.execute(
            f"SELECT id FROM staff WHERE deleted = 0 AND name_norm {LIKE}",
            {"search": like_pattern(search)})}
    return dataclasses.replace(
        plan, expiring=[r for r in plan.expiring if r.staff_id in found],
        conformity=[r for r in plan.conformity if r.staff_id in found],
        eligible=[r for r in plan.eligible if r.staff_id in found])
