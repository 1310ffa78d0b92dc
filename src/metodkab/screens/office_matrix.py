"""F8 of the municipal office: the schools × indicators matrix.

A row per school (and the municipality's total over the pooled staff on top), a column
per indicator (the percent of a share, the count of a count, the ratio of a ratio); the
line under the table spells out the cell: count, base, percent and the target. F6 sorts
by the column under the cursor (again: the other way), Enter lists the people behind the
cell (named where the school sent full data, «сотрудник 7, …» where de-identified),
Ctrl+G the column as bars against the target line, Ctrl+L the lists across schools,
Ctrl+E writes the workbook and the analytical note, Ctrl+R loads the municipality's
register of schools from a table, F7 sets after how many days without a packet a
registered school is named, Ctrl+D another report date. The figures come from sync/consolidated.py (the schools' own rule
functions); the app keeps each school's figures until its data change («data changed»).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.reports import indicators as ri
from metodkab.reports.indicator_sheet import target_text
from metodkab.screens.base import AppScreen
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.office_pick import pick_path
from metodkab.screens.office_rows import BarsScreen, RowsScreen, cell_text, column_headers
from metodkab.widgets.ask import AskDialog
from metodkab.widgets.keys import BACK_KEY
from metodkab.widgets.text import plain, plain_row

TOTAL = "__total__"
FIRST_ROWS = 60                # rows added before the screen is shown; the rest in batches
BATCH_ROWS = 150
MAX_PEOPLE = 2000              # rows of the people behind the total (the workbook has all)
FIXED = 2                      # code and school: the columns before the indicators


def load_consolidated(store, day, progress, cache):
    from metodkab.sync.consolidated import MATRIX_GROUPS, consolidate

    report = consolidate(store, day, progress, cache)
    return report, [t for t in report.totals if t.group in MATRIX_GROUPS]


def sort_key(result: ri.Result | None) -> tuple:
    """Empty cells last whichever way the column is sorted (see ``MatrixScreen.order``)."""
    return (result is None or result.value is None, result.value if result else 0)


class MatrixScreen(AppScreen):
    """F8: schools × indicators; F6 sort, Enter — the people behind a cell."""

    SCREEN_TITLE = S.EX_IND_TITLE
    DEFAULT_CSS = """
    MatrixScreen #mx-head { height: 1; padding: 0 1; }
    MatrixScreen ProgressBar { padding: 0 1; height: 1; }
    MatrixScreen #mx-table { height: 1fr; }
    MatrixScreen #mx-cell { height: 2; padding: 0 1; }
    """
    BINDINGS = [
        Binding("enter", "open", S.MX_KEY_PEOPLE, key_display="Enter", id="open"),
        # The footer at 80 columns keeps Ctrl+G … Ctrl+D and F1 whole (F1 was cut off);
        # F6 is named in the line above the table, the rest in F1 and Ctrl+P.
        Binding("f6", "sort", S.MX_KEY_SORT, key_display="F6", id="sort", show=False),
        Binding("ctrl+g", "bars", S.MX_KEY_BARS, key_display="Ctrl+G", id="bars"),
        Binding("ctrl+l", "lists", S.EX_KEY_LISTS, key_display="Ctrl+L", id="lists"),
        Binding("ctrl+e", "export", S.MX_KEY_EXPORT, key_display="Ctrl+E", id="export"),
        Binding("ctrl+d", "date", S.EX_KEY_DATE, key_display="Ctrl+D", id="date"),
        Binding("ctrl+r", "register", S.MX_KEY_REGISTER, key_display="Ctrl+R", id="register", show=False),
        Binding("f7", "silent_days", S.MX_KEY_DAYS, key_display="F7", id="silent-days", show=False),
        BACK_KEY,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report = None
        self.figures: list[ri.Result] = []      # the columns
        self.order: list[str] = []              # school codes as the rows show them
        self.sorted_by: tuple[int, bool] | None = None     # (column, descending)
        self.version = -1
        self.generation = 0                     # of the table's rows (see fill)
        self.day = None
        self.busy = False
        self.again = False

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, id="mx-head")
        yield ProgressBar(show_eta=False, id="mx-progress")
        yield DataTable(id="mx-table", cursor_type="cell", zebra_stripes=True)
        yield Static("", id="mx-cell")
        yield Footer()

    def on_mount(self) -> None:
        self.day = self.app.store.clock.today()
        self.app.data_changed_signal.subscribe(self, lambda _version: self.compute())
        self.compute()

    # --- computing ----------------------------------------------------------------------

    def compute(self) -> None:
        """Compute the figures again (on start, a new date, and whenever data changed);
        schools whose data did not change come from the app's cache."""
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
            # call_from_thread waits for the interface: a thousand calls (one a school)
            # took longer than the figures themselves; fifty steps show the same bar
            if done == total or done % max(1, total // 50) == 0:
                self.app.call_from_thread(self._progress, done, total)

        def failed() -> None:
            self.busy = False
            self.query_one(ProgressBar).display = False

        self.run_db(load_consolidated, self.day, progress, self.app.figures_cache,
                    done=self._show, failed=failed, group="consolidated", exclusive=True)

    def _progress(self, done: int, total: int) -> None:
        if self.is_attached:
            self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def _show(self, computed) -> None:
        self.busy = False
        self.report, self.figures = computed
        self.query_one(ProgressBar).display = False
        if self.again:
            self.compute()
        self.query_one("#mx-head", Static).update(S.MX_HEAD.format(
            date=format_date(self.report.day), count=len(self.report.schools)))
        self.order = [s.code for s in self.report.schools]
        if self.sorted_by is not None:
            self._sort(*self.sorted_by)
        self.fill()

    def fill(self) -> None:
        """Rebuild the table: the total first, then the schools in ``order`` — a screenful
        at once, the rest in batches after it is shown (a thousand rows of 35 cells take
        Textual seconds to add; the screen answers keys meanwhile)."""
        self.generation += 1
        table = self.query_one(DataTable)
        cursor = table.cursor_coordinate
        table.clear(columns=True)
        table.add_column(S.MX_COL_CODE, width=6)
        table.add_column(S.MX_COL_SCHOOL, width=18)
        for head in column_headers(self.figures):
            table.add_column(plain(head), width=9)
        table.add_row(*plain_row("", S.MX_TOTAL_SHORT),
                      *(plain(cell_text(f)) for f in self.figures), key=TOTAL)
        self._add_rows(self.generation, 0)
        if cursor == Coordinate(0, 0) and self.figures:
            cursor = Coordinate(0, FIXED)        # start on the total of the first figure
        table.cursor_coordinate = table.validate_cursor_coordinate(cursor)
        table.focus()
        self._describe()

    def _add_rows(self, generation: int, start: int) -> None:
        if generation != self.generation or not self.is_attached:
            return                               # sorted again or closed meanwhile
        table = self.query_one(DataTable)
        names = {s.code: s.name for s in self.report.schools}
        end = start + (FIRST_ROWS if start == 0 else BATCH_ROWS)
        for code in self.order[start:end]:
            table.add_row(*plain_row(code, names[code]),
                          *(plain(cell_text(self.report.result_named(code, f.key, f.name)))
                            for f in self.figures), key=code)
        if end < len(self.order):           # after the screen has been painted
            self.call_after_refresh(self._add_rows, generation, end)

    # --- the cell under the cursor ----------------------------------------------------------

    def _cell(self) -> tuple[str, ri.Result | None, ri.Result | None] | None:
        """(school code or TOTAL, the figure of the column, the cell's result)."""
        table = self.query_one(DataTable)
        if self.report is None or not table.row_count:
            return None
        row, column = table.cursor_coordinate
        code = TOTAL if row == 0 else self.order[row - 1]
        if column < FIXED:
            return code, None, None
        figure = self.figures[column - FIXED]
        if code == TOTAL:
            return code, figure, figure
        return code, figure, self.report.result_named(code, figure.key, figure.name)

    def on_data_table_cell_highlighted(self, _event: DataTable.CellHighlighted) -> None:
        self._describe()

    def _describe(self) -> None:
        cell = self._cell()
        text = ""
        if cell and cell[1] is not None:
            _code, figure, result = cell
            # a school's cell: the title its own settings give («…более 5 лет»)
            text = S.MX_CELL.format(name=(result or figure).name, detail=self._detail(result),
                                    target=target_text(result or figure) or S.MX_NO_TARGET)
        self.query_one("#mx-cell", Static).update(plain(text))

    @staticmethod
    def _detail(result: ri.Result | None) -> str:
        if result is None:
            return "—"
        if result.kind == ri.COUNT:
            return str(result.count)
        return S.MX_CELL_DETAIL.format(count=result.count, base=result.base,
                                       value=cell_text(result),
                                       unit=" %" if result.kind == ri.SHARE else "")

    # --- actions ----------------------------------------------------------------------------

    def action_sort(self) -> None:
        """Sort the schools by the column under the cursor; F6 again: the other way."""
        table = self.query_one(DataTable)
        if self.report is None:
            return
        column = table.cursor_coordinate.column
        if self.sorted_by and self.sorted_by[0] == column:
            descending = not self.sorted_by[1]
        else:
            descending = column >= FIXED        # figures: the largest first
        self._sort(column, descending)
        self.fill()
        self.notify(S.MX_SORTED.format(column=self._column_name(column),
                                       way=S.MX_DOWN if descending else S.MX_UP))

    def _column_name(self, column: int) -> str:
        if column < FIXED:
            return (S.MX_COL_CODE, S.MX_COL_SCHOOL)[column]
        return self.figures[column - FIXED].name

    def _sort(self, column: int, descending: bool) -> None:
        self.sorted_by = (column, descending)
        schools = {s.code: s for s in self.report.schools}
        if column < FIXED:
            key = (lambda c: c) if column == 0 else (lambda c: (schools[c].name.lower(), c))
            self.order.sort(key=key, reverse=descending)
            return
        figure = self.figures[column - FIXED]
        values = {c: sort_key(self.report.result_named(c, figure.key, figure.name))
                  for c in self.order}
        present = sorted(sorted(c for c in self.order if not values[c][0]),
                         key=lambda c: values[c][1], reverse=descending)   # ties by code
        self.order = present + [c for c in self.order if values[c][0]]

    def on_data_table_cell_selected(self, _event: DataTable.CellSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        """The people behind the cell: those counted, then the rest of its base (of the
        total: of every school, the first MAX_PEOPLE of them)."""
        cell = self._cell()
        if cell is None or cell[1] is None:
            return
        code, figure, _result = cell
        codes = [s.code for s in self.report.schools] if code == TOTAL else [code]
        names = {s.code: s.name for s in self.report.schools}
        rows: dict[str, list] = {S.IND_YES: [], S.IND_NO: []}
        for school in codes:
            mine = self.report.result_named(school, figure.key, figure.name)
            people = self.report.people.get(school, {})
            if mine is None:
                continue
            for ids, counted in ((mine.ids, S.IND_YES), (mine.other_ids, S.IND_NO)):
                for i in ids:
                    name, positions = people.get(i, ("", ""))
                    rows[counted].append((school, names[school], name, positions, counted))
        every = rows[S.IND_YES] + rows[S.IND_NO]
        if not every:
            self.notify(S.MX_NOBODY)
            return
        title = figure.name if code == TOTAL else f"{figure.name} · {names[code]}"
        if len(every) > MAX_PEOPLE:             # a DataTable slows past some thousands
            title = S.MX_PEOPLE_FIRST.format(title=title, shown=MAX_PEOPLE, count=len(every))
        self.app.push_screen(RowsScreen(title, S.MX_PEOPLE_COLUMNS, (5, 14, 28, 16, 5),
                                        every[:MAX_PEOPLE]))

    def action_bars(self) -> None:
        """The column under the cursor as bars: each school against the target line."""
        cell = self._cell()
        if cell is None or cell[1] is None:
            self.notify(S.MX_PICK_COLUMN)
            return
        figure = cell[1]
        names = {s.code: s.name for s in self.report.schools}
        rows = [(names[c], self.report.result_named(c, figure.key, figure.name))
                for c in self.order]
        self.app.push_screen(BarsScreen(figure, rows))

    def action_lists(self) -> None:
        if self.report is None:
            return
        people = {"overdue": self.report.overdue, "young": self.report.young_unsupported,
                  "expiring": self.report.expiring, "no_order": self.report.no_order}
        titles = {k: S.MX_LIST_TITLES[k].format(**self.report.terms) for k in people}

        def chosen(key: str | None) -> None:
            if key:
                rows = [(p.school_code, p.school_name, p.name, p.positions, p.detail)
                        for p in people[key]]
                self.app.push_screen(RowsScreen(titles[key], S.MX_LIST_COLUMNS,
                                                (5, 14, 24, 14, 20), rows))

        from metodkab.screens.dialogs import ActionChoiceDialog

        self.app.push_screen(ActionChoiceDialog(
            S.EX_KEY_LISTS, S.EX_LISTS_QUESTION,
            [(k, titles[k] + f" ({len(v)})") for k, v in people.items()]),
            callback=chosen)

    def action_export(self) -> None:
        """The workbook and the analytical note into a chosen folder (recomputed first
        when data changed since the figures on screen were computed)."""
        if self.report is None:
            return
        report = self.report if self.version == self.app.data_version else None
        day, cache = self.day, self.app.figures_cache

        def write(store, folder: Path) -> tuple[Path, Path]:
            from metodkab.sync.consolidated import consolidate
            from metodkab.sync.consolidated_files import write_report
            from metodkab.sync.office import note_signers

            return write_report(report or consolidate(store, day, cache=cache), folder,
                                note_signers(store))

        def picked(folder: Path) -> None:
            self.run_db(write, folder, done=lambda paths: (
                self.app.push_screen(MessageDialog(
                    S.MX_CLI_DONE.format(xlsx=paths[0], docx=paths[1]),
                    title=S.EX_IND_TITLE))))

        pick_path(self, S.EX_PICK_FOLDER, picked, want="folder")

    def action_register(self) -> None:
        """Load the municipality's list of schools from a table (replacing the old one);
        the Школы sheet and the note then name the registered schools that sent nothing."""
        def load(store, path: Path) -> int:
            from metodkab.sync.consolidated import read_register, replace_register

            return replace_register(store, read_register(path))

        def loaded(count: int) -> None:
            self.notify(S.MX_CLI_REGISTER_LOADED.format(count=count))
            self.app.data_changed()

        pick_path(self, S.MX_PICK_REGISTER, lambda path: self.run_db(load, path, done=loaded),
                  suffixes=(".xlsx", ".xls", ".ods", ".csv"), hint=S.MX_REGISTER_HINT)

    def action_silent_days(self) -> None:
        """After how many days without a packet a registered school is named as silent."""
        from metodkab.sync.consolidated import set_silent_days

        def answered(days: str | None) -> None:
            if days is not None:
                self.run_db(set_silent_days, int(days), done=lambda _: self.app.data_changed())

        def refusal(text: str) -> str:
            return "" if text.isdigit() and int(text) >= 1 else S.MX_SILENT_DAYS_BAD

        days = self.report.silent_days if self.report is not None else 30
        self.app.push_screen(AskDialog(S.MX_DAYS_TITLE, str(days), max_length=4,
                                       check=refusal), callback=answered)

    def action_date(self) -> None:
        from metodkab.screens.dialogs import DateDialog

        def chosen(day) -> None:
            if day is not None:
                self.day = day
                self.compute()

        self.app.push_screen(DateDialog(S.EX_IND_TITLE, S.EX_IND_DATE, self.day), callback=chosen)

    def action_back(self) -> None:
        self.app.action_section("schools")
