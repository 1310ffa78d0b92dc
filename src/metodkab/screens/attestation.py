"""Аттестация (F5): the schedule on the report date — categories ending within 6 months (red
under 3), people without a category due for conformity attestation (СЗД), and people who
may apply for высшая or педагог-методист / педагог-наставник.

The register pattern (widgets/register.py) with three lists: one search box filters every
tab by name, the status line counts each tab, each tab keeps its cursor across reloads.
Enter opens the person's card on «Категории и аттестация»; Ins adds the record the tab is
about (a category, or an СЗД) for the person under the cursor.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane, Tabs

from metodkab import strings as S
from metodkab.domain.parse import format_date, format_end
from metodkab.reports import indicators as ri
from metodkab.screens.attestation_forms import CategoryFormScreen, ConformityFormScreen
from metodkab.screens.base import AppScreen
from metodkab.storage import attestation as store_a
from metodkab.storage.attestation import Schedule, ScheduleQuery
from metodkab.storage.settings import report_date
from metodkab.widgets.fields import TextField
from metodkab.widgets.keys import BACK_KEY, EXPORT_KEY
from metodkab.widgets.register import Register
from metodkab.widgets.table import column_widths, current_key, fit_name
from metodkab.widgets.text import plain_row

TABS = ("expiring", "conformity", "eligible")
TAB_TABLE = {"expiring": "exp-table", "conformity": "conf-due-table", "eligible": "elig-table"}
TAB_KEYS = tuple(str(i) for i in range(1, len(TABS) + 1))
SHORT = S.STAFF_CATEGORY_SHORT

EXP_FIXED = {"category": 9, "until": 11, "apply": 11}    # «!23.01.2027»
EXP_SHARES = {"name": 0.6, "position": 0.4}
EXP_TITLES = {"name": S.ATT_COL_NAME, "position": S.ATT_COL_POSITION,
              "category": S.ATT_COL_CATEGORY, "until": S.ATT_COL_UNTIL,
              "apply": S.ATT_COL_APPLY_BY}
CONF_FIXED = {"last": 10, "due": 10, "state": 14}
CONF_SHARES = {"name": 0.6, "position": 0.4}
CONF_TITLES = {"name": S.ATT_COL_NAME, "position": S.ATT_COL_POSITION,
               "last": S.ATT_COL_LAST_CONFORMITY, "due": S.ATT_COL_DUE,
               "state": S.ATT_COL_STATE}
ELIG_FIXED = {"holds": 9, "since": 10}
ELIG_SHARES = {"name": 0.4, "position": 0.25, "targets": 0.35}
ELIG_TITLES = {"name": S.ATT_COL_NAME, "position": S.ATT_COL_POSITION,
               "holds": S.ATT_COL_HOLDS, "since": S.ATT_COL_SINCE,
               "targets": S.ATT_COL_TARGETS}


def columns_for(tab: str, width: int) -> tuple[str, ...]:
    wide = width >= 100
    if tab == "expiring":
        return (("name", "position", "category", "until", "apply") if wide else
                ("name", "category", "until", "apply"))
    if tab == "conformity":
        return (("name", "position", "last", "due", "state") if wide else
                ("name", "last", "due", "state"))
    return (("name", "position", "holds", "since", "targets") if wide else
            ("name", "holds", "since", "targets"))


class NameSearch(TextField):
    """The schedule's search box: a name has no digits, so 1–3 stay the tab keys there."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key not in TAB_KEYS and super().check_consume_key(key, character)


def load_schedule(store, query: ScheduleQuery) -> tuple[Schedule, Schedule]:
    """The whole schedule (the summary, the «из» of each tab) and what the search finds."""
    plan = store_a.schedule(store, report_date(store))
    return plan, store_a.find_in_schedule(store, plan, query.search)


def row_key(tab: str, row) -> str:
    """A row's key in its tab (a person may stand twice: two positions, two categories)."""
    if tab == "expiring":
        return row.staff_id + row.position + row.category
    if tab == "eligible":
        return row.staff_id + row.position
    return row.staff_id


def urgent(flag: bool) -> str:
    return S.STAFF_OVERDUE_MARK if flag else ""


def state_text(state) -> Text:
    if state.state == "failed":
        return Text(S.ATT_STATE_FAILED, style="bold red")
    if state.state == "due":
        return Text(S.ATT_STATE_DUE, style="bold red")
    if state.state == "clarify":
        return Text(S.ATT_STATE_CLARIFY, style="bold yellow")
    if state.state == "soon":
        return Text(S.ATT_STATE_SOON, style="yellow")
    return Text(S.ATT_STATE_EXEMPT, style="dim")


class AttestationScreen(Register, AppScreen):
    SCREEN_TITLE = S.ATT_TITLE
    DEFAULT_CSS = """
    AttestationScreen #search { margin: 0 1; width: 1fr; }
    AttestationScreen #att-summary { height: auto; padding: 0 1; }
    AttestationScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    AttestationScreen #status.-empty { height: auto; }
    AttestationScreen TabbedContent { height: 1fr; }
    AttestationScreen TabPane { padding: 0; height: 1fr; }
    AttestationScreen DataTable { height: 1fr; overflow-x: hidden; }
    AttestationScreen .att-hint { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("insert", "add", S.ATT_KEY_ADD, key_display="Ins", id="add"),
        Binding("f4", "open", S.ATT_KEY_CARD, key_display="Enter/F4", id="open"),
        EXPORT_KEY,
        # 1–3 switch tabs from the search box too: a name has no digits.
        *(Binding(key, f"tab('{tab}')", S.ATT_KEY_TAB[tab], key_display=key, show=False,
                  priority=True) for key, tab in zip(TAB_KEYS, TABS)),
        Binding("ctrl+pagedown", "next_tab(1)", S.DEV_KEY_NEXT_TAB, key_display="Ctrl+PgDn",
                show=False, priority=True),
        Binding("ctrl+pageup", "next_tab(-1)", S.DEV_KEY_PREV_TAB, key_display="Ctrl+PgUp",
                show=False, priority=True),
        BACK_KEY,
    ]
    REGISTER_GROUP = "att-schedule"
    OPEN_ON_ENTER = True

    def __init__(self) -> None:
        super().__init__()
        self.query_state = ScheduleQuery()
        self.plan: Schedule | None = None        # everyone: the summary and each «из»
        self.data: Schedule | None = None        # what the search finds: the lists

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield NameSearch(placeholder=S.ATT_SEARCH_PLACEHOLDER, id="search")
        yield Static(S.LOADING, id="att-summary")
        yield Static("", id="status")
        with TabbedContent(id="att-tabs", initial="expiring"):
            with TabPane(S.ATT_TAB_LABELS["expiring"], id="expiring"):
                yield DataTable(id="exp-table", cursor_type="row", zebra_stripes=True)
                yield Static("", id="exp-hint", classes="att-hint")
            with TabPane(S.ATT_TAB_LABELS["conformity"], id="conformity"):
                yield DataTable(id="conf-due-table", cursor_type="row", zebra_stripes=True)
                yield Static("", id="conf-hint", classes="att-hint")
            with TabPane(S.ATT_TAB_LABELS["eligible"], id="eligible"):
                yield DataTable(id="elig-table", cursor_type="row", zebra_stripes=True)
                yield Static(S.ATT_ELIGIBLE_HINT, classes="att-hint")
        yield Footer()

    def on_mount(self) -> None:
        # Tab moves between the search box and the list only: letters typed on the tab
        # strip reached nothing (1–3 and Ctrl+PgDn/PgUp switch tabs).
        self.query_one("#att-tabs").query_one(Tabs).can_focus = False
        self.query_one("#exp-table").focus()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.reload()

    def on_resize(self) -> None:
        if self.data is not None:
            self.refill()

    # --- the register -------------------------------------------------------------------------
    @property
    def table(self) -> DataTable:
        return self.query_one(f"#{TAB_TABLE[self.tab]}", DataTable)

    def register_tables(self) -> list[DataTable]:
        return list(self.query(DataTable))

    def load_register(self, store, query: ScheduleQuery):
        return load_schedule(store, query)

    def take_result(self, result: tuple[Schedule, Schedule]) -> None:
        self.plan, self.data = result

    def rows_of(self, tab: str, plan: Schedule | None = None) -> list:
        plan = plan or self.data
        return [] if plan is None else getattr(plan, tab)

    @property
    def register_total(self) -> int:
        return len(self.rows_of(self.tab))      # one list per tab, no pages

    @property
    def register_empty(self) -> bool:
        return self.data is not None and not self.rows_of(self.tab)

    def status_text(self) -> str:
        if self.data is None or self.plan is None:
            return ""
        counts = {}
        for tab in TABS:
            counts[tab] = len(self.rows_of(tab))
            counts[f"{tab}_total"] = len(self.rows_of(tab, self.plan))
        text = S.ATT_SHOWN.format(**counts)
        if self.register_empty:
            text += " · " + (S.ATT_NOT_FOUND if self.rows_of(self.tab, self.plan) else
                             S.ATT_EMPTY[self.tab].format(months=self.plan.settings.warn_months))
        return text

    def fill_table(self, table: DataTable) -> None:
        """Every tab's list (the one in view and the two behind it) and the summary."""
        data, plan = self.data, self.plan
        assert data is not None and plan is not None
        self.query_one("#att-summary", Static).update(S.ATT_SUMMARY.format(
            date=format_date(plan.day), expiring=plan.ending, red=plan.red,
            clarify=S.ATT_SUMMARY_CLARIFY.format(count=plan.unclear) if plan.unclear else "",
            months=plan.settings.warn_months, red_months=plan.settings.red_months,
            due=plan.due, eligible=plan.candidates))
        self.query_one("#exp-hint", Static).update(      # the school's numbers, not 3 and 5
            S.ATT_EXPIRING_HINT.format(red_months=plan.settings.red_months))
        self.query_one("#conf-hint", Static).update(S.ATT_CONFORMITY_HINT.format(
            years=ri.years_text(plan.settings.conformity_years)))
        width = self.size.width or 80
        self._fill("expiring", EXP_FIXED, EXP_SHARES, EXP_TITLES, width, [{
            "name": Text(r.name),
            "position": Text(r.position),
            "category": Text(SHORT.get(r.category, r.category)),
            # «!» too, not red alone: a 16-colour terminal shows no red and yellow apart
            "until": Text(urgent(r.red) + (format_end(r.valid_until,
                                                      "year" if r.year_only else "day")
                                           or S.ATT_TERM_UNKNOWN),
                          style="bold red" if r.red else "yellow"),
            "apply": Text(S.ATT_STATE_CLARIFY, style="bold yellow") if r.clarify else
            Text(urgent(r.apply_by <= data.day) + format_date(r.apply_by),
                 style="bold red" if r.apply_by <= data.day else ""),
        } for r in data.expiring])
        self._fill("conformity", CONF_FIXED, CONF_SHARES, CONF_TITLES, width, [{
            "name": Text(r.name, style="dim" if r.state.state == "exempt" else ""),
            "position": Text(r.position),
            "last": Text(format_end(r.state.last, "year" if r.state.year_only else "day")
                         or S.ATT_NEVER, style="" if r.state.last else "dim"),
            "due": Text(format_end(r.state.due, "year") if r.state.year_only
                        else format_date(r.state.due or r.state.until)),
            "state": state_text(r.state),
        } for r in data.conformity])
        self._fill("eligible", ELIG_FIXED, ELIG_SHARES, ELIG_TITLES, width, [{
            "name": Text(r.name),
            "position": Text(r.position),
            "holds": Text(SHORT.get(r.holds, r.holds)),
            "since": Text(format_end(r.since, r.since_precision)),
            "targets": Text(", ".join(SHORT.get(t, t) for t in r.targets)
                            + (S.ATT_ELIGIBLE_CLARIFY if r.clarify else ""),
                            style="bold yellow" if r.clarify else "green"),
        } for r in data.eligible])

    def _fill(self, tab: str, fixed, shares, titles, width: int, cells_list) -> None:
        table = self.query_one(f"#{TAB_TABLE[tab]}", DataTable)
        columns = columns_for(tab, width)
        widths = column_widths(width, fixed, shares, columns)
        table.clear(columns=True)
        for key in columns:
            table.add_column(titles[key], key=key, width=widths[key])
        for row, cells in zip(self.rows_of(tab), cells_list):
            cells["name"] = Text(fit_name(cells["name"].plain, widths["name"]),
                                 style=cells["name"].style)
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=row_key(tab, row))

    # --- tabs -------------------------------------------------------------------------------
    @property
    def tab(self) -> str:
        return self.query_one("#att-tabs", TabbedContent).active or "expiring"

    def action_tab(self, tab: str) -> None:
        self.set_focus(None)         # a focused list in a hidden pane would switch back
        self.query_one("#att-tabs", TabbedContent).active = tab
        self.table.focus()

    def action_next_tab(self, step: int) -> None:
        self.action_tab(TABS[(TABS.index(self.tab) + step) % len(TABS)])

    @on(TabbedContent.TabActivated, "#att-tabs")
    def _activated(self) -> None:
        self.show_status()           # the empty hint speaks of the tab in view
        self.call_after_refresh(lambda: self.table.focus())

    # --- actions ----------------------------------------------------------------------------
    def _under_cursor(self):
        key = current_key(self.table)
        return next((r for r in self.rows_of(self.tab) if row_key(self.tab, r) == key), None)

    def current_row(self):
        """The row under the cursor of the tab in view (its cursor comes back to it)."""
        row = self._under_cursor()
        if row is not None:
            self.keep_cursor_on(row_key(self.tab, row))
        return row

    def history_target(self) -> tuple[str, str] | None:
        """Ctrl+Z: the person under the cursor (a row's key is no record's id)."""
        row = self._under_cursor()
        return ("staff", row.staff_id) if row is not None else None

    def action_open(self) -> None:
        row = self.current_row()
        if row is not None:
            self.app.open_person_card(row.staff_id, tab="attestation")

    def action_add(self) -> None:
        tab, row = self.tab, self.current_row()
        if row is None:
            return
        if tab == "conformity":
            initial = {"staff_id": row.staff_id, "position": row.position or None}
            self.app.push_screen(ConformityFormScreen(initial=initial))
            return
        initial = {"staff_id": row.staff_id, "position": row.position}
        if tab == "eligible":
            initial["category"] = row.targets[0]
        else:
            initial["category"] = row.category
        self.app.push_screen(CategoryFormScreen(initial=initial))

    def action_export(self) -> None:
        """All three tabs into one workbook, a sheet per tab, as the search leaves them."""
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_schedule

        start_export(self, export_schedule, self.query_state, title=S.XLS_KEY_EXPORT)

    def action_back(self) -> None:
        if not self.clear_search():
            self.app.action_section("dashboard")
