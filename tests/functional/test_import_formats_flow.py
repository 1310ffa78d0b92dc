"""A school's list in LibreOffice's own format through the keyboard: the preview says the
list's date and where it came from, Ctrl+D sets another, Ctrl+S loads every fact; a
password-protected workbook is one Russian message and loads nothing."""

import datetime as dt
import shutil

from metodkab.domain.models import Staff
from metodkab.screens.dialogs import ConfirmDialog, DateDialog, MessageDialog
from metodkab.screens.import_file import ImportScreen
from metodkab.screens.import_preview import ImportPreviewScreen
from metodkab.storage import repo
from tests.data import make_import_samples as samples
from tests.functional.test_import_flow import count, open_path, settle, statuses
from tests.ui import build_app, school_db, type_text


async def test_ods_list_with_its_own_date_changed_in_the_preview(tmp_path):
    shutil.copy(samples.SITE_ODS, tmp_path / "педагоги.ods")
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(ImportScreen(tmp_path))
        await settle(pilot, 4)
        await open_path(pilot, tmp_path / "педагоги.ods")
        screen = app.screen
        assert isinstance(screen, ImportPreviewScreen)
        line = str(screen.query_one("#imp-date").render())
        assert "Дата списка 01.09.2025 (из заголовка «Педагогический состав" in line
        assert statuses(screen) == ["добавить"] * len(samples.SITE_ROWS)
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.screen, DateDialog)
        field = app.screen.query_one("#date")
        field.value = ""
        await type_text(pilot, "15.01.2026")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "Дата списка 15.01.2026 (указана вами)" in str(screen.query_one("#imp-date").render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("left", "enter")                     # «Да» (the focus is on «Нет»)
        await settle(pilot)
        assert count(app, "staff") == len(samples.SITE_ROWS)
        petrov = repo.find(app.store, Staff, "last_name = ?", ["Петров"])[0]
        assert petrov.ped_start_date == dt.date(1993, 1, 15)       # 33 года before 15.01.2026
        assert (petrov.sex, petrov.education_pedagogical) == ("м", True)
        assert statuses(screen) == ["без изменений"] * len(samples.SITE_ROWS)


async def test_password_protected_workbook_is_a_message(tmp_path):
    shutil.copy(samples.DATA / "import_password.xls", tmp_path / "кадры.xls")
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(ImportScreen(tmp_path))
        await settle(pilot, 4)
        await open_path(pilot, tmp_path / "кадры.xls")
        assert isinstance(app.screen, MessageDialog)
        assert "защищена паролем" in str(app.screen.query_one("#message").render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        assert not app.screen.query_one("#imp-progress").display
        assert count(app, "staff") == 0


async def test_pedagogical_stems_are_set_in_settings(tmp_path):
    from metodkab.screens.settings import SettingsScreen, parse_settings
    from metodkab.storage.settings import all_settings

    errors = parse_settings({"user_name": "", "report_date": "", "pedagogical_stems": " , "})[1]
    assert errors["pedagogical_stems"] == ("Укажите через запятую хотя бы одну основу слова "
                                           "(не короче 3 букв)")
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        field = app.screen.form.widget("pedagogical_stems")
        assert field.value.startswith("педагог, пед., учител")
        field.value = field.value + ", Психолог"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert all_settings(app.store)["pedagogical_stems"][-1] == "психолог"
        await app.push_screen(ImportScreen(tmp_path))
        await settle(pilot, 4)
        await open_path(pilot, samples.SITE_CSV)
        screen = app.screen
        assert isinstance(screen, ImportPreviewScreen)
        smirnova = next(r for r in screen.loaded.plan.rows if r.name.startswith("Смирнова"))
        assert any("(основа «психолог»)" in n for n in smirnova.notes)


async def test_a_large_list_is_read_in_a_worker_with_a_progress_bar(tmp_path, monkeypatch):
    path = tmp_path / "большой.csv"
    letters = "абвгдежзиклмнопрстуфхцчшщэюя"
    path.write_text("ФИО;Должность\n" + "".join(
        f"Иванова Анна {letters[i % 28]}{letters[i // 28 % 28]}{letters[i // 784]};учитель\n"
        for i in range(1500)), encoding="utf-8")
    seen = []
    shown = ImportScreen._progress

    def progress(self, what, done, total):
        shown(self, what, done, total)
        # the bar is on screen, not under Textual's «loading» cover of the whole screen
        seen.append((what, done, total, self.query_one("#imp-progress").display
                     and not self.loading))

    monkeypatch.setattr(ImportScreen, "_progress", progress)
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(ImportScreen(tmp_path))
        await settle(pilot, 4)
        chooser = app.screen
        await open_path(pilot, path)
        assert isinstance(app.screen, ImportPreviewScreen)
        assert len(app.screen.loaded.plan.rows) == 1500
        assert seen[-1] == ("Разбор строк", 1500, 1500, True)     # the bar was on screen
        assert not chooser.query_one("#imp-progress").display       # and is gone again


async def test_text_from_the_file_is_shown_as_text(tmp_path):
    path = tmp_path / "[b]кадры[red].csv"
    path.write_text("ФИО;Должность\nИванова Анна Петровна;вожатый [red]\n", encoding="utf-8")
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(ImportScreen(tmp_path))
        await settle(pilot, 4)
        await open_path(pilot, path)
        screen = app.screen
        assert isinstance(screen, ImportPreviewScreen)
        assert "[b]кадры[red].csv" in str(screen.query_one("#imp-head").render())
        await pilot.press("enter")
        await settle(pilot)
        assert "«вожатый [red]» нет в списке" in str(app.screen.query_one("#message").render())


async def test_conformity_without_a_date_is_shown_to_clarify(tmp_path):
    from metodkab.importing.session import load, run_import
    from tests.functional.test_attestation_flow import keys, open_schedule

    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        run_import(app.store, load(app.store, samples.SITE_CSV, "staff"))
        screen = await open_schedule(pilot)
        aliev = repo.find(app.store, Staff, "last_name = ?", ["Алиев"])[0]
        row = next(r for r in screen.data.conformity if r.staff_id == aliev.id)
        assert (row.state.state, row.state.due) == ("clarify", None)
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        table = screen.query_one("#conf-due-table")
        cells = [str(c) for c in table.get_row(aliev.id)]
        assert "уточнить" in cells and aliev.id in keys(table)


async def test_a_list_without_a_date_asks_for_one(tmp_path):
    path = tmp_path / "без даты.csv"
    path.write_text("ФИО;Должность;Педагогический стаж\nИванова Анна Петровна;учитель;12\n",
                    encoding="utf-8")
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(ImportScreen(tmp_path))
        await settle(pilot, 4)
        await open_path(pilot, path)
        line = app.screen.query_one("#imp-date").render()
        assert str(line).startswith("В файле нет даты списка: стаж «N лет» отсчитан от даты "
                                    "отчёта 23.11.2026")
        from metodkab.screens.import_preview import list_date_style

        assert list_date_style(app.screen.loaded) == "bold yellow"
