"""Small modal dialogs that return typed results: confirm, error, choose, ask a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from metodkab import strings as S
from metodkab.domain.parse import format_date, norm, parse_date
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.fields import TextField
from metodkab.widgets.marks import MarkedSelectionList
from metodkab.widgets.text import plain


class ConfirmDialog(BoxDialog[bool]):
    """A yes/no question; Enter on a button, Esc means no."""

    DEFAULT_CSS = """
    ConfirmDialog > Vertical { width: 64; max-width: 95%; border: thick $warning; padding: 1 2; }
    ConfirmDialog .buttons { height: auto; align-horizontal: center; margin-top: 1; }
    ConfirmDialog Button { margin: 0 1; min-width: 10; }
    """
    BINDINGS = [
        Binding("escape", "cancel", S.KEY_CANCEL),
        # ← / → move between the buttons, as in any yes/no window the user knows.
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, question: str, *, yes: str = S.YES, no: str = S.NO) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self.question), id="question")
            with Horizontal(classes="buttons"):
                yield Button(self.yes_label, variant="warning", id="yes")
                yield Button(self.no_label, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_cancel(self) -> None:
        self.dismiss(False)


class MessageDialog(BoxDialog[None]):
    """An error or notice that the user closes with Enter or Esc."""

    DEFAULT_CSS = """
    MessageDialog > Vertical { width: 70; max-width: 95%; border: thick $error; padding: 1 2; }
    MessageDialog #title { text-style: bold; color: $error; }
    MessageDialog.-notice > Vertical { border: thick $success; }
    MessageDialog.-notice #title { color: $success; }
    MessageDialog Button { margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "close", S.KEY_CLOSE)]

    def __init__(self, message: str, *, title: str = S.ERROR_TITLE, notice: bool = False) -> None:
        super().__init__(classes="-notice" if notice else None)
        self.message = message
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(plain(self.title_text), id="title")
            yield Static(plain(self.message), id="message")
            yield Button(S.KEY_CLOSE, id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    @on(Button.Pressed)
    def action_close(self) -> None:
        self.dismiss(None)


class ActionChoiceDialog(BoxDialog[str | None]):
    """Several named actions as buttons (e.g. dismiss or delete); Esc returns None."""

    DEFAULT_CSS = """
    ActionChoiceDialog > Vertical {
        width: 64; max-width: 95%; border: thick $warning; padding: 1 2;
    }
    ActionChoiceDialog #title { text-style: bold; }
    ActionChoiceDialog .buttons { height: auto; margin-top: 1; }
    ActionChoiceDialog Button { margin: 0 1 0 0; }
    ActionChoiceDialog .stacked { layout: vertical; }
    ActionChoiceDialog .stacked Button { width: 100%; margin: 0; }
    """
    ROW_WIDTH = 58          # inside the 64-column box: its thick border and padding
    BINDINGS = [
        Binding("escape", "cancel", S.KEY_CANCEL),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
        Binding("down", "app.focus_next", show=False),
    ]

    def __init__(self, title: str, question: str, actions: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.question = question
        self.actions = list(actions)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(plain(self.title_text), id="title")
            yield Static(plain(self.question))
            # Buttons that would not fit one row (long labels such as the office's lists)
            # stand one under another, each whole, instead of being cut at the box's edge.
            labels = [label for _, label in self.actions] + [S.KEY_CANCEL]
            row = sum(max(16, len(label) + 4) + 1 for label in labels)
            stacked = " stacked" if row > self.ROW_WIDTH else ""
            with Horizontal(classes="buttons" + stacked):
                for key, label in self.actions:
                    yield Button(label, id=f"act-{key}")
                yield Button(S.KEY_CANCEL, id="cancel")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        self.dismiss(button_id.removeprefix("act-") if button_id.startswith("act-") else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DateDialog(BoxDialog[dt.date | None]):
    """Ask for one date (ДД.ММ.ГГГГ), with the error shown beside the field."""

    DEFAULT_CSS = """
    DateDialog > Vertical { width: 56; max-width: 95%; padding: 1 2; }
    DateDialog Input { width: 16; }
    DateDialog .error { color: $error; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", S.KEY_CANCEL)]

    def __init__(self, title: str, label: str, initial: dt.date | None = None,
                 check: Callable[[dt.date], str] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.label = label
        self.initial = initial
        self.check = check          # a date that cannot be: its message (domain/checks.py)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text)
            yield Label(self.label)
            yield TextField(format_date(self.initial), placeholder=S.DATE_PLACEHOLDER, id="date")
            yield Static("", classes="error", id="error")
            yield Static(f"Enter — {S.KEY_OK.lower()}, Esc — {S.KEY_CANCEL.lower()}")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            value = parse_date(event.value)
        except ValueError as exc:
            self.query_one("#error", Static).update(plain(exc))
            return
        if value is None:
            self.query_one("#error", Static).update(S.PROG_DATE_REQUIRED)
            return
        problem = self.check(value) if self.check else ""
        if problem:
            self.query_one("#error", Static).update(problem)
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class _MarkingFilter(TextField):
    """A multi-choice filter that leaves Space to the chooser (it marks the highlighted
    entry; with nothing to mark it is typed)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key != "space" and super().check_consume_key(key, character)


class ChooserScreen(BoxDialog[list[str] | None]):
    """Choose one or several values from a list, typing to narrow it (the F4 chooser).

    Returns the chosen values (a one-element list for a single choice), or None on Esc.
    """

    DEFAULT_CSS = """
    ChooserScreen > Vertical { width: 70; max-width: 95%; height: 90%; max-height: 22; }
    ChooserScreen #title { text-style: bold; }
    ChooserScreen OptionList, ChooserScreen SelectionList { height: 1fr; }
    ChooserScreen .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "cancel", S.KEY_CANCEL),
        Binding("down", "to_list", show=False),
        # Space in a multi-choice filter or list marks the highlighted entry and moves on
        # (in the filter it went into the text: a name is found by one word of it).
        Binding("space", "mark", show=False, priority=True),
    ]

    def __init__(self, title: str, options: Sequence[tuple[str, str]], *,
                 selected: Sequence[str] = (), multiple: bool = False,
                 allow_empty: bool = True, typed: str = "") -> None:
        super().__init__()
        self.typed = typed          # a letter typed on the field: the filter starts with it
        self.title_text = title
        self.options = list(options)
        self.selected = [s for s in selected]
        self.initial = tuple(selected)
        self.multiple = multiple
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, id="title")
            # Not selected on focus: a letter typed in the list moves here and goes on.
            field = _MarkingFilter if self.multiple else TextField
            yield field(placeholder=S.CHOOSER_FILTER, id="filter", select_on_focus=False)
            if self.multiple:
                yield MarkedSelectionList[str](id="choices")
            else:
                yield OptionList(id="choices")
            if not self.options:        # e.g. no staff yet on a new database
                yield Static(S.CHOOSER_NOTHING, classes="hint", id="nothing")
            yield Static(S.CHOOSER_MULTI_HINT if self.multiple else S.CHOOSER_SINGLE_HINT,
                         classes="hint")

    _ready = False

    def on_mount(self) -> None:
        self._fill("")
        self._ready = True
        if self.typed:
            field = self.query_one("#filter", TextField)
            field.value = self.typed
            field.cursor_position = len(field.value)
            field.focus()
        elif len(self.options) > 12:
            self.query_one("#filter").focus()
        else:
            self.action_to_list()

    def type_more(self, text: str) -> None:
        """Letters typed on the field go on in the filter, even before the list is shown."""
        if not self._ready:
            self.typed += text
            return
        field = self.query_one("#filter", TextField)
        field.value += text
        field.cursor_position = len(field.value)
        field.focus()

    def _visible(self, text: str) -> list[tuple[str, str]]:
        needle = norm(text)
        return [(v, label) for v, label in self.options if needle in norm(label)]

    def _fill(self, text: str) -> None:
        visible = self._visible(text)
        if self.multiple:
            selection = self.query_one("#choices", SelectionList)
            selection.clear_options()
            selection.add_options([(plain(label), v, v in self.selected)
                                   for v, label in visible])
            if visible:     # the entry Space in the filter marks, highlighted from the start
                selection.highlighted = 0
        else:
            options = self.query_one("#choices", OptionList)
            options.clear_options()
            entries = []
            if self.allow_empty:
                entries.append(Option(S.NOT_SELECTED, id="\0"))
            entries += [Option(plain(label), id=v) for v, label in visible]
            options.add_options(entries)
            for index, entry in enumerate(entries):
                if entry.id in self.selected:
                    options.highlighted = index
                    break
            else:
                if entries:
                    options.highlighted = 1 if self.allow_empty and len(entries) > 1 and text else 0

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        if self.multiple:
            self._remember()
        self._fill(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        if self.multiple:
            self._done()
            return
        options = self.query_one("#choices", OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    def _remember(self) -> None:
        selection = self.query_one("#choices", SelectionList)
        shown = {v for v, _ in self._visible(self.query_one("#filter", Input).value)}
        chosen = set(selection.selected)
        self.selected = [v for v, _ in self.options
                         if v in chosen or (v in self.selected and v not in shown)]

    def _done(self) -> None:
        """Enter: the marked entries; none marked (none were on opening and none was
        unmarked here), the highlighted one — Enter on an entry takes it."""
        self._remember()
        if not self.selected and not self.initial and not self._touched:
            selection = self.query_one("#choices", SelectionList)
            if selection.highlighted is not None:
                self.dismiss([selection.get_option_at_index(selection.highlighted).value])
                return
        self.dismiss(self.selected)

    def action_mark(self) -> None:
        """Space, in the filter or in the list: (un)mark the highlighted entry and move
        to the next one (as mature multi-choice lists do: Space Space marks two)."""
        if not (self.multiple and isinstance(self.focused, (TextField, SelectionList))):
            raise SkipAction()
        selection = self.query_one("#choices", SelectionList)
        highlighted = selection.highlighted
        if highlighted is None:
            raise SkipAction()
        selection.toggle(selection.get_option_at_index(highlighted).value)
        if highlighted + 1 < selection.option_count:
            selection.highlighted = highlighted + 1
        self._touched = True

    _touched = False

    @on(SelectionList.SelectionToggled)
    def _toggled(self) -> None:
        self._touched = True

    def action_to_list(self) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is None and choices.option_count:
            choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected)
    def _option(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, value: str | None) -> None:
        self.dismiss([] if value in (None, "\0") else [value])

    def on_key(self, event) -> None:
        # Enter in the multi-choice list confirms (space toggles).
        if self.multiple and event.key == "enter" and isinstance(self.focused, SelectionList):
            event.stop()
            self._done()
            return
        # A letter typed in the list (a short list has the focus there) starts the filter;
        # so does one typed before anything has the focus (the list just opened).
        # ↑ on the first row goes back to the filter (as from a list to its search line).
        if (event.key == "up" and isinstance(self.focused, OptionList)
                and not self.focused.highlighted):
            event.stop()
            event.prevent_default()
            field = self.query_one("#filter", TextField)
            field.focus()
            field.action_select_all()       # typing replaces the old filter
            return
        if self.focused is None and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.type_more(event.character)
            return
        if (isinstance(self.focused, OptionList) and event.is_printable and event.character
                and not event.character.isspace()):
            event.stop()
            event.prevent_default()
            field = self.query_one("#filter", Input)
            field.focus()
            field.insert_text_at_cursor(event.character)

    def action_cancel(self) -> None:
        self.dismiss(None)
