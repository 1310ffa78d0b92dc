"""Достижения (Ctrl+B from any section): the school register of achievements and
methodical work — search, filter by kind, level and year, pages, Excel, group entry of one
event for several people. The forms are in achievement_forms.py; a person's achievements
and short learning are on the card's «Достижения» tab (person_growth.py).
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.screens.achievement_forms import (AchievementFormScreen,
                                                GroupAchievementFormScreen,
                                                achievement_cells, ask_delete_achievement)
from metodkab.screens.base import AppScreen
from metodkab.storage import achievements as store_g
from metodkab.storage.achievements import AchievementQuery, AchievementRow
from metodkab.storage.settings import report_date
from metodkab.widgets.fields import ChoiceField
from metodkab.widgets.filter_dialog import FilterDialog, chosen
from metodkab.widgets.keys import (BACK_KEY, CARD_KEY, EXPORT_KEY, OPEN_KEY, REMOVE_KEY,
                                   page_keys)
from metodkab.widgets.record_register import RecordRegister
from metodkab.widgets.register import Register, shown_text
from metodkab.widgets.table import column_widths, set_columns
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


class AchievementsScreen(RecordRegister, Register, AppScreen):
    """The register: every achievement of the school, newest first."""

    FORM = AchievementFormScreen
    SEARCH_PLACEHOLDER = S.GR_SEARCH_PLACEHOLDER
    TABLE_ID = "ach-table"
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
        OPEN_KEY, REMOVE_KEY, CARD_KEY, EXPORT_KEY, *page_keys(priority=True), BACK_KEY,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = AchievementQuery()
        self.rows: list[AchievementRow] = []
        self.total = (0, 0)
        self._loaded_once = False

    def on_resize(self) -> None:
        if self._loaded_once:
            self.refill()

    # --- the register -------------------------------------------------------------------------
    REGISTER_GROUP = "ach-list"

    def load_register(self, store, query: AchievementQuery):
        return load_register(store, query)

    def take_result(self, result) -> None:
        self.rows, self.total = result
        self._loaded_once = True

    @property
    def register_total(self) -> int:
        return self.total[0]

    def fill_table(self, table: DataTable) -> None:
        width = self.size.width or 80
        columns = register_columns(width)
        shares = SHARES_WIDE if "organiser" in columns else SHARES
        widths = column_widths(width, FIXED, shares, columns)
        set_columns(table, columns, TITLES, widths)
        for row in self.rows:
            cells = achievement_cells(row, widths)
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=row.id)

    def status_text(self) -> str:
        q = self.query_state
        parts = [v for v in (q.kind, q.level) if v]
        if q.year:
            parts.insert(0, str(q.year))
        records, people = self.total
        text = shown_text(len(self.rows), records, q, S.GR_SHOWN, S.TR_PAGE, people=people)
        if parts:
            text = S.TR_FILTER_SUMMARY.format(text=", ".join(parts)) + " · " + text
        if not self.rows:
            text += " · " + S.GR_EMPTY
        return text

    # --- actions ----------------------------------------------------------------------------
    def history_target(self) -> tuple[str, str] | None:
        """Ctrl+Z: the achievement under the cursor."""
        row = self.current_row()
        return ("achievement", row.id) if row is not None else None

    def action_group(self) -> None:
        self.app.push_screen(GroupAchievementFormScreen(), callback=self._group_saved)

    def _group_saved(self, group_id: str | None) -> None:
        if group_id:
            self.run_db(store_g.group_size, group_id,
                        done=lambda n: self.notify(S.GR_GROUP_SAVED.format(count=n)))

    def action_card(self) -> None:
        row = self.current_row()
        if row is not None:
            from metodkab.screens.person_card import PersonCardScreen

            self.app.push_screen(PersonCardScreen(row.staff_id, tab="growth"))

    def action_remove(self) -> None:
        row = self.current_row()
        if row is not None:
            ask_delete_achievement(self, row, self.reload)

    def action_export(self) -> None:
        """The register as searched and filtered — every page — into Excel."""
        from metodkab.screens.export import start_export
        from metodkab.screens.growth_export import export_achievements

        start_export(self, export_achievements, self.query_state, title=S.XLS_KEY_EXPORT)

    def action_filter(self) -> None:
        self.open_filter(store_g.achievement_years, AchievementFilterDialog)


class AchievementFilterDialog(FilterDialog):
    """Ctrl+F: which achievements to show (kind, level, year)."""

    TITLE = S.GR_FILTER_TITLE

    def __init__(self, query: AchievementQuery, years: list[str]) -> None:
        super().__init__(query)
        self.years = years

    def fields(self) -> list[tuple[str, Widget]]:
        q = self.query_state
        return [
            (S.GR_F_KIND, ChoiceField(V.ACHIEVEMENT_KINDS, value=chosen(q.kind), id="kind",
                                      title=S.GR_F_KIND)),
            (S.GR_F_LEVEL, ChoiceField(V.ACHIEVEMENT_LEVELS, value=chosen(q.level), id="level",
                                       title=S.GR_F_LEVEL)),
            (S.TR_FILTER_YEAR, ChoiceField(self.years, value=chosen(q.year), id="year",
                                           title=S.TR_FILTER_YEAR)),
        ]

    def result(self) -> AchievementQuery:
        year = self.choice("year")
        return replace(self.query_state, kind=self.choice("kind"), level=self.choice("level"),
                       year=int(year) if year else None)
