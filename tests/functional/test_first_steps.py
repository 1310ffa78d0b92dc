"""A new database at 80x24: Главная says where to begin (F2 — staff, Ctrl+T — import)
instead of «Замечаний нет.», and Ctrl+T there opens the import."""

from __future__ import annotations

from textual.widgets import OptionList

from metodkab import strings as S
from metodkab.screens.dashboard import DashboardScreen
from metodkab.screens.import_file import ImportScreen
from metodkab.screens.staff import StaffListScreen
from tests.functional.test_card_flow import dev_school_db
from tests.ui import build_app, school_db, settle


def todo_lines(screen) -> list[str]:
    todo = screen.query_one("#todo", OptionList)
    return [str(todo.get_option_at_index(i).prompt) for i in range(todo.option_count)]


async def test_empty_database_shows_where_to_begin(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        lines = todo_lines(screen)
        assert lines == list(S.DASH_START) and S.DASH_TODO_EMPTY not in lines
        # Every hint line is whole at 80 columns (the to-do panel is what the counts leave).
        todo = screen.query_one("#todo", OptionList)
        assert max(len(line) for line in lines) <= todo.size.width - 2
        await pilot.press("ctrl+t")
        await pilot.pause()             # a folder tree loads there: settle would wait for it
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)


async def test_a_school_with_staff_has_its_to_do_list(tmp_path):
    path, _ = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert S.DASH_START[0] not in todo_lines(app.screen)
