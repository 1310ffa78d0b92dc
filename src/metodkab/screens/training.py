"""Повышение квалификации (F3): the register of all trainings (search, filter, pages) and
group entry of one course for several people.

The forms are in training_forms.py, the list of people overdue for training in
training_overdue.py; a person's trainings are on the person's card.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.parse import format_end
from metodkab.screens.base import AppScreen
from metodkab.screens.tables_export import training_filter_words
from metodkab.screens.training_forms import (GroupTrainingFormScreen, TrainingFormScreen,
                                             ask_delete_training)
from metodkab.screens.training_overdue import OverdueScreen, open_card
from metodkab.storage import training as store_t
from metodkab.storage.settings import report_date
from metodkab.storage.training import TrainingQuery, TrainingRow
from metodkab.widgets.fields import ChoiceField
from metodkab.widgets.filter_dialog import FilterDialog, chosen
from metodkab.widgets.keys import (BACK_KEY, CARD_KEY, EXPORT_KEY, OPEN_KEY, REMOVE_KEY,
                                   page_keys)
from metodkab.widgets.record_register import RecordRegister
from metodkab.widgets.register import Register, shown_text
from metodkab.widgets.table import column_widths, fit_name, fit_text, set_columns
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


class TrainingScreen(RecordRegister, Register, AppScreen):
    """The register: every training of the school, newest first."""

    FORM = TrainingFormScreen
    SEARCH_PLACEHOLDER = S.TR_SEARCH_PLACEHOLDER
    TABLE_ID = "tr-table"
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
        OPEN_KEY, REMOVE_KEY, CARD_KEY, EXPORT_KEY, *page_keys(priority=True), BACK_KEY,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = TrainingQuery()
        self.rows: list[TrainingRow] = []
        self.total = (0, 0)
        self.day: dt.date | None = None
        self._columns: tuple[str, ...] = ()

    def on_resize(self) -> None:
        if self.day is not None:
            self.refill()

    # --- the register -------------------------------------------------------------------------
    def load_register(self, store, query: TrainingQuery):
        return load_register(store, query)

    def take_result(self, result) -> None:
        self.rows, self.total, self.day = result

    @property
    def register_total(self) -> int:
        return self.total[0]

    def fill_table(self, table: DataTable) -> None:
        width = self.size.width or 80
        self._columns = register_columns(width)
        shares = REGISTER_SHARES_WIDE if "provider" in self._columns else REGISTER_SHARES
        widths = column_widths(width, REGISTER_FIXED, shares, self._columns)
        set_columns(table, self._columns, REGISTER_TITLES, widths)
        for row in self.rows:
            style = "dim" if row.dismissed else ""
            planned = self.day is not None and row.end_date > self.day
            cells = {
                "name": Text(fit_name(row.name, widths["name"]), style=style),
                "title": Text(fit_text(row.title, widths["title"]), style=style),
                "provider": Text(fit_text(row.provider, widths.get("provider", 0)),
                                 style=style),
                "hours": Text(str(row.hours), justify="right"),
                "end": Text(format_end(row.end_date, row.end_precision),
                            style="italic" if planned else ""),
                "kind": Text(row.kind_short),
                "marks": Text(row.marks, style="bold"),
            }
            table.add_row(*plain_row(*(cells[k] for k in self._columns)), key=row.id)

    def status_text(self) -> str:
        q = self.query_state
        parts = [str(q.year)] if q.year else []
        parts += training_filter_words(q)
        records, people = self.total
        text = shown_text(len(self.rows), records, q, S.TR_SHOWN, S.TR_PAGE, people=people)
        if parts:
            text = S.TR_FILTER_SUMMARY.format(text=", ".join(parts)) + " · " + text
        if not self.rows:
            text += " · " + S.TR_EMPTY
        return text

    # --- actions ----------------------------------------------------------------------------
    def action_group(self) -> None:
        self.app.push_screen(GroupTrainingFormScreen(), callback=self._group_saved)

    def _group_saved(self, group_id: str | None) -> None:
        if group_id:
            self.run_db(store_t.group_size, group_id,
                        done=lambda n: self.notify(S.TR_GROUP_SAVED.format(count=n)))

    def action_card(self) -> None:
        row = self.current_row()
        if row is not None:
            open_card(self.app, row.staff_id, "courses")

    def action_remove(self) -> None:
        row = self.current_row()
        if row is not None:
            ask_delete_training(self, row, self.reload)

    def action_overdue(self) -> None:
        self.app.push_screen(OverdueScreen())

    def action_export(self) -> None:
        """The register as searched, filtered and sorted — every page — into Excel."""
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_trainings

        start_export(self, export_trainings, self.query_state, title=S.XLS_KEY_EXPORT)

    def action_filter(self) -> None:
        self.open_filter(store_t.filter_options, TrainingFilterDialog)


def _flag_key(value: bool | None) -> list[str]:
    return [] if value is None else ["yes" if value else "no"]


def _flag_value(key: str | None) -> bool | None:
    return None if key is None else key == "yes"


class TrainingFilterDialog(FilterDialog):
    """Ctrl+F: which trainings to show."""

    TITLE = S.TR_FILTER_TITLE

    def __init__(self, query: TrainingQuery, options: dict[str, list[str]]) -> None:
        super().__init__(query)
        self.options = options

    def fields(self) -> list[tuple[str, Widget]]:
        q = self.query_state
        return [
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
        ]

    def result(self) -> TrainingQuery:
        year = self.choice("year")
        return replace(self.query_state, year=int(year) if year else None,
                       provider=self.choice("provider"), kind=self.choice("kind"),
                       form=self.choice("form"), federal=_flag_value(self.choice("federal")),
                       by_diagnostics=_flag_value(self.choice("by_diag")),
                       topic=self.choice("topic"))
