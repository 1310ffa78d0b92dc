"""Through the app at 80x24: a staff list with «высшая» and no date and a course «…, 2023»
is imported; the card shows the category's date as «не указана» and the course as
«2023 г.»; the user enters both dates later in the forms (F2 on Кадры, Enter on the card)."""

import datetime as dt

from metodkab.domain.models import QualificationCategory, Staff, Training
from metodkab.screens.attestation_forms import CategoryFormScreen
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.screens.import_file import ImportScreen
from metodkab.screens.person_card import PersonCardScreen
from metodkab.screens.training_forms import TrainingFormScreen
from metodkab.storage import repo
from tests.functional.test_import_flow import open_path
from tests.ui import build_app, school_db, settle, type_text
from tests.unit.test_import_unstated import write_list

D = dt.date


def cell(table, row, column):
    return str(table.get_cell_at((row, column)))


async def test_unstated_dates_are_shown_as_unknown_and_entered_later(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        await open_path(pilot, write_list(tmp_path / "список.csv"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        (orlova,) = repo.find(app.store, Staff, "last_name = ?", ["Орлова"])
        (category,) = repo.find(app.store, QualificationCategory, "staff_id = ?", [orlova.id])
        assert category.decision_date is None

        # Кадры: Белов, Орлова — Enter on Орлова opens her card.
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, PersonCardScreen) and card.staff_id == orlova.id

        await pilot.press("2")                                  # «Курсы»
        await settle(pilot)
        courses = card.query_one("#tr-table")
        assert cell(courses, 0, 0) == "2023 г."
        summary = str(card.query_one("#tr-summary").render())
        assert "последние 2023 г." in summary and "уточните дату: засчитываются курсы с 23.11.2023" in summary
        assert "01.01.2023" not in summary

        await pilot.press("3")                                  # «Категории и аттестация»
        await settle(pilot)
        info = str(card.query_one("#att-info").render())
        assert "высшая (учитель) — дата решения не указана, уточните" in info
        assert "бессрочно" not in info
        cats = card.query_one("#cat-table")
        assert cell(cats, 0, 0) == "не указана"

        # Enter on the category: the date field is empty; the date typed is saved.
        cats.focus()
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CategoryFormScreen)
        field = form.query_one("#field-decision_date")
        assert field.value == ""
        field.focus()
        await type_text(pilot, "15.03.2024")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)            # no первая before высшая
        await pilot.click("#yes")
        await settle(pilot)
        assert app.screen is card
        saved = repo.get(app.store, QualificationCategory, category.id)
        assert (saved.decision_date, saved.valid_until) == (D(2024, 3, 15), None)
        assert cell(card.query_one("#cat-table"), 0, 0) == "15.03.2024"
        assert "уточните" not in str(card.query_one("#att-info").render())

        # Enter on the course: «2023 г.» stays until a day is typed.
        await pilot.press("2")
        await settle(pilot)
        card.query_one("#tr-table").focus()
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TrainingFormScreen)
        end = form.query_one("#field-end_date")
        assert (end.value, end.placeholder) == ("", "2023 г.")
        end.focus()
        await type_text(pilot, "20.12.2023")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card
        (course,) = repo.find(app.store, Training, "staff_id = ?", [orlova.id])
        assert (course.end_date, course.end_precision) == (D(2023, 12, 20), "day")
        assert cell(card.query_one("#tr-table"), 0, 0) == "20.12.2023"
        summary = str(card.query_one("#tr-summary").render())
        assert "уточните" not in summary and "не позже 20.12.2026" in summary
