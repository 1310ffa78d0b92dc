"""The office loads packets: one line per file, refusals first, a detail per file.

Ins on the schools list chooses a packet or a folder (a USB stick). Every file of the
folder gets a line — school, packet number, result — with the refusals first and in red;
subfolders and files that are not packets are listed as skipped. Below, the highlighted
file's detail scrolls: the plain reason, what to ask the school, and what would change
table by table. A dry run comes first and writes nothing; Ctrl+S applies after each new
or changed school key is confirmed (Esc on that question cancels the whole apply).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from metodkab import strings as S
from metodkab.domain.parse import quoted
from metodkab.screens.base import DbCalls
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.sync.commands import table_label
from metodkab.widgets.text import plain

REFUSED = ("refused", "untrusted")
ORDER = {"refused": 0, "untrusted": 0, "applied": 1, "duplicate": 2, "older": 2, "skipped": 3}


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


class KeyQuestion(ConfirmDialog):
    """A school key to confirm while applying: Да, Нет (this school's packets are left
    out), or Esc — nothing is applied at all."""

    def action_cancel(self) -> None:
        self.dismiss(None)


def summary_row(label: str, values: Sequence) -> str:
    return f"{label[:18]:<18}" + "".join(f"{str(v):>11}" for v in values)


def detail(o, *, dry: bool) -> Text:
    """The highlighted file's detail (every value from a packet shown as plain text)."""
    lines = [S.OF_DETAIL_FILE.format(file=o.file_name)]
    if o.school_code:
        lines.append(S.OF_DETAIL_SCHOOL.format(
            code=o.school_code, name=quoted(o.school_name), seq=o.seq,
            kind=S.EX_KIND_WORD.get(o.kind, o.kind), level=S.EX_LEVEL_WORD.get(o.level, o.level),
            rows=o.rows))
    if o.outcome in REFUSED:
        lines.append(S.OF_DETAIL_WHY.format(reason=o.message))
        if o.advice:
            lines.append(S.OF_DETAIL_WHAT.format(advice=o.advice))
        return plain("\n".join(lines), style="red")
    if o.outcome != "applied":
        lines.append(o.message)
        return plain("\n".join(lines))
    if o.new_key_fp:
        if dry:
            note = S.OF_DETAIL_KEY_CHANGED if o.key_changed else S.OF_DETAIL_NEW_SCHOOL
        else:
            note = S.OF_DETAIL_REGISTERED
        lines.append(note.format(fp=o.new_key_fp))
    if o.unverified:            # a new school's packet stays sealed until its key is confirmed
        lines.append(S.EX_NOTE_NOT_OPENED.format(code=o.school_code, rows=o.rows))
        return plain("\n".join(lines))
    if o.missing:
        lines.append(S.EX_GAP.strip().format(missing=", ".join(str(n) for n in o.missing))
                     + " " + (S.EX_GAP_COVERED if o.covered else S.EX_GAP_NOT_COVERED))
    if o.chain_broken:
        lines.append(S.EX_CHAIN_BROKEN.strip())
    if o.default_settings:
        lines.append(S.EX_DEFAULT_SETTINGS.strip().format(code=o.school_code))
    lines.append(summary_row(S.EX_SUMMARY_TABLE, S.EX_SUMMARY_COLUMNS))
    for name, c in o.tables.items():
        lines.append(summary_row(table_label(name), (c.added, c.updated, c.unchanged,
                                                     c.deleted, c.conflicts)))
    t = o.totals
    lines.append(summary_row(S.EX_TOTAL, (t.added, t.updated, t.unchanged, t.deleted,
                                          t.conflicts)))
    return plain("\n".join(lines))


class OfficeImportScreen(DbCalls, Screen):
    """Load packets: the dry-run summary first; Ctrl+S applies; Esc goes back."""

    DEFAULT_CSS = """
    OfficeImportScreen #oi-head { height: auto; padding: 0 1; }
    OfficeImportScreen ProgressBar { padding: 0 1; height: 1; }
    OfficeImportScreen #oi-files { height: 1fr; min-height: 4; }
    OfficeImportScreen #oi-detail { height: 1fr; min-height: 6; border-top: solid $primary; padding: 0 1; }
    OfficeImportScreen #oi-total { height: auto; padding: 0 1; background: $boost; }
    """
    BINDINGS = [
        Binding("ctrl+s", "apply", S.EX_KEY_APPLY, key_display="Ctrl+S", id="apply"),
        Binding("ctrl+k", "replace_key", S.OF_KEY_REPLACE, key_display="Ctrl+K", id="key"),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
    ]

    def __init__(self, paths: Sequence[Path], skipped: Sequence = ()) -> None:
        super().__init__()
        self.paths = list(paths)
        self.skipped = list(skipped)
        self.ready: list = []
        self.refused: list = []
        self.outcomes: list = []
        self.rows: list = []
        self.busy = True
        self.applied = False
        self.dry = True

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.OF_HEAD_DRY.format(count=self._file_count()), id="oi-head")
        yield ProgressBar(total=max(1, len(self.paths) * 2), show_eta=False, id="oi-progress")
        yield DataTable(id="oi-files", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="oi-detail"):
            yield Static(S.EX_CHECKING, id="oi-detail-text")
        yield Static("", id="oi-total")
        yield Footer()

    def _file_count(self) -> int:
        return len(self.paths) + len(self.skipped)

    def on_mount(self) -> None:
        self.app.sub_title = S.EX_IMPORT_TITLE
        table = self.query_one(DataTable)
        for label, width in zip(S.OF_FILES_COLUMNS, (14, 26, 4, 20)):
            table.add_column(label, width=width)
        self._check()

    def _check(self) -> None:
        """The dry run over every file (again after a school's key was replaced here)."""
        self.busy = True
        self.refresh_bindings()
        self.query_one("#oi-detail-text", Static).update(S.EX_CHECKING)
        self.run_db(dry_run, self.paths, self._progress_from_thread, done=self._checked,
                    failed=self._failed, group="import", exclusive=True)

    def _progress_from_thread(self, done: int, total: int) -> None:
        self.app.call_from_thread(self._progress, done, total)

    def _progress(self, done: int, total: int) -> None:
        if self.is_attached:
            self.query_one(ProgressBar).update(total=total, progress=done)

    def _failed(self) -> None:
        self.busy = False
        self.query_one("#oi-detail-text", Static).update("")

    def _checked(self, result) -> None:
        self.ready, self.refused, self.outcomes = result
        self.busy = False
        self.refresh_bindings()
        bar = self.query_one(ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        self._fill(dry=True)

    def _fill(self, *, dry: bool) -> None:
        everything = self.outcomes + self.refused + self.skipped
        self.rows = sorted(everything, key=lambda o: ORDER.get(o.outcome, 4))
        table = self.query_one(DataTable)
        table.clear()
        for index, o in enumerate(self.rows):
            word = S.OF_RESULT_APPLIED if o.outcome == "applied" and not dry \
                else S.OF_RESULT.get(o.outcome, o.outcome)
            style = "bold red" if o.outcome in REFUSED else ""
            school = f"{o.school_code} {o.school_name}".strip()
            table.add_row(plain(o.file_name, style=style), plain(school, style=style),
                          plain(str(o.seq) if o.seq else "", style=style),
                          plain(word, style=style), key=str(index))
        counts = {k: sum(o.outcome in k for o in self.rows)
                  for k in (("applied",), REFUSED, ("duplicate", "older"), ("skipped",))}
        total = S.OF_TOTAL.format(
            files=len(self.rows), good=S.OF_TOTAL_GOOD_DRY if dry else S.OF_TOTAL_GOOD,
            applied=counts[("applied",)], refused=counts[REFUSED],
            same=counts[("duplicate", "older")], skipped=counts[("skipped",)])
        hint = S.OF_TOTAL_HINT_DRY if dry and counts[("applied",)] else S.OF_TOTAL_HINT
        refused = counts[REFUSED]
        self.query_one("#oi-total", Static).update(
            plain(total + ". " + hint, style="bold red" if refused else ""))
        if not dry:
            self.query_one("#oi-head", Static).update(
                S.OF_HEAD_APPLIED.format(count=self._file_count()))
        self.dry = dry
        self._show_detail(0)
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is not None and event.row_key.value is not None:
            self._show_detail(int(event.row_key.value))
            self.refresh_bindings()

    def _show_detail(self, index: int) -> None:
        text = detail(self.rows[index], dry=self.dry) if index < len(self.rows) else plain("")
        self.query_one("#oi-detail-text", Static).update(text)
        self.query_one("#oi-detail", VerticalScroll).scroll_home(animate=False)

    def _highlighted(self):
        table = self.query_one(DataTable)
        if not table.row_count or not self.rows:
            return None
        return self.rows[table.cursor_row] if table.cursor_row < len(self.rows) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "apply" and (self.applied or self.busy or not any(
                o.outcome == "applied" for o in self.outcomes)):
            return False            # nothing (more) to apply: Ctrl+S leaves the footer
        if action == "replace_key":  # only on a packet refused for its key, before applying
            row = self._highlighted()
            return (not self.busy and not self.applied and row is not None
                    and row.outcome == "refused" and row.check == "key")
        return True

    def action_replace_key(self) -> None:
        """Ctrl+K on a packet refused for its key: the school changed computers — compare
        the fingerprint by phone and replace the key (as on the school card), then check
        every file again."""
        row = self._highlighted()
        if row is None or row.check != "key" or self.busy or self.applied:
            return
        from metodkab.screens.office_school import replace_key_from

        path = next((p for p in self.paths if p.name == row.file_name), None)
        if path is not None:
            replace_key_from(self, row.school_code, path, self._check)

    def action_apply(self) -> None:
        if self.busy or self.applied or not any(o.outcome == "applied" for o in self.outcomes):
            return
        new_keys: dict[tuple[str, str], object] = {}
        for o in self.outcomes:
            if o.outcome == "applied" and o.new_key_fp:
                new_keys.setdefault((o.school_code, o.new_key_fp), o)
        approved: set[tuple[str, str]] = set()
        pending = list(new_keys.items())

        def ask_next(answer: bool | None = True, current=None) -> None:
            if answer is None:                       # Esc: the whole apply is cancelled
                self.notify(S.OF_APPLY_CANCELLED)
                return
            if current is not None and answer:
                approved.add(current)
            if pending:
                pair, o = pending.pop(0)
                form = S.OF_CONFIRM_KEY_CHANGED if o.key_changed else S.EX_CONFIRM_SCHOOL_KEY
                question = plain(form.format(code=pair[0], name=quoted(o.school_name), fp=pair[1]))
                self.app.push_screen(KeyQuestion(question),
                                     callback=lambda yes, p=pair: ask_next(yes, p))
                return
            self._apply(approved)

        ask_next()

    def _apply(self, approved: set[tuple[str, str]]) -> None:
        self.busy = True
        self.query_one("#oi-detail-text", Static).update(S.EX_APPLYING)
        self.query_one(ProgressBar).update(total=max(1, len(self.ready)), progress=0)

        def done(outcomes) -> None:
            self.busy = False
            bar = self.query_one(ProgressBar)
            bar.update(progress=bar.total)
            self.applied = True
            self.refresh_bindings()
            self.outcomes = outcomes
            self._fill(dry=False)
            count = sum(o.outcome == "applied" for o in outcomes)
            if count:
                self.app.data_changed()
            self.notify(S.EX_APPLIED_SUMMARY.format(count=count))

        self.run_db(apply_now, self.ready, approved, self._progress_from_thread, done=done,
                    failed=self._failed, group="import", exclusive=True)

    def action_back(self) -> None:
        if not self.busy:
            self.dismiss(None)
