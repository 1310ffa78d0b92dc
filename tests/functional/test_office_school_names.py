"""A school's name that carries its own quotes (МБОУ «Берёзовская СОШ», as most short names
do) is shown as written at 80x24: the office's card read «0412 «МБОУ «Берёзовская СОШ»» —
…», a doubled quote the user took for a typo. A name without quotes keeps «» around it."""

from __future__ import annotations

from metodkab.screens.office_school import SchoolCardScreen
from tests.functional.test_exchange_flow import settle
from tests.functional.test_office_daily import SIZE, office, text_of  # noqa: F401


async def open_card(app, pilot, code: str) -> str:
    await settle(pilot)
    await pilot.press(*code, "enter")                # typed in the list: the search box
    await settle(pilot)
    card = app.screen
    assert isinstance(card, SchoolCardScreen) and card.code == code
    return text_of(card, "#sc-text").splitlines()[0]


async def test_a_quoted_name_is_not_quoted_again_on_the_card(office):
    office.school("0412", name="МБОУ «Берёзовская СОШ»")
    office.school("0413", seed=1, name="Гимназия № 2")
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        first = await open_card(app, pilot, "0412")
        assert first.startswith("0412 МБОУ «Берёзовская СОШ» — ")
        assert "««" not in first and "»»" not in first
        await pilot.press("escape", "escape")        # the card, then the search
        await settle(pilot)
        first = await open_card(app, pilot, "0413")
        assert first.startswith("0413 «Гимназия № 2» — ")
