"""The municipal office's mode: the app opened on a municipal database.

``metodkab --db office.sqlite`` opens this app when the file is a municipal database
(sync/municipal.py). Screens: the schools (F9, screens/office_schools.py: Enter — the
school's card, Ins — load packets with the summary of screens/office_import.py, Ctrl+R —
receipts) and the schools × indicators matrix (F8, screens/office_matrix.py: sorting,
the people behind a cell, the lists across schools, the workbook and the analytical note);
Настройки (F10, screens/office_settings.py: who signs the note). The app has one «data
changed» signal: whatever writes calls ``data_changed()`` and every office figure and
list recomputes.
"""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.signal import Signal

from metodkab import strings as S
from metodkab import app as app_module
from metodkab.app import MetodkabApp
from metodkab.clock import SYSTEM_CLOCK, Clock
from metodkab.screens.office_matrix import MatrixScreen, RowsScreen  # noqa: F401
from metodkab.screens.office_schools import MunicipalSchoolsScreen

MunicipalIndicatorsScreen = MatrixScreen      # F8 (screens/office_matrix.py)


class MunicipalApp(MetodkabApp, inherit_bindings=False):
    """The same application shell on a municipal database, with the office's screens."""

    MODES = {"schools": MunicipalSchoolsScreen, "indicators": MatrixScreen}
    DEFAULT_MODE = "schools"            # the office starts on its list of schools
    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))   # the shell's styles
    TITLE = S.EX_MUNI_APP_TITLE
    BINDINGS = [
        Binding("f1", "help", S.KEY_HELP, key_display="F1", id="help"),
        Binding("f9", "section('schools')", S.EX_MUNI_SCHOOLS_TITLE, key_display="F9",
                show=False, id="section-schools"),
        Binding("f8", "section('indicators')", S.EX_IND_TITLE, key_display="F8",
                show=False, id="section-indicators"),
        Binding("f10", "office_settings", S.SECTION_SETTINGS, key_display="F10", show=False,
                id="section-settings"),
        Binding("ctrl+q", "quit", S.KEY_QUIT, key_display="Ctrl+Q", show=False, priority=True),
        Binding("ctrl+p", "command_palette", S.KEY_PALETTE, key_display="Ctrl+P", show=False,
                priority=True),
    ]

    def __init__(self, store, *, auto_backup: bool = False, blink: bool = True) -> None:
        super().__init__(store, auto_backup=auto_backup, blink=blink)
        # The one «data changed» signal: whatever writes (packets applied, a key replaced)
        # calls data_changed(); every office figure and list subscribed recomputes.
        self.data_changed_signal: Signal[int] = Signal(self, "data-changed")
        self.data_version = 0
        # Each school's figures under its latest packet and the day (sync/consolidated.py):
        # F8 computes again only the schools whose data changed.
        self.figures_cache: dict = {}

    def action_office_settings(self) -> None:
        """Настройки (F10): who signs the analytical note."""
        from metodkab.screens.office_settings import OfficeSettingsScreen

        if not isinstance(self.screen, OfficeSettingsScreen):
            self.push_screen(OfficeSettingsScreen())

    def data_changed(self) -> None:
        self.data_version += 1
        self.data_changed_signal.publish(self.data_version)

    def on_mount(self, event) -> None:
        event.prevent_default()          # not the school's start-up (dashboard, settings)
        self.terminal_colours()
        if self.auto_backup and self.store.path is not None:
            self.run_worker(self._office_backup, thread=True, exit_on_error=False,
                            group="backup")

    def _office_backup(self) -> None:
        """The daily backup on start, as the school's: at most one a day, the newest kept."""
        from metodkab.storage.backup import backup_if_due

        try:
            with self.store.mutex:
                backup_if_due(self.store.db, self.store.path, clock=self.store.clock)
        except Exception as exc:  # a failed backup must not stop the work
            app_module.log.warning("automatic backup failed: %s", exc)


def make_municipal_app(db_path: Path | str, *, clock: Clock = SYSTEM_CLOCK, blink: bool = True,
                       user: str | None = None, auto_backup: bool = False) -> MunicipalApp:
    from metodkab.app import _login
    from metodkab.sync.municipal import open_municipal

    store = open_municipal(db_path, clock=clock, user=user or _login())
    return MunicipalApp(store, blink=blink, auto_backup=auto_backup)
