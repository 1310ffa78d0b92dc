"""The person's card at 80x24 says when a text is cut: a course name (tab 2), a kind of
diagnostic or its operator, a deficit's area or description (tab 4) longer than its
column ends with «…» — «Затруднения в проектировании урока в соотв» stopped mid-word
as if that were all of it."""

from __future__ import annotations

import datetime as dt

from metodkab.demo import build_demo
from metodkab.screens.person_card import PersonCardScreen
from tests.ui import build_app, settle, type_text

TODAY = dt.date(2026, 11, 23)


def cells(table) -> list[tuple[str, int, str]]:
    """(column key, width, text) of every cell."""
    columns = list(table.columns.values())
    return [(column.key.value, column.width, str(table.get_row_at(y)[x]))
            for y in range(table.row_count) for x, column in enumerate(columns)]


async def test_card_tables_end_a_cut_text_with_an_ellipsis(tmp_path):
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await type_text(pilot, "Козлова")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, PersonCardScreen)
        cut = 0
        for tab, tables in (("2", ("#tr-table",)), ("4", ("#diag-table", "#def-table"))):
            await pilot.press(tab)
            await settle(pilot)
            for selector in tables:
                for key, width, text in cells(card.query_one(selector)):
                    assert len(text) <= width, (selector, key, text)
                    cut += text.endswith("…")
        assert cut >= 3
        deficits = [text for key, _, text in cells(card.query_one("#def-table"))
                    if key == "description"]
        assert "Затруднения в проектировании урока в соот…" in deficits
