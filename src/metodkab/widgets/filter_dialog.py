"""Ctrl+F of a register: the one filter dialog every list shares — labelled choice rows,
check boxes, «OK», «Сбросить отбор», «Отмена»; Ctrl+S applies, Esc cancels, ↑/↓ move.

A register's dialog says only what is its own: ``TITLE``, ``fields()`` (label, widget),
``checks()``, ``result()`` (the query the choices make) and ``reset()`` (the query with
no filter, the search kept).
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Label

from metodkab import strings as S
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.fields import CheckField, ChoiceField


class FilterDialog(BoxDialog[Any]):
    """See the module's docstring."""

    DEFAULT_CSS = """
    FilterDialog > Vertical { width: 72; }
    FilterDialog .row { height: 1; margin-bottom: 1; }
    FilterDialog .row > Label { width: 26; color: $text-muted; }
    FilterDialog .buttons { height: auto; }
    FilterDialog Button { margin-right: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
        Binding("ctrl+s", "apply", S.KEY_OK, key_display="Ctrl+S"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]
    TITLE = ""

    def __init__(self, query: Any) -> None:
        super().__init__()
        self.query_state = query

    # --- what a register's dialog provides -------------------------------------------------
    def fields(self) -> list[tuple[str, Widget]]:
        return []

    def checks(self) -> list[CheckField]:
        return []

    def result(self) -> Any:
        return self.query_state

    def reset(self) -> Any:
        return type(self.query_state)(search=self.query_state.search)

    # --- the pattern -------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.TITLE, classes="section-title")
            for label, field in self.fields():
                with Horizontal(classes="row"):
                    yield Label(label)
                    yield field
            yield from self.checks()
            with Horizontal(classes="buttons"):
                yield Button(S.KEY_OK, variant="primary", id="apply")
                yield Button(S.KEY_RESET_FILTER, id="reset")
                yield Button(S.KEY_CANCEL, id="cancel")

    def on_mount(self) -> None:
        self.query(ChoiceField).first().focus()

    def choice(self, name: str) -> str | None:
        return self.query_one(f"#{name}", ChoiceField).single

    def checked(self, name: str) -> bool:
        return self.query_one(f"#{name}", CheckField).value

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        self.dismiss(self.result())

    @on(Button.Pressed, "#reset")
    def _reset(self) -> None:
        self.dismiss(self.reset())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def chosen(value: Any) -> list[str]:
    """A query's value as a ChoiceField's value: [] for none."""
    return [] if value is None else [str(value)]
