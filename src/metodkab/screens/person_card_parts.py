"""What the person card shows: its data read in one worker call, the «Основное» summary
and the status lines as text, and the tables of its tabs."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable, Static

from metodkab import strings as S
from metodkab.domain.models import Staff
from metodkab.domain.parse import format_date, format_end
from metodkab.reports import attestation as rules_a
from metodkab.reports import rules as common
from metodkab.screens.person_card_status import attestation_text
from metodkab.storage import achievements as store_g
from metodkab.storage import attestation as store_a
from metodkab.storage import development as store_d
from metodkab.storage import repo
from metodkab.storage import mentorship as store_m
from metodkab.storage import training as store_t
from metodkab.storage.associations import association_choices
from metodkab.storage.achievements import PersonGrowth
from metodkab.storage.attestation import PersonAttestation
from metodkab.storage.development import PersonDevelopment
from metodkab.storage.mentorship import MentorshipRow
from metodkab.storage.settings import report_date
from metodkab.storage.training import PersonTrainings
from metodkab.widgets.table import column_widths, fit_text, set_columns
from metodkab.widgets.text import plain_row

COURSE_FIXED = {"end": 10, "hours": 4, "kind": 3, "marks": 3}
COURSE_SHARES = {"title": 0.7, "provider": 0.3}
CAT_FIXED = {"decision": 10, "category": 9, "until": 10}
CAT_SHARES = {"position": 0.45, "order": 0.55}
CAT_TITLES = {"decision": S.ATT_COL_DECISION, "position": S.ATT_COL_POSITION,
              "category": S.ATT_COL_CATEGORY, "until": S.ATT_COL_UNTIL,
              "order": S.ATT_COL_ORDER}
CONF_FIXED = {"date": 10}
CONF_SHARES = {"position": 0.3, "result": 0.45, "order": 0.25}
CONF_TITLES = {"date": S.ATT_COL_DATE, "position": S.ATT_COL_POSITION,
               "result": S.ATT_COL_RESULT, "order": S.ATT_COL_ORDER}
DIAG_FIXED = {"date": 10}
DIAG_SHARES = {"kind": 0.4, "operator": 0.25, "result": 0.35}
DIAG_TITLES = {"date": S.DEV_COL_DATE, "kind": S.DEV_COL_KIND, "operator": S.DEV_COL_OPERATOR,
               "result": S.DEV_COL_RESULT}
DEF_FIXED = {"status": 9, "steps": 5}
DEF_SHARES = {"area": 0.25, "description": 0.75}
DEF_TITLES = {"area": S.DEV_COL_AREA, "description": S.DEV_COL_DEFICIT,
              "status": S.DEV_COL_STATUS, "steps": S.DEV_COL_STEPS}
ROUTE_FIXED = {"period": 23, "status": 11, "steps": 9, "late": 6}
ROUTE_SHARES = {"developed": 1.0}
ROUTE_TITLES = {"period": S.DEV_COL_PERIOD, "developed": S.DEV_COL_DEVELOPED,
                "status": S.DEV_COL_STATUS, "steps": S.DEV_COL_STEPS_DONE,
                "late": S.DEV_COL_LATE}
DEFICIT_STYLE = {"выявлен": "bold", "в работе": "yellow", "устранён": "green"}
SHORT_CATEGORY = S.STAFF_CATEGORY_SHORT
COURSE_TITLES = {"end": S.TR_COL_END, "title": S.TR_COL_TITLE, "provider": S.TR_COL_PROVIDER,
                 "hours": S.TR_COL_HOURS, "kind": S.TR_COL_KIND, "marks": S.TR_COL_MARKS}


@dataclass
class CardData:
    staff: Staff
    day: dt.date
    associations: list[str]
    courses: PersonTrainings
    attestation: PersonAttestation
    development: PersonDevelopment
    mentorships: list[MentorshipRow] = dataclasses.field(default_factory=list)
    growth: PersonGrowth | None = None          # achievements and short learning


def load_card(store, staff_id: str) -> CardData:
    day = report_date(store)
    staff = repo.get(store, Staff, staff_id)
    names = dict(association_choices(store))
    return CardData(
        staff=staff, day=day,
        associations=[names[a] for a in staff.association_ids if a in names],
        courses=store_t.person_trainings(store, staff_id, day),
        attestation=store_a.person_attestation(store, staff_id, day),
        development=store_d.person_development(store, staff_id, day),
        mentorships=store_m.list_mentorships(
            store, store_m.MentorshipQuery(person_id=staff_id, limit=20), day),
        growth=store_g.person_growth(store, staff_id, day),
    )


def _years(n: int) -> str:
    """«1 год», «3 года», «7 лет»."""
    if n % 10 == 1 and n % 100 != 11:
        word = S.DEV_YEAR_1
    elif n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        word = S.DEV_YEAR_2
    else:
        word = S.DEV_YEAR_5
    return f"{n} {word}"


def is_dismissed(staff: Staff, day: dt.date) -> bool:
    """Dismissed on the report date: no courses or attestation are due from them any more."""
    from metodkab.reports.rules import employed_on

    return not employed_on(None, staff.dismissal_date, day)   # the dismissal day still works


def dismissed_mark(staff: Staff) -> str:
    return {"м": S.DEV_DISMISSED_MARK, "ж": S.DEV_DISMISSED_MARK_F}.get(
        staff.sex or "", S.DEV_DISMISSED_MARK_ANY)


def courses_status(courses: PersonTrainings, day: dt.date, *, employed: bool = True) -> Text:
    """«последние курсы 12.05.2025 · часов за 3 года 72, за 5 лет 144» with the overdue state
    (not for a person no longer employed: nothing is due from them)."""
    text = Text()
    if courses.last_end is None:
        text.append(S.DEV_COURSES_NEVER, style="bold red" if employed else "")
    else:
        text.append(S.DEV_COURSES_LAST.format(date=format_end(courses.last_end,
                                                              courses.last_precision)))
        if not employed:
            pass
        elif courses.clarify:         # overdue only if the course ended early in its year
            text.append(" · ")
            text.append(S.DEV_COURSES_CLARIFY.format(date=format_date(
                common.training_cutoff(day, courses.period_years))), style="bold yellow")
        elif courses.overdue:
            text.append(" · ")
            text.append(S.DEV_COURSES_OVERDUE.format(date=format_date(courses.overdue_from)),
                        style="bold red")
        elif courses.overdue_from is not None:
            text.append(" · ")
            last_day = courses.overdue_from - dt.timedelta(days=1)
            text.append(S.DEV_COURSES_DUE.format(date=format_date(last_day)), style="green")
    return text


def hours_text(courses: PersonTrainings) -> str:
    return S.DEV_COURSES_HOURS.format(h3=courses.hours_3, h5=courses.hours_5)


def main_text(data: CardData) -> Text:
    """The «Основное» tab: who the person is, on the report date."""
    p, day = data.staff, data.day
    text = Text()

    def line(label: str, value: str | Text, style: str = "") -> None:
        text.append(f"{label}: ", style="dim")
        text.append(value if isinstance(value, Text) else Text(value, style=style))
        text.append("\n")

    line(S.F_POSITIONS, ", ".join(p.positions))
    if p.subjects:
        line(S.F_SUBJECTS, ", ".join(p.subjects))
    work = [p.employment]
    if p.hire_date:
        work.append(S.DEV_HIRED.format(date=format_date(p.hire_date)))
    if p.dismissal_date:
        work.append(S.DEV_DISMISSED.format(date=format_date(p.dismissal_date)))
    line(S.F_EMPLOYMENT, " · ".join(work), "bold red" if p.dismissal_date else "")
    experience = common.experience_years(p.ped_start_date, day)
    if experience is not None:
        line(S.DEV_PED_EXPERIENCE, S.DEV_SINCE.format(
            years=_years(experience), date=format_date(p.ped_start_date)))
    age = common.age_on(p.birth_date, day)
    if age is not None:
        line(S.F_BIRTH_DATE, f"{format_date(p.birth_date)} ({_years(age)})")
    if p.education_level:
        education = p.education_level + (S.DEV_PEDAGOGICAL if p.education_pedagogical else "")
        line(S.F_EDUCATION, education)
    if data.associations:
        line(S.F_ASSOCIATIONS, ", ".join(data.associations))
    if p.management_team:
        line(S.F_MANAGEMENT, S.YES.lower())
    employed = not is_dismissed(p, day)
    for index, part in enumerate(attestation_text(data.attestation, day,
                                                  employed=employed).split("\n")):
        if part.plain:
            text.append(f"{S.ATT_CARD_LINE}: " if index == 0 else "  ", style="dim")
            text.append(part)
            text.append("\n")
    line(S.DEV_TAB_COURSES, courses_status(data.courses, day, employed=employed))
    line(S.DEV_HOURS, hours_text(data.courses))
    development = data.development
    open_deficits = [d for d in development.deficits if d.status != "устранён"]
    if development.deficits:
        line(S.DEV_DEFICITS_LINE, S.DEV_DEFICITS_COUNT.format(
            open=len(open_deficits), total=len(development.deficits)))
    active = [r for r in development.routes if r.active]
    if active:
        route = active[0]
        value = Text(S.DEV_ROUTE_LINE.format(
            start=format_date(route.period_start), end=format_date(route.period_end),
            done=route.done, total=route.total))
        if route.overdue:
            value.append(S.DEV_ROUTE_LATE.format(count=route.overdue), style="bold red")
        line(S.DEV_ROUTE_SHORT, value)
    growth = data.growth
    if growth is not None and (growth.achievements or growth.learning):
        line(S.GR_CARD_TAB, S.GR_MAIN_VALUE.format(
            achievements=len(growth.achievements), learning=len(growth.learning),
            hours=store_g.format_hours(growth.learning_hours)))
    for pair in data.mentorships:
        until = S.DEV_MENTORSHIP_UNTIL.format(date=format_date(pair.planned_end))
        if pair.mentor_id == p.id:
            line(S.MENT_COL_MENTEES, ", ".join(pair.mentees) + until)
        else:
            line(S.MENT_COL_MENTOR, pair.mentor + until)
    for label, value in ((S.F_SNILS, p.snils), (S.F_PHONE, p.phone), (S.F_EMAIL, p.email),
                         (S.F_NOTES, p.notes)):
        if value:
            line(label, value)
    text.rstrip()
    return text


class CardTables:
    """The card's tables (courses, attestation, diagnostics and deficits, ИОМ), filled
    from ``CardData``; PersonCardScreen provides ``_restore`` (the cursor back on its row)."""

    def _fill_courses(self, data: CardData) -> None:
        courses = data.courses
        summary = courses_status(courses, data.day,
                                 employed=not is_dismissed(data.staff, data.day))
        summary.append(f"\n{S.DEV_HOURS}: {hours_text(courses)}")
        self.query_one("#tr-summary", Static).update(summary)
        table = self.query_one("#tr-table", DataTable)
        width = self.size.width or 80
        columns = ("end", "title", "provider", "hours", "kind", "marks") if width >= 110 else (
            "end", "title", "hours", "kind", "marks")
        widths = column_widths(width, COURSE_FIXED, COURSE_SHARES, columns)
        set_columns(table, columns, COURSE_TITLES, widths)
        for row in courses.rows:
            planned = row.end_date > data.day
            cells = {
                "end": Text(format_end(row.end_date, row.end_precision),
                            style="italic" if planned else ""),
                # a cut name ends with «…», as in the ПК register
                "title": Text(fit_text(row.title, widths["title"])),
                "provider": Text(fit_text(row.provider, widths.get("provider", 0))),
                "hours": Text(str(row.hours), justify="right"),
                "kind": Text(row.kind_short),
                "marks": Text(row.marks, style="bold"),
            }
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=row.id)
        self._restore(table)

    def _columns(self, table: DataTable, fixed, shares, titles, columns) -> dict[str, int]:
        widths = column_widths(self.size.width or 80, fixed, shares, columns)
        set_columns(table, columns, titles, widths)
        return widths

    def _fill_attestation(self, data: CardData) -> None:
        att = data.attestation
        self.query_one("#att-info", Static).update(attestation_text(
            att, data.day, employed=not is_dismissed(data.staff, data.day)))
        table = self.query_one("#cat-table", DataTable)
        columns = ("decision", "position", "category", "until", "order")
        self._columns(table, CAT_FIXED, CAT_SHARES, CAT_TITLES, columns)
        for row in att.categories:
            style = "" if row.current else "dim"
            until_style = {"red": "bold red", "warn": "yellow"}.get(row.level or "", style)
            cells = {
                "decision": (Text(rules_a.decision_text(row.decision_date,
                                                        row.decision_precision), style=style)
                             if row.decision_date else Text(S.ATT_DATE_UNKNOWN, "bold yellow")),
                "position": Text(row.position, style=style),
                "category": Text(SHORT_CATEGORY.get(row.category, row.category),
                                 style="bold" if row.current else style),
                "until": Text(rules_a.until_text(
                    row.decision_date, row.valid_until, row.decision_precision,
                    row.until_precision) or (
                    S.ATT_TERM_UNKNOWN if row.decision_date is None else S.ATT_INDEFINITE_SHORT),
                    style="bold yellow" if row.clarify and row.decision_date else until_style),
                "order": Text(row.order, style=style),
            }
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=row.id)
        self._restore(table)
        table = self.query_one("#conf-table", DataTable)
        columns = ("date", "position", "result", "order")
        self._columns(table, CONF_FIXED, CONF_SHARES, CONF_TITLES, columns)
        for row in att.conformity:
            result = (Text(row.result, style="green" if row.result == "соответствует" else "red")
                      if row.result else Text(S.ATT_EXEMPTION_ROW.format(
                          reason=row.exemption_reason), style="dim"))
            when = (Text(rules_a.decision_text(row.date, row.date_precision)) if row.date
                    else Text(S.ATT_DATE_UNKNOWN, style="bold yellow"))
            cells = {"date": when, "position": Text(row.position),
                     "result": result, "order": Text(row.order)}
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=row.id)
        self._restore(table)

    def _fill_development(self, data: CardData) -> None:
        dev = data.development
        table = self.query_one("#diag-table", DataTable)
        columns = ("date", "kind", "operator", "result")
        w = self._columns(table, DIAG_FIXED, DIAG_SHARES, DIAG_TITLES, columns)
        for row in dev.diagnostics:
            cells = {"date": Text(format_date(row.date)),
                     "kind": Text(fit_text(row.kind, w["kind"])),
                     "operator": Text(fit_text(row.operator, w["operator"])),
                     "result": Text(row.result)}
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=row.id)
        self._restore(table)
        table = self.query_one("#def-table", DataTable)
        columns = ("area", "description", "status", "steps")
        w = self._columns(table, DEF_FIXED, DEF_SHARES, DEF_TITLES, columns)
        for row in dev.deficits:
            steps = f"{row.steps_done}/{row.steps}" if row.steps else ""
            cells = {"area": Text(fit_text(row.area, w["area"])),
                     "description": Text(fit_text(row.description, w["description"]),
                                         style="dim" if row.status == "устранён" else ""),
                     "status": Text(row.status, style=DEFICIT_STYLE.get(row.status, "")),
                     "steps": Text(steps, justify="right")}
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=row.id)
        self._restore(table)
        table = self.query_one("#route-table", DataTable)
        columns = ("period", "developed", "status", "steps", "late")
        self._columns(table, ROUTE_FIXED, ROUTE_SHARES, ROUTE_TITLES, columns)
        for row in dev.routes:
            style = "bold" if row.active else "dim" if row.status == "завершён" else ""
            cells = {
                "period": Text(f"{format_date(row.period_start)} – {format_date(row.period_end)}",
                               style=style),
                "developed": Text(row.developed_by),
                "status": Text(row.status, style=style),
                "steps": Text(f"{row.done} / {row.total}", justify="right"),
                "late": Text(str(row.overdue) if row.overdue else "", justify="right",
                             style="bold red"),
            }
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=row.id)
        self._restore(table)
