"""The rough edges a tester still found at 80x24 (issue 17), each done with the keys the
tester pressed and checked on what the screen showed."""

from __future__ import annotations

from metodkab.screens.dialogs import ChooserScreen
from metodkab.screens.staff import StaffFormScreen
from tests.ui import build_app, school_db, settle, type_text


def line(widget, y: int = 0) -> str:
    return "".join(segment.text for segment in widget.render_line(y)).rstrip()


async def open_subjects(pilot):
    """Кадры → Ins → F4 on «Предметы»: a long list, the focus in its filter."""
    await settle(pilot)
    await pilot.press("f2", "insert")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, StaffFormScreen)
    form.query_one("#field-subjects").focus()
    await pilot.press("f4")
    await settle(pilot)
    chooser = pilot.app.screen
    assert isinstance(chooser, ChooserScreen) and chooser.focused.id == "filter"
    return form, chooser


# --- 1. The pick-several chooser after a filter ---------------------------------------


async def test_space_after_a_filter_marks_the_highlighted_entry(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        form, chooser = await open_subjects(pilot)
        await type_text(pilot, "геом")
        await pilot.press("space")
        await settle(pilot)
        choices = chooser.query_one("#choices")
        assert chooser.query_one("#filter").value == "геом"     # not «геом »
        assert line(choices) == "[x] геометрия"
        await pilot.press(*["backspace"] * 4)                   # another one, by its name
        await type_text(pilot, "алг")
        await pilot.press("space", "enter")
        await settle(pilot)
        assert app.screen is form
        assert line(form.query_one("#field-subjects")) == "алгебра, геометрия"


async def test_enter_with_nothing_marked_takes_the_highlighted_entry(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        form, chooser = await open_subjects(pilot)
        await type_text(pilot, "геом")
        await pilot.press("enter")                              # from the filter
        await settle(pilot)
        assert app.screen is form
        assert line(form.query_one("#field-subjects")) == "геометрия"

        await pilot.press("f4")                                 # again
        await settle(pilot)
        await type_text(pilot, "геом")
        await pilot.press("down", "space")                      # in the list: unmarked
        await settle(pilot)
        assert line(app.screen.query_one("#choices")) == "[ ] геометрия"
        await pilot.press("enter")                              # unmarked on purpose: none
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#field-subjects").value == ()

