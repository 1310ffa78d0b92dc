"""Choosing a file or a folder for the exchange (a USB stick, a mail attachment folder).

``PathDialog`` shows a path field and a folder tree with only the files that matter
(packets, receipts, key files). Enter on a file chooses it; in the field, Enter takes
the typed path; Ctrl+S takes the path in the field (the highlighted folder in the tree
is copied there). Returns a ``Path`` or None.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Label, Static

from metodkab import strings as S
from metodkab.widgets.fields import TextField
from metodkab.widgets.text import plain


def start_folder(remembered: str | None = None) -> Path:
    """The remembered folder, else the documents folder, else home."""
    from metodkab.paths import documents_dir

    candidates = [Path(remembered)] if remembered else []
    candidates += [documents_dir(), Path.home()]
    for folder in candidates:
        try:
            if folder.is_dir():
                return folder
        except OSError:
            continue
    return Path.cwd()


class ExchangeTree(DirectoryTree):
    """Folders and files with the wanted suffixes; hidden entries left out."""

    def __init__(self, path: Path, suffixes: frozenset[str], **kwargs) -> None:
        self.suffixes = suffixes
        super().__init__(path, **kwargs)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                if path.is_dir() or path.suffix.lower() in self.suffixes:
                    yield path
            except OSError:
                continue


class PathDialog(ModalScreen[Path | None]):
    """Choose a file (``want="file"``), a folder (``"folder"``) or either (``"any"``)."""

    DEFAULT_CSS = """
    PathDialog { align: center middle; }
    PathDialog > Vertical {
        width: 78; max-width: 98%; height: 90%; max-height: 24;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    PathDialog #pd-title { text-style: bold; }
    PathDialog #pd-path { margin-bottom: 1; }
    PathDialog ExchangeTree { height: 1fr; }
    PathDialog #pd-hint { color: $text-muted; height: auto; }
    PathDialog #pd-error { color: $error; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
        Binding("ctrl+s", "choose", S.EX_KEY_CHOOSE_PATH, key_display="Ctrl+S"),
        Binding("backspace", "parent", S.EX_KEY_PARENT, key_display="Backspace", show=False),
    ]

    def __init__(self, title: str, *, want: str = "file", suffixes: Iterable[str] = (),
                 folder: Path | None = None, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.want = want
        self.suffixes = frozenset(s.lower() for s in suffixes)
        self.folder = folder or start_folder()
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, id="pd-title")
            yield TextField(str(self.folder), placeholder=S.EX_PATH_PLACEHOLDER, id="pd-path")
            yield ExchangeTree(self.folder, self.suffixes, id="pd-tree")
            yield Static("", id="pd-error")
            default = S.EX_PATH_HINT_FOLDER if self.want == "folder" else S.EX_PATH_HINT
            yield Static(self.hint or default, id="pd-hint")

    def on_mount(self) -> None:
        self.query_one(ExchangeTree).focus()

    def on_key(self, event) -> None:
        # A letter typed in the folder tree starts the path in the field (typing did nothing).
        if (event.is_printable and event.character not in (None, " ")
                and self.focused is self.query_one(ExchangeTree)):
            event.stop()
            event.prevent_default()
            self.query_one("#pd-path", TextField).start_typing(event.character)

    @on(DirectoryTree.FileSelected)
    def _file(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        if self.want == "folder":
            self.query_one("#pd-path", TextField).value = str(event.path.parent)
            return
        self.dismiss(event.path)

    @on(DirectoryTree.DirectorySelected)
    def _directory(self, event: DirectoryTree.DirectorySelected) -> None:
        event.stop()
        self.query_one("#pd-path", TextField).value = str(event.path)

    @on(DirectoryTree.NodeHighlighted)
    def _highlighted(self, event: DirectoryTree.NodeHighlighted) -> None:
        data = event.node.data
        path = getattr(data, "path", None)
        if path is not None and self.want != "file":
            try:
                folder = path if path.is_dir() else path.parent
            except OSError:
                return
            self.query_one("#pd-path", TextField).value = str(folder)

    @on(TextField.Submitted, "#pd-path")
    def _submitted(self) -> None:
        self.action_choose()

    def action_choose(self) -> None:
        text = self.query_one("#pd-path", TextField).value.strip().strip('"')
        if not text:
            return
        path = self.folder / Path(text).expanduser()     # a bare file name: in the folder shown
        error = self.query_one("#pd-error", Static)
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir and self.want == "file":
            self.folder = path
            self.query_one(ExchangeTree).path = path
            self.query_one(ExchangeTree).focus()
            error.update("")
            return
        if (is_dir and self.want in ("folder", "any")) or (is_file and self.want != "folder"):
            self.dismiss(path)
            return
        error.update(plain(S.EX_PATH_MISSING.format(path=path)))

    def action_parent(self) -> None:
        tree = self.query_one(ExchangeTree)
        if self.focused is tree and self.folder.parent != self.folder:
            self.folder = self.folder.parent
            tree.path = self.folder
            self.query_one("#pd-path", TextField).value = str(self.folder)

    def action_cancel(self) -> None:
        self.dismiss(None)
