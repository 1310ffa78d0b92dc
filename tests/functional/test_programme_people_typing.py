"""Программа развития, view 3 «Ответственные» at 80x24: the view puts the focus in the
people list, and letters typed there did nothing although the box above says «Фамилия…»;
now they go on in that box (in order, however fast), ↑ on the first person goes back to
it, and the person's line names how many of their activities are not done in full —
it was cut at «…, из них ещё не», which read as the opposite (now «…, осталось 2»)."""

from __future__ import annotations

import datetime as dt

from textual import events
from textual.widgets import OptionList, Static

from metodkab.demo import build_demo
from metodkab.screens.programme import ProgrammeScreen
from metodkab.widgets.fields import TextField
from tests.ui import build_app, settle, type_text

TODAY = dt.date(2026, 11, 23)


async def test_typing_in_the_people_list_searches(tmp_path):
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen)
        await pilot.press("3")
        await settle(pilot)
        people = screen.query_one("#people-list", OptionList)
        search = screen.query_one("#people-search", TextField)
        assert screen.focused is people and people.option_count > 1

        await type_text(pilot, "Мор")
        await settle(pilot)
        assert screen.focused is search and search.value == "Мор"
        assert people.option_count == 1
        title = screen.query_one("#person-title", Static)
        assert str(title.render()) == "Морозова Елена Николаевна: мероприятий 8, осталось 2"
        assert title.size.height == 1

        await pilot.press("down")                    # to the list, as Enter does
        await pilot.press("enter")
        await settle(pilot)
        search.value = ""
        await settle(pilot)
        people.focus()
        await settle(pilot)
        for letter in "Вол":                        # three keys in one read: still in order
            app.post_message(events.Key(letter, letter))
        await settle(pilot)
        assert search.value == "Вол" and people.option_count == 1

        search.value = ""
        await settle(pilot)
        people.focus()
        people.highlighted = 0
        await pilot.press("up")                      # the first person: back to the box
        assert screen.focused is search
        people.focus()
        await settle(pilot)
        await pilot.press("4")                       # digits stay the views' keys
        await settle(pilot)
        assert screen.active_view == "progress" and search.value == ""
