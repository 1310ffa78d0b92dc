"""Кадры: the staff register (search as you type, filters, sort, pages); the form and the
filter are in staff_form.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date, format_end, short_name
from metodkab.screens.base import AppScreen
from metodkab.screens.dialogs import (ActionChoiceDialog, ConfirmDialog, DateDialog,
                                      MessageDialog)
from metodkab.screens.staff_form import (SORT_LABELS, STATUS_LABELS, StaffFilterDialog,
                                         StaffFormScreen)
from metodkab.storage import staff as staff_store
from metodkab.storage.associations import association_choices
from metodkab.storage.settings import report_date
from metodkab.storage.staff import StaffQuery, StaffRow
from metodkab.widgets.fields import TextField
from metodkab.widgets.register import Register, shown_text
from metodkab.widgets.text import plain_row, say

CATEGORY_SHORT = S.STAFF_CATEGORY_SHORT
COLUMNS = ("name", "positions", "subjects", "category", "experience", "training")
FIXED_WIDTHS = {"category": 9, "experience": 4, "training": 11}
# Shares of the free width, and the least that keeps «Григорьева Т. В.» and «зам. директора»
# whole at 80 columns; subjects take the rest.
FLEX_SHARES = {"name": 0.38, "positions": 0.30}
FLEX_MIN = {"name": 16, "positions": 15}


def fit_cell(text: str, width: int) -> str:
    """A list cell ("учитель, заместитель директора") that fits ``width``: as it is if it
    fits, else with the usual school short forms (зам. директора, рус. яз.), else cut
    with an ellipsis, so a cut is never silent."""
    if len(text) <= width:
        return text
    short = ", ".join(S.STAFF_SHORT_FORMS.get(part, part) for part in text.split(", "))
    if len(short) <= width:
        return short
    return short[:max(width - 1, 0)].rstrip(" ,") + S.ELLIPSIS


def column_widths(total: int) -> dict[str, int]:
    """Column widths for a table ``total`` cells wide (cell padding and scrollbar included)."""
    padding = 2 * len(COLUMNS) + 2
    flex = max(total - padding - sum(FIXED_WIDTHS.values()), 30)
    widths = {k: max(int(flex * share), FLEX_MIN[k]) for k, share in FLEX_SHARES.items()}
    widths["subjects"] = max(flex - sum(widths.values()) - 2, 6)   # 2 spare for the table's edge
    return {**widths, **FIXED_WIDTHS}


def load_page(store, query: StaffQuery) -> tuple[list[StaffRow], int, dt.date]:
    day = report_date(store)
    return (staff_store.list_staff(store, query, day), staff_store.count_staff(store, query, day),
            day)


class StaffListScreen(Register, AppScreen):
    SCREEN_TITLE = S.STAFF_TITLE
    DEFAULT_CSS = """
    StaffListScreen #search { margin: 0 1; width: 1fr; }
    StaffListScreen #status { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    StaffListScreen #staff-table { height: 1fr; }
    """
    BINDINGS = [
        Binding("insert", "add", S.KEY_ADD, key_display="Ins", id="add"),
        Binding("f4", "open", S.KEY_OPEN, key_display="Enter/F4", id="open"),
        Binding("delete", "remove", S.KEY_DISMISS_OR_DELETE, key_display="Del", id="remove"),
        Binding("ctrl+f", "filter", S.KEY_FILTER, key_display="Ctrl+F", id="filter"),
        Binding("ctrl+r", "reverse", S.KEY_REVERSE, key_display="Ctrl+R", show=False),
        Binding("ctrl+t", "import_table", S.IMP_KEY_OPEN, key_display="Ctrl+T", show=False,
                id="import"),
        Binding("ctrl+e", "export", S.IND_KEY_EXPORT, key_display="Ctrl+E", show=False,
                id="export", priority=True),     # also from the search box
        Binding("ctrl+pagedown", "page(1)", S.KEY_NEXT_PAGE, key_display="Ctrl+PgDn",
                show=False),
        Binding("ctrl+pageup", "page(-1)", S.KEY_PREV_PAGE, key_display="Ctrl+PgUp",
                show=False),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back",
                show=False),      # the footer at 80 columns: the screen's own keys first
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = StaffQuery()
        self.total = 0
        self.rows: list[StaffRow] = []
        self.day: dt.date | None = None
        self._widths: dict[str, int] = {}
        # The filter came with a jump from the dashboard: it lasts until the user leaves
        # Кадры for another section (or drops it with Esc), unlike one set with Ctrl+F.
        self.drill_down = False
        self._own_query = StaffQuery()      # the user's filter, back once the jump's is gone

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield TextField(placeholder=S.STAFF_SEARCH_PLACEHOLDER, id="search")
        yield Static("", id="status")
        yield DataTable(id="staff-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self._build_columns()
        self.search_box.focus()
        self.app.mode_change_signal.subscribe(self, self._mode_changed)

    def _mode_changed(self, mode: str) -> None:
        if mode != "staff" and self.drill_down:
            self._drop_drill_down()
            self.search_box.value = ""

    def _drop_drill_down(self) -> None:
        self.drill_down = False
        self.query_state = replace(self._own_query, search="", offset=0)

    def on_resize(self) -> None:
        if column_widths(self.size.width) != self._widths:
            self.refill()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        filters, self.app.pending_staff_filter = self.app.pending_staff_filter, None
        if filters is not None:
            if not self.drill_down:
                self._own_query = self.query_state
            self.query_state = StaffQuery(**filters)
            self.drill_down = True
            self.search_box.value = ""
        self.reload()

    # --- the register -------------------------------------------------------------------
    REGISTER_GROUP = "staff-list"

    def load_register(self, store, query: StaffQuery):
        return load_page(store, query)

    def take_result(self, result: tuple[list[StaffRow], int, dt.date]) -> None:
        self.rows, self.total, self.day = result

    @property
    def register_total(self) -> int:
        return self.total

    def _build_columns(self) -> None:
        table = self.table
        self._widths = column_widths(self.size.width or 80)
        table.clear(columns=True)
        for key in COLUMNS:
            label = SORT_LABELS[key]
            if key == self.query_state.sort:
                label += " ▼" if self.query_state.descending else " ▲"
            table.add_column(label, key=key, width=self._widths[key])

    def fill_table(self, table: DataTable) -> None:
        self._build_columns()
        for row in self.rows:
            training = Text(format_end(row.last_training, row.last_training_precision)
                            or S.TR_NONE)
            if row.overdue and row.excluded:    # overdue, but not in the figure (P(D))
                training = Text(f"{S.STAFF_OVERDUE_MARK}{training.plain}{S.STAFF_NOT_IN_P}",
                                style="yellow")
            elif row.overdue:
                training = Text(f"{S.STAFF_OVERDUE_MARK}{training.plain}", style="bold red")
            shown = row.name
            if len(shown) > self._widths["name"]:     # narrow terminal: Фамилия И. О.
                shown = fit_cell(short_name(*(row.name.split(" ", 2) + ["", ""])[:3]),
                                 self._widths["name"])
            name = Text(shown, style="dim" if row.dismissed else "")
            table.add_row(
                *plain_row(name, fit_cell(row.positions, self._widths["positions"]),
                           fit_cell(row.subjects, self._widths["subjects"]),
                           CATEGORY_SHORT.get(row.category, row.category),
                           "" if row.experience is None else str(row.experience), training),
                key=row.id,
            )

    def status_text(self) -> str:
        q = self.query_state
        parts = [STATUS_LABELS[q.status]]
        if q.position:
            parts.append(q.position)
        if q.association_id:
            parts.append(S.STAFF_FILTER_ASSOCIATION.lower())
        if q.category:
            parts.append(S.STAFF_NO_CATEGORY if q.category == "нет" else q.category)
        if q.overdue:
            parts.append(S.STAFF_OVERDUE_SHORT)
        if q.young:
            parts.append(S.STAFF_YOUNG_SHORT)
        text = (S.STAFF_FILTER_SUMMARY.format(text=", ".join(parts)) + " · "
                + shown_text(len(self.rows), self.total, q, S.STAFF_SHOWN, S.STAFF_PAGE))
        if not self.rows:
            text += " · " + S.STAFF_EMPTY
        outside = sorted({r.excluded for r in self.rows if r.overdue and r.excluded})
        if outside:         # why a row marked † is not in the figures
            text += " · " + S.STAFF_NOT_IN_P + " " + "; ".join(outside)
        if self.drill_down:
            text += " · " + S.NAV_STAFF_DROP_FILTER
        return text

    # --- actions ------------------------------------------------------------------------
    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key == self.query_state.sort:
            self.set_query(descending=not self.query_state.descending)
        else:
            self.set_query(sort=key, descending=False)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._open_id(event.row_key.value)

    def _open_id(self, staff_id: str | None) -> None:
        if staff_id:
            self.keep_cursor_on(staff_id)
            from metodkab.screens.person_card import PersonCardScreen

            self.app.push_screen(PersonCardScreen(staff_id))

    def action_open(self) -> None:
        row = self.current_row()
        if row is not None:
            self._open_id(row.id)

    def action_add(self) -> None:
        self.app.push_screen(StaffFormScreen(), callback=self.keep_cursor_on)

    def action_import_table(self) -> None:
        from metodkab.screens.import_file import ImportScreen

        self.app.push_screen(ImportScreen())

    def action_export(self) -> None:
        """Ctrl+E: the filtered list — every page — into an Excel file."""
        from metodkab.screens.export import start_export
        from metodkab.screens.indicators_export import export_staff

        start_export(self, export_staff, self.query_state, title=S.IND_KEY_EXPORT)

    def action_reverse(self) -> None:
        self.set_query(descending=not self.query_state.descending)

    def action_filter(self) -> None:
        def chosen(query: StaffQuery | None) -> None:
            if query is not None:
                self.query_state = replace(query, search=self.query_state.search, offset=0)
                self.drill_down = False      # the user's own filter now: it stays
                self.reload()

        self.run_db(association_choices,
                    done=lambda assoc: self.app.push_screen(
                        StaffFilterDialog(self.query_state, assoc), callback=chosen))

    def action_back(self) -> None:
        if self.clear_search():
            return
        if self.drill_down:
            self._drop_drill_down()
            self.reload()
            return
        self.app.action_section("dashboard")

    def action_remove(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row.dismissed:
            actions = [("reinstate", S.KEY_REINSTATE), ("delete", S.STAFF_DELETE)]
        else:
            actions = [("dismiss", S.STAFF_DISMISS), ("delete", S.STAFF_DELETE)]

        def chosen(action: str | None) -> None:
            if action == "dismiss":
                self._ask_dismiss(row)
            elif action == "delete":
                self.run_db(staff_store.dependents, row.id,
                            done=lambda n: self._confirm_delete(row, n))
            elif action == "reinstate":
                self.app.push_screen(
                    ConfirmDialog(S.STAFF_REINSTATE_CONFIRM.format(name=row.name)),
                    callback=lambda yes: yes and self.run_db(
                        staff_store.reinstate, row.id, done=lambda _: self.reload()))

        self.app.push_screen(ActionChoiceDialog(S.STAFF_DELETE_TITLE.format(name=row.name),
                                                S.STAFF_DELETE_QUESTION, actions),
                             callback=chosen)

    def _ask_dismiss(self, row: StaffRow) -> None:
        def dated(day: dt.date | None) -> None:
            if day is None:
                return

            def done(_: None) -> None:
                say(self, S.STAFF_DISMISSED_DONE.format(name=row.name, date=format_date(day)))
                self.reload()

            self.run_db(staff_store.dismiss, row.id, day, done=done)

        self.app.push_screen(DateDialog(S.STAFF_DELETE_TITLE.format(name=row.name),
                                        S.STAFF_DISMISS_DATE, self.day), callback=dated)

    def _confirm_delete(self, row: StaffRow, dependents: int) -> None:
        if dependents:
            self.app.push_screen(MessageDialog(S.STAFF_DELETE_HAS_DEPS.format(count=dependents),
                                               title=row.name))
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.run_db(staff_store.delete_staff, row.id, done=lambda _: (
                    say(self, S.STAFF_DELETED_DONE.format(name=row.name)), self.reload()))

        self.app.push_screen(ConfirmDialog(S.STAFF_DELETE_CONFIRM.format(name=row.name)),
                             callback=answer)
