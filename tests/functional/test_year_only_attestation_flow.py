"""Through the app at 80x24: a staff list with «первая 2021», «СЗД 2021» and a course
«…, 2023» is imported; Аттестация (F5) lists the category «2026 г.» «уточнить» (its term
ends sometime in 2026, the report date is 23.11.2026) and the next СЗД «уточнить»; the
card shows «2021 г.»; the category's full date is entered later (precision then 'day'),
and the course known by its year takes a start date within that year."""

import datetime as dt
import os

from metodkab.domain.models import ConformityAttestation, QualificationCategory, Staff, Training
from metodkab.screens.attestation import AttestationScreen
from metodkab.screens.attestation_forms import CategoryFormScreen, ConformityFormScreen
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.screens.import_file import ImportScreen
from metodkab.screens.person_card import PersonCardScreen
from metodkab.screens.training_forms import TrainingFormScreen
from metodkab.storage import repo
from tests.functional.test_import_flow import open_path
from tests.ui import build_app, school_db, settle, type_text
from tests.unit.test_year_only_attestation import write_list

D = dt.date


def row_text(table, row):
    return " | ".join(str(c) for c in table.get_row_at(row))


async def test_year_only_dates_are_shown_as_years_and_entered_later(tmp_path):
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
        assert (category.decision_date, category.decision_precision) == (D(2021, 1, 1), "year")

        # Аттестация: the category «2026 г.» to clarify, the next СЗД to clarify.
        await pilot.press("f5")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AttestationScreen)
        expiring = screen.query_one("#exp-table")
        assert expiring.row_count == 1
        line = row_text(expiring, 0)
        assert "Орлова" in line and "2026 г." in line and "уточнить" in line
        assert "01.01" not in line
        summary = str(screen.query_one("#att-summary").render())
        assert "уточнить дату: 1" in summary
        await pilot.press("2")
        await settle(pilot)
        conformity = screen.query_one("#conf-due-table")
        line = row_text(conformity, 0)
        assert "Белов" in line and "2021 г." in line and "2026 г." in line and "уточнить" in line

        # The card: «2021 г.», the term «2026 г.», «уточнить дату решения».
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "down", "enter")              # Кадры: Белов, Орлова
        await settle(pilot)
        card = app.screen
        assert isinstance(card, PersonCardScreen) and card.staff_id == orlova.id
        await pilot.press("3")
        await settle(pilot)
        cats = card.query_one("#cat-table")
        line = row_text(cats, 0)
        assert line.startswith("2021 г.") and "2026 г." in line
        info = str(card.query_one("#att-info").render())
        assert "уточнить дату решения" in info and "01.01" not in info

        cats.focus()
        await pilot.press("delete")                 # the question names the year, no day
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "2021 г." in app.screen.question and "01.01.2021" not in app.screen.question
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is card

        # Enter on the category: the field shows the year as a hint; a day typed is kept.
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CategoryFormScreen)
        field = form.query_one("#field-decision_date")
        assert (field.value, field.placeholder) == ("", "2021 г.")
        field.focus()
        await type_text(pilot, "15.03.2021")
        await pilot.press("tab")                 # leaving the date suggests the 5-year term
        await settle(pilot)
        assert form.query_one("#field-valid_until").value == "15.03.2026"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card
        saved = repo.get(app.store, QualificationCategory, category.id)
        assert (saved.decision_date, saved.decision_precision, saved.valid_until) == (
            D(2021, 3, 15), "day", D(2026, 3, 15))
        assert row_text(card.query_one("#cat-table"), 0).startswith("15.03.2021")
        assert "уточнить" not in str(card.query_one("#att-info").render())

        # The course «2023 г.» takes a start date in 2023 (not «end before start»).
        await pilot.press("2")
        await settle(pilot)
        card.query_one("#tr-table").focus()
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TrainingFormScreen)
        start = form.query_one("#field-start_date")
        start.focus()
        await type_text(pilot, "10.03.2023")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card, getattr(app.screen, "message", "")
        (course,) = repo.find(app.store, Training, "staff_id = ?", [orlova.id])
        assert (course.start_date, course.end_date, course.end_precision) == (
            D(2023, 3, 10), D(2023, 1, 1), "year")
        assert row_text(card.query_one("#tr-table"), 0).startswith("2023 г.")

        # Белов's СЗД «2021 г.»: the form keeps the year until the day is typed.
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("up", "enter")                        # Кадры: Белов
        await settle(pilot)
        card = app.screen
        (belov,) = repo.find(app.store, Staff, "last_name = ?", ["Белов"])
        assert isinstance(card, PersonCardScreen) and card.staff_id == belov.id
        await pilot.press("3")
        await settle(pilot)
        szd_table = card.query_one("#conf-table")
        assert row_text(szd_table, 0).startswith("2021 г.")
        szd_table.focus()
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ConformityFormScreen)
        field = form.query_one("#field-date")
        assert (field.value, field.placeholder) == ("", "2021 г.")
        field.focus()
        await type_text(pilot, "20.04.2021")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card, getattr(app.screen, "message", "")
        (szd,) = repo.find(app.store, ConformityAttestation, "staff_id = ?", [belov.id])
        assert (szd.date, szd.date_precision) == (D(2021, 4, 20), "day")
        info = str(card.query_one("#att-info").render())
        assert "20.04.2026" in info and "уточнить" not in info


async def test_a_term_known_by_its_year_is_shown_as_its_year_and_entered_later(tmp_path):
    """«первая 10.03.2022» «действует до 2026» (the term from the decision would end in
    2027): the preview says «до 2026 г.» is stored, F5 and the card show «2026 г.» and ask to
    clarify the term (on 23.11.2026 it may have ended or not), the form takes the day."""
    from metodkab.screens.import_preview import ImportPreviewScreen, RowDialog

    path = tmp_path / "список.csv"
    path.write_bytes(("ФИО;Должность;Категория;Действует до\r\n"
                      "Орлова Мария Ивановна;учитель;первая 10.03.2022;2026\r\n").encode("cp1251"))
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await open_path(pilot, path)
        assert isinstance(app.screen, ImportPreviewScreen)
        app.screen.query_one("#imp-table").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RowDialog)
        assert "записано «до 2026 г.»" in app.screen.text and "31.12" not in app.screen.text
        app.save_screenshot(str(tmp_path / "preview.svg"))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        (category,) = repo.find(app.store, QualificationCategory)
        assert (category.valid_until, category.until_precision) == (D(2026, 1, 1), "year")

        await pilot.press("f5")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AttestationScreen)
        line = row_text(screen.query_one("#exp-table"), 0)
        assert "Орлова" in line and "2026 г." in line and "уточнить" in line
        assert "31.12" not in line and "01.01" not in line
        assert "уточнить дату: 1" in str(screen.query_one("#att-summary").render())
        app.save_screenshot(str(tmp_path / "f5.svg"))

        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, PersonCardScreen)
        await pilot.press("3")
        await settle(pilot)
        cats = card.query_one("#cat-table")
        line = row_text(cats, 0)
        assert line.startswith("10.03.2022") and "2026 г." in line
        info = str(card.query_one("#att-info").render())
        assert "до 2026 г." in info and "уточнить срок действия" in info
        app.save_screenshot(str(tmp_path / "card.svg"))

        cats.focus()
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CategoryFormScreen)
        field = form.query_one("#field-valid_until")
        assert (field.value, field.placeholder) == ("", "2026 г.")
        await pilot.press("ctrl+s")              # nothing typed: still the year
        await settle(pilot)
        assert app.screen is card, getattr(app.screen, "question", "")
        kept = repo.get(app.store, QualificationCategory, category.id)
        assert (kept.valid_until, kept.until_precision) == (D(2026, 1, 1), "year")
        cats.focus()
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        field = form.query_one("#field-valid_until")
        field.focus()
        await type_text(pilot, "31.12.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card, getattr(app.screen, "message", "")
        saved = repo.get(app.store, QualificationCategory, category.id)
        assert (saved.valid_until, saved.until_precision) == (D(2026, 12, 31), "day")
        info = str(card.query_one("#att-info").render())
        assert "до 31.12.2026" in info and "уточнить" not in info
