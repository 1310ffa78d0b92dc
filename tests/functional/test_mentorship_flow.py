"""Наставничество through the keyboard: a pair from the coverage screen for a young
teacher, two meetings, completion; the coverage figures follow. Also the register's
search and filter, and saving a pair despite a warning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from metodkab.domain.models import (Association, Mentorship, MentorshipEvent,
                                    QualificationCategory, Staff)
from metodkab.storage import repo
from metodkab.storage.db import open_store
from metodkab.clock import Clock
from tests.ui import TODAY, build_app, school_db, settle, type_text

D = dt.date


def build_mentorship_school(store) -> dict[str, str]:
    """A small school: three mentors, three young teachers (one supported), a new
    colleague in an overdue pair without an order, and a completed pair of last year."""
    math = repo.create(store, Association(name="ШМО учителей математики"))
    human = repo.create(store, Association(name="ШМО гуманитарного цикла"))

    def person(last, first, middle, birth, ped, hired, subjects, assoc):
        return repo.create(store, Staff.model_validate({
            "last_name": last, "first_name": first, "middle_name": middle,
            "positions": ["учитель"], "birth_date": birth, "ped_start_date": ped,
            "hire_date": hired, "subjects": subjects, "association_ids": assoc}))

    p = {
        "elkina": person("Ёлкина", "Ирина", "Васильевна", D(1975, 3, 4), D(1998, 9, 1),
                         D(2005, 8, 30), ["математика", "алгебра"], [math]),
        "gromov": person("Громов", "Пётр", "Ильич", D(1970, 6, 1), D(1993, 9, 1),
                         D(1999, 8, 28), ["история", "обществознание"], [human]),
        "danilova": person("Данилова", "Светлана", "Олеговна", D(1982, 11, 2), D(2006, 9, 1),
                           D(2010, 8, 25), ["математика"], [math]),
        "sidorova": person("Сидорова", "Елена", "Викторовна", D(1999, 5, 5), D(2025, 9, 1),
                           D(2025, 9, 1), ["математика"], [math]),
        "novikova": person("Новикова", "Дарья", "Андреевна", D(2002, 2, 14), D(2026, 8, 26),
                           D(2026, 8, 26), ["математика", "геометрия"], [math]),
        "belova": person("Белова", "Ольга", "Николаевна", D(2001, 7, 7), D(2026, 9, 1),
                         D(2026, 9, 1), ["история"], [human]),
        "kuznetsov": person("Кузнецов", "Артём", "Игоревич", D(1988, 1, 20), D(2012, 9, 1),
                            D(2026, 1, 10), ["физика"], []),
        "petrova": person("Петрова", "Мария", "Сергеевна", D(1995, 4, 4), D(2023, 9, 1),
                          D(2023, 9, 1), ["математика"], [math]),
    }
    for key, category in (("elkina", "высшая"), ("gromov", "первая"), ("danilova", "первая")):
        repo.create(store, QualificationCategory(staff_id=p[key], position="учитель",
                                                 category=category, decision_date=D(2024, 3, 1)))

    def pair(mentor, mentees, start, end, **fields):
        return repo.create(store, Mentorship.model_validate({
            "mentor_id": p[mentor], "mentee_ids": [p[m] for m in mentees],
            "form": "педагог – молодой специалист", "reason": "молодой специалист",
            "start_date": start, "planned_end": end, **fields}))

    p["pair_sidorova"] = pair(
        "elkina", ["sidorova"], D(2026, 9, 1), D(2027, 5, 31), order_number="112-о",
        order_date=D(2026, 8, 31), curator_id=p["gromov"],
        goals="Освоить ФООП по математике; выстроить систему оценивания; подготовить открытый урок.")
    p["pair_kuznetsov"] = pair("gromov", ["kuznetsov"], D(2026, 1, 15), D(2026, 7, 14),
                               form="педагог – педагог", reason="новый сотрудник")
    p["pair_petrova"] = pair("elkina", ["petrova"], D(2024, 9, 1), D(2025, 5, 31),
                             order_number="98-о", order_date=D(2024, 8, 30), status="завершена",
                             actual_end=D(2025, 5, 30), result="Программа выполнена, открытый урок проведён.")
    for day, topic, form, status, outcome in (
            (D(2026, 9, 3), "Знакомство, план на год", "беседа", "проведено", "Составлен план"),
            (D(2026, 10, 15), "Посещение урока алгебры в 7 классе", "посещение урока наставляемого",
             "проведено", "Даны рекомендации по темпу урока"),
            (D(2026, 11, 12), "Анализ контрольной работы", "анализ урока", "запланировано", ""),
            (D(2027, 2, 10), "Открытый урок наставляемого", "открытый урок наставника",
             "запланировано", "")):
        repo.create(store, MentorshipEvent(mentorship_id=p["pair_sidorova"], date=day,
                                           topic=topic, form=form, status=status,
                                           outcome=outcome))
    return p


def mentorship_db(path: Path) -> tuple[Path, dict[str, str]]:
    school_db(path)
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    ids = build_mentorship_school(store)
    store.close()
    return path, ids


def mentorship(app, mentorship_id):
    return repo.get(app.store, Mentorship, mentorship_id)


async def open_register(pilot):
    await settle(pilot)
    await pilot.press("f6")
    await settle(pilot)


async def test_pair_from_coverage_meetings_and_completion(tmp_path):
    from metodkab.screens.dialogs import ConfirmDialog
    from metodkab.screens.mentorship import MentorshipFormScreen, MentorshipListScreen
    from metodkab.screens.mentorship_card import (CloseDialog, EventFormScreen,
                                                  MentorshipCardScreen)
    from metodkab.screens.mentorship_coverage import CoverageScreen, MentorChooserScreen

    path, ids = mentorship_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        assert isinstance(app.screen, MentorshipListScreen)
        await pilot.press("ctrl+g")
        await settle(pilot)
        coverage = app.screen
        assert isinstance(coverage, CoverageScreen)
        cov = coverage.coverage
        assert (cov.young_total, cov.young_supported) == (3, 1)
        # Кузнецов's pair ran out on 14.07.2026 unclosed: not support any more (§6)
        assert (cov.new_total, cov.new_supported) == (3, 0)
        assert "33 % (цель 70 %)" in str(coverage.query_one("#cov-figures").render())

        # The unsupported come first: Белова, Кузнецов, Новикова. Go to Новикова, press Ins.
        table = coverage.query_one("#cov-table")
        assert [r.name for r in coverage.rows][:3] == ["Белова Ольга Николаевна",
                                                       "Кузнецов Артём Игоревич",
                                                       "Новикова Дарья Андреевна"]
        await pilot.press("down", "down", "insert")
        await settle(pilot)
        chooser = app.screen
        assert isinstance(chooser, MentorChooserScreen)
        # Suggested: same subject or ШМО and a category, the least loaded first.
        suggested = [s.candidate.name for s in chooser.suggestions if s.suggested]
        assert suggested == ["Данилова Светлана Олеговна", "Ёлкина Ирина Васильевна"]
        assert chooser.query_one("#mentors").row_count == 2
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MentorshipFormScreen)
        values = form.form.values()
        assert values["mentor_id"] == ids["danilova"]
        assert values["mentee_ids"] == [ids["novikova"]]
        assert values["start_date"] == "23.11.2026" and values["planned_end"] == "31.05.2027"
        assert values["reason"] == "молодой специалист"

        # No order yet: a warning; «Исправить» keeps the form open.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Нет приказа" in str(app.screen.query_one("#question").render())
        await pilot.click("#no")
        await settle(pilot)
        assert app.screen is form
        form.query_one("#field-order_number").focus()
        await type_text(pilot, "140-о")
        await pilot.press("enter")
        await type_text(pilot, "23.11.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)

        # Saved without questions; the card of the new pair is open.
        card = app.screen
        assert isinstance(card, MentorshipCardScreen)
        new_id = card.mentorship_id
        record = mentorship(app, new_id)
        assert (record.mentor_id, record.mentee_ids, record.order_number, record.order_date) == (
            ids["danilova"], [ids["novikova"]], "140-о", TODAY)
        assert record.status == "действует"

        # Back to coverage: Новикова is supported now.
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is coverage
        assert (coverage.coverage.young_supported, coverage.coverage.new_supported) == (2, 1)
        assert "67 %" in str(coverage.query_one("#cov-figures").render())
        assert coverage.current_row().name == "Новикова Дарья Андреевна"

        # Enter on her row opens the pair's card; Ins logs a meeting dated today.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MentorshipCardScreen)
        for topic in ("Знакомство", "Посещение урока геометрии"):
            await pilot.press("insert")
            await settle(pilot)
            assert isinstance(app.screen, EventFormScreen)
            assert app.screen.form.values()["date"] == "23.11.2026"
            await type_text(pilot, topic)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, MentorshipCardScreen)
        events = repo.find(app.store, MentorshipEvent, "mentorship_id = ?", [new_id])
        assert [(e.date, e.topic, e.status) for e in events] == [
            (TODAY, "Знакомство", "проведено"), (TODAY, "Посещение урока геометрии", "проведено")]
        assert app.screen.query_one("#events").row_count == 2

        # Ctrl+K: complete today with a result.
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert isinstance(app.screen, CloseDialog)
        app.screen.query_one("#close-result").focus()
        await type_text(pilot, "Адаптация пройдена")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MentorshipCardScreen)
        record = mentorship(app, new_id)
        assert (record.status, record.actual_end, record.result) == (
            "завершена", TODAY, "Адаптация пройдена")

        # Completed today: today is still a day of support (D ≤ actual end, §6). The pair
        # stays in the register.
        await pilot.press("escape")
        await settle(pilot)
        assert (coverage.coverage.young_supported, coverage.coverage.new_supported) == (2, 1)
        await pilot.press("escape")
        await settle(pilot)
        register = app.screen
        assert isinstance(register, MentorshipListScreen)
        register.set_query(status="завершена")
        await settle(pilot)
        assert {r.id for r in register.rows} == {new_id, ids["pair_petrova"]}


async def test_register_search_filter_and_warnings(tmp_path):
    from metodkab.screens.mentorship import MentorshipFilterDialog, MentorshipListScreen
    from metodkab.screens.mentorship_card import MentorshipCardScreen

    path, ids = mentorship_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        screen = app.screen
        assert isinstance(screen, MentorshipListScreen)
        table = screen.query_one("#ment-table")
        assert table.row_count == 2                      # active pairs
        assert "срок истёк: 1" in str(screen.query_one("#summary").render())
        flagged = {r.id: r.flags for r in screen.rows}
        assert flagged[ids["pair_kuznetsov"]] == ("past_end", "no_order")
        # Search by a mentee's name, typed in lower case with е for ё.
        screen.query_one("#search").focus()
        await type_text(pilot, "кузнец")
        await settle(pilot)
        assert [r.id for r in screen.rows] == [ids["pair_kuznetsov"]]
        await pilot.press("escape")                      # clears the search
        await settle(pilot)
        assert table.row_count == 2
        # Ctrl+F: every status.
        table.focus()
        await pilot.press("ctrl+f")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, MentorshipFilterDialog)
        dialog.query_one("#status").set_value(["all"])
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert table.row_count == 3
        # Enter opens the card of the first pair; its warnings are listed.
        table.focus()
        await pilot.press("home", "enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, MentorshipCardScreen)
        text = str(card.query_one("#card-findings").render())
        assert card.mentorship_id == ids["pair_kuznetsov"]
        assert "Срок программы истёк 14.07.2026" in text and "Нет приказа" in text
