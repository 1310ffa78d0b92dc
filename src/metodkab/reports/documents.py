"""The documents to print and sign, built as python-docx Documents from small dataclasses:

- the development programme (``programme_docx``: goal, tasks, the plan of activities,
  the target indicators with baseline, yearly targets and actual values, progress);
- a person's individual route, ИОМ (``route_docx``);
- the order assigning mentors, «Приказ о закреплении наставников» (``order_docx``);
- the staff development report (``staff_report_docx``: indicators with figures and the
  short lists that need attention).

Pure: storage/documents.py fetches the data, reports/docx.py holds the layout helpers
and writes the file. No SQL, no textual.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docx.document import Document
from docx.shared import Cm, Pt

from metodkab import strings as S
from metodkab.domain.parse import format_date, short_name
from metodkab.reports import docx as W
from metodkab.reports import indicators as ri
from metodkab.reports import programme as rp
from metodkab.reports import rules
from metodkab.reports.indicator_sheet import target_text
from metodkab.reports.names import (ACCUSATIVE, GENITIVE, Person, decline, declined,
                                    sex_of)


@dataclass(frozen=True)
class Signers:
    """The school as its documents name it, and who signs them."""

    school: str                 # full name
    short_name: str = ""
    director: str = ""          # ФИО as typed in the school's details
    deputy: str = ""
    place: str = ""             # where documents are issued («с. Берёзовка», Настройки)


def initials_first(name: str) -> str:
    """«Петрова Мария Ивановна» → «М. И. Петрова», as under a signature; a name typed
    with initials already, or a single word, is kept."""
    parts = name.split()
    if len(parts) < 2 or any("." in p for p in parts):
        return name.strip()
    initials = " ".join(f"{p[0]}." for p in parts[1:3])
    return f"{initials} {parts[0]}"


def surname_first(name: str) -> str:
    """«Петрова Мария Ивановна» → «Петрова М. И.»; a name with initials already is kept."""
    parts = name.split()
    if len(parts) < 2 or any("." in p for p in parts):
        return name.strip()
    return short_name(*(parts + [""])[:3])


def _date(day: dt.date | None) -> str:
    return format_date(day) if day else ""


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    if start and end and start != end:
        return S.DOC_PERIOD.format(start=format_date(start), end=format_date(end))
    return _date(end or start)


def _school_header(doc: Document, signers: Signers) -> None:
    if signers.school:
        W.paragraph(doc, signers.school, bold=True, align="center", space_after=12)


def _approve(doc: Document, signers: Signers, *, approved: dt.date | None = None) -> None:
    """УТВЕРЖДАЮ, директор, a line to sign and the date (the approval date when known)."""
    W.approval_block(doc, [
        S.DOC_APPROVE,
        S.DOC_ROLE_DIRECTOR + (f" {signers.short_name}" if signers.short_name else ""),
        f"{W.SHORT_BLANK} / {initials_first(signers.director) or W.SHORT_BLANK} /",
        format_date(approved) if approved else S.DOC_DATE_BLANK,
    ])


# --- the development programme ----------------------------------------------------------------


def _activity_cells(number: str, a: rp.PrintActivity) -> list[str]:
    how = "\n".join(x for x in (a.direction, a.form) if x)
    dates = period_text(a.start_date, a.deadline)
    if a.postponed_from:
        dates += "\n" + S.DOC_PROG_WAS.format(
            dates=", ".join(format_date(d) for d in a.postponed_from))
    status = a.status
    if a.done_date:
        status = S.DOC_DONE_ON.format(status=a.status, date=format_date(a.done_date))
    return [number, a.title, how, dates, a.responsible, a.expected_result, status, a.note]


def _passport(out: Document, doc: rp.ProgrammeDocument, signers: Signers) -> None:
    """The паспорт программы: what it is, whose, approved by what, for which years, its
    goal, tasks, target indicators, the size of the plan and who is responsible."""
    rows = S.DOC_PROG_PASSPORT_ROWS
    activities = sum(len(t.activities) for t in doc.tasks)
    items = [(rows["title"], doc.title), (rows["school"], doc.school or signers.school),
             (rows["basis"], doc.order or S.DOC_PROG_ORDER_BLANK),
             (rows["years"], S.DOC_PROG_YEARS_PLAIN.format(start=doc.year_from,
                                                           end=doc.year_to))]
    if doc.goal:
        items.append((rows["goal"], doc.goal))
    if doc.tasks:
        items.append((rows["tasks"], "\n".join(f"{t.number}. {t.title}" for t in doc.tasks)))
    if doc.indicators:
        items.append((rows["indicators"], "\n".join(
            f"{i.number}. {i.name}" + (f", {i.unit}" if i.unit else "")
            for i in doc.indicators)))
    items.append((rows["plan"], S.DOC_PROG_PLAN_SIZE.format(count=activities,
                                                            tasks=len(doc.tasks))))
    if signers.deputy:
        items.append((rows["responsible"], f"{S.DOC_ROLE_DEPUTY.lower()} {signers.deputy}"))
    W.heading(out, S.DOC_PROG_PASSPORT, 2)
    W.form_table(out, items)


def programme_docx(doc: rp.ProgrammeDocument, signers: Signers) -> Document:
    """The programme: «ПРИНЯТА педагогическим советом» beside «УТВЕРЖДЕНА», the title and
    years, the паспорт программы, place and year on the first page; the plan (notes in
    their own column), the target indicators (the values the Программа развития screen
    shows, computed ones included) and the progress — counting the same activities as the
    plan, the cancelled ones as cancelled — on landscape pages."""
    out = W.new_document(title=doc.title, day=doc.day)
    _school_header(out, signers if signers.school else Signers(doc.school))
    W.approval_pair(out, [S.DOC_PROG_ACCEPTED, S.DOC_PROG_COUNCIL, S.DOC_PROG_PROTOCOL],
                    [S.DOC_PROG_APPROVED, doc.order or S.DOC_PROG_ORDER_BLANK])
    W.title(out, doc.title)
    if not (str(doc.year_from) in doc.title and str(doc.year_to) in doc.title):
        W.paragraph(out, S.DOC_PROG_YEARS.format(start=doc.year_from, end=doc.year_to),
                    align="center", space_after=12)
    _passport(out, doc, signers)
    place = W.paragraph(out, S.DOC_PROG_PLACE_YEAR.format(place=signers.place,
                                                          year=doc.year_from)
                        if signers.place else str(doc.year_from), align="center")
    place.paragraph_format.space_before = Pt(18)

    W.new_section(out, landscape=True)
    W.heading(out, S.DOC_PROG_PLAN)
    plan = W.table(out, S.DOC_PROG_PLAN_COLUMNS, widths=(1.1, 4.6, 2.8, 2.6, 3, 4, 2.4, 3),
                   align=("center", None, None, "center", None, None, None, None))
    for task in doc.tasks:
        W.add_group_row(plan, S.DOC_PROG_TASK.format(number=task.number, title=task.title))
        if not task.activities:
            W.add_row(plan, ["", S.DOC_PROG_NO_ACTIVITIES, "", "", "", "", "", ""])
        for index, activity in enumerate(task.activities, start=1):
            W.add_row(plan, _activity_cells(f"{task.number}.{index}", activity))

    years = list(range(doc.year_from, doc.year_to + 1))
    if doc.indicators:
        W.heading(out, S.DOC_PROG_INDICATORS)
        head = list(S.DOC_PROG_IND_COLUMNS)
        first = head + [x for y in years for x in (str(y), None)]
        second = [W.UP] * len(head) + [x for _ in years
                                       for x in (S.DOC_PROG_TARGET, S.DOC_PROG_ACTUAL)]
        table = W.table(out, [first, second], widths=[1, 7, 1.8, 2.2] + [1.4] * 2 * len(years),
                        align=["center", None, "center", "center"] + ["center"] * 2 * len(years))
        for ind in doc.indicators:
            name = ind.name + (f"\n({S.DOC_PROG_COMPUTED})" if ind.computed else "")
            cells = [str(ind.number), name, ind.unit, rp.format_number(ind.baseline) or S.DOC_DASH]
            for y in years:
                cells += [rp.format_number(ind.targets.get(y)) or S.DOC_DASH,
                          rp.format_number(ind.actuals.get(y)) or S.DOC_DASH]
            W.add_row(table, cells)
        if any(i.computed for i in doc.indicators):
            W.paragraph(out, S.DOC_PROG_IND_NOTE.format(year=doc.day.year,
                                                        date=format_date(doc.day)),
                        italic=True, size=10)

    if doc.progress:
        W.heading(out, S.DOC_PROG_PROGRESS.format(date=format_date(doc.day)))
        table = W.table(out, S.DOC_PROG_PROGRESS_COLUMNS, widths=(8, 2, 2, 2, 2, 2, 2),
                        align=(None, "center", "center", "center", "center", "center",
                               "center"))
        for index, p in enumerate(doc.progress):
            percent = S.DOC_DASH if p.percent is None else f"{p.percent} %"
            W.add_row(table, [p.label, p.total + p.cancelled, p.cancelled, p.due, p.done,
                              p.overdue, percent], bold=index == len(doc.progress) - 1)
    W.signature_line(out, S.DOC_ROLE_DEPUTY, initials_first(signers.deputy))
    return out


# --- a person's individual route (ИОМ) ----------------------------------------------------------


@dataclass(frozen=True)
class RouteLine:
    number: int
    deficit: str                  # the deficit's heading (text, area, its source); '' none
    goal: str
    action: str
    form: str
    deadline: dt.date | None
    expected_product: str
    done_date: dt.date | None
    evidence: str
    overdue: bool = False         # past its deadline, not done (reports.training rule)


@dataclass(frozen=True)
class RouteDocument:
    signers: Signers
    person: Person
    position: str
    period_start: dt.date
    period_end: dt.date
    developed_by: str
    approved_date: dt.date | None
    status: str
    steps: tuple[RouteLine, ...]
    day: dt.date                                   # the report date the ИОМ is printed on
    profile: tuple[tuple[str, str], ...] = ()      # the personal block: label, value
    agreed_role: str = ""                          # «Наставник» or «Тьютор (куратор …)»
    agreed_name: str = ""


def route_groups(steps: tuple[RouteLine, ...]) -> list[tuple[str, list[RouteLine]]]:
    """The steps under their deficits, in the order the deficits first appear; the steps
    without one last."""
    groups: dict[str, list[RouteLine]] = {}
    for step in steps:
        groups.setdefault(step.deficit, []).append(step)
    return sorted(groups.items(), key=lambda item: item[0] == "")


def route_docx(doc: RouteDocument) -> Document:
    """The ИОМ on a landscape document: «СОГЛАСОВАНО» (the mentor or the tutor) and
    «УТВЕРЖДАЮ» (the director), the title with the person's name, the personal block,
    the steps grouped under the deficit each answers (with the diagnostic that found it),
    overdue steps marked, and the signatures of the person and the deputy director."""
    out = W.new_document(title=S.DOC_ROUTE_TITLE, day=doc.day, landscape=True)
    _school_header(out, doc.signers)
    agreed = [S.DOC_AGREED, doc.agreed_role or S.DOC_ROUTE_AGREED_TUTOR,
              f"{W.SHORT_BLANK} / {doc.agreed_name or W.SHORT_BLANK} /", S.DOC_DATE_BLANK]
    approve = [S.DOC_APPROVE,
               S.DOC_ROLE_DIRECTOR + (f" {doc.signers.short_name}" if doc.signers.short_name
                                      else ""),
               f"{W.SHORT_BLANK} / {initials_first(doc.signers.director) or W.SHORT_BLANK} /",
               format_date(doc.approved_date) if doc.approved_date else S.DOC_DATE_BLANK]
    W.approval_pair(out, agreed, approve)
    W.title(out, S.DOC_ROUTE_TITLE)
    W.paragraph(out, S.DOC_ROUTE_OF.format(name=decline(doc.person, GENITIVE).full),
                align="center", bold=True)
    W.paragraph(out, S.DOC_ROUTE_SUBTITLE.format(start=format_date(doc.period_start),
                                                 end=format_date(doc.period_end)),
                align="center", space_after=10)
    W.heading(out, S.DOC_ROUTE_ABOUT, 2)
    W.labelled(out, S.DOC_ROUTE_PERSON, doc.person.full)
    W.labelled(out, S.DOC_ROUTE_POSITION, doc.position or S.DOC_DASH)
    for label, value in doc.profile:
        W.labelled(out, label, value)
    W.labelled(out, S.DOC_ROUTE_DEVELOPED, doc.developed_by)
    W.labelled(out, S.DOC_ROUTE_STATUS, doc.status)
    W.heading(out, S.DOC_ROUTE_STEPS)
    table = W.table(out, S.DOC_ROUTE_COLUMNS, widths=(0.8, 3.6, 4.4, 2.6, 2.0, 3.6, 2.2, 3.4),
                    align=("center", None, None, None, "center", None, "center", None))
    if not doc.steps:
        W.add_group_row(table, S.DOC_ROUTE_NO_STEPS)
    for deficit, steps in route_groups(doc.steps):
        W.add_group_row(table, deficit or S.DOC_ROUTE_NO_DEFICIT)
        for s in steps:
            done = _date(s.done_date) or (S.DOC_ROUTE_OVERDUE if s.overdue else "")
            row = W.add_row(table, [s.number, s.goal, s.action, s.form, _date(s.deadline),
                                    s.expected_product, done, s.evidence])
            if s.overdue:
                for run in row.cells[6].paragraphs[0].runs:
                    run.bold = True
    acquainted = S.DOC_ROUTE_SIGN_PERSON_SEX.get(sex_of(doc.person) or "",
                                                 S.DOC_ROUTE_SIGN_PERSON)
    W.signature_line(out, acquainted, doc.person.signature, date_line=True)
    W.signature_line(out, S.DOC_ROUTE_SIGN_DEPUTY, initials_first(doc.signers.deputy),
                     date_line=True)
    return out


# --- the mentorship order -----------------------------------------------------------------------


@dataclass(frozen=True)
class OrderPerson:
    name: Person
    position: str = ""
    subjects: str = ""

    @property
    def cell(self) -> str:
        """«Сидоров Олег Игоревич, учитель; математика, физика» — a cell of the table (the
        subjects after a semicolon: «иностранный язык (английский)» has brackets of its
        own, and brackets inside brackets do not belong in an order)."""
        text = ", ".join(x for x in (self.name.full, self.position) if x)
        return f"{text}; {self.subjects}" if self.subjects else text


@dataclass(frozen=True)
class OrderPair:
    mentor: OrderPerson
    mentees: tuple[OrderPerson, ...]
    form: str
    start: dt.date
    planned_end: dt.date
    reason: str = ""
    curator: OrderPerson | None = None


@dataclass(frozen=True)
class OrderDocument:
    signers: Signers
    day: dt.date
    pairs: tuple[OrderPair, ...]
    place: str = ""                             # «с. Берёзовка» (Настройки)
    rule_number: str = ""                       # the order approving the school's
    rule_date: dt.date | None = None            # Положение о наставничестве (Настройки)

    @property
    def people(self) -> tuple[Person, ...]:
        """Everybody the order names (mentors, mentees, curators), by name: they sign
        the acquaintance."""
        found: dict[str, Person] = {}
        for pair in self.pairs:
            for who in (pair.mentor, *pair.mentees, pair.curator):
                if who is not None:
                    found.setdefault(who.name.full, who.name)
        return tuple(found[k] for k in sorted(found, key=lambda n: n.lower().replace("ё", "е")))


def _one_stop(sentence: str) -> str:
    """«… Морозова Е. Н..» → «… Морозова Е. Н.»"""
    return sentence[:-1] if sentence.endswith("..") else sentence


def _rule(doc: OrderDocument) -> str:
    """The school's Положение о наставничестве with the order that approved it (blanks
    for what Настройки does not hold)."""
    return S.DOC_ORDER_RULE.format(
        school=doc.signers.short_name or doc.signers.school or S.DOC_ORDER_RULE_SCHOOL,
        date=format_date(doc.rule_date) if doc.rule_date else S.DOC_DATE_BLANK,
        number=doc.rule_number or S.DOC_NUMBER_SHORT_BLANK)


def _curator_item(doc: OrderDocument) -> str:
    """«Назначить Морозову Е. Н. куратором …» — one curator; several: each with the pairs
    they follow; none recorded: a blank to fill in by hand."""
    curators: dict[str, tuple[OrderPerson, list[int]]] = {}
    for number, pair in enumerate(doc.pairs, start=1):
        if pair.curator is not None:
            curators.setdefault(pair.curator.name.full, (pair.curator, []))[1].append(number)
    if not curators:
        return S.DOC_ORDER_ITEM_CURATOR.format(name=S.DOC_ORDER_CURATOR_BLANK)
    if len(curators) == 1:
        [(curator, _)] = curators.values()
        return S.DOC_ORDER_ITEM_CURATOR.format(name=decline(curator.name, ACCUSATIVE).short)
    return S.DOC_ORDER_ITEM_CURATORS.format(names="; ".join(
        S.DOC_ORDER_CURATOR_PAIRS.format(name=decline(c.name, ACCUSATIVE).short,
                                         pairs=", ".join(map(str, numbers)))
        for c, numbers in curators.values()))


def order_docx(doc: OrderDocument) -> Document:
    """«Приказ о закреплении наставников»: the school, blanks for the date and number, the
    place, the preamble naming the school's Положение о наставничестве, the items (the
    pairs as a table with each pair's reason and the mentees' subjects, the curators, the
    programmes, control — names declined), the director's signature and the lines of
    acquaintance of everybody named."""
    out = W.new_document(title=S.DOC_ORDER_TITLE, day=doc.day)
    _school_header(out, doc.signers)
    W.paragraph(out, S.DOC_ORDER_WORD, bold=True, align="center", size=14, space_after=10)
    W.two_sides(out, S.DOC_DATE_BLANK, S.DOC_NUMBER_BLANK)
    if doc.place:
        W.paragraph(out, doc.place, align="center", space_after=10)
    W.paragraph(out, S.DOC_ORDER_TITLE, bold=True, align="center", space_after=10)
    preamble = W.paragraph(out, S.DOC_ORDER_PREAMBLE.format(rule=_rule(doc)), align="justify")
    preamble.paragraph_format.first_line_indent = Cm(1.25)
    W.paragraph(out, S.DOC_ORDER_COMMAND, bold=True)
    W.numbered(out, [S.DOC_ORDER_ITEM_PAIRS])
    table = W.table(out, S.DOC_ORDER_COLUMNS, widths=(0.7, 3.8, 4.2, 2.6, 3.2, 2.4),
                    align=("center", None, None, None, None, "center"))
    if not doc.pairs:
        W.add_group_row(table, S.DOC_ORDER_NO_PAIRS)
    for number, pair in enumerate(doc.pairs, start=1):
        W.add_row(table, [number, pair.mentor.cell, "\n".join(m.cell for m in pair.mentees),
                          pair.reason, pair.form, period_text(pair.start, pair.planned_end)])
    deputy = doc.signers.deputy
    control = (S.DOC_ORDER_ITEM_CONTROL.format(name=declined(deputy, ACCUSATIVE, form="short"))
               if deputy else S.DOC_ORDER_ITEM_CONTROL_SELF)
    items = W.numbered(out, [_one_stop(_curator_item(doc)), S.DOC_ORDER_ITEM_PROGRAMMES,
                             S.DOC_ORDER_ITEM_REPORT, _one_stop(control)], start=2)
    items[0].paragraph_format.space_before = Pt(6)
    W.signature_line(out, S.DOC_ROLE_DIRECTOR, initials_first(doc.signers.director))
    if doc.people:
        W.paragraph(out, "", space_after=6)
        W.paragraph(out, S.DOC_ORDER_ACQUAINTED, bold=True)
        for person in doc.people:
            W.acquaint_line(out, person.signature)
    return out


# --- the staff development report ---------------------------------------------------------------


@dataclass(frozen=True)
class ReportList:
    title: str
    items: tuple[str, ...]
    total: int                 # items may be cut to a limit; total is how many there are
    note: str = ""             # why the list and the table's figure differ, when they do


@dataclass(frozen=True)
class ReportDocument:
    signers: Signers
    day: dt.date
    period_start: dt.date
    period_end: dt.date
    results: tuple[ri.Result, ...]
    lists: tuple[ReportList, ...]


# The items of Приказ Минобрнауки № 1324 (показатели деятельности ОО) the «self» figures are.
CLAUSES_1324 = {"edu_higher": "1.19", "edu_higher_ped": "1.20", "edu_spo": "1.21",
                "edu_spo_ped": "1.22", "cat_any": "1.23", "cat_highest": "1.23.1",
                "cat_first": "1.23.2", "exp_under_5": "1.24.1", "exp_over_30": "1.24.2",
                "age_under_30": "1.25", "age_55_plus": "1.26", "trained_5y": "1.27",
                "trained_fgos": "1.28"}


def _number(value: float) -> str:
    return (f"{value:.1f}" if not float(value).is_integer() else str(int(value))).replace(".", ",")


def value_text(result: ri.Result) -> str:
    """27,5 % for a share, 4 for a count, 1,5 for a ratio; a dash when nothing to measure."""
    value = result.value
    if value is None:
        return S.DOC_DASH
    if result.kind == ri.COUNT:
        return str(int(value))
    if result.kind == ri.RATIO:
        return _number(value)
    return f"{_number(value)} %"


def count_text(result: ri.Result) -> str:
    if result.kind == ri.COUNT:
        return str(result.count)
    return f"{result.count} / {result.base}"


plural = rules.plural          # 1 год, 3 года, 11 лет (the one helper, in reports/rules.py)


def people_text(result: ri.Result) -> str:
    """«24 человека / 92,3 %» — a 1324 figure as the form states it."""
    return S.DOC_REPORT_PEOPLE_SHARE.format(count=result.count,
                                            people=plural(result.count, S.DOC_PEOPLE_FORMS),
                                            percent=value_text(result))


def measurable(result: ri.Result) -> bool:
    """A figure with something to measure: a count, or a share or ratio with a base."""
    return result.kind == ri.COUNT or result.base > 0


def programme_part(result: ri.Result) -> tuple[str, str] | None:
    """(part, label without the «задача: » prefix) of a programme breakdown row."""
    for part in S.DOC_REPORT_PROGRAMME_PARTS:
        if result.key.startswith(f"programme_{part}_"):
            return part, result.name.split(": ", 1)[-1]
    return None


@dataclass(frozen=True)
class ReportPeriod:
    label: str
    start: dt.date
    end: dt.date            # the figures are taken on this day (the report date at most)


def report_periods(day: dt.date, months: int = 12,
                   rolling: tuple[dt.date, dt.date] | None = None) -> list[ReportPeriod]:
    """The periods a staff report can cover on ``day``: the rolling months of Настройки
    (the Показатели screen's), this and last calendar year, this and last school year
    (1 September – 31 August); a period still running ends on ``day``."""
    def made(label: str, start: dt.date, end: dt.date, **kw) -> ReportPeriod:
        end = min(end, day)
        return ReportPeriod(label.format(start=format_date(start), end=format_date(end), **kw),
                            start, end)

    rolling = rolling or ri.default_period(day, months)
    months_text = f"{months} {plural(months, S.IND_MONTH_FORMS)}"        # «12 месяцев»
    school = day.year if day.month >= 9 else day.year - 1
    return [
        made(S.DOC_REPORT_PERIOD_ROLLING, *rolling, months=months_text),
        made(S.DOC_REPORT_PERIOD_YEAR, dt.date(day.year, 1, 1), dt.date(day.year, 12, 31),
             year=day.year),
        made(S.DOC_REPORT_PERIOD_YEAR, dt.date(day.year - 1, 1, 1),
             dt.date(day.year - 1, 12, 31), year=day.year - 1),
        made(S.DOC_REPORT_PERIOD_SCHOOL_YEAR, dt.date(school, 9, 1), dt.date(school + 1, 8, 31),
             first=school, second=str(school + 1)[-2:]),
        made(S.DOC_REPORT_PERIOD_SCHOOL_YEAR, dt.date(school - 1, 9, 1),
             dt.date(school, 8, 31), first=school - 1, second=str(school)[-2:]),
    ]


def staff_report_docx(doc: ReportDocument) -> Document:
    """The indicators grouped as on the Показатели screen (value, count over base, target,
    status) with the staff figures of Приказ № 1324 as their own numbered block
    (1.18–1.28, «N человек / N %»), figures with nothing to measure named once instead
    of «— 0 / 0» rows, and the lists of people and steps that need attention, each saying
    why it differs from the table where it does."""
    out = W.new_document(title=S.DOC_REPORT_TITLE, day=doc.day)
    _school_header(out, doc.signers)
    W.title(out, S.DOC_REPORT_TITLE)
    W.paragraph(out, S.DOC_REPORT_SUBTITLE.format(
        date=format_date(doc.day), start=format_date(doc.period_start),
        end=format_date(doc.period_end)), align="center", space_after=10)
    staff = [r for r in doc.results if r.key in CLAUSES_1324]
    others = [r for r in doc.results if r.key not in CLAUSES_1324]
    unmeasured = [r.name.split(": ", 1)[-1] for r in others if not measurable(r)]
    W.heading(out, S.DOC_REPORT_INDICATORS)
    table = W.table(out, S.DOC_REPORT_COLUMNS, widths=(8, 2.2, 2.4, 2, 2.6),
                    align=(None, "center", "center", "center", "center"))
    group = None
    for result in others:
        if not measurable(result):
            continue
        part = programme_part(result)
        heading = S.DOC_REPORT_PROGRAMME_PARTS[part[0]] if part else \
            S.IND_GROUPS.get(result.group, result.group)
        if heading != group:
            group = heading
            W.add_group_row(table, heading)
        W.add_row(table, [part[1] if part else result.name, value_text(result),
                          count_text(result), target_text(result), result.status])
    W.paragraph(out, S.DOC_REPORT_NOTE, italic=True, size=10)
    if unmeasured:
        W.paragraph(out, S.DOC_REPORT_NO_BASE.format(names="; ".join(unmeasured)),
                    italic=True, size=10)
    if staff:
        W.heading(out, S.DOC_REPORT_1324)
        block = W.table(out, S.DOC_REPORT_1324_COLUMNS, widths=(1.4, 9, 3.2),
                        align=("center", None, "center"))
        W.add_row(block, ["1.18", S.DOC_REPORT_1324_TOTAL,
                          S.DOC_REPORT_PEOPLE.format(
                              count=staff[0].base,
                              people=plural(staff[0].base, S.DOC_PEOPLE_FORMS))])
        for result in staff:
            W.add_row(block, [CLAUSES_1324[result.key], result.name, people_text(result)])
    if doc.lists:
        W.heading(out, S.DOC_REPORT_LISTS)
        for item in doc.lists:
            W.heading(out, S.DOC_REPORT_LIST_TITLE.format(title=item.title, count=item.total), 2)
            if item.note:
                W.paragraph(out, item.note, italic=True, size=10)
            if not item.items:
                W.paragraph(out, S.DOC_NOTHING)
                continue
            W.numbered(out, list(item.items))
            if item.total > len(item.items):
                W.paragraph(out, S.DOC_MORE.format(count=item.total - len(item.items)),
                            indent_cm=1.0)
    W.signature_line(out, S.DOC_ROLE_DEPUTY, initials_first(doc.signers.deputy),
                     date_line=True)
    return out
