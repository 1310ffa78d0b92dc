"""ИОМ through the keyboard: a new route from the card, steps built from the person's open
deficits in one go, a step done (and the deficit marked устранён), a step linked to a
training, diagnostics and deficits entered on the card."""

import datetime as dt

from metodkab.domain.models import Deficit, Diagnostic, IndividualRoute, RouteStep
from metodkab.screens.dialogs import ChooserScreen, ConfirmDialog, DateDialog
from metodkab.screens.route import RouteScreen
from metodkab.screens.route_forms import (DeficitFormScreen, DiagnosticFormScreen,
                                          RouteFormScreen, StepFormScreen)
from metodkab.storage import repo
from tests.functional.test_card_flow import dev_school_db, open_card
from tests.ui import build_app, settle, type_text

D = dt.date
EGOROVA = 5                      # row of Егорова in «Кадры»


def steps(app, route_id):
    return repo.find(app.store, RouteStep, "route_id = ?", (route_id,), order_by="sort_order")


async def test_route_built_from_deficits(tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, row=EGOROVA)
        assert card.staff_id == ids["egorova"]
        await pilot.press("5")
        await settle(pilot)
        assert card.query_one("#route-table").row_count == 1

        # Ins: a new route; the period is a year from the report date; it overlaps the
        # current one, so saving asks first.
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RouteFormScreen)
        assert form.query_one("#field-period_start").value == "23.11.2026"
        assert form.query_one("#field-period_end").value == "22.11.2027"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "пересекаются" in str(app.screen.query_one("#question").render())
        await pilot.click("#yes")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, RouteScreen)
        route_id = editor.route_id
        assert steps(app, route_id) == []
        assert editor.query_one("#steps-empty").display

        # Ctrl+N, a filter that leaves nothing, Enter: a hint, nothing added. (Enter on
        # a highlighted entry with nothing marked takes that entry.)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await type_text(pilot, "жжж")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is editor and steps(app, route_id) == []
        assert any("Не отмечено ни одного дефицита" in n.message for n in app._notifications)

        # Ctrl+N: the open deficits not yet in this route; mark two, Enter.
        await pilot.press("ctrl+n")
        await settle(pilot)
        chooser = app.screen
        assert isinstance(chooser, ChooserScreen)
        assert [k for k, _ in chooser.options] == [
            ids["deficit_reading"], next(k for k, _ in chooser.options[1:2]),
            ids["deficit_digital"]]
        await pilot.press("space", "down", "space", "enter")   # Space moves on
        await settle(pilot)
        assert app.screen is editor
        made = steps(app, route_id)
        assert [s.deficit_id for s in made] == [ids["deficit_reading"], ids["deficit_digital"]]
        assert all(s.deadline == D(2027, 11, 22) for s in made)
        assert made[0].goal.startswith("Устранить дефицит: Затруднения в формировании")
        assert repo.get(app.store, Deficit, ids["deficit_reading"]).status == "в работе"
        assert editor.query_one("#steps").row_count == 2

        # Ctrl+D on the first step: the date (the report date offered), Enter. All steps of
        # that deficit are done: mark it устранён? — yes.
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.screen, DateDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Все шаги" in str(app.screen.query_one("#question").render())
        await pilot.click("#yes")
        await settle(pilot)
        assert steps(app, route_id)[0].done_date == D(2026, 11, 23)
        reading = repo.get(app.store, Deficit, ids["deficit_reading"])
        assert (reading.status, reading.resolved_date) == ("устранён", D(2026, 11, 23))

        # The second step (digital) has an open step in the other route too: done, no offer.
        await pilot.press("down", "ctrl+d")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is editor
        assert repo.get(app.store, Deficit, ids["deficit_digital"]).status == "в работе"

        # Enter on the step: link the course that addresses the deficit; Ctrl+S.
        await pilot.press("enter")
        await settle(pilot)
        step_form = app.screen
        assert isinstance(step_form, StepFormScreen)
        step_form.query_one("#field-training_id").focus()
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ChooserScreen)
        await pilot.press("down", "enter")               # the newest course: ЦОР
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor
        assert steps(app, route_id)[1].training_id == ids["training_digital"]
        assert "Цифровые образовательные ресурсы" in str(
            editor.query_one("#step-detail").render())

        # Ctrl+↑ moves it to the top; Esc back to the card: two routes.
        await pilot.press("ctrl+up")
        await settle(pilot)
        assert [s.deficit_id for s in steps(app, route_id)] == [ids["deficit_digital"],
                                                                ids["deficit_reading"]]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is card
        assert card.query_one("#route-table").row_count == 2


async def test_a_manual_step_and_the_route_header(tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, row=EGOROVA)
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, RouteScreen) and editor.route_id == ids["route"]
        assert "просрочено: 1" in str(editor.query_one("#route-info").render())

        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, StepFormScreen)
        await pilot.press("down")                        # from «Дефицит» to «Цель»
        await type_text(pilot, "Мастер-класс для ШМО")
        await pilot.press("down", "down", "down")
        await type_text(pilot, "15.12.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor
        added = steps(app, ids["route"])[-1]
        assert (added.goal, added.deadline, added.sort_order) == (
            "Мастер-класс для ШМО", D(2026, 12, 15), 3)

        # Ctrl+E: the route's status.
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, RouteFormScreen)
        app.screen.query_one("#field-approved_date").focus()
        await pilot.press("down")
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("down", "enter")               # выполняется → завершён
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor
        assert repo.get(app.store, IndividualRoute, ids["route"]).status == "завершён"

        # Del on the step: confirm.
        editor.query_one("#steps").move_cursor(row=3)
        await pilot.press("delete")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert len(steps(app, ids["route"])) == 3


async def test_diagnostic_and_deficit_on_the_card(tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, row=1)             # Борисов: nothing yet
        await pilot.press("4")
        await settle(pilot)
        assert card.focused is card.query_one("#diag-table")
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, DiagnosticFormScreen)
        assert form.query_one("#field-date").value == "23.11.2026"
        await pilot.press("down", "down")                # «Вид» stays; «Кто проводил»
        await type_text(pilot, "ЦНППМ")
        await pilot.press("down")
        await type_text(pilot, "27,5")
        await pilot.press("down")
        await type_text(pilot, "40")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card
        (diag,) = repo.find(app.store, Diagnostic, "staff_id = ?", (ids["borisov"],))
        assert (diag.score, diag.max_score, diag.operator) == (27.5, 40, "ЦНППМ")
        assert "27,5 из 40 (68,8 %)" in str(card.query_one("#diag-table").get_row_at(0))

        # Tab to the deficits; Ins: a deficit found by that diagnostic.
        card.query_one("#def-table").focus()
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, DeficitFormScreen)
        await pilot.press("f4")                          # «Область»
        await settle(pilot)
        await pilot.press("down", "down", "enter")       # методическая
        await settle(pilot)
        await pilot.press("down")
        await type_text(pilot, "Критериальное оценивание")
        form.query_one("#field-diagnostic_id").focus()
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card
        (deficit,) = repo.find(app.store, Deficit, "staff_id = ?", (ids["borisov"],))
        assert (deficit.area, deficit.description, deficit.diagnostic_id, deficit.found_date) == (
            "методическая", "Критериальное оценивание", diag.id, D(2026, 11, 23))

        # The diagnostic has a deficit: deleting it is refused with a message.
        card.query_one("#diag-table").focus()
        await pilot.press("delete")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert "дефициты" in str(app.screen.query_one("#message").render())
        await pilot.press("escape")
        await settle(pilot)
        assert repo.count(app.store, "diagnostic", "staff_id = ?", (ids["borisov"],)) == 1
