"""The office's Настройки (F10): who signs the analytical note — the head of the office
and the specialist who prepared it, each a position and a full name (sync.office
NoteSigners). The note prints «должность ____ / И. О. Фамилия /»; a blank name leaves a
line for the pen, a blank position the general role."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from metodkab import strings as S
from metodkab.screens.base import DbCalls
from metodkab.sync.office import NoteSigners, note_signers, save_note_signers
from metodkab.widgets.ask import QuestionBox
from metodkab.widgets.fields import TextField

# field: (label, longest text)
FIELDS = {"head_position": (S.OS_HEAD_POSITION, 200), "head_name": (S.OS_HEAD_NAME, 120),
          "specialist_position": (S.OS_SPECIALIST_POSITION, 200),
          "specialist_name": (S.OS_SPECIALIST_NAME, 120)}


class OfficeSettingsScreen(DbCalls, QuestionBox):
    """The four fields, filled from the office's database; Ctrl+S saves them in one
    transaction, Esc leaves them as they were."""

    DEFAULT_CSS = """
    OfficeSettingsScreen > Vertical { width: 76; max-width: 98%; }
    OfficeSettingsScreen #os-title { text-style: bold; margin-bottom: 1; }
    OfficeSettingsScreen Horizontal { height: 1; margin-bottom: 1; }
    OfficeSettingsScreen Horizontal > Label { width: 26; }
    OfficeSettingsScreen Horizontal > TextField { width: 1fr; background: $boost; }
    OfficeSettingsScreen #os-hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", S.KEY_SAVE, key_display="Ctrl+S"),
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(S.OS_TITLE, id="os-title")
            for name, (label, length) in FIELDS.items():
                with Horizontal():
                    yield Label(label)
                    yield TextField(max_length=length, id=f"os-{name}", disabled=True)
            yield Static(S.OS_HINT, id="os-hint")

    def on_mount(self) -> None:
        self.run_db(note_signers, done=self._fill)

    def _fill(self, signers: NoteSigners) -> None:
        for name in FIELDS:
            field = self.query_one(f"#os-{name}", TextField)
            field.value = getattr(signers, name)
            field.disabled = False
        self.query_one("#os-head_position", TextField).focus()

    def action_save(self) -> None:
        fields = [self.query_one(f"#os-{name}", TextField) for name in FIELDS]
        if any(field.disabled for field in fields):       # not loaded yet: nothing to save
            return
        signers = NoteSigners(**{name: field.value for name, field in zip(FIELDS, fields)})
        self.run_db(save_note_signers, signers, done=self._saved)

    def _saved(self, _result: None) -> None:
        self.notify(S.OS_SAVED)
        self.dismiss(None)
