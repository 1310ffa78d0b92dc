"""Small framed questions over a screen: ``QuestionBox`` is the frame (centred, one column,
Esc cancels), ``AskDialog`` asks one line (a school's phone, after how many days a school
is silent): Enter hands the text to ``check`` — a Russian refusal shown under the field,
or '' — and returns it; nothing is returned while it is refused."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from metodkab import strings as S
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.fields import TextField
from metodkab.widgets.text import plain


class QuestionBox(BoxDialog):
    """The frame of a question (widgets/box.BoxDialog, narrower and padded): a subclass
    composes its ``Vertical`` and sets its own width if needed; ``.error`` is a refusal
    line, ``.title`` a bold title; Esc cancels."""

    DEFAULT_CSS = """
    QuestionBox > Vertical { width: 64; max-width: 95%; padding: 1 2; }
    QuestionBox .error { color: $error; height: auto; }
    QuestionBox .title { text-style: bold; }
    """
    BINDINGS = [Binding("escape", "cancel", S.KEY_CANCEL)]

    def action_cancel(self) -> None:
        self.dismiss(None)


class AskDialog(QuestionBox):
    """One line asked; Enter returns the text (stripped) once ``check`` has no refusal."""

    def __init__(self, question: str, value: str = "", *, max_length: int = 0,
                 check: Callable[[str], str] | None = None) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.max_length = max_length
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self.question), id="ask-question")    # wraps, a Label cut it
            yield TextField(self.value, max_length=self.max_length, id="ask-value")
            yield Static("", id="ask-error", classes="error")
            yield Static(f"Enter — {S.KEY_OK.lower()}, Esc — {S.KEY_CANCEL.lower()}",
                         classes="keys")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        refusal = self.check(text) if self.check else ""
        if refusal:
            self.query_one("#ask-error", Static).update(plain(refusal))
            return
        self.dismiss(text)
