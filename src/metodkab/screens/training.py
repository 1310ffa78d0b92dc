"""Повышение квалификации (F3): the register of all trainings (search, filter, pages) and
group entry of one course for several people.

The forms are in training_forms.py, the list of people overdue for training in
training_overdue.py; a person's trainings are on the person's card.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Header, Label, Static

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.parse import format_date
from metodkab.screens.base import AppScreen
from metodkab.screens.training_forms import (GroupTrainingFormScreen, TrainingFormScreen,
                                             ask_delete_training)
from metodkab.screens.training_overdue import OverdueScreen, open_card
from metodkab.storage import training as store_t
from metodkab.storage.settings import report_date
from metodkab.storage.training import TrainingQuery, TrainingRow
from metodkab.widgets.fields import ChoiceField, TextField
from metodkab.widgets.register import search_keys
from metodkab.widgets.table import column_widths, current_key, fit_name
from metodkab.widgets.text import plain_row

REGISTER_FIXED = {"hours": 4, "end": 10, "kind": 3, "marks": 3}
REGISTER_SHARES = {"name": 0.37, "title": 0.63}
REGISTER_SHARES_WIDE = {"name": 0.26, "title": 0.52, "provider": 0.22}
REGISTER_TITLES = {"name": S.TR_COL_NAME, "title": S.TR_COL_TITLE, "provider": S.TR_COL_PROVIDER,
                   "hours": S.TR_COL_HOURS, "end": S.TR_COL_END, "kind": S.TR_COL_KIND,
                   "marks": S.TR_COL_MARKS}
YES_NO_ANY = [("yes", S.YES.lower()), ("no", S.NO.lower())]


def register_columns(width: int) -> tuple[str, ...]:
    if width >= 110:
        return ("name", "title", "provider", "hours", "end", "kind", "marks")
    return ("name", "title", "hours", "end", "kind", "marks")


def load_register(store, query: TrainingQuery) -> tuple[list[TrainingRow], tuple[int, int],
                                                        dt.date]:
    day = report_date(store)
    return (store_t.list_trainings(store, query, day), store_t.count_trainings(store, query, day),
            day)


class TrainingScreen(AppScreen):
    """The register: every training of the school, newest first."""

    SCREEN_TITLE = S.TR_TITLE
    DEFAULT_CSS = """
    TrainingScreen #search { margin: 0 1; width: 1fr; }
    TrainingScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    TrainingScreen #status.-empty { height: auto; }
    TrainingScreen #tr-table { height: 1fr; overflow-x: hidden; }
    """
    BINDINGS = [
        Binding("insert", "add", S.KEY_ADD, key_display="Ins", id="add"),
        Binding("ctrl+g", "group", S.TR_KEY_GROUP, key_display="Ctrl+G", id="group"),
        Binding("ctrl+l", "overdue", S.TR_KEY_OVERDUE, key_display="Ctrl+L", id="overdue"),
        Binding("ctrl+f", "filter", S.KEY_FILTER, key_display="Ctrl+F", id="filter"),
        Binding("f4", "open", S.KEY_OPEN, key_display="Enter/F4", id="open", show=False),
        Binding("delete", "remove", S.KEY_DELETE, key_display="Del", id="remove", show=False),
        Binding("ctrl+k", "card", S.TR_KEY_CARD, key_display="Ctrl+K", id="card", show=False),
        Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", show=False,
                id="export", priority=True),     # also from the search box
        Binding("ctrl+pagedown", "page(1)", S.KEY_NEXT_PAGE, key_display="Ctrl+PgDn",
                show=False, priority=True),
        Binding("ctrl+pageup", "page(-1)", S.KEY_PREV_PAGE, key_display="Ctrl+PgUp",
                show=False, priority=True),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = TrainingQuery()
        self.rows: list[TrainingRow] = []
        self.total = (0, 0)
        self.day: dt.date | None = None
        self._columns: tuple[str, ...] = ()
        self._keep_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield TextField(placeholder=S.TR_SEARCH_PLACEHOLDER, id="search")
        yield Static("", id="status")
        yield DataTable(id="tr-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search").focus()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.reload()

    def on_resize(self) -> None:
        if self.day is not None:
            self._fill(current_key(self.query_one(DataTable)))

    # --- loading ----------------------------------------------------------------------------
    def set_query(self, **changes: Any) -> None:
        self.query_state = replace(self.query_state, offset=0, **changes)
        self.reload()

    def reload(self) -> None:
        # Taken now: overlapping reloads each put the cursor back where it was.
        keep = self._keep_id or current_key(self.query_one(DataTable))
        self._keep_id = None
        self.run_db(load_register, self.query_state, done=lambda result: self._loaded(result, keep),
                    group="tr-list", exclusive=True)

    def _loaded(self, result, keep: str | None = None) -> None:
        self.rows, self.total, self.day = result
        self._fill(keep)

    def _fill(self, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        width = self.size.width or 80
        self._columns = register_columns(width)
        shares = REGISTER_SHARES_WIDE if "provider" in self._columns else REGISTER_SHARES
        widths = column_widths(width, REGISTER_FIXED, shares, self._columns)
        table.clear(columns=True)
        for key in self._columns:
            table.add_column(REGISTER_TITLES[key], key=key, width=widths[key])
        for row in self.rows:
            style = "dim" if row.dismissed else ""
            planned = self.day is not None and row.end_date > self.day
            cells = {
                "name": Text(fit_name(row.name, widths["name"]), style=style),
                "title": Text(row.title, style=style),
                "provider": Text(row.provider, style=style),
                "hours": Text(str(row.hours), justify="right"),
                "end": Text(format_date(row.end_date), style="italic" if planned else ""),
                "kind": Text(row.kind_short),
                "marks": Text(row.marks, style="bold"),
            }
            table.add_row(*plain_row(*(cells[k] for k in self._columns)), key=row.id)
        if keep:
            try:
                table.move_cursor(row=table.get_row_index(keep))
            except Exception:
                pass
        self._update_status()

    def _update_status(self) -> None:
        q = self.query_state
        parts = []
        if q.year:
            parts.append(str(q.year))
        parts += [v for v in (q.kind, q.form, q.provider, q.topic) if v]
        for flag, yes, no in ((q.federal, S.TR_FILTER_FEDERAL_SHORT, S.TR_FILTER_NOT_FEDERAL),
                              (q.by_diagnostics, S.TR_FILTER_BY_DIAG_SHORT,
                               S.TR_FILTER_NOT_BY_DIAG)):
            if flag is not None:
                parts.append(yes if flag else no)
        records, people = self.total
        text = S.TR_SHOWN.format(shown=len(self.rows), total=records, people=people)
        pages = max(1, -(-records // q.limit))
        if pages > 1:
            text += ", " + S.TR_PAGE.format(page=q.offset // q.limit + 1, pages=pages)
        if parts:
            text = S.TR_FILTER_SUMMARY.format(text=", ".join(parts)) + " · " + text
        if not self.rows:
            text += " · " + S.TR_EMPTY
        status = self.query_one("#status", Static)
        status.set_class(not self.rows, "-empty")      # the hint in full: the list is empty
        status.update(text)

    # --- search -----------------------------------------------------------------------------
    @on(TextField.Changed, "#search")
    def _search(self, event: TextField.Changed) -> None:
        self.set_query(search=event.value)

    @on(TextField.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event) -> None:
        search_keys(event, self.query_one("#search", TextField), self.query_one(DataTable))

    # --- actions ----------------------------------------------------------------------------
    def _current(self) -> TrainingRow | None:
        key = current_key(self.query_one(DataTable))
        return next((r for r in self.rows if r.id == key), None)

    def _saved(self, record_id: str | None) -> None:
        if record_id:
            self._keep_id = record_id

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self._current()
        if row is not None:
            self._keep_id = row.id
            self.app.push_screen(TrainingFormScreen(row.id), callback=self._saved)

    def action_add(self) -> None:
        self.app.push_screen(TrainingFormScreen(), callback=self._saved)

    def action_group(self) -> None:
        self.app.push_screen(GroupTrainingFormScreen(), callback=self._group_saved)

    def _group_saved(self, group_id: str | None) -> None:
        if group_id:
            self.run_db(store_t.group_size, group_id,
                        done=lambda n: self.notify(S.TR_GROUP_SAVED.format(count=n)))

    def action_card(self) -> None:
        row = self._current()
        if row is not None:
            open_card(self.app, row.staff_id, "courses")

    def action_remove(self) -> None:
        row = self._current()
        if row is not None:
            ask_delete_training(self, row, self.reload)

    def action_overdue(self) -> None:
        self.app.push_screen(OverdueScreen())

    def action_export(self) -> None:
        """The register as searched, filtered and sorted — every page — into Excel."""
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_trainings

        start_export(self, export_trainings, self.query_state, title=S.XLS_KEY_EXPORT)

    def action_page(self, step: int) -> None:
        q = self.query_state
        offset = q.offset + step * q.limit
        if 0 <= offset < self.total[0]:
            self.query_state = replace(q, offset=offset)
            self.reload()

    def action_filter(self) -> None:
        def chosen(query: TrainingQuery | None) -> None:
            if query is not None:
                self.query_state = replace(query, search=self.query_state.search, offset=0)
                self.reload()

        self.run_db(store_t.filter_options, done=lambda options: self.app.push_screen(
            TrainingFilterDialog(self.query_state, options), callback=chosen))

    def action_back(self) -> None:
        search = self.query_one("#search", TextField)
        if search.value:
            search.value = ""
            search.focus()
            return
        self.app.action_section("dashboard")


def _flag_key(value: bool | None) -> list[str]:
    return [] if value is None else ["yes" if value else "no"]


def _flag_value(key: str | None) -> bool | None:
    return None if key is None else key == "yes"


class TrainingFilterDialog(ModalScreen[TrainingQuery | None]):
    """Ctrl+F: which trainings to show."""

    DEFAULT_CSS = """
    TrainingFilterDialog { align: center middle; }
    TrainingFilterDialog > Vertical {
        width: 72; max-width: 98%; height: auto; border: thick $primary;
        background: $surface; padding: 0 1;
    }
    TrainingFilterDialog .row { height: 1; margin-bottom: 1; }
    TrainingFilterDialog .row > Label { width: 24; color: $text-muted; }
    TrainingFilterDialog .buttons { height: auto; }
    TrainingFilterDialog Button { margin-right: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
        Binding("ctrl+s", "apply", S.KEY_OK, key_display="Ctrl+S"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, query: TrainingQuery, options: dict[str, list[str]]) -> None:
        super().__init__()
        self.query_state = query
        self.options = options

    def compose(self) -> ComposeResult:
        q = self.query_state

        def chosen(value: Any) -> list[str]:
            return [] if value is None else [str(value)]

        fields = (
            (S.TR_FILTER_YEAR, ChoiceField(self.options["years"], value=chosen(q.year),
                                           id="year", title=S.TR_FILTER_YEAR)),
            (S.TR_FILTER_PROVIDER, ChoiceField(self.options["providers"], id="provider",
                                               value=chosen(q.provider),
                                               title=S.TR_FILTER_PROVIDER)),
            (S.TR_FILTER_KIND, ChoiceField(V.TRAINING_KINDS, value=chosen(q.kind), id="kind",
                                           title=S.TR_FILTER_KIND)),
            (S.TR_FILTER_FORM, ChoiceField(V.TRAINING_FORMS, value=chosen(q.form), id="form",
                                           title=S.TR_FILTER_FORM)),
            (S.TR_FILTER_FEDERAL, ChoiceField(YES_NO_ANY, value=_flag_key(q.federal),
                                              id="federal", title=S.TR_FILTER_FEDERAL)),
            (S.TR_FILTER_BY_DIAG, ChoiceField(YES_NO_ANY, value=_flag_key(q.by_diagnostics),
                                              id="by_diag", title=S.TR_FILTER_BY_DIAG)),
            (S.TR_FILTER_TOPIC, ChoiceField(V.TRAINING_TOPICS, value=chosen(q.topic),
                                            id="topic", title=S.TR_FILTER_TOPIC)),
        )
        with Vertical():
            yield Label(S.TR_FILTER_TITLE, classes="section-title")
            for label, field in fields:
                with Horizontal(classes="row"):
                    yield Label(label)
                    yield field
            with Horizontal(classes="buttons"):
                yield Button(S.KEY_OK, variant="primary", id="apply")
                yield Button(S.KEY_RESET_FILTER, id="reset")
                yield Button(S.KEY_CANCEL, id="cancel")

    def on_mount(self) -> None:
        self.query_one("#year").focus()

    def _result(self) -> TrainingQuery:
        def get(name: str) -> str | None:
            return self.query_one(f"#{name}", ChoiceField).single

        year = get("year")
        return replace(self.query_state, year=int(year) if year else None,
                       provider=get("provider"), kind=get("kind"), form=get("form"),
                       federal=_flag_value(get("federal")),
                       by_diagnostics=_flag_value(get("by_diag")), topic=get("topic"))

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        self.dismiss(self._result())

    @on(Button.Pressed, "#reset")
    def _reset(self) -> None:
        self.dismiss(TrainingQuery(search=self.query_state.search))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
