"""Кадры at 80x24: the status line of an empty result wraps to a second line instead of
cutting its hint off mid-word."""

from metodkab.clock import Clock
from metodkab.domain.models import Staff
from metodkab.screens.staff import StaffListScreen
from metodkab.storage import repo
from metodkab.storage.db import open_store
from tests.ui import TODAY, build_app, school_db, settle, type_text


async def test_empty_result_shows_the_whole_hint(tmp_path):
    path = school_db(tmp_path / "s.sqlite")
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    repo.create(store, Staff(last_name="Петрова", first_name="Анна", positions=["учитель"]))
    store.close()
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StaffListScreen)
        status = screen.query_one("#status")
        assert status.region.height == 1
        await type_text(pilot, "щщщ")
        await settle(pilot)
        assert not screen.rows
        assert status.region.height == 2
        lines = [strip.text for strip in status.render_lines(status.region.reset_offset)]
        assert "Ctrl+F — изменить фильтр." in " ".join(line.strip() for line in lines)


async def test_a_chooser_with_nothing_to_choose_says_so(tmp_path):
    """A new school with no staff: F3 → Ins, F4 on «Сотрудник» says the list is empty and
    where people are added, instead of a lone «— не выбрано —»."""
    from metodkab.screens.dialogs import ChooserScreen

    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("insert")
        await settle(pilot)
        app.screen.query_one("#field-staff_id").focus()
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ChooserScreen)
        hint = str(app.screen.query_one("#nothing").render())
        assert "список пуст" in hint and "F2" in hint
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ChooserScreen)
