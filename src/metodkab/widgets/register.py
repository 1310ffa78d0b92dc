"""What every register (Кадры, ПК, Наставничество …) shares: the search box's focus rules."""

from __future__ import annotations

from textual import events
from textual.widgets import DataTable

from metodkab.widgets.fields import TextField


def search_keys(event: events.Key, search: TextField, table: DataTable) -> None:
    """The register's focus rules, for its screen's ``on_key``: ↓ from the search box goes
    to the list, ↑ from the first row comes back, and a letter typed while the list has
    the focus goes on in the search box (the header promises «начните вводить»; typed in
    the list it did nothing, and ↓ Enter then opened whoever was under the cursor)."""
    focused = search.screen.focused
    if event.key == "down" and focused is search:
        table.focus()
        event.stop()
    elif event.key == "up" and focused is table and table.cursor_row == 0:
        search.focus()
        event.stop()
    elif (focused is table and event.character and event.is_printable
          and not event.character.isspace()):
        search.start_typing(search.value + event.character)
        event.stop()
        event.prevent_default()
