"""Snapshots of the development programme (own small school, frozen date 23.11.2026):
the outline, the agenda, progress and the activity form."""

import datetime as dt

import pytest

from metodkab.domain.models import Programme, ProgrammeActivity, ProgrammeTask, Staff
from metodkab.storage import programme as ps
from metodkab.storage import repo
from tests.snapshots.conftest import SIZES
from tests.ui import build_app, school_db, settle


@pytest.fixture
def programme_app(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    store = app.store
    people = {}
    for last, first, middle in (("Иванова", "Анна", "Петровна"), ("Петров", "Илья", "Сергеевич"),
                                ("Сидоренко", "Мария", "Олеговна")):
        people[last] = repo.create(store, Staff(last_name=last, first_name=first,
                                                middle_name=middle, positions=["учитель"]))
    pid = ps.save_programme(store, Programme(
        title="Программа развития методической службы", year_from=2025, year_to=2028,
        goal="Непрерывный профессиональный рост педагогов школы", order_number="112-о",
        order_date=dt.date(2025, 8, 29)))
    t1 = ps.save_task(store, ProgrammeTask(programme_id=pid, number=1,
                                           title="Обеспечить своевременное повышение квалификации"))
    t2 = ps.save_task(store, ProgrammeTask(programme_id=pid, number=2,
                                           title="Развить наставничество"))
    for task, title, deadline, extra in (
        (t1, "Семинар «Функциональная грамотность»", dt.date(2026, 10, 15),
         {"status": "выполнено", "done_date": dt.date(2026, 10, 14),
          "responsible_ids": [people["Иванова"]], "direction": "Функциональная грамотность"}),
        (t1, "Неделя математики", dt.date(2026, 11, 20),
         {"start_date": dt.date(2026, 11, 16), "responsible_ids": [people["Иванова"],
                                                                   people["Петров"]]}),
        (t1, "Педсовет по ФООП", dt.date(2026, 11, 27), {"status": "в работе"}),
        (t1, "Заседание ШМО начальных классов", dt.date(2026, 11, 30),
         {"status": "в работе", "responsible_ids": [people["Сидоренко"]]}),
        (t2, "Открытые уроки молодых педагогов", dt.date(2026, 12, 10),
         {"responsible_ids": [people["Сидоренко"]]}),
        (t2, "Школа молодого педагога", dt.date(2027, 3, 1), {}),
        (t2, "Конкурс «Педагогический дебют»", dt.date(2026, 4, 1), {"status": "отменено"}),
    ):
        ps.save_activity(store, ProgrammeActivity(task_id=task, title=title, deadline=deadline,
                                                  **extra))
    lesson = next(a for a in ps.list_activities(store, pid) if a.title == "Педсовет по ФООП")
    ps.postpone(store, lesson.id, dt.date(2026, 12, 3), "совпал с олимпиадой")
    return app


def _open(*keys):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return ready


@pytest.mark.parametrize("size", SIZES)
def test_outline(snap_compare, programme_app, size):
    assert snap_compare(programme_app, terminal_size=SIZES[size],
                        run_before=_open("down", "down", "down"))


def test_agenda(snap_compare, programme_app):
    assert snap_compare(programme_app, terminal_size=SIZES["80x24"], run_before=_open("2"))


def test_search(snap_compare, programme_app):
    """«сидор» typed in the outline: the two activities of Сидоренко in «2 Сроки», every
    deadline, and the status line «Найдено: 2 из 7»."""
    assert snap_compare(programme_app, terminal_size=SIZES["80x24"],
                        run_before=_open(*"сидор"))


def test_progress(snap_compare, programme_app):
    assert snap_compare(programme_app, terminal_size=SIZES["80x24"], run_before=_open("4"))


def test_activity_form_choosing_people(snap_compare, programme_app):
    async def ready(pilot):
        await _open("down")(pilot)               # the cursor on task 1
        await pilot.press("insert")
        await settle(pilot)
        await pilot.press(*"Методический день", "enter", "enter", "enter",
                          *"01.12", "enter", *"15.12", "enter", *"ива", "enter", *"си")
        await settle(pilot)

    assert snap_compare(programme_app, terminal_size=SIZES["80x24"], run_before=ready)
