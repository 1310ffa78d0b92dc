"""Ctrl+B in the office: a copy of the office's database and its key, sealed with a
passphrase typed twice, onto a USB stick (what ``metodkab backup --out DIR`` does)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from metodkab import strings as S
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.office_pick import pick_path
from metodkab.widgets.ask import QuestionBox
from metodkab.widgets.fields import TextField
from metodkab.widgets.text import plain


class PassphraseDialog(QuestionBox):
    """The passphrase twice; Enter in the second field checks and returns it; Esc cancels."""

    DEFAULT_CSS = """
    PassphraseDialog TextField { margin-bottom: 1; }
    PassphraseDialog #pp-hint { margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        from metodkab.sync.office_backup import MIN_PASSPHRASE

        with Vertical():
            yield Label(S.OB_DIALOG_TITLE, id="pp-title", classes="title")
            yield Static(S.OB_DIALOG_HINT.format(count=MIN_PASSPHRASE), id="pp-hint")
            yield Label(S.OB_ASK_PASSPHRASE)
            yield TextField(password=True, id="pp-first")
            yield Label(S.OB_ASK_AGAIN)
            yield TextField(password=True, id="pp-second")
            yield Static("", id="pp-error", classes="error")
            yield Static(S.OB_DIALOG_KEYS)

    def on_mount(self) -> None:
        self.query_one("#pp-first", TextField).focus()

    @on(Input.Submitted, "#pp-first")
    def _next(self) -> None:
        self.query_one("#pp-second", TextField).focus()

    @on(Input.Submitted, "#pp-second")
    def _done(self) -> None:
        from metodkab.sync.errors import SyncError
        from metodkab.sync.office_backup import check_passphrase

        first = self.query_one("#pp-first", TextField).value
        error = self.query_one("#pp-error", Static)
        if self.query_one("#pp-second", TextField).value != first:
            error.update(S.OB_DIALOG_DIFFER)
            return
        try:
            check_passphrase(first)
        except SyncError as exc:
            error.update(plain(str(exc)))
            return
        self.dismiss(first)


def backup_to_stick(screen) -> None:
    """The folder (the stick), then the passphrase twice, then the copy in a worker."""
    from metodkab.sync.office_backup import backup_office_store

    def written(done) -> None:
        screen.app.push_screen(MessageDialog(
            S.CLI_BACKUP_DONE.format(path=done.copy) + "\n"
            + S.OB_SEALED_DONE.format(path=done.sealed, fp=done.fingerprint),
            title=S.OB_DIALOG_TITLE, notice=True))

    def folder_chosen(folder: Path) -> None:
        def typed(passphrase: str | None) -> None:
            if passphrase is not None:
                screen.run_db(backup_office_store, folder, passphrase, done=written)

        screen.app.push_screen(PassphraseDialog(), callback=typed)

    pick_path(screen, S.OB_PICK_FOLDER, folder_chosen, want="folder")
