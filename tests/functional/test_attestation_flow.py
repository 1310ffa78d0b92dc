"""Аттестация through the keyboard: the schedule's three lists, a category entered from
«Могут претендовать», a category that breaks the rules saved after confirmation, the
5-year term filled in, an СЗД entered from the schedule, deleting from the card."""

import datetime as dt

from metodkab.domain.models import ConformityAttestation, QualificationCategory
from metodkab.screens.attestation import AttestationScreen
from metodkab.screens.attestation_forms import CategoryFormScreen, ConformityFormScreen
from metodkab.screens.dialogs import ChooserScreen, ConfirmDialog
from metodkab.screens.person_card import PersonCardScreen
from metodkab.storage import repo
from tests.functional.test_card_flow import dev_school_db, open_card
from tests.ui import build_app, settle, type_text

D = dt.date


def categories(app, staff_id):
    return repo.find(app.store, QualificationCategory, "staff_id = ?", (staff_id,),
                     order_by="decision_date")


async def open_schedule(pilot) -> AttestationScreen:
    await settle(pilot)
    await pilot.press("f2")            # on «Главная» F5 refreshes the dashboard
    await settle(pilot)
    await pilot.press("f5")
    await settle(pilot)
    assert isinstance(pilot.app.screen, AttestationScreen)
    return pilot.app.screen


def keys(table):
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]


async def test_schedule_lists_and_a_category_from_eligibility(tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_schedule(pilot)
        assert [r.staff_id for r in screen.data.expiring] == [ids["vasilieva"], ids["andreeva"]]
        assert [r.red for r in screen.data.expiring] == [True, False]
        assert [(r.staff_id, r.state.state) for r in screen.data.conformity] == [
            (ids["grigoriev"], "due"), (ids["zhukov"], "soon"), (ids["dmitrieva"], "exempt")]
        assert [(r.staff_id, r.targets) for r in screen.data.eligible] == [
            (ids["andreeva"], ("педагог-методист", "педагог-наставник")),
            (ids["borisov"], ("высшая",)),
            (ids["vasilieva"], ("высшая",)),
            (ids["egorova"], ("педагог-методист", "педагог-наставник"))]
        summary = str(screen.query_one("#att-summary").render())
        assert "6 мес.: 2 (менее 3 мес.: 1)" in summary and "СЗД: 1" in summary

        # «Могут претендовать»: Ins on Борисов — высшая, prefilled; the date; Ctrl+S.
        await pilot.press("3")
        await settle(pilot)
        assert screen.tab == "eligible"
        await pilot.press("down")
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CategoryFormScreen)
        assert form.query_one("#field-staff_id").value == (ids["borisov"],)
        assert form.query_one("#field-category").value == ("высшая",)
        assert form.query_one("#field-position").value == ("учитель",)
        form.query_one("#field-decision_date").focus()
        await type_text(pilot, "23.11.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen                      # no warning: первая since 20.11.2024
        assert [c.category for c in categories(app, ids["borisov"])] == ["первая", "высшая"]
        assert [(r.staff_id, r.targets) for r in screen.data.eligible][1] == (
            ids["borisov"], ("педагог-методист", "педагог-наставник"))

        # Enter: the card opens on «Категории и аттестация».
        await pilot.press("enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, PersonCardScreen) and card.tab == "attestation"
        assert card.focused is card.query_one("#cat-table")
        assert card.query_one("#cat-table").row_count == 2


async def test_a_category_against_the_rules_is_saved_after_confirmation(tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, row=4)             # Дмитриева: no category
        assert card.staff_id == ids["dmitrieva"]
        await pilot.press("3")
        await settle(pilot)
        info = str(card.query_one("#att-info").render())
        assert "Без категории" in info and "менее 2 лет в должности" in info
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CategoryFormScreen)
        assert form.focused is form.query_one("#field-category")
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ChooserScreen)
        await pilot.press("down", "enter")               # высшая
        await settle(pilot)
        await pilot.press("down")
        await type_text(pilot, "01.11.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "первой категории" in str(app.screen.query_one("#question").render())
        await pilot.press("enter")                       # «Исправить»
        await settle(pilot)
        assert app.screen is form and categories(app, ids["dmitrieva"]) == []

        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#yes")                        # «Сохранить»
        await settle(pilot)
        assert app.screen is card
        saved = categories(app, ids["dmitrieva"])
        assert [(c.category, c.decision_date, c.valid_until) for c in saved] == [
            ("высшая", D(2026, 11, 1), None)]
        assert card.query_one("#cat-table").row_count == 1

        # Del on the category: confirm, gone.
        card.query_one("#cat-table").focus()
        await pilot.press("delete")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert categories(app, ids["dmitrieva"]) == []


async def test_an_old_category_gets_its_five_year_term(tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, row=3)             # Григорьев, педагог-психолог
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert form.query_one("#field-position").value == ("педагог-психолог",)
        await pilot.press("down")                        # первая stays
        await type_text(pilot, "10.06.2023")
        await pilot.press("down")
        assert form.query_one("#field-valid_until").value == "10.06.2028"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card
        saved = categories(app, ids["grigoriev"])
        assert [(c.position, c.valid_until) for c in saved] == [
            ("педагог-психолог", D(2028, 6, 10))]


async def test_conformity_attestation_from_the_schedule(tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_schedule(pilot)
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        assert screen.tab == "conformity"
        table = screen.query_one("#conf-due-table")
        assert keys(table)[0] == ids["grigoriev"]
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ConformityFormScreen)
        assert form.query_one("#field-position").value == ("педагог-психолог",)
        assert form.focused is form.query_one("#field-date")
        await type_text(pilot, "20.11.2026")
        await pilot.press("down")
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("down", "enter")               # соответствует
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        saved = repo.find(app.store, ConformityAttestation, "staff_id = ?", (ids["grigoriev"],),
                          order_by="date")
        assert [(a.date, a.result) for a in saved][-1] == (D(2026, 11, 20), "соответствует")
        assert ids["grigoriev"] not in keys(table)
        assert screen.data.due == 0
