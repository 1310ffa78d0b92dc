"""Импорт из таблицы through the keyboard: Кадры → Ctrl+T → file → preview → Ctrl+S;
the error report, the column mapping and its template, the folder tree, a broken .xls."""

import shutil

from openpyxl import load_workbook

from metodkab.screens.dialogs import ChooserScreen, ConfirmDialog, MessageDialog
from metodkab.screens.import_file import ImportScreen
from metodkab.screens.import_mapping import ImportMappingDialog
from metodkab.screens.import_preview import FolderDialog, ImportPreviewScreen, RowDialog
from metodkab.screens.staff import StaffListScreen
from tests.data import make_import_samples as samples
from tests.ui import build_app, school_db, type_text


async def settle(pilot, times: int = 2) -> None:
    """tests.ui.settle, but not waiting for the folder tree's loader: that worker runs as
    long as the tree is on a screen (Textual's DirectoryTree), so waiting for "all
    workers" would never end."""
    from textual.worker import WorkerCancelled, WorkerFailed

    for _ in range(times):
        await pilot.pause()
        for worker in [w for w in pilot.app.workers if w.group != "_loader"]:
            try:
                await worker.wait()
            except (WorkerCancelled, WorkerFailed):
                pass
    await pilot.pause()


def count(app, table):
    return app.store.db.conn.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0"
                                     ).fetchone()[0]


def statuses(screen):
    table = screen.query_one("#imp-table")
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


async def open_path(pilot, path):
    app = pilot.app
    field = app.screen.query_one("#imp-path")
    field.focus()
    field.value = str(path)          # as if typed or pasted
    await pilot.press("enter")
    await settle(pilot)


async def test_staff_then_courses_from_the_staff_list(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Импорт из таблицы" in commands            # Ctrl+P finds it by name
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)

        await open_path(pilot, samples.STAFF_XLSX)
        preview = app.screen
        assert isinstance(preview, ImportPreviewScreen)
        assert statuses(preview) == ["добавить", "добавить", "добавить ⚠", "ошибка", "ошибка",
                                     "добавить", "ошибка"]
        summary = str(preview.query_one("#imp-summary").render())
        assert "Добавить: 4" in summary and "с ошибками: 3" in summary
        assert count(app, "staff") == 0                     # the preview writes nothing

        # Enter on a row: every message of that row.
        table = preview.query_one("#imp-table")
        table.focus()
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RowDialog)
        assert "такой даты нет в календаре" in str(app.screen.query_one("#message").render())
        await pilot.press("escape")
        await settle(pilot)

        # Ctrl+S: confirm, the good rows go in.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert app.screen is preview
        assert (count(app, "staff"), count(app, "training"), count(app, "qualification_category"),
                count(app, "conformity_attestation")) == (4, 2, 3, 1)
        assert "без изменений" in statuses(preview) and "добавить" not in statuses(preview)
        assert "Загружено" in str(preview.query_one("#imp-status").render())
        await pilot.press("ctrl+s")                         # nothing left to import
        await settle(pilot)
        assert app.screen is preview and count(app, "staff") == 4

        # Ctrl+E: the error report, into a folder we type; its full path is shown.
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, FolderDialog)
        folder = tmp_path / "отчёты"
        app.screen.query_one("#folder").value = str(folder)
        await pilot.press("enter")
        await settle(pilot)
        reports = list(folder.glob("*.xlsx"))
        assert len(reports) == 1 and reports[0].name.startswith("Ошибки импорта")
        assert str(reports[0]) in str(preview.query_one("#imp-status").render()).replace("\n", "")
        rows = list(load_workbook(reports[0]).active.iter_rows(min_row=3, values_only=True))
        assert [r[0] for r in rows] == [8, 9, 10, 12]

        # Ctrl+F: only the rows with errors.
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert len(statuses(preview)) == 4

        # Back to the file; now the training list (F4 on «Что загружаем»).
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#imp-kind").focus()
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ChooserScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        await open_path(pilot, samples.TRAININGS_XLSX)
        preview = app.screen
        assert statuses(preview) == ["без изменений", "добавить", "добавить", "добавить",
                                     "ошибка", "ошибка", "без изменений"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert count(app, "training") == 5

        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)
        assert app.screen.query_one("#staff-table").row_count == 4


async def test_columns_changed_and_saved_as_a_template(tmp_path):
    source = tmp_path / "кадры.csv"
    source.write_text("Кто;Кем работает;Родился\nИванова Анна Петровна;учитель;14.03.1980\n"
                      "Петров Пётр;;01.01.1970\n", encoding="utf-8")
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(ImportScreen(tmp_path))
        await settle(pilot)
        await open_path(pilot, source)
        # No column could be guessed: the preview opens the mapping at once.
        assert isinstance(app.screen, ImportMappingDialog)
        dialog = app.screen
        assert "ФИО" in str(dialog.query_one("#map-error").render())
        for index, choice in ((0, "ФИО"), (1, "Должность"), (2, "Дата рождения")):
            dialog.query_one(f"#col-{index}").focus()
            await pilot.press("f4")
            await settle(pilot)
            assert isinstance(app.screen, ChooserScreen)
            await type_text(pilot, choice)
            await pilot.press("enter")
            await settle(pilot)
        assert dialog.columns() == {0: "fio", 1: "positions", 2: "birth_date"}
        dialog.query_one("#map-name").focus()
        await type_text(pilot, "Кадры из бухгалтерии")
        await pilot.press("ctrl+s")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, ImportPreviewScreen)
        assert statuses(preview) == ["добавить", "ошибка"]
        saved = app.store.db.conn.execute(
            "SELECT key FROM settings WHERE key LIKE 'import_mapping:%'").fetchall()
        assert saved == [("import_mapping:Кадры из бухгалтерии",)]

        # Next time the template is offered on the file screen.
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one("#imp-template").focus()
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.screen.query_one("#imp-template").single == "Кадры из бухгалтерии"
        await open_path(pilot, source)
        assert isinstance(app.screen, ImportPreviewScreen)
        assert "шаблон «Кадры из бухгалтерии»" in str(app.screen.query_one("#imp-mapping").render())


async def test_folder_tree_and_xls(tmp_path):
    folder = tmp_path / "таблицы"
    folder.mkdir()
    shutil.copy(samples.STAFF_CSV, folder / "кадры.csv")
    (folder / "старый.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "заметки.docx").write_bytes(b"")
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(ImportScreen(folder))
        await settle(pilot, 4)
        tree = app.screen.query_one("#imp-tree")
        assert sorted(str(node.label) for node in tree.root.children) == ["кадры.csv",
                                                                          "старый.xls"]
        tree.focus()
        await pilot.press("down", "down", "enter")        # старый.xls
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        assert "не удалось прочитать как книгу Excel 97–2003 (.xls)" in str(
            app.screen.query_one("#message").render())
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("up", "enter")                  # кадры.csv
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, ImportPreviewScreen)
        assert "Windows-1251" in str(preview.query_one("#imp-head").render())
        assert statuses(preview)[0] == "добавить"
