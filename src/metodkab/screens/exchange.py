"""Обмен (F9): packets for the municipal office, its key, its receipts.

The screen shows the office's key (and its fingerprint, to compare by phone), this
school's key, and every packet written with whether the office acknowledged it.
Ctrl+E writes the next packet (changes since the last acknowledged one, or everything;
full or de-identified personal data) into a chosen folder; Ctrl+K loads the office's
key file; Ctrl+R loads a receipt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Header, Label, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.screens.base import AppScreen
from metodkab.screens.dialogs import ConfirmDialog, MessageDialog
from metodkab.screens.exchange_files import PathDialog, start_folder
from metodkab.widgets.fields import ChoiceField, TextField
from metodkab.widgets.text import plain

FOLDER_SETTING = "exchange_folder"
EXPORT_FOLDER_SETTING = "export_folder"     # screens/export.py FOLDER_SETTING


def _date(iso: str | None) -> str:
    return format_date(iso[:10]) if iso else ""


def load_overview(store):
    from metodkab.storage.settings import get_setting
    from metodkab.sync.school import overview

    # Every folder question starts where the last file went (Ctrl+E anywhere, a packet).
    folder = get_setting(store, EXPORT_FOLDER_SETTING) or get_setting(store, FOLDER_SETTING)
    return overview(store), folder


def export_now(store, choice: ExportChoice):
    from metodkab.storage.settings import set_settings
    from metodkab.sync.school import export_packet

    result = export_packet(store, choice.folder, full=choice.full, level=choice.level)
    set_settings(store, {FOLDER_SETTING: str(choice.folder),
                         EXPORT_FOLDER_SETTING: str(choice.folder)})
    return result


@dataclass(frozen=True)
class ExportChoice:
    full: bool
    level: str
    folder: Path


class ExchangeScreen(AppScreen):
    SCREEN_TITLE = S.EX_TITLE
    DEFAULT_CSS = """
    ExchangeScreen #ex-keys { height: auto; padding: 0 1; }
    ExchangeScreen #ex-status { height: auto; padding: 0 1; color: $text-muted; }
    ExchangeScreen #ex-packets { height: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+e", "export", S.EX_KEY_EXPORT, key_display="Ctrl+E", id="export"),
        Binding("ctrl+k", "import_key", S.EX_KEY_IMPORT_KEY, key_display="Ctrl+K",
                id="import-key"),
        Binding("ctrl+r", "import_receipt", S.EX_KEY_RECEIPT, key_display="Ctrl+R",
                id="import-receipt"),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back",
                show=False),      # the footer at 80 columns: the screen's own keys first
    ]

    def __init__(self) -> None:
        super().__init__()
        self.overview = None
        self.folder: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, id="ex-keys")
        yield Static("", id="ex-status")
        yield Static(S.EX_PACKETS_TITLE, classes="section-title")
        yield DataTable(id="ex-packets", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in zip(S.EX_PACKET_COLUMNS, (5, 10, 10, 12, 8, 12)):
            table.add_column(label, width=width)

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.reload()

    def reload(self) -> None:
        self.run_db(load_overview, done=self._show, group="exchange", exclusive=True)

    def _show(self, result) -> None:
        self.overview, self.folder = result
        o = self.overview
        office = o.state.municipality
        lines = []
        if office is None:
            lines.append(S.EX_SCREEN_NO_OFFICE)
        else:
            lines.append(S.EX_SCREEN_OFFICE.format(name=office.name or "—"))
            lines.append(S.EX_SCREEN_OFFICE_FP.format(fp=office.fingerprint))
        lines.append(S.EX_SCREEN_OWN_FP.format(fp=o.own_fp or S.EX_OWN_KEY_NONE))
        self.query_one("#ex-keys", Static).update(plain("\n".join(lines)))
        if o.state.last_seq and o.state.acked_seq:
            status = S.EX_SCREEN_STATUS.format(
                code=o.school_code or "—", last=o.state.last_seq, acked=o.state.acked_seq)
        elif o.state.last_seq:
            status = S.EX_SCREEN_STATUS_UNACKED.format(code=o.school_code or "—",
                                                       last=o.state.last_seq)
        else:
            status = S.EX_SCREEN_STATUS_NONE.format(code=o.school_code or "—")
        self.query_one("#ex-status", Static).update(plain(status))
        table = self.query_one(DataTable)
        table.clear()
        for p in o.packets:
            table.add_row(str(p.seq), _date(p.created_at), S.EX_KIND_WORD[p.kind],
                          S.EX_LEVEL_SHORT[p.level], str(p.rows),
                          _date(p.acknowledged_at) or S.EX_NOT_ACKED, key=str(p.seq))

    # --- actions ------------------------------------------------------------------------
    def action_export(self) -> None:
        if self.overview is None:
            return
        if self.overview.state.municipality is None:
            self.app.push_screen(MessageDialog(S.EX_NO_MUNICIPALITY_KEY, title=S.EX_TITLE))
            return
        folder = start_folder(self.folder)

        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                self.run_db(export_now, choice, done=self._exported, group="exchange-export",
                            exclusive=True)

        self.app.push_screen(ExportDialog(folder), callback=chosen)

    def _exported(self, result) -> None:
        from metodkab.sync.commands import describe_kind, describe_level

        m = result.manifest
        lines = [S.EX_EXPORT_DONE.format(path=result.path),
                 describe_kind(m.kind, result.after_seq) + "; "
                 + S.EX_LEVEL_PREFIX + describe_level(m.level, m.bands_on) + "; "
                 + S.EX_ROWS.format(rows=m.rows)]
        if result.key_created:
            lines += ["", S.EX_KEY_CREATED, S.EX_OWN_KEY.format(fp=m.sender_fp)]
        if result.key_changed:
            lines += ["", S.EX_KEY_CHANGED]
        if result.restored_after:
            lines += ["", S.EX_EXPORT_RESTORED.format(last=result.restored_after, seq=m.seq)]
        self.app.push_screen(MessageDialog("\n".join(lines), title=S.EX_EXPORT_TITLE))
        self.reload()

    def action_import_key(self) -> None:
        def picked(path: Path | None) -> None:
            if path is None:
                return
            from metodkab.sync.school import read_municipality_key

            try:
                key = read_municipality_key(path)
            except Exception as exc:
                self.app.report_error(exc)
                return
            replace = (self.overview is not None and self.overview.state.municipality is not None
                       and self.overview.state.municipality.fingerprint != key.fingerprint)
            question = S.EX_CONFIRM_KEY.format(name=key.name or "—", fp=key.fingerprint)
            if replace:
                question += "\n\n" + S.EX_CONFIRM_REPLACE_KEY

            def answer(yes: bool | None) -> None:
                if yes:
                    self.run_db(_import_key, path, replace, done=lambda _: (
                        self.notify(S.EX_KEY_LOADED), self.reload()))

            self.app.push_screen(ConfirmDialog(question), callback=answer)

        self.app.push_screen(PathDialog(S.EX_PICK_KEY, suffixes=(".mkkey",),
                                        folder=start_folder(self.folder)), callback=picked)

    def action_import_receipt(self) -> None:
        def picked(path: Path | None) -> None:
            if path is None:
                return

            def done(result) -> None:
                from metodkab.sync.commands import receipt_message

                self.app.push_screen(MessageDialog(receipt_message(result),
                                                   title=S.EX_RECEIPT_TITLE))
                self.reload()

            self.run_db(_import_receipt, path, done=done)

        self.app.push_screen(PathDialog(S.EX_PICK_RECEIPT, suffixes=(".mkr",),
                                        folder=start_folder(self.folder)), callback=picked)

    def action_back(self) -> None:
        self.app.action_section("dashboard")


def _import_key(store, path: Path, replace: bool):
    from metodkab.sync.school import import_municipality_key

    return import_municipality_key(store, path, replace=replace)


def _import_receipt(store, path: Path):
    from metodkab.sync.school import import_receipt

    return import_receipt(store, path)


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Ctrl+E: what to put in the packet and where to write it."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 74; max-width: 98%; height: auto; border: thick $primary;
        background: $surface; padding: 0 1;
    }
    ExportDialog .row { height: 1; margin-bottom: 1; }
    ExportDialog .row > Label { width: 22; color: $text-muted; }
    ExportDialog .row > ChoiceField, ExportDialog .row > TextField { width: 1fr; }
    ExportDialog #ed-hint { color: $text-muted; height: auto; }
    ExportDialog #ed-error { color: $error; height: auto; }
    """
    BINDINGS = [
        Binding("ctrl+s", "write", S.EX_KEY_WRITE, key_display="Ctrl+S"),
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
        Binding("f4", "pick_folder", S.EX_KEY_PICK_FOLDER, key_display="F4", show=False),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(S.EX_EXPORT_TITLE, classes="section-title")
            with Horizontal(classes="row"):
                yield Label(S.EX_FIELD_KIND)
                yield ChoiceField(list(S.EX_KIND_CHOICES.items()), value=["delta"],
                                  allow_empty=False, title=S.EX_FIELD_KIND, id="ed-kind")
            with Horizontal(classes="row"):
                yield Label(S.EX_FIELD_LEVEL)
                yield ChoiceField(list(S.EX_LEVEL_CHOICES.items()), value=["full"],
                                  allow_empty=False, title=S.EX_FIELD_LEVEL, id="ed-level")
            with Horizontal(classes="row"):
                yield Label(S.EX_FIELD_FOLDER)
                yield TextField(str(self.folder), id="ed-folder")
            yield Static("", id="ed-error")
            yield Static(S.EX_EXPORT_HINT, id="ed-hint")

    def on_mount(self) -> None:
        self.query_one("#ed-kind").focus()

    def action_pick_folder(self) -> None:
        field = self.query_one("#ed-folder", TextField)

        def picked(path: Path | None) -> None:
            if path is not None:
                field.value = str(path)

        self.app.push_screen(PathDialog(S.EX_PICK_FOLDER, want="folder",
                                        folder=start_folder(field.value)), callback=picked)

    @on(TextField.Submitted, "#ed-folder")
    def _submitted(self) -> None:
        self.action_write()

    def action_write(self) -> None:
        folder = Path(self.query_one("#ed-folder", TextField).value.strip().strip('"'))
        if not folder.is_dir():
            self.query_one("#ed-error", Static).update(plain(S.EX_NO_FOLDER.format(path=folder)))
            self.query_one("#ed-folder").focus()
            return
        kind = self.query_one("#ed-kind", ChoiceField).single or "delta"
        level = self.query_one("#ed-level", ChoiceField).single or "full"
        self.dismiss(ExportChoice(full=kind == "full", level=level, folder=folder))

    def action_cancel(self) -> None:
        self.dismiss(None)
