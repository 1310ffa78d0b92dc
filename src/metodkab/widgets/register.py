"""The register pattern every list shares (Кадры, Повышение квалификации, Наставничество,
Достижения, Методические объединения, Аттестация): a search box that typing always reaches,
a table (paged in SQL where a list can be long) that keeps its cursor on the same record
across reloads, and a status line that ends with the empty hint.

A section screen mixes ``Register`` in (before its Screen class) and provides:

- ``load_register(store, query) -> result`` — runs in a worker (storage only);
- ``take_result(result)`` — keeps the rows and totals on the screen;
- ``fill_table(table)`` — columns and rows for the current width (row keys are ids);
- ``status_text() -> str`` — the filter summary and counts (``shown_text`` helps);
- ``register_total`` — how many records the query matches (for paging).
- ``action_open()`` — opens the row under the cursor (also Enter in the search box when
  exactly one record matches).

The search box has id ``search``; the screen's own ``query_state`` is a dataclass with
``search`` and, for a paged list, ``offset`` and ``limit``.

A screen with several lists (tabs) overrides ``table`` (the list in view) and
``register_tables`` (every list: each keeps its own cursor across reloads); its
``fill_table`` fills them all, and ``register_empty`` speaks of the list in view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any

from textual import events
from textual.widgets import DataTable, Static

from metodkab.widgets.fields import TextField
from metodkab.widgets.table import current_key, move_to_key


def search_keys(event: events.Key, search: TextField, table: DataTable) -> None:
    """The register's focus rules, for its screen's ``on_key``: ↓ from the search box goes
    to the list, ↑ from the first row comes back, and a letter typed while the list has
    the focus goes on in the search box (the header promises «начните вводить»; typed in
    the list it did nothing, and ↓ Enter then opened whoever was under the cursor), as does
    Backspace (the search's last letter goes)."""
    focused = search.screen.focused
    if event.key == "down" and focused is search:
        table.focus()
        event.stop()
    elif event.key == "up" and focused is table and table.cursor_row == 0:
        search.focus()
        event.stop()
    elif focused is table and event.key == "backspace":
        # Backspace edits the search (its last letter goes); with no search it does nothing.
        if search.value:
            search.erase_on()
        event.stop()
        event.prevent_default()
    elif (focused is table and event.character and event.is_printable
          and not event.character.isspace()):
        search.type_on(event.character)
        event.stop()
        event.prevent_default()


def shown_text(shown: int, total: int, query: Any, shown_fmt: str, page_fmt: str,
               **extra: Any) -> str:
    """«Показано 50 из 120, стр. 1 из 3»: the counts and, past one page, the page."""
    text = shown_fmt.format(shown=shown, total=total, **extra)
    pages = max(1, -(-total // query.limit))
    if pages > 1:
        text += ", " + page_fmt.format(page=query.offset // query.limit + 1, pages=pages)
    return text


class Register:
    """The shared half of a register screen (see the module's docstring)."""

    REGISTER_GROUP = "register"
    OPEN_ON_ENTER = False     # Enter on a row runs the screen's action_open
    SORT_ON_HEADER = False    # a header clicked sorts by its column (query_state.sort), again: ▼
    query_state: Any
    _keep_id: str | None = None
    _hidden_keys: dict[str, tuple[str, str | None]] = {}

    # --- what the screen provides ---------------------------------------------------------
    # Every register screen defines these three (the module's docstring says what each does);
    # declared, not defaulted: a screen without one fails at once with AttributeError.
    load_register: Callable[[Any, Any], Any]
    take_result: Callable[[Any], None]
    fill_table: Callable[[DataTable], None]

    def status_text(self) -> str:
        return ""

    @property
    def register_total(self) -> int:
        return 0

    @property
    def register_empty(self) -> bool:
        return not getattr(self, "rows", None)

    # --- the pattern ------------------------------------------------------------------------
    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)     # type: ignore[attr-defined]

    @property
    def search_box(self) -> TextField:
        return self.query_one("#search", TextField)     # type: ignore[attr-defined]

    def register_tables(self) -> list[DataTable]:
        """Every list of the screen (one, or one per tab)."""
        return [self.table]

    def set_query(self, **changes: Any) -> None:
        if "offset" in {f.name for f in fields(self.query_state)}:
            changes["offset"] = 0       # a new search or sort starts on the first page
        self.query_state = replace(self.query_state, **changes)
        self.reload()

    _fresh = False      # a section key asked for the list as it opens

    def show_fresh(self) -> None:
        """A section key: a search left in the box goes — the whole list from its first
        page, the cursor on the top row (a filter chosen with Ctrl+F stays); typing then
        starts a new search instead of going on after the old one. With no search the
        list is the one the user left: the cursor stays on its record (back from a card)."""
        search = self.search_box
        if not search.value and not self.query_state.search:
            return
        with search.prevent(TextField.Changed):
            search.value = ""
        changes: dict[str, Any] = {"search": ""}
        if "offset" in {f.name for f in fields(self.query_state)}:
            changes["offset"] = 0
        self.query_state = replace(self.query_state, **changes)
        self._keep_id = None
        self._fresh = True
        self.reload()

    def _cursor_keys(self) -> dict[str, str | None]:
        if self._fresh:         # every list from its top, until the fresh one is loaded
            self._keep_id = None
            return {table.id or "": None for table in self.register_tables()}
        keys = {}
        hidden = self._hidden_keys
        for table in self.register_tables():
            key = current_key(table)
            wanted, placed = hidden.get(table.id or "", (None, None))
            keys[table.id or ""] = wanted if wanted and key == placed else key
        if self._keep_id:       # what a form or card came back with
            keys[self.table.id or ""] = self._keep_id
        self._keep_id = None
        return keys

    def reload(self) -> None:
        # Taken now: overlapping reloads each put the cursor back where it was.
        keep = self._cursor_keys()
        query = self.query_state
        self.run_db(self.load_register, query,   # type: ignore[attr-defined]
                    done=lambda result: self._register_loaded(result, keep, query),
                    group=self.REGISTER_GROUP, exclusive=True)

    _loaded_query: Any = None
    _search_entered = False

    def _register_loaded(self, result: Any, keep: dict[str, str | None],
                         query: Any = None) -> None:
        self.take_result(result)
        self._fresh = False
        self.refill(keep)
        self._loaded_query = query
        if self._search_entered and query == self.query_state:
            self._search_entered = False
            if self.app.screen is self:       # type: ignore[attr-defined]
                self._enter_from_search()

    def _enter_from_search(self) -> None:
        """Enter in the search box: exactly one match opens it; several, the list."""
        self.table.focus()
        if self.register_total == 1 and not self.register_empty:
            self.action_open()      # type: ignore[attr-defined]

    def refill(self, keep: dict[str, str | None] | None = None) -> None:
        """The table again from the rows in hand (a reload, a new width)."""
        tables = self.register_tables()
        keep = keep or {table.id or "": current_key(table) for table in tables}
        self.fill_table(self.table)
        # A tab not in view whose record the search hid gets it back when the search goes:
        # the user never saw its cursor move.
        self._hidden_keys: dict[str, tuple[str, str | None]] = {}
        for table in tables:
            wanted = keep.get(table.id or "")
            move_to_key(table, wanted)
            if wanted and table is not self.table and current_key(table) != wanted:
                self._hidden_keys[table.id or ""] = (wanted, current_key(table))
        self.show_status()

    def show_status(self) -> None:
        status = self.query_one("#status", Static)      # type: ignore[attr-defined]
        status.set_class(self.register_empty, "-empty")      # the empty hint in full
        status.update(self.status_text())

    def current_row(self) -> Any:
        """The row under the cursor (rows are records with an ``id``), or None."""
        key = current_key(self.table)
        return next((r for r in getattr(self, "rows", ()) if r.id == key), None)

    def open_form(self, form: Any, record_id: str | None = None) -> None:
        """A record's form (or a new one); the cursor comes back on what it saved."""
        self.keep_cursor_on(record_id)
        self.app.push_screen(form(record_id),       # type: ignore[attr-defined]
                             callback=self.keep_cursor_on)

    def keep_cursor_on(self, record_id: str | None) -> None:
        """After a form or card comes back, the cursor goes to this record."""
        if record_id:
            self._keep_id = record_id

    def action_page(self, step: int) -> None:
        q = self.query_state
        offset = q.offset + step * q.limit
        if 0 <= offset < self.register_total:
            self.query_state = replace(q, offset=offset)
            self.reload()

    def clear_search(self) -> bool:
        """Esc: a typed search is dropped first (True), before Esc does anything else."""
        search = self.search_box
        if not search.value:
            return False
        search.value = ""
        search.focus()
        return True

    # Named handlers (not @on): a plain mixin's decorated handlers are not collected.
    def on_input_changed(self, event: TextField.Changed) -> None:
        if event.input.id == "search":
            self.set_query(search=event.value)

    def on_input_submitted(self, event: TextField.Submitted) -> None:
        if event.input.id == "search":
            # Enter typed before the list caught up with the search waits for it.
            self._search_entered = self._loaded_query != self.query_state
            if not self._search_entered:
                self._enter_from_search()

    def on_key(self, event: events.Key) -> None:
        self.register_keys(event)

    def register_keys(self, event: events.Key) -> None:
        """The focus rules (a screen with other lists overrides this, not ``on_key``:
        Textual calls every class's ``on_key``)."""
        search_keys(event, self.search_box, self.table)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if self.OPEN_ON_ENTER:
            self.action_open()      # type: ignore[attr-defined]

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        if self.SORT_ON_HEADER:
            key = event.column_key.value
            if key == self.query_state.sort:
                self.set_query(descending=not self.query_state.descending)
            else:
                self.set_query(sort=key, descending=False)
