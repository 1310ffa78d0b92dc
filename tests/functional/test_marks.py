"""Chosen and unchosen entries differ in their characters, not only in colour: «[x]» and
«[ ]» in a multi-choice list (F4 on «Должности») and in a filter's checkboxes — a
16-colour or monochrome terminal at 80x24 shows which are marked."""

from __future__ import annotations

from metodkab.screens.dialogs import ChooserScreen
from metodkab.screens.staff_form import StaffFilterDialog
from metodkab.widgets.fields import CheckField
from tests.ui import build_app, school_db, settle


def line_text(widget, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


async def test_multi_choice_marks_read_without_colour(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "insert")
        await settle(pilot)
        app.screen.query_one("#field-positions").focus()
        await pilot.press("f4")
        await settle(pilot)
        chooser = app.screen
        assert isinstance(chooser, ChooserScreen)
        choices = chooser.query_one("#choices")
        assert line_text(choices, 0).startswith("[ ] ")
        await pilot.press("down", "space")             # to the list; the first: chosen
        await settle(pilot)
        assert line_text(choices, 0).startswith("[x] ")
        assert line_text(choices, 1).startswith("[ ] ")
        assert "▐" not in line_text(choices, 0)


async def test_filter_checkboxes_read_without_colour(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, StaffFilterDialog)
        overdue = app.screen.query_one("#overdue", CheckField)
        assert str(overdue.render()).startswith("[ ]")
        overdue.focus()
        await pilot.press("space")
        await settle(pilot)
        assert overdue.value and str(overdue.render()).startswith("[x]")
