"""The preview of an import and its application in one transaction.

``build_plan`` reads every row of a sheet through the mapping and decides, against what
is already in the database, what the row will do: add a person (or a course), update a
person, change nothing, or fail with a reason. Nothing is written. ``apply_plan`` writes
the good rows in one transaction. Importing the same file twice changes nothing the
second time: people are matched by ФИО and birth date, courses by title and end date,
categories by category, position and date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from metodkab import strings as S
from metodkab.domain.models import (ConformityAttestation, QualificationCategory, Record, Staff,
                                    Training, validate)
from metodkab.domain.parse import (add_months, add_years, clean_snils, format_date, format_end,
                                   norm)
from metodkab.importing import values as iv
from metodkab.importing.mapping import STAFF, TRAININGS, Mapping, field_label, problems
from metodkab.importing.reader import PROGRESS_STEP, Progress, Sheet
from metodkab.storage import importing as q
from metodkab.storage import repo
from metodkab.storage.db import Store

ADD = "add"
UPDATE = "update"
SAME = "same"
ERROR = "error"
STATUSES = (ADD, UPDATE, SAME, ERROR)
# Categories decided before this day keep their five-year term (Приказ № 196 from 01.09.2023).
INDEFINITE_FROM = dt.date(2023, 9, 1)
CATEGORY_TERM_YEARS = 5
MANAGEMENT_POSITIONS = ("директор", "заместитель директора")
MAX_CELL_CHARS = 2000          # longer than any field of a person or a course

MODEL_LABELS = {
    "last_name": S.F_LAST_NAME, "first_name": S.F_FIRST_NAME, "middle_name": S.F_MIDDLE_NAME,
    "birth_date": S.F_BIRTH_DATE, "sex": S.F_SEX, "positions": S.F_POSITIONS,
    "subjects": S.F_SUBJECTS, "employment": S.F_EMPLOYMENT, "hire_date": S.F_HIRE_DATE,
    "ped_start_date": S.F_PED_START, "education_level": S.F_EDUCATION,
    "education_pedagogical": S.F_EDUCATION_PED, "snils": S.F_SNILS, "phone": S.F_PHONE,
    "email": S.F_EMAIL, "notes": S.F_NOTES, "dismissal_date": S.F_DISMISSAL_DATE,
}


class PlanError(Exception):
    """The import cannot start (the mapping has no name column …): one Russian sentence."""


@dataclass
class RowPlan:
    """What one row of the file will do."""

    number: int
    cells: list[object]
    status: str = SAME
    name: str = ""
    errors: list[str] = field(default_factory=list)     # why the row is not imported
    skipped: list[str] = field(default_factory=list)    # parts of a good row left out
    notes: list[str] = field(default_factory=list)      # how values were read
    changes: list[str] = field(default_factory=list)    # what will change
    staff_new: Staff | None = None
    staff_update: Staff | None = None
    records: list[Record] = field(default_factory=list)  # trainings, categories, СЗД

    @property
    def good(self) -> bool:
        return self.status in (ADD, UPDATE)

    @property
    def in_report(self) -> bool:
        """Rows the error report lists: not imported, or imported without some part."""
        return self.status == ERROR or bool(self.skipped)

    @property
    def reason(self) -> str:
        return "; ".join(self.errors if self.status == ERROR else self.skipped)

    @property
    def summary(self) -> str:
        """One line for the preview: the reason of an error, else what will happen."""
        if self.status == ERROR:
            return "; ".join(self.errors)
        parts = list(self.changes)
        parts += [f"{S.IMP_NOT_LOADED}: {s}" for s in self.skipped]
        parts += self.notes
        return "; ".join(parts)


@dataclass
class Plan:
    kind: str
    sheet: Sheet
    mapping: Mapping
    day: dt.date
    rows: list[RowPlan]
    headings: list[int] = field(default_factory=list)    # section heading rows, not data

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in STATUSES}

    @property
    def partial(self) -> int:
        return sum(1 for r in self.rows if r.good and r.skipped)

    @property
    def good_rows(self) -> list[RowPlan]:
        return [r for r in self.rows if r.good]

    @property
    def report_rows(self) -> list[RowPlan]:
        return [r for r in self.rows if r.in_report]

    def summary(self) -> str:
        c = self.counts
        text = S.IMP_SUMMARY.format(add=c[ADD], update=c[UPDATE], same=c[SAME], error=c[ERROR])
        if self.partial:
            text += " " + S.IMP_SUMMARY_PARTIAL.format(partial=self.partial)
        if self.headings:
            text += " " + S.IMP_SUMMARY_HEADINGS.format(
                rows=", ".join(str(n) for n in self.headings))
        return text


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    trainings: int
    categories: int
    conformity: int
    not_imported: int

    def summary(self) -> str:
        return S.IMP_DONE.format(added=self.added, updated=self.updated,
                                 trainings=self.trainings, categories=self.categories,
                                 conformity=self.conformity, errors=self.not_imported)


# --- matching people -------------------------------------------------------------------


@dataclass
class _Person:
    key: q.PersonKey
    planned_row: int | None = None        # a person this import adds (in that row)


class People:
    """Everyone already in the register, plus the people this import adds."""

    def __init__(self, keys: list[q.PersonKey]) -> None:
        self.by_name: dict[str, list[_Person]] = {}
        self.by_initials: dict[tuple[str, str], list[_Person]] = {}
        for key in keys:
            self._add(_Person(key))

    def _add(self, person: _Person) -> None:
        key = person.key
        self.by_name.setdefault(key.name_norm, []).append(person)
        initials = (norm(key.last_name), norm(key.first_name[:1]))
        self.by_initials.setdefault(initials, []).append(person)

    def plan_new(self, record: Staff, row: int) -> None:
        self._add(_Person(q.PersonKey(record.id or "", record.last_name, record.first_name,
                                      record.middle_name, record.name_norm, record.birth_date,
                                      0), planned_row=row))

    def match(self, name: iv.PersonName, birth: dt.date | None) -> _Person | None:
        """The person with this ФИО (and birth date when both know it); None for nobody.

        Raises ``ValueError`` when several people fit and the row cannot tell them apart.
        """
        if name.initials_only:
            found = [p for p in self.by_initials.get((norm(name.last), norm(name.first_initial)),
                                                     [])
                     if not name.middle_initial
                     or norm(p.key.middle_name[:1]) == norm(name.middle_initial)]
        else:
            found = list(self.by_name.get(name.key, []))
        if birth is not None:
            same_day = [p for p in found if p.key.birth_date == birth]
            if same_day:
                found = same_day
            else:
                found = [p for p in found if p.key.birth_date is None]
        if len(found) > 1:
            raise ValueError(S.IMP_AMBIGUOUS.format(name=name.full, count=len(found)))
        return found[0] if found else None


# --- the plan --------------------------------------------------------------------------


class _Context:
    """What the rows share: the database as it was, the report date, what earlier rows did."""

    def __init__(self, store: Store, plan_kind: str, day: dt.date) -> None:
        self.store = store
        self.kind = plan_kind
        self.day = day
        self.people = People(q.people(store))
        self.trainings = q.trainings_by_person(store)
        self.categories = q.categories_by_person(store)
        self.conformity = q.conformity_by_person(store)
        self.stems = pedagogical_stems(store)
        self.seen: dict[str, int] = {}                        # person id → first row
        self.planned_trainings: dict[tuple[str, str, dt.date], int] = {}


def pedagogical_stems(store: Store) -> tuple[str, ...]:
    """The word stems that make a diploma pedagogical (Настройки), or the defaults."""
    from metodkab.storage.settings import get_setting

    value = get_setting(store, "pedagogical_stems")
    if isinstance(value, list) and all(isinstance(v, str) for v in value) and value:
        return tuple(value)
    return iv.PEDAGOGICAL_STEMS


def build_plan(store: Store, sheet: Sheet, mapping: Mapping, kind: str,
               day: dt.date | None = None, progress: Progress | None = None) -> Plan:
    """Read every row and decide what it will do (nothing is written).

    ``day`` is the date the list is read on: every «N лет» of experience counts back from
    it. Not given, it is the list's own date (its title or a date cell above the header),
    else the report date."""
    from metodkab.storage.settings import report_date

    if kind not in (STAFF, TRAININGS):
        raise PlanError(S.IMP_BAD_KIND.format(kind=kind))
    trouble = problems(mapping, kind)
    if trouble:
        raise PlanError(" ".join(trouble))
    day = day or sheet.list_date or report_date(store)
    with store.mutex:
        ctx = _Context(store, kind, day)
        row_plan = _staff_row if kind == STAFF else _training_row
        rows = []
        headings: list[int] = []
        total = len(sheet.rows)
        for index, (number, cells) in enumerate(sheet.rows, start=1):
            if progress is not None and (index % PROGRESS_STEP == 0 or index == total):
                progress(S.IMP_PROGRESS_ROWS, index, total)
            values = {key: (cells[c] if c < len(cells) else None) for c, key in mapping.items()}
            if all(iv.is_blank(v) for v in values.values()):
                continue                       # nothing this import reads: a spacer row
            plan = RowPlan(number=number, cells=cells)
            if _too_long(plan, values):
                rows.append(plan)
                continue
            if _is_heading(values):
                headings.append(number)
                continue
            row_plan(ctx, plan, values)
            rows.append(plan)
    return Plan(kind=kind, sheet=sheet, mapping=dict(mapping), day=day, rows=rows,
                headings=headings)


def _too_long(plan: RowPlan, values: dict[str, Any]) -> bool:
    """A cell longer than any field holds (a pasted document, 100 000 characters) fails
    its row with the column's name; the rest of the list still loads."""
    for key, value in values.items():
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            _fail(plan, S.IMP_TOO_LONG.format(label=field_label(key),
                                              length=f"{len(value):,}".replace(",", " "),
                                              limit=f"{MAX_CELL_CHARS:,}".replace(",", " ")))
    if plan.status != ERROR:
        return False
    fio = iv.cell_text(values.get("fio") or " ".join(
        iv.cell_text(values.get(k)) for k in ("last_name", "first_name", "middle_name")))
    plan.name = fio if len(fio) <= 120 else ""
    return True


def _is_heading(values: dict[str, Any]) -> bool:
    """A section heading inside the list ("Учителя начальных классов" merged across the
    row): every filled column says the same."""
    filled = [iv.cell_text(v) for v in values.values() if not iv.is_blank(v)]
    return len(filled) >= 2 and len(set(filled)) == 1


def _fail(plan: RowPlan, message: str) -> None:
    plan.errors.append(message)
    plan.status = ERROR


def with_label(label: str, message: str) -> str:
    """"Дата приёма: такой даты нет" — the field's name, then the reason (not twice)."""
    if norm(message).startswith(norm(label)):
        return message[:1].upper() + message[1:]
    if message[1:2].islower():                  # "Такой …" → "такой …"; "СНИЛС …" stays
        message = message[:1].lower() + message[1:]
    return f"{label}: {message}"


def _labelled(key: str, exc: Exception) -> str:
    return with_label(field_label(key), str(exc))


def _model_errors(errors: dict[str, str]) -> list[str]:
    return [with_label(MODEL_LABELS.get(k, k), m) for k, m in errors.items()]


def _read(plan: RowPlan, values: dict[str, Any], key: str, parser: Callable[[Any], Any]) -> Any:
    """Parse one mapped cell; a failure is recorded against the row with the field's name."""
    if key not in values:
        return None
    try:
        return parser(values[key])
    except ValueError as exc:
        _fail(plan, _labelled(key, exc))
        return None


def _name(plan: RowPlan, values: dict[str, Any], *, allow_initials: bool) -> iv.PersonName | None:
    try:
        if "last_name" in values and "first_name" in values:
            name = iv.parse_name_parts(values.get("last_name"), values.get("first_name"),
                                       values.get("middle_name"))
            if name is None and "fio" in values:
                name = iv.parse_name(values["fio"], allow_initials=allow_initials)
        else:
            name = iv.parse_name(values.get("fio"), allow_initials=allow_initials)
    except ValueError as exc:
        _fail(plan, f"{S.IMP_FIELD_LABELS['fio']}: {exc}")
        return None
    if name is None:
        _fail(plan, S.IMP_NO_NAME)
    else:
        plan.name = name.full
        if name.remark:
            plan.notes.append(S.IMP_NOTE_NAME_REMARK.format(remark=name.remark))
    return name


def _birth(plan: RowPlan, values: dict[str, Any]) -> dt.date | None:
    found = _read(plan, values, "birth_date", iv.parse_sheet_date)
    if found is not None and found.year_only:
        plan.skipped.append(S.IMP_BIRTH_YEAR_ONLY.format(year=found.year))
        return None
    return found.day if found else None


def _match(ctx: _Context, plan: RowPlan, name: iv.PersonName,
           birth: dt.date | None) -> _Person | None:
    try:
        person = ctx.people.match(name, birth)
    except ValueError as exc:
        _fail(plan, str(exc))
        return None
    if person is not None and ctx.kind == STAFF:
        first = ctx.seen.get(person.key.id)
        if first is not None:
            _fail(plan, S.IMP_REPEATED_PERSON.format(row=first))
            return None
        ctx.seen[person.key.id] = plan.number
    return person


# --- staff rows ------------------------------------------------------------------------


def years_text(years: int) -> str:
    """12 лет, 1 год, 3 года."""
    if years % 10 == 1 and years % 100 != 11:
        word = S.DEV_YEAR_1
    elif 2 <= years % 10 <= 4 and not 12 <= years % 100 <= 14:
        word = S.DEV_YEAR_2
    else:
        word = S.DEV_YEAR_5
    return f"{years} {word}"


def _months_between(start: dt.date, end: dt.date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def parse_dismissal(value: object) -> dt.date | None:
    """«Дата увольнения»: a date; «нет» or empty: still employed; «да» without a date is an
    error (a dismissed person would count as employed in every figure)."""
    text = iv.cell_text(value)
    if norm(text).rstrip(".") in ("нет", "не уволен", "не уволена", "-", "0"):
        return None
    if norm(text).rstrip(".") in ("да", "уволен", "уволена", "+", "1"):
        raise ValueError(S.IMP_DISMISSED_NO_DATE.format(text=text))
    return iv.parse_full_date(value)


def _pedagogical(plan: RowPlan, values: dict[str, Any], data: dict[str, Any],
                 stems: tuple[str, ...]) -> None:
    """Pedagogical education read from the diploma's qualification or speciality: a word
    stem of the list in Настройки («учител», «педагог» …); the preview says which."""
    texts = [(key, iv.cell_text(values.get(key)))
             for key in ("qualification", "speciality", "education")
             if iv.cell_text(values.get(key))]
    for key, text in texts:
        stem = iv.pedagogical_stem(text, stems)
        if stem:
            data["education_pedagogical"] = True
            plan.notes.append(S.IMP_NOTE_PEDAGOGICAL.format(
                column=field_label(key), text=_short(text), stem=stem))
            return
    texts = [(key, text) for key, text in texts if key != "education"]
    if texts:
        plan.notes.append(S.IMP_NOTE_NOT_PEDAGOGICAL.format(
            text=_short("; ".join(t for _, t in texts))))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _staff_values(plan: RowPlan, values: dict[str, Any], stems: tuple[str, ...] = ()
                  ) -> tuple[dict[str, Any], tuple[int, int] | None]:
    """The person's own fields read from the row (only those the row fills)."""
    data: dict[str, Any] = {}
    birth = _birth(plan, values)
    if birth is not None:
        data["birth_date"] = birth
    for key, parser in (("sex", iv.parse_sex), ("employment", iv.parse_employment),
                        ("hire_date", iv.parse_full_date), ("dismissal_date", parse_dismissal),
                        ("ped_start_date", iv.parse_full_date), ("snils", clean_snils)):
        value = _read(plan, values, key, parser)
        if value:
            data[key] = value
    level = _read(plan, values, "education", iv.parse_education)
    if level and level[0]:
        data["education_level"] = level[0]
        if level[1]:
            data["education_pedagogical"] = True
    if not data.get("education_pedagogical"):
        _pedagogical(plan, values, data, stems)
    positions: list[str] = []
    subjects: list[str] = []
    if "positions" in values:
        text, employment, remark = iv.employment_in_position(iv.cell_text(values["positions"]))
        if employment and "employment" not in data:
            data["employment"] = employment
            plan.notes.append(S.IMP_NOTE_EMPLOYMENT.format(employment=employment, remark=remark))
        positions, subjects, unknown = iv.parse_positions(text)
        for position in unknown:
            plan.notes.append(S.IMP_NOTE_POSITION_AS_IS.format(position=position))
    subjects += [s for s in _read(plan, values, "subjects", iv.parse_subjects) or []
                 if s not in subjects]
    if positions:
        data["positions"] = positions
    if subjects:
        data["subjects"] = subjects
    for key in ("phone", "email", "notes"):
        text = iv.cell_text(values.get(key))
        if text:
            data[key] = text
    experience = None
    if "ped_start_date" not in data:
        experience = _read(plan, values, "experience", iv.parse_experience)
    return data, experience


def _staff_row(ctx: _Context, plan: RowPlan, values: dict[str, Any]) -> None:
    name = _name(plan, values, allow_initials=False)
    data, experience = _staff_values(plan, values, ctx.stems)
    if name is None or plan.status == ERROR:
        plan.status = ERROR
        return
    inferred: dict[str, Any] = {}
    if "sex" not in data and (sex := iv.sex_from_patronymic(name.middle)):
        inferred["sex"] = sex
    person = _match(ctx, plan, name, data.get("birth_date"))
    if plan.status == ERROR:
        return
    if person is not None and person.planned_row is not None:
        _fail(plan, S.IMP_REPEATED_PERSON.format(row=person.planned_row))
        return
    data.update(last_name=name.last, first_name=name.first, middle_name=name.middle)
    if person is None:
        if ctx.people.by_name.get(name.key):
            plan.notes.append(S.IMP_NOTE_NAMESAKE)
        _infer(plan, data, inferred, name)
        record = _new_person(ctx, plan, data, experience)
        if record is None:
            return
        ctx.people.plan_new(record, plan.number)
        plan.staff_new = record
        plan.status = ADD
        plan.changes.append(S.IMP_CHANGE_NEW_PERSON)
    else:
        record = _updated_person(ctx, plan, person.key.id, data, experience, inferred, name)
        if record is None:
            return
    _attached(ctx, plan, record, values)
    if plan.status != ADD and (plan.staff_update is not None or plan.records):
        plan.status = UPDATE


def _ped_start(ctx: _Context, plan: RowPlan, experience: tuple[int, int],
               current: dt.date | None) -> dt.date | None:
    years, months = experience
    total = years * 12 + months
    if current is not None:
        have = _months_between(current, ctx.day)
        if (have // 12 == years) if not months else (have == total):
            return current          # the register already says as much: keep its exact day
    start = add_months(ctx.day, -total)
    plan.notes.append(S.IMP_NOTE_EXPERIENCE.format(
        years=years_text(years), months=S.IMP_NOTE_MONTHS.format(months=months) if months else "",
        day=format_date(ctx.day),
        start=format_date(start)))
    return start


def _new_person(ctx: _Context, plan: RowPlan, data: dict[str, Any],
                experience: tuple[int, int] | None) -> Staff | None:
    if experience is not None:
        data["ped_start_date"] = _ped_start(ctx, plan, experience, None)
    if not data.get("positions"):
        _fail(plan, S.IMP_NO_POSITION)
        return None
    record, errors = validate(Staff, {**data, "id": repo.new_id()},
                              today=ctx.store.clock.today())     # domain/checks.py
    if errors:
        for message in _model_errors(errors):
            _fail(plan, message)
        return None
    return record  # type: ignore[return-value]


def _infer(plan: RowPlan, data: dict[str, Any], inferred: dict[str, Any],
           name: iv.PersonName, current: Staff | None = None) -> None:
    """Facts the row implies (sex from the patronymic) fill only what nobody stated."""
    if "sex" in inferred and not (current is not None and current.sex):
        data["sex"] = inferred["sex"]
        plan.notes.append(S.IMP_NOTE_SEX.format(sex=inferred["sex"], middle=name.middle))


def _updated_person(ctx: _Context, plan: RowPlan, staff_id: str, data: dict[str, Any],
                    experience: tuple[int, int] | None, inferred: dict[str, Any],
                    name: iv.PersonName) -> Staff | None:
    """The person with the row's values filled in (empty cells never erase anything)."""
    current = repo.get(ctx.store, Staff, staff_id)
    _infer(plan, data, inferred, name, current)
    merged = current.model_dump()
    if experience is not None:
        data["ped_start_date"] = _ped_start(ctx, plan, experience, current.ped_start_date)
    for key, value in data.items():
        if key in ("positions", "subjects"):
            merged[key] = list(merged[key]) + [v for v in value if v not in merged[key]]
        elif key == "notes":
            if value not in (merged["notes"] or ""):
                merged["notes"] = "; ".join(p for p in (merged["notes"], value) if p)
        elif key in ("last_name", "first_name", "middle_name"):
            continue           # matched by ФИО: keep the spelling already in the register
        else:
            merged[key] = value
    record, errors = validate(Staff, merged, today=ctx.store.clock.today())
    if errors:
        for message in _model_errors(errors):
            _fail(plan, message)
        return None
    before, after = current.model_dump(), record.model_dump()  # type: ignore[union-attr]
    for key, old in before.items():
        new = after[key]
        if old == new:
            continue
        label = MODEL_LABELS.get(key, key)
        if isinstance(new, list):
            added = [v for v in new if v not in old]
            plan.changes.append(f"{label}: + {', '.join(added)}")
        elif isinstance(new, bool):
            plan.changes.append(f"{label}: {S.YES.lower() if new else S.NO.lower()}")
        else:
            shown_old = format_date(old) if isinstance(old, dt.date) else (old or "—")
            shown_new = format_date(new) if isinstance(new, dt.date) else new
            plan.changes.append(f"{label}: {shown_old} → {shown_new}")
    if plan.changes:
        plan.staff_update = record  # type: ignore[assignment]
    return record  # type: ignore[return-value]


def _attached(ctx: _Context, plan: RowPlan, person: Staff, values: dict[str, Any]) -> None:
    """The category (or СЗД) and the courses a staff row names."""
    try:
        category = iv.parse_category(values.get("category"))
    except ValueError as exc:
        plan.skipped.append(_labelled("category", exc))
        category = None
    if category is not None and category.kind != "none":
        _category(ctx, plan, person, category, values)
    if "courses" in values:
        for course in iv.parse_courses(values.get("courses")):
            _course(ctx, plan, person.id or "", course, partial=True)


def category_position(positions: list[str], subjects: list[str] = ()) -> str:
    """The position a category from a list belongs to: the person's first position, passing
    over the director's and deputy's (a category is given for a teaching position); a
    director or deputy who teaches subjects holds it for «учитель»."""
    for position in positions:
        if position not in MANAGEMENT_POSITIONS:
            return position
    if subjects:
        return "учитель"
    return positions[0]


def _category_date(plan: RowPlan, category: iv.CategoryValue, values: dict[str, Any]
                   ) -> iv.SheetDate | None:
    if category.date is not None:
        return category.date
    try:
        return iv.parse_sheet_date(values.get("category_date"))
    except ValueError as exc:
        plan.skipped.append(_labelled("category_date", exc))
        return None


def _same(when: iv.SheetDate, stored: dt.date, precision: str) -> bool:
    """The list's date names the stored one: the same day, or the year of one stored only
    by its year (a list «первая 15.03.2019» after «первая 2019» adds no second decision)."""
    year = when.day.year if when.day else when.year
    return when.same(stored) or (precision == "year" and year == stored.year)


def _category(ctx: _Context, plan: RowPlan, person: Staff, category: iv.CategoryValue,
              values: dict[str, Any]) -> None:
    staff_id = person.id or ""
    position = category_position(person.positions, person.subjects)
    if position not in person.positions:
        plan.notes.append(S.IMP_NOTE_TEACHING_POST.format(
            subjects=", ".join(person.subjects), positions=", ".join(person.positions)))
    when = _category_date(plan, category, values)
    if category.kind == "conformity":
        existing = [c for c in ctx.conformity.get(staff_id, []) if c.result == "соответствует"]
        if any(when is None or (c.date is not None and _same(when, c.date, c.precision))
               for c in existing):
            return
        # No date stated: the result is kept without one («уточнить»), never given a day.
        day = when.first_day() if when else None
        if when is None:
            plan.notes.append(S.IMP_NOTE_CONFORMITY_NO_DATE)
        elif when.year_only:
            plan.notes.append(S.IMP_NOTE_CONFORMITY_YEAR.format(year=when.year))
        precision = "year" if when is not None and when.year_only else "day"
        record, errors = validate(ConformityAttestation, {
            "staff_id": staff_id, "position": position, "date": day, "result": "соответствует",
            "date_precision": precision})
        if errors:
            plan.skipped.append(f"{S.IMP_CONFORMITY}: {'; '.join(errors.values())}")
            return
        plan.records.append(record)  # type: ignore[arg-type]
        plan.changes.append(S.IMP_CHANGE_CONFORMITY.format(
            day=format_end(day, precision) if day else S.IMP_DATE_NOT_STATED))
        return
    existing = [c for c in ctx.categories.get(staff_id, [])
                if c.category == category.category and c.position == position]
    if any(when is None or c.decision_date is None
           or _same(when, c.decision_date, c.decision_precision) for c in existing):
        return
    decided: dt.date | None = None      # not stated: kept without a date, never the list's
    if when is None:
        plan.notes.append(S.IMP_NOTE_CATEGORY_NO_DATE)
    elif when.year_only:        # stored as its year: the rules read the term from it
        decided = when.first_day()
        plan.notes.append(S.IMP_NOTE_CATEGORY_YEAR.format(year=when.year))
    else:
        decided = when.first_day()
    valid_until = None
    try:
        until = iv.parse_sheet_date(values.get("category_until"))
    except ValueError as exc:
        plan.skipped.append(_labelled("category_until", exc))
        until = None
    counted = (add_years(decided, CATEGORY_TERM_YEARS)
               if decided is not None and decided < INDEFINITE_FROM else None)
    if until is not None and until.year_only and counted is not None \
            and counted.year == until.year:
        until = None        # «до 2024» is the term the rules count from the decision
    if until is not None:
        valid_until = until.first_day()
        if until.year_only:             # stored as its year: the rules read it (schema 11)
            plan.notes.append(S.IMP_NOTE_CATEGORY_UNTIL_YEAR.format(year=until.year))
    elif counted is not None and not when.year_only:
        valid_until = add_years(decided, CATEGORY_TERM_YEARS)
        plan.notes.append(S.IMP_NOTE_CATEGORY_TERM.format(day=format_date(valid_until)))
    record, errors = validate(QualificationCategory, {
        "staff_id": staff_id, "position": position, "category": category.category,
        "decision_date": decided, "valid_until": valid_until,
        "decision_precision": "year" if when is not None and when.year_only else "day",
        "until_precision": "year" if until is not None and until.year_only else "day"})
    if errors:
        plan.skipped.append(f"{S.IMP_CATEGORY}: {'; '.join(errors.values())}")
        return
    plan.records.append(record)  # type: ignore[arg-type]
    plan.changes.append((S.IMP_CHANGE_CATEGORY if decided else S.IMP_CHANGE_CATEGORY_UNDATED)
                        .format(category=category.category, position=position,
                                day=format_end(decided, record.decision_precision)))


# --- courses ---------------------------------------------------------------------------


def _training_record(ctx: _Context, staff_id: str, course: iv.CourseText,
                     extra: dict[str, Any]) -> tuple[Training | None, list[str], list[str]]:
    """A Training from a course read from the row; (record, errors, notes)."""
    errors: list[str] = []
    notes: list[str] = []
    if not course.title:
        errors.append(S.IMP_NO_COURSE_TITLE)
    if course.hours is None:
        errors.append(S.IMP_NO_HOURS)
    end = course.end_day
    if end is None:
        errors.append(S.IMP_NO_END)
    elif course.end is None:
        notes.append(S.IMP_NOTE_YEAR_END.format(year=course.year))
    if errors:
        return None, errors, notes
    data = {"staff_id": staff_id, "title": course.title, "provider": course.provider,
            "kind": course.kind, "hours": course.hours, "start_date": course.start,
            "end_date": end, "end_precision": "day" if course.end is not None else "year",
            "topics": course.topics, **extra}
    if data.get("doc_number") and not data.get("doc_kind"):
        data["doc_kind"] = "диплом" if data["kind"] == "профессиональная переподготовка" \
            else "удостоверение"
    record, model_errors = validate(Training, data)
    if model_errors:
        labels = {"hours": S.IMP_FIELD_LABELS["hours"], "end_date": S.IMP_FIELD_LABELS["end_date"],
                  "title": S.IMP_FIELD_LABELS["title"]}
        return None, [with_label(labels.get(k, k), m) for k, m in model_errors.items()], notes
    return record, [], notes  # type: ignore[return-value]


def _course(ctx: _Context, plan: RowPlan, staff_id: str, course: iv.CourseText, *,
            partial: bool, extra: dict[str, Any] | None = None) -> bool:
    """Plan one course for a person; False when it could not be read."""
    record, errors, notes = _training_record(ctx, staff_id, course, extra or {})
    shown = course.source if len(course.source) <= 60 else course.source[:57] + "…"
    if record is None:
        message = f"{S.IMP_COURSE} «{shown}»: {'; '.join(errors)}"
        if partial:
            plan.skipped.append(message)
        else:
            plan.errors.append(message)
        return False
    key = (staff_id, norm(record.title), record.end_date)
    if any(k.title_norm == key[1] and (k.end_date == key[2] or course.end is None
                                       and k.end_date.year == course.year)
           for k in ctx.trainings.get(staff_id, [])):
        plan.notes.append(S.IMP_COURSE_EXISTS.format(title=record.title))
        return True
    first = ctx.planned_trainings.get(key)
    if first is not None:
        plan.notes.append(S.IMP_COURSE_REPEATED.format(title=record.title, row=first))
        return True
    ctx.planned_trainings[key] = plan.number
    plan.records.append(record)
    plan.notes += notes
    plan.changes.append(S.IMP_CHANGE_COURSE.format(
        title=record.title, hours=record.hours,
        day=format_end(record.end_date, record.end_precision)))
    return True


def _period(value: object) -> tuple[dt.date | None, dt.date | None, int | None]:
    """"12.03.2021 – 25.03.2021", "с 12.03 по 25.03.2021", "2021", an Excel date."""
    if iv.is_blank(value):
        return None, None, None
    if not isinstance(value, str):
        found = iv.parse_sheet_date(value)
        if found is None:
            return None, None, None
        return None, found.day, found.year
    course = iv.parse_course(value)
    if course.end is None and course.year is None:
        found = iv.parse_sheet_date(value)
        return None, found.day if found else None, found.year if found else None
    return course.start, course.end, course.year


def _training_row(ctx: _Context, plan: RowPlan, values: dict[str, Any]) -> None:
    name = _name(plan, values, allow_initials=True)
    birth = _birth(plan, values)
    hours = _read(plan, values, "hours", iv.parse_hours)
    start = _read(plan, values, "start_date", iv.parse_sheet_date)
    end = _read(plan, values, "end_date", iv.parse_sheet_date)
    year = _read(plan, values, "year", iv.parse_sheet_date)
    period = _read(plan, values, "period", _period) or (None, None, None)
    extra: dict[str, Any] = {}
    kind = _read(plan, values, "kind", iv.parse_training_kind)
    form = _read(plan, values, "form", iv.parse_training_form)
    if form:
        extra["form"] = form
    doc_date = _read(plan, values, "doc_date", iv.parse_full_date)
    if doc_date:
        extra["doc_date"] = doc_date
    if iv.cell_text(values.get("doc_number")):
        extra["doc_number"] = iv.cell_text(values.get("doc_number"))
    provider = iv.cell_text(values.get("provider"))
    if name is None or plan.status == ERROR:
        plan.status = ERROR
        return
    person = _match(ctx, plan, name, birth)
    if plan.status == ERROR:
        return
    if person is None:
        _fail(plan, S.IMP_PERSON_NOT_FOUND.format(name=name.full))
        return
    plan.name = " ".join(p for p in (person.key.last_name, person.key.first_name,
                                     person.key.middle_name) if p)
    title = iv.cell_text(values.get("title"))
    structured_date = any(x is not None for x in (end, year, period[1], period[2]))
    if title and hours is not None and structured_date:
        courses = [iv.CourseText(source=title, title=title, topics=iv.topics_of(title))]
        low = norm(title)
        if "переподготов" in low:
            courses[0].kind = "профессиональная переподготовка"
        elif "стажиров" in low:
            courses[0].kind = "стажировка"
    elif title:
        courses = [iv.parse_course(title)]
    else:
        courses = iv.parse_courses(values.get("courses"))
    if not courses:
        _fail(plan, S.IMP_NO_COURSE)
        return
    if len(courses) == 1:
        course = courses[0]
        if hours is not None:
            course.hours = hours
        if provider:
            course.provider = provider
        if kind:
            course.kind = kind
        p_start, p_end, p_year = period
        start_day = (start.first_day() if start and not start.year_only else None) or p_start
        if start_day:
            course.start = start_day
        if end is not None:
            course.end, course.year = end.day, end.year
        elif p_end is not None or p_year is not None:
            course.end, course.year = p_end, p_year
        elif year is not None:
            course.end, course.year = year.day, year.year
        if course.end is not None and course.start is not None and course.start > course.end:
            course.start = None
    loaded = [_course(ctx, plan, person.key.id, c, partial=len(courses) > 1, extra=extra)
              for c in courses]
    if not any(loaded):
        plan.status = ERROR
        if not plan.errors:
            plan.errors = list(plan.skipped)
            plan.skipped = []
        return
    plan.status = ADD if plan.records else SAME


# --- applying ---------------------------------------------------------------------------


def apply_plan(store: Store, plan: Plan, *, source: str = "") -> ImportResult:
    """Write the good rows in one transaction: all of them or, on any failure, none."""
    note = S.IMP_AUDIT_NOTE.format(file=source or plan.sheet.path.name)
    new_staff = [r.staff_new for r in plan.good_rows if r.staff_new is not None]
    updates = [r.staff_update for r in plan.good_rows if r.staff_update is not None]
    records = [rec for r in plan.good_rows for rec in r.records]
    with store.atomic():
        repo.insert_many(store, new_staff, audit_note=note, history=True)
        for record in updates:
            repo.update(store, record, note=note)
        repo.insert_many(store, records, audit_note=note, history=True)
    return ImportResult(
        added=len(new_staff), updated=len(updates),
        trainings=sum(isinstance(r, Training) for r in records),
        categories=sum(isinstance(r, QualificationCategory) for r in records),
        conformity=sum(isinstance(r, ConformityAttestation) for r in records),
        not_imported=plan.count(ERROR))
