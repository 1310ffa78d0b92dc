"""Export flow through the keyboard: the folder is asked (documents folder first, then the
last one used), a bad folder is refused beside the field and nothing is written, the
file is written atomically and its full path shown."""

import openpyxl

from metodkab.screens import export
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.staff import StaffListScreen
from metodkab.storage.settings import get_setting
from tests.ui import build_app, school_db, settle, type_text


async def test_folder_is_asked_checked_and_remembered(tmp_path, monkeypatch):
    documents = tmp_path / "Документы"
    documents.mkdir()
    monkeypatch.setattr(export, "default_folder", lambda: documents)
    path = school_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)

        # First time: the documents folder is offered; a missing parent is refused.
        await pilot.press("ctrl+e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, export.ExportFolderDialog)
        field = dialog.query_one("#export-folder")
        assert field.value == str(documents)
        field.value = ""
        await type_text(pilot, str(tmp_path / "нет" / "такой"))
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "Нет такой папки" in str(dialog.query_one("#export-error").render())

        # A file is not a folder.
        a_file = tmp_path / "файл.txt"
        a_file.write_text("x")
        field.value = str(a_file)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "не папка" in str(dialog.query_one("#export-error").render())

        # A new sub-folder of an existing folder is created.
        target = documents / "Отчёты"
        field.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        [file] = list(target.iterdir())
        assert file.suffix == ".xlsx" and str(file) in app.screen.message
        assert openpyxl.load_workbook(file).active["A1"].value
        assert not [p for p in target.iterdir() if p.name.startswith(".")]
        assert get_setting(app.store, export.FOLDER_SETTING) == str(target.resolve())
        await pilot.press("escape")
        await settle(pilot)

        # Next time the same folder is offered; Esc cancels and writes nothing.
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, export.ExportFolderDialog)
        assert app.screen.query_one("#export-folder").value == str(target.resolve())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)
        assert len(list(target.iterdir())) == 1


def test_check_folder_messages(tmp_path):
    folder, error = export.check_folder("  ")
    assert folder is None and error == "Укажите папку"
    folder, error = export.check_folder(f'"{tmp_path}"')
    assert folder == tmp_path.resolve() and error == ""


def test_a_folder_that_cannot_be_made_is_said_in_russian(tmp_path, monkeypatch):
    """The system's reason («Permission denied», «No space left on device») is English:
    the message says it in Russian (storage/files.os_message), as every other file error."""
    import errno
    from pathlib import Path

    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    folder, error = export.check_folder(str(tmp_path / "новая"))
    assert folder is None
    assert "Permission" not in error and "Нет прав" in error and "новая" in error


async def test_a_typed_folder_with_brackets_is_quoted_as_typed(tmp_path):
    """The refusal quotes the typed folder: «[/]» in it crashed the dialog, «[b]» vanished."""
    from textual.widgets import Static

    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, export.ExportFolderDialog)
        typed = str(tmp_path / "[/]нет [b]такой" / "папки")
        dialog.query_one("#export-folder").value = typed
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "[/]нет [b]такой" in str(dialog.query_one("#export-error", Static).visual)
    assert app.return_code in (None, 0)


async def test_a_typed_folder_replaces_the_offered_one(tmp_path, monkeypatch):
    """Ctrl+E: the offered folder is selected, so a path typed at once replaces it (it
    was added after it: «Нет такой папки»); the end of the path stays in sight."""
    documents = tmp_path / "Документы"
    documents.mkdir()
    target = tmp_path / "Выгрузка"
    target.mkdir()
    monkeypatch.setattr(export, "default_folder", lambda: documents)
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, export.ExportFolderDialog)
        field = dialog.query_one("#export-folder")
        assert field.selected_text == str(documents)
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog), str(
            dialog.query_one("#export-error").render())
        [file] = list(target.iterdir())
        assert file.suffix == ".xlsx"
        assert list(documents.iterdir()) == []
