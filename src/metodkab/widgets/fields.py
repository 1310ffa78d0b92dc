"""Form fields: text and date inputs, the F4 choice field, and a labelled form row."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, Label, Static
from textual.widgets.input import Selection

from metodkab import strings as S
from metodkab.domain.parse import parse_date, short_name
from metodkab.widgets.marks import MarkCheckbox

# «Фамилия Имя Отчество» (a double surname too): a person, shown as «Фамилия И. О.» in a list.
_PERSON = re.compile(r"^[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)?"
                     r"(?: [А-ЯЁA-Z][а-яёa-z]+){1,2}$")


def brief(label: str) -> str:
    """A person's full name as «Фамилия И. О.»; any other label as it is."""
    if _PERSON.match(label):
        return short_name(*label.split(" "))
    return label


def summary(labels: Sequence[str], width: int) -> str:
    """Chosen values in ``width`` cells: one value in full; several as many short ones as
    fit, then «и ещё N» (Белова А. С., Иванов И. И. и ещё 4)."""
    if len(labels) <= 1:
        return labels[0] if labels else ""
    short = [brief(label) for label in labels]
    for shown in range(len(short), 0, -1):
        rest = len(short) - shown
        text = ", ".join(short[:shown]) + (S.FIELD_AND_MORE.format(count=rest) if rest else "")
        if cell_len(text) <= width:
            return text
    tail = S.FIELD_AND_MORE.format(count=len(short) - 1)
    room = width - cell_len(tail) - 1
    return ((short[0][:room] + "…" if room > 0 else "") + tail).strip()


class DateValidator(Validator):
    """ДД.ММ.ГГГГ (or ГГГГ-ММ-ДД); empty is allowed unless ``required``."""

    def __init__(self, *, required: bool = False, default_year: int | None = None) -> None:
        super().__init__()
        self.required = required
        self.default_year = default_year

    def validate(self, value: str) -> ValidationResult:
        try:
            parsed = parse_date(value, default_year=self.default_year)
        except ValueError as exc:
            return self.failure(str(exc))
        if parsed is None and self.required:
            return self.failure(S.PROG_DATE_REQUIRED)
        return self.success()


class TextField(Input):
    """A one-line compact input (no blinking cursor when the app is built with blink=False).

    A text longer than the field shows its beginning: on focus the whole text is selected
    (typing replaces it) with the cursor at the start, and on leaving the field the cursor
    goes back to the start. (Input's own select-all puts the cursor at the end, which
    scrolled a long name to its last words.)
    """

    def __init__(self, value: str = "", **kwargs) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(value, **kwargs)

    def on_mount(self) -> None:
        if not getattr(self.app, "blink", True):
            self.cursor_blink = False
        # A 16-colour terminal has no shade between a field and the screen: an empty field
        # without a placeholder of its own was not there at all, so it shows a dim line.
        if self.app.native_ansi_color and not self.placeholder:
            self.placeholder = S.FIELD_BLANK

    def _on_focus(self, event: events.Focus) -> None:
        # Input's handler (run after this one) selects all with the cursor at the end;
        # the selection is turned round once it has.
        if self.select_on_focus and not event.from_app_focus:
            self.call_next(self._select_from_start)
        if self._typing_started:
            self._typing_started = False
            if self._restore_select:
                self._restore_select = False
                self.call_next(setattr, self, "select_on_focus", True)

    _typing_started = False
    _restore_select = False

    def start_typing(self, text: str) -> None:
        """Take the focus with ``text`` typed in place of the value, the cursor after it
        (a character typed in a folder tree goes on in the path field)."""
        # Typed faster than the focus moves: goes on after what came before.
        self._take_typing(self.value + text if self._typing_started else text)

    def type_on(self, character: str) -> None:
        """Take the focus with ``character`` added at the end of the value (a letter typed
        in a register's list goes on in its search). Keys typed faster than the focus moves
        each add their own character once: the value already holds the earlier ones."""
        self._take_typing(self.value + character)

    def erase_on(self) -> None:
        """Take the focus with the value's last character erased (Backspace in a register's
        list edits its search)."""
        self._take_typing(self.value[:-1])

    def _take_typing(self, value: str) -> None:
        self.value = value
        self.cursor_position = len(value)
        if self._typing_started:        # the focus is already on its way
            return
        self._typing_started = True
        if self.select_on_focus:
            self.select_on_focus = False
            self._restore_select = True
        self.focus()

    def select_whole(self) -> None:
        """The whole value selected, the cursor at its start: what is typed next replaces
        it (a bad value the save pointed at, in a field already full to max_length)."""
        if self.value:
            self.selection = Selection(len(self.value), 0)

    def _select_from_start(self) -> None:
        if self.value and self.selection == Selection(0, len(self.value)):
            self.selection = Selection(len(self.value), 0)

    def _on_blur(self, event: events.Blur) -> None:
        self.show_start()

    async def _on_key(self, event: events.Key) -> None:
        # Leaving the field (Tab, ↓, Enter) takes the suggestion shown after the text
        # («сем» → «семинар»): what the user saw in the field is what is saved.
        if event.key in ("tab", "down", "enter"):
            self.take_suggestion()
        await super()._on_key(event)

    def take_suggestion(self) -> None:
        suggestion = self._suggestion
        if (self.value and len(suggestion) > len(self.value)
                and self.cursor_position >= len(self.value)):
            self.value = suggestion
            self.cursor_position = len(suggestion)

    def show_start(self) -> None:
        """The cursor at the start and the text scrolled back to its beginning."""
        self.set_reactive(Input.selection, Selection.cursor(0))
        self.scroll_to(x=0, animate=False, force=True, immediate=True)
        self.refresh()


class DateField(TextField):
    """A date typed as ДД.ММ.ГГГГ."""

    def __init__(self, value: str = "", *, required: bool = False, **kwargs) -> None:
        kwargs.setdefault("placeholder", S.DATE_PLACEHOLDER)
        kwargs.setdefault("max_length", 10)
        super().__init__(value, validators=[DateValidator(required=required)],
                         validate_on=["blur", "submitted"], **kwargs)


class CheckField(MarkCheckbox):
    """A labelled checkbox (filters, dialogs), drawn «[x]» / «[ ]»."""

    def __init__(self, label: str = "", value: bool = False, **kwargs) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(label, value, **kwargs)


class FlagField(Widget, can_focus=True):
    """A yes/no field of a form: Space or Enter toggles; shows «да» / «нет»."""

    DEFAULT_CSS = """
    FlagField { height: 1; width: 1fr; background: $boost; padding: 0; }
    FlagField:focus { background: $block-cursor-background; color: $block-cursor-foreground; }
    """
    BINDINGS = [Binding("space,enter", "toggle", S.KEY_TOGGLE, key_display=S.FIELD_KEY_SPACE)]

    value: reactive[bool] = reactive(False)

    class Changed(Message):
        def __init__(self, field: FlagField, value: bool) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> FlagField:
            return self.field

    def __init__(self, value: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.set_reactive(FlagField.value, value)

    def render(self) -> Text:
        return Text(f"[{'X' if self.value else ' '}] {S.YES.lower() if self.value else S.NO.lower()}")

    def action_toggle(self) -> None:
        self.value = not self.value
        self.post_message(self.Changed(self, self.value))


class ChoiceField(Widget, can_focus=True):
    """A value chosen from a list: Enter, F4 or Space opens the chooser.

    ``multiple`` makes it a multi-choice (positions, subjects, members). ``value`` is a
    list of the chosen keys in both cases.
    """

    DEFAULT_CSS = """
    ChoiceField { height: 1; width: 1fr; background: $boost; padding: 0; }
    ChoiceField:focus { background: $block-cursor-background; color: $block-cursor-foreground; }
    ChoiceField.-invalid { background: $error 30%; }
    """
    BINDINGS = [
        Binding("f4,enter,space", "choose", S.KEY_CHOOSE, key_display="F4"),
        Binding("delete", "clear", show=False),
    ]

    value: reactive[tuple[str, ...]] = reactive((), layout=False)

    class Changed(Message):
        def __init__(self, field: ChoiceField, value: list[str]) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ChoiceField:
            return self.field

    def __init__(self, options: Sequence[tuple[str, str]] | Sequence[str], *,
                 value: Sequence[str] = (), multiple: bool = False, title: str = "",
                 allow_empty: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.options = [(o, o) if isinstance(o, str) else tuple(o) for o in options]
        self.multiple = multiple
        self.title = title
        self.allow_empty = allow_empty
        self.set_reactive(ChoiceField.value, tuple(value))

    def set_options(self, options: Sequence[tuple[str, str]]) -> None:
        self.options = list(options)
        self.refresh()

    def label_of(self, key: str) -> str:
        return next((label for k, label in self.options if k == key), key)

    def render(self) -> Text:
        if not self.value:
            return Text(S.NOT_SELECTED, style="dim")
        width = self.content_size.width or 1000     # not laid out yet: rendered again then
        return Text(summary([self.label_of(k) for k in self.value], width), no_wrap=True,
                    overflow="ellipsis")

    @property
    def single(self) -> str | None:
        return self.value[0] if self.value else None

    _chooser = None

    def action_choose(self, typed: str = "") -> None:
        from metodkab.screens.dialogs import ChooserScreen

        if self._chooser is not None:   # letters typed fast reach the field before the list
            if typed:
                self._chooser.type_more(typed)
            return

        def chosen(result: list[str] | None) -> None:
            self._chooser = None
            if result is not None:
                self.set_value(result)
            self.focus()

        self._chooser = ChooserScreen(self.title, self.options, selected=self.value,
                                      multiple=self.multiple, allow_empty=self.allow_empty,
                                      typed=typed)
        self.app.push_screen(self._chooser, callback=chosen)

    def _on_key(self, event: events.Key) -> None:
        # A letter typed on the field opens the chooser with it in the filter (it was lost);
        # while the chooser opens, whatever is typed (a space too) goes on in the filter.
        if not (event.is_printable and event.character):
            return
        if self._chooser is not None or not event.character.isspace():
            event.stop()
            event.prevent_default()
            self.action_choose(event.character)

    def action_clear(self) -> None:
        if self.allow_empty:
            self.set_value([])

    def set_value(self, value: Sequence[str]) -> None:
        new = tuple(value)
        if new != self.value:
            self.value = new
            self.post_message(self.Changed(self, list(new)))


def required_label(label: str, room: int) -> str:
    """«Фамилия *»; a label that wraps keeps the star on its last word («…деятельности*»),
    never alone on a line of its own."""
    last = label.rsplit(" ", 1)[-1]
    lines: list[str] = []
    for word in label.split(" "):      # the label as the column wraps it
        if lines and len(lines[-1]) + 1 + len(word) <= room:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return label + (" *" if len(lines[-1]) + 2 <= room else "*") if last else label


class _FormLabel(Label):
    """A form row's label: a screen may give the labels a wider column (Настройки: 24),
    then «Полное наименование *» gets its space, as «Имя *», not the narrow column's «…*»."""

    def on_resize(self) -> None:
        row = self.parent.parent if self.parent is not None else None
        if isinstance(row, FormRow):
            row._show_label()


class FormRow(Vertical):
    """Label | field, the field's Russian error under it (only while there is one), so the
    field takes the width the label leaves instead of half of it."""

    DEFAULT_CSS = """
    FormRow { height: auto; min-height: 1; margin-bottom: 0; }
    FormRow > .form-line { height: auto; }
    FormRow .form-label { width: 20; min-width: 14; padding-right: 1; color: $text-muted; }
    FormRow .form-field { width: 1fr; max-width: 64; }
    FormRow > .form-error { color: $error; padding-left: 20; height: auto; display: none; }
    FormRow > .form-error.-shown { display: block; }
    FormRow.-required .form-label { color: $text; }
    """
    LABEL_ROOM = 19         # the label's width less its padding

    def __init__(self, label: str, field: Widget, *, name: str, required: bool = False) -> None:
        super().__init__(id=f"row-{name}", classes="-required" if required else "")
        self.label_plain = label
        self.required = required
        self.label_text = required_label(label, self.LABEL_ROOM) if required else label
        self.field = field
        self.field.add_class("form-field")
        self.field_name = name

    def compose(self) -> ComposeResult:
        with Horizontal(classes="form-line"):
            yield _FormLabel(self.label_text, classes="form-label")
            yield self.field
        yield Static("", classes="form-error", id=f"error-{self.field_name}")

    def set_label(self, label: str) -> None:
        """Another label (e.g. «Участники (3)»), the star kept on a required field."""
        self.label_plain = label
        self._show_label()

    def _show_label(self) -> None:
        label = self.query_one(".form-label", Label)
        room = label.content_size.width or self.LABEL_ROOM
        text = required_label(self.label_plain, room) if self.required else self.label_plain
        if text != self.label_text:
            self.label_text = text
            label.update(text)

    def show_error(self, message: str) -> None:
        error = self.query_one(".form-error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")
        self.field.set_class(bool(message), "-invalid")
