"""The one way every table and document leaves the app.

``start_export(screen, writer, *args, title=...)`` asks for the folder (the last one used
is remembered in the database's settings; the first time it is the user's documents
folder), runs ``writer(store, *args, folder=..., progress=...)`` in a worker while a
progress bar shows, and ends with the full path of the file. Writers are plain functions
(no textual) that write atomically: a temporary name, then a rename.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, ProgressBar, Static
from textual.widgets.input import Selection

from metodkab import strings as S
from metodkab.storage.files import os_message
from metodkab.storage.settings import get_setting, set_settings
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.fields import TextField
from metodkab.widgets.text import plain

FOLDER_SETTING = "export_folder"

Writer = Callable[..., Path]


def default_folder() -> Path:
    """The user's documents folder (platformdirs), used until another one is chosen."""
    from metodkab.paths import documents_dir

    return documents_dir()


def remembered_folder(store) -> Path:
    value = get_setting(store, FOLDER_SETTING)
    return Path(value) if value else default_folder()


def check_folder(text: str) -> tuple[Path | None, str]:
    """The folder typed by the user, or a Russian reason why it cannot be used.

    A missing folder is created when its parent exists (a user typing a new sub-folder
    of Documents expects that); a file or an unwritable folder is refused.
    """
    text = text.strip().strip('"')
    if not text:
        return None, S.EXPORT_NO_FOLDER
    folder = Path(text).expanduser()
    if folder.exists() and not folder.is_dir():
        return None, S.EXPORT_NOT_A_FOLDER.format(path=folder)
    if not folder.exists():
        if not folder.parent.is_dir():
            return None, S.EXPORT_NO_SUCH_FOLDER.format(path=folder)
        try:
            folder.mkdir()
        except OSError as exc:
            return None, S.EXPORT_CANNOT_CREATE.format(path=folder, reason=os_message(exc, folder))
    if not os.access(folder, os.W_OK):
        return None, S.EXPORT_NOT_WRITABLE.format(path=folder)
    return folder.resolve(), ""


def remember_folder(store, folder: Path) -> None:
    """The folder the next folder question starts at (any export, packet or report)."""
    if str(folder) != str(get_setting(store, FOLDER_SETTING) or ""):
        set_settings(store, {FOLDER_SETTING: str(folder)})


def run_export(store, writer: Writer, args: tuple, folder: Path,
               progress: Callable[[int, int], None] | None) -> Path:
    """Worker side: remember the folder, then write the file."""
    remember_folder(store, folder)
    return writer(store, *args, folder=folder, progress=progress)


class ExportFolderDialog(BoxDialog[Path | None]):
    """Where to save: the folder field, its error beside it; Enter or Ctrl+S saves."""

    DEFAULT_CSS = """
    ExportFolderDialog > Vertical { width: 76; padding: 1 2; }
    ExportFolderDialog #export-title { text-style: bold; }
    ExportFolderDialog #export-folder { width: 1fr; margin-top: 1; }
    ExportFolderDialog #export-error { color: $error; height: auto; }
    ExportFolderDialog #export-hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", S.KEY_SAVE, key_display="Ctrl+S"),
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
    ]

    def __init__(self, title: str, folder: Path) -> None:
        super().__init__()
        self.title_text = title
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, id="export-title")
            yield Label(S.EXPORT_FOLDER_LABEL)
            yield TextField(str(self.folder), id="export-folder")
            yield Static("", id="export-error")
            yield Static(S.EXPORT_FOLDER_HINT, id="export-hint")

    def on_mount(self) -> None:
        field = self.query_one("#export-folder", TextField)
        field.focus()
        # The offered folder selected, the cursor at its end (the end of a long path in
        # sight): a path typed at once replaces it, → or End keeps it to go on from.
        self.call_after_refresh(self._select_folder)

    def _select_folder(self) -> None:
        field = self.query_one("#export-folder", TextField)
        field.selection = Selection(0, len(field.value))

    @on(Input.Submitted)
    def action_save(self) -> None:
        folder, error = check_folder(self.query_one("#export-folder", TextField).value)
        self.query_one("#export-error", Static).update(plain(error))
        if folder is not None:
            self.dismiss(folder)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportProgressScreen(BoxDialog[None]):
    """A progress bar while the file is written; the interface keeps drawing."""

    DEFAULT_CSS = """
    ExportProgressScreen > Vertical { width: 60; padding: 1 2; }
    ExportProgressScreen ProgressBar { margin-top: 1; }
    """

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text)
            yield Static(S.EXPORT_WRITING)
            yield ProgressBar(total=None, show_eta=False, id="export-progress")

    def advance(self, done: int, total: int) -> None:
        if self.is_attached:
            self.query_one(ProgressBar).update(total=max(total, 1), progress=done)


def start_export(screen, writer: Writer, *args: Any, title: str) -> None:
    """Ask for the folder, write the file in a worker with a progress bar, show the path.

    ``screen`` is an AppScreen (anything with ``run_db``). Errors of the writer reach the
    user as the usual Russian error dialog; nothing half-written is left behind, because
    writers write to a temporary name and rename.
    """
    from metodkab.screens.dialogs import MessageDialog

    app = screen.app

    def chosen(folder: Path | None) -> None:
        if folder is None:
            return
        bar = ExportProgressScreen(title)
        app.push_screen(bar)

        def progress(done: int, total: int) -> None:
            app.call_from_thread(bar.advance, done, total)

        def close_bar() -> None:
            if bar.is_attached and app.screen is bar:
                bar.dismiss()

        def finished(path: Path) -> None:
            close_bar()
            app.push_screen(MessageDialog(S.EXPORT_DONE.format(path=path), title=title,
                                          notice=True))

        screen.run_db(run_export, writer, args, folder, progress, done=finished,
                      failed=close_bar, group="export")

    screen.run_db(remembered_folder,
                  done=lambda folder: app.push_screen(ExportFolderDialog(title, folder), chosen))
