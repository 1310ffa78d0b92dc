"""The records behind one to-do item; Enter opens the person concerned."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from metodkab import strings as S
from metodkab.screens.base import AppScreen
from metodkab.storage.alerts import AlertItem


class AlertListScreen(AppScreen):
    BINDINGS = [
        Binding("escape", "back", S.KEY_BACK, key_display="Esc"),
        Binding("f4", "open", S.KEY_OPEN, key_display="Enter/F4"),
    ]

    def __init__(self, title: str, items: list[AlertItem], *, tab: str = "main",
                 section: str | None = None) -> None:
        """``tab``: the person card's tab to open ("mentorship": the pair's card);
        ``section``: the section for items that concern no one person (activities)."""
        super().__init__()
        self.title_text = title
        self.items = items
        self.tab = tab
        self.section = section

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(self.title_text, classes="section-title")
        yield OptionList(*(Option(item.text, id=str(i)) for i, item in enumerate(self.items)),
                         id="items")
        yield Footer()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(int(event.option.id or 0))

    def action_open(self) -> None:
        items = self.query_one("#items", OptionList)
        if items.highlighted is not None:
            self._open(items.highlighted)

    def _open(self, index: int) -> None:
        item = self.items[index]
        if self.tab == "mentorship" and item.record_id:
            from metodkab.screens.mentorship_card import MentorshipCardScreen

            self.app.push_screen(MentorshipCardScreen(item.record_id))
        elif item.staff_id:
            from metodkab.screens.person_card import PersonCardScreen

            self.app.push_screen(PersonCardScreen(item.staff_id, tab=self.tab))
        elif self.section:
            self.dismiss()
            self.app.action_section(self.section)

    def action_back(self) -> None:
        self.dismiss()
