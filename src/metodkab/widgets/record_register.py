"""A register whose rows are records edited in forms (Повышение квалификации, Достижения),
on top of ``Register``: its body (search box, status line, one table), Enter/F4 opening the
record under the cursor, Ins a new one, Ctrl+F the register's filter dialog, Esc dropping
the search before it leaves for Главная.

A screen mixes ``RecordRegister`` in before ``Register`` and says ``FORM`` (the form class,
called with a record id or none), ``SEARCH_PLACEHOLDER`` and ``TABLE_ID``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from metodkab.widgets.fields import TextField


class RecordRegister:
    """See the module's docstring."""

    FORM: Any
    SEARCH_PLACEHOLDER = ""
    TABLE_ID = ""

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield TextField(placeholder=self.SEARCH_PLACEHOLDER, id="search")
        yield Static("", id="status")
        yield DataTable(id=self.TABLE_ID, cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self: Any) -> None:
        self.search_box.focus()

    def on_screen_resume(self: Any) -> None:
        super().on_screen_resume()      # type: ignore[misc]
        self.reload()

    # Named handler (not @on): a plain mixin's decorated handlers are not collected.
    def on_data_table_row_selected(self: Any, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self: Any) -> None:
        row = self.current_row()
        if row is not None:
            self.open_form(self.FORM, row.id)

    def action_add(self: Any) -> None:
        self.open_form(self.FORM)

    def open_filter(self: Any, options: Callable[..., Any], dialog: Any) -> None:
        """Ctrl+F: ``dialog(query, options)`` with the options read by ``options(store)``;
        the query it returns is shown from its first page, the search kept."""

        def chosen(query: Any) -> None:
            if query is not None:
                self.query_state = replace(query, search=self.query_state.search, offset=0)
                self.reload()

        self.run_db(options, done=lambda found: self.app.push_screen(
            dialog(self.query_state, found), callback=chosen))

    def action_back(self: Any) -> None:
        if not self.clear_search():
            self.app.action_section("dashboard")
