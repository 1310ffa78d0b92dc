"""Импорт из таблицы, step two: the preview. Every row with what it will do (add, update,
no change) or why it cannot be imported; Ctrl+S imports the good rows in one transaction,
Ctrl+E saves the error report (XLSX) into a folder, Ctrl+K changes the columns."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date, short_name
from metodkab.importing.mapping import STAFF, Mapping, describe
from metodkab.importing.plan import ADD, ERROR, SAME, UPDATE, ImportResult, RowPlan
from metodkab.importing.session import Loaded, remap, run_import, save_report
from metodkab.screens.base import AppScreen
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.fields import TextField
from metodkab.widgets.table import fit_lines
from metodkab.widgets.text import plain, say

MAX_SHOWN = 1000
STATUS_STYLES = {ADD: "bold green", UPDATE: "bold yellow", SAME: "dim", ERROR: "bold red"}
FIXED = {"row": 5, "status": 13}


def column_widths(total: int) -> dict[str, int]:
    padding = 2 * 4 + 2
    flex = max(total - padding - sum(FIXED.values()), 30)
    name = max(min(int(flex * 0.32), 34), 14)
    return {**FIXED, "name": name, "what": flex - name}


def list_date_line(loaded: Loaded) -> str:
    """«Дата списка: 01.09.2025 (из заголовка «…») — …» : the day «N лет» count back from
    and where it came from."""
    sheet, plan = loaded.sheet, loaded.plan
    if plan is None or sheet is None or loaded.kind != STAFF:
        return ""                   # a list of courses has no «N лет» to count back
    day = format_date(plan.day)
    if loaded.day is not None:
        source = S.IMP_LIST_DATE_BY_USER
    elif sheet.list_date is not None:
        source = sheet.list_date_source
    elif "experience" in (loaded.mapping or {}).values():
        return S.IMP_LIST_DATE_ASK_LINE.format(day=day)
    else:
        source = S.IMP_LIST_DATE_NONE
    return S.IMP_LIST_DATE_LINE.format(day=day, source=source)


def list_date_style(loaded: Loaded) -> str:
    """Yellow when «N лет» are counted from a date the file does not state."""
    sheet = loaded.sheet
    unstated = sheet is not None and sheet.list_date is None and loaded.day is None
    return "bold yellow" if unstated and "experience" in (loaded.mapping or {}).values() else ""


def save_report_remembered(store, plan, folder: Path) -> tuple[Path | None, str]:
    """Write the error report; its folder becomes the one the next export starts at."""
    from metodkab.screens.export import remember_folder

    path, problem = save_report(store, plan, folder)
    if path is not None:
        remember_folder(store, path.parent)
    return path, problem


class ImportPreviewScreen(AppScreen):
    """What the import will do, row by row; nothing is written before Ctrl+S."""

    SCREEN_TITLE = S.IMP_TITLE
    DEFAULT_CSS = """
    ImportPreviewScreen #imp-head { height: 1; }
    ImportPreviewScreen #imp-mapping { height: auto; max-height: 2; padding: 0 1;
                                       color: $text-muted; }
    ImportPreviewScreen #imp-date { height: auto; max-height: 2; padding: 0 1; }
    ImportPreviewScreen #imp-summary { height: auto; padding: 0 1; text-style: bold; }
    ImportPreviewScreen #imp-table { height: 1fr; }
    ImportPreviewScreen #imp-status { height: auto; max-height: 2; padding: 0 1;
                                      color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "import", S.IMP_KEY_IMPORT, key_display="Ctrl+S", id="import"),
        Binding("ctrl+e", "report", S.IMP_KEY_REPORT, key_display="Ctrl+E", id="report"),
        Binding("ctrl+k", "mapping", S.IMP_KEY_MAPPING, key_display="Ctrl+K", show=False,
                id="mapping"),
        Binding("ctrl+f", "only_errors", S.IMP_KEY_ONLY_ERRORS, key_display="Ctrl+F",
                show=False),
        Binding("f4", "details", S.IMP_KEY_DETAILS, key_display="Enter/F4", show=False),
        Binding("ctrl+d", "list_date", S.IMP_KEY_LIST_DATE, key_display="Ctrl+D", show=False,
                id="list_date"),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
    ]

    def __init__(self, loaded: Loaded) -> None:
        super().__init__()
        self.loaded = loaded
        self.only_errors = False
        self.busy = False
        self.imported: ImportResult | None = None
        self._widths: dict[str, int] = {}
        self._shown: list[RowPlan] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static("", id="imp-head", classes="section-title")
        yield Static("", id="imp-mapping")
        yield Static("", id="imp-date")
        yield Static("", id="imp-summary")
        yield DataTable(id="imp-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="imp-status")
        yield Footer()

    def on_mount(self) -> None:
        self.show(self.loaded)
        self.query_one(DataTable).focus()
        if self.loaded.plan is None:
            self.call_after_refresh(self.action_mapping)

    def on_resize(self) -> None:
        if column_widths(self.size.width) != self._widths:
            self._fill()

    # --- showing ------------------------------------------------------------------------
    def show(self, loaded: Loaded) -> None:
        self.loaded = loaded
        sheet = loaded.sheet
        assert sheet is not None
        name = S.IMP_PREVIEW_SHEET.format(sheet=sheet.sheet_name) if sheet.sheet_name else ""
        encoding = (S.IMP_PREVIEW_ENCODING.format(encoding=sheet.encoding,
                                                  delimiter=sheet.delimiter)
                    if sheet.delimiter else "")
        self.query_one("#imp-head", Static).update(plain(S.IMP_PREVIEW_HEAD.format(
            file=sheet.path.name, sheet=name, row=sheet.header_row, encoding=encoding)))
        lines = describe(loaded.mapping or {}, sheet.headers, letters=not sheet.delimiter)
        template = f" ({S.IMP_CLI_SAVED.format(name=loaded.template)})" if loaded.template else ""
        self.mapping_text = S.IMP_MAPPING_LINE.format(text="; ".join(lines) or "—") + template
        self._fit_mapping()
        date_line = list_date_line(loaded)
        self.query_one("#imp-date", Static).update(plain(date_line,
                                                         style=list_date_style(loaded)))
        self.query_one("#imp-date", Static).display = bool(date_line)
        summary = loaded.plan.summary() if loaded.plan else loaded.message
        self.query_one("#imp-summary", Static).update(plain(summary))
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        self._widths = column_widths(self.size.width or 80)
        table.clear(columns=True)
        for key, label in (("row", S.IMP_COL_ROW), ("status", S.IMP_COL_STATUS),
                           ("name", S.IMP_COL_NAME), ("what", S.IMP_COL_WHAT)):
            table.add_column(label, key=key, width=self._widths[key])
        plan = self.loaded.plan
        rows = [] if plan is None else plan.rows
        if self.only_errors:
            rows = [r for r in rows if r.in_report]
        self._shown = rows[:MAX_SHOWN]
        for row in self._shown:
            status = S.IMP_STATUS_LABELS[row.status]
            if row.good and row.skipped:
                status += " ⚠"
            name = row.name or "—"
            if len(name) > self._widths["name"]:          # narrow terminal: Фамилия И. О.
                name = short_name(*(name.split(" ", 2) + ["", ""])[:3])
            table.add_row(str(row.number), Text(status, style=STATUS_STYLES[row.status]),
                          plain(name),
                          Text(row.summary, style="red" if row.status == ERROR else ""),
                          key=str(row.number))
        self._update_status()

    def _update_status(self, message: str = "") -> None:
        plan = self.loaded.plan
        parts = []
        if message:
            parts.append(message)
        if plan is not None:
            if not plan.rows:
                parts.append(S.IMP_EMPTY)
            total = sum(1 for r in plan.rows if r.in_report) if self.only_errors \
                else len(plan.rows)
            if total > len(self._shown):
                parts.append(S.IMP_SHOWN_LIMIT.format(shown=len(self._shown), total=total))
            if self.only_errors:
                parts.append(S.IMP_ONLY_ERRORS)
        if not message:
            parts.append(S.IMP_PREVIEW_HINT)
        self.query_one("#imp-status", Static).update(plain(" · ".join(parts)))

    # --- actions ------------------------------------------------------------------------
    def action_only_errors(self) -> None:
        self.only_errors = not self.only_errors
        self._fill()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._details(event.row_key.value)

    def action_details(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            self._details(table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value)

    def _details(self, key: str | None) -> None:
        row = next((r for r in self._shown if str(r.number) == key), None)
        if row is None:
            return
        lines = [row.name or "—"]
        lines += [f"• {e}" for e in row.errors]
        lines += [f"• {c}" for c in row.changes]
        lines += [f"• {S.IMP_NOT_LOADED}: {s}" for s in row.skipped]
        lines += [f"• {n}" for n in row.notes]
        self.app.push_screen(RowDialog(S.IMP_ROW_TITLE.format(
            row=row.number, status=S.IMP_STATUS_LABELS[row.status]), "\n".join(lines)))

    mapping_text = ""

    def _fit_mapping(self) -> None:
        """«Столбцы: …» in its two lines, cut at a word with «…» (it stopped mid-word)."""
        line = self.query_one("#imp-mapping", Static)
        width = line.content_size.width or self.app.size.width - 2
        line.update(plain(fit_lines(self.mapping_text, width, 2)))

    def on_resize(self) -> None:
        if self.mapping_text:
            self._fit_mapping()

    def action_mapping(self) -> None:
        from metodkab.screens.import_mapping import ImportMappingDialog

        if self.busy or self.loaded.sheet is None:
            return

        def chosen(mapping: Mapping | None) -> None:
            if mapping is not None:
                self._remap(mapping)

        self.app.push_screen(ImportMappingDialog(self.loaded), callback=chosen)

    def _remap(self, mapping: Mapping, loaded: Loaded | None = None) -> None:
        self.busy = True
        self._update_status(S.IMP_RECOUNTING)

        def done(loaded: Loaded) -> None:
            self.busy = False
            self.show(loaded)

        self.run_db(remap, loaded or self.loaded, mapping, done=done, failed=self._idle,
                    group="import", exclusive=True)

    def action_list_date(self) -> None:
        """Ctrl+D: the date the list is read on (its own date when it states one); every
        «N лет» of experience counts back from it."""
        from metodkab.screens.dialogs import DateDialog

        if self.busy or self.loaded.mapping is None or self.loaded.kind != STAFF:
            return
        current = self.loaded.plan.day if self.loaded.plan else self.loaded.day

        def chosen(day) -> None:
            if day is not None and self.loaded.mapping is not None:
                self._remap(self.loaded.mapping, replace(self.loaded, day=day))

        self.app.push_screen(DateDialog(S.IMP_LIST_DATE_TITLE_ASK, S.IMP_LIST_DATE_ASK, current),
                             callback=chosen)

    def _idle(self) -> None:
        self.busy = False

    def action_import(self) -> None:
        from metodkab.screens.dialogs import ConfirmDialog

        plan = self.loaded.plan
        if self.busy or plan is None:
            if plan is None:
                say(self, self.loaded.message or S.IMP_NOTHING, severity="warning")
            return
        if not plan.good_rows:
            self.notify(S.IMP_NOTHING, severity="warning")
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.busy = True
                self.run_db(run_import, self.loaded, done=self._imported, failed=self._idle,
                            group="import", exclusive=True)

        self.app.push_screen(ConfirmDialog(S.IMP_CONFIRM.format(
            good=len(plan.good_rows), errors=plan.count(ERROR))), callback=answer)

    def _imported(self, result: tuple[ImportResult, Loaded]) -> None:
        self.busy = False
        self.imported, loaded = result
        self.show(loaded)
        message = S.IMP_IMPORTED.format(summary=self.imported.summary())
        say(self, message, timeout=8)
        self._update_status(message)

    def action_report(self) -> None:
        plan = self.loaded.plan
        if plan is None or not plan.report_rows:
            self.notify(S.IMP_REPORT_NONE)
            return
        from metodkab.screens.export import remembered_folder

        def chosen(folder: Path | None) -> None:
            if folder is not None:
                self.run_db(save_report_remembered, plan, folder, done=self._report_saved,
                            group="report")

        # The folder every export starts at (the last one used), as Ctrl+E elsewhere.
        self.run_db(remembered_folder, done=lambda folder: self.app.push_screen(
            FolderDialog(folder), callback=chosen))

    def _report_saved(self, result: tuple[Path | None, str]) -> None:
        from metodkab.screens.dialogs import MessageDialog

        path, problem = result
        if path is None:
            self.app.push_screen(MessageDialog(problem))
            return
        message = S.IMP_REPORT_SAVED.format(path=path)
        say(self, message, timeout=8)
        self._update_status(message)

    def action_back(self) -> None:
        self.dismiss(self.imported)


class FolderDialog(BoxDialog[Path | None]):
    """Where to save the error report: a folder, the last export folder by default."""

    DEFAULT_CSS = """
    FolderDialog > Vertical { width: 72; max-width: 96%; padding: 1 2; }
    FolderDialog #title { text-style: bold; }
    FolderDialog TextField { width: 1fr; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc")]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(S.IMP_REPORT_ASK_TITLE, id="title")
            yield Static(S.IMP_REPORT_ASK_FOLDER)
            yield TextField(str(self.folder), id="folder")

    def on_mount(self) -> None:
        self.query_one("#folder").focus()

    @on(Input.Submitted, "#folder")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip().strip('"')
        self.dismiss(Path(text).expanduser() if text else self.folder)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RowDialog(BoxDialog[None]):
    """Everything about one row of the preview; Esc or Enter closes."""

    DEFAULT_CSS = """
    RowDialog > Vertical { width: 76; max-width: 96%; max-height: 90%; }
    RowDialog #title { text-style: bold; }
    RowDialog VerticalScroll { height: auto; max-height: 18; }
    RowDialog .hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape,enter", "close", S.KEY_CLOSE, key_display="Esc")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(plain(self.title_text), id="title")
            with VerticalScroll():
                yield Static(plain(self.text), id="message")
            yield Static(f"Esc — {S.KEY_CLOSE.lower()}", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
