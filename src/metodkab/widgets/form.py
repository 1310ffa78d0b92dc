"""A form built from field specs: rows of label | field | error, values in and out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Static

from metodkab.domain.parse import format_date
from metodkab.widgets.fields import ChoiceField, FlagField, FormRow


@dataclass
class FieldSpec:
    """One field of a form: its model field ``name``, label and widget factory.

    ``kind`` says how the widget's value maps to the model: text, date, choice (one
    value or None), multi (a list), flag (bool).
    """

    name: str
    label: str
    make: Callable[[], Widget]
    kind: str = "text"
    required: bool = False
    section: str | None = None
    options: Callable[[], Sequence[tuple[str, str]]] | None = field(default=None, repr=False)


class Form(VerticalScroll):
    """The rows of a form; reads and writes values as model-ready dicts."""

    DEFAULT_CSS = """
    Form { height: 1fr; padding: 0 1; }
    Form > .form-section { color: $accent; text-style: bold; margin-top: 1; }
    """

    def __init__(self, specs: Sequence[FieldSpec], **kwargs) -> None:
        super().__init__(**kwargs)
        self.specs = list(specs)
        self.rows: dict[str, FormRow] = {}

    def compose(self) -> ComposeResult:
        section = None
        for spec in self.specs:
            if spec.section and spec.section != section:
                section = spec.section
                yield Static(section, classes="form-section")
            widget = spec.make()
            widget.id = f"field-{spec.name}"
            row = FormRow(spec.label, widget, name=spec.name, required=spec.required)
            self.rows[spec.name] = row
            yield row

    def widget(self, name: str) -> Widget:
        return self.rows[name].field

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for spec in self.specs:
            widget = self.widget(spec.name)
            if spec.kind == "flag":
                data[spec.name] = bool(widget.value)  # type: ignore[attr-defined]
            elif spec.kind == "choice":
                data[spec.name] = widget.single  # type: ignore[attr-defined]
            elif spec.kind == "multi":
                data[spec.name] = list(widget.value)  # type: ignore[attr-defined]
            else:
                data[spec.name] = widget.value.strip()  # type: ignore[attr-defined]
        return data

    def load(self, data: dict[str, Any]) -> None:
        for spec in self.specs:
            if spec.name not in data:
                continue
            value = data[spec.name]
            widget = self.widget(spec.name)
            if isinstance(widget, ChoiceField):
                if value is None:
                    widget.set_reactive(ChoiceField.value, ())
                elif isinstance(value, (list, tuple)):
                    widget.set_reactive(ChoiceField.value, tuple(value))
                else:
                    widget.set_reactive(ChoiceField.value, (value,))
                widget.refresh()
            elif isinstance(widget, (Checkbox, FlagField)):
                widget.value = bool(value)
            elif isinstance(widget, Input):
                if isinstance(value, dt.date):
                    value = format_date(value)
                elif isinstance(value, float):      # 18.0 → «18», 34.5 → «34,5»
                    value = f"{value:.10g}".replace(".", ",")
                widget.value = "" if value is None else str(value)
                widget.cursor_position = 0

    def show_errors(self, errors: dict[str, str], only: set[str] | None = None) -> None:
        """Show each field's error beside it (``only``: the fields the user has touched)."""
        for name, row in self.rows.items():
            message = errors.get(name, "")
            if only is not None and name not in only:
                message = ""
            row.show_error(message)

    def first_invalid(self, errors: dict[str, str]) -> Widget | None:
        for spec in self.specs:
            if spec.name in errors:
                return self.widget(spec.name)
        return None
