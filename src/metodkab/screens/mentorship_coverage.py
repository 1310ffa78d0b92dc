"""Coverage of young and new staff by mentorship and the suggested-mentor chooser (the
mentor load table is in mentorship_load.py).

From a person without a mentor, Ins (or Enter) starts a new pair: choose a mentor from
the suggestions, check the filled-in form, save; the card of the new pair opens.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Label, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.reports import indicators as ri
from metodkab.reports import mentorship as rules
from metodkab.screens.base import DbCalls, TableScreen
from metodkab.storage import mentorship as store_m
from metodkab.storage.mentorship import Coverage, CoverageRow, MenteeInfo
from metodkab.storage.settings import report_date
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.keys import BACK_KEY
from metodkab.widgets.table import (column_widths, current_key, fit_name, move_to_key, set_columns,
                                    shorten)
from metodkab.widgets.text import plain, plain_row, say

COVER_FIXED = {"who": 10, "exp": 4, "until": 10}
COVER_SHARES = {"name": 0.52, "mentor": 0.48}
COVER_ORDER = ("name", "who", "exp", "mentor", "until")
COVER_TITLES = {"name": S.MENT_COV_COL_NAME, "who": S.MENT_COV_COL_WHO,
                "exp": S.MENT_COV_COL_EXP, "mentor": S.MENT_COV_COL_MENTOR,
                "until": S.MENT_COV_COL_UNTIL}


def load_coverage(store) -> Coverage:
    return store_m.coverage(store, report_date(store))


def coverage_lines(cov: Coverage) -> str:
    """The two figure lines above the table."""
    if cov.young_total:
        percent = S.MENT_COV_PERCENT.format(percent=round(cov.young_percent or 0),
                                            target=cov.target)
    else:
        percent = ""
    young = S.MENT_COV_YOUNG.format(age=ri.years_genitive(cov.young_age),
                                    years=ri.years_genitive(cov.young_years),
                                    total=cov.young_total, supported=cov.young_supported,
                                    percent=percent)
    new = S.MENT_COV_NEW.format(months=cov.new_months, total=cov.new_total,
                                supported=cov.new_supported)
    return f"{young}\n{new}"


def who_text(row: CoverageRow) -> str:
    if row.young and row.new:
        return S.MENT_COV_BOTH
    return S.MENT_COV_YOUNG_SHORT if row.young else S.MENT_COV_NEW_SHORT


class CoverageScreen(TableScreen):
    """Who of the young and new staff has a mentor on the report date, and who has none."""

    SCREEN_TITLE = S.MENT_COV_TITLE
    ROW_KEY = "staff_id"
    DEFAULT_CSS = """
    CoverageScreen #cov-figures { height: auto; padding: 0 1; }
    CoverageScreen #cov-status { height: 1; padding: 0 1; color: $text-muted; }
    CoverageScreen #cov-table { height: 1fr; }
    """
    BINDINGS = [
        Binding("insert", "assign", S.MENT_KEY_ASSIGN, key_display="Ins", id="assign"),
        Binding("f4", "open", S.MENT_KEY_COV_OPEN, key_display="Enter/F4", id="open",
                show=False),
        Binding("ctrl+f", "toggle", S.MENT_KEY_ONLY_UNSUPPORTED, key_display="Ctrl+F",
                id="toggle"),
        Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", show=False,
                id="export"),
        BACK_KEY,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.coverage: Coverage | None = None
        self.only_unsupported = False
        self._keep_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.MENT_COV_HEADING, classes="section-title")
        yield Static(S.LOADING, id="cov-figures")
        yield Static("", id="cov-status")
        yield DataTable(id="cov-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_resize(self) -> None:
        if self.coverage is not None:
            self._fill()

    def reload(self) -> None:
        if self._keep_id is None:
            self._keep_id = current_key(self.query_one(DataTable))
        self.run_db(load_coverage, done=self._loaded, group="ment-cov", exclusive=True)

    def _loaded(self, cov: Coverage) -> None:
        self.coverage = cov
        self.query_one("#cov-figures", Static).update(coverage_lines(cov))
        self._fill()

    @property
    def rows(self) -> list[CoverageRow]:
        if self.coverage is None:
            return []
        return [r for r in self.coverage.rows if not (self.only_unsupported and r.supported)]

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        widths = column_widths(self.size.width or 80, COVER_FIXED, COVER_SHARES, COVER_ORDER)
        set_columns(table, COVER_ORDER, COVER_TITLES, widths)
        rows = self.rows
        # One long name shortens the whole column (Фамилия И. О.), so the names line up.
        short_names = any(len(r.name) > widths["name"] for r in rows)
        short_mentors = any(len(r.mentor) > widths["mentor"] for r in rows)
        for row in rows:
            if row.mentorship_id:
                mentor = Text(shorten(row.mentor) if short_mentors else row.mentor)
                until = format_date(row.until)
            elif row.supported:           # another support form (ИОМ, школа молодого педагога)
                mentor = Text(S.MENT_COV_OTHER_FORM.format(forms=row.other_forms), style="green")
                until = ""
            elif row.upcoming_id:
                mentor = Text(S.MENT_COV_UPCOMING.format(
                    date=format_date(row.upcoming_start), name=shorten(row.upcoming_mentor)),
                    style="yellow")
                until = ""
            else:
                mentor = Text(S.MENT_COV_NONE, style="bold red")
                until = ""
            table.add_row(*plain_row(shorten(row.name) if short_names else row.name, who_text(row)),
                          "" if row.experience is None else str(row.experience), mentor, until,
                          key=row.staff_id)
        move_to_key(table, self._keep_id)
        self._keep_id = None
        shown = S.MENT_COV_SHOWN_UNSUPPORTED if self.only_unsupported else S.MENT_COV_SHOWN_ALL
        status = S.MENT_COV_STATUS.format(
            shown=shown, date=format_date(self.coverage.day if self.coverage else None))
        if not self.rows:
            status += " · " + S.MENT_COV_EMPTY
        self.query_one("#cov-status", Static).update(status)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Enter: the card of the person's pair, or a new pair when there is none."""
        row = self.current_row()
        if row is None:
            return
        target = row.mentorship_id or row.upcoming_id
        if target:
            from metodkab.screens.mentorship_card import MentorshipCardScreen

            self._keep_id = row.staff_id
            self.app.push_screen(MentorshipCardScreen(target))
        else:
            self.action_assign()

    def action_assign(self) -> None:
        """Start a new pair with this person as mentee, choosing from suggested mentors."""
        row = self.current_row()
        if row is None:
            return
        if row.mentorship_id:
            say(self, S.MENT_COV_ALREADY.format(name=shorten(row.name), mentor=shorten(row.mentor)),
                        severity="warning")
        self._keep_id = row.staff_id
        start_new_pair(self, row.staff_id)

    def action_toggle(self) -> None:
        self.only_unsupported = not self.only_unsupported
        self._fill()

    def action_export(self) -> None:
        """Everyone shown (all, or only those without a mentor) into Excel."""
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_coverage

        start_export(self, export_coverage, self.only_unsupported, title=S.XLS_KEY_EXPORT)

    def action_back(self) -> None:
        self.dismiss()


def start_new_pair(screen: DbCalls, mentee_id: str) -> None:
    """Suggested mentors → the filled-in pair form → the card of the saved pair."""
    app = screen.app  # type: ignore[attr-defined]

    def loaded(result: tuple[MenteeInfo, list[rules.Suggestion]]) -> None:
        mentee, suggestions = result

        def chosen(mentor_id: str | None) -> None:
            if mentor_id:
                screen.run_db(lambda store: store_m.new_pair_defaults(
                    store, mentee, mentor_id, report_date(store)), done=open_form)

        app.push_screen(MentorChooserScreen(mentee, suggestions), callback=chosen)

    def open_form(initial: dict) -> None:
        from metodkab.screens.mentorship_form import MentorshipFormScreen
        from metodkab.screens.mentorship_card import MentorshipCardScreen

        def saved(mentorship_id: str | None) -> None:
            if mentorship_id:
                app.push_screen(MentorshipCardScreen(mentorship_id))

        app.push_screen(MentorshipFormScreen(initial=initial), callback=saved)

    screen.run_db(lambda store: store_m.mentor_suggestions(store, mentee_id, report_date(store)),
                  done=loaded)


CHOOSER_FIXED = {"star": 1, "match": 12, "category": 9, "load": 4}
CHOOSER_SHARES = {"name": 1.0}
CHOOSER_ORDER = ("star", "name", "match", "category", "load")
CATEGORY_SHORT = S.STAFF_CATEGORY_SHORT


class MentorChooserScreen(BoxDialog[str | None]):
    """Suggested mentors first (★: same subject or association, with a category), each with
    the current load; Ctrl+F shows everyone. Enter chooses."""

    DEFAULT_CSS = """
    MentorChooserScreen > Vertical { width: 78; height: 90%; max-height: 24; }
    MentorChooserScreen #chooser-title { text-style: bold; }
    MentorChooserScreen .hint { color: $text-muted; height: auto; }
    MentorChooserScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+f", "toggle", S.MENT_KEY_SHOW_ALL, key_display="Ctrl+F"),
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
    ]

    def __init__(self, mentee: MenteeInfo, suggestions: list[rules.Suggestion]) -> None:
        super().__init__()
        self.mentee = mentee
        self.suggestions = suggestions
        self.show_all = not any(s.suggested for s in suggestions)

    def compose(self) -> ComposeResult:
        subjects = ", ".join(self.mentee.subjects) or S.MENT_CHOOSER_NO_SUBJECTS
        with Vertical():
            yield Label(plain(S.MENT_CHOOSER_TITLE.format(name=self.mentee.name)),
                        id="chooser-title")
            yield Static(plain(S.MENT_CHOOSER_SUBJECTS.format(subjects=subjects)), classes="hint")
            yield Static("", classes="hint", id="chooser-note")
            yield DataTable(id="mentors", cursor_type="row", zebra_stripes=True)
            yield Static(S.MENT_CHOOSER_KEYS, classes="hint")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(DataTable).focus()

    @property
    def visible(self) -> list[rules.Suggestion]:
        return [s for s in self.suggestions if self.show_all or s.suggested]

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        width = min(78, (self.app.size.width or 80) - 2) - 4
        widths = column_widths(width, CHOOSER_FIXED, CHOOSER_SHARES, CHOOSER_ORDER)
        titles = {"star": "★", "name": S.MENT_CHOOSER_COL_NAME, "match": S.MENT_CHOOSER_COL_MATCH,
                  "category": S.MENT_CHOOSER_COL_CATEGORY, "load": S.MENT_CHOOSER_COL_LOAD}
        set_columns(table, CHOOSER_ORDER, titles, widths)
        for s in self.visible:
            c = s.candidate
            table.add_row(Text("★", style="bold yellow") if s.suggested else "",
                          fit_name(c.name, widths["name"]), ", ".join(s.reasons),
                          CATEGORY_SHORT.get(c.category, c.category) or "—",
                          Text(str(c.load), style="bold" if c.load else "dim"), key=c.id)
        any_suggested = any(s.suggested for s in self.suggestions)
        if not any_suggested:
            note = S.MENT_CHOOSER_NONE_SUGGESTED
        elif self.show_all:
            note = S.MENT_CHOOSER_ALL
        else:
            note = S.MENT_CHOOSER_SUGGESTED
        self.query_one("#chooser-note", Static).update(note)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)

    def action_toggle(self) -> None:
        self.show_all = not self.show_all
        self._fill()

    def action_cancel(self) -> None:
        self.dismiss(None)
