"""Журнал изменений: Ctrl+Z on any card, form or list row shows that record's history
field by field (old → new); Ctrl+J opens the whole journal with a filter by date, user and
section, and Excel. Reading never changes the journal (storage/journal.py only reads)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Header, Label, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date, parse_date
from metodkab.screens.base import TableScreen
from metodkab.storage import journal as sj
from metodkab.storage.journal import JournalQuery, JournalRow, RecordHistory
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.fields import ChoiceField, DateField
from metodkab.widgets.keys import BACK_KEY, page_keys
from metodkab.widgets.table import (column_widths, current_key, fit_text, move_to_key,
                                    set_columns)
from metodkab.widgets.text import plain

# Attributes of a screen that name the one record it shows (a card, an editor, a form).
RECORD_ATTRIBUTES = ("record_id", "mentorship_id", "route_id", "staff_id")


def history_target(screen: Screen) -> str | None:
    """The record Ctrl+Z asks about: the row under the cursor of the focused list (or of
    a register while its search is typed in), else the record the screen shows (a form's
    record, a card's person, a pair, a route)."""
    own = getattr(screen, "history_target", None)
    if callable(own):
        found = own()
        if found:
            return found[1]
    focused = screen.focused
    for table in (focused, getattr(screen, "table", None)):   # a register's, from its search
        if isinstance(table, DataTable) and (key := current_key(table)):
            return key
    for name in RECORD_ATTRIBUTES:
        value = getattr(screen, name, None)
        if isinstance(value, str) and value:
            return value
    return None


def show_history(screen: Screen) -> None:
    """Ctrl+Z: the history dialog of the record in front of the user, or why there is none."""
    from metodkab.screens.dialogs import MessageDialog

    if isinstance(screen, ModalScreen):          # a dialog shows no record of its own
        return
    record_id = history_target(screen)

    def loaded(history: RecordHistory | None) -> None:
        if history is None:
            screen.app.push_screen(MessageDialog(S.JOURNAL_NO_RECORD, title=S.JOURNAL_TITLE,
                                                 notice=True))
        else:
            screen.app.push_screen(HistoryDialog(history))

    if record_id is None:
        loaded(None)
        return
    if hasattr(screen, "run_db"):
        screen.run_db(sj.load_history, record_id, done=loaded)
    else:                                        # a screen of Textual's own: read at once
        loaded(screen.app.store.run(sj.load_history, record_id))


def history_text(history: RecordHistory) -> Text:
    """Every change, oldest first: when, who, what — and each field old → new."""
    text = Text()
    if not history.entries:
        text.append(S.JOURNAL_NO_ENTRIES, style="dim")
    for entry in history.entries:
        text.append(S.JOURNAL_ENTRY.format(
            at=entry.at.strftime("%d.%m.%Y %H:%M"), user=entry.user or S.JOURNAL_NO_USER,
            action=entry.note or S.JOURNAL_ACTIONS.get(entry.action, entry.action)),
            style="bold")
        text.append("\n")
        for change in entry.changes:
            text.append(f"  {change.field}: ", style="dim")
            if entry.action == "update":
                text.append(change.old or S.JOURNAL_EMPTY_VALUE,
                            style="red" if change.old else "dim")
                text.append(S.JOURNAL_ARROW)
            text.append(change.new or S.JOURNAL_EMPTY_VALUE,
                        style="green" if change.new else "dim")
            text.append("\n")
    text.rstrip()
    return text


class HistoryDialog(BoxDialog[None]):
    """The history of one record (read only). Ctrl+J opens the whole journal."""

    DEFAULT_CSS = """
    HistoryDialog > Vertical { width: 90%; max-width: 100; height: 90%; }
    HistoryDialog #history-title { text-style: bold; height: auto; }
    HistoryDialog #history-scroll { height: 1fr; }
    HistoryDialog #history-hint { color: $text-muted; height: 1; }
    """
    BINDINGS = [
        Binding("escape", "close", S.KEY_CLOSE, key_display="Esc"),
        Binding("ctrl+j", "all", S.JOURNAL_KEY_ALL, key_display="Ctrl+J"),
    ]

    def __init__(self, history: RecordHistory) -> None:
        super().__init__()
        self.history = history

    def compose(self) -> ComposeResult:
        h = self.history
        title = S.JOURNAL_HISTORY_TITLE.format(section=h.section, label=h.label or h.record_id)
        if h.deleted:
            title += S.JOURNAL_HISTORY_DELETED
        with Vertical():
            yield Static(plain(title), id="history-title")
            with VerticalScroll(id="history-scroll"):
                yield Static(history_text(h), id="history-text")
            yield Static(f"Esc — {S.KEY_CLOSE.lower()} · Ctrl+J — {S.JOURNAL_KEY_ALL.lower()}",
                         id="history-hint")

    def on_mount(self) -> None:
        self.query_one("#history-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_all(self) -> None:
        self.dismiss(None)
        self.app.call_later(self.app.action_section, "journal")


FIXED = {"at": 16, "action": 9}
SHARES = {"user": 0.16, "what": 0.22, "label": 0.32, "fields": 0.30}
TITLES = {"at": S.JOURNAL_COL_AT, "user": S.JOURNAL_COL_USER, "what": S.JOURNAL_COL_WHAT,
          "label": S.JOURNAL_COL_WHAT, "action": S.JOURNAL_COL_ACTION,
          "fields": S.JOURNAL_COL_FIELDS}


def journal_columns(width: int) -> tuple[str, ...]:
    if width >= 110:
        return ("at", "user", "what", "label", "action", "fields")
    return ("at", "user", "label", "action")


def load_journal(store, query: JournalQuery) -> tuple[list[JournalRow], int]:
    return sj.list_journal(store, query), sj.count_journal(store, query)


class JournalScreen(TableScreen):
    """Every change of the school's records, newest first."""

    SCREEN_TITLE = S.JOURNAL_TITLE
    DEFAULT_CSS = """
    JournalScreen #journal-status { height: 1; padding: 0 1; color: $text-muted; }
    JournalScreen #journal-table { height: 1fr; overflow-x: hidden; }
    """
    BINDINGS = [
        Binding("f4", "open", S.JOURNAL_KEY_HISTORY, key_display="Enter/F4", id="open"),
        Binding("ctrl+f", "filter", S.KEY_FILTER, key_display="Ctrl+F", id="filter"),
        Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", id="export"),
        *page_keys(), BACK_KEY,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = JournalQuery()
        self.rows: list[JournalRow] = []
        self.total = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static("", id="journal-status")
        yield DataTable(id="journal-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_resize(self) -> None:
        self._fill()

    def reload(self) -> None:
        self.run_db(load_journal, self.query_state, done=self._loaded, group="journal",
                    exclusive=True)

    def _loaded(self, result: tuple[list[JournalRow], int]) -> None:
        self.rows, self.total = result
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        keep = current_key(table)
        width = self.size.width or 80
        columns = journal_columns(width)
        widths = column_widths(width, FIXED, SHARES, columns)
        set_columns(table, columns, TITLES, widths)
        for row in self.rows:
            label = row.label if "what" in columns else " · ".join(
                x for x in (row.what, row.label) if x)
            cells = {"at": row.at.strftime("%d.%m.%Y %H:%M"),
                     "user": row.user or S.JOURNAL_NO_USER, "what": row.what, "label": label,
                     "action": S.JOURNAL_ACTIONS.get(row.action, row.action),
                     "fields": row.summary}
            table.add_row(*(plain(fit_text(cells[k] or "", widths[k])) for k in columns),
                          key=str(row.id))
        move_to_key(table, keep)
        q = self.query_state
        parts = [x for x in (format_date(q.date_from) and f"≥ {format_date(q.date_from)}",
                             format_date(q.date_to) and f"≤ {format_date(q.date_to)}",
                             q.user, S.JOURNAL_SECTIONS.get(q.section or "")) if x]
        text = S.JOURNAL_SHOWN.format(total=self.total, shown=len(self.rows))
        if parts:
            text = S.TR_FILTER_SUMMARY.format(text=", ".join(parts)) + " · " + text
        if not self.rows:
            text += " · " + S.JOURNAL_EMPTY
        self.query_one("#journal-status", Static).update(plain(text))

    def _current(self) -> JournalRow | None:
        key = current_key(self.query_one(DataTable))
        return next((r for r in self.rows if str(r.id) == key), None)

    def history_target(self) -> tuple[str, str] | None:
        row = self._current()
        return (row.table, row.record_id) if row is not None else None

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self._current()
        if row is not None and row.action == "load":     # the whole line, at any width
            from metodkab.screens.dialogs import MessageDialog

            self.app.push_screen(MessageDialog(S.JOURNAL_LOAD_DETAIL.format(
                at=row.at.strftime("%d.%m.%Y %H:%M"), user=row.user or S.JOURNAL_NO_USER,
                what=row.what, label=row.label, summary=row.summary),
                title=S.JOURNAL_TITLE, notice=True))
        if row is None or len(row.record_id) != 36:
            return
        self.run_db(sj.load_history, row.record_id, row.table,
                    done=lambda h: h and self.app.push_screen(HistoryDialog(h)))

    def action_filter(self) -> None:
        def chosen(query: JournalQuery | None) -> None:
            if query is not None:
                self.query_state = query
                self.reload()

        self.run_db(sj.journal_users, done=lambda users: self.app.push_screen(
            JournalFilterDialog(self.query_state, users), callback=chosen))

    def action_export(self) -> None:
        from metodkab.screens.export import start_export
        from metodkab.screens.growth_export import export_journal

        start_export(self, export_journal, self.query_state, title=S.XLS_KEY_EXPORT)

    def action_page(self, step: int) -> None:
        q = self.query_state
        offset = q.offset + step * q.limit
        if 0 <= offset < self.total:
            self.query_state = replace(q, offset=offset)
            self.reload()

    def action_back(self) -> None:
        self.app.action_section("dashboard")


class JournalFilterDialog(BoxDialog[JournalQuery | None]):
    """Ctrl+F: the journal from / to a date, by a user, in a section."""

    DEFAULT_CSS = """
    JournalFilterDialog > Vertical { width: 64; }
    JournalFilterDialog .row { height: 1; margin-bottom: 1; }
    JournalFilterDialog .row > Label { width: 16; color: $text-muted; }
    JournalFilterDialog #journal-filter-error { color: $error; height: auto; }
    JournalFilterDialog Button { margin-right: 1; }
    JournalFilterDialog .buttons { height: auto; }
    """
    BINDINGS = [
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
        Binding("ctrl+s", "apply", S.KEY_OK, key_display="Ctrl+S"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, query: JournalQuery, users: list[str]) -> None:
        super().__init__()
        self.query_state = query
        self.users = users

    def compose(self) -> ComposeResult:
        q = self.query_state
        users = [(u, u or S.JOURNAL_NO_USER) for u in self.users]
        fields: tuple[tuple[str, Any], ...] = (
            (S.JOURNAL_F_FROM, DateField(format_date(q.date_from), id="from")),
            (S.JOURNAL_F_TO, DateField(format_date(q.date_to), id="to")),
            (S.JOURNAL_F_USER, ChoiceField(users, id="user", title=S.JOURNAL_F_USER,
                                           value=[] if q.user is None else [q.user])),
            (S.JOURNAL_F_SECTION, ChoiceField(list(S.JOURNAL_SECTIONS.items()), id="section",
                                              title=S.JOURNAL_F_SECTION,
                                              value=[q.section] if q.section else [])),
        )
        with Vertical():
            yield Label(S.JOURNAL_FILTER_TITLE, classes="section-title")
            for label, field in fields:
                with Horizontal(classes="row"):
                    yield Label(label)
                    yield field
            yield Static("", id="journal-filter-error")
            with Horizontal(classes="buttons"):
                yield Button(S.KEY_OK, variant="primary", id="apply")
                yield Button(S.KEY_RESET_FILTER, id="reset")
                yield Button(S.KEY_CANCEL, id="cancel")

    def on_mount(self) -> None:
        self.query_one("#from").focus()

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        dates = []
        for name in ("from", "to"):
            text = self.query_one(f"#{name}", DateField).value.strip()
            try:
                dates.append(parse_date(text))
            except ValueError as exc:
                self.query_one("#journal-filter-error", Static).update(plain(exc))
                self.query_one(f"#{name}").focus()
                return
        user = self.query_one("#user", ChoiceField).value
        self.dismiss(JournalQuery(date_from=dates[0], date_to=dates[1],
                                  user=user[0] if user else None,
                                  section=self.query_one("#section", ChoiceField).single))

    @on(Button.Pressed, "#reset")
    def _reset(self) -> None:
        self.dismiss(JournalQuery())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
