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
