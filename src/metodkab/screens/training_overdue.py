"""Повышение квалификации: who is overdue for training on the report date, and who will be
within six months (Ctrl+L in the register)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date, format_end
from metodkab.reports import indicators as ri
from metodkab.screens.base import TableScreen
from metodkab.screens.training_forms import GroupTrainingFormScreen, TrainingFormScreen
from metodkab.storage import training as store_t
from metodkab.storage.settings import report_date
from metodkab.storage.training import OverdueLists, OverdueRow
from metodkab.widgets.table import column_widths, current_key, fit_name, move_to_key, set_columns
from metodkab.widgets.text import plain_row


def open_card(app, staff_id: str, tab: str = "main") -> None:
    from metodkab.screens.person_card import PersonCardScreen

    app.push_screen(PersonCardScreen(staff_id, tab=tab))


OVERDUE_FIXED = {"last": 10, "since": 12, "planned": 10}
OVERDUE_SHARES = {"name": 0.6, "positions": 0.4}
OVERDUE_TITLES = {"name": S.TR_COL_NAME, "positions": S.TR_COL_POSITIONS,
                  "last": S.TR_COL_LAST, "since": S.TR_COL_SINCE, "planned": S.TR_COL_PLANNED}


def overdue_columns(width: int) -> tuple[str, ...]:
    if width >= 100:
        return ("name", "positions", "last", "since", "planned")
    return ("name", "last", "since", "planned")


def load_overdue(store) -> OverdueLists:
    return store_t.overdue_lists(store, report_date(store))


class OverdueScreen(TableScreen):
    """Who is overdue for training on the report date, and who will be within 6 months."""

    SCREEN_TITLE = S.TR_TITLE
    ROW_KEY = "staff_id"
    DEFAULT_CSS = """
    OverdueScreen #od-summary { height: auto; padding: 0 1; }
    OverdueScreen #od-table { height: 1fr; overflow-x: hidden; }
    OverdueScreen #od-hint { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("insert", "add", S.TR_KEY_ADD_FOR, key_display="Ins", id="add"),
        Binding("ctrl+g", "group", S.TR_KEY_GROUP_FOR, key_display="Ctrl+G", id="group"),
        Binding("f4", "open", S.TR_KEY_CARD, key_display="Enter/F4", id="open", show=False),
        Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", show=False,
                id="export"),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.lists: OverdueLists | None = None
        self.rows: list[OverdueRow] = []
        self._keep_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.TR_OVERDUE_TITLE, classes="section-title")
        yield Static(S.LOADING, id="od-summary")
        yield DataTable(id="od-table", cursor_type="row", zebra_stripes=True)
        yield Static(S.TR_OVERDUE_HINT, id="od-hint")
        yield Footer()

    def reload(self) -> None:
        keep = self._keep_id or current_key(self.query_one(DataTable))
        self._keep_id = None
        self.run_db(load_overdue, done=lambda lists: self._loaded(lists, keep),
                    group="tr-overdue", exclusive=True)

    def on_resize(self) -> None:
        if self.lists is not None:
            self._fill(current_key(self.query_one(DataTable)))

    def _loaded(self, lists: OverdueLists, keep: str | None = None) -> None:
        self.lists = lists
        self.rows = [*lists.overdue, *lists.soon]
        self._fill(keep)

    def _fill(self, keep: str | None = None) -> None:
        lists = self.lists
        if lists is None:
            return
        # The count is the indicator's (P(D)); part-timers are listed, marked, apart.
        outside = [r for r in lists.overdue if r.excluded]
        summary = S.TR_OVERDUE_SUMMARY.format(
            date=format_date(lists.day), years=ri.years_genitive(lists.period_years),
            overdue=len(lists.overdue) - len(outside), months=lists.months,
            soon=len(lists.soon))
        if outside:
            summary += S.TR_OVERDUE_OUTSIDE.format(
                count=len(outside), why="; ".join(sorted({r.excluded for r in outside})))
        self.query_one("#od-summary", Static).update(summary)
        table = self.query_one(DataTable)
        width = self.size.width or 80
        columns = overdue_columns(width)
        widths = column_widths(width, OVERDUE_FIXED, OVERDUE_SHARES, columns)
        set_columns(table, columns, OVERDUE_TITLES, widths)
        for row in self.rows:
            since = (Text(S.TR_NEVER, style="bold red") if row.overdue_from is None else
                     Text(S.TR_CLARIFY_END, style="bold yellow") if row.clarify else
                     Text(format_date(row.overdue_from), style="yellow") if row.soon else
                     # «!» too: a 16-colour terminal shows no red and yellow apart
                     Text(S.STAFF_OVERDUE_MARK + format_date(row.overdue_from),
                          style="bold red"))
            cells = {
                "name": (Text(fit_name(row.name, widths["name"] - 2) + " " + S.STAFF_NOT_IN_P,
                              style="dim") if row.excluded
                         else Text(fit_name(row.name, widths["name"]))),
                "positions": Text(row.positions),
                "last": Text(format_end(row.last_end, row.last_precision) or S.TR_NONE,
                             style="" if row.last_end else "dim"),
                "since": since,
                "planned": Text(format_date(row.planned_end), style="green"),
            }
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=row.staff_id)
        move_to_key(table, keep)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self.current_row()
        if row is not None:
            self._keep_id = row.staff_id
            open_card(self.app, row.staff_id, "courses")

    def action_add(self) -> None:
        row = self.current_row()
        if row is not None:
            self._keep_id = row.staff_id
            self.app.push_screen(TrainingFormScreen(initial={"staff_id": row.staff_id}))

    def action_group(self) -> None:
        """Group entry with everyone overdue now already chosen."""
        if self.lists is None:
            return
        people = [r.staff_id for r in self.lists.overdue]
        self.app.push_screen(GroupTrainingFormScreen(people=people))

    def action_export(self) -> None:
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_overdue

        start_export(self, export_overdue, title=S.XLS_KEY_EXPORT)

    def action_back(self) -> None:
        self.dismiss()
