"""Программа развития (F7) on the register pattern, at 80x24: typing in the outline reaches
the activity search, the found activities are listed in «2 Сроки» with the counts on the
status line, Enter opens the one found, the cursor stays on it after the form, Esc clears
the search before it leaves the section."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from metodkab import strings as S
from metodkab.screens.dashboard import DashboardScreen
from metodkab.screens.programme import ProgrammeScreen
from metodkab.screens.programme_forms import ActivityFormScreen
from metodkab.storage import programme as ps
from metodkab.widgets.table import current_key
from tests.functional.test_programme_flow import programme_db  # noqa: F401
from tests.ui import settle, type_text


def listed(screen) -> list[str]:
    table = screen.query_one("#agenda-table", DataTable)
    return [row.value for row in table.rows]


def status(screen) -> str:
    return str(screen.query_one("#status", Static).render())


async def test_typing_filters_the_activities_and_esc_clears(programme_db):
    app, pid, ids, people = programme_db
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen)
        assert screen.focused is screen.query_one("#outline-tree")
        assert status(screen) == S.PROG_STATUS.format(total=5, overdue=3)

        await type_text(pilot, "недел")        # typed in the outline: reaches the search
        await settle(pilot)
        search = screen.query_one("#search")
        assert search.value == "недел"
        assert screen.active_view == "agenda"
        assert listed(screen) == [ids["Неделя математики"]]
        assert status(screen) == S.PROG_STATUS_FOUND.format(shown=1, total=5, overdue=1)

        await pilot.press("enter")              # the one found opens
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ActivityFormScreen)
        assert form.record_id == ids["Неделя математики"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        table = screen.query_one("#agenda-table", DataTable)
        assert current_key(table) == ids["Неделя математики"]

        await pilot.press("1")                  # the outline: the same search
        await settle(pilot)
        tree = screen.query_one("#outline-tree")
        assert tree.has_focus
        assert [leaf.data[1] for task in tree.root.children for leaf in task.children] == \
            [ids["Неделя математики"]]

        await pilot.press("escape")             # the search goes first
        await settle(pilot)
        assert app.screen is screen
        assert search.value == ""
        assert status(screen) == S.PROG_STATUS.format(total=5, overdue=3)
        assert len([leaf for task in tree.root.children for leaf in task.children]) == 5
        await pilot.press("down", "2")          # ↓ from the search box: the view; 2: agenda
        await settle(pilot)
        assert ids["Педсовет «Итоги года»"] not in listed(screen)    # the agenda again
        assert listed(screen)[0] == "h:overdue"

        # A responsible person's name and a task's title find their activities too.
        await type_text(pilot, "петров")
        await settle(pilot)
        assert listed(screen) == [ids["Неделя математики"]]
        search.value = ""
        await type_text(pilot, "наставн")
        await settle(pilot)
        assert listed(screen) == [ids["Отменённый семинар"], ids["Разовая конференция"]]
        search.value = ""
        await type_text(pilot, "нет такого")
        await settle(pilot)
        assert listed(screen) == []
        assert S.PROG_NOT_FOUND in status(screen)

        await pilot.press("escape", "escape")   # the search, then the section
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_an_empty_programme_says_what_to_do_first(programme_db):
    app, pid, ids, people = programme_db
    for activity_id in ids.values():
        ps.delete_activity(app.store, activity_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        assert status(app.screen) == S.PROG_EMPTY_NO_ACTIVITIES
