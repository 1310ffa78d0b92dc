"""User-supplied text shown as text, never as Rich markup.

Textual reads a ``str`` handed to a ``DataTable`` cell, a ``Static``/``Label`` or
``notify`` as markup: a school short name ``[/]Школа [b]`` from a packet raised
MarkupError on every start of the office app, and ``[red]…`` would restyle the screen.
Anything a person, a file or a packet supplied (names, titles, file names, messages
that quote them) goes through these helpers:

- ``plain(value)`` — a ``rich.text.Text`` of the value, exactly as typed;
- ``plain_row(*values)`` — a table row: every ``str`` becomes ``plain``, other cells
  (a ``Text`` already styled, numbers) pass unchanged;
- ``say(widget, message, …)`` — ``notify`` with markup off.

The shared table code and every screen that shows data use them instead of bare
strings. Our own words from ``strings.py`` hold no markup, so a message built from a
template and user values is shown whole with ``plain``.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.table import Table
from rich.text import Text


def plain(value: object, *, style: str = "", **options: Any) -> Text:
    """``value`` as literal text (None is empty); ``options`` go to ``Text`` (no_wrap,
    overflow, justify …)."""
    if isinstance(value, Text):
        return value
    return Text("" if value is None else str(value), style=style, **options)


def plain_row(*values: object) -> tuple[object, ...]:
    """A table row whose text cells cannot be read as markup."""
    return tuple(plain(v) if isinstance(v, str) else v for v in values)


def say(widget, message: object, **kwargs: Any) -> None:
    """``widget.notify`` of a message that may quote user text: shown as typed."""
    widget.notify(str(message), markup=False, **kwargs)


def fit_lines(value: str, width: int, lines: int) -> Text:
    """``value`` as plain text wrapped at ``width`` cells in at most ``lines`` lines; what
    does not fit ends the last line with «…», so a cut is never silent (a long
    programme title in a one-screen header)."""
    words = value.split(" ")
    shown: list[str] = []
    while words and len(shown) < lines:
        line = words.pop(0)
        while words and cell_len(line) + 1 + cell_len(words[0]) <= width:
            line += " " + words.pop(0)
        shown.append(line)
    if words or any(cell_len(line) > width for line in shown):
        last = shown[-1]
        shown[-1] = (set_cell_size(last, width - 1).rstrip() if cell_len(last) >= width
                     else last.rstrip()) + "…"
        shown = [set_cell_size(line, width).rstrip() if cell_len(line) > width else line
                 for line in shown[:-1]] + shown[-1:]
    return Text("\n".join(shown), no_wrap=True, overflow="crop")


class Hanging:
    """``lead`` then ``text``, the text's further lines under its own start, not under
    the lead (a to-do item «  3  Курсы ПК …» wrapped back under its count). ``str()`` of
    it is the one line, for anything that reads an option as text."""

    def __init__(self, lead: str, text: str) -> None:
        self.lead = lead
        self.text = text

    def __str__(self) -> str:
        return self.lead + self.text

    def __rich_console__(self, console, options):
        grid = Table.grid(expand=True)
        grid.add_column(width=cell_len(self.lead), no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(plain(self.lead), plain(self.text))
        yield grid
