"""The person card's «Достижения» tab: the person's achievements and methodical work, and
their short learning (самообразование, kept apart from ПК). Ins, Enter/F4 and Del act on
the list with the cursor; the widget loads and saves on its own, so the card only
places it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.screens.achievement_forms import (AchievementFormScreen, LearningFormScreen,
                                                achievement_cells, ask_delete_achievement)
from metodkab.screens.base import DbCalls
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.storage import achievements as store_g
from metodkab.storage.achievements import PersonGrowth, format_hours
from metodkab.storage.settings import report_date
from metodkab.widgets.table import (
    column_widths,
    current_key,
    cursor_keys,
    restore_cursor,
    set_columns,
)
from metodkab.widgets.text import plain_row

TABLES = ("ach-table", "learn-table")
ACH_FIXED = {"date": 10, "kind": 12, "level": 7, "result": 10}
ACH_SHARES = {"title": 1.0}
LEARN_FIXED = {"date": 10, "kind": 11, "hours": 5}
LEARN_SHARES = {"title": 0.65, "platform": 0.35}
TITLES = {"date": S.GR_COL_DATE, "kind": S.GR_COL_KIND, "level": S.GR_COL_LEVEL,
          "title": S.GR_COL_TITLE, "result": S.GR_COL_RESULT, "hours": S.GR_COL_HOURS,
          "platform": S.GR_COL_PLATFORM}


def load_growth(store, staff_id: str) -> PersonGrowth:
    return store_g.person_growth(store, staff_id, report_date(store))


def summary_text(growth: PersonGrowth) -> str:
    return S.GR_CARD_SUMMARY.format(achievements=len(growth.achievements),
                                    learning=len(growth.learning),
                                    hours=format_hours(growth.learning_hours))


class GrowthTab(DbCalls, Vertical):
    """Achievements and short learning of one person."""

    DEFAULT_CSS = """
    GrowthTab { height: 1fr; }
    GrowthTab DataTable { height: 1fr; overflow-x: hidden; }
    """
    BINDINGS = [
        Binding("insert", "add", S.KEY_ADD, key_display="Ins"),
        Binding("f4", "open", S.KEY_OPEN, key_display="Enter/F4", show=False),
        Binding("delete", "remove", S.KEY_DELETE, key_display="Del", show=False),
    ]

    def __init__(self, staff_id: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.staff_id = staff_id
        self.growth: PersonGrowth | None = None
        self._keep: dict[str, str | None] = {}

    def compose(self) -> ComposeResult:
        yield Static("", classes="card-info", id="growth-summary")
        yield Static(S.GR_CARD_ACHIEVEMENTS, classes="card-list-title")
        yield DataTable(id="ach-table", cursor_type="row", zebra_stripes=True)
        yield Static(S.GR_CARD_LEARNING, classes="card-list-title")
        yield DataTable(id="learn-table", cursor_type="row", zebra_stripes=True)
        yield Static(S.GR_CARD_HINT, classes="card-hint")

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        keep = cursor_keys(self.query(DataTable), self._keep)
        self.run_db(load_growth, self.staff_id, done=lambda g: self._show(g, keep),
                    group="person-growth", exclusive=True)

    def on_resize(self) -> None:
        if self.growth is not None:
            self._show(self.growth, cursor_keys(self.query(DataTable)))

    def _show(self, growth: PersonGrowth, keep: dict[str, str | None]) -> None:
        self.growth = growth
        self.query_one("#growth-summary", Static).update(summary_text(growth))
        width = self.size.width or 80
        table = self.query_one("#ach-table", DataTable)
        columns = ("date", "kind", "level", "title", "result")
        widths = column_widths(width, ACH_FIXED, ACH_SHARES, columns)
        self._columns(table, columns, widths)
        for row in growth.achievements:
            cells = achievement_cells(row, widths)
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=row.id)
        restore_cursor(table, keep)
        table = self.query_one("#learn-table", DataTable)
        columns = ("date", "kind", "title", "platform", "hours")
        widths = column_widths(width, LEARN_FIXED, LEARN_SHARES, columns)
        self._columns(table, columns, widths)
        for item in growth.learning:
            cells = {"date": Text(format_date(item.date)), "kind": Text(item.kind),
                     "title": Text(item.title), "platform": Text(item.platform),
                     "hours": Text(format_hours(item.hours), justify="right")}
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=item.id)
        restore_cursor(table, keep)

    @staticmethod
    def _columns(table: DataTable, columns: tuple[str, ...], widths: dict[str, int]) -> None:
        set_columns(table, columns, TITLES, widths)

    # --- actions ----------------------------------------------------------------------------
    def _table(self) -> DataTable:
        focused = self.screen.focused
        if isinstance(focused, DataTable) and focused.id in TABLES:
            return focused
        return self.query_one("#ach-table", DataTable)

    def _after(self, table: DataTable):
        def saved(record_id: str | None) -> None:
            if record_id:
                self._keep[table.id or ""] = record_id
            self.reload()

        return saved

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.data_table)

    def action_open(self) -> None:
        self._open(self._table())

    def _open(self, table: DataTable) -> None:
        key = current_key(table)
        if key is None:
            return
        form = AchievementFormScreen(key) if table.id == "ach-table" else LearningFormScreen(key)
        self.app.push_screen(form, callback=self._after(table))

    def action_add(self) -> None:
        table = self._table()
        initial = {"staff_id": self.staff_id}
        form = (AchievementFormScreen(initial=initial) if table.id == "ach-table"
                else LearningFormScreen(initial=initial))
        self.app.push_screen(form, callback=self._after(table))

    def action_remove(self) -> None:
        table = self._table()
        key = current_key(table)
        if key is None or self.growth is None:
            return
        if table.id == "ach-table":
            row = next((r for r in self.growth.achievements if r.id == key), None)
            if row is not None:
                ask_delete_achievement(self, row, self.reload)
            return
        item = next((r for r in self.growth.learning if r.id == key), None)
        if item is not None:
            self.app.push_screen(
                ConfirmDialog(S.GR_LEARNING_DELETE.format(title=item.title,
                                                          date=format_date(item.date))),
                callback=lambda yes: yes and self.run_db(store_g.delete_learning, key,
                                                         done=lambda _: self.reload()))
