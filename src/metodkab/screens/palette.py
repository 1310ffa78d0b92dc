"""The command palette (Ctrl+P) speaking Russian to the end: Textual's palette words its
"no matches" line in English, so that one line is replaced here."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from metodkab import strings as S


class RussianCommandPalette(CommandPalette):
    """Textual's palette; «Ничего не найдено» instead of "No matches found".

    Overrides the countdown of textual 8.2 (pinned) that adds the line; the rest is
    Textual's own behaviour.
    """

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(S.PALETTE_NO_MATCHES, style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
