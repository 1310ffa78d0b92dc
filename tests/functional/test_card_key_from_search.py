"""Ctrl+K «Карточка сотрудника» works from where the user lands (80x24): Повышение
квалификации (F3) and Достижения (Ctrl+B) open with the focus in the search box, whose
own Ctrl+K (delete to the end of the line) took the key — it did nothing and said
nothing. Now it opens the card of the person under the cursor, after a search too."""

from __future__ import annotations

import datetime as dt

from metodkab.demo import build_demo
from metodkab.screens.person_card import PersonCardScreen
from metodkab.widgets.fields import TextField
from tests.ui import build_app, settle, type_text

TODAY = dt.date(2026, 11, 23)


async def test_ctrl_k_from_the_search_box_opens_the_card(tmp_path):
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for section in ("f3", "ctrl+b"):
            await pilot.press(section)
            await settle(pilot)
            register = app.screen
            assert isinstance(register.focused, TextField)        # the search box
            await type_text(pilot, "Тихонова")
            await settle(pilot)
            row = register.current_row()
            assert row is not None
            await pilot.press("ctrl+k")
            await settle(pilot)
            card = app.screen
            assert isinstance(card, PersonCardScreen), section
            assert card.staff_id == row.staff_id
            assert "Тихонова Елена Анатольевна" in str(card.query_one("#card-title").render())
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is register
            assert register.search_box.value == "Тихонова"          # Ctrl+K deleted nothing
