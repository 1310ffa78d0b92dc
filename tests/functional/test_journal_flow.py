"""Журнал изменений through the keyboard at 80x24: Ctrl+Z on a card and on a list row shows
that record's history field by field; Ctrl+J the whole journal, filtered and exported;
a deleted record keeps its history; reading writes nothing."""

import datetime as dt

from openpyxl import load_workbook

from metodkab.domain.models import Staff, Training
from metodkab.screens.dialogs import ConfirmDialog, MessageDialog
from metodkab.screens.export import ExportFolderDialog
from metodkab.screens.journal import HistoryDialog, JournalFilterDialog, JournalScreen
from metodkab.screens.person_card import PersonCardScreen
from metodkab.storage import repo
from tests.ui import build_app, school_db, settle, type_text

D = dt.date


def audit_count(app) -> int:
    return app.store.db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def history_of(app) -> str:
    return str(app.screen.query_one("#history-text").render())


async def test_history_on_card_and_list_row_then_the_journal(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    person = repo.create(app.store, Staff(last_name="Андреева", first_name="Анна",
                                          positions=["учитель"], hire_date=D(2015, 9, 1)))
    app.store.user = "Завуч"
    staff = repo.get(app.store, Staff, person)
    repo.update(app.store, staff.model_copy(update={"hire_date": D(2016, 9, 1)}))
    app.store.user = "Тест"
    course = repo.create(app.store, Training(staff_id=person, title="Функциональная "
                                             "грамотность", hours=36, end_date=D(2026, 5, 20)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = audit_count(app)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonCardScreen)

        # Ctrl+Z on the card's «Основное»: the person's history, old → new.
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert isinstance(app.screen, HistoryDialog)
        text = history_of(app)
        assert "Андреева Анна" in str(app.screen.query_one("#history-title").render())
        assert "Завуч · изменена" in text
        assert "Дата приёма: 01.09.2015 → 01.09.2016" in text
        await pilot.press("escape")
        await settle(pilot)

        # Ctrl+Z on a list row: the course under the cursor.
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert isinstance(app.screen, HistoryDialog)
        assert app.screen.history.record_id == course
        assert "Часов: 36" in history_of(app)
        await pilot.press("escape")
        await settle(pilot)

        # Del the course: its history stays.
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert repo.find(app.store, Training) == []
        assert audit_count(app) == before + 1
        audited = records_audited(app)

        # Ctrl+J: the whole journal; the newest line is the deletion.
        await pilot.press("ctrl+j")
        await settle(pilot)
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        table = journal.query_one("#journal-table")
        assert table.row_count == 5                 # school, person ×2, course ×2
        assert "удалена" in str(table.get_row_at(0)[3])
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryDialog)
        assert "(удалена)" in str(app.screen.query_one("#history-title").render())
        assert "создана" in history_of(app) and "удалена" in history_of(app)
        await pilot.press("escape")
        await settle(pilot)

        # Ctrl+F: only the courses section, from a date.
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, JournalFilterDialog)
        await type_text(pilot, "31.02.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, JournalFilterDialog)      # no such date: stays
        app.screen.query_one("#from").value = "01.01.2026"
        await pilot.press("down", "down", "down")
        await type_text(pilot, "Курсы")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is journal
        assert table.row_count == 2
        assert "Курсы" in str(journal.query_one("#journal-status").render())

        # Ctrl+E: the journal as filtered into Excel.
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ExportFolderDialog)
        app.screen.query_one("#export-folder").value = str(tmp_path)
        await pilot.press("enter")
        await settle(pilot, 4)
        if isinstance(app.screen, MessageDialog):
            await pilot.press("escape")
            await settle(pilot)
        [path] = tmp_path.glob("Журнал изменений*.xlsx")
        sheet = load_workbook(path).active
        actions = [sheet.cell(r, 5).value for r in range(3, sheet.max_row + 1)]
        assert actions == ["удалена", "создана"]
        assert sheet.cell(3, 2).value == "Тест"

        # Reading wrote nothing (the export remembers its folder in the settings only).
        assert records_audited(app) == audited


def records_audited(app) -> int:
    return app.store.db.conn.execute(
        "SELECT count(*) FROM audit_log WHERE table_name <> 'settings'").fetchone()[0]


async def test_history_of_an_open_form_from_the_palette(tmp_path):
    """In a form the focus is in a field, where a terminal's Ctrl+H erases a letter; the
    palette finds «История записи» by name and shows the form's record."""
    from textual.command import CommandList

    from metodkab.screens.training_forms import TrainingFormScreen

    app = build_app(school_db(tmp_path / "s.sqlite"))
    person = repo.create(app.store, Staff(last_name="Андреева", first_name="Анна",
                                          positions=["учитель"]))
    course = repo.create(app.store, Training(staff_id=person, title="Оказание первой помощи",
                                             hours=16, end_date=D(2026, 10, 20)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(TrainingFormScreen(course))
        await settle(pilot)
        form = app.screen
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "история")
        await pilot.pause(0.3)
        options = app.screen.query_one(CommandList)
        found = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("История записи" in text for text in found)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryDialog)
        assert app.screen.history.record_id == course
        assert "Оказание первой помощи" in history_of(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is form
