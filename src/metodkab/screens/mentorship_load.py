"""Наставничество → Ctrl+L: the load of each mentor, now and per school year; Enter shows
the mentor's pairs."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.reports import mentorship as rules
from metodkab.screens.base import AppScreen
from metodkab.storage import mentorship as store_m
from metodkab.storage.settings import report_date
from metodkab.widgets.table import column_widths, current_key, fit_names, set_columns


LOAD_FIXED = {"now": 5, "mentees": 5, "year": 7, "total": 5}


def load_table(store):
    return store_m.mentor_load(store, report_date(store))


class MentorLoadScreen(AppScreen):
    """Pairs per mentor now and per school year; Enter shows the mentor's pairs."""

    SCREEN_TITLE = S.MENT_LOAD_TITLE
    DEFAULT_CSS = """
    MentorLoadScreen #load-note { height: auto; padding: 0 1; color: $text-muted; }
    MentorLoadScreen #load-table { height: 1fr; }
    """
    BINDINGS = [
        Binding("f4", "open", S.MENT_KEY_MENTOR_PAIRS, key_display="Enter/F4", id="open"),
        Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", show=False,
                id="export"),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[store_m.LoadRow] = []
        self.years: list[int] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.MENT_LOAD_TITLE, classes="section-title")
        yield Static(S.MENT_LOAD_NOTE, id="load-note")
        yield DataTable(id="load-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.run_db(load_table, done=self._loaded, group="ment-load", exclusive=True)

    def _loaded(self, result) -> None:
        self.years, self.rows = result
        self._fill()

    def on_resize(self) -> None:
        if self.years:
            self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        order = ("name", "now", "mentees", *(f"y{y}" for y in self.years), "total")
        fixed = {"now": LOAD_FIXED["now"], "mentees": LOAD_FIXED["mentees"],
                 "total": LOAD_FIXED["total"], **{f"y{y}": LOAD_FIXED["year"] for y in self.years}}
        widths = column_widths(self.size.width or 80, fixed, {"name": 1.0}, order)
        titles = {"name": S.MENT_LOAD_COL_NAME, "now": S.MENT_LOAD_COL_NOW,
                  "mentees": S.MENT_LOAD_COL_MENTEES, "total": S.MENT_LOAD_COL_TOTAL,
                  **{f"y{y}": rules.academic_year_label(y) for y in self.years}}
        set_columns(table, order, titles, widths)
        names = fit_names((row.name for row in self.rows), widths["name"])
        for row, name in zip(self.rows, names):
            table.add_row(name,
                          Text(str(row.now_pairs), style="bold" if row.now_pairs else "dim"),
                          str(row.now_mentees), *(str(n) for n in row.per_year), str(row.total),
                          key=row.mentor_id)
        if not self.rows:
            table.add_row(Text(S.MENT_LOAD_EMPTY, style="dim"), *[""] * (len(order) - 1),
                          key="\0")

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        key = current_key(self.query_one(DataTable))
        row = next((r for r in self.rows if r.mentor_id == key), None)
        if row is not None:
            self.dismiss((row.mentor_id, row.name))

    def action_export(self) -> None:
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_mentor_load

        start_export(self, export_mentor_load, title=S.XLS_KEY_EXPORT)

    def action_back(self) -> None:
        self.dismiss(None)
