"""Dialogs of the development programme: mark done, move a deadline, copy a year forward,
and the list of programmes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Input, Label, SelectionList, Static

from metodkab import strings as S
from metodkab.domain.checks import done_problem, postpone_problem
from metodkab.domain.parse import format_date
from metodkab.screens.base import AppScreen, DbCalls
from metodkab.storage import programme as ps
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.fields import ChoiceField, TextField
from metodkab.widgets.marks import MarkedSelectionList
from metodkab.widgets.quickentry import ShortDateField
from metodkab.widgets.text import plain


@dataclass(frozen=True)
class DatedAnswer:
    day: dt.date
    reason: str = ""


class ActivityDateDialog(BoxDialog[DatedAnswer | None]):
    """Ask for a date (ДД.ММ or ДД.ММ.ГГГГ) and, for a postponement, the reason."""

    DEFAULT_CSS = """
    ActivityDateDialog > Vertical { width: 66; max-width: 96%; }
    ActivityDateDialog #dialog-title { text-style: bold; width: 1fr; }
    ActivityDateDialog .row { height: 1; margin-top: 1; }
    ActivityDateDialog .row > Label { width: 16; color: $text-muted; }
    ActivityDateDialog #date { width: 22; }
    ActivityDateDialog #reason { width: 1fr; }
    ActivityDateDialog #error { color: $error; height: auto; }
    ActivityDateDialog .hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
        Binding("ctrl+s", "ok", S.KEY_OK, key_display="Ctrl+S"),
    ]

    def __init__(self, title: str, label: str, initial: dt.date | None, *, default_year: int,
                 info: str = "", reason: bool = False, near: dt.date | None = None,
                 latest: dt.date | None = None) -> None:
        super().__init__()
        self.latest = latest        # a done date: not after today (domain/checks.py)
        self.near = near            # today: a short date is near it (see ShortDateField)
        self.title_text = title
        self.label = label
        self.initial = initial
        self.default_year = default_year
        self.info = info
        self.with_reason = reason
        self.current = initial if reason else None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(plain(self.title_text), id="dialog-title")
            if self.info:
                yield Static(plain(self.info), id="info")
            with Horizontal(classes="row"):
                yield Label(self.label)
                yield ShortDateField(format_date(self.initial), default_year=self.default_year,
                                     required=True, near=self.near,
                                     past=not self.with_reason, id="date")
            if self.with_reason:
                with Horizontal(classes="row"):
                    yield Label(S.PROG_POSTPONE_REASON)
                    yield TextField(max_length=300, id="reason")
            yield Static("", id="error")
            yield Static(S.PROG_DIALOG_HINT, classes="hint")

    def on_mount(self) -> None:
        self.query_one("#date", ShortDateField).focus()     # the text is selected: type over

    @on(Input.Submitted, "#date")
    def _date_done(self) -> None:
        if self.with_reason and self._answer(reason_needed=False) is not None:
            self.query_one("#reason").focus()
        else:
            self.action_ok()

    @on(Input.Submitted, "#reason")
    def _reason_done(self) -> None:
        self.action_ok()

    def _answer(self, *, reason_needed: bool = True) -> DatedAnswer | None:
        error = self.query_one("#error", Static)
        try:
            day = self.query_one("#date", ShortDateField).parsed()
        except ValueError as exc:
            error.update(plain(exc))      # the message may quote what was typed
            return None
        if day is None:
            error.update(S.PROG_DATE_REQUIRED)
            return None
        if self.current is not None and day == self.current:
            error.update(S.PROG_POSTPONE_SAME)
            return None
        problem = (postpone_problem(self.current, day) if self.current is not None
                   else done_problem(day, self.latest) if self.latest is not None else "")
        if problem:                 # a date that cannot be: refused beside the field
            error.update(problem)
            return None
        reason = self.query_one("#reason", TextField).value.strip() if self.with_reason else ""
        if self.with_reason and reason_needed and not reason:
            # A moved deadline is explained (the plan's check asks why): never an empty reason.
            error.update(S.PROG_POSTPONE_REASON_REQUIRED)
            self.query_one("#reason").focus()
            return None
        error.update("")
        return DatedAnswer(day, reason)

    def action_ok(self) -> None:
        answer = self._answer()
        if answer is not None:
            self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CopyYearDialog(DbCalls, BoxDialog[int | None]):
    """Copy the activities of a year into the next year; untick what should not recur.

    Dismisses with the number of activities copied (None when cancelled)."""

    DEFAULT_CSS = """
    CopyYearDialog > Vertical { width: 96; height: 90%; max-height: 30; }
    CopyYearDialog #dialog-title { text-style: bold; width: 1fr; }
    CopyYearDialog .row { height: 1; margin: 1 0; }
    CopyYearDialog .row > Label { width: auto; color: $text-muted; margin-right: 1; }
    CopyYearDialog #year { width: 8; }
    CopyYearDialog #to-year { width: 1fr; margin-left: 1; }
    CopyYearDialog #candidates { height: 1fr; }
    CopyYearDialog #message { color: $warning; height: auto; }
    CopyYearDialog .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
        Binding("ctrl+s", "copy", S.PROG_KEY_COPY_YEAR, key_display="Ctrl+S"),
    ]

    def __init__(self, programme: ps.ProgrammeRow, years: list[int], year: int) -> None:
        super().__init__()
        self.programme = programme
        self.years = years
        self.year = year
        self.candidates: list[ps.CopyCandidate] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(S.PROG_COPY_TITLE, id="dialog-title")
            with Horizontal(classes="row"):
                yield Label(S.PROG_COPY_FROM)
                yield ChoiceField([(str(y), str(y)) for y in self.years], value=[str(self.year)],
                                  allow_empty=False, title=S.PROG_COPY_FROM, id="year")
                yield Label("", id="to-year")
            yield MarkedSelectionList[str](id="candidates")
            yield Static("", id="count", classes="hint")
            yield Static("", id="message")
            yield Static(S.PROG_COPY_HINT, classes="hint")

    def on_mount(self) -> None:
        self._load()

    def _load(self) -> None:
        self.query_one("#to-year", Label).update(S.PROG_COPY_TO.format(year=self.year + 1))
        self.run_db(ps.copy_candidates, self.programme.id, self.year, done=self._show,
                    group="copy-year", exclusive=True)

    def _show(self, candidates: list[ps.CopyCandidate]) -> None:
        self.candidates = candidates
        selection = self.query_one("#candidates", SelectionList)
        selection.clear_options()
        target = self.year + 1
        for c in candidates:
            label = (f"{format_date(c.activity.deadline)} → {format_date(c.new_deadline)}  "
                     f"{c.activity.task_number}. {c.activity.title}")
            if c.exists:
                label += S.PROG_COPY_EXISTS.format(year=target)
            selection.add_option((plain(label), c.activity.id, not c.exists))
        message = ""
        if not candidates:
            message = S.PROG_COPY_NOTHING.format(year=self.year)
        elif target > self.programme.year_to:
            message = S.PROG_COPY_OUTSIDE.format(year=target, period=self.programme.period)
        self.query_one("#message", Static).update(message)
        self._count()
        selection.focus()

    @on(SelectionList.SelectedChanged, "#candidates")
    def _count(self) -> None:
        selection = self.query_one("#candidates", SelectionList)
        self.query_one("#count", Static).update(S.PROG_COPY_COUNT.format(
            count=len(selection.selected), total=selection.option_count))

    @on(ChoiceField.Changed, "#year")
    def _year(self, event: ChoiceField.Changed) -> None:
        if event.value:
            self.year = int(event.value[0])
            self._load()

    def action_copy(self) -> None:
        if self.year + 1 > self.programme.year_to:
            self.app.bell()
            return
        chosen = set(self.query_one("#candidates", SelectionList).selected)
        ids = [c.activity.id for c in self.candidates if c.activity.id in chosen]
        if not ids:
            self.dismiss(0)
            return
        self.run_db(ps.copy_activities, ids, done=lambda new: self.dismiss(len(new)))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ProgrammeListScreen(AppScreen):
    """All programmes (past and current): Enter opens one, Ins adds, Ctrl+T makes current.

    Dismisses with the id of the programme to show (None: stay)."""

    SCREEN_TITLE = S.PROG_LIST_TITLE
    BINDINGS = [
        Binding("insert", "add", S.KEY_ADD, key_display="Ins"),
        Binding("f4", "open", S.KEY_OPEN, key_display="Enter/F4"),
        Binding("ctrl+t", "make_current", S.PROG_KEY_MAKE_CURRENT, key_display="Ctrl+T"),
        Binding("delete", "remove", S.KEY_DELETE, key_display="Del"),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc"),
    ]

    def __init__(self, shown_id: str | None = None) -> None:
        super().__init__()
        self.shown_id = shown_id
        self.keep_next: str | None = None      # put the cursor here after the next load
        self.rows: list[ps.ProgrammeRow] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.PROG_LIST_TITLE, classes="section-title")
        yield DataTable(id="programmes", cursor_type="row", zebra_stripes=True)
        yield Static(S.PROG_LIST_HINT, classes="status-line")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(S.PROG_COL_TITLE, key="title", width=38)
        table.add_column(S.PROG_COL_YEARS, key="years", width=9)
        table.add_column(S.PROG_COL_CURRENT, key="current", width=7)
        table.add_column(S.PROG_COL_TASKS, key="tasks", width=5)
        table.add_column(S.PROG_COL_ACTIVITIES, key="activities", width=7)
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        if keep:
            self.keep_next = keep
        self.run_db(ps.list_programmes, done=self._show, group="programmes", exclusive=True)

    def _show(self, rows: list[ps.ProgrammeRow]) -> None:
        keep = self.keep_next or self._current_id() or self.shown_id
        self.keep_next = None
        self.rows = rows
        table = self.query_one(DataTable)
        table.clear()
        for r in rows:
            table.add_row(plain(r.title), r.period, S.YES.lower() if r.is_current else "",
                          str(r.tasks), str(r.activities), key=r.id)
        if keep and any(r.id == keep for r in rows):
            table.move_cursor(row=table.get_row_index(keep))

    def _current_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value

    def _current(self) -> ps.ProgrammeRow | None:
        key = self._current_id()
        return next((r for r in self.rows if r.id == key), None)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)

    def action_open(self) -> None:
        key = self._current_id()
        if key:
            self.dismiss(key)

    def action_add(self) -> None:
        from metodkab.screens.programme_forms import ProgrammeFormScreen, new_programme_values

        latest = max((r.year_to for r in self.rows), default=None)
        initial = new_programme_values(self.app.store.clock.today(), latest)
        self.app.push_screen(ProgrammeFormScreen(initial=initial),
                             callback=lambda new_id: new_id and self.reload(new_id))

    def action_make_current(self) -> None:
        row = self._current()
        if row is not None and not row.is_current:
            self.run_db(ps.make_current, row.id, done=lambda _: self.reload(row.id))

    def action_remove(self) -> None:
        from metodkab.screens.dialogs import ConfirmDialog

        row = self._current()
        if row is not None:
            question = S.PROG_DELETE_PROGRAMME.format(
                title=row.title, year_from=row.year_from, year_to=row.year_to,
                current=S.PROG_DELETE_CURRENT if row.is_current else "")
            self.app.push_screen(ConfirmDialog(question), callback=lambda yes: yes and self.run_db(
                ps.delete_programme, row.id, done=lambda _: self.reload()))

    def action_back(self) -> None:
        self.dismiss(None)
