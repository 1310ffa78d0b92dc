"""The Textual application: sections as modes, global keys, errors as dialogs. No SQL here."""

from __future__ import annotations

import logging
import sqlite3
import traceback
from collections.abc import Iterable
from pathlib import Path

import platformdirs
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from metodkab import strings as S
from metodkab.clock import SYSTEM_CLOCK, Clock
from metodkab.paths import APP_NAME
from metodkab.screens.dashboard import DashboardScreen
from metodkab.storage.db import Store, open_store
from metodkab.storage.errors import StorageError
from metodkab.widgets.register import Register

log = logging.getLogger("metodkab")

# Section keys work in any keyboard layout (function keys); see README «Клавиши».
SECTIONS = (
    ("f12", "dashboard", S.SECTION_DASHBOARD, "F12"),
    ("f2", "staff", S.SECTION_STAFF, "F2"),
    ("f3", "training", S.SECTION_TRAINING, "F3"),
    ("f5", "attestation", S.SECTION_ATTESTATION, "F5"),
    ("f6", "mentorship", S.SECTION_MENTORSHIP, "F6"),
    ("f7", "programme", S.SECTION_PROGRAMME, "F7"),
    ("f8", "indicators", S.SECTION_INDICATORS, "F8"),
    ("f9", "exchange", S.SECTION_EXCHANGE, "F9"),
    ("f10", "settings", S.SECTION_SETTINGS, "F10"),
)


def _lazy(module: str, name: str):
    """A mode's screen factory that imports the section only when it is first opened,
    so start-up pays for the dashboard alone."""

    def build() -> Screen:
        from importlib import import_module

        return getattr(import_module(f"metodkab.screens.{module}"), name)()

    return build


class MetodkabApp(App):
    MODES = {
        "dashboard": DashboardScreen,
        "staff": _lazy("staff", "StaffListScreen"),
        "training": _lazy("training", "TrainingScreen"),
        "attestation": _lazy("attestation", "AttestationScreen"),
        "associations": _lazy("associations", "AssociationsScreen"),
        "mentorship": _lazy("mentorship", "MentorshipListScreen"),
        "programme": _lazy("programme", "ProgrammeScreen"),
        "indicators": _lazy("indicators", "IndicatorsScreen"),
        "exchange": _lazy("exchange", "ExchangeScreen"),
        "settings": _lazy("settings", "SettingsScreen"),
        "achievements": _lazy("achievements", "AchievementsScreen"),
        "journal": _lazy("journal", "JournalScreen"),
    }
    # The app starts in the dashboard's mode: no blank default screen is built and then
    # switched away from (which also resumed the dashboard twice).
    DEFAULT_MODE = "dashboard"
    CSS_PATH = "app.tcss"
    TITLE = S.APP_TITLE
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"

    BINDINGS = [
        Binding("f1", "help", S.KEY_HELP, key_display="F1", id="help"),
        *(Binding(key, f"section('{mode}')", label, key_display=display, show=False,
                  id=f"section-{mode}")
          for key, mode, label, display in SECTIONS),
        Binding("ctrl+o", "section('associations')", S.SECTION_ASSOCIATIONS,
                key_display="Ctrl+O", show=False, id="section-associations"),
        Binding("ctrl+b", "section('achievements')", S.SECTION_ACHIEVEMENTS,
                key_display="Ctrl+B", show=False, id="section-achievements"),
        Binding("ctrl+j", "section('journal')", S.SECTION_JOURNAL, key_display="Ctrl+J",
                show=False, id="section-journal"),
        # Ctrl+Z from any focus (no input line binds it; a text area keeps its undo). Not
        # Ctrl+H: a terminal sends it as Backspace (^H), which edits a list's search.
        Binding("ctrl+z", "history", S.JOURNAL_KEY_HISTORY,
                key_display="Ctrl+Z", show=False, id="history"),
        Binding("ctrl+q", "quit", S.KEY_QUIT, key_display="Ctrl+Q", show=False, priority=True),
        Binding("ctrl+p", "command_palette", S.KEY_PALETTE, key_display="Ctrl+P", show=False,
                priority=True),
    ]

    def __init__(self, store: Store, *, auto_backup: bool = False, blink: bool = True) -> None:
        super().__init__()
        self.store = store
        self.pending_staff_filter: dict | None = None
        self.auto_backup = auto_backup
        self.blink = blink

    # --- start-up ----------------------------------------------------------------------
    def on_mount(self) -> None:
        self.terminal_colours()
        self.screen_change_signal.subscribe(self, self._show_screen_title)
        if self.auto_backup and self.store.path is not None:
            self.run_worker(self._auto_backup, thread=True, exit_on_error=False, group="backup")

    def terminal_colours(self) -> None:
        """On a 16-colour terminal the terminal's own colours: Textual otherwise turns «red»
        and «yellow» into its theme's shades and those back into the nearest of the 16 —
        magenta and bright red, so a «жёлтая» line and a red warning looked alike."""
        if not self.is_headless and self.console.color_system in ("standard", "windows"):
            self.ansi_color = True

    def _auto_backup(self) -> None:
        from metodkab.storage.backup import backup_if_due
        from metodkab.storage.settings import get_setting

        try:
            keep = int(get_setting(self.store, "backups_keep"))
            with self.store.mutex:
                backup_if_due(self.store.db, self.store.path, clock=self.store.clock, keep=keep)
        except Exception as exc:  # a failed backup must not stop the work
            log.warning("automatic backup failed: %s", exc)

    def on_unmount(self) -> None:
        self.store.close()

    # --- sections and help --------------------------------------------------------------
    def _show_screen_title(self, screen: Screen) -> None:
        """The header's sub-title names the screen shown — a form too, and a section whose
        form was left open — never the previous section's. A section screen (AppScreen)
        sets its own when it resumes; a dialog leaves the one under it."""
        from textual.screen import ModalScreen

        from metodkab.screens.base import AppScreen

        if isinstance(screen, (AppScreen, ModalScreen)):
            return
        for shown in reversed(self.screen_stack):
            title = getattr(shown, "SCREEN_TITLE", "")
            if title:
                self.sub_title = title
                return

    def action_section(self, mode: str) -> None:
        """A section key (and Esc from a list to Главная): that section's list, always.

        A card, an editor or a dialog left open above a list is closed, in the section
        being left and in the one asked for; a form with unsaved changes is shown and the
        user asked first (no: everything stays as it was)."""
        if getattr(self, "_asking_to_leave", False):
            return
        unsaved = self._unsaved_forms(self.current_mode)
        if not unsaved:
            self._show_section(mode)
            return
        from metodkab.screens.dialogs import ConfirmDialog

        self._asking_to_leave = True

        def answer(leave: bool | None) -> None:
            self._asking_to_leave = False
            if leave:
                for form in unsaved:        # a section that is a form shows the stored values
                    if form is self._screen_stacks[self.current_mode][0]:
                        form.reload()
                self.call_later(self._show_section, mode)

        self.push_screen(ConfirmDialog(S.UNSAVED_CHANGES), callback=answer)

    def _unsaved_forms(self, mode: str) -> list[Screen]:
        from metodkab.screens.base import FormScreen

        return [screen for screen in self._screen_stacks.get(mode, ())
                if isinstance(screen, FormScreen) and screen.dirty]

    def _show_section(self, mode: str) -> None:
        leaving = self.current_mode
        self._close_above_list(mode)
        stack = self._screen_stacks.get(mode)
        if stack and isinstance(stack[0], Register):
            stack[0].show_fresh()       # no old search left in the box to type after
        if mode != leaving:
            self.switch_mode(mode)
            self._close_above_list(leaving)

    def _close_above_list(self, mode: str) -> None:
        """Close every screen above the section's own (its list) in ``mode``'s stack. The
        screens in between are not resumed on the way down, so none of them reloads or
        shows for a moment."""
        from textual import events

        stack = self._screen_stacks.get(mode)
        if not stack or len(stack) < 2:
            return
        above = stack[1:]
        del stack[1:]
        if mode == self.current_mode:
            self.screen.post_message(events.ScreenResume())
            self.screen_change_signal.publish(self.screen)

        async def remove() -> None:
            for screen in reversed(above):
                await self._replace_screen(screen)

        self.call_later(remove)

    def action_history(self) -> None:
        from metodkab.screens.journal import show_history

        show_history(self.screen)

    async def action_quit(self) -> None:
        """Ctrl+Q: a form with unsaved changes, in any section, is shown and the user asked
        before everything is closed; with nothing unsaved the program quits at once."""
        from metodkab.screens.base import FormScreen
        from metodkab.screens.dialogs import ConfirmDialog

        if getattr(self, "_asking_to_quit", False):
            return
        unsaved = [(mode, screen) for mode, stack in self._screen_stacks.items()
                   for screen in stack if isinstance(screen, FormScreen) and screen.dirty]
        if not unsaved:
            self.exit()
            return
        if not any(mode == self.current_mode for mode, _ in unsaved):
            self.switch_mode(unsaved[0][0])
        self._asking_to_quit = True

        def answer(leave: bool | None) -> None:
            self._asking_to_quit = False
            if leave:
                self.exit()

        self.push_screen(ConfirmDialog(S.APP_QUIT_UNSAVED), callback=answer)

    def action_help_quit(self) -> None:
        """Ctrl+C outside a text field: Textual's own hint was in English."""
        self.notify(S.QUIT_HINT, title=S.QUIT_HINT_TITLE, markup=False)

    def action_help(self) -> None:
        from metodkab.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from metodkab.screens.palette import RussianCommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(RussianCommandPalette(id="--command-palette",
                                                   placeholder=S.PALETTE_PLACEHOLDER))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action under its Russian name: the screen's keys, then the sections."""
        from metodkab.screens.help import collect_keys

        for entry in collect_keys(screen):
            def run(action: str = entry.action, target=entry.node) -> None:
                self.call_later(self.run_action, action, target)

            yield SystemCommand(entry.description, entry.key, run)

    def ask_school_if_missing(self) -> None:
        """First run: ask for the school's details once per session."""
        if getattr(self, "_asked_school", False):
            return
        self._asked_school = True
        from metodkab.screens.settings import SchoolFormScreen

        self.push_screen(SchoolFormScreen())

    def open_person_card(self, staff_id: str, tab: str = "main") -> None:
        """A person's card over the current screen: for a screen the card itself opens
        (the staff form's «the same person is already kept»), so screens import no circle."""
        from metodkab.screens.person_card import PersonCardScreen

        self.push_screen(PersonCardScreen(staff_id, tab=tab))

    def open_staff_list(self, **filters) -> None:
        """Jump to the staff register with a filter set (from the dashboard's to-do list)."""
        self.pending_staff_filter = filters
        self.action_section("staff")

    # --- errors ------------------------------------------------------------------------
    def report_error(self, exc: BaseException) -> None:
        """Show a failure as a Russian message in a dialog; log the details.

        A failed action changed nothing: a storage call's transaction is rolled back
        (``Store.atomic``, and ``run_db`` rolls back what a failed call left open), so the
        message says so. The user reads what happened and what to do; the exception's own
        (English) words follow only as «Для службы поддержки: …», and the dialog shows
        all of it as text. Disk full, no rights and the like say so (``os_message``,
        ``sqlite_message``), never «повреждён»."""
        from metodkab.screens.dialogs import MessageDialog
        from metodkab.storage.files import os_message, sqlite_message

        if isinstance(exc, StorageError):
            message = str(exc)
        elif isinstance(exc, OSError):          # disk full, no rights, read-only stick …
            message = os_message(exc)
        elif isinstance(exc, sqlite3.Error):
            log_path = self._log_exception(exc)
            condition = sqlite_message(exc, self.store.path or "")
            if condition is not None:
                message = f"{condition} {S.DB_NOTHING_SAVED}"
            else:
                message = S.DB_ERROR.format(log=log_path)
                if self.store.path is not None:
                    from metodkab.storage.backup import backup_folder

                    message += " " + S.DB_ERROR_BACKUPS.format(folder=backup_folder(self.store.path))
                message += "\n\n" + S.FOR_SUPPORT.format(detail=_detail(exc))
        else:
            log_path = self._log_exception(exc)
            message = (S.INTERNAL_ERROR.format(log=log_path) + "\n\n"
                       + S.FOR_SUPPORT.format(detail=_detail(exc)))
        self.push_screen(MessageDialog(message))

    def _log_exception(self, exc: BaseException) -> Path:
        folder = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
        path = folder / "metodkab.log"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as fh:
                fh.write("".join(traceback.format_exception(exc)))
        except OSError:
            pass
        return path


def _detail(exc: BaseException) -> str:
    """The exception as support reads it: its class and its own words."""
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def make_app(db_path: Path | str | None = None, *, clock: Clock = SYSTEM_CLOCK,
             store: Store | None = None, auto_backup: bool = False, blink: bool = True,
             user: str | None = None) -> MetodkabApp:
    """Build the app on a database file (or an open store): the factory tests use too."""
    if store is None:
        if db_path is None:
            raise ValueError("make_app needs db_path or store")
        store = open_store(db_path, clock=clock)
    from metodkab.storage.settings import get_setting

    store.user = user or get_setting(store, "user_name") or _login()
    return MetodkabApp(store, auto_backup=auto_backup, blink=blink)


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return ""
