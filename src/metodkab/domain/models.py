"""Pydantic models of every entity in domain.md §2, with validation that speaks Russian.

A model is one record as the user edits it. ``TABLE`` names its table; ``LINKS`` names
the lists that live in link tables (a person's positions, a pair's mentees …): the
repository writes them in the same transaction as the record.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache, lru_cache
from operator import itemgetter
from types import UnionType
from typing import Annotated, Any, ClassVar, Literal, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from metodkab import strings as S
from metodkab.domain import values as v
from metodkab.domain.parse import (check_email, check_phone, clean_name_part, clean_snils,
                                    full_name, norm, parse_date)


def _required_date(value: object) -> dt.date:
    parsed = parse_date(value)
    if parsed is None:
        raise ValueError(S.PROG_DATE_REQUIRED)
    return parsed


Date = Annotated[dt.date, BeforeValidator(_required_date)]
OptDate = Annotated[dt.date | None, BeforeValidator(parse_date)]
Text = Annotated[str, BeforeValidator(lambda x: "" if x is None else x)]


# The number of a task or an indicator in a programme; a bound keeps it within SQLite's
# INTEGER (a huge number would fail on saving instead of in the form).
MAX_NUMBER = 9999


# A rule's finding: (field, Russian message), or None when the rule holds.
Problem = tuple[str, str] | None


class RuleErrors(ValueError):
    """The rules that failed, {field: message}; pydantic keeps the exception in the error."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{f}::{m}" for f, m in problems.items()))
        self.problems = problems


class _Unknown(Exception):
    """A rule reads a field whose value did not pass: the rule cannot be checked."""


class _Partial:
    """The fields that passed validation, read as attributes by the rules."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise _Unknown(name) from None


@cache
def _rules_of(model: type) -> tuple[Callable[[Any], Problem], ...]:
    names: list[str] = []
    for klass in reversed(model.__mro__):
        names += [n for n in vars(klass) if n.startswith("_rule_") and n not in names]
    return tuple(getattr(model, n) for n in names)


def rule_problems(model: type, record: Any) -> dict[str, str]:
    """Check every rule of ``model`` on ``record`` (a model or the fields that passed):
    {field: message}, the first problem per field; a rule over an unknown field is skipped."""
    problems: dict[str, str] = {}
    for rule in _rules_of(model):
        try:
            found = rule(record)
        except _Unknown:
            continue
        if found:
            problems.setdefault(*found)
    return problems


@cache
def _column_plan(model: type[Record]) -> tuple[tuple[str, ...], Callable[[dict], tuple],
                                               tuple[str, ...], tuple[str, ...]]:
    """A model's own columns, a function picking their values out of a record's
    ``__dict__`` (as a tuple), and which of the columns hold dates and which booleans."""
    skip = {"id", "version", *model.LINKS}
    names = tuple(n for n in model.model_fields if n not in skip)
    kinds = {n: _column_kind(model.model_fields[n].annotation) for n in names}
    for name, kind in kinds.items():
        if kind is None:
            raise TypeError(f"{model.__name__}.{name}: no column conversion for its type")
    pick = itemgetter(*names)
    values_of = pick if len(names) > 1 else (lambda values: (pick(values),))
    return (names, values_of, tuple(n for n in names if kinds[n] == "date"),
            tuple(n for n in names if kinds[n] == "flag"))


def _column_kind(annotation: Any) -> str | None:
    """How ``columns()`` stores a field of this type: "date" (ISO text), "flag" (0/1),
    "plain" (as validated: text, numbers, choices, lists of text), or None (unknown)."""
    if annotation is bool:
        return "flag"
    if get_origin(annotation) in (Union, UnionType):
        args = tuple(a for a in get_args(annotation) if a is not type(None))
    else:
        args = (annotation,)
    if all(a is dt.date or (get_origin(a) is Annotated and get_args(a)[0] is dt.date)
           for a in args):
        return "date"
    for arg in args:
        if get_origin(arg) is Annotated:
            arg = get_args(arg)[0]
        origin = get_origin(arg)
        if origin is Literal:
            if not all(isinstance(x, str) for x in get_args(arg)):
                return None
        elif origin is list:
            if get_args(arg) != (str,):
                return None
        elif arg not in (str, int, float):
            return None
    return "plain"


# One capitalised word of Cyrillic letters: a part of a name that clean_name_part returns
# as it is (no spaces or hyphens to tidy, neither all upper- nor all lower-case).
_CLEAN_NAME = re.compile(r"[А-ЯЁ][а-яё]+").fullmatch
# A phone number check_phone accepts and returns as it is: an optional + and groups of
# digits, brackets and dashes separated by single spaces, with 6 to 20 digits in all.
_CLEAN_PHONE = re.compile(
    r"(?=(?:[^0-9]*[0-9]){6,20}[^0-9]*\Z)\+?[-0-9()]+(?: [-0-9()]+)*").fullmatch


def _unique(ids: list[str]) -> list[str]:
    """A list of ids kept in a link table: each id once, in the order given."""
    return list(dict.fromkeys(ids))


def _blank_to_none(value: object) -> object:
    return None if value == "" else value


def _decimal_comma(value: object) -> object:
    """«1,5» as Russians type it is 1.5."""
    return value.strip().replace(",", ".") if isinstance(value, str) else value


def choice(values: tuple[str, ...]) -> Any:
    return Literal.__getitem__(values)


def opt_choice(values: tuple[str, ...]) -> Any:
    return Annotated[Literal.__getitem__(values) | None, BeforeValidator(_blank_to_none)]


class LinkSpec(BaseModel):
    """A list field kept in a link table: ``table.fk`` points at the record, ``column`` holds the value."""

    table: str
    fk: str
    column: str
    ordered: bool = False


class Record(BaseModel):
    """Base of all entities: ``id`` is None until the record is saved."""

    # allow_inf_nan=False: "inf" or "nan" typed into a score is not a number.
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid", allow_inf_nan=False,
                              defer_build=True)

    TABLE: ClassVar[str]
    LINKS: ClassVar[dict[str, LinkSpec]] = {}

    id: str | None = None
    version: int = 0

    @model_validator(mode="after")
    def _check_rules(self, info: ValidationInfo) -> Record:
        """Rules over several fields (methods named ``_rule_…``): every one is checked,
        so the form shows all the problems at once.

        Every record built runs this (tens of thousands in the demo and in an import), so
        it is ``rule_problems`` without its detours: a complete record has every field,
        so no rule can meet an unknown one."""
        problems: dict[str, str] | None = None
        for rule in _rules_of(type(self)):
            found = rule(self)
            if found:
                if problems is None:
                    problems = {}
                problems.setdefault(*found)
        today = info.context.get("today") if isinstance(info.context, dict) else None
        if today is not None:       # data coming in: dates that cannot be (domain/checks.py)
            from metodkab.domain.checks import impossible

            for name, message in impossible(self, today).items():
                if problems is None:
                    problems = {}
                problems.setdefault(name, message)
        if problems:
            raise RuleErrors(problems)
        return self

    def columns(self) -> dict[str, Any]:
        """The values of the record's own table (no id/version, no link lists): what
        ``model_dump(mode="json")`` gives, with booleans as 0/1.

        Built straight from the validated values (a JSON-mode dump of every record was a
        sixth of the demo build): dates become ISO text, booleans 0/1, the rest is kept."""
        names, values_of, dates, flags = _column_plan(type(self))
        data = dict(zip(names, values_of(self.__dict__)))
        for name in dates:
            day = data[name]
            if day is not None:
                data[name] = day.isoformat()
        for name in flags:
            data[name] = int(data[name])
        return data


class School(Record):
    TABLE: ClassVar[str] = "school"

    full_name: str = Field(min_length=1)
    short_name: str = Field(min_length=1)
    code: Text = ""
    municipality: Text = ""
    director: Text = ""
    deputy: Text = ""
    address: Text = ""


class Staff(Record):
    TABLE: ClassVar[str] = "staff"
    LINKS: ClassVar[dict[str, LinkSpec]] = {
        "positions": LinkSpec(table="staff_position", fk="staff_id", column="position", ordered=True),
        "subjects": LinkSpec(table="staff_subject", fk="staff_id", column="subject", ordered=True),
        "association_ids": LinkSpec(
            table="association_member", fk="staff_id", column="association_id"
        ),
    }

    last_name: str
    first_name: str
    middle_name: Text = ""
    birth_date: OptDate = None
    sex: opt_choice(v.SEXES) = None
    employment: choice(v.EMPLOYMENTS) = "основной"
    hire_date: OptDate = None
    dismissal_date: OptDate = None
    ped_start_date: OptDate = None
    education_level: opt_choice(v.EDUCATION_LEVELS) = None
    education_pedagogical: bool = False
    management_team: bool = False
    snils: Text = ""
    phone: Text = ""
    email: Text = ""
    notes: Text = ""
    # validate_default: a record built without positions is refused too, not only an empty list.
    positions: list[str] = Field(default_factory=list, validate_default=True)
    subjects: list[str] = Field(default_factory=list)
    association_ids: list[str] = Field(default_factory=list)

    # Each check below first asks whether the value is already in its clean form, which
    # the parser would return unchanged (one compiled pattern instead of the parser's
    # several steps); anything else goes through the parser, for its result or message.

    @field_validator("last_name", "first_name")
    @classmethod
    def _name_required(cls, value: str) -> str:
        if _CLEAN_NAME(value):
            return value
        return clean_name_part(value, required=True)

    @field_validator("middle_name")
    @classmethod
    def _name_optional(cls, value: str) -> str:
        if not value or _CLEAN_NAME(value):
            return value
        return clean_name_part(value, required=False)

    @field_validator("snils")
    @classmethod
    def _snils(cls, value: str) -> str:
        return clean_snils(value) if value else value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        if not value or _CLEAN_PHONE(value):
            return value
        return check_phone(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return check_email(value) if value else value

    @field_validator("positions", "subjects")
    @classmethod
    def _unique_list(cls, value: list[str]) -> list[str]:
        seen: list[str] = []
        for item in (" ".join(x.split()) for x in value):
            if item and item not in seen:
                seen.append(item)
        return seen

    @field_validator("association_ids")
    @classmethod
    def _unique_ids(cls, value: list[str]) -> list[str]:
        return _unique(value)

    @field_validator("positions")
    @classmethod
    def _positions(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError(S.MODEL_NEED_POSITION)
        return value

    def _rule_dismissal(self) -> Problem:
        if self.dismissal_date and self.hire_date and self.dismissal_date < self.hire_date:
            return "dismissal_date", S.MODEL_DISMISSAL_BEFORE_HIRE
        return None

    def _rule_hire(self) -> Problem:
        born = self.birth_date
        if born is not None and self.hire_date is not None and self.hire_date.year - born.year < 14:
            return "hire_date", S.MODEL_HIRE_NEAR_BIRTH
        return None

    def _rule_ped_start(self) -> Problem:
        born, start = self.birth_date, self.ped_start_date
        if born is not None and start is not None and start.year - born.year < 14:
            return "ped_start_date", S.MODEL_PED_START_NEAR_BIRTH
        return None

    @property
    def name(self) -> str:
        return full_name(self.last_name, self.first_name, self.middle_name)

    @property
    def name_norm(self) -> str:
        return norm(self.name)

    def columns(self) -> dict[str, Any]:
        data = super().columns()
        data["name_norm"] = self.name_norm
        return data


class Association(Record):
    TABLE: ClassVar[str] = "association"

    name: str = Field(min_length=1)
    kind: choice(v.ASSOCIATION_KINDS) = "ШМО"
    head_id: Annotated[str | None, BeforeValidator(_blank_to_none)] = None
    notes: Text = ""


def _year_precision_problem(name: str, day: dt.date | None, precision: str) -> Problem:
    """A date known only by its year is stored as its 1 January (and is not missing)."""
    if precision == "year" and (day is None or (day.month, day.day) != (1, 1)):
        return name, S.MODEL_YEAR_END_NOT_JANUARY if name == "end_date" else S.MODEL_YEAR_NOT_JANUARY
    return None


class QualificationCategory(Record):
    TABLE: ClassVar[str] = "qualification_category"

    staff_id: str
    position: str = Field(min_length=1)
    category: choice(v.CATEGORIES)
    decision_date: OptDate = None     # None: a list stated it without a date («уточнить»)
    order_number: Text = ""
    order_date: OptDate = None
    issuing_body: Text = ""
    valid_until: OptDate = None
    # "year": the source gave only the year; decision_date is its 1 January (reports.attestation)
    decision_precision: choice(v.END_PRECISIONS) = "day"
    # "year": «действует до 2024» — valid_until is its 1 January, shown «до 2024 г.»
    until_precision: choice(v.END_PRECISIONS) = "day"

    def _rule_dates(self) -> Problem:
        if (self.valid_until is not None and self.decision_date is not None
                and self.valid_until < self.decision_date):
            return "valid_until", S.MODEL_VALID_BEFORE_DECISION
        return None

    def _rule_year_precision(self) -> Problem:
        return _year_precision_problem("decision_date", self.decision_date,
                                       self.decision_precision)

    def _rule_until_precision(self) -> Problem:
        if self.valid_until is None and self.until_precision == "year":
            return None     # nothing stated: the precision says nothing
        return _year_precision_problem("valid_until", self.valid_until, self.until_precision)


class ConformityAttestation(Record):
    TABLE: ClassVar[str] = "conformity_attestation"

    staff_id: str
    position: Text = ""
    date: OptDate = None            # None: a result whose date nobody stated («уточнить»)
    result: opt_choice(v.CONFORMITY_RESULTS) = None
    order_number: Text = ""
    order_date: OptDate = None
    exemption_reason: Text = ""
    # "year": only the year is known («СЗД 2021»); date is its 1 January (reports.attestation)
    date_precision: choice(v.END_PRECISIONS) = "day"

    def _rule_result_or_exemption(self) -> Problem:
        if self.result is None and not self.exemption_reason:
            return "result", S.MODEL_NEED_RESULT_OR_EXEMPTION
        return None

    def _rule_date_of_exemption(self) -> Problem:
        if self.date is None and self.result is None:
            return "date", S.MODEL_EXEMPTION_NEEDS_DATE
        return None

    def _rule_year_precision(self) -> Problem:
        return _year_precision_problem("date", self.date, self.date_precision)


class Training(Record):
    TABLE: ClassVar[str] = "training"
    LINKS: ClassVar[dict[str, LinkSpec]] = {
        "deficit_ids": LinkSpec(table="training_deficit", fk="training_id", column="deficit_id"),
    }

    staff_id: str
    group_id: Annotated[str | None, BeforeValidator(_blank_to_none)] = None
    title: str = Field(min_length=1)
    provider: Text = ""
    provider_ownership: opt_choice(v.PROVIDER_OWNERSHIPS) = None
    kind: choice(v.TRAINING_KINDS) = "повышение квалификации"
    hours: int = Field(gt=0, le=5000)
    form: opt_choice(v.TRAINING_FORMS) = None
    start_date: OptDate = None
    end_date: Date
    # "year": the source gave only the year; end_date is its 1 January (reports.training)
    end_precision: choice(v.END_PRECISIONS) = "day"
    doc_kind: opt_choice(v.DOCUMENT_KINDS) = None
    doc_number: Text = ""
    doc_date: OptDate = None
    federal_register: bool = False
    by_diagnostics: bool = False
    management: bool = False
    topics: list[str] = Field(default_factory=list)
    deficit_ids: list[str] = Field(default_factory=list)

    @field_validator("deficit_ids")
    @classmethod
    def _unique_ids(cls, value: list[str]) -> list[str]:
        return _unique(value)

    @field_validator("topics", mode="before")
    @classmethod
    def _topics(cls, value: object) -> object:
        if isinstance(value, str):
            if not value.startswith("["):
                return [value]
            # (only short texts are cached: a packet's text is not kept alive by the cache)
            known = _parsed_topics(value) if len(value) <= 500 else None
            if known is not None:
                return list(known)
            from metodkab.domain.jsonio import read_json

            return read_json(value, what=S.JSON_WHAT_DATA)
        return value

    def _rule_min_hours(self) -> Problem:
        minimum = v.TRAINING_MIN_HOURS.get(self.kind)
        if minimum and self.hours < minimum:
            return "hours", S.MODEL_MIN_HOURS.format(kind=self.kind, minimum=minimum)
        return None

    def _rule_dates(self) -> Problem:
        # a year-only end («2023 г.») is before the start only if its year is
        end = self.end_date.year if self.end_precision == "year" else self.end_date
        start = self.start_date and (self.start_date.year if self.end_precision == "year"
                                     else self.start_date)
        if start is not None and end < start:
            return "end_date", S.MODEL_END_BEFORE_START
        return None

    def _rule_year_precision(self) -> Problem:
        return _year_precision_problem("end_date", self.end_date, self.end_precision)

    def columns(self) -> dict[str, Any]:
        data = super().columns()
        data["topics"] = _topics_text(tuple(self.topics))
        return data


@lru_cache(maxsize=1024)
def _parsed_topics(text: str) -> tuple[str, ...] | None:
    """``json.loads`` of a topics column that is a list of texts, as a tuple (the same few
    lists recur on thousands of courses); None for anything else, left to json.loads."""
    from metodkab.domain.jsonio import read_json

    found = read_json(text, what=S.JSON_WHAT_DATA)
    if isinstance(found, list) and all(type(x) is str for x in found):
        return tuple(found)
    return None


@lru_cache(maxsize=1024)
def _topics_text(topics: tuple[str, ...]) -> str:
    """The topics column: a JSON list (the same few lists recur on thousands of courses)."""
    import json

    return json.dumps(list(topics), ensure_ascii=False)


class Diagnostic(Record):
    TABLE: ClassVar[str] = "diagnostic"

    staff_id: str
    date: Date
    kind: choice(v.DIAGNOSTIC_KINDS)
    operator: Text = ""
    score: Annotated[float | None, BeforeValidator(_blank_to_none)] = Field(default=None, ge=0)
    max_score: Annotated[float | None, BeforeValidator(_blank_to_none)] = Field(default=None, gt=0)
    percent: Annotated[float | None, BeforeValidator(_blank_to_none)] = Field(
        default=None, ge=0, le=100
    )
    notes: Text = ""

    def _rule_score(self) -> Problem:
        if self.score is not None and self.max_score is not None and self.score > self.max_score:
            return "score", S.MODEL_SCORE_OVER_MAX
        return None

    @property
    def result_percent(self) -> float | None:
        """The percent given, or computed from score and max score."""
        if self.percent is not None:
            return self.percent
        if self.score is not None and self.max_score:
            return round(100 * self.score / self.max_score, 1)
        return None


class Deficit(Record):
    TABLE: ClassVar[str] = "deficit"

    staff_id: str
    diagnostic_id: Annotated[str | None, BeforeValidator(_blank_to_none)] = None
    area: choice(v.DEFICIT_AREAS)
    description: str = Field(min_length=1)
    status: choice(v.DEFICIT_STATUSES) = "выявлен"
    found_date: OptDate = None
    resolved_date: OptDate = None


class IndividualRoute(Record):
    TABLE: ClassVar[str] = "individual_route"

    staff_id: str
    period_start: Date
    period_end: Date
    developed_by: choice(v.ROUTE_DEVELOPERS) = "школа"
    approved_date: OptDate = None
    status: choice(v.ROUTE_STATUSES) = "проект"
    self_education_topic: Text = ""      # тема самообразования, for the period

    def _rule_period(self) -> Problem:
        if self.period_end < self.period_start:
            return "period_end", S.MODEL_PERIOD_END_BEFORE_START
        return None


class RouteStep(Record):
    TABLE: ClassVar[str] = "route_step"

    route_id: str
    deficit_id: Annotated[str | None, BeforeValidator(_blank_to_none)] = None
    goal: str = Field(min_length=1)
    action: Text = ""
    form: Text = ""
    deadline: OptDate = None
    expected_product: Text = ""
    done_date: OptDate = None
    evidence: Text = ""
    training_id: Annotated[str | None, BeforeValidator(_blank_to_none)] = None
    mentorship_id: Annotated[str | None, BeforeValidator(_blank_to_none)] = None
    sort_order: int = 0
    learning_id: Annotated[str | None, BeforeValidator(_blank_to_none)] = None


class Mentorship(Record):
    TABLE: ClassVar[str] = "mentorship"
    LINKS: ClassVar[dict[str, LinkSpec]] = {
        "mentee_ids": LinkSpec(table="mentorship_mentee", fk="mentorship_id", column="staff_id"),
    }

    mentor_id: str
    form: str = Field(min_length=1)
    reason: Text = ""
    start_date: Date
    planned_end: Date
    actual_end: OptDate = None
    order_number: Text = ""
    order_date: OptDate = None
    curator_id: Annotated[str | None, BeforeValidator(_blank_to_none)] = None
    goals: Text = ""
    status: choice(v.MENTORSHIP_STATUSES) = "действует"
    result: Text = ""
    mentee_ids: list[str] = Field(default_factory=list)

    @field_validator("mentee_ids")
    @classmethod
    def _mentees(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError(S.MODEL_NEED_MENTEE)
        return _unique(value)

    def _rule_planned_end(self) -> Problem:
        if self.planned_end < self.start_date:
            return "planned_end", S.MODEL_FINISH_BEFORE_START
        return None

    def _rule_actual_end(self) -> Problem:
        if self.actual_end is not None and self.actual_end < self.start_date:
            return "actual_end", S.MODEL_FINISH_BEFORE_START
        return None

    def _rule_end_date_needed(self) -> Problem:
        if self.status != "действует" and self.actual_end is None:
            return "actual_end", S.MODEL_NEED_END_DATE
        return None

    def _rule_mentor_not_mentee(self) -> Problem:
        if self.mentor_id in self.mentee_ids:
            return "mentee_ids", S.MODEL_MENTOR_IS_MENTEE
        return None


class MentorshipEvent(Record):
    TABLE: ClassVar[str] = "mentorship_event"

    mentorship_id: str
    date: Date
    topic: str = Field(min_length=1)
    form: Text = ""
    outcome: Text = ""
    status: choice(v.MENTORSHIP_EVENT_STATUSES) = "проведено"


def _none_to_blank(value: object) -> object:
    return "" if value is None else value


class Achievement(Record):
    """Methodical work and achievements: a talk, an open lesson, a publication, a contest."""

    TABLE: ClassVar[str] = "achievement"

    staff_id: str
    kind: choice(v.ACHIEVEMENT_KINDS)
    level: choice(v.ACHIEVEMENT_LEVELS)
    date: Date
    title: str = Field(min_length=1, max_length=500)
    result: Annotated[choice(("", *v.ACHIEVEMENT_RESULTS)),
                      BeforeValidator(_none_to_blank)] = ""
    organiser: Text = ""
    # a document number or the path of a file the user keeps (never copied in)
    evidence: Annotated[str, BeforeValidator(_none_to_blank)] = Field(default="",
                                                                      max_length=300)
    group_id: Annotated[str | None, BeforeValidator(_blank_to_none)] = None


class ShortLearning(Record):
    """Самообразование: a lecture, webinar, seminar or online course under 16 hours. Not a
    ПК: it never counts in the 3-year rule."""

    TABLE: ClassVar[str] = "short_learning"

    staff_id: str
    kind: choice(v.LEARNING_KINDS) = "вебинар"
    title: str = Field(min_length=1, max_length=500)
    platform: Text = ""
    hours: Annotated[float, BeforeValidator(_decimal_comma)] = Field(
        gt=0, lt=v.LEARNING_MAX_HOURS)
    start_date: OptDate = None
    date: Date
    evidence: Annotated[str, BeforeValidator(_none_to_blank)] = Field(default="",
                                                                      max_length=300)
    group_id: Annotated[str | None, BeforeValidator(_blank_to_none)] = None

    def _rule_dates(self) -> Problem:
        if self.start_date is not None and self.date < self.start_date:
            return "date", S.MODEL_END_BEFORE_START
        return None


class Programme(Record):
    TABLE: ClassVar[str] = "programme"

    title: str = Field(min_length=1)
    year_from: int = Field(ge=2000, le=2100)
    year_to: int = Field(ge=2000, le=2100)
    goal: Text = ""
    order_number: Text = ""
    order_date: OptDate = None
    is_current: bool = False

    def _rule_years(self) -> Problem:
        if self.year_to < self.year_from:
            return "year_to", S.MODEL_YEAR_TO_BEFORE_FROM
        return None


class ProgrammeTask(Record):
    TABLE: ClassVar[str] = "programme_task"

    programme_id: str
    number: int = Field(default=1, gt=0, le=MAX_NUMBER)
    title: str = Field(min_length=1)


class ProgrammeActivity(Record):
    TABLE: ClassVar[str] = "programme_activity"
    LINKS: ClassVar[dict[str, LinkSpec]] = {
        "responsible_ids": LinkSpec(
            table="activity_responsible", fk="activity_id", column="staff_id"
        ),
    }

    task_id: str
    direction: Text = ""
    title: str = Field(min_length=1)
    form: Text = ""
    start_date: OptDate = None
    deadline: Date
    expected_result: Text = ""
    status: choice(v.ACTIVITY_STATUSES) = "запланировано"
    done_date: OptDate = None
    note: Text = ""
    responsible_ids: list[str] = Field(default_factory=list)

    @field_validator("responsible_ids")
    @classmethod
    def _unique_ids(cls, value: list[str]) -> list[str]:
        return _unique(value)

    def _rule_deadline(self) -> Problem:
        if self.start_date is not None and self.deadline < self.start_date:
            return "deadline", S.MODEL_DEADLINE_BEFORE_START
        return None

    def _rule_done_date(self) -> Problem:
        if self.status == "выполнено" and self.done_date is None:
            return "done_date", S.MODEL_NEED_DONE_DATE
        return None


class ActivityPostponement(Record):
    TABLE: ClassVar[str] = "activity_postponement"

    activity_id: str
    old_deadline: Date
    new_deadline: Date
    reason: Text = ""
    changed_on: Date


class TargetIndicator(Record):
    TABLE: ClassVar[str] = "target_indicator"

    programme_id: str
    number: int = Field(default=1, gt=0, le=MAX_NUMBER)
    name: str = Field(min_length=1)
    unit: Text = "%"
    baseline: Annotated[float | None, BeforeValidator(_blank_to_none)] = None
    source: choice(v.INDICATOR_SOURCES) = "manual"
    computed_key: Annotated[str | None, BeforeValidator(_blank_to_none)] = None

    def _rule_source(self) -> Problem:
        if self.source == "computed" and not self.computed_key:
            return "computed_key", S.MODEL_NEED_COMPUTED_KEY
        return None


class IndicatorTarget(Record):
    TABLE: ClassVar[str] = "indicator_target"

    indicator_id: str
    year: int = Field(ge=2000, le=2100)
    target: Annotated[float | None, BeforeValidator(_blank_to_none)] = None
    actual: Annotated[float | None, BeforeValidator(_blank_to_none)] = None


ALL_MODELS: tuple[type[Record], ...] = (
    School,
    Staff,
    Association,
    QualificationCategory,
    ConformityAttestation,
    Training,
    Diagnostic,
    Deficit,
    IndividualRoute,
    RouteStep,
    Mentorship,
    MentorshipEvent,
    Achievement,
    ShortLearning,
    Programme,
    ProgrammeTask,
    ProgrammeActivity,
    ActivityPostponement,
    TargetIndicator,
    IndicatorTarget,
)


# --- Russian error messages ---------------------------------------------------------


_MESSAGES = S.MODEL_PYDANTIC_MESSAGES


def _number(value: object) -> object:
    """A limit as Russians write it: 100 rather than 100.0, 0,5 rather than 0.5."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return value


def field_errors(error: ValidationError) -> dict[str, str]:
    """Map a pydantic ValidationError to {field: Russian message} (first error per field)."""
    result: dict[str, str] = {}
    for item in error.errors():
        loc = item.get("loc") or ()
        field = str(loc[0]) if loc else ""
        kind = item.get("type", "")
        if kind == "value_error":
            error = item.get("ctx", {}).get("error")
            if isinstance(error, RuleErrors):
                for name, text in error.problems.items():
                    result.setdefault(name, text)
                continue
            message = str(error if error is not None else item.get("msg", ""))
        else:
            template = _MESSAGES.get(kind)
            ctx = {k: _number(x) for k, x in item.get("ctx", {}).items()}
            message = template.format(**ctx) if template else item.get("msg", "")
        result.setdefault(field, message)
    return result


_ADAPTER_CONFIG = ConfigDict(str_strip_whitespace=True, allow_inf_nan=False)


@cache
def _field_adapter(model: type[Record], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(annotation, config=_ADAPTER_CONFIG)


def _passed_fields(model: type[Record], data: dict[str, Any], failed: set[str]) -> dict[str, Any]:
    """The typed values of the fields that passed (or were left at their defaults)."""
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in failed:
            continue
        if name not in data:
            if not info.is_required():
                values[name] = info.get_default(call_default_factory=True)
            continue
        raw = data[name]
        if isinstance(raw, str):
            raw = raw.strip()
        try:
            values[name] = _field_adapter(model, name).validate_python(raw)
        except (ValidationError, ValueError, TypeError):
            continue
    return values


def validate(model: type[Record], data: dict[str, Any], *,
             today: dt.date | None = None) -> tuple[Record | None, dict[str, str]]:
    """Build a model from form data: the record, or the Russian errors per field.
    With ``today``, dates that cannot be on that day are refused too (domain/checks.py).

    Pydantic checks the rules over several fields only when every field passed; so that
    the form shows every problem at once, the rules are checked here on the fields that
    did pass (a rule that needs a failed field waits for it to be fixed).
    """
    context = {"today": today} if today is not None else None
    try:
        return model.model_validate(data, context=context), {}
    except ValidationError as exc:
        errors = field_errors(exc)
        if any(isinstance(item.get("ctx", {}).get("error"), RuleErrors) for item in exc.errors()):
            return None, errors          # every field passed and every rule was checked
    passed = _passed_fields(model, data, set(errors))
    for name, message in rule_problems(model, _Partial(passed)).items():
        errors.setdefault(name, message)
    if today is not None:
        from metodkab.domain.checks import impossible

        try:
            found = impossible(_Partial({**passed, "TABLE": model.TABLE}), today)
        except _Unknown:
            found = {}
        for name, message in found.items():
            errors.setdefault(name, message)
    return None, errors
