"""The municipal office's mode: the app opened on a municipal database.

``metodkab --db office.sqlite`` opens this app when the file is a municipal database
(sync/municipal.py). Screens: the schools (F9, screens/office_schools.py: Enter — the
school's card, Ins — load packets with the summary of screens/office_import.py, Ctrl+R —
receipts) and the consolidated indicators here (F8: in total, by school, the lists across
schools, all to XLSX). The app has one «data changed» signal: whatever writes calls
``data_changed()`` and every office figure and list recomputes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.signal import Signal
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from metodkab import strings as S
from metodkab import app as app_module
from metodkab.app import MetodkabApp
from metodkab.clock import SYSTEM_CLOCK, Clock
from metodkab.domain.parse import format_date
from metodkab.reports.programme import format_number, format_target
from metodkab.screens.base import AppScreen
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.office_pick import pick_path
from metodkab.screens.office_schools import MunicipalSchoolsScreen
from metodkab.widgets.text import plain, plain_row


def load_consolidated(store, day, progress):
    from metodkab.sync.consolidated import consolidate

    return consolidate(store, day, progress)


class MunicipalIndicatorsScreen(AppScreen):
    """F8: every indicator in total over the schools; Enter — by school; Ctrl+L — the
    lists across schools; Ctrl+E — everything to XLSX; Ctrl+D — another report date."""

    SCREEN_TITLE = S.EX_IND_TITLE
    DEFAULT_CSS = """
    MunicipalIndicatorsScreen #mx-head { height: 1; padding: 0 1; }
    MunicipalIndicatorsScreen ProgressBar { padding: 0 1; height: 1; }
    MunicipalIndicatorsScreen #mx-table { height: 1fr; }
    """
    BINDINGS = [
        Binding("f4", "open", S.EX_KEY_BY_SCHOOL, key_display="Enter/F4", id="open"),
        Binding("ctrl+l", "lists", S.EX_KEY_LISTS, key_display="Ctrl+L", id="lists"),
        Binding("ctrl+e", "export", S.EX_KEY_XLSX, key_display="Ctrl+E", id="export"),
        Binding("ctrl+d", "date", S.EX_KEY_DATE, key_display="Ctrl+D", id="date"),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report = None
        self.version = -1             # the app's data version the report was computed at
        self.day = None
        self.busy = False
        self.again = False            # data changed while computing: compute once more

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, id="mx-head")
        yield ProgressBar(show_eta=False, id="mx-progress")
        yield DataTable(id="mx-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in zip(S.EX_IND_COLUMNS, (40, 7, 7, 7, 6)):
            table.add_column(label, width=width)
        self.day = self.app.store.clock.today()
        self.app.data_changed_signal.subscribe(self, lambda _version: self.compute())
        self.compute()

    def compute(self) -> None:
        """Compute every figure again (on start, a new date, and whenever data changed)."""
        if self.busy:
            self.again = True
            return
        self.busy = True
        self.again = False
        self.version = self.app.data_version
        self.query_one("#mx-head", Static).update(S.EX_IND_COMPUTING)
        bar = self.query_one(ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, done, total)

        def failed() -> None:
            self.busy = False
            self.query_one(ProgressBar).display = False

        self.run_db(load_consolidated, self.day, progress, done=self._show, failed=failed,
                    group="consolidated", exclusive=True)

    def _progress(self, done: int, total: int) -> None:
        if self.is_attached:
            self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def _show(self, report) -> None:
        self.busy = False
        self.report = report
        self.query_one(ProgressBar).display = False    # no stuck «--%» (an empty office too)
        if self.again:
            self.compute()
        self.query_one("#mx-head", Static).update(S.EX_IND_HEAD.format(
            date=format_date(report.day), count=len(report.schools)))
        table = self.query_one(DataTable)
        table.clear()
        for index, r in enumerate(report.totals):
            value, target = format_number(r.value), format_target(r.target)   # «24,1», «4,25»
            table.add_row(*plain_row(r.name, str(r.count), str(r.base), value, target),
                          key=str(index))
        table.focus()

    def _current(self) -> int | None:
        table = self.query_one(DataTable)
        if self.report is None or not table.row_count:
            return None
        return table.cursor_row

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        index = self._current()
        if index is None:
            return
        total = self.report.totals[index]
        rows = []
        for school in self.report.schools:
            code, name = school.code, school.name
            for r in self.report.results.get(code, []):
                if (r.key, r.name) == (total.key, total.name):
                    rows.append((code, name, str(r.count), str(r.base),
                                 format_number(r.value)))
        self.app.push_screen(RowsScreen(total.name, S.EX_BY_SCHOOL_COLUMNS, (6, 30, 7, 7, 7),
                                        rows))

    def action_lists(self) -> None:
        if self.report is None:
            return
        people = {"overdue": self.report.overdue, "young": self.report.young_unsupported}

        def chosen(key: str | None) -> None:
            if key:
                rows = [(p.school_code, p.school_name, p.name, p.positions) for p in people[key]]
                self.app.push_screen(RowsScreen(S.EX_LIST_TITLES[key], S.EX_LIST_COLUMNS,
                                                (6, 22, 26, 20), rows))

        from metodkab.screens.dialogs import ActionChoiceDialog

        self.app.push_screen(ActionChoiceDialog(
            S.EX_KEY_LISTS, S.EX_LISTS_QUESTION,
            [(k, S.EX_LIST_TITLES[k] + f" ({len(v)})") for k, v in people.items()]),
            callback=chosen)

    def action_export(self) -> None:
        if self.report is None:
            return
        report = self.report if self.version == self.app.data_version else None
        day = self.day

        def write(store, folder: Path) -> tuple[Path, Path]:
            from metodkab.sync.consolidated import consolidate
            from metodkab.sync.consolidated_files import write_report

            return write_report(report or consolidate(store, day), folder)   # never stale

        def picked(folder: Path) -> None:
            self.run_db(write, folder, done=lambda paths: (
                self.app.push_screen(MessageDialog(
                    S.MX_CLI_DONE.format(xlsx=paths[0], docx=paths[1]),
                    title=S.EX_IND_TITLE))))

        pick_path(self, S.EX_PICK_FOLDER, picked, want="folder")

    def action_date(self) -> None:
        from metodkab.screens.dialogs import DateDialog

        def chosen(day) -> None:
            if day is not None:
                self.day = day
                self.compute()

        self.app.push_screen(DateDialog(S.EX_IND_TITLE, S.EX_IND_DATE, self.day), callback=chosen)

    def action_back(self) -> None:
        self.app.action_section("schools")


class RowsScreen(Screen):
    """A read-only table (an indicator by school, a list across schools); Esc closes."""

    DEFAULT_CSS = """
    RowsScreen #rs-title { height: auto; padding: 0 1; text-style: bold; }
    RowsScreen DataTable { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "close", S.KEY_BACK, key_display="Esc", id="back")]

    def __init__(self, title: str, columns: Sequence[str], widths: Sequence[int],
                 rows: Sequence[Sequence[str]]) -> None:
        super().__init__()
        self.title_text = title
        self.columns = columns
        self.widths = widths
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(plain(S.EX_ROWS_TITLE.format(title=self.title_text, count=len(self.rows))),
                     id="rs-title")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in zip(self.columns, self.widths):
            table.add_column(label, width=width)
        for row in self.rows:
            table.add_row(*plain_row(*row))
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)


class MunicipalApp(MetodkabApp, inherit_bindings=False):
    """The same application shell on a municipal database, with the office's screens."""

    MODES = {"schools": MunicipalSchoolsScreen, "indicators": MunicipalIndicatorsScreen}
    DEFAULT_MODE = "schools"            # the office starts on its list of schools
    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))   # the shell's styles
    TITLE = S.EX_MUNI_APP_TITLE
    BINDINGS = [
        Binding("f1", "help", S.KEY_HELP, key_display="F1", id="help"),
        Binding("f9", "section('schools')", S.EX_MUNI_SCHOOLS_TITLE, key_display="F9",
                show=False, id="section-schools"),
        Binding("f8", "section('indicators')", S.EX_IND_TITLE, key_display="F8",
                show=False, id="section-indicators"),
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

    def data_changed(self) -> None:
        self.data_version += 1
        self.data_changed_signal.publish(self.data_version)

    def on_mount(self, event) -> None:
        event.prevent_default()          # not the school's start-up (dashboard, settings)
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
