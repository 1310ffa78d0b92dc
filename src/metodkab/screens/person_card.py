"""The card of one person: «Основное» (a summary; Ctrl+E edits the staff form) and the
professional development kept about them — courses, categories and attestation,
diagnostics and deficits, ИОМ — one tab each.

Ins, Enter/F4 and Del act on the list that has the cursor; 1–6 or Ctrl+PgDn/Ctrl+PgUp
switch tabs.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane, Tabs

from metodkab import strings as S
from metodkab.domain.parse import format_date, format_end
from metodkab.screens.attestation_forms import CategoryFormScreen, ConformityFormScreen
from metodkab.screens.base import AppScreen
from metodkab.screens.dialogs import ConfirmDialog, MessageDialog
from metodkab.screens.person_card_parts import (CardData, CardTables, dismissed_mark,
                                                is_dismissed, load_card, main_text)
from metodkab.screens.route import RouteScreen
from metodkab.screens.route_forms import (DeficitFormScreen, DiagnosticFormScreen,
                                          RouteFormScreen)
from metodkab.screens.training_forms import TrainingFormScreen, ask_delete_training
from metodkab.storage import attestation as store_a
from metodkab.storage import development as store_d
from metodkab.widgets.keys import OPEN_KEY, REMOVE_KEY
from metodkab.widgets.table import current_key, cursor_keys, restore_cursor

TABS = ("main", "courses", "attestation", "diagnostics", "routes", "growth")
TAB_TABLES = {"main": (), "courses": ("tr-table",), "attestation": ("cat-table", "conf-table"),
              "diagnostics": ("diag-table", "def-table"), "routes": ("route-table",),
              "growth": ("ach-table", "learn-table")}   # person_growth.GrowthTab acts on these


class PersonCardScreen(CardTables, AppScreen):
    """Everything about one person, a tab per area."""

    SCREEN_TITLE = S.DEV_CARD_TITLE
    DEFAULT_CSS = """
    PersonCardScreen TabbedContent { height: 1fr; }
    PersonCardScreen TabPane { padding: 0; height: 1fr; }
    PersonCardScreen .card-info { height: auto; padding: 0 1; }
    PersonCardScreen .card-hint { height: 1; padding: 0 1; color: $text-muted; }
    PersonCardScreen .card-list-title { height: 1; padding: 0 1; background: $boost;
                                        text-style: bold; }
    PersonCardScreen #main-scroll { height: 1fr; }
    PersonCardScreen DataTable { height: 1fr; overflow-x: hidden; }
    """
    BINDINGS = [
        Binding("insert", "add", S.KEY_ADD, key_display="Ins", id="add"),
        Binding("ctrl+e", "edit_person", S.DEV_KEY_EDIT_PERSON, key_display="Ctrl+E",
                id="edit-person"),
        Binding("ctrl+w", "portfolio", S.PF_KEY, key_display="Ctrl+W", id="portfolio",
                show=False),
        OPEN_KEY,
        # The same entry as F4 in help and the palette (it listed «Открыть» twice).
        Binding("enter", "open", S.KEY_OPEN, key_display="Enter/F4", show=False),
        REMOVE_KEY,
        *(Binding(str(i), f"tab('{tab}')", S.DEV_KEY_TAB[tab], key_display=str(i), show=False)
          for i, tab in enumerate(TABS, start=1)),
        Binding("ctrl+pagedown", "next_tab(1)", S.DEV_KEY_NEXT_TAB, key_display="Ctrl+PgDn",
                show=False, priority=True),
        Binding("ctrl+pageup", "next_tab(-1)", S.DEV_KEY_PREV_TAB, key_display="Ctrl+PgUp",
                show=False, priority=True),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
    ]

    def __init__(self, staff_id: str, *, tab: str = "main") -> None:
        super().__init__()
        self.staff_id = staff_id
        self.initial_tab = tab if tab in TABS else "main"
        self.data: CardData | None = None
        self._keep: dict[str, str | None] = {}
        self._restoring: dict[str, str | None] = {}

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, classes="section-title", id="card-title")
        with TabbedContent(id="tabs", initial=self.initial_tab):
            with TabPane(S.DEV_TAB_LABELS["main"], id="main"):
                # Scrolls: a fully filled card is taller than 80x24 leaves (lines were lost).
                with VerticalScroll(id="main-scroll"):
                    yield Static("", classes="card-info", id="main-info")
                yield Static(S.DEV_MAIN_HINT, classes="card-hint")
            with TabPane(S.DEV_TAB_LABELS["courses"], id="courses"):
                yield Static("", classes="card-info", id="tr-summary")
                yield DataTable(id="tr-table", cursor_type="row", zebra_stripes=True)
                yield Static(S.DEV_COURSES_HINT, classes="card-hint")
            with TabPane(S.DEV_TAB_LABELS["attestation"], id="attestation"):
                yield Static("", classes="card-info", id="att-info")
                yield Static(S.ATT_CARD_CATEGORIES, classes="card-list-title")
                yield DataTable(id="cat-table", cursor_type="row", zebra_stripes=True)
                yield Static(S.ATT_CARD_CONFORMITY, classes="card-list-title")
                yield DataTable(id="conf-table", cursor_type="row", zebra_stripes=True)
            with TabPane(S.DEV_TAB_LABELS["diagnostics"], id="diagnostics"):
                yield Static(S.DEV_CARD_DIAGNOSTICS, classes="card-list-title")
                yield DataTable(id="diag-table", cursor_type="row", zebra_stripes=True)
                yield Static(S.DEV_CARD_DEFICITS, classes="card-list-title")
                yield DataTable(id="def-table", cursor_type="row", zebra_stripes=True)
            with TabPane(S.DEV_TAB_LABELS["routes"], id="routes"):
                yield Static(S.DEV_CARD_ROUTES, classes="card-list-title")
                yield DataTable(id="route-table", cursor_type="row", zebra_stripes=True)
                yield Static(S.DEV_ROUTES_HINT, classes="card-hint")
            with TabPane(S.DEV_TAB_LABELS["growth"], id="growth"):
                from metodkab.screens.person_growth import GrowthTab

                yield GrowthTab(self.staff_id)
        yield Footer()

    def on_mount(self) -> None:
        self._focus_tab(self.initial_tab)

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.reload()

    def on_resize(self) -> None:
        if self.data is not None:
            self._show(self.data, self._cursor_keys())

    # --- loading ----------------------------------------------------------------------------
    def _cursor_keys(self) -> dict[str, str | None]:
        """Where each list's cursor is (or should go: a record just added or opened)."""
        return cursor_keys(self.query(DataTable), self._keep)

    def reload(self) -> None:
        # Taken now: overlapping reloads each put the cursors back where they were.
        keep = self._cursor_keys()
        self.run_db(load_card, self.staff_id, done=lambda data: self._show(data, keep),
                    group="person-card", exclusive=True)

    def _show(self, data: CardData, keep: dict[str, str | None] | None = None) -> None:
        self.data = data
        self._restoring = keep or {}
        title = data.staff.name
        if is_dismissed(data.staff, data.day):
            title += dismissed_mark(data.staff)
        self.query_one("#card-title", Static).update(title)
        self.query_one("#main-info", Static).update(main_text(data))
        self._fill_courses(data)
        self._fill_attestation(data)
        self._fill_development(data)

    def _restore(self, table: DataTable) -> None:
        restore_cursor(table, self._restoring)

    # --- tabs -------------------------------------------------------------------------------
    @property
    def tab(self) -> str:
        tabs = self.query("#tabs")
        return (tabs.first(TabbedContent).active if tabs else "") or self.initial_tab

    def action_tab(self, tab: str) -> None:
        # Focus first leaves the old tab: a focused widget in a hidden pane would switch back.
        self.set_focus(None)
        self.query_one("#tabs", TabbedContent).active = tab
        self._focus_tab(tab)

    def action_next_tab(self, step: int) -> None:
        index = (TABS.index(self.tab) + step) % len(TABS)
        self.action_tab(TABS[index])

    @on(TabbedContent.TabActivated, "#tabs")
    def _activated(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()
        self.call_after_refresh(self._focus_tab, self.tab)

    def _focus_tab(self, tab: str) -> None:
        """The first list of the tab gets the cursor; «Основное» leaves it on the tab bar."""
        tables = TAB_TABLES.get(tab, ())
        focused = self.focused
        if not tables:
            self.query_one(Tabs).focus()
        elif not (isinstance(focused, DataTable) and focused.id in tables):
            self.query_one(f"#{tables[0]}", DataTable).focus()

    def _table(self) -> DataTable | None:
        """The list the keys act on: the focused one, else the first of the tab."""
        tables = TAB_TABLES.get(self.tab, ())
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id in tables:
            return focused
        return self.query_one(f"#{tables[0]}", DataTable) if tables else None

    def _remember(self, table: DataTable, record_id: str | None) -> None:
        if record_id:
            self._keep[table.id or ""] = record_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ins and Del act on a list: not on the «Основное» tab."""
        if action in ("add", "remove") and not TAB_TABLES.get(self.tab):
            return False
        return True

    # --- actions ----------------------------------------------------------------------------
    def action_edit_person(self) -> None:
        from metodkab.screens.staff_form import StaffFormScreen

        self.app.push_screen(StaffFormScreen(self.staff_id))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.data_table)

    def action_portfolio(self) -> None:
        """Ctrl+W: the attestation portfolio as a Word document (growth_export.py)."""
        from metodkab.screens.export import start_export
        from metodkab.screens.growth_export import write_portfolio

        start_export(self, write_portfolio, self.staff_id, title=S.PF_KEY)

    def _growth(self, action: str) -> bool:
        """The «Достижения» tab's lists act through their own widget (person_growth.py)."""
        table = self._table()
        if table is None or table.id not in TAB_TABLES["growth"]:
            return False
        from metodkab.screens.person_growth import GrowthTab

        getattr(self.query_one(GrowthTab), f"action_{action}")()
        return True

    def action_open(self) -> None:
        if self._growth("open"):
            return
        table = self._table()
        if table is None:
            self.action_edit_person()
            return
        self._open(table)

    def _open(self, table: DataTable) -> None:
        key = current_key(table)
        if key is None:
            return
        self._keep[table.id or ""] = key
        if table.id == "tr-table":
            self.app.push_screen(TrainingFormScreen(key))
        elif table.id == "cat-table":
            self.app.push_screen(CategoryFormScreen(key))
        elif table.id == "conf-table":
            self.app.push_screen(ConformityFormScreen(key))
        elif table.id == "diag-table":
            self.app.push_screen(DiagnosticFormScreen(key))
        elif table.id == "def-table":
            self.app.push_screen(DeficitFormScreen(key))
        elif table.id == "route-table":
            self.app.push_screen(RouteScreen(key))

    def action_add(self) -> None:
        if self._growth("add"):
            return
        table = self._table()
        if table is None:
            return
        saved = lambda record_id: self._remember(table, record_id)  # noqa: E731
        initial = {"staff_id": self.staff_id}
        if table.id == "tr-table":
            self.app.push_screen(TrainingFormScreen(initial=initial), callback=saved)
        elif table.id == "cat-table":
            self.app.push_screen(CategoryFormScreen(initial=initial), callback=saved)
        elif table.id == "conf-table":
            self.app.push_screen(ConformityFormScreen(initial=initial), callback=saved)
        elif table.id == "diag-table":
            initial["date"] = self.data.day if self.data else None
            self.app.push_screen(DiagnosticFormScreen(initial=initial), callback=saved)
        elif table.id == "def-table":
            initial["found_date"] = self.data.day if self.data else None
            self.app.push_screen(DeficitFormScreen(initial=initial), callback=saved)
        elif table.id == "route-table" and self.data is not None:
            start, end = store_d.default_period(self.data.day)
            initial.update(period_start=start, period_end=end)

            def created(route_id: str | None) -> None:
                saved(route_id)
                if route_id:
                    self.app.push_screen(RouteScreen(route_id))

            self.app.push_screen(RouteFormScreen(initial=initial), callback=created)

    def action_remove(self) -> None:
        if self._growth("remove"):
            return
        table = self._table()
        if table is None or self.data is None:
            return
        key = current_key(table)
        if key is None:
            return
        if table.id == "tr-table":
            row = next((r for r in self.data.courses.rows if r.id == key), None)
            if row is not None:
                ask_delete_training(self, row, self.reload)
        elif table.id == "cat-table":
            cat = next((r for r in self.data.attestation.categories if r.id == key), None)
            if cat is not None:
                ask = S.ATT_DELETE_CATEGORY if cat.decision_date else S.ATT_DELETE_CATEGORY_UNDATED
                self._confirm_delete(ask.format(
                    category=cat.category, position=cat.position,
                    date=format_end(cat.decision_date, cat.decision_precision)),
                    store_a.delete_category, key)
        elif table.id == "conf-table":
            conf = next((r for r in self.data.attestation.conformity if r.id == key), None)
            if conf is not None:
                self._confirm_delete(S.ATT_DELETE_CONFORMITY.format(
                    date=format_end(conf.date, conf.date_precision)), store_a.delete_conformity,
                    key)
        elif table.id == "diag-table":
            diag = next((r for r in self.data.development.diagnostics if r.id == key), None)
            if diag is not None:
                self._confirm_delete(S.DEV_DIAGNOSTIC_DELETE.format(
                    date=format_date(diag.date), kind=diag.kind), store_d.delete_diagnostic, key)
        elif table.id == "def-table":
            deficit = next((r for r in self.data.development.deficits if r.id == key), None)
            if deficit is not None:
                self._ask_delete_deficit(deficit.description, key)
        elif table.id == "route-table":
            route = next((r for r in self.data.development.routes if r.id == key), None)
            if route is not None:
                self._confirm_delete(S.DEV_ROUTE_DELETE.format(
                    start=format_date(route.period_start), end=format_date(route.period_end),
                    count=route.total), store_d.delete_route, key)

    def _ask_delete_deficit(self, description: str, deficit_id: str) -> None:
        """A deficit that ИОМ steps or trainings refer to cannot be deleted: say so first,
        instead of asking «Удалить?» and refusing after «Да»."""
        def counted(dependents: tuple[int, int]) -> None:
            steps, trainings = dependents
            if steps or trainings:
                self.app.push_screen(MessageDialog(
                    S.DEV_DEFICIT_IN_USE.format(steps=steps, trainings=trainings),
                    title=description))
                return
            self._confirm_delete(S.DEV_DEFICIT_DELETE.format(text=description),
                                 store_d.delete_deficit, deficit_id)

        self.run_db(store_d.deficit_dependents, deficit_id, done=counted)

    def _confirm_delete(self, question: str, delete, record_id: str) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                self.run_db(delete, record_id, done=lambda _: self.reload())

        self.app.push_screen(ConfirmDialog(question), callback=answer)

    def action_back(self) -> None:
        self.dismiss()

