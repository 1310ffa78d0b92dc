"""Методические объединения: the list and the form (name, kind, head, members)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.models import Association, Record
from metodkab.screens.base import AppScreen, FormScreen
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.storage.associations import (AssociationRow, delete_association,
                                           list_associations, member_ids, save_association)
from metodkab.storage.staff import staff_choices
from metodkab.widgets.fields import ChoiceField, TextField
from metodkab.widgets.form import FieldSpec
from metodkab.widgets.table import column_widths
from metodkab.widgets.text import plain_row


ASSOC_FIXED = {"kind": 18, "head": 16, "members": 10}


class AssociationsScreen(AppScreen):
    SCREEN_TITLE = S.ASSOC_TITLE
    BINDINGS = [
        Binding("insert", "add", S.KEY_ADD, key_display="Ins"),
        Binding("f4", "open", S.KEY_OPEN, key_display="Enter/F4"),
        Binding("delete", "remove", S.KEY_DELETE, key_display="Del"),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc"),
        Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", show=False,
                id="export"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.ASSOC_TITLE, classes="section-title")
        yield DataTable(id="assoc-table", cursor_type="row", zebra_stripes=True)
        yield Static("", classes="status-line", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.rows: list[AssociationRow] = []
        self._columns()
        self.query_one(DataTable).focus()

    def _columns(self) -> None:
        """The name takes what the fixed columns leave (at 80 columns «Участников» was cut)."""
        order = ("name", "kind", "head", "members")
        widths = column_widths(self.app.size.width or 80, ASSOC_FIXED, {"name": 1.0}, order)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for key, title in zip(order, (S.ASSOC_COL_NAME, S.ASSOC_COL_KIND, S.ASSOC_COL_HEAD,
                                      S.ASSOC_COL_MEMBERS)):
            table.add_column(title, key=key, width=widths[key])

    def on_resize(self) -> None:
        self._columns()
        self._show(self.rows)

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.run_db(list_associations, done=self._show, group="assoc", exclusive=True)

    def _show(self, rows: list[AssociationRow]) -> None:
        self.rows = rows
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            table.add_row(*plain_row(row.name, row.kind, row.head, str(row.members)), key=row.id)
        self.query_one("#status", Static).update("" if rows else S.ASSOC_EMPTY)

    def _current(self) -> AssociationRow | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return next((r for r in self.rows if r.id == key), None)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(AssociationFormScreen(event.row_key.value))

    def action_open(self) -> None:
        row = self._current()
        if row is not None:
            self.app.push_screen(AssociationFormScreen(row.id))

    def action_add(self) -> None:
        self.app.push_screen(AssociationFormScreen())

    def action_remove(self) -> None:
        row = self._current()
        if row is None:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.run_db(delete_association, row.id, done=lambda _: self.on_screen_resume())

        self.app.push_screen(ConfirmDialog(S.ASSOC_DELETE_CONFIRM.format(name=row.name)),
                             callback=answer)

    def action_export(self) -> None:
        """The list and every association's members to Excel."""
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_associations

        start_export(self, export_associations, title=S.XLS_KEY_EXPORT)

    def action_back(self) -> None:
        self.app.action_section("dashboard")


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
