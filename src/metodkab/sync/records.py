"""Records as they travel: one JSON line per row, and the strict check of every line.

A line is one JSON object with a fixed envelope and the row's own columns under "r"::

    {"t":"training","id":"<uuid>","v":3,"s":1207,"u":"2026-11-23T12:00:00","d":0,"r":{...}}

(t table, id, v version, s change_seq, u updated_at, d deleted). The school writes the
envelope in exactly this order, so the importer checks it with one strict pattern and
hands the "r" object, as text, to the table's pydantic model. The municipal database
stores that same validated text, so what is kept is byte for byte what was checked.

The wire models are the domain models of ``domain/models.py`` without the conveniences
of data entry: the wire form is canonical (ISO dates between 1900 and 2100, '' rather
than None for text, None rather than '' for an empty reference), so the lenient
``BeforeValidator`` parsers are replaced by pydantic's own strict types; every other
rule of the model (names, СНИЛС, hours, date order …) still runs. Link tables
(positions, subjects, members, mentees …) have small models of their own.

A de-identified packet carries no names, birth dates, СНИЛС or contacts: a staff row
keeps its UUID and the fields the indicators need, with age and pedagogical experience
as bands on the export date, and the age band on the 1 January the ОО-1 tables count on
(``DeidentifiedStaff``); the school's director and deputy are blanked. Every staff row
travels in such a packet, so the bands stay current.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import deque
from functools import cache, partial
from itertools import groupby, repeat
from operator import itemgetter
from typing import Annotated, Any, Literal

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints,
                      ValidationError, create_model, model_validator)

from metodkab import strings as S
from metodkab.domain import models as m
from metodkab.domain import values as v
from metodkab.domain.parse import parse_date, years_between

META_COLUMNS = ("id", "version", "change_seq", "updated_at", "deleted")
DERIVED_COLUMNS = {"staff": ("name_norm",)}
LEVELS = ("full", "deidentified")

UUID_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
UUID_RE = re.compile(UUID_PATTERN)
LINE_RE = re.compile(
    r'\{"t":"([a-z_]{1,40})","id":"(' + UUID_PATTERN + r')","v":([1-9][0-9]{0,8}),'
    r'"s":([1-9][0-9]{0,15}),"u":"([0-9T:.+-]{10,35})","d":([01]),"r":(\{.*\})\}'
)

Uuid = Annotated[str, StringConstraints(pattern=f"^{UUID_PATTERN}$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Flag = Annotated[int, Field(ge=0, le=1, strict=True)]

AGE_BANDS = ("до 25", "25–29", "30–34", "35–39", "40–44", "45–49", "50–54", "55–59",
             "60–64", "65 и более")
EXPERIENCE_BANDS = ("до 3", "3–5", "5–10", "10–15", "15–20", "20–30", "30 и более")
PERSONAL_COLUMNS = ("last_name", "first_name", "middle_name", "name_norm", "birth_date",
                    "ped_start_date", "snils", "phone", "email", "notes")


def age_band(birth_date: dt.date | None, day: dt.date) -> str | None:
    """Five-year bands as in ОО-1 (under 25 … 65 and over); they add up to every age
    threshold of the indicators (under 30, under 35, 55 and over)."""
    if birth_date is None:
        return None
    age = years_between(birth_date, day)
    if age < 25:
        return AGE_BANDS[0]
    if age >= 65:
        return AGE_BANDS[-1]
    return AGE_BANDS[(age - 25) // 5 + 1]


def experience_band(start: dt.date | None, day: dt.date) -> str | None:
    """The experience bands of ОО-1, with 20–30 and 30+ for the self-evaluation report."""
    if start is None:
        return None
    years = years_between(start, day)
    for limit, band in zip((3, 5, 10, 15, 20, 30), EXPERIENCE_BANDS):
        if years < limit:
            return band
    return EXPERIENCE_BANDS[-1]


# --- wire models ---------------------------------------------------------------------

_WireDate = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))]


def _entry_conveniences() -> dict[object, str]:
    text = m.Text.__metadata__[0].func
    return {parse_date: "date", m._required_date: "date", text: "text",
            m._blank_to_none: "blank"}


# The longest text each column takes on the forms (the screens' TextField max_length);
# a column no form limits takes WIRE_TEXT_DEFAULT. Columns a spreadsheet import also fills
# take what the import takes (IMPORT_CELL_CHARS), so that every record the school holds can
# travel. A 10 MB course title never does.
IMPORT_CELL_CHARS = 2000
WIRE_TEXT_LIMITS = {
    "last_name": 60, "first_name": 60, "middle_name": 60, "snils": 14, "phone": 30,
    "email": 80, "code": 20, "short_name": 120, "director": 120, "deputy": 120,
    "full_name": 300, "address": 300, "municipality": 200, "order_number": 40,
    "doc_number": 60, "issuing_body": 200, "provider": 200, "title": 500, "name": 300,
    "topic": 300, "action": 300, "evidence": 300, "expected_product": 300, "form": 100,
    "direction": 200, "description": 500, "expected_result": 500, "note": 500,
    "notes": 500, "goal": 1000, "goals": 1000, "outcome": 1000, "result": 1000,
    "unit": 20,
}
WIRE_TEXT_LIMITS.update(dict.fromkeys(
    ("title", "provider", "notes", "issuing_body", "doc_number", "description"),
    IMPORT_CELL_CHARS))
WIRE_TEXT_DEFAULT = 1000
# A flag travels as the integer 0 or 1: not true, not "yes", not 1.0.
StrictFlag = Annotated[int, Field(ge=0, le=1, strict=True)]


def wire_model(model: type[m.Record]) -> type[BaseModel]:
    """The domain model with data-entry conveniences replaced by strict native types:
    ISO dates in range, flags as 0/1, texts no longer than the forms allow."""
    conveniences = _entry_conveniences()
    overrides: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in model.LINKS:
            # Link lists travel as rows of their own tables: never inside the record.
            overrides[name] = (list[str], Field(default_factory=list, max_length=0))
            continue
        if name in ("id", "version"):
            continue
        found = [x for x in info.metadata
                 if isinstance(x, BeforeValidator) and x.func in conveniences]
        rest = [x for x in info.metadata if x not in found]
        annotation: Any = info.annotation
        if found and conveniences[found[0].func] == "date":
            annotation = _WireDate if annotation is dt.date else _WireDate | None
        elif annotation is bool:
            annotation, rest = StrictFlag, []
        elif annotation is str or annotation == (str | None):
            rest = [*rest, StringConstraints(
                max_length=WIRE_TEXT_LIMITS.get(name, WIRE_TEXT_DEFAULT))]
        elif not found:
            continue
        if rest:
            annotation = Annotated[(annotation, *rest)]
        default = ... if info.is_required() else info.default
        overrides[name] = (annotation, default)
    return create_model(f"{model.__name__}Wire", __base__=model, **overrides)


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StaffPositionRow(_Row):
    staff_id: Uuid
    position: ShortText
    is_main: Flag = 0
    sort_order: int = 0


class StaffSubjectRow(_Row):
    staff_id: Uuid
    subject: ShortText
    sort_order: int = 0


class AssociationMemberRow(_Row):
    association_id: Uuid
    staff_id: Uuid


class TrainingDeficitRow(_Row):
    training_id: Uuid
    deficit_id: Uuid


class MentorshipMenteeRow(_Row):
    mentorship_id: Uuid
    staff_id: Uuid


class ActivityResponsibleRow(_Row):
    activity_id: Uuid
    staff_id: Uuid


class DeidentifiedStaff(_Row):
    """A staff row of a de-identified packet: no names, birth date, СНИЛС or contacts."""

    sex: Literal[v.SEXES] | None = None  # type: ignore[valid-type]
    employment: Literal[v.EMPLOYMENTS] = "основной"  # type: ignore[valid-type]
    hire_date: _WireDate | None = None
    dismissal_date: _WireDate | None = None
    education_level: Literal[v.EDUCATION_LEVELS] | None = None  # type: ignore[valid-type]
    education_pedagogical: Flag = 0
    management_team: Flag = 0
    age_band: Literal[AGE_BANDS] | None = None  # type: ignore[valid-type]
    age_band_jan1: Literal[AGE_BANDS] | None = None  # type: ignore[valid-type]
    experience_band: Literal[EXPERIENCE_BANDS] | None = None  # type: ignore[valid-type]
    bands_on: _WireDate


_Months = Annotated[int, Field(ge=1, le=60)]
_Years = Annotated[int, Field(ge=1, le=10)]
_Percent = Annotated[int, Field(ge=0, le=100)]


class FigureSettings(BaseModel):
    """The school's settings its figures are computed with (every setting the rules of
    reports/ read), in the packet's header line: the office computes the school's figures
    with them, exactly as the school does. Known keys only, exact types (a flag is
    true/false, a number an integer), within the bounds of Настройки."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    training_period_years: _Years
    self_evaluation_training_years: _Years
    indicator_period_months: _Months
    category_warn_months: Annotated[int, Field(ge=1, le=24)]
    young_max_age: Annotated[int, Field(ge=18, le=70)]
    young_max_experience: _Years
    mentorship_min_months: Annotated[int, Field(ge=1, le=36)]
    mentorship_max_months: _Months
    fl_high_score_percent: Annotated[int, Field(ge=1, le=100)]
    target_federal_register: _Percent
    target_fl_diagnostics: _Percent
    target_fl_high_score: _Percent
    target_young_supported: _Percent
    target_management_trained: _Percent | None      # None: no target, no status
    support_mentorship: bool
    support_route: bool
    support_young_school: bool

    @model_validator(mode="after")
    def _ordered(self) -> FigureSettings:
        if self.mentorship_min_months > self.mentorship_max_months:
            raise ValueError(S.EX_R_SETTINGS_ORDER)
        return self


def figure_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The school's settings that travel (``FigureSettings``), checked as the office will
    check them; ValidationError when one is out of bounds."""
    return FigureSettings.model_validate(
        {key: settings.get(key) for key in FigureSettings.model_fields}).model_dump()


def read_figure_settings(value: object) -> dict[str, Any]:
    """The settings of a packet's header line, strictly; LineError (Russian) otherwise."""
    try:
        return FigureSettings.model_validate(value).model_dump()
    except ValidationError as exc:
        raise LineError(S.EX_R_SETTINGS.format(reason=settings_error(exc))) from None


def settings_error(exc: ValidationError) -> str:
    """The first problem of the settings, the setting named as Настройки name it."""
    field, message = next(iter(m.field_errors(exc).items()), ("", str(exc)))
    name = S.OF_SETTING_NAMES.get(field, field)
    return f"«{name}» — {message[:1].lower()}{message[1:]}" if name else message


LINK_ROWS: dict[str, type[BaseModel]] = {
    "staff_position": StaffPositionRow,
    "staff_subject": StaffSubjectRow,
    "association_member": AssociationMemberRow,
    "training_deficit": TrainingDeficitRow,
    "mentorship_mentee": MentorshipMenteeRow,
    "activity_responsible": ActivityResponsibleRow,
}


# Free text (notes, goals, results, a meeting's topic …) can name people: at the
# de-identified level it does not travel. An optional one goes blank; a required one
# (a deficit's description, a step's goal, a meeting's topic) carries DEID_HIDDEN.
FREE_TEXT: dict[str, tuple[str, ...]] = {
    "association": ("notes",),
    "diagnostic": ("notes",),
    "deficit": ("description",),
    "individual_route": ("self_education_topic",),
    "route_step": ("goal", "action", "expected_product", "evidence"),
    "mentorship": ("goals", "result"),
    "mentorship_event": ("topic", "outcome"),
    "achievement": ("evidence",),
    "short_learning": ("evidence",),
    "programme_activity": ("note",),
    "activity_postponement": ("reason",),
}


def _hidden_text(table: str) -> dict[str, Any]:
    """The values a de-identified row carries in place of its free text."""
    fields = wire_model_of(table).model_fields
    return {name: S.DEID_HIDDEN if fields[name].is_required() else ""
            for name in FREE_TEXT.get(table, ()) if name in fields}


@cache
def wire_model_of(table: str) -> type[BaseModel]:
    return next(wire_model(model) for model in m.ALL_MODELS if model.TABLE == table)


def _deidentified_model(table: str, model: type[BaseModel]) -> type[BaseModel]:
    """``model`` that takes only the hidden values in the table's free-text columns."""
    overrides = {name: (Literal[value], value) for name, value in _hidden_text(table).items()}
    return create_model(f"{model.__name__}Deid", __base__=model, **overrides)


@cache
def row_models(level: str) -> dict[str, type[BaseModel]]:
    """The model that checks the "r" object of each travelling table, at this level."""
    models: dict[str, type[BaseModel]] = {model.TABLE: wire_model(model) for model in m.ALL_MODELS}
    models.update(LINK_ROWS)
    if level == "deidentified":
        models["staff"] = DeidentifiedStaff
        for table in FREE_TEXT:
            if table in models:
                models[table] = _deidentified_model(table, models[table])
    return models


# --- writing lines -------------------------------------------------------------------


def deidentify(table: str, data: dict[str, Any], day: dt.date) -> dict[str, Any]:
    """The de-identified form of a row's own columns (other tables pass unchanged)."""
    if table == "staff":
        out = {k: val for k, val in data.items() if k not in PERSONAL_COLUMNS}
        from metodkab.reports.indicators import age_day

        born = parse_date(data.get("birth_date"))
        out["age_band"] = age_band(born, day)
        out["age_band_jan1"] = age_band(born, age_day(day))     # ОО-1 counts on 1 January
        out["experience_band"] = experience_band(parse_date(data.get("ped_start_date")), day)
        out["bands_on"] = day.isoformat()
        return out
    if table == "school":
        return {**data, "director": "", "deputy": ""}
    if table in FREE_TEXT:
        return {**data, **{k: v for k, v in _hidden_text(table).items() if k in data}}
    return data


def encode_line(table: str, row_id: str, version: int, change_seq: int, updated_at: str,
                deleted: int, data: dict[str, Any]) -> str:
    return (f'{{"t":"{table}","id":"{row_id}","v":{version},"s":{change_seq},'
            f'"u":{json.dumps(updated_at)},"d":{deleted},"r":'
            f'{json.dumps(data, ensure_ascii=False, separators=(",", ":"))}}}')


# --- reading lines -------------------------------------------------------------------


class LineError(ValueError):
    """A line that does not pass; the message is Russian."""


def _first_error(exc: ValidationError) -> str:
    errors = m.field_errors(exc)
    if not errors:
        return str(exc)
    field, message = next(iter(errors.items()))
    return f"{field}: {message}" if field else message


def check_lines(lines: list[str], models: dict[str, type[BaseModel]], *, upto: int,
                school: str = "", level: str = "", packet_uuid: str = "",
                today: dt.date | None = None) -> dict[str, list[tuple]]:
    """Check every line strictly, that no change_seq exceeds ``upto`` and that no record
    repeats; return the rows per table in the order of the office's ``records`` columns:
    (school, table, id, version, change_seq, updated_at, deleted, level, packet_uuid, data).

    A failure raises LineError naming the first line that fails (counted from 1).
    """
    checker = LineChecker(models, upto=upto, school=school, level=level,
                          packet_uuid=packet_uuid, today=today)
    checker.add(lines)
    return checker.rows


class LineChecker:
    """The strict check of a packet's lines, fed batch by batch (``add``), so that an
    untrusted body is never held as one list of lines: the office decompresses a packet
    in chunks and checks each chunk's lines as they come. Repeats are found across
    batches; line numbers count from 1 over the whole body (header excluded).

    This is the import's hot path. A batch that passes (nearly every one) goes through
    ``_check_all``: the envelope checks (format, table, sequence, timestamps, repeats)
    column-wise by C-level loops (map, zip, set), and every record through its model's
    strict JSON validator (exact types: no "72" for a number, no "yes" for a flag, no
    true for a number), which runs the model's own Python rules per record. Only when
    something fails does ``_check_each`` go through the lines one by one to name the
    first one that fails — table, line and field — with its reason.
    """

    def __init__(self, models: dict[str, type[BaseModel]], *, upto: int, school: str = "",
                 level: str = "", packet_uuid: str = "", today: dt.date | None = None) -> None:
        self.models = models
        # With ``today`` every record also passes the checks of dates that cannot be
        # (domain/checks.py: a birth or done date after today …), as a form's would.
        context = {"today": today} if today is not None else None
        self.validators = {t: partial(model.__pydantic_validator__.validate_json,
                                      context=context)
                           for t, model in models.items()}
        self.upto = upto
        self.school, self.level, self.packet_uuid = school, level, packet_uuid
        self.rows: dict[str, list[tuple]] = {}
        self.seen: set[tuple[str, str]] = set()
        self.count = 0                               # lines checked so far

    def add(self, lines: list[str]) -> None:
        """Check one batch of lines (the next ones of the body); LineError on failure."""
        if not lines:
            return
        if not self._check_all(lines):
            self._check_each(lines)
        self.count += len(lines)

    def _check_all(self, lines: list[str]) -> bool:
        """Check the batch column-wise and keep its rows; False (nothing kept) when any
        line fails (``_check_each`` then says which and why)."""
        found = list(map(LINE_RE.fullmatch, lines))
        if None in found:                                       # a line out of format
            return False
        tables, ids, versions, seqs, updated, deleted, data = zip(*map(re.Match.groups, found))
        if not self.models.keys() >= set(tables):               # a table not known
            return False
        seqs = list(map(int, seqs))
        if max(seqs) > self.upto:                               # a change beyond the manifest
            return False
        if not all(map(valid_timestamp, set(updated))):         # a time that cannot be
            return False
        keys = set(zip(tables, ids))
        if len(keys) != len(lines) or not self.seen.isdisjoint(keys):   # a record repeated
            return False
        batch: dict[str, list[tuple]] = {}
        all_rows = zip(repeat(self.school), tables, ids, map(int, versions), seqs, updated,
                       map("1".__eq__, deleted), repeat(self.level), repeat(self.packet_uuid),
                       data)
        # lines come table by table: each run of one table is checked by its model at once
        for table, run in groupby(all_rows, key=itemgetter(1)):
            run = list(run)
            validate = self.validators[table]
            try:
                deque(map(partial(validate, strict=True), map(itemgetter(9), run)), maxlen=0)
            except ValidationError:                             # a record that does not pass
                return False
            batch.setdefault(table, []).extend(run)
        self.seen |= keys
        for table, run in batch.items():
            self.rows.setdefault(table, []).extend(run)
        return True

    def _check_each(self, lines: list[str]) -> None:
        """The batch line by line: the first line that fails raises LineError."""
        fullmatch = LINE_RE.fullmatch
        rows: dict[str, list[tuple]] = {}
        seen: set[tuple[str, str]] = set()
        number = self.count
        for line in lines:
            number += 1
            found = fullmatch(line)
            if found is None:
                raise LineError(S.EX_LINE_FORMAT.format(line=number))
            table, row_id, version, seq, updated, deleted, data = found.groups()
            validate = self.validators.get(table)
            if validate is None:
                raise LineError(S.EX_LINE_TABLE.format(line=number, table=table))
            if not valid_timestamp(updated):
                raise LineError(S.EX_LINE_TIME.format(line=number, table=table, id=row_id,
                                                      value=updated))
            try:
                validate(data, strict=True)
            except ValidationError as exc:
                raise LineError(S.EX_LINE_RECORD.format(line=number, table=table, id=row_id,
                                                        error=_first_error(exc))) from None
            change_seq = int(seq)
            if change_seq > self.upto:
                raise LineError(S.EX_LINE_SEQ.format(line=number))
            key = (table, row_id)
            if key in seen or key in self.seen:
                raise LineError(S.EX_LINE_REPEAT.format(line=number))
            seen.add(key)
            rows.setdefault(table, []).append(
                (self.school, table, row_id, int(version), change_seq, updated,
                 deleted == "1", self.level, self.packet_uuid, data))
        self.seen |= seen
        for table, run in rows.items():
            self.rows.setdefault(table, []).extend(run)


_EARLIEST = dt.datetime(1900, 1, 1)
_LATEST = dt.datetime(2101, 1, 1)


def valid_timestamp(text: str) -> bool:
    """An ``updated_at`` that is a real moment between 1900 and 2100 (ISO 8601)."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return _EARLIEST <= moment.replace(tzinfo=None) < _LATEST
