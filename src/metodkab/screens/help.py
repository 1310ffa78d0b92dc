"""F1: the keys of the current screen and the global keys, read from the live bindings."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static
from rich.table import Table

from metodkab import strings as S


def key_rows(screen: Screen) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(screen keys, global keys) as (key, description), from the screen's active bindings."""
    own: list[tuple[str, str]] = []
    global_: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or binding.system:
            continue
        display = binding.key_display or key.upper()
        entry = (display, binding.description)
        if entry in seen:
            continue
        seen.add(entry)
        (global_ if isinstance(active.node, App) else own).append(entry)
    return own, global_


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 76; max-width: 98%; height: 95%; max-height: 40;
        border: thick $primary; background: $surface; padding: 0 1;
    }
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
