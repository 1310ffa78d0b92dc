"""Повышение квалификации through the keyboard: group entry for 10 people, a course from the
card linked to a deficit, editing a group, the overdue list, search, filter and delete."""

import datetime as dt

from metodkab.domain.models import Deficit, Staff, Training
from metodkab.screens.dialogs import ActionChoiceDialog, ChooserScreen, ConfirmDialog
from metodkab.screens.person_card import PersonCardScreen
from metodkab.screens.training import OverdueScreen, TrainingScreen
from metodkab.screens.training_forms import GroupTrainingFormScreen, TrainingFormScreen
from metodkab.storage import repo
from tests.ui import build_app, school_db, settle, type_text

D = dt.date
SURNAMES = ("Андреева", "Борисова", "Васильева", "Григорьева", "Дмитриева", "Егорова",
            "Жукова", "Зайцева", "Ильина", "Киселёва", "Лебедева", "Морозова")


def staff(app, count=12) -> list[str]:
    return [repo.create(app.store, Staff(last_name=name, first_name="Анна",
                                         positions=["учитель"])) for name in SURNAMES[:count]]


def trainings(app, where="", params=()):
    return repo.find(app.store, Training, where, params)


async def open_section(pilot):
    await settle(pilot)
    await pilot.press("f3")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TrainingScreen)


async def test_group_entry_of_one_course_for_ten_people(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    ids = staff(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, GroupTrainingFormScreen)

        # Saving with nobody chosen: an error beside «Участники», nothing saved.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "участник" in str(form.query_one("#error-staff_ids").render())
        assert trainings(app) == []

        # F4 on «Участники»: mark the first ten with Space (it moves on), Enter.
        form.query_one("#field-staff_ids").focus()
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ChooserScreen)
        await pilot.press(*["space"] * 10)      # each Space marks and moves on
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        assert "(10)" in str(form.query_one("#row-staff_ids .form-label").render())

        await pilot.press("down")
        await type_text(pilot, "Оказание первой помощи")
        await pilot.press("down", "down")                 # «Вид» stays ПК
        await type_text(pilot, "16")
        await pilot.press("down", "down")                 # «Начало» left empty
        await type_text(pilot, "20.10.2026")
        await pilot.press("down")
        await type_text(pilot, "ИРО")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TrainingScreen)

        made = trainings(app)
        assert len(made) == 10
        assert {t.staff_id for t in made} == set(ids[:10])
        assert len({t.group_id for t in made}) == 1 and made[0].group_id
        assert {(t.title, t.hours, t.end_date, t.provider) for t in made} == {
            ("Оказание первой помощи", 16, D(2026, 10, 20), "ИРО")}
        assert app.screen.query_one("#tr-table").row_count == 10

        # Editing one of them asks: this record or the whole group.
        app.screen.query_one("#tr-table").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TrainingFormScreen)
        hours = app.screen.query_one("#field-hours")
        hours.value = ""
        hours.focus()
        await type_text(pilot, "18")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ActionChoiceDialog)
        await pilot.click("#act-all")
        await settle(pilot)
        assert isinstance(app.screen, TrainingScreen)
        assert {t.hours for t in trainings(app)} == {18}

        # Del on a group record: the whole group.
        app.screen.query_one("#tr-table").focus()
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ActionChoiceDialog)
        await pilot.click("#act-all")
        await settle(pilot)
        assert trainings(app) == []
        assert app.screen.query_one("#tr-table").row_count == 0


async def test_everyone_key_chooses_the_whole_staff(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    ids = staff(app, 5)
    gone = repo.create(app.store, Staff(last_name="Уволенная", first_name="Анна",
                                        positions=["учитель"], dismissal_date=D(2026, 1, 1)))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        await pilot.press("ctrl+g")
        form = app.screen
        assert set(form.query_one("#field-staff_ids").value) == set(ids)
        assert gone not in form.query_one("#field-staff_ids").value
        await pilot.press("ctrl+g")                      # again: nobody
        assert form.query_one("#field-staff_ids").value == ()


async def test_course_from_the_card_chosen_by_diagnostics_asks_for_a_deficit(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    person = repo.create(app.store, Staff(last_name="Козлова", first_name="Юлия",
                                          positions=["учитель"]))
    deficit = repo.create(app.store, Deficit(staff_id=person, area="методическая",
                                             description="Проектирование урока"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonCardScreen)
        await pilot.press("2")                           # «Курсы»
        await settle(pilot)
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TrainingFormScreen)
        assert form.query_one("#field-staff_id").value == (person,)
        assert form.focused is form.query_one("#field-title")
        await type_text(pilot, "Реализация ФГОС")
        await pilot.press("down", "down")
        await type_text(pilot, "36")
        await pilot.press("down", "down")
        await type_text(pilot, "01.11.2026")
        form.query_one("#field-by_diagnostics").focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "дефицит" in str(app.screen.query_one("#question").render())
        await pilot.press("enter")                       # «Исправить» has the focus
        await settle(pilot)
        assert app.screen is form and trainings(app) == []

        form.query_one("#field-deficit_ids").focus()
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("space", "enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PersonCardScreen)
        saved = trainings(app)
        assert len(saved) == 1
        assert saved[0].by_diagnostics and saved[0].deficit_ids == [deficit]
        table = app.screen.query_one("#tr-table")
        assert table.row_count == 1
        assert "36" in str(app.screen.query_one("#tr-summary").render())

        # Del on the card: confirm, gone.
        table.focus()
        await pilot.press("delete")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert trainings(app) == [] and table.row_count == 0


async def test_overdue_list_and_adding_a_course_from_it(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    late, soon, fine = staff(app, 3)
    repo.create(app.store, Training(staff_id=late, title="Старые", hours=72,
                                    end_date=D(2022, 5, 1)))
    repo.create(app.store, Training(staff_id=soon, title="Почти", hours=72,
                                    end_date=D(2024, 1, 15)))
    repo.create(app.store, Training(staff_id=fine, title="Свежие", hours=72,
                                    end_date=D(2026, 1, 15)))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, OverdueScreen)
        table = screen.query_one("#od-table")
        assert [r.staff_id for r in screen.rows] == [late, soon]
        assert "— 1" in str(screen.query_one("#od-summary").render())

        await pilot.press("insert")                      # a course for the first (late)
        await settle(pilot)
        assert isinstance(app.screen, TrainingFormScreen)
        await type_text(pilot, "Новые курсы")
        await pilot.press("down", "down")
        await type_text(pilot, "36")
        await pilot.press("down", "down")
        await type_text(pilot, "10.11.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert [r.staff_id for r in screen.rows] == [soon]
        assert table.row_count == 1

        await pilot.press("enter")                       # the card, on «Курсы»
        await settle(pilot)
        assert isinstance(app.screen, PersonCardScreen)
        assert app.screen.tab == "courses"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TrainingScreen)


async def test_register_search_filter_and_delete(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    first, second = staff(app, 2)
    repo.create(app.store, Training(staff_id=first, title="Функциональная грамотность",
                                    hours=72, end_date=D(2025, 5, 1)))
    repo.create(app.store, Training(staff_id=second, title="Цифровая школа", hours=36,
                                    end_date=D(2026, 5, 1), federal_register=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot)
        screen = app.screen
        table = screen.query_one("#tr-table")
        assert table.row_count == 2
        await type_text(pilot, "ЦИФРОВ")
        await settle(pilot)
        assert table.row_count == 1
        await pilot.press("escape")                      # clears the search
        await settle(pilot)
        assert table.row_count == 2

        await pilot.press("ctrl+f")
        await settle(pilot)
        await pilot.press("f4")                          # «Год окончания»
        await settle(pilot)
        assert isinstance(app.screen, ChooserScreen)
        await pilot.press("down", "enter")               # the first year: 2026
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.query_state.year == 2026
        assert table.row_count == 1
        assert "2026" in str(screen.query_one("#status").render())

        table.focus()
        await pilot.press("delete")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert [t.title for t in trainings(app)] == ["Функциональная грамотность"]
        assert table.row_count == 0
