"""Достижения (Ctrl+B from any section): the school register of achievements and
methodical work — search, filter by kind, level and year, pages, Excel, group entry of one
event for several people. The forms are in achievement_forms.py; a person's achievements
and short learning are on the card's «Достижения» tab (person_growth.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Header, Label, Static

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.screens.achievement_forms import (AchievementFormScreen,
                                                GroupAchievementFormScreen,
                                                achievement_cells, ask_delete_achievement)
from metodkab.screens.base import AppScreen
from metodkab.storage import achievements as store_g
from metodkab.storage.achievements import AchievementQuery, AchievementRow
from metodkab.storage.settings import report_date
from metodkab.widgets.fields import ChoiceField, TextField
from metodkab.widgets.table import column_widths, current_key
from metodkab.widgets.text import plain_row

FIXED = {"date": 10, "kind": 12, "level": 7, "result": 10}
SHARES = {"name": 0.37, "title": 0.63}
SHARES_WIDE = {"name": 0.25, "title": 0.5, "organiser": 0.25}
TITLES = {"date": S.GR_COL_DATE, "name": S.GR_COL_NAME, "kind": S.GR_COL_KIND,
          "level": S.GR_COL_LEVEL, "title": S.GR_COL_TITLE, "result": S.GR_COL_RESULT,
          "organiser": S.GR_COL_ORGANISER}


def register_columns(width: int) -> tuple[str, ...]:
    if width >= 110:
        return ("date", "name", "kind", "level", "title", "result", "organiser")
    return ("date", "name", "kind", "level", "title")


def load_register(store, query: AchievementQuery):
    day = report_date(store)
    return (store_g.list_achievements(store, query, day),
            store_g.count_achievements(store, query, day))


class AchievementsScreen(AppScreen):
    """The register: every achievement of the school, newest first."""

    SCREEN_TITLE = S.GR_TITLE
    DEFAULT_CSS = """
    AchievementsScreen #search { margin: 0 1; width: 1fr; }
    AchievementsScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    AchievementsScreen #status.-empty { height: auto; }
    AchievementsScreen #ach-table { height: 1fr; overflow-x: hidden; }
    """
    BINDINGS = [
        Binding("insert", "add", S.KEY_ADD, key_display="Ins", id="add"),
        Binding("ctrl+g", "group", S.GR_KEY_GROUP, key_display="Ctrl+G", id="group"),
        Binding("ctrl+f", "filter", S.KEY_FILTER, key_display="Ctrl+F", id="filter"),
        Binding("f4", "open", S.KEY_OPEN, key_display="Enter/F4", id="open", show=False),
        Binding("delete", "remove", S.KEY_DELETE, key_display="Del", id="remove", show=False),
        Binding("ctrl+k", "card", S.TR_KEY_CARD, key_display="Ctrl+K", id="card", show=False),
        Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", show=False,
                id="export", priority=True),
        Binding("ctrl+pagedown", "page(1)", S.KEY_NEXT_PAGE, key_display="Ctrl+PgDn",
                show=False, priority=True),
        Binding("ctrl+pageup", "page(-1)", S.KEY_PREV_PAGE, key_display="Ctrl+PgUp",
                show=False, priority=True),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = AchievementQuery()
        self.rows: list[AchievementRow] = []
        self.total = (0, 0)
        self._loaded_once = False
        self._keep_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield TextField(placeholder=S.GR_SEARCH_PLACEHOLDER, id="search")
        yield Static("", id="status")
        yield DataTable(id="ach-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search").focus()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.reload()

    def on_resize(self) -> None:
        if self._loaded_once:
            self._fill(current_key(self.query_one(DataTable)))

    # --- loading ----------------------------------------------------------------------------
    def set_query(self, **changes: Any) -> None:
        self.query_state = replace(self.query_state, offset=0, **changes)
        self.reload()

    def reload(self) -> None:
        keep = self._keep_id or current_key(self.query_one(DataTable))
        self._keep_id = None
        self.run_db(load_register, self.query_state,
                    done=lambda result: self._loaded(result, keep),
                    group="ach-list", exclusive=True)

    def _loaded(self, result, keep: str | None = None) -> None:
        self.rows, self.total = result
        self._loaded_once = True
        self._fill(keep)

    def _fill(self, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        width = self.size.width or 80
        columns = register_columns(width)
        shares = SHARES_WIDE if "organiser" in columns else SHARES
        widths = column_widths(width, FIXED, shares, columns)
        table.clear(columns=True)
        for key in columns:
            table.add_column(TITLES[key], key=key, width=widths[key])
        for row in self.rows:
            cells = achievement_cells(row, widths)
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=row.id)
        if keep:
            try:
                table.move_cursor(row=table.get_row_index(keep))
            except Exception:
                pass
        self._update_status()

    def _update_status(self) -> None:
        q = self.query_state
        parts = [v for v in (q.kind, q.level) if v]
        if q.year:
            parts.insert(0, str(q.year))
        records, people = self.total
        text = S.GR_SHOWN.format(shown=len(self.rows), total=records, people=people)
        pages = max(1, -(-records // q.limit))
        if pages > 1:
            text += ", " + S.TR_PAGE.format(page=q.offset // q.limit + 1, pages=pages)
        if parts:
            text = S.TR_FILTER_SUMMARY.format(text=", ".join(parts)) + " · " + text
        if not self.rows:
            text += " · " + S.GR_EMPTY
        status = self.query_one("#status", Static)
        status.set_class(not self.rows, "-empty")
        status.update(text)

    # --- search -----------------------------------------------------------------------------
    @on(TextField.Changed, "#search")
    def _search(self, event: TextField.Changed) -> None:
        self.set_query(search=event.value)

    @on(TextField.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event) -> None:
        table = self.query_one(DataTable)
        if event.key == "down" and self.focused is self.query_one("#search"):
            table.focus()
            event.stop()
        elif event.key == "up" and self.focused is table and table.cursor_row == 0:
            self.query_one("#search").focus()
            event.stop()

    # --- actions ----------------------------------------------------------------------------
    def _current(self) -> AchievementRow | None:
        key = current_key(self.query_one(DataTable))
        return next((r for r in self.rows if r.id == key), None)

    def history_target(self) -> tuple[str, str] | None:
        """Ctrl+H: the achievement under the cursor."""
        row = self._current()
        return ("achievement", row.id) if row is not None else None

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
            self.app.push_screen(AchievementFormScreen(row.id), callback=self._saved)

    def action_add(self) -> None:
        self.app.push_screen(AchievementFormScreen(), callback=self._saved)

    def action_group(self) -> None:
        self.app.push_screen(GroupAchievementFormScreen(), callback=self._group_saved)

    def _group_saved(self, group_id: str | None) -> None:
        if group_id:
            self.run_db(store_g.group_size, group_id,
                        done=lambda n: self.notify(S.GR_GROUP_SAVED.format(count=n)))

    def action_card(self) -> None:
        row = self._current()
        if row is not None:
            from metodkab.screens.person_card import PersonCardScreen

            self.app.push_screen(PersonCardScreen(row.staff_id, tab="growth"))

    def action_remove(self) -> None:
        row = self._current()
        if row is not None:
            ask_delete_achievement(self, row, self.reload)

    def action_export(self) -> None:
        """The register as searched and filtered — every page — into Excel."""
        from metodkab.screens.export import start_export
        from metodkab.screens.growth_export import export_achievements

        start_export(self, export_achievements, self.query_state, title=S.XLS_KEY_EXPORT)

    def action_page(self, step: int) -> None:
        q = self.query_state
        offset = q.offset + step * q.limit
        if 0 <= offset < self.total[0]:
            self.query_state = replace(q, offset=offset)
            self.reload()

    def action_filter(self) -> None:
        def chosen(query: AchievementQuery | None) -> None:
            if query is not None:
                self.query_state = replace(query, search=self.query_state.search, offset=0)
                self.reload()

        self.run_db(store_g.achievement_years, done=lambda years: self.app.push_screen(
            AchievementFilterDialog(self.query_state, years), callback=chosen))

    def action_back(self) -> None:
        search = self.query_one("#search", TextField)
        if search.value:
            search.value = ""
            search.focus()
            return
        self.app.action_section("dashboard")


class AchievementFilterDialog(ModalScreen[AchievementQuery | None]):
    """Ctrl+F: which achievements to show (kind, level, year)."""

    DEFAULT_CSS = """
    AchievementFilterDialog { align: center middle; }
    AchievementFilterDialog > Vertical {
        width: 64; max-width: 98%; height: auto; border: thick $primary;
        background: $surface; padding: 0 1;
    }
    AchievementFilterDialog .row { height: 1; margin-bottom: 1; }
    AchievementFilterDialog .row > Label { width: 16; color: $text-muted; }
    AchievementFilterDialog .buttons { height: auto; }
    AchievementFilterDialog Button { margin-right: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
        Binding("ctrl+s", "apply", S.KEY_OK, key_display="Ctrl+S"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, query: AchievementQuery, years: list[str]) -> None:
        super().__init__()
        self.query_state = query
        self.years = years

    def compose(self) -> ComposeResult:
        q = self.query_state

        def chosen(value: Any) -> list[str]:
            return [] if value is None else [str(value)]

        fields = (
            (S.GR_F_KIND, ChoiceField(V.ACHIEVEMENT_KINDS, value=chosen(q.kind), id="kind",
                                      title=S.GR_F_KIND)),
            (S.GR_F_LEVEL, ChoiceField(V.ACHIEVEMENT_LEVELS, value=chosen(q.level), id="level",
                                       title=S.GR_F_LEVEL)),
            (S.TR_FILTER_YEAR, ChoiceField(self.years, value=chosen(q.year), id="year",
                                           title=S.TR_FILTER_YEAR)),
        )
        with Vertical():
            yield Label(S.GR_FILTER_TITLE, classes="section-title")
            for label, field in fields:
                with Horizontal(classes="row"):
                    yield Label(label)
                    yield field
            with Horizontal(classes="buttons"):
                yield Button(S.KEY_OK, variant="primary", id="apply")
                yield Button(S.KEY_RESET_FILTER, id="reset")
                yield Button(S.KEY_CANCEL, id="cancel")

    def on_mount(self) -> None:
        self.query_one("#kind").focus()

    def _result(self) -> AchievementQuery:
        def get(name: str) -> str | None:
            return self.query_one(f"#{name}", ChoiceField).single

        year = get("year")
        return replace(self.query_state, kind=get("kind"), level=get("level"),
                       year=int(year) if year else None)

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        self.dismiss(self._result())

    @on(Button.Pressed, "#reset")
    def _reset(self) -> None:
        self.dismiss(AchievementQuery(search=self.query_state.search))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
