"""The records behind one to-do item; Enter opens the person concerned."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from metodkab import strings as S
from metodkab.screens.base import AppScreen
from metodkab.storage.alerts import AlertItem, collect_alerts
from metodkab.storage.settings import report_date
from metodkab.widgets.text import plain


def load_items(store, key: str) -> list[AlertItem]:
    """The records behind the to-do item ``key`` now (after the user fixed some)."""
    alerts = collect_alerts(store, report_date(store))
    return next((a.items for a in alerts if a.key == key), [])


class AlertListScreen(AppScreen):
    SCREEN_TITLE = S.SECTION_DASHBOARD
    BINDINGS = [
        Binding("escape", "back", S.KEY_BACK, key_display="Esc"),
        Binding("f4", "open", S.KEY_OPEN, key_display="Enter/F4"),
        Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", show=False),
    ]

    def __init__(self, title: str, items: list[AlertItem], *, tab: str = "main",
                 section: str | None = None, key: str | None = None) -> None:
        """``tab``: the person card's tab to open ("mentorship": the pair's card);
        ``section``: the section for items that concern no one person (activities);
        ``key``: the to-do item, to reload the list when the user comes back to it."""
        super().__init__()
        self.key = key
        self._shown = False
        self.title_text = title
        self.items = items
        self.tab = tab
        self.section = section

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(plain(self.title_text), classes="section-title")
        yield OptionList(*(Option(plain(item.text), id=str(i))
                           for i, item in enumerate(self.items)),
                         id="items")
        yield Footer()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self._shown and self.key:
            self.run_db(load_items, self.key, done=self._reloaded, group="alert-list",
                        exclusive=True)
        self._shown = True

    def _reloaded(self, items: list[AlertItem]) -> None:
        """Show the fresh list; the cursor stays on the same record, or at the same place."""
        options = self.query_one("#items", OptionList)
        index = options.highlighted
        current = self.items[index] if index is not None and index < len(self.items) else None
        self.items = items
        options.clear_options()
        options.add_options(Option(plain(item.text), id=str(i)) for i, item in enumerate(items))
        if not items:
            return
        same = next((i for i, item in enumerate(items) if current is not None
                     and (item.staff_id, item.record_id, item.text)
                     == (current.staff_id, current.record_id, current.text)), None)
        if same is None:
            same = next((i for i, item in enumerate(items) if current is not None
                         and item.staff_id == current.staff_id
                         and item.record_id == current.record_id), None)
        options.highlighted = same if same is not None else min(index or 0, len(items) - 1)

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

    def action_export(self) -> None:
        """This item's records, as of the report date, to Excel."""
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_alerts

        if self.key:
            start_export(self, export_alerts, self.key, title=S.XLS_KEY_EXPORT)

    def action_back(self) -> None:
        self.dismiss()
