"""The forms of a mentorship's card: a meeting or planned activity (EventFormScreen), the
goals or result as free text (TextDialog), and completing or breaking off the pair
(CloseDialog)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static, TextArea

from metodkab import strings as S
from metodkab.domain.models import MentorshipEvent, Record
from metodkab.domain.parse import format_date, parse_date
from metodkab.reports import mentorship as rules
from metodkab.screens.base import CheckBeforeSave, FormScreen
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.storage import mentorship as store_m
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.fields import ChoiceField, DateField, TextField
from metodkab.widgets.form import FieldSpec


class EventFormScreen(CheckBeforeSave, FormScreen):
    """A meeting or a planned activity: date, topic, form, status, outcome."""

    MODEL = MentorshipEvent
    SCREEN_TITLE = S.MENT_TITLE

    def __init__(self, record_id: str | None = None, *, initial: dict[str, Any] | None = None,
                 pair: str = "") -> None:
        super().__init__(record_id, initial=initial)
        self.pair = pair

    def field_specs(self) -> list[FieldSpec]:
        statuses = [(k, S.MENT_EV_STATUS_LABELS[k]) for k in S.MENT_EV_STATUS_LABELS]
        return [
            FieldSpec("date", S.MENT_EV_F_DATE, lambda: DateField(), required=True),
            FieldSpec("topic", S.MENT_EV_F_TOPIC, lambda: TextField(max_length=300),
                      required=True),
            FieldSpec("form", S.MENT_EV_F_FORM, lambda: ChoiceField([], title=S.MENT_EV_F_FORM),
                      kind="choice"),
            FieldSpec("status", S.MENT_EV_F_STATUS,
                      lambda: ChoiceField(statuses, allow_empty=False, value=["проведено"],
                                          title=S.MENT_EV_F_STATUS), kind="choice"),
            FieldSpec("outcome", S.MENT_EV_F_OUTCOME, lambda: TextField(max_length=1000)),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None and self.record_id is not None:
            return S.LOADING
        if record is None:
            planned = self.initial_values.get("status") == "запланировано"
            head = S.MENT_EV_NEW_PLANNED if planned else S.MENT_EV_NEW_MEETING
        else:
            head = S.MENT_EV_EDIT
        return f"{head}: {self.pair}" if self.pair else head

    def load_extra(self, store) -> dict[str, Any]:
        return {"forms": store_m.event_form_options(store, S.MENT_EVENT_FORMS)}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.form.widget("form").set_options([(f, f) for f in extra["forms"]])

    def _loaded(self, result) -> None:
        super()._loaded(result)
        if self.record is None and self.initial_values.get("date"):
            self.form.widget("topic").focus()      # the date is already today's

    def warnings_for(self, store, record: Record) -> list[str]:
        return [f.message for f in store_m.check_event(store, record, store.clock.today())]

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return store_m.save_event(store, record)  # type: ignore[arg-type]


# --- dialogs -----------------------------------------------------------------------------------


class TextDialog(BoxDialog[str | None]):
    """Several lines of text (the programme's goals, the result): Ctrl+S saves, Esc cancels."""

    DEFAULT_CSS = """
    TextDialog > Vertical { width: 76; height: 18; max-height: 95%; }
    TextDialog #text-title { text-style: bold; }
    TextDialog TextArea { height: 1fr; }
    TextDialog .hint { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", S.KEY_SAVE, key_display="Ctrl+S"),
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
    ]

    def __init__(self, title: str, text: str, *, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, id="text-title")
            if self.hint:
                yield Static(self.hint, classes="hint")
            yield TextArea(self.text, id="text", soft_wrap=True, show_line_numbers=False)
            yield Static(S.MENT_TEXT_KEYS, classes="hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        if not getattr(self.app, "blink", True):
            area.cursor_blink = False
        area.move_cursor(area.document.end)      # ready to add a line
        area.focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        if self.query_one(TextArea).text.strip() == self.text.strip():
            self.dismiss(None)
            return
        self.app.push_screen(ConfirmDialog(S.UNSAVED_CHANGES),
                             callback=lambda drop: drop and self.dismiss(None))


@dataclass(frozen=True)
class CloseResult:
    status: str
    day: dt.date
    result: str


class CloseDialog(BoxDialog[CloseResult | None]):
    """Complete or break off a pair: how, the date (today by default), the result."""

    DEFAULT_CSS = """
    CloseDialog > Vertical { width: 76; max-height: 95%; }
    CloseDialog #close-title { text-style: bold; }
    CloseDialog .row { height: 1; margin-top: 1; }
    CloseDialog .row > Label { width: 16; color: $text-muted; }
    CloseDialog .row > ChoiceField { width: 1fr; }
    CloseDialog .row > DateField { width: 12; }
    CloseDialog .hint { color: $text-muted; }
    CloseDialog TextArea { height: 5; }
    CloseDialog #close-warnings { color: $warning; height: auto; }
    CloseDialog #close-errors { color: $error; height: auto; }
    CloseDialog .buttons { height: auto; }
    CloseDialog Button { margin-right: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "apply", S.KEY_OK, key_display="Ctrl+S"),
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
    ]

    def __init__(self, title: str, pair: rules.PairFacts, held: int, planned: int,
                 today: dt.date, result: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.pair = pair
        self.held = held
        self.planned = planned
        self.today = today
        self.result_text = result

    def compose(self) -> ComposeResult:
        choices = [("завершена", S.MENT_CLOSE_COMPLETE), ("прервана", S.MENT_CLOSE_BREAK)]
        with Vertical():
            yield Label(S.MENT_CLOSE_TITLE, id="close-title")
            yield Label(self.title_text, classes="hint")
            with Horizontal(classes="row"):
                yield Label(S.MENT_CLOSE_HOW)
                yield ChoiceField(choices, value=["завершена"], allow_empty=False,
                                  title=S.MENT_CLOSE_HOW, id="close-status")
            with Horizontal(classes="row"):
                yield Label(S.MENT_CLOSE_DATE)
                yield DateField(format_date(self.today), id="close-date")
            yield Label(S.MENT_CLOSE_RESULT, id="close-result-label")
            yield TextArea(self.result_text, id="close-result", soft_wrap=True)
            warnings = rules.closing_warnings(self.held, self.planned)
            yield Static("\n".join(f"⚠ {w}" for w in warnings), id="close-warnings")
            yield Static("", id="close-errors")
            with Horizontal(classes="buttons"):
                yield Button(S.KEY_OK, variant="primary", id="apply")
                yield Button(S.KEY_CANCEL, id="cancel")
            yield Static(S.MENT_CLOSE_KEYS, classes="hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        if not getattr(self.app, "blink", True):
            area.cursor_blink = False
        area.move_cursor(area.document.end)
        self.query_one("#close-status").focus()

    @on(ChoiceField.Changed, "#close-status")
    def _status_changed(self, event: ChoiceField.Changed) -> None:
        self.query_one("#close-result-label", Label).update(
            S.MENT_CLOSE_RESULT if self.query_one("#close-status", ChoiceField).single
            == "завершена" else S.MENT_CLOSE_REASON)

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        status = self.query_one("#close-status", ChoiceField).single or "завершена"
        text = self.query_one(TextArea).text.strip()
        errors: dict[str, str] = {}
        try:
            day = parse_date(self.query_one("#close-date", DateField).value)
        except ValueError as exc:
            day = None
            errors["date"] = str(exc)
        more, _ = rules.check_closing(status, day, text, self.pair, self.held, self.planned)
        errors = {**more, **errors}
        if errors:
            self.query_one("#close-errors", Static).update("\n".join(errors.values()))
            (self.query_one("#close-date") if "date" in errors else self.query_one(TextArea)).focus()
            return
        assert day is not None
        self.dismiss(CloseResult(status, day, text))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
