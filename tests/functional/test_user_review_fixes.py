"""Defects found by driving the app as a deputy director would (a user's review), each
checked through the keyboard on the real app at 80x24."""

from __future__ import annotations

import datetime as dt

from metodkab.domain.models import Staff, Training
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.screens.training import TrainingScreen
from metodkab.storage import repo
from tests.ui import build_app, school_db, settle

D = dt.date


async def test_arrows_move_between_yes_and_no_in_a_question(tmp_path):
    """«Нет» has the focus; ← moves to «Да» and Enter answers yes (→ goes back to «Нет»)."""
    app = build_app(school_db(tmp_path / "s.sqlite"))
    person = repo.create(app.store, Staff(last_name="Андреева", first_name="Анна",
                                          positions=["учитель"]))
    repo.create(app.store, Training(staff_id=person, title="Цифровая школа", hours=36,
                                    end_date=D(2026, 5, 1)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        screen.query_one("#tr-table").focus()
        await pilot.press("delete")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.focused.id == "no"
        await pilot.press("left")
        assert dialog.focused.id == "yes"
        await pilot.press("right")
        assert dialog.focused.id == "no"
        await pilot.press("left", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert repo.find(app.store, Training, "", ()) == []


async def test_exchange_status_names_packets_not_internal_change_numbers(tmp_path):
    """The status line said «следующий пакет — изменения после № 423» (an internal change
    counter, no such packet). Now: nothing confirmed — the next packet is full; after a
    receipt — changes after the confirmed packet's number."""
    from metodkab.clock import Clock
    from metodkab.storage.db import open_store
    from metodkab.sync.municipal import export_receipts, import_packets, init_municipality, \
        open_municipal
    from metodkab.sync.sample import sample_school
    from metodkab.sync.school import export_packet, import_municipality_key, import_receipt
    from tests.ui import TODAY

    clock = Clock(TODAY)
    school = sample_school(tmp_path / "school.sqlite", code="0412", staff=4)
    office = init_municipality(tmp_path / "office.sqlite", name="УО района", clock=clock)
    usb = tmp_path / "usb"
    usb.mkdir()
    store = open_store(school, clock=clock, exclusive=False)
    try:
        import_municipality_key(store, office.public_path)
        packet = export_packet(store, usb).path
    finally:
        store.close()

    app = build_app(school)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        status = str(app.screen.query_one("#ex-status").render())
        assert "ни один не подтверждён" in status and "будет полным" in status

        muni = open_municipal(office.db_path, clock=clock)
        try:
            import_packets(muni, [packet], trusted=True)
            [receipt] = export_receipts(muni, usb)
        finally:
            muni.close()
        import_receipt(app.store, receipt)
        app.screen.reload()
        await settle(pilot)
        status = str(app.screen.query_one("#ex-status").render())
        assert "подтверждён № 1" in status
        assert "изменения после пакета № 1" in status


async def test_office_empty_list_and_the_summary_after_applying(tmp_path):
    """The office's empty list said «Пакетов от школ ещё не б» (cut in a table cell); after
    Ctrl+S the summary still asked to confirm the new school's key and offered Ctrl+S."""
    from metodkab.clock import Clock
    from metodkab.screens.exchange_files import PathDialog
    from metodkab.screens.exchange_municipal import MunicipalSchoolsScreen, make_municipal_app
    from metodkab.screens.office_import import OfficeImportScreen
    from metodkab.storage.db import open_store
    from metodkab.sync.municipal import init_municipality
    from metodkab.sync.sample import sample_school
    from metodkab.sync.school import export_packet, import_municipality_key
    from tests.functional.test_exchange_flow import settle
    from tests.ui import TODAY

    clock = Clock(TODAY)
    office = init_municipality(tmp_path / "office.sqlite", name="УО района", clock=clock)
    usb = tmp_path / "usb"
    usb.mkdir()
    store = open_store(sample_school(tmp_path / "s.sqlite", code="0412", staff=3),
                       clock=clock, exclusive=False)
    try:
        import_municipality_key(store, office.public_path)
        export_packet(store, usb)
    finally:
        store.close()
    app = make_municipal_app(office.db_path, clock=clock, blink=False, user="Тест")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MunicipalSchoolsScreen)
        status = str(screen.query_one("#status").render())
        assert "Школ пока нет. Ins — загрузить пакеты школ" in status
        assert screen.query_one("#mu-schools").row_count == 0

        await pilot.press("insert")
        await settle(pilot)
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one("#pd-path").value = str(usb)
        await pilot.press("ctrl+s")
        await settle(pilot, 4)
        importing = app.screen
        assert isinstance(importing, OfficeImportScreen)
        assert "apply" in {b.binding.action for b in app.active_bindings.values()}
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("left", "enter")               # «Да»: register the key
        await settle(pilot, 4)
        assert app.screen is importing and importing.applied
        notes = str(importing.query_one("#oi-detail-text").render())
        assert "Ключ школы с отпечатком" in notes and "зарегистрирован" in notes
        assert "подтвердите" not in notes
        assert "apply" not in {b.binding.action for b in app.active_bindings.values()}

        await pilot.press("escape")
        await settle(pilot)
        head = str(app.screen.query_one("#mu-office").render())
        assert "школ: 1" in head
        assert "Школ пока нет" not in str(app.screen.query_one("#status").render())
        assert app.screen.query_one("#mu-schools").row_count == 1

        # The same packet again: nothing to apply, no Ctrl+S offered.
        await pilot.press("insert")
        await settle(pilot)
        app.screen.query_one("#pd-path").value = str(usb)
        await pilot.press("ctrl+s")
        await settle(pilot, 4)
        assert isinstance(app.screen, OfficeImportScreen)
        assert "apply" not in {b.binding.action for b in app.active_bindings.values()}


async def test_a_file_name_typed_in_the_folder_tree_opens_from_the_folder_shown(tmp_path):
    """The import screen (and the exchange's file dialogs) start in the folder tree; typing
    a file name there did nothing. Now the letters go to the path field, and a bare name is
    taken in the folder shown."""
    from metodkab.screens.import_file import ImportScreen
    from metodkab.screens.import_preview import ImportPreviewScreen
    from tests.functional.test_import_flow import settle as settle_tree

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "kadry.csv").write_text("ФИО;Дата рождения;Должность\n"
                                      "Петрова Анна Ивановна;01.02.1990;учитель\n",
                                      encoding="utf-8")
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_tree(pilot)
        await pilot.press("f2")
        await settle_tree(pilot)
        await pilot.press("ctrl+t")
        await settle_tree(pilot)
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.set_folder(folder)
        await settle_tree(pilot)
        assert screen.focused is screen.query_one("#imp-tree")
        await pilot.press(*"kadry.csv")
        field = screen.query_one("#imp-path")
        assert screen.focused is field and field.value == "kadry.csv"
        await pilot.press("enter")
        await settle_tree(pilot, 3)
        assert isinstance(app.screen, ImportPreviewScreen)
        assert app.screen.loaded.plan.summary().startswith("Добавить: 1")


async def test_a_key_file_name_typed_in_the_path_dialog(tmp_path):
    from metodkab.screens.exchange_files import PathDialog
    from tests.functional.test_import_flow import settle as settle_tree

    (tmp_path / "uo.mkkey").write_text("x", encoding="utf-8")
    app = build_app(school_db(tmp_path / "s.sqlite"))
    chosen = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_tree(pilot)
        app.push_screen(PathDialog("Ключ", suffixes=(".mkkey",), folder=tmp_path),
                        callback=chosen.append)
        await settle_tree(pilot)
        dialog = app.screen
        await pilot.press(*"uo.mk")
        # Letters typed faster than the focus moves to the field go on, not replace.
        dialog.query_one("#pd-tree").focus()
        await settle_tree(pilot)
        field = dialog.query_one("#pd-path")
        for letter in "uo.mkkey":
            field.start_typing(letter)
        await settle_tree(pilot)
        assert field.value == "uo.mkkey" and dialog.focused is field
        await pilot.press("enter")
        await settle_tree(pilot)
        assert chosen == [tmp_path / "uo.mkkey"]


async def test_short_dates_of_a_new_activity_are_ahead_not_already_overdue(tmp_path):
    """Typed on 23.11.2026, «01.02» – «15.03» became 2026 and the new activity was overdue
    the moment it was saved. A short date is now within the year from three months ago:
    next February and March; a done date typed short is the last such date."""
    from metodkab.domain.models import Programme, ProgrammeTask
    from metodkab.screens.programme import ProgrammeScreen
    from metodkab.screens.programme_forms import ActivityFormScreen
    from metodkab.storage import programme as ps
    from tests.functional.test_programme_flow import enter_fields

    app = build_app(school_db(tmp_path / "s.sqlite"))
    pid = repo.create(app.store, Programme(title="Программа", year_from=2025, year_to=2028,
                                           goal="Цель", is_current=True))
    repo.create(app.store, ProgrammeTask(programme_id=pid, number=1, title="Задача"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeScreen)
        await pilot.press("down", "insert")              # on the task: a new activity
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ActivityFormScreen)
        await enter_fields(pilot, "Открытые уроки", None, None, "01.02", "15.03")
        assert form.query_one("#field-start_date").value == "01.02.2027"
        assert form.query_one("#field-deadline").value == "15.03.2027"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeScreen)
        [activity] = ps.list_activities(app.store, pid)
        assert (activity.start_date, activity.deadline) == (D(2027, 2, 1), D(2027, 3, 15))


async def test_a_short_done_date_typed_in_january_is_last_december():
    from textual.app import App

    from metodkab.widgets.quickentry import ShortDateField

    class DateApp(App):
        def compose(self):
            yield ShortDateField(default_year=2027, near=D(2027, 1, 10), back=11, id="done")
            yield ShortDateField(default_year=2027, near=D(2027, 1, 10), id="deadline")

    app = DateApp()
    async with app.run_test():
        done = app.query_one("#done", ShortDateField)
        done.value = "20.12"
        assert done.parsed() == D(2026, 12, 20)
        done.value = "20.12.2027"                       # typed in full: as typed
        assert done.parsed() == D(2027, 12, 20)
        deadline = app.query_one("#deadline", ShortDateField)
        deadline.value = "20.12"                        # three weeks ago: as a deadline too
        assert deadline.parsed() == D(2026, 12, 20)
        deadline.value = "01.10"                        # over three months ago: next October
        assert deadline.parsed() == D(2027, 10, 1)
        deadline.value = "05.01"                        # five days ago: still this January
        assert deadline.parsed() == D(2027, 1, 5)


async def test_a_group_of_mentees_fits_its_column_at_80_columns(tmp_path):
    """The register cut «Егорова А. В. и ещё 1» to «Егорова А. В. и ещ»."""
    from metodkab.domain.models import Mentorship
    from metodkab.screens.mentorship import MentorshipListScreen

    app = build_app(school_db(tmp_path / "s.sqlite"))
    ids = [repo.create(app.store, Staff(last_name=last, first_name=first, middle_name=middle,
                                        positions=["учитель"]))
           for last, first, middle in (("Орлова", "Людмила", "Васильевна"),
                                       ("Егорова", "Анна", "Викторовна"),
                                       ("Козлова", "Юлия", "Дмитриевна"))]
    repo.create(app.store, Mentorship(mentor_id=ids[0], mentee_ids=ids[1:], form="педагог–педагог",
                                      start_date=D(2026, 9, 1), planned_end=D(2027, 5, 31)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MentorshipListScreen)
        table = screen.query_one("DataTable")
        cell = str(table.get_row_at(0)[2])
        width = table.columns[list(table.columns)[2]].width
        assert cell == "Егорова А. В. +1" or cell == "Егорова А. В. и ещё 1"
        assert len(cell) <= width


async def test_letters_typed_on_a_choice_field_open_its_list_filtered(tmp_path):
    """On «Форма» of a meeting, typing «бес» did nothing (the letters were lost; a space
    opened the list). Now the first letter opens the list with the filter typed."""
    from metodkab.domain.models import MentorshipEvent
    from metodkab.screens.dialogs import ChooserScreen
    from metodkab.screens.mentorship_card import EventFormScreen, MentorshipCardScreen
    from tests.functional.test_mentorship_flow import mentorship_db, open_register

    path, ids = mentorship_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, MentorshipCardScreen)
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventFormScreen)
        form.query_one("#field-topic").value = "Разбор урока"
        form.query_one("#field-form").focus()
        await pilot.press(*"бес")
        await settle(pilot)
        chooser = app.screen
        assert isinstance(chooser, ChooserScreen)
        assert chooser.query_one("#filter").value == "бес"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form and form.focused is form.query_one("#field-form")
        assert form.query_one("#field-form").single == "беседа"

        # Letters typed faster than the list opens go on in its filter, one list only.
        field = form.query_one("#field-form")
        field.action_choose("с")
        field.action_choose("е")
        field.action_choose()                           # F4 again: the same list
        field.action_choose("м")
        await settle(pilot)
        assert [type(s) for s in app.screen_stack].count(ChooserScreen) == 1
        assert app.screen.query_one("#filter").value == "сем"
        await pilot.press("space", "x")                 # typed on: into the filter
        assert app.screen.query_one("#filter").value == "сем x"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is form and field.single == "беседа"
        await pilot.press("ctrl+s")
        await settle(pilot)
        if app.screen is not card:                       # a warning: save anyway
            await pilot.press("left", "enter")
            await settle(pilot)
        assert app.screen is card
        [event] = repo.find(app.store, MentorshipEvent, "topic = ?", ["Разбор урока"])
        assert event.form == "беседа"


async def test_up_from_the_first_row_of_a_list_returns_to_its_filter(tmp_path):
    """In the chooser ↓ went from the filter to the list but ↑ never came back: letters
    typed then were added to the old filter. Now ↑ on the first row returns to it."""
    from metodkab.screens.dialogs import ChooserScreen
    from metodkab.screens.training_forms import GroupTrainingFormScreen

    app = build_app(school_db(tmp_path / "s.sqlite"))
    for last in ("Белова", "Кузнецова", "Лебедева"):
        repo.create(app.store, Staff(last_name=last, first_name="Анна", positions=["учитель"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, GroupTrainingFormScreen)
        form.query_one("#field-staff_ids").focus()
        await pilot.press(*"кузн")
        await settle(pilot)
        chooser = app.screen
        assert isinstance(chooser, ChooserScreen)
        await pilot.press("down", "space", "up")
        assert chooser.focused is chooser.query_one("#filter")
        await pilot.press(*"лебед")                      # replaces the old filter
        assert chooser.query_one("#filter").value == "лебед"
        await pilot.press("down", "space", "enter")
        await settle(pilot)
        assert app.screen is form
        names = [form.query_one("#field-staff_ids").label_of(k)
                 for k in form.query_one("#field-staff_ids").value]
        assert names == ["Кузнецова Анна", "Лебедева Анна"]


async def test_office_indicators_use_a_decimal_comma(tmp_path):
    """The office's consolidated indicators showed «24.1» while the school's show «26,9»."""
    from metodkab.clock import Clock
    from metodkab.screens.exchange_municipal import MunicipalIndicatorsScreen, make_municipal_app
    from metodkab.storage.db import open_store
    from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
    from metodkab.sync.sample import sample_school
    from metodkab.sync.school import export_packet, import_municipality_key
    from tests.functional.test_exchange_flow import settle
    from tests.ui import TODAY

    clock = Clock(TODAY)
    office = init_municipality(tmp_path / "office.sqlite", name="УО района", clock=clock)
    usb = tmp_path / "usb"
    usb.mkdir()
    store = open_store(sample_school(tmp_path / "s.sqlite", code="0412", staff=7),
                       clock=clock, exclusive=False)
    try:
        import_municipality_key(store, office.public_path)
        packet = export_packet(store, usb).path
    finally:
        store.close()
    muni = open_municipal(office.db_path, clock=clock)
    try:
        import_packets(muni, [packet], trusted=True)
    finally:
        muni.close()
    app = make_municipal_app(office.db_path, clock=clock, blink=False, user="Тест")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot, 3)
        screen = app.screen
        assert isinstance(screen, MunicipalIndicatorsScreen)
        table = screen.query_one("#mx-table")
        values = [str(v) for i in range(table.row_count) for v in table.get_row_at(i)[2:]]
        assert any("," in v for v in values)
        assert not any("." in v for v in values)


async def test_folder_question_tells_how_to_choose_a_folder(tmp_path):
    """Asking for a folder, the dialog said «Enter на файле — выбрать» (no files are shown)."""
    from metodkab.screens.exchange_files import PathDialog
    from tests.functional.test_import_flow import settle as settle_tree

    (tmp_path / "flash").mkdir()
    app = build_app(school_db(tmp_path / "s.sqlite"))
    chosen = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_tree(pilot)
        app.push_screen(PathDialog("Папка", want="folder", folder=tmp_path),
                        callback=chosen.append)
        await settle_tree(pilot)
        hint = str(app.screen.query_one("#pd-hint").render())
        assert "Enter на папке" in hint and "Enter на файле" not in hint
        await pilot.press(*"flash", "ctrl+s")
        await settle_tree(pilot)
        assert chosen == [tmp_path / "flash"]


async def test_empty_lists_show_their_hint_in_full_at_80_columns(tmp_path):
    """«Курсов не найдено. Ins — добавить, Ctrl+G —» and «Пар не найдено. Ins — новая пара,»
    were cut at 80 columns: the status line of an empty list now takes two lines."""
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key, hint in (("f3", "Ctrl+F — фильтр."), ("f6", "Ctrl+G — охват.")):
            await pilot.press(key)
            await settle(pilot)
            status = app.screen.query_one("#status")
            assert status.size.height == 2
            shown = " ".join(status.render_line(y).text.strip() for y in range(2))
            assert shown.endswith(hint)


async def test_ctrl_k_on_a_closed_pair_is_named_for_what_it_does(tmp_path):
    """On a completed pair the footer still said «Ctrl+K Завершить»; Ctrl+K there changes
    the result or reopens the pair."""
    from metodkab.domain.models import Mentorship
    from metodkab.screens.dialogs import ActionChoiceDialog
    from metodkab.screens.mentorship_card import MentorshipCardScreen
    from tests.functional.test_mentorship_flow import mentorship_db, open_register

    path, ids = mentorship_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, MentorshipCardScreen)

        def ctrl_k() -> str:
            return next(b.binding.description for b in app.active_bindings.values()
                        if b.binding.key == "ctrl+k" and b.enabled)

        assert ctrl_k() == "Завершить"
        record = repo.get(app.store, Mentorship, card.mentorship_id)
        repo.update(app.store, record.model_copy(update={
            "status": "завершена", "actual_end": D(2026, 11, 20), "result": "Итог"}))
        card.reload()
        await settle(pilot)
        assert ctrl_k() == "Итог или возобновить"
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert isinstance(app.screen, ActionChoiceDialog)
