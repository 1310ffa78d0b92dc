"""Defects found by driving the app as a deputy director would (a user's review), each
checked through the keyboard on the real app at 80x24."""

from __future__ import annotations

import datetime as dt

from metodkab.domain.models import Staff, Training
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.screens.training import TrainingScreen
from metodkab.storage import repo
from tests.ui import build_app, school_db, settle

D = dt.date


async def test_arrows_move_between_yes_and_no_in_a_question(tmp_path):
    """«Нет» has the focus; ← moves to «Да» and Enter answers yes (→ goes back to «Нет»)."""
    app = build_app(school_db(tmp_path / "s.sqlite"))
    person = repo.create(app.store, Staff(last_name="Андреева", first_name="Анна",
                                          positions=["учитель"]))
    repo.create(app.store, Training(staff_id=person, title="Цифровая школа", hours=36,
                                    end_date=D(2026, 5, 1)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        screen.query_one("#tr-table").focus()
        await pilot.press("delete")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.focused.id == "no"
        await pilot.press("left")
        assert dialog.focused.id == "yes"
        await pilot.press("right")
        assert dialog.focused.id == "no"
        await pilot.press("left", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert repo.find(app.store, Training, "", ()) == []
