"""Snapshots of the register of achievements and the card's «Достижения» tab, on a small
school of their own (frozen date), so changes to the demo data do not move them."""

import datetime as dt

from metodkab.domain.models import Achievement, ShortLearning, Staff
from metodkab.storage import achievements as sg
from metodkab.storage import repo
from metodkab.storage.db import open_store
from tests.ui import build_app, school_db, settle

D = dt.date


def growth_db(path):
    school_db(path)
    store = open_store(path, exclusive=False)
    ids = [repo.create(store, Staff(last_name=last, first_name=first, middle_name=middle,
                                    positions=["учитель"]))
           for last, first, middle in (("Волкова", "Ирина", "Александровна"),
                                       ("Лебедева", "Светлана", "Михайловна"),
                                       ("Макарова", "Оксана", "Игоревна"))]
    repo.create(store, Achievement(staff_id=ids[0], kind="мастер-класс", level="муниципальный",
                                   date=D(2026, 4, 20), title="Смысловое чтение на уроках",
                                   organiser="ИМЦ района"))
    repo.create(store, Achievement(staff_id=ids[2], kind="конкурс профмастерства",
                                   level="региональный", date=D(2026, 2, 12),
                                   title="Учитель года — 2026", result="лауреат"))
    sg.save_group(store, Achievement(staff_id="-", kind="выступление", level="школьный",
                                     date=D(2026, 10, 5), title="Педсовет-семинар «ФГ»"),
                  ids[:2])
    repo.create(store, ShortLearning(staff_id=ids[0], title="Флагманские программы: занятие 1",
                                     platform="Канал Просвещения", hours=1.5,
                                     date=D(2026, 11, 10)))
    store.close()
    return path


def test_achievements_register(snap_compare, tmp_path):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        await pilot.press("down")

    app = build_app(growth_db(tmp_path / "g.sqlite"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_card_growth_tab(snap_compare, tmp_path):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "enter", "6")           # Волкова, «Достижения»
        await settle(pilot)

    app = build_app(growth_db(tmp_path / "g.sqlite"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
