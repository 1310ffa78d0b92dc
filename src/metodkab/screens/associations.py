"""Методические объединения (Ctrl+O): the register (search as you type, kind and order
with Ctrl+F, Excel) and the form (name, kind, head, members)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.models import Association, Record
from metodkab.screens.base import AppScreen, FormScreen
from metodkab.storage.associations import (AssociationQuery, AssociationRow,
                                           count_associations, delete_association,
                                           list_associations, member_ids, save_association)
from metodkab.storage.settings import report_date
from metodkab.storage.staff import staff_choices
from metodkab.widgets.confirm import confirm_then
from metodkab.widgets.fields import CheckField, ChoiceField, TextField
from metodkab.widgets.filter_dialog import FilterDialog, chosen
from metodkab.widgets.form import FieldSpec
from metodkab.widgets.keys import BACK_KEY, EXPORT_KEY
from metodkab.widgets.register import Register
from metodkab.widgets.table import column_widths, fit_text
from metodkab.widgets.text import plain_row

ASSOC_FIXED = {"kind": 18, "head": 16, "members": 12}     # «Участников ▼»
ASSOC_ORDER = ("name", "kind", "head", "members")
ASSOC_TITLES = {"name": S.ASSOC_COL_NAME, "kind": S.ASSOC_COL_KIND, "head": S.ASSOC_COL_HEAD,
                "members": S.ASSOC_COL_MEMBERS}


def load_register(store, query: AssociationQuery) -> tuple[list[AssociationRow], int]:
    return list_associations(store, report_date(store), query), count_associations(store)


class AssociationsScreen(Register, AppScreen):
    SCREEN_TITLE = S.ASSOC_TITLE
    DEFAULT_CSS = """
    AssociationsScreen #search { margin: 0 1; width: 1fr; }
    AssociationsScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    AssociationsScreen #status.-empty { height: auto; }
    AssociationsScreen #assoc-table { height: 1fr; }
    """
    BINDINGS = [
        Binding("insert", "add", S.KEY_ADD, key_display="Ins", id="add"),
        Binding("f4", "open", S.KEY_OPEN, key_display="Enter/F4", id="open"),
        Binding("delete", "remove", S.KEY_DELETE, key_display="Del", id="remove"),
        Binding("ctrl+f", "filter", S.KEY_FILTER, key_display="Ctrl+F", id="filter"),
        Binding("ctrl+r", "reverse", S.KEY_REVERSE, key_display="Ctrl+R", show=False),
        EXPORT_KEY, BACK_KEY,
    ]
    REGISTER_GROUP = "assoc"
    OPEN_ON_ENTER = SORT_ON_HEADER = True

    def __init__(self) -> None:
        super().__init__()
        self.query_state = AssociationQuery()
        self.rows: list[AssociationRow] = []
        self.total = 0
        self._loaded_once = False

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield TextField(placeholder=S.ASSOC_SEARCH_PLACEHOLDER, id="search")
        yield Static("", id="status")
        yield DataTable(id="assoc-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.search_box.focus()

    def on_resize(self) -> None:
        if self._loaded_once:
            self.refill()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.reload()

    # --- the register -------------------------------------------------------------------------
    def load_register(self, store, query: AssociationQuery):
        return load_register(store, query)

    def take_result(self, result: tuple[list[AssociationRow], int]) -> None:
        self.rows, self.total = result
        self._loaded_once = True

    @property
    def register_total(self) -> int:
        return len(self.rows)          # one list, no pages: what the search matches

    def fill_table(self, table: DataTable) -> None:
        """The name takes what the other columns leave — each as wide as its widest text,
        up to its own width (at 80 columns «Участников» was cut, then «ШМО» in 18 cells
        cut the names); the column the list is sorted by is marked ▲ / ▼."""
        q = self.query_state
        titles = {key: ASSOC_TITLES[key] + ((" ▼" if q.descending else " ▲")
                                            if key == q.sort else "") for key in ASSOC_ORDER}
        cells = [(row.name, row.kind, row.head, str(row.members)) for row in self.rows]
        fit = {key: max([cell_len(titles[key])] + [cell_len(c[i]) for c in cells])
               for i, key in enumerate(ASSOC_ORDER)}
        widths = column_widths(self.size.width or 80, ASSOC_FIXED, {"name": 1.0}, ASSOC_ORDER,
                               fit)
        table.clear(columns=True)
        for key in ASSOC_ORDER:
            table.add_column(titles[key], key=key, width=widths[key])
        for row, (name, *rest) in zip(self.rows, cells):
            table.add_row(*plain_row(fit_text(name, widths["name"]), *rest), key=row.id)

    def status_text(self) -> str:
        q = self.query_state
        text = S.ASSOC_SHOWN.format(shown=len(self.rows), total=self.total)
        if q.kind:
            text = S.TR_FILTER_SUMMARY.format(text=q.kind) + " · " + text
        if not self.rows:
            text += " · " + (S.ASSOC_EMPTY if not self.total else S.ASSOC_NOT_FOUND)
        return text

    # --- actions ----------------------------------------------------------------------------
    def action_open(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_form(AssociationFormScreen, row.id)

    def action_add(self) -> None:
        self.open_form(AssociationFormScreen)

    def action_remove(self) -> None:
        row = self.current_row()
        if row is not None:
            confirm_then(self, S.ASSOC_DELETE_CONFIRM.format(name=row.name),
                         delete_association, row.id, done=lambda _: self.reload())

    def action_reverse(self) -> None:
        self.set_query(descending=not self.query_state.descending)

    def action_filter(self) -> None:
        def chosen(query: AssociationQuery | None) -> None:
            if query is not None:
                self.set_query(kind=query.kind, sort=query.sort, descending=query.descending)

        self.app.push_screen(AssociationFilterDialog(self.query_state), callback=chosen)

    def action_export(self) -> None:
        """The list as searched and filtered, and the members of those associations."""
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_associations

        start_export(self, export_associations, self.query_state, title=S.XLS_KEY_EXPORT)

    def action_back(self) -> None:
        if not self.clear_search():
            self.app.action_section("dashboard")


class AssociationFilterDialog(FilterDialog):
    """Ctrl+F: which kind of association to show, and in what order."""

    TITLE = S.ASSOC_FILTER_TITLE

    def fields(self) -> list[tuple[str, Widget]]:
        q = self.query_state
        return [
            (S.ASSOC_KIND, ChoiceField(V.ASSOCIATION_KINDS, value=chosen(q.kind), id="kind",
                                       title=S.ASSOC_KIND)),
            (S.ASSOC_F_SORT, ChoiceField(list(S.ASSOC_SORT_LABELS.items()), value=[q.sort],
                                         allow_empty=False, id="sort", title=S.ASSOC_F_SORT)),
        ]

    def checks(self) -> list[CheckField]:
        return [CheckField(S.KEY_REVERSE, self.query_state.descending, id="descending")]

    def result(self) -> AssociationQuery:
        return replace(self.query_state, kind=self.choice("kind"),
                       sort=self.choice("sort") or "name", descending=self.checked("descending"))


class AssociationFormScreen(FormScreen):
    MODEL = Association
    SCREEN_TITLE = S.ASSOC_TITLE

    def field_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("name", S.ASSOC_NAME, lambda: TextField(max_length=120), required=True),
            FieldSpec("kind", S.ASSOC_KIND,
                      lambda: ChoiceField(V.ASSOCIATION_KINDS, allow_empty=False, value=["ШМО"],
                                          title=S.ASSOC_KIND), kind="choice"),
            FieldSpec("head_id", S.ASSOC_HEAD, lambda: ChoiceField([], title=S.ASSOC_HEAD),
                      kind="choice"),
            FieldSpec("members", S.ASSOC_MEMBERS,
                      lambda: ChoiceField([], multiple=True, title=S.ASSOC_MEMBERS),
                      kind="multi"),
            FieldSpec("notes", S.ASSOC_NOTES, lambda: TextField(max_length=500)),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.ASSOC_NEW if self.record_id is None else S.LOADING
        return record.name  # type: ignore[attr-defined]

    def load_extra(self, store) -> dict[str, Any]:
        return {"staff": staff_choices(store),
                "members": member_ids(store, self.record_id) if self.record_id else []}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.form.widget("head_id").set_options(extra["staff"])
        self.form.widget("members").set_options(extra["staff"])
        self.initial_values = {**self.initial_values, "members": extra["members"]}

    def _loaded(self, result) -> None:
        super()._loaded(result)
        self.form.load({"members": self.initial_values.get("members", [])})
        self.saved_snapshot = self.form.values()

    def _data(self) -> dict[str, Any]:
        data = super()._data()
        data.pop("members", None)
        return data

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return save_association(store, record, list(values["members"]))  # type: ignore[arg-type]
