"""The office's list of schools (F9): each school's latest packet, the level and date of
its data, the numbers actually missing and its staff in the indicators' base; the
director and phone of the highlighted school below. Enter opens the school's card, Ins
loads packets (a file or a folder), Ctrl+R writes receipts.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.screens.base import AppScreen
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.office_pick import pick_path
from metodkab.sync.packet import PACKET_SUFFIX
from metodkab.widgets.text import plain


def _date(iso: str) -> str:
    return format_date(iso[:10]) if iso else ""


def load_schools(store):
    """(office name, key fingerprint, the key's problem or '', the schools): the list is
    shown even when the office's key is missing or not this office's (restored without
    it), with the problem said above it."""
    from metodkab.sync.errors import SyncError
    from metodkab.sync.municipal import office_public
    from metodkab.sync.office import list_schools, office_name

    try:
        public = office_public(store)
    except SyncError as exc:
        return office_name(store), "", str(exc), list_schools(store)
    return public.name, public.fingerprint, "", list_schools(store)


class MunicipalSchoolsScreen(AppScreen):
    """F9: the schools, their latest packet and the numbers missing; Enter — the card."""

    SCREEN_TITLE = S.EX_MUNI_SCHOOLS_TITLE
    DEFAULT_CSS = """
    MunicipalSchoolsScreen #mu-office { height: auto; padding: 0 1; }
    MunicipalSchoolsScreen #mu-schools { height: 1fr; }
    MunicipalSchoolsScreen #mu-contact { height: auto; padding: 0 1; }
    MunicipalSchoolsScreen #mu-note { height: auto; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("enter", "open", S.OF_KEY_CARD, key_display="Enter", id="open"),
        Binding("insert", "load", S.EX_KEY_LOAD_PACKETS, key_display="Ins", id="load"),
        Binding("ctrl+r", "receipts", S.EX_KEY_RECEIPTS, key_display="Ctrl+R", id="receipts"),
        Binding("ctrl+b", "backup", S.OB_KEY_BACKUP, key_display="Ctrl+B", id="backup"),
        Binding("f5", "refresh", S.EX_KEY_REFRESH, key_display="F5", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.schools: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, id="mu-office")
        yield DataTable(id="mu-schools", cursor_type="row", zebra_stripes=True)
        yield Static("", id="mu-contact")
        yield Static("", id="mu-note")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in zip(S.EX_SCHOOL_COLUMNS, (5, 17, 4, 6, 10, 10, 5, 6)):
            table.add_column(label, width=width)
        self.app.data_changed_signal.subscribe(self, lambda _version: self.action_refresh())

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.action_refresh()

    def action_refresh(self) -> None:
        self.run_db(load_schools, done=self._show, group="schools", exclusive=True)

    def _show(self, result) -> None:
        name, fingerprint, key_problem, schools = result
        head = S.EX_MUNI_OFFICE.format(name=name or "—", fp=fingerprint or "—",
                                       count=len(schools))
        if not schools:     # said in full above the table (a table cell cut it short)
            head += "\n" + S.EX_NO_SCHOOLS_HINT
        office = plain(head)
        if key_problem:     # packets cannot be read until the key is back
            office.append("\n" + key_problem + " " + S.OF_KEY_PROBLEM_HINT, style="bold red")
        self.query_one("#mu-office", Static).update(office)
        self.query_one("#mu-note", Static).update(S.OF_STAFF_NOTE.format(
            date=format_date(self.app.store.clock.today())) if schools else "")
        table = self.query_one(DataTable)
        current = self._current()
        table.clear()
        self.schools = {s.code: s for s in schools}
        for s in schools:
            table.add_row(plain(s.code), plain(s.name), str(s.last_seq),
                          S.OF_LEVEL_SHORT.get(s.level, ""), _date(s.last_created_at),
                          _date(s.last_imported_at),
                          plain(str(s.gaps), style="bold red") if s.gaps else "",
                          str(s.staff), key=s.code)
        if current in self.schools:
            table.move_cursor(row=table.get_row_index(current))
        self._contact()
        table.focus()

    def _current(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._contact()

    def _contact(self) -> None:
        school = self.schools.get(self._current() or "")
        text = "" if school is None else S.OF_CONTACT_LINE.format(
            director=school.director or "—", phone=school.phone or S.OF_NO_PHONE)
        self.query_one("#mu-contact", Static).update(plain(text))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        code = self._current()
        if code is not None:
            from metodkab.screens.office_school import SchoolCardScreen

            self.app.push_screen(SchoolCardScreen(code))

    def action_load(self) -> None:
        def picked(path: Path) -> None:
            from metodkab.screens.office_import import OfficeImportScreen
            from metodkab.sync.office import scan

            def scanned(found) -> None:
                paths, skipped = found
                if not paths and not skipped:              # other files are listed, not hidden
                    self.app.push_screen(MessageDialog(S.EX_NO_PACKETS_IN.format(path=path),
                                                       title=S.EX_IMPORT_TITLE))
                    return
                self.app.push_screen(OfficeImportScreen(paths, skipped))

            # in a worker: a folder that cannot be read is a Russian message, not a crash
            self.run_db(lambda _store: scan(path), done=scanned)

        pick_path(self, S.EX_PICK_PACKETS, picked, want="any", suffixes=(PACKET_SUFFIX,),
                  hint=S.EX_PICK_PACKETS_HINT)

    def action_receipts(self) -> None:
        def picked(folder: Path) -> None:
            from metodkab.sync.municipal import export_receipts

            def done(paths: list[Path]) -> None:
                text = "\n".join(S.EX_RECEIPT_WRITTEN.format(path=p) for p in paths)
                self.app.push_screen(MessageDialog(text or S.EX_NO_RECEIPTS,
                                                   title=S.EX_RECEIPTS_TITLE))

            self.run_db(lambda store: export_receipts(store, folder), done=done)

        pick_path(self, S.EX_PICK_FOLDER, picked, want="folder")

    def action_backup(self) -> None:
        from metodkab.screens.office_backup import backup_to_stick

        backup_to_stick(self)
