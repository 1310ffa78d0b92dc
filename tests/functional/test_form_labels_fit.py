"""Form labels stay on one line at 80x24: «Тема самообразования» (a new ИОМ) and
«Платформа, организатор» (self-education on the card's «Достижения» tab) were wider than
the label column and wrapped, leaving «самообразования» / «организатор» alone on a
second line under the field. The forms are opened as the user does, from the card."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Label

from metodkab.demo import build_demo
from metodkab.screens.achievement_forms import LearningFormScreen
from metodkab.screens.person_card import PersonCardScreen
from metodkab.screens.route_forms import RouteFormScreen
from metodkab.widgets.fields import FormRow
from tests.ui import build_app, settle, type_text

TODAY = dt.date(2026, 11, 23)


def wrapped_labels(form) -> list[str]:
    return [str(label.render()) for label in form.query(".form-label").results(Label)
            if label.size.height != 1]


async def test_route_and_self_education_labels_fit_one_line(tmp_path):
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await type_text(pilot, "Козлова")
        await settle(pilot)
        await pilot.press("enter")                   # the one match: her card
        await settle(pilot)
        card = app.screen
        assert isinstance(card, PersonCardScreen)

        await pilot.press("5", "insert")             # ИОМ: a new route
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RouteFormScreen)
        assert "Тема самообраз." in [str(row.label_text) for row in form.query(FormRow)]
        assert wrapped_labels(form) == []
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is card

        await pilot.press("6")                       # Достижения: to the self-education list
        await settle(pilot)
        while card.focused is None or card.focused.id != "learn-table":
            await pilot.press("tab")
            assert isinstance(card.focused, DataTable)
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, LearningFormScreen)
        assert "Платформа, организ." in [str(row.label_text) for row in form.query(FormRow)]
        assert wrapped_labels(form) == []
