"""Dates that cannot be (domain.md §6) through the real forms at 80x24: each is refused
with a Russian message beside its field and nothing is saved; the same person twice is
refused and the first card offered."""

import datetime as dt

from metodkab.domain.models import Deficit, RouteStep, Staff
from metodkab.screens.dialogs import ConfirmDialog, DateDialog
from metodkab.screens.person_card import PersonCardScreen
from metodkab.screens.route import RouteScreen
from metodkab.screens.route_forms import DeficitFormScreen
from metodkab.screens.staff import StaffFormScreen, StaffListScreen
from metodkab.storage import repo
from tests.functional.test_card_flow import dev_school_db, open_card
from tests.ui import build_app, school_db, settle, type_text

D = dt.date


def people(app) -> list[tuple]:
    return app.store.db.conn.execute(
        "SELECT last_name, birth_date FROM staff WHERE deleted = 0").fetchall()


async def new_person(pilot, last: str, birth: str, hired: str = "") -> StaffFormScreen:
    await pilot.press("insert")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, StaffFormScreen)
    await type_text(pilot, last)
    await pilot.press("enter")
    await type_text(pilot, "Анна")
    await pilot.press("enter", "enter")
    await type_text(pilot, birth)
    form.query_one("#field-positions").set_reactive(type(form.query_one(
        "#field-positions")).value, ("учитель",))
    if hired:
        form.query_one("#field-hire_date").value = hired
    await pilot.press("ctrl+s")
    await settle(pilot)
    return form


def error(form, field: str) -> str:
    return str(form.query_one(f"#error-{field}").render())


async def test_staff_form_refuses_impossible_dates_and_a_second_card(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)

        # A birth date in the future: refused beside the field, nothing saved.
        form = await new_person(pilot, "Будущева", "01.01.2030")
        assert app.screen is form
        assert "не может быть в будущем" in error(form, "birth_date")
        assert people(app) == []

        # Under 18 on the day of hiring.
        form.query_one("#field-birth_date").value = "10.05.2010"
        form.query_one("#field-hire_date").value = "01.09.2026"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "меньше 18 лет" in error(form, "hire_date")
        assert people(app) == []

        # Fixed: saved.
        form.query_one("#field-birth_date").value = "10.05.1990"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)
        assert people(app) == [("Будущева", "1990-05-10")]
        first = repo.find(app.store, Staff)[0].id

        # The same ФИО and birth date again: refused, the first card offered and opened.
        form = await new_person(pilot, "Будущева", "10.05.1990")
        assert isinstance(app.screen, ConfirmDialog)
        assert "уже есть" in str(app.screen.query_one("#question").render())
        assert "уже есть" in error(form, "last_name")
        assert len(people(app)) == 1
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, PersonCardScreen) and app.screen.staff_id == first
        assert len(people(app)) == 1


async def test_step_done_after_today_is_refused_and_taking_done_back_reopens_the_deficit(
        tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, row=5)           # Егорова: a route with steps
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, RouteScreen)
        table = editor.query_one("#steps")
        keys = [table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(table.row_count)]
        row = next(r for r, k in enumerate(keys)
                   if repo.get(app.store, RouteStep, k).done_date is None)
        step_id = keys[row]
        table.move_cursor(row=row)
        table.focus()
        await pilot.press("ctrl+d")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, DateDialog)
        dialog.query_one("#date").value = ""
        await type_text(pilot, "01.01.2030")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "позже сегодняшнего дня" in str(dialog.query_one("#error").render())
        assert repo.get(app.store, RouteStep, step_id).done_date is None
        await pilot.press("escape")
        await settle(pilot)
        assert card

    # Storage: «done» taken back returns the deficit from «устранён».
    from metodkab.clock import Clock
    from metodkab.storage.db import open_store
    from metodkab.storage.development import resolve_deficit, set_step_done
    from tests.ui import TODAY

    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    try:
        step = repo.get(store, RouteStep, step_id)
        assert step.deficit_id
        set_step_done(store, step_id, TODAY)
        resolve_deficit(store, step.deficit_id)
        assert repo.get(store, Deficit, step.deficit_id).status == "устранён"
        set_step_done(store, step_id, None)
        deficit = repo.get(store, Deficit, step.deficit_id)
        assert (deficit.status, deficit.resolved_date) == ("в работе", None)
    finally:
        store.close()


async def test_deficit_resolved_before_it_was_found_is_refused(tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, row=1)            # Борисов
        await pilot.press("4")
        await settle(pilot)
        card.query_one("#def-table").focus()
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, DeficitFormScreen)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("down")
        await type_text(pilot, "Оценивание")
        form.query_one("#field-found_date").value = "20.11.2026"
        form.query_one("#field-resolved_date").value = "01.11.2026"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "раньше, чем выявлен" in error(form, "resolved_date")
        assert repo.find(app.store, Deficit, "staff_id = ?", (ids["borisov"],)) == []


async def test_a_step_outside_the_route_period_asks_first(tmp_path):
    from metodkab.domain.models import IndividualRoute
    from metodkab.screens.route_forms import StepFormScreen

    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        route = repo.find(app.store, IndividualRoute)[0]
        before = len(repo.find(app.store, RouteStep, "route_id = ?", (route.id,)))
        app.push_screen(StepFormScreen(initial={"route_id": route.id}))
        await settle(pilot)
        form = app.screen
        form.query_one("#field-goal").value = "Открытый урок"
        late = route.period_end + dt.timedelta(days=30)
        form.query_one("#field-deadline").value = late.strftime("%d.%m.%Y")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "вне периода ИОМ" in str(app.screen.query_one("#question").render())
        await pilot.click("#no")                     # «Исправить»: nothing saved
        await settle(pilot)
        assert app.screen is form
        assert len(repo.find(app.store, RouteStep, "route_id = ?", (route.id,))) == before
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#yes")                    # saved anyway, as asked
        await settle(pilot)
        assert len(repo.find(app.store, RouteStep, "route_id = ?", (route.id,))) == before + 1
