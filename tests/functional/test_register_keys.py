"""The register's keys on the list (issue 17, «typing always reaches the search box it
promises»): letters typed on the list go on in the search one by one, however fast."""

from __future__ import annotations

from textual import events

from tests.ui import build_app, school_db, settle


async def test_fast_typing_on_the_list_adds_each_letter_once(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for section in ("f2", "ctrl+o", "f5"):
            await pilot.press(section)
            await settle(pilot)
            screen = app.screen
            screen.table.focus()
            await settle(pilot)
            await pilot.press("к", "о", "в")       # no wait between the keys
            assert screen.search_box.value == "ков"
            screen.table.focus()
            await settle(pilot)
            # Three keys in one read from the terminal, as a fast typist's: every one
            # arrives before the focus has moved to the search box.
            for ch in "ски":
                app.post_message(events.Key(ch, ch))
            await settle(pilot)
            assert screen.search_box.value == "ковски"
            assert screen.focused is screen.search_box
            await pilot.press("escape")
            await settle(pilot)


async def test_backspace_on_the_list_edits_the_search(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for section in ("f2", "ctrl+o", "f5"):
            await pilot.press(section)
            await settle(pilot)
            screen = app.screen
            await pilot.press("е", "г", "о")
            await settle(pilot)
            screen.table.focus()
            await settle(pilot)
            await pilot.press("backspace")
            await settle(pilot)
            assert app.screen is screen             # no «История записи»
            assert screen.search_box.value == "ег"
            assert screen.focused is screen.search_box
            await pilot.press("о")                  # typing goes on after it
            assert screen.search_box.value == "его"

            # An empty search: Backspace on the list does nothing.
            await pilot.press("escape")
            await settle(pilot)
            screen.table.focus()
            await settle(pilot)
            await pilot.press("backspace")
            await settle(pilot)
            assert app.screen is screen
            assert screen.search_box.value == ""
            assert screen.focused is screen.table
