"""Импорт из таблицы, step one: what to load (staff or courses), which file, which columns.

The folder tree shows folders and tables (.xlsx, .xls, .ods, .csv). Enter on a file, or a
path typed in the field, reads it in a worker thread (a progress bar on a large one) and
opens the preview.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DirectoryTree, Footer, Header, Label, ProgressBar, Static
from textual.worker import get_current_worker

from metodkab import strings as S
from metodkab.importing.mapping import KINDS, STAFF, saved_mappings
from metodkab.importing.reader import SHOWN_IN_CHOOSER
from metodkab.importing.session import AUTO, Loaded, load
from metodkab.screens.base import AppScreen
from metodkab.widgets.fields import ChoiceField, TextField
from metodkab.widgets.text import plain


def start_folder() -> Path:
    """The user's documents folder when there is one, else the home folder."""
    from metodkab.paths import documents_dir

    for folder in (documents_dir(), Path.home()):
        if folder.is_dir():
            return folder
    return Path.cwd()


class TableTree(DirectoryTree):
    """Folders and spreadsheet files only; hidden entries left out."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                if path.is_dir() or path.suffix.lower() in SHOWN_IN_CHOOSER:
                    yield path
            except OSError:
                continue


class ImportScreen(AppScreen):
    """Choose the kind of list and the file; Enter opens the preview."""

    SCREEN_TITLE = S.IMP_TITLE
    DEFAULT_CSS = """
    ImportScreen .imp-row { height: 1; margin: 0 1; }
    ImportScreen .imp-row > Label { width: 16; color: $text-muted; }
    ImportScreen .imp-row > ChoiceField, ImportScreen .imp-row > TextField { width: 1fr; }
    ImportScreen #imp-folder { height: 1; padding: 0 1; color: $text-muted; }
    ImportScreen TableTree { height: 1fr; margin: 0 1; }
    ImportScreen #imp-hint { height: auto; padding: 0 1; color: $text-muted; }
    ImportScreen #imp-progress { height: 1; margin: 0 1; display: none; }
    """
    BINDINGS = [
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
        Binding("ctrl+l", "focus_tree", S.IMP_KEY_TREE, key_display="Ctrl+L", show=False),
        Binding("backspace", "parent", S.IMP_KEY_PARENT, key_display="Backspace", show=False),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, folder: Path | None = None, *, kind: str = STAFF) -> None:
        super().__init__()
        self.folder = Path(folder) if folder else start_folder()
        self.kind = kind
        self.reading = False

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.IMP_FILE_HEAD, classes="section-title")
        with Horizontal(classes="imp-row"):
            yield Label(S.IMP_KIND)
            yield ChoiceField(list(S.IMP_KIND_LABELS.items()), value=[self.kind],
                              allow_empty=False, title=S.IMP_KIND, id="imp-kind")
        with Horizontal(classes="imp-row"):
            yield Label(S.IMP_TEMPLATE)
            yield ChoiceField([(AUTO, S.IMP_TEMPLATE_AUTO)], value=[AUTO], allow_empty=False,
                              title=S.IMP_TEMPLATE, id="imp-template")
        with Horizontal(classes="imp-row"):
            yield Label(S.IMP_PATH)
            yield TextField(placeholder=S.IMP_PATH_PLACEHOLDER, id="imp-path")
        yield Static(plain(S.IMP_FOLDER.format(folder=self.folder)), id="imp-folder")
        yield TableTree(self.folder, id="imp-tree")
        yield ProgressBar(id="imp-progress", show_eta=False)
        yield Static(S.IMP_FILE_HINT, id="imp-hint")
        yield Footer()

    def on_mount(self) -> None:
        self._load_templates()
        self.query_one("#imp-tree").focus()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self._load_templates()          # a template may have been saved in the preview

    def _load_templates(self) -> None:
        def loaded(names: list[tuple[str, str]]) -> None:
            field = self.query_one("#imp-template", ChoiceField)
            field.set_options([(AUTO, S.IMP_TEMPLATE_AUTO), *names])
            if field.single not in {AUTO, *(k for k, _ in names)}:
                field.set_value([AUTO])

        self.run_db(lambda store, kind: [(m.name, m.name) for m in saved_mappings(store, kind)],
                    self.kind, done=loaded)

    @on(ChoiceField.Changed, "#imp-kind")
    def _kind_changed(self, event: ChoiceField.Changed) -> None:
        self.kind = event.value[0] if event.value and event.value[0] in KINDS else STAFF
        self._load_templates()

    # --- choosing the file --------------------------------------------------------------
    @on(DirectoryTree.FileSelected)
    def _file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.query_one("#imp-path", TextField).value = str(event.path)
        self.open_file(event.path)

    @on(TextField.Submitted, "#imp-path")
    def _path_submitted(self, event: TextField.Submitted) -> None:
        text = event.value.strip().strip('"')
        if not text:
            self.query_one("#imp-tree").focus()
            return
        path = self.folder / Path(text).expanduser()     # a bare file name: in the folder shown
        if path.is_dir():
            self.set_folder(path)
            self.query_one("#imp-tree").focus()
            return
        self.open_file(path)

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.query_one(TableTree).path = folder
        self.query_one("#imp-folder", Static).update(plain(S.IMP_FOLDER.format(folder=folder)))

    def action_parent(self) -> None:
        if self.focused is self.query_one(TableTree) and self.folder.parent != self.folder:
            self.set_folder(self.folder.parent)

    def on_key(self, event) -> None:
        # A letter typed in the folder tree starts the path in the field (typing did nothing).
        if (event.is_printable and event.character not in (None, " ")
                and self.focused is self.query_one(TableTree)):
            event.stop()
            event.prevent_default()
            self.query_one("#imp-path", TextField).start_typing(event.character)

    def action_focus_tree(self) -> None:
        self.query_one(TableTree).focus()

    def open_file(self, path: Path) -> None:
        """Read the file in a worker thread (the screen stays live); a large one shows
        how far the reading and the preview have got."""
        if self.reading:
            return
        self.reading = True
        self.query_one("#imp-hint", Static).update(S.IMP_READING)
        template = self.query_one("#imp-template", ChoiceField).single or AUTO
        app, kind = self.app, self.kind

        def progress(what: str, done: int, total: int) -> None:
            app.call_from_thread(self._progress, what, done, total)

        def work() -> None:
            worker = get_current_worker()
            try:
                loaded = load(app.store, path, kind, template, progress=progress)
            except Exception as exc:          # shown as a Russian message, never a trace
                if not worker.is_cancelled:
                    app.call_from_thread(app.report_error, exc)
                    app.call_from_thread(self._idle)
                return
            if not worker.is_cancelled:
                app.call_from_thread(self._opened, loaded)

        self.run_worker(work, thread=True, group="import", exclusive=True, exit_on_error=False)

    def _progress(self, what: str, done: int, total: int) -> None:
        if not self.is_attached or not self.reading:
            return
        bar = self.query_one("#imp-progress", ProgressBar)
        bar.display = True
        bar.update(total=max(total, done, 1), progress=done)
        self.query_one("#imp-hint", Static).update(S.IMP_PROGRESS.format(
            what=what, done=done, total=max(total, done)))

    def _idle(self) -> None:
        if not self.is_attached:
            return
        self.reading = False
        self.query_one("#imp-progress", ProgressBar).display = False
        self.query_one("#imp-hint", Static).update(S.IMP_FILE_HINT)

    def _opened(self, loaded: Loaded) -> None:
        from metodkab.screens.dialogs import MessageDialog
        from metodkab.screens.import_preview import ImportPreviewScreen

        if not self.is_attached:
            return
        self._idle()
        if loaded.sheet is None:
            self.app.push_screen(MessageDialog(loaded.message, title=S.IMP_TITLE))
            return
        self.app.push_screen(ImportPreviewScreen(loaded))

    def action_back(self) -> None:
        self.dismiss(None)
