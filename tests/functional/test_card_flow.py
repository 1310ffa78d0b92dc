"""The person's card through the keyboard: tabs, editing the person, the lists of each tab.

``dev_school_db`` is a small fixed school (trainings, categories, attestations, diagnostics,
deficits, an ИОМ) that the professional-development snapshots use too, so a change to the
demo data does not move those pictures.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from metodkab.clock import Clock
from metodkab.domain.models import (ConformityAttestation, Deficit, Diagnostic, IndividualRoute,
                                    QualificationCategory, RouteStep, Staff, Training)
from metodkab.screens.person_card import PersonCardScreen
from metodkab.screens.staff import StaffFormScreen, StaffListScreen
from metodkab.storage import repo
from metodkab.storage.db import open_store
from tests.ui import TODAY, build_app, school_db, settle, type_text

D = dt.date
T = "учитель"


def dev_school_db(path: Path) -> tuple[Path, dict[str, str]]:
    """A school of eight people, each showing one professional-development case on 23.11.2026."""
    school_db(path)
    store = open_store(path, clock=Clock(TODAY), exclusive=False)

    def person(key, last, first, middle, positions=(T,), subjects=(), **fields):
        ids[key] = repo.create(store, Staff.model_validate({
            "last_name": last, "first_name": first, "middle_name": middle,
            "positions": list(positions), "subjects": list(subjects), **fields}))

    ids: dict[str, str] = {}
    person("andreeva", "Андреева", "Анна", "Сергеевна", subjects=["математика"],
           birth_date=D(1985, 4, 12), hire_date=D(2015, 8, 25), ped_start_date=D(2010, 9, 1),
           education_level="высшее", education_pedagogical=True)
    person("borisov", "Борисов", "Игорь", "Петрович", subjects=["история"],
           hire_date=D(2012, 9, 1), ped_start_date=D(2012, 9, 1))
    person("vasilieva", "Васильева", "Елена", "Викторовна", subjects=["начальные классы"],
           hire_date=D(2000, 9, 1), ped_start_date=D(2000, 9, 1))
    person("grigoriev", "Григорьев", "Павел", "Андреевич", positions=["педагог-психолог"],
           hire_date=D(2016, 9, 1), ped_start_date=D(2016, 9, 1))
    person("dmitrieva", "Дмитриева", "Ольга", "Николаевна", subjects=["русский язык"],
           birth_date=D(2002, 3, 3), hire_date=D(2025, 9, 1), ped_start_date=D(2025, 9, 1))
    person("egorova", "Егорова", "Мария", "Ивановна",
           subjects=["иностранный язык (английский)"], hire_date=D(2008, 9, 1),
           ped_start_date=D(2008, 9, 1))
    person("zhukov", "Жуков", "Олег", "Викторович", subjects=["физическая культура"],
           hire_date=D(2014, 9, 1), ped_start_date=D(2014, 9, 1))
    person("zaitseva", "Зайцева", "Нина", "Петровна", hire_date=D(2005, 9, 1),
           dismissal_date=D(2026, 6, 30))

    def category(key, name, decision, until=None, position=T):
        repo.create(store, QualificationCategory(
            staff_id=ids[key], position=position, category=name, decision_date=decision,
            valid_until=until, order_number="123-д", order_date=decision,
            issuing_body="Министерство образования области"))

    category("andreeva", "первая", D(2017, 3, 1), D(2022, 3, 1))
    category("andreeva", "высшая", D(2022, 3, 15), D(2027, 3, 15))      # ends in 4 months
    category("borisov", "первая", D(2024, 11, 20))                      # высшая from 20.11.2026
    category("vasilieva", "первая", D(2021, 12, 20), D(2026, 12, 20))   # ends in 4 weeks
    category("egorova", "высшая", D(2024, 1, 15))                       # may apply: методист
    category("zaitseva", "первая", D(2022, 1, 10), D(2027, 1, 10))      # dismissed: not listed

    def conformity(key, day, result="соответствует", reason="", position=T):
        repo.create(store, ConformityAttestation(
            staff_id=ids[key], position=position, date=day,
            result=result if not reason else None, exemption_reason=reason))

    conformity("grigoriev", D(2021, 10, 1), position="педагог-психолог")   # due since 01.10.2026
    conformity("zhukov", D(2022, 2, 1))                                   # due 01.02.2027
    conformity("dmitrieva", D(2025, 10, 1), reason="менее 2 лет в должности")

    diag = repo.create(store, Diagnostic(staff_id=ids["egorova"], date=D(2025, 10, 10),
                                         kind="профессиональные дефициты", operator="ЦНППМ",
                                         score=34, max_score=50))
    repo.create(store, Diagnostic(staff_id=ids["egorova"], date=D(2026, 10, 5),
                                  kind="функциональная грамотность", operator="ЦНППМ",
                                  percent=72))
    reading = repo.create(store, Deficit(
        staff_id=ids["egorova"], diagnostic_id=diag, area="методическая",
        description="Затруднения в формировании читательской грамотности на уроках",
        found_date=D(2025, 10, 10)))
    digital = repo.create(store, Deficit(
        staff_id=ids["egorova"], diagnostic_id=diag, area="цифровая",
        description="Недостаточное владение сервисами ФГИС «Моя школа»", status="в работе",
        found_date=D(2025, 10, 10)))
    repo.create(store, Deficit(
        staff_id=ids["egorova"], diagnostic_id=diag, area="коммуникативная",
        description="Затруднения во взаимодействии с родителями", found_date=D(2025, 10, 10)))
    ids["deficit_reading"], ids["deficit_digital"] = reading, digital

    def course(key, title, end, hours=36, **fields):
        return repo.create(store, Training.model_validate({
            "staff_id": ids[key], "title": title, "end_date": end, "hours": hours,
            "provider": "ГАУ ДПО «Институт развития образования»", "form": "очная", **fields}))

    course("andreeva", "Школа современного учителя математики", D(2025, 4, 10), 72,
           federal_register=True, provider="ФГАОУ ДПО «Академия Минпросвещения России»",
           form="дистанционная")
    course("andreeva", "Реализация требований обновлённых ФГОС", D(2023, 3, 1))
    course("borisov", "Историческое просвещение в школе", D(2023, 11, 23))   # overdue tomorrow
    course("grigoriev", "Кризисная психология", D(2022, 6, 1), 72)
    course("dmitrieva", "Методика преподавания русского языка", D(2026, 6, 1), 72)
    ids["training_digital"] = course(
        "egorova", "Цифровые образовательные ресурсы ФГИС «Моя школа»", D(2026, 4, 20),
        federal_register=True, by_diagnostics=True, deficit_ids=[digital])
    group = repo.new_id()
    for key in ("andreeva", "dmitrieva", "egorova", "zhukov"):
        course(key, "Оказание первой помощи", D(2025, 9, 1), 16, group_id=group)

    route = repo.create(store, IndividualRoute(
        staff_id=ids["egorova"], period_start=D(2026, 1, 1), period_end=D(2026, 12, 31),
        developed_by="ЦНППМ", approved_date=D(2026, 1, 15), status="выполняется"))
    ids["route"] = route
    steps = (
        dict(deficit_id=digital, goal="Освоить сервисы ФГИС «Моя школа»", form="курсы",
             action="Курсы ИРО", deadline=D(2026, 5, 1), done_date=D(2026, 4, 20),
             expected_product="Удостоверение", evidence="Удостоверение № 1234",
             training_id=ids["training_digital"]),
        dict(deficit_id=digital, goal="Провести урок с ЦОР для ШМО", form="открытый урок",
             deadline=D(2026, 11, 1), expected_product="Технологическая карта урока"),
        dict(goal="Выступить на педсовете", form="самообразование", deadline=D(2026, 12, 20)),
    )
    for index, step in enumerate(steps):
        repo.create(store, RouteStep(route_id=route, sort_order=index, **step))
    store.close()
    return path, ids


async def open_card(pilot, row: int = 0) -> PersonCardScreen:
    await settle(pilot)
    await pilot.press("f2")
    await settle(pilot)
    await pilot.press("down", *("down",) * row, "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PersonCardScreen)
    return pilot.app.screen


async def test_card_tabs_and_editing_the_person(tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot)                 # Андреева
        assert card.staff_id == ids["andreeva"]
        assert card.tab == "main"
        info = str(card.query_one("#main-info").render())
        assert "математика" in info and "41 год" in info and "высшее, педагогическое" in info
        assert "за 3 года — 88, за 5 лет — 124" in info

        await pilot.press("2")
        await settle(pilot)
        assert card.tab == "courses"
        table = card.query_one("#tr-table")
        assert card.focused is table and table.row_count == 3
        await pilot.press("ctrl+pageup")
        assert card.tab == "main"
        await pilot.press("ctrl+pageup")                  # wraps to the last tab
        assert card.tab != "main"
        await pilot.press("1")
        await settle(pilot)
        assert card.tab == "main"

        # Ins is not offered on «Основное»; Ctrl+E and Enter edit the person.
        assert card.check_action("add", ()) is False
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StaffFormScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, StaffFormScreen)
        middle = form.query_one("#field-middle_name")
        middle.value = ""
        middle.focus()
        await type_text(pilot, "Сергеевна-Ивановна")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card
        assert "Сергеевна-Ивановна" in str(card.query_one("#card-title").render())
        assert repo.get(app.store, Staff, ids["andreeva"]).middle_name == "Сергеевна-Ивановна"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)
