"""Through the app at 80x24: a staff list imported with Ctrl+T (a file name and a user name
that look like Rich markup) — Ctrl+Z on an imported person says where the values came
from, when and who, with the values as loaded; Ctrl+J lists the load once per table, Enter
shows its whole line; every name is shown as typed, never read as markup."""

from metodkab.app import make_app
from metodkab.clock import Clock
from metodkab.domain.models import Staff
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.import_file import ImportScreen
from metodkab.screens.journal import HistoryDialog, JournalScreen
from metodkab.storage import repo
from tests.functional.test_import_flow import open_path
from tests.ui import TODAY, school_db, settle
from tests.unit.test_import_unstated import write_list

USER = "[bold]Соколов[/bold]"
FILE = "кадры [red]2025[b].csv"


def shown(widget) -> str:
    return str(widget.render())


async def test_imported_person_history_and_the_load_in_the_journal(tmp_path):
    app = make_app(school_db(tmp_path / "s.sqlite"), clock=Clock(TODAY), blink=False,
                   user=USER)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        await open_path(pilot, write_list(tmp_path / FILE))
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        (belov,) = repo.find(app.store, Staff, "last_name = ?", ["Белов"])

        # Кадры (Белов first): Ctrl+Z from the search box, a name typed in it — the row
        # under the cursor (a terminal's Ctrl+H is Backspace there, and erases a letter).
        await pilot.press("f2")
        await settle(pilot)
        search = app.screen.focused
        await pilot.press("Б", "е", "л")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        dialog = app.screen
        assert search.value == "Бел"
        assert isinstance(dialog, HistoryDialog) and dialog.history.record_id == belov.id
        text = shown(dialog.query_one("#history-text"))
        assert text.startswith(f"23.11.2026 12:00 · {USER} · загружено из списка {FILE}\n")
        assert "  Фамилия: Белов\n" in text and "Должности: " in text
        assert "создана" not in text
        await pilot.press("escape")
        await settle(pilot)

        # Ctrl+J: the load once per table, by the user as typed; Enter shows the whole line.
        await pilot.press("ctrl+j")
        await settle(pilot)
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        table = journal.query_one("#journal-table")
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        loads = [r for r in rows if r[3] == "загрузка"]
        # As the columns hold them: a long name ends with «…»; Enter shows it whole.
        assert loads and all(r[1] == "[bold]Соколов[…" for r in loads)
        assert any(r[2].startswith("Сотрудники · загружено из спи") for r in loads)
        assert not any("Белов" in r[2] for r in rows)      # no line per loaded record
        index = next(i for i, r in enumerate(rows) if r[2].startswith("Сотрудники ·"))
        table.move_cursor(row=index)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        assert shown(app.screen.query_one("#message")) == (
            f"23.11.2026 12:00 · {USER}\nСотрудники: загружено из списка {FILE}, строк: 2.")
