"""F1: the keys of the current screen and the global keys, read from the live bindings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static
from rich.table import Table

from metodkab import strings as S
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.register import Register


_CYRILLIC = re.compile("[а-яёА-ЯЁ]")


def is_ours(binding: Binding) -> bool:
    """Bindings of this application describe themselves in Russian; Textual's own
    widget bindings (cursor moves in an input …) are left out of help and the palette."""
    return bool(binding.description) and not binding.system and bool(
        _CYRILLIC.search(binding.description))


@dataclass(frozen=True)
class KeyEntry:
    key: str
    description: str
    action: str
    node: object
    is_global: bool


def collect_keys(screen: Screen) -> list[KeyEntry]:
    """The keys of a screen: the focused widget's (ours), the screen's own — even those an
    input shadows while it has focus — and the app's global keys."""
    entries: list[KeyEntry] = []
    seen: set[tuple[str, str]] = set()
    app = screen.app
    sources: list[tuple[object, bool]] = []
    if screen.focused is not None:
        sources.append((screen.focused, False))
    sources += [(screen, False), (app, True)]
    for node, is_global in sources:
        for key, bindings in node._bindings.key_to_bindings.items():  # noqa: SLF001
            for binding in bindings:
                if not is_ours(binding) or binding.action == "command_palette":
                    continue
                display = binding.key_display or key.upper()
                if (display, binding.description) in seen:
                    continue
                seen.add((display, binding.description))
                entries.append(KeyEntry(display, binding.description, binding.action, node,
                                        is_global))
    return entries


def key_rows(screen: Screen) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(screen keys, global keys) as (key, description)."""
    entries = collect_keys(screen)
    return ([(e.key, e.description) for e in entries if not e.is_global],
            [(e.key, e.description) for e in entries if e.is_global])


class HelpScreen(BoxDialog[None]):
    DEFAULT_CSS = """
    HelpScreen > Vertical { width: 76; height: 95%; max-height: 40; }
    HelpScreen #help-title { text-style: bold; width: 1fr; }
    HelpScreen VerticalScroll { height: 1fr; }
    HelpScreen .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "close", S.KEY_CLOSE, key_display="Esc"),
        Binding("f1", "close", S.KEY_CLOSE, key_display="F1", priority=True),
    ]

    def __init__(self, target: Screen) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        own, global_ = key_rows(self.target)
        title = getattr(self.target, "SCREEN_TITLE", "") or self.app.sub_title or S.APP_TITLE
        with Vertical():
            yield Label(S.HELP_TITLE.format(screen=title), id="help-title")
            with VerticalScroll():
                yield Static(self._table(S.HELP_SCREEN, own), id="help-screen")
                from metodkab.screens.base import FormScreen

                if isinstance(self.target, FormScreen):
                    yield Static(self._table(S.HELP_FIELDS, list(S.HELP_FIELD_KEYS)),
                                 id="help-fields")
                elif isinstance(self.target, Register):
                    yield Static(self._table(S.HELP_REGISTER, list(S.HELP_REGISTER_KEYS)),
                                 id="help-register")
                yield Static(self._table(S.HELP_GLOBAL, global_), id="help-global")
            yield Static(S.HELP_FOOTER, classes="hint")

    @staticmethod
    def _table(title: str, rows: list[tuple[str, str]]) -> Table:
        table = Table(title=title, title_justify="left", expand=True, box=None,
                      show_header=True, header_style="bold")
        table.add_column(S.HELP_KEY, width=14, no_wrap=True, style="bold")
        table.add_column(S.HELP_ACTION, ratio=1)
        for key, description in rows:
            table.add_row(key, description)
        return table

    def action_close(self) -> None:
        self.dismiss(None)
