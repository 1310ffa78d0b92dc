"""Аттестация (F5): the schedule on the report date — categories ending within 6 months (red
under 3), people without a category due for conformity attestation (СЗД), and people who
may apply for высшая or педагог-методист / педагог-наставник.

Enter opens the person's card on «Категории и аттестация»; Ins adds the record the tab is
about (a category, or an СЗД) for the person under the cursor.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.screens.attestation_forms import CategoryFormScreen, ConformityFormScreen
from metodkab.screens.base import AppScreen
from metodkab.storage import attestation as store_a
from metodkab.storage.attestation import Schedule
from metodkab.storage.settings import report_date
from metodkab.widgets.table import column_widths, current_key, fit_name
from metodkab.widgets.text import plain_row

TABS = ("expiring", "conformity", "eligible")
TAB_TABLE = {"expiring": "exp-table", "conformity": "conf-due-table", "eligible": "elig-table"}
SHORT = S.STAFF_CATEGORY_SHORT

EXP_FIXED = {"category": 9, "until": 10, "apply": 10}
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


def load_schedule(store) -> Schedule:
    return store_a.schedule(store, report_date(store))


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


class AttestationScreen(AppScreen):
    SCREEN_TITLE = S.ATT_TITLE
    DEFAULT_CSS = """
    AttestationScreen #att-summary { height: auto; padding: 0 1; }
    AttestationScreen TabbedContent { height: 1fr; }
    AttestationScreen TabPane { padding: 0; height: 1fr; }
    AttestationScreen DataTable { height: 1fr; overflow-x: hidden; }
    AttestationScreen .att-hint { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("insert", "add", S.ATT_KEY_ADD, key_display="Ins", id="add"),
        Binding("f4", "open", S.ATT_KEY_CARD, key_display="Enter/F4", id="open"),
        Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", show=False,
                id="export"),
        *(Binding(str(i), f"tab('{tab}')", S.ATT_KEY_TAB[tab], key_display=str(i), show=False)
          for i, tab in enumerate(TABS, start=1)),
        Binding("ctrl+pagedown", "next_tab(1)", S.DEV_KEY_NEXT_TAB, key_display="Ctrl+PgDn",
                show=False, priority=True),
        Binding("ctrl+pageup", "next_tab(-1)", S.DEV_KEY_PREV_TAB, key_display="Ctrl+PgUp",
                show=False, priority=True),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.data: Schedule | None = None
        self._keep: dict[str, str | None] = {}
        self._restoring: dict[str, str | None] = {}

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, id="att-summary")
        with TabbedContent(id="att-tabs", initial="expiring"):
            with TabPane(S.ATT_TAB_LABELS["expiring"], id="expiring"):
                yield DataTable(id="exp-table", cursor_type="row", zebra_stripes=True)
                yield Static(S.ATT_EXPIRING_HINT, classes="att-hint")
            with TabPane(S.ATT_TAB_LABELS["conformity"], id="conformity"):
                yield DataTable(id="conf-due-table", cursor_type="row", zebra_stripes=True)
                yield Static(S.ATT_CONFORMITY_HINT, classes="att-hint")
            with TabPane(S.ATT_TAB_LABELS["eligible"], id="eligible"):
                yield DataTable(id="elig-table", cursor_type="row", zebra_stripes=True)
                yield Static(S.ATT_ELIGIBLE_HINT, classes="att-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#exp-table").focus()

    def _cursor_keys(self) -> dict[str, str | None]:
        return {table.id or "": self._keep.pop(table.id or "", None) or current_key(table)
                for table in self.query(DataTable)}

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        keep = self._cursor_keys()        # taken now: overlapping reloads each restore it
        self.run_db(load_schedule, done=lambda data: self._show(data, keep),
                    group="att-schedule", exclusive=True)

    def on_resize(self) -> None:
        if self.data is not None:
            self._show(self.data, self._cursor_keys())

    # --- filling ----------------------------------------------------------------------------
    def _show(self, data: Schedule, keep: dict[str, str | None] | None = None) -> None:
        self.data = data
        self._restoring = keep or {}
        self.query_one("#att-summary", Static).update(S.ATT_SUMMARY.format(
            date=format_date(data.day), expiring=data.ending, red=data.red,
            clarify=S.ATT_SUMMARY_CLARIFY.format(count=data.unclear) if data.unclear else "",
            months=data.settings.warn_months, red_months=data.settings.red_months,
            due=data.due, eligible=len(data.eligible)))
        width = self.size.width or 80
        self._fill("expiring", EXP_FIXED, EXP_SHARES, EXP_TITLES, width, [
            (r.staff_id + r.position + r.category, {
                "name": Text(r.name),
                "position": Text(r.position),
                "category": Text(SHORT.get(r.category, r.category)),
                "until": Text(format_date(r.valid_until) or S.ATT_TERM_UNKNOWN,
                              style="bold red" if r.red else "yellow"),
                "apply": Text(S.ATT_STATE_CLARIFY, style="bold yellow") if r.clarify else
                Text(format_date(r.apply_by), style="bold red" if r.apply_by <= data.day else ""),
            }) for r in data.expiring])
        self._fill("conformity", CONF_FIXED, CONF_SHARES, CONF_TITLES, width, [
            (r.staff_id, {
                "name": Text(r.name, style="dim" if r.state.state == "exempt" else ""),
                "position": Text(r.position),
                "last": Text(format_date(r.state.last) or S.ATT_NEVER,
                             style="" if r.state.last else "dim"),
                "due": Text(format_date(r.state.due or r.state.until)),
                "state": state_text(r.state),
            }) for r in data.conformity])
        self._fill("eligible", ELIG_FIXED, ELIG_SHARES, ELIG_TITLES, width, [
            (r.staff_id + r.position, {
                "name": Text(r.name),
                "position": Text(r.position),
                "holds": Text(SHORT.get(r.holds, r.holds)),
                "since": Text(format_date(r.since)),
                "targets": Text(", ".join(SHORT.get(t, t) for t in r.targets), style="green"),
            }) for r in data.eligible])

    def _fill(self, tab: str, fixed, shares, titles, width: int, rows) -> None:
        table = self.query_one(f"#{TAB_TABLE[tab]}", DataTable)
        columns = columns_for(tab, width)
        widths = column_widths(width, fixed, shares, columns)
        table.clear(columns=True)
        for key in columns:
            table.add_column(titles[key], key=key, width=widths[key])
        for key, cells in rows:
            if "name" in cells:
                cells["name"] = Text(fit_name(cells["name"].plain, widths["name"]),
                                     style=cells["name"].style)
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=key)
        keep = self._restoring.get(table.id or "")
        if keep:
            try:
                table.move_cursor(row=table.get_row_index(keep))
            except Exception:
                pass

    # --- tabs -------------------------------------------------------------------------------
    @property
    def tab(self) -> str:
        return self.query_one("#att-tabs", TabbedContent).active or "expiring"

    def action_tab(self, tab: str) -> None:
        self.set_focus(None)         # a focused list in a hidden pane would switch back
        self.query_one("#att-tabs", TabbedContent).active = tab
        self.query_one(f"#{TAB_TABLE[tab]}").focus()

    def action_next_tab(self, step: int) -> None:
        self.action_tab(TABS[(TABS.index(self.tab) + step) % len(TABS)])

    @on(TabbedContent.TabActivated, "#att-tabs")
    def _activated(self) -> None:
        self.call_after_refresh(lambda: self.query_one(f"#{TAB_TABLE[self.tab]}").focus())

    # --- actions ----------------------------------------------------------------------------
    def _current(self):
        """(tab, row) under the cursor of the active tab."""
        if self.data is None:
            return self.tab, None
        table = self.query_one(f"#{TAB_TABLE[self.tab]}", DataTable)
        key = current_key(table)
        if key is None:
            return self.tab, None
        self._keep[table.id or ""] = key
        rows = {"expiring": [(r.staff_id + r.position + r.category, r) for r in self.data.expiring],
                "conformity": [(r.staff_id, r) for r in self.data.conformity],
                "eligible": [(r.staff_id + r.position, r) for r in self.data.eligible]}[self.tab]
        return self.tab, next((r for k, r in rows if k == key), None)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        _, row = self._current()
        if row is not None:
            from metodkab.screens.person_card import PersonCardScreen

            self.app.push_screen(PersonCardScreen(row.staff_id, tab="attestation"))

    def action_add(self) -> None:
        tab, row = self._current()
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
        """All three tabs into one workbook, a sheet per tab."""
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_schedule

        start_export(self, export_schedule, title=S.XLS_KEY_EXPORT)

    def action_back(self) -> None:
        self.app.action_section("dashboard")
