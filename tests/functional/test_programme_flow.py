"""Программа развития through the keyboard: build a programme, postpone, complete, progress;
copy a year forward; a moved deadline in the form; indicators; the printable document."""

import datetime as dt

import pytest

from metodkab.domain.models import (Programme, ProgrammeActivity, ProgrammeTask, Staff,
                                    TargetIndicator)
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.screens.programme import ProgrammeScreen
from metodkab.screens.programme_dialogs import ActivityDateDialog, CopyYearDialog
from metodkab.screens.programme_forms import (ActivityFormScreen, IndicatorFormScreen,
                                              ProgrammeFormScreen, TaskFormScreen)
from metodkab.storage import programme as ps
from metodkab.storage import repo
from metodkab.storage.settings import set_settings
from tests.ui import build_app, school_db, settle, type_text


def add_people(store):
    ids = {}
    for last, first, middle in (("Иванова", "Анна", "Петровна"), ("Петров", "Илья", "Сергеевич"),
                                ("Ивашкина", "Ольга", "Юрьевна")):
        ids[last] = repo.create(store, Staff(last_name=last, first_name=first, middle_name=middle,
                                             positions=["учитель"]))
    return ids


def activities(app):
    return {a.title: a for a in ps.list_activities(app.store, ps.current_programme_id(app.store))}


async def enter_fields(pilot, *values):
    """Type each value and press Enter (to the next field); None skips a field."""
    for value in values:
        if value:
            await type_text(pilot, value)
        await pilot.press("enter")


async def add_activity(pilot, title, deadline, *, start="", people=(), direction=""):
    await pilot.press("insert")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ActivityFormScreen)
    # The task is preselected from the cursor: the title has the focus.
    await enter_fields(pilot, title, direction, None, start, deadline)
    for part in people:                      # part of a surname, Enter adds the person
        await type_text(pilot, part)
        await pilot.press("enter")
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ProgrammeScreen)


async def test_build_postpone_complete_and_progress(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    people = add_people(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen)
        assert screen.query_one("#empty").display

        # Ins: the programme itself (the title is suggested; typing replaces it).
        await pilot.press("insert")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeFormScreen)
        await enter_fields(pilot, "Программа развития МС", "2025", "2028",
                           "Рост профессионализма педагогов", "112-о", "29.08.2025")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        [programme] = ps.list_programmes(app.store)
        assert (programme.title, programme.period, programme.is_current, programme.order_date) \
            == ("Программа развития МС", "2025–2028", True, dt.date(2025, 8, 29))

        # Ins on the goal: a task; the number is filled in.
        await pilot.press("insert")
        await settle(pilot)
        assert isinstance(app.screen, TaskFormScreen)
        await type_text(pilot, "Обеспечить повышение квалификации")
        await pilot.press("ctrl+s")
        await settle(pilot)

        # Ins on the task: activities of that task. Dates as ДД.ММ (this year) or in full.
        await add_activity(pilot, "Семинар по ФГОС", "15.10", people=("ива",),
                           direction="ФГОС")
        await add_activity(pilot, "Неделя математики", "20.11", start="01.11",
                           people=("ива", "пет"))
        await add_activity(pilot, "Педсовет", "27.11.2026")

        # Ctrl+N: the second task, then its activities.
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, TaskFormScreen)
        await type_text(pilot, "Развить наставничество")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await add_activity(pilot, "Открытые уроки", "10.12", people=("петр",))
        await add_activity(pilot, "Школа молодого педагога", "15.03.2027", people=("иваш",))

        tasks = ps.list_tasks(app.store, programme.id)
        assert [(t.number, t.title) for t in tasks] == [
            (1, "Обеспечить повышение квалификации"), (2, "Развить наставничество")]
        acts = activities(app)
        assert {t: (a.task_number, a.deadline) for t, a in acts.items()} == {
            "Семинар по ФГОС": (1, dt.date(2026, 10, 15)),
            "Неделя математики": (1, dt.date(2026, 11, 20)),
            "Педсовет": (1, dt.date(2026, 11, 27)),
            "Открытые уроки": (2, dt.date(2026, 12, 10)),
            "Школа молодого педагога": (2, dt.date(2027, 3, 15)),
        }
        assert acts["Неделя математики"].start_date == dt.date(2026, 11, 1)
        assert acts["Неделя математики"].responsible_ids == (people["Иванова"], people["Петров"])
        assert acts["Школа молодого педагога"].responsible_ids == (people["Ивашкина"],)
        assert acts["Семинар по ФГОС"].direction == "ФГОС"

        # The agenda (view 2): one overdue, this month's and next month's.
        await pilot.press("2")
        await settle(pilot)
        agenda = screen.query_one("#agenda-table")
        assert agenda.has_focus
        keys = [agenda.coordinate_to_cell_key((i, 0)).row_key.value
                for i in range(agenda.row_count)]
        assert keys[0] == "h:overdue" and keys[1] == acts["Семинар по ФГОС"].id

        # Postpone «Педсовет» from the agenda: Ctrl+R, new date as ДД.ММ, the reason.
        agenda.move_cursor(row=keys.index(acts["Педсовет"].id))
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, ActivityDateDialog)
        await type_text(pilot, "18.12")
        await pilot.press("enter")
        await type_text(pilot, "совпадает с каникулами")
        await pilot.press("enter")
        await settle(pilot)
        moved = activities(app)["Педсовет"]
        assert (moved.deadline, moved.status) == (dt.date(2026, 12, 18), "перенесено")
        [history] = ps.postponements(app.store, moved.id)
        assert (history.old_deadline, history.reason) == (dt.date(2026, 11, 27),
                                                          "совпадает с каникулами")

        # Complete two from the outline (view 1): Ctrl+D asks the date (today by default).
        await pilot.press("1")
        await settle(pilot)
        tree = screen.query_one("#outline-tree")
        assert tree.has_focus
        for title, typed in (("Семинар по ФГОС", "14.10"), ("Открытые уроки", None)):
            node = next(n for n in _walk(tree.root) if n.data == ("activity", acts[title].id))
            tree.move_cursor(node)
            await pilot.press("ctrl+d")
            await settle(pilot)
            assert isinstance(app.screen, ActivityDateDialog)
            if typed:
                await type_text(pilot, typed)
            await pilot.press("enter")
            await settle(pilot)
        acts = activities(app)
        assert (acts["Семинар по ФГОС"].status, acts["Семинар по ФГОС"].done_date) == (
            "выполнено", dt.date(2026, 10, 14))
        assert acts["Открытые уроки"].done_date == dt.date(2026, 11, 23)

        # Progress on 23.11.2026: due — the seminar and the week; done — the seminar;
        # overdue — the week; done ahead of their deadlines: the open lessons and the
        # seminar (done 14.10 for 15.10: still early after its deadline has passed).
        report = screen.data.progress
        total = report.total
        assert (total.total, total.due, total.done, total.overdue, total.ahead, total.percent) \
            == (5, 2, 1, 1, 2, 50)
        assert [(r.label, r.total, r.due, r.done, r.overdue, r.percent) for r in report.by_task] \
            == [("1. Обеспечить повышение квалификации", 3, 2, 1, 1, 50),
                ("2. Развить наставничество", 2, 0, 0, 0, None)]
        await pilot.press("4")
        await settle(pilot)
        table = screen.query_one("#progress-table")
        first = [str(c) for c in table.get_row_at(0)]
        assert first == ["Вся программа", "5", "2", "1", "1", "2", "50"]   # Досроч. 2

        # Who is responsible for what (view 3): type part of a surname.
        await pilot.press("3")
        await settle(pilot)
        screen.query_one("#people-search").focus()
        await type_text(pilot, "петр")
        await settle(pilot)
        people_list = screen.query_one("#people-list")
        assert people_list.option_count == 1
        person_table = screen.query_one("#person-table")
        assert person_table.row_count == 2           # the week and the open lessons


def _walk(node):
    yield node
    for child in node.children:
        yield from _walk(child)


@pytest.fixture
def programme_db(tmp_path):
    """A programme of 2025–2028 with activities in 2026, built through storage."""
    path = school_db(tmp_path / "s.sqlite")
    app = build_app(path)
    store = app.store
    people = add_people(store)
    pid = ps.save_programme(store, Programme(title="Программа", year_from=2025, year_to=2028,
                                             goal="Цель"))
    t1 = ps.save_task(store, ProgrammeTask(programme_id=pid, number=1, title="Методическая работа"))
    t2 = ps.save_task(store, ProgrammeTask(programme_id=pid, number=2, title="Наставничество"))
    ids = {}
    for task, title, deadline, extra in (
        (t1, "Неделя математики", dt.date(2026, 2, 10), {"responsible_ids": [people["Петров"]]}),
        (t1, "Педсовет «Итоги года»", dt.date(2026, 5, 28), {"status": "выполнено",
                                                            "done_date": dt.date(2026, 5, 28)}),
        (t2, "Разовая конференция", dt.date(2026, 4, 1), {}),
        (t2, "Отменённый семинар", dt.date(2026, 3, 1), {"status": "отменено"}),
        (t1, "Семинар 2025 года", dt.date(2025, 10, 1), {}),
    ):
        ids[title] = ps.save_activity(store, ProgrammeActivity(task_id=task, title=title,
                                                               deadline=deadline, **extra))
    return app, pid, ids, people


async def test_copy_a_year_forward_unticking_one(programme_db):
    app, pid, ids, people = programme_db
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await pilot.press("ctrl+y")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CopyYearDialog)
        assert dialog.year == 2026                       # the report date's year
        selection = dialog.query_one("#candidates")
        # Cancelled activities do not recur; everything else is ticked.
        assert selection.option_count == 3
        assert len(selection.selected) == 3
        assert selection.has_focus
        # Untick the one-off conference (the second line: sorted by task, then deadline).
        options = [selection.get_option_at_index(i).value for i in range(3)]
        selection.highlighted = options.index(ids["Разовая конференция"])
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeScreen)
        rows = [a for a in ps.list_activities(app.store, pid) if a.deadline.year == 2027]
        assert sorted((a.title, a.deadline, a.status, a.responsible_ids) for a in rows) == [
            ("Неделя математики", dt.date(2027, 2, 10), "запланировано", (people["Петров"],)),
            ("Педсовет «Итоги года»", dt.date(2027, 5, 28), "запланировано", ()),
        ]
        # Copied ones show as already there (unticked) when the dialog opens again.
        await pilot.press("ctrl+y")
        await settle(pilot)
        selection = app.screen.query_one("#candidates")
        assert len(selection.selected) == 1               # only the conference is left
        await pilot.press("escape")
        await settle(pilot)
        assert len(ps.list_activities(app.store, pid)) == 7


async def test_moving_a_deadline_in_the_form_asks_the_reason(programme_db):
    app, pid, ids, _ = programme_db
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        tree = screen.query_one("#outline-tree")
        node = next(n for n in _walk(tree.root)
                    if n.data == ("activity", ids["Разовая конференция"]))
        tree.move_cursor(node)
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ActivityFormScreen)
        deadline = form.query_one("#field-deadline")
        deadline.focus()
        deadline.value = ""
        await type_text(pilot, "15.04")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "причину" in str(form.query_one("#error-postpone_reason").render())
        assert ps.postponements(app.store, ids["Разовая конференция"]) == []
        form.query_one("#field-postpone_reason").focus()
        await type_text(pilot, "перенос по приказу УО")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        [moved] = ps.postponements(app.store, ids["Разовая конференция"])
        # «15.04» typed on 23.11.2026 for a deadline long past (01.04.2026) is the next
        # 15 April: a moved deadline is read from now on, not near the old one.
        assert (moved.old_deadline, moved.new_deadline, moved.reason) == (
            dt.date(2026, 4, 1), dt.date(2027, 4, 15), "перенос по приказу УО")
        # The detail line under the outline shows the history.
        assert "было 01.04.2026" in str(screen.query_one("#detail").render())

        # Del on a task asks, then takes its activities with it.
        node = next(n for n in _walk(tree.root) if n.data and n.data[0] == "task"
                    and n.data[1] == ps.list_tasks(app.store, pid)[1].id)
        tree.move_cursor(node)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "мероприятия (2)" in str(app.screen.query_one("#question").render())
        await pilot.click("#yes")
        await settle(pilot)
        assert [t.title for t in ps.list_tasks(app.store, pid)] == ["Методическая работа"]


async def test_indicator_bound_to_a_computed_value(programme_db, monkeypatch, tmp_path):
    app, pid, ids, _ = programme_db
    monkeypatch.setattr("metodkab.screens.export.default_folder", lambda: tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        set_settings(app.store, {"training_period_years": 5})     # as Настройки would
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, IndicatorFormScreen)
        await enter_fields(pilot, "Выполнение плана")
        await pilot.press("enter")                # the unit stays «%»
        await pilot.press("enter")                # no baseline
        # The source: «вычисляется», chosen from the list.
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        form.query_one("#field-computed_key").focus()
        await pilot.press("f4")
        await settle(pilot)
        chooser = app.screen
        options = chooser.query_one("#choices")
        # the computed choices name the school's years, not a fixed 3
        prompts = {options.get_option_at_index(i).id: str(options.get_option_at_index(i).prompt)
                   for i in range(options.option_count)}
        assert prompts["training_overdue"] == "Доля педагогов, не проходивших ПК более 5 лет"
        assert prompts["training_up_to_date"] == \
            "Доля педагогов, прошедших ПК за последние 5 лет"
        index = next(i for i in range(options.option_count)
                     if options.get_option_at_index(i).id == "programme_done")
        options.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert form.query_one("#field-actual_2026").disabled       # computed: never typed
        form.query_one("#field-target_2026").focus()
        await type_text(pilot, "90")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        [indicator] = repo.find(app.store, TargetIndicator)
        assert (indicator.source, indicator.computed_key) == ("computed", "programme_done")
        assert ps.indicator_values(app.store, indicator.id) == {2026: (90.0, None)}
        # On 23.11.2026: of the four due activities (not cancelled), one is done;
        # 2025 is measured on 31.12.2025: one due, none done.
        row = screen.data.indicators[0]
        assert (row.actuals[2025], row.actuals[2026], row.actuals[2027]) == (0.0, 25.0, None)
        assert [str(c) for c in screen.query_one("#ind-table").get_row_at(0)][4:6] == [
            "90", "25"]

        # Ctrl+W: the document for printing (Word); Enter in the folder dialog.
        await pilot.press("ctrl+w")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        [page] = (tmp_path / "out").glob("*.docx")
        import docx

        plan = docx.Document(str(page)).tables[2]      # after the approvals, the passport
        assert "Неделя математики" in [c.text for row in plan.rows for c in row.cells]


async def test_programmes_list_and_a_manual_indicator(programme_db):
    app, pid, ids, _ = programme_db
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen

        # A typed indicator: numbers with a comma; a wrong number is shown beside the field.
        await pilot.press("5", "insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, IndicatorFormScreen)
        await enter_fields(pilot, "Доля педагогов с дефицитами")
        form.query_one("#field-baseline").focus()
        await type_text(pilot, "40")
        form.query_one("#field-target_2026").focus()
        await type_text(pilot, "30")
        form.query_one("#field-actual_2026").focus()
        await type_text(pilot, "3x,5")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "число" in str(form.query_one("#error-actual_2026").render())
        form.query_one("#field-actual_2026").value = "32,5"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        [indicator] = repo.find(app.store, TargetIndicator)
        assert (indicator.baseline, indicator.source) == (40.0, "manual")
        assert ps.indicator_values(app.store, indicator.id) == {2026: (30.0, 32.5)}
        row = [str(c) for c in screen.query_one("#ind-table").get_row_at(0)]
        assert row[3:6] == ["40", "30", "32,5"]
        await pilot.press("ctrl+right")              # next year: no values yet
        await settle(pilot)
        assert screen.indicator_year == 2027
        assert [str(c) for c in screen.query_one("#ind-table").get_row_at(0)][4:6] == ["", ""]

        # Ctrl+L: the programmes; Ins adds the next one, Ctrl+T makes it current.
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.press("insert")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeFormScreen)
        # The next one: after the latest (2025–2028) ends.
        assert app.screen.query_one("#field-year_from").value == "2029"
        await enter_fields(pilot, "Новая программа", "2029", "2032")
        await pilot.press("ctrl+s")
        await settle(pilot)
        table = app.screen.query_one("#programmes")
        assert table.row_count == 2
        await pilot.press("ctrl+t")
        await settle(pilot)
        current = ps.get_programme(app.store, ps.current_programme_id(app.store))
        assert (current.title, current.period) == ("Новая программа", "2029–2032")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert screen.data.programme.title == "Новая программа"
        assert screen.data.tasks == []
        # The old one is still there, with its activities.
        assert len(ps.list_activities(app.store, pid)) == 5
        # Open the old one from the list: shown, marked as not current.
        await pilot.press("ctrl+l")
        await settle(pilot)
        table = app.screen.query_one("#programmes")
        table.move_cursor(row=table.get_row_index(pid))
        await pilot.press("enter")
        await settle(pilot)
        assert screen.data.programme.id == pid
        assert "не текущая" in str(screen.query_one("#prog-header").render())


async def test_deleting_a_programme_names_its_years(tmp_path):
    """Two programmes often share a title: the question names the years and which one
    is current, and «Нет» keeps both."""
    from metodkab.clock import Clock
    from metodkab.screens.programme_dialogs import ProgrammeListScreen
    from metodkab.storage.db import open_store
    from tests.ui import TODAY

    path = school_db(tmp_path / "s.sqlite")
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    title = "Программа развития методической службы школы"
    ps.save_programme(store, Programme(title=title, year_from=2025, year_to=2028,
                                       is_current=True))
    store.close()
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeListScreen)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == (f"Удалить программу «{title}» на 2025–2028 годы (текущую) "
                                       "со всеми задачами, мероприятиями и показателями?")
        await pilot.press("escape")
        await settle(pilot)
        assert len(ps.list_programmes(app.store)) == 1


async def test_done_before_the_start_asks_first(programme_db):
    """Ctrl+D with a date before the activity's start asks; «Нет» leaves it open,
    «Да» records it (real plans have exceptions)."""
    app, pid, ids, people = programme_db
    task_id = ps.list_activities(app.store, pid)[0].task_id
    later = ps.save_activity(app.store, ProgrammeActivity(
        task_id=task_id, title="Зимняя школа", start_date=dt.date(2026, 12, 20),
        deadline=dt.date(2026, 12, 25)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        await pilot.press("1")
        await settle(pilot)
        tree = screen.query_one("#outline-tree")
        for answer in ("#no", "#yes"):
            node = next(n for n in _walk(tree.root) if n.data == ("activity", later))
            tree.move_cursor(node)
            await pilot.press("ctrl+d")
            await settle(pilot)
            assert isinstance(app.screen, ActivityDateDialog)
            await pilot.press("enter")                       # 23.11.2026, before 20.12.2026
            await settle(pilot)
            assert isinstance(app.screen, ConfirmDialog)
            assert "раньше начала мероприятия 20.12.2026" in app.screen.question
            await pilot.click(answer)
            await settle(pilot)
            done = activities(app)["Зимняя школа"]
            if answer == "#no":
                assert (done.status, done.done_date) == ("запланировано", None)
        assert (done.status, done.done_date) == ("выполнено", dt.date(2026, 11, 23))
