"""The municipal office's mode: the app opened on a municipal database.

``metodkab --db office.sqlite`` opens this app when the file is a municipal database
(sync/municipal.py). Screens: the schools and their last packet (F9; Ins loads packets: a
dry run with a progress bar and a summary per school and table, then Ctrl+S applies
after the new schools' key fingerprints are confirmed; Ctrl+R writes receipts), and the
consolidated indicators (F8: in total, by school, the lists across schools, all to XLSX).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from metodkab import strings as S
from metodkab import app as app_module
from metodkab.app import MetodkabApp
from metodkab.clock import SYSTEM_CLOCK, Clock
from metodkab.domain.parse import format_date
from metodkab.reports.programme import format_number, format_target
from metodkab.screens.base import AppScreen, DbCalls
from metodkab.screens.dialogs import ConfirmDialog, MessageDialog
from metodkab.screens.exchange_files import PathDialog
from metodkab.sync.commands import table_label
from metodkab.sync.packet import PACKET_SUFFIX
from metodkab.widgets.text import plain, plain_row


def _date(iso: str) -> str:
    return format_date(iso[:10]) if iso else ""


def load_schools(store):
    from metodkab.sync.municipal import list_schools, office_public

    return office_public(store), list_schools(store)


def packet_paths(path: Path) -> list[Path]:
    """A packet file, or every packet in a folder (a USB stick), in name order."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() == PACKET_SUFFIX)
    return [path]


class MunicipalSchoolsScreen(AppScreen):
    SCREEN_TITLE = S.EX_MUNI_SCHOOLS_TITLE
    DEFAULT_CSS = """
    MunicipalSchoolsScreen #mu-office { height: auto; padding: 0 1; }
    MunicipalSchoolsScreen #mu-schools { height: 1fr; }
    """
    BINDINGS = [
        Binding("insert", "load", S.EX_KEY_LOAD_PACKETS, key_display="Ins", id="load"),
        Binding("ctrl+r", "receipts", S.EX_KEY_RECEIPTS, key_display="Ctrl+R", id="receipts"),
        Binding("f5", "refresh", S.EX_KEY_REFRESH, key_display="F5", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, id="mu-office")
        yield DataTable(id="mu-schools", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in zip(S.EX_SCHOOL_COLUMNS, (6, 24, 5, 8, 9, 10)):
            table.add_column(label, width=width)

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.action_refresh()

    def action_refresh(self) -> None:
        self.run_db(load_schools, done=self._show, group="schools", exclusive=True)

    def _show(self, result) -> None:
        office, schools = result
        head = S.EX_MUNI_OFFICE.format(name=office.name or "—", fp=office.fingerprint,
                                       count=len(schools))
        if not schools:     # said in full above the table (a table cell cut it short)
            head += "\n" + S.EX_NO_SCHOOLS_HINT
        self.query_one("#mu-office", Static).update(plain(head))
        table = self.query_one(DataTable)
        table.clear()
        for s in schools:
            table.add_row(*plain_row(s.code, s.name, str(s.last_seq), str(s.gaps) if s.gaps
                                     else "", str(s.staff), _date(s.last_imported_at)),
                          key=s.code)
        table.focus()

    def action_load(self) -> None:
        def picked(path: Path | None) -> None:
            if path is None:
                return
            paths = packet_paths(path)
            if not paths:
                self.app.push_screen(MessageDialog(S.EX_NO_PACKETS_IN.format(path=path),
                                                   title=S.EX_IMPORT_TITLE))
                return
            self.app.push_screen(MunicipalImportScreen(paths))

        self.app.push_screen(PathDialog(S.EX_PICK_PACKETS, want="any", suffixes=(PACKET_SUFFIX,),
                                        hint=S.EX_PICK_PACKETS_HINT), callback=picked)

    def action_receipts(self) -> None:
        def picked(folder: Path | None) -> None:
            if folder is None:
                return
            from metodkab.sync.municipal import export_receipts

            def done(paths: list[Path]) -> None:
                text = "\n".join(S.EX_RECEIPT_WRITTEN.format(path=p) for p in paths)
                self.app.push_screen(MessageDialog(text or S.EX_NO_RECEIPTS,
                                                   title=S.EX_RECEIPTS_TITLE))

            self.run_db(lambda store: export_receipts(store, folder), done=done)

        self.app.push_screen(PathDialog(S.EX_PICK_FOLDER, want="folder"), callback=picked)


def dry_run(store, paths: Sequence[Path], progress):
    """Every check on every file, then the whole import rolled back: what would happen."""
    from metodkab.sync.municipal import apply_packets, check_packets

    total = len(paths) * 2
    ready, refused = check_packets(store, paths, progress=lambda d, _t: progress(d, total))
    outcomes = apply_packets(store, ready, dry_run=True, trusted=True,
                             progress=lambda d, _t: progress(len(paths) + d, total))
    return ready, refused, outcomes


def apply_now(store, ready, approved: set[tuple[str, str]], progress):
    from metodkab.sync.municipal import apply_packets

    return apply_packets(
        store, ready, trusted=lambda c: (c.manifest.school_code, c.manifest.sender_fp) in approved,
        progress=progress)


class MunicipalImportScreen(DbCalls, Screen):
    """Load packets: the dry-run summary first; Ctrl+S applies; Esc goes back."""

    DEFAULT_CSS = """
    MunicipalImportScreen #mi-files { height: auto; padding: 0 1; }
    MunicipalImportScreen ProgressBar { padding: 0 1; height: 1; }
    MunicipalImportScreen #mi-notes { height: auto; max-height: 8; padding: 0 1; }
    MunicipalImportScreen #mi-summary { height: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+s", "apply", S.EX_KEY_APPLY, key_display="Ctrl+S", id="apply"),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
    ]

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__()
        self.paths = list(paths)
        self.ready: list = []
        self.refused: list = []
        self.outcomes: list = []
        self.busy = True
        self.applied = False

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.EX_IMPORT_FILES.format(count=len(self.paths)), id="mi-files")
        yield ProgressBar(total=len(self.paths) * 2, show_eta=False, id="mi-progress")
        yield Static(S.EX_CHECKING, id="mi-notes")
        yield DataTable(id="mi-summary", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.app.sub_title = S.EX_IMPORT_TITLE
        table = self.query_one(DataTable)
        for label, width in zip(S.EX_SUMMARY_SCREEN_COLUMNS, (6, 22, 5, 5, 7, 5, 5)):
            table.add_column(label, width=width)
        self.run_db(dry_run, self.paths, self._progress_from_thread, done=self._checked,
                    failed=self._failed, group="import", exclusive=True)

    def _progress_from_thread(self, done: int, total: int) -> None:
        self.app.call_from_thread(self._progress, done, total)

    def _progress(self, done: int, total: int) -> None:
        if self.is_attached:
            self.query_one(ProgressBar).update(total=total, progress=done)

    def _failed(self) -> None:
        self.busy = False
        self.query_one("#mi-notes", Static).update("")

    def _checked(self, result) -> None:
        self.ready, self.refused, self.outcomes = result
        self.busy = False
        self.refresh_bindings()
        bar = self.query_one(ProgressBar)
        bar.update(progress=bar.total)
        self._fill(self.outcomes + self.refused, dry=True)

    def _fill(self, outcomes, *, dry: bool) -> None:
        notes: list[str] = []
        table = self.query_one(DataTable)
        table.clear()
        for o in outcomes:
            if o.outcome in ("refused", "untrusted", "duplicate", "older"):
                notes.append(o.message)
                continue
            if o.new_key_fp:
                note = S.EX_NOTE_NEW_SCHOOL if dry else S.EX_NOTE_SCHOOL_REGISTERED
                notes.append(note.format(code=o.school_code, name=o.school_name,
                                         fp=o.new_key_fp))
            if o.unverified:            # a new school's packet stays sealed until confirmed
                notes.append(S.EX_NOTE_NOT_OPENED.format(code=o.school_code, rows=o.rows))
                continue
            if o.missing:
                notes.append(S.EX_NOTE_GAP.format(code=o.school_code, missing=", ".join(
                    str(n) for n in o.missing)) + " "
                    + (S.EX_GAP_COVERED if o.covered else S.EX_GAP_NOT_COVERED))
            if o.chain_broken:
                notes.append(S.EX_NOTE_CHAIN.format(code=o.school_code))
            for name, c in o.tables.items():
                table.add_row(*plain_row(o.school_code, table_label(name), str(c.added),
                                         str(c.updated), str(c.unchanged), str(c.deleted),
                                         str(c.conflicts)))
            t = o.totals
            table.add_row(*plain_row(o.school_code, f"{S.EX_TOTAL} (№ {o.seq})", str(t.added),
                                     str(t.updated), str(t.unchanged), str(t.deleted),
                                     str(t.conflicts)))
        good = [o for o in outcomes if o.outcome == "applied"]
        if dry:
            notes.append(S.EX_DRY_SUMMARY.format(count=len(good)) if good else S.EX_NOTHING_TO_APPLY)
        else:
            notes.append(S.EX_APPLIED_SUMMARY.format(count=len(good)))
        self.query_one("#mi-notes", Static).update(plain("\n".join(notes)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "apply" and (self.applied or self.busy or not any(
                o.outcome == "applied" for o in self.outcomes)):
            return False            # nothing (more) to apply: Ctrl+S leaves the footer
        return True

    def action_apply(self) -> None:
        if self.busy or self.applied or not any(o.outcome == "applied" for o in self.outcomes):
            return
        new_keys: dict[tuple[str, str], str] = {}
        for o in self.outcomes:
            if o.outcome == "applied" and o.new_key_fp:
                new_keys.setdefault((o.school_code, o.new_key_fp), o.school_name)
        approved: set[tuple[str, str]] = set()
        pending = list(new_keys.items())

        def ask_next(answer: bool | None = None, current=None) -> None:
            if current is not None and answer:
                approved.add(current)
            if pending:
                pair, name = pending.pop(0)
                question = S.EX_CONFIRM_SCHOOL_KEY.format(code=pair[0], name=name, fp=pair[1])
                self.app.push_screen(ConfirmDialog(question),
                                     callback=lambda yes, p=pair: ask_next(yes, p))
                return
            self._apply(approved)

        ask_next()

    def _apply(self, approved: set[tuple[str, str]]) -> None:
        self.busy = True
        self.query_one("#mi-notes", Static).update(S.EX_APPLYING)
        self.query_one(ProgressBar).update(total=max(1, len(self.ready)), progress=0)

        def done(outcomes) -> None:
            self.busy = False
            bar = self.query_one(ProgressBar)
            bar.update(progress=bar.total)
            self.applied = True
            self.refresh_bindings()
            self.outcomes = outcomes
            self._fill(outcomes + self.refused, dry=False)
            self.notify(S.EX_APPLIED_SUMMARY.format(
                count=sum(o.outcome == "applied" for o in outcomes)))

        self.run_db(apply_now, self.ready, approved, self._progress_from_thread, done=done,
                    failed=self._failed, group="import", exclusive=True)

    def action_back(self) -> None:
        if not self.busy:
            self.dismiss(None)


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
        self.day = None
        self.busy = False

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
        self.compute()

    def compute(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.query_one("#mx-head", Static).update(S.EX_IND_COMPUTING)

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, done, total)

        def failed() -> None:
            self.busy = False

        self.run_db(load_consolidated, self.day, progress, done=self._show, failed=failed,
                    group="consolidated", exclusive=True)

    def _progress(self, done: int, total: int) -> None:
        if self.is_attached:
            self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def _show(self, report) -> None:
        self.busy = False
        self.report = report
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
        for code, name, _level in self.report.schools:
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
        report = self.report

        def picked(folder: Path | None) -> None:
            if folder is None:
                return
            from metodkab.sync.consolidated import export_xlsx

            self.run_db(lambda _store: export_xlsx(report, folder), done=lambda path: (
                self.app.push_screen(MessageDialog(S.EX_XLSX_DONE.format(path=path),
                                                   title=S.EX_IND_TITLE))))

        self.app.push_screen(PathDialog(S.EX_PICK_FOLDER, want="folder"), callback=picked)

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

    def on_mount(self, event) -> None:
        event.prevent_default()          # not the school's start-up (dashboard, backup)


def make_municipal_app(db_path: Path | str, *, clock: Clock = SYSTEM_CLOCK, blink: bool = True,
                       user: str | None = None) -> MunicipalApp:
    from metodkab.app import _login
    from metodkab.sync.municipal import open_municipal

    store = open_municipal(db_path, clock=clock, user=user or _login())
    return MunicipalApp(store, blink=blink)
