"""Second user review: the person card, attestation, the dashboard and settings as a
demanding user met them on 80x24."""

from __future__ import annotations

import datetime as dt

from metodkab.clock import Clock
from metodkab.domain.models import QualificationCategory, Staff, Training
from metodkab.screens.person_card import PersonCardScreen
from metodkab.storage import repo
from metodkab.storage.db import open_store
from tests.ui import TODAY, build_app, school_db, settle

D = dt.date


def make_people(path, *people: dict) -> list[str]:
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    ids = [repo.create(store, Staff.model_validate({"positions": ["учитель"], **p}))
           for p in people]
    store.close()
    return ids


def add(path, *records) -> None:
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    for record in records:
        repo.create(store, record)
    store.close()


def plain(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def open_card(pilot, staff_id: str) -> PersonCardScreen:
    await settle(pilot)
    pilot.app.push_screen(PersonCardScreen(staff_id))
    await settle(pilot)
    assert isinstance(pilot.app.screen, PersonCardScreen)
    return pilot.app.screen


async def test_a_dismissed_persons_card_owes_no_courses_or_attestation(tmp_path):
    path = school_db(tmp_path / "s.sqlite")
    gone, man, unknown = make_people(
        path,
        {"last_name": "Киселёва", "first_name": "Мария", "sex": "ж", "hire_date": D(2021, 9, 1),
         "dismissal_date": D(2026, 6, 21)},
        {"last_name": "Петров", "first_name": "Пётр", "sex": "м", "hire_date": D(2015, 9, 1),
         "dismissal_date": D(2026, 1, 10)},
        {"last_name": "Сидорова", "first_name": "Анна", "hire_date": D(2010, 9, 1),
         "dismissal_date": D(2025, 8, 31)})
    add(path, Training(staff_id=gone, title="ФООП", kind="повышение квалификации", hours=36,
                       end_date=D(2022, 3, 12)),
        QualificationCategory(staff_id=gone, position="учитель", category="первая",
                              decision_date=D(2021, 1, 23), valid_until=D(2026, 1, 23)))
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, gone)
        assert plain(card, "#card-title") == "Киселёва Мария (уволена)"
        main = plain(card, "#main-info")
        assert "уволен(а) 21.06.2026" in main
        # Nothing is due from someone who has left: no «срок наступил», no «просрочено».
        assert "СЗД" not in main and "просрочено" not in main and "не позже" not in main
        assert "последние 12.03.2022" in main
        await pilot.press("3")
        await settle(pilot)
        assert "СЗД" not in plain(card, "#att-info")
        assert card.query_one("#cat-table").row_count == 1     # the history stays
        await pilot.press("2")
        await settle(pilot)
        assert "просрочено" not in plain(card, "#tr-summary")
        await pilot.press("escape")
        card = await open_card(pilot, man)
        assert plain(card, "#card-title") == "Петров Пётр (уволен)"
        await pilot.press("escape")
        card = await open_card(pilot, unknown)
        assert plain(card, "#card-title") == "Сидорова Анна (уволен(а))"


async def test_conformity_is_owed_from_the_end_of_a_lapsed_category(tmp_path):
    """Hired 01.09.2021 with a первая until 23.01.2026: no СЗД was owed while the category
    was held, so the card and the F5 schedule say «срок наступил 23.01.2026», not 01.09.2023."""
    from metodkab.screens.attestation import AttestationScreen
    from metodkab.storage.attestation import schedule

    path = school_db(tmp_path / "s.sqlite")
    lapsed, never = make_people(
        path,
        {"last_name": "Лебедева", "first_name": "Ольга", "hire_date": D(2021, 9, 1)},
        {"last_name": "Новикова", "first_name": "Ирина", "hire_date": D(2021, 9, 1)})
    add(path, QualificationCategory(staff_id=lapsed, position="учитель", category="первая",
                                    decision_date=D(2021, 1, 23), valid_until=D(2026, 1, 23)))
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, lapsed)
        assert "срок наступил 23.01.2026" in plain(card, "#main-info")
        await pilot.press("escape")
        card = await open_card(pilot, never)       # never held one: 2 years after hiring
        assert "срок наступил 01.09.2023" in plain(card, "#main-info")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, AttestationScreen)
        due = {r.staff_id: r.state.due for r in schedule(app.store, TODAY).conformity}
        assert due == {lapsed: D(2026, 1, 23), never: D(2023, 9, 1)}


async def test_f5_on_the_dashboard_opens_attestation_and_ctrl_r_refreshes(tmp_path):
    """README: F5 is «Аттестация» everywhere — the first screen too (it used to refresh)."""
    from metodkab.screens.attestation import AttestationScreen
    from metodkab.screens.dashboard import DashboardScreen

    path = school_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        make_people(path, {"last_name": "Новый", "first_name": "Сотрудник"})
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        table = app.screen.query_one("#counts").content
        assert list(table.columns[1].cells)[0] == "1"     # «Педагогов работает»
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, AttestationScreen)


async def test_card_help_lists_open_once(tmp_path):
    from metodkab.screens.help import key_rows

    path = school_db(tmp_path / "s.sqlite")
    (person,) = make_people(path, {"last_name": "Орлова", "first_name": "Вера"})
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, person)
        local, _ = key_rows(card)
        assert [k for k, d in local if d == "Открыть"] == ["Enter/F4"]
        await pilot.press("2", "enter")            # Enter still opens (nothing on an empty list)
        await settle(pilot)
        assert app.screen is card
        await pilot.press("1", "enter")            # on «Основное» Enter edits the person
        await settle(pilot)
        assert type(app.screen).__name__ == "StaffFormScreen"


async def test_a_report_date_from_settings_is_said_so_on_the_dashboard(tmp_path):
    from metodkab.storage.settings import set_settings

    path = school_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert plain(app.screen, "#date") == "Дата отчёта: 23.11.2026"
        set_settings(app.store, {"report_date": "2025-09-01"})
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert plain(app.screen, "#date") == ("Дата отчёта: 01.09.2025 — задана в настройках "
                                              "(F10), сегодня 23.11.2026")


async def test_the_card_names_the_mentor_and_the_mentees(tmp_path):
    """The card had no word about mentorship: a young teacher's mentor was only in F6."""
    from metodkab.domain.models import Mentorship

    path = school_db(tmp_path / "s.sqlite")
    mentor, young, other, old = make_people(
        path, {"last_name": "Макарова", "first_name": "Ольга", "middle_name": "Ивановна"},
        {"last_name": "Егорова", "first_name": "Анна", "middle_name": "Викторовна"},
        {"last_name": "Козлова", "first_name": "Юлия", "middle_name": "Дмитриевна"},
        {"last_name": "Фролов", "first_name": "Иван", "middle_name": "Петрович"})
    add(path, Mentorship(mentor_id=mentor, mentee_ids=[young, other], form="педагог – педагог",
                         start_date=D(2026, 9, 1), planned_end=D(2027, 5, 31)),
        Mentorship(mentor_id=mentor, mentee_ids=[old], form="педагог – педагог",
                   start_date=D(2024, 9, 1), planned_end=D(2025, 5, 31), status="завершена",
                   actual_end=D(2025, 5, 31)))
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, young)
        assert "Наставник: Макарова Ольга Ивановна (наставничество до 31.05.2027)" in plain(
            card, "#main-info")
        await pilot.press("escape")
        card = await open_card(pilot, mentor)
        main = plain(card, "#main-info")
        assert ("Наставляемые: Егорова Анна Викторовна, Козлова Юлия Дмитриевна "
                "(наставничество до 31.05.2027)" in main)
        assert "Фролов" not in main                   # a finished pair is not current
        await pilot.press("escape")
        card = await open_card(pilot, old)
        assert "Наставник" not in plain(card, "#main-info")


async def test_associations_list_fits_80_columns(tmp_path):
    """Ctrl+O at 80x24: the last column «Участников» showed as «Уча»."""
    from metodkab.domain.models import Association
    from metodkab.screens.associations import AssociationsScreen

    path = school_db(tmp_path / "s.sqlite")
    add(path, Association(name="ШМО учителей начальных классов", kind="ШМО"))
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, AssociationsScreen)
        table = app.screen.query_one("#assoc-table")
        assert table.row_count == 1
        total = sum(c.get_render_width(table) for c in table.columns.values())
        assert total <= 80 - 2                  # room for the scrollbar
        assert table.columns["members"].width >= len("Участников")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert table.columns["name"].width > 36 and table.row_count == 1


async def test_empty_programme_screen_offers_only_what_works(tmp_path):
    """F7 on a new database: the footer offered Открыть, Удалить, Выполнено with nothing
    to act on; only Ins (create the programme) is offered now."""
    from metodkab.domain.models import Programme

    path = school_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen

        def enabled():
            return {b.binding.action for b in screen.active_bindings.values()
                    if b.enabled and b.node is screen}

        assert "add" in enabled()
        assert not {"open", "remove", "done", "postpone"} & enabled()
        repo.create(app.store, Programme(title="Программа развития", year_from=2025,
                                         year_to=2028, is_current=True))
        screen.reload()
        await settle(pilot)
        assert {"add", "open", "remove", "done"} <= enabled()


async def test_a_full_main_tab_scrolls_instead_of_losing_lines(tmp_path):
    """Three categories, mentorship, СНИЛС, phone, e-mail and a note: 21 lines in the 18
    rows 80x24 leaves — the last ones (phone, e-mail, note) were cut off with no sign."""
    from metodkab.domain.models import Mentorship

    path = school_db(tmp_path / "s.sqlite")
    person, young = make_people(
        path, {"last_name": "Максимова", "first_name": "Оксана", "middle_name": "Игоревна",
               "subjects": ["математика"], "birth_date": D(1982, 7, 1),
               "hire_date": D(2005, 9, 1), "ped_start_date": D(2005, 9, 1),
               "education_level": "высшее", "education_pedagogical": True,
               "management_team": True, "snils": "112-233-445 95",
               "phone": "+7 900 000-00-00", "email": "m@example.ru",
               "notes": "Руководитель ШМО, эксперт ГИА"},
        {"last_name": "Юная", "first_name": "Анна"})
    add(path, *(QualificationCategory(staff_id=person, position=pos, category=cat,
                                      decision_date=day)
                for pos, cat, day in (("учитель", "высшая", D(2023, 9, 23)),
                                      ("учитель", "педагог-наставник", D(2024, 9, 23)),
                                      ("методист", "первая", D(2024, 1, 23)),
                                      ("педагог-психолог", "первая", D(2022, 1, 23)))),
        Mentorship(mentor_id=person, mentee_ids=[young], form="педагог – педагог",
                   start_date=D(2026, 9, 1), planned_end=D(2027, 5, 31)))
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, person)
        scroll = card.query_one("#main-scroll")
        assert "Примечание: Руководитель ШМО" in plain(card, "#main-info")
        assert scroll.virtual_size.height > scroll.region.height
        await pilot.press("tab", "end")            # Tab into the text, End scrolls down
        await settle(pilot)
        assert scroll.scroll_y == scroll.max_scroll_y > 0


async def test_a_failed_conformity_attestation_is_not_shown_as_a_pass(tmp_path):
    """СЗД with «не соответствует» showed «следующая аттестация на СЗД — до …» in green."""
    from metodkab.domain.models import ConformityAttestation

    path = school_db(tmp_path / "s.sqlite")
    failed, passed = make_people(
        path, {"last_name": "Медведев", "first_name": "Игорь", "hire_date": D(2020, 9, 1)},
        {"last_name": "Фролов", "first_name": "Иван", "hire_date": D(2020, 9, 1)})
    add(path, ConformityAttestation(staff_id=failed, position="учитель", date=D(2026, 11, 20),
                                    result="не соответствует"),
        ConformityAttestation(staff_id=passed, position="учитель", date=D(2026, 11, 20),
                              result="соответствует"))
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, failed)
        main = plain(card, "#main-info")
        assert "СЗД 20.11.2026 — не соответствует занимаемой должности" in main
        assert "следующая" not in main
        await pilot.press("escape")
        card = await open_card(pilot, passed)
        assert "СЗД 20.11.2026 · следующая аттестация на СЗД — до 20.11.2031" in plain(
            card, "#main-info")
