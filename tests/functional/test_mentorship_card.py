"""The card of a pair through the keyboard: plan an activity, mark it held, a meeting with
a warning, delete an entry, goals, break off with a reason, reopen; delete a pair from the
register; the mentor-load table filters the register."""

from __future__ import annotations

import datetime as dt

from metodkab.domain.models import Mentorship, MentorshipEvent
from metodkab.storage import repo
from tests.functional.test_mentorship_flow import mentorship_db, open_register
from tests.ui import TODAY, build_app, settle, type_text

D = dt.date


def events(app, mentorship_id):
    return {e.topic: e for e in repo.find(app.store, MentorshipEvent, "mentorship_id = ?",
                                          [mentorship_id])}


async def test_card_programme_log_goals_break_off_reopen(tmp_path):
    from metodkab.screens.dialogs import ActionChoiceDialog, ConfirmDialog
    from metodkab.screens.mentorship_card import (CloseDialog, EventFormScreen,
                                                  MentorshipCardScreen, TextDialog)

    path, ids = mentorship_db(tmp_path / "s.sqlite")
    pair_id = ids["pair_sidorova"]
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, MentorshipCardScreen) and card.mentorship_id == pair_id
        assert card.card.planned == 2 and card.card.held == 2

        # Ctrl+N: an activity of the programme, planned for a date.
        await pilot.press("ctrl+n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventFormScreen)
        assert form.form.values()["status"] == "запланировано"
        assert form.form.values()["date"] == ""
        await type_text(pilot, "20.12.2026")
        await pilot.press("enter")
        await type_text(pilot, "Взаимопосещение уроков")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card
        planned = events(app, pair_id)["Взаимопосещение уроков"]
        assert (planned.date, planned.status) == (D(2026, 12, 20), "запланировано")

        # The overdue planned activity (12.11) was held: open it, change status, outcome.
        table = card.query_one("#events")
        table.move_cursor(row=2)
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventFormScreen)
        form.query_one("#field-status").set_value(["проведено"])
        form.query_one("#field-outcome").focus()
        await type_text(pilot, "Ошибки разобраны")
        await pilot.press("ctrl+s")
        await settle(pilot)
        held = events(app, pair_id)["Анализ контрольной работы"]
        assert (held.status, held.outcome) == ("проведено", "Ошибки разобраны")

        # A meeting marked held on a day still to come: a warning, saved after «Сохранить».
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        date = form.query_one("#field-date")
        date.value = "01.12.2026"
        form.query_one("#field-topic").focus()
        await type_text(pilot, "Подготовка к открытому уроку")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "ещё не наступила" in str(app.screen.query_one("#question").render())
        await pilot.click("#yes")
        await settle(pilot)
        assert app.screen is card
        assert "Подготовка к открытому уроку" in events(app, pair_id)

        # Del removes an entry of the log after a question.
        table.move_cursor(row=0)
        await pilot.press("delete")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert "Знакомство, план на год" not in events(app, pair_id)

        # Ctrl+T: the programme's goals in a text editor.
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, TextDialog)
        await type_text(pilot, " Участие в конкурсе.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        goals = repo.get(app.store, Mentorship, pair_id).goals
        assert goals.endswith("открытый урок. Участие в конкурсе.")

        # Ctrl+K: break off; without a reason nothing is saved.
        await pilot.press("ctrl+k")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CloseDialog)
        assert "Остались запланированные мероприятия: 2" in str(
            dialog.query_one("#close-warnings").render())
        dialog.query_one("#close-status").set_value(["прервана"])
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "причину" in str(dialog.query_one("#close-errors").render())
        assert repo.get(app.store, Mentorship, pair_id).status == "действует"
        await type_text(pilot, "Наставляемая переведена в другую школу")
        await pilot.press("ctrl+s")
        await settle(pilot)
        record = repo.get(app.store, Mentorship, pair_id)
        assert (record.status, record.actual_end, record.result) == (
            "прервана", TODAY, "Наставляемая переведена в другую школу")
        assert "прервана 23.11.2026" in str(card.query_one("#card-info").render())

        # Ctrl+K on a closed pair: reopen it (the result text stays).
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert isinstance(app.screen, ActionChoiceDialog)
        await pilot.click("#act-reopen")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        record = repo.get(app.store, Mentorship, pair_id)
        assert (record.status, record.actual_end) == ("действует", None)
        assert record.result == "Наставляемая переведена в другую школу"


async def test_delete_pair_and_mentor_load(tmp_path):
    from metodkab.screens.mentorship import MentorshipListScreen
    from metodkab.screens.mentorship_load import MentorLoadScreen

    path, ids = mentorship_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        register = app.screen
        assert isinstance(register, MentorshipListScreen)

        # Ctrl+L: load per mentor; Ёлкина has one pair now and one in 2024/25.
        await pilot.press("ctrl+l")
        await settle(pilot)
        load = app.screen
        assert isinstance(load, MentorLoadScreen)
        assert load.years == [2024, 2025, 2026]
        first = load.rows[0]
        assert (first.name, first.now_pairs, first.per_year, first.total) == (
            "Ёлкина Ирина Васильевна", 1, (1, 0, 1), 2)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is register
        assert {r.id for r in register.rows} == {ids["pair_sidorova"], ids["pair_petrova"]}
        assert "наставник Ёлкина И. В." in str(register.query_one("#status").render())

        # Del on a pair: asked, then the pair and its log are gone from the register.
        register.query_one("#ment-table").move_cursor(row=0)
        await pilot.press("delete")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert ids["pair_sidorova"] not in {r.id for r in register.rows}
        assert repo.find(app.store, MentorshipEvent, "mentorship_id = ?",
                         [ids["pair_sidorova"]]) == []
