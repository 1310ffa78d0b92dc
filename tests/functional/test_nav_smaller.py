"""The smaller rough edges of issue 17 at 80x24, each through the keys the user pressed."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Button

from metodkab.screens.dialogs import ActionChoiceDialog
from metodkab.screens.exchange_municipal import MunicipalIndicatorsScreen
from metodkab.screens.office_rows import RowsScreen
from metodkab.strings import MX_LIST_TITLES
from tests.functional.test_exchange_flow import settle
from tests.functional.test_office_daily import SIZE, office  # noqa: F401  (the fixture)


async def test_office_lists_show_every_button_whole_at_80_columns(office):  # noqa: F811
    """F8 → Ctrl+L: «Молодые педагоги без поддержки (N)» and the other lists are whole
    buttons inside the dialog (they were cut at 80 columns), and one is chosen by keys."""
    office.school("0412", staff=4)
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot, 3)
        assert isinstance(app.screen, MunicipalIndicatorsScreen)
        await pilot.press("ctrl+l")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ActionChoiceDialog)
        app.save_screenshot("/tmp/nav/lists.svg")
        box = dialog.query_one("Vertical").region
        for button in dialog.query(Button):
            label = str(button.label)
            assert cell_len(label) <= button.content_region.width, label
            assert box.contains_region(button.region), label
            assert button.region.bottom <= SIZE[1]
        assert dialog.query_one("#act-young").label.plain.startswith(MX_LIST_TITLES["young"])
        await pilot.press("down")                       # the first list → the young ones
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RowsScreen)
        assert MX_LIST_TITLES["young"] in str(app.screen.query_one("#rs-title").render())
