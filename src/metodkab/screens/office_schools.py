"""The office's list of schools (F9), a register like Кадры (widgets/register.py): a search
box by code or name that typing reaches, each school's latest packet, the level and date
of its data, the numbers actually missing and its staff in the indicators' base; the
schools of the municipality's list that sent nothing yet are listed too. F6 sorts (by
code, by name, the freshest packets first, the silent schools first), the status line
counts the silent ones and says what to do first on an empty list, the director and phone
of the highlighted school are below. Enter opens the school's card, Ins loads packets (a
file or a folder), Ctrl+R writes receipts, Ctrl+E the list as filtered into Excel.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date, quoted
from metodkab.screens.base import AppScreen
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.office_pick import pick_path
from metodkab.sync.office import SCHOOL_SORTS, SchoolQuery, SchoolsPage
from metodkab.sync.packet import PACKET_SUFFIX
from metodkab.widgets.fields import TextField
from metodkab.widgets.keys import EXPORT_KEY, page_keys
from metodkab.widgets.register import Register, shown_text
from metodkab.widgets.table import fit_text
from metodkab.widgets.text import plain, plain_row

COLUMNS = ("code", "name", "seq", "level", "made", "loaded", "gaps", "staff")
# Dates as 23.11.26 and narrow number columns: the school's name gets 22 cells at 80
# columns («МБОУ «Берёзовская СОШ»» whole; it was cut to «МБОУ «Берёзовск»).
FIXED = {"code": 5, "seq": 3, "level": 6, "made": 8, "loaded": 9, "gaps": 5, "staff": 4}


def widths(total: int) -> dict[str, int]:
    """The school's name takes what the fixed columns, the cells' padding and the
    scrollbar leave of ``total`` (22 at 80 columns)."""
    name = total - 2 * len(COLUMNS) - sum(FIXED.values()) - 2
    return {**FIXED, "name": max(name, 12)}


def _date(iso: str) -> str:
    """23.11.26: the year's last two digits (the card, Enter, shows the whole date)."""
    full = format_date(iso[:10]) if iso else ""
    return full[:6] + full[8:] if len(full) == 10 else full


def load_schools(store, query: SchoolQuery):
    """(office name, key fingerprint, the key's problem or '', the page of schools): the
    list is shown even when the office's key is missing or not this office's (restored
    without it), with the problem said above it."""
    from metodkab.sync.errors import SyncError
    from metodkab.sync.municipal import office_public
    from metodkab.sync.office import office_name, schools_page

    page = schools_page(store, query)
    try:
        public = office_public(store)
    except SyncError as exc:
        return office_name(store), "", str(exc), page
    return public.name, public.fingerprint, "", page


class MunicipalSchoolsScreen(Register, AppScreen):
    """F9: the schools, their latest packet and the numbers missing; Enter — the card."""

    SCREEN_TITLE = S.EX_MUNI_SCHOOLS_TITLE
    REGISTER_GROUP = "schools"
    DEFAULT_CSS = """
    MunicipalSchoolsScreen #mu-office { height: auto; padding: 0 1; }
    MunicipalSchoolsScreen #search { margin: 0 1; width: 1fr; }
    MunicipalSchoolsScreen #status { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    MunicipalSchoolsScreen #status.-empty { height: auto; color: $text; }
    MunicipalSchoolsScreen #mu-schools { height: 1fr; }
    MunicipalSchoolsScreen #mu-contact { height: auto; padding: 0 1; }
    MunicipalSchoolsScreen #mu-note { height: auto; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("enter", "open", S.OF_KEY_CARD, key_display="Enter", id="open"),
        Binding("insert", "load", S.EX_KEY_LOAD_PACKETS, key_display="Ins", id="load"),
        Binding("ctrl+r", "receipts", S.OF_KEY_RECEIPTS, key_display="Ctrl+R",
                id="receipts"),    # short: «F1 Справка» whole at 80 columns
        Binding("ctrl+b", "backup", S.OB_KEY_BACKUP, key_display="Ctrl+B", id="backup"),
        Binding("f6", "sort", S.OF_KEY_SORT, key_display="F6", show=False, id="sort"),
        EXPORT_KEY, *page_keys(),
        # The office's first screen: Esc only drops the search (no «back» from here).
        Binding("escape", "clear_search", S.OF_KEY_CLEAR_SEARCH, key_display="Esc",
                show=False),
        Binding("f5", "refresh", S.EX_KEY_REFRESH, key_display="F5", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = SchoolQuery()
        self.page: SchoolsPage | None = None
        self.rows: list = []
        self._widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, id="mu-office")
        yield TextField(placeholder=S.OF_SEARCH_PLACEHOLDER, id="search")
        yield Static("", id="status")
        yield DataTable(id="mu-schools", cursor_type="row", zebra_stripes=True)
        yield Static("", id="mu-contact")
        yield Static("", id="mu-note")
        yield Footer()

    def on_mount(self) -> None:
        self.app.data_changed_signal.subscribe(self, lambda _version: self.reload())
        self.table.focus()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.reload()

    def on_resize(self) -> None:
        if self.page is not None and widths(self.size.width) != self._widths:
            self.refill()

    def action_refresh(self) -> None:
        self.reload()

    # --- the register -------------------------------------------------------------------
    def load_register(self, store, query: SchoolQuery):
        return load_schools(store, query)

    def take_result(self, result) -> None:
        name, fingerprint, key_problem, self.page = result
        self.rows = self.page.rows
        office = plain(S.EX_MUNI_OFFICE.format(name=name or "—", fp=fingerprint or "—",
                                               count=self.page.every))
        if key_problem:     # packets cannot be read until the key is back
            office.append("\n" + key_problem + " " + S.OF_KEY_PROBLEM_HINT, style="bold red")
        self.query_one("#mu-office", Static).update(office)
        note = self.query_one("#mu-note", Static)
        note.display = bool(self.rows)
        note.update(S.OF_STAFF_NOTE.format(date=format_date(self.app.store.clock.today())))

    @property
    def register_total(self) -> int:
        return self.page.total if self.page else 0

    def fill_table(self, table: DataTable) -> None:
        table.clear(columns=True)
        self._widths = widths(self.size.width or 80)
        for key, label in zip(COLUMNS, S.EX_SCHOOL_COLUMNS):
            table.add_column(label, key=key, width=self._widths[key])
        for s in self.rows:
            imported = _date(s.last_imported_at) or S.OF_NEVER
            table.add_row(*plain_row(
                s.code, fit_text(s.name, self._widths["name"]), str(s.last_seq) if s.seen else "",
                S.OF_LEVEL_SHORT.get(s.level, ""), _date(s.last_created_at),
                # «!» too: red alone is lost on a monochrome terminal.
                Text(S.OF_SILENT_MARK + imported, style="bold red") if s.silent else imported,
                Text(str(s.gaps), style="bold red") if s.gaps else "",
                str(s.staff) if s.seen else ""), key=s.code)
        self._contact()

    def status_text(self) -> str:
        page, q = self.page, self.query_state
        if page is None:
            return ""
        if not page.every:
            return S.EX_NO_SCHOOLS_HINT
        if not page.total:
            return S.OF_EMPTY_SEARCH
        parts = [shown_text(len(self.rows), page.total, q, S.STAFF_SHOWN, S.STAFF_PAGE)]
        if page.silent:
            parts.append(S.OF_SILENT_MARKED.format(days=page.days, count=page.silent))
        parts.append(S.OF_SORT_STATUS.format(sort=S.OF_SORTS[q.sort]))
        return " · ".join(parts)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._contact()

    def _contact(self) -> None:
        school = self.current_row()
        text = "" if school is None or not school.seen else S.OF_CONTACT_LINE.format(
            director=school.director or "—", phone=school.phone or S.OF_NO_PHONE)
        contact = self.query_one("#mu-contact", Static)
        contact.display = bool(text)
        contact.update(plain(text))

    # --- actions ------------------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        school = self.current_row()
        if school is None:
            return
        self.keep_cursor_on(school.code)
        if not school.seen:          # only in the municipality's list: no card yet
            self.app.push_screen(MessageDialog(
                S.OF_LISTED_ONLY.format(code=school.code, name=quoted(school.name)),
                title=S.OF_KEY_CARD, notice=True))
            return
        from metodkab.screens.office_school import SchoolCardScreen

        self.app.push_screen(SchoolCardScreen(school.code))

    def action_sort(self) -> None:
        """F6: the next order — by code, by name, fresh packets first, silent first."""
        at = SCHOOL_SORTS.index(self.query_state.sort)
        self.set_query(sort=SCHOOL_SORTS[(at + 1) % len(SCHOOL_SORTS)])

    def action_clear_search(self) -> None:
        self.clear_search()

    def action_export(self) -> None:
        """Ctrl+E: the list as searched and sorted — every page — into an Excel file."""
        from metodkab.sync.office import export_schools

        query = replace(self.query_state, offset=0)

        def picked(folder: Path) -> None:
            self.run_db(export_schools, query, folder, done=lambda path: self.app.push_screen(
                MessageDialog(S.EXPORT_DONE.format(path=path), title=S.XLS_KEY_EXPORT,
                              notice=True)))

        pick_path(self, S.EX_PICK_FOLDER, picked, want="folder")

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
