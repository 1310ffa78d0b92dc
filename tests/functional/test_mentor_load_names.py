"""Наставничество → Ctrl+L «Нагрузка наставников» at 80x24: the mentors' column reads
alike — «Семёнова Е. А.» (whose full name is one letter too long for the column) stood
shortened among full names, as if another kind of entry; now one name that does not fit
shortens the whole column, as in the register."""

from __future__ import annotations

import datetime as dt
import re

from metodkab.demo import build_demo
from metodkab.screens.mentorship_load import MentorLoadScreen
from tests.ui import build_app, settle

TODAY = dt.date(2026, 11, 23)
SHORT = re.compile(r"^\S+ [А-ЯЁ]\. [А-ЯЁ]\.$")


async def test_mentor_names_all_short_when_one_is(tmp_path):
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f6", "ctrl+l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MentorLoadScreen)
        table = screen.query_one("#load-table")
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert "Семёнова Е. А." in names
        assert all(SHORT.match(name) for name in names), names
