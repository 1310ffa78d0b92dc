"""Импорт из таблицы: which column holds what. Every column of the file with its header and
first values, and the field it goes to (F4 to choose); a mapping can be taken from a saved
template or saved as one. Returns the mapping, or None on Esc."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, Static

from metodkab import strings as S
from metodkab.importing.mapping import (Mapping, SavedMapping, field_label, fields, problems,
                                        save_mapping, saved_mappings)
from metodkab.importing.session import Loaded
from metodkab.screens.base import DbCalls
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.fields import ChoiceField, TextField
from metodkab.widgets.text import plain, say

LABEL_WIDTH = 24


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class ImportMappingDialog(DbCalls, BoxDialog[Mapping | None]):
    DEFAULT_CSS = """
    ImportMappingDialog > Vertical { width: 100; height: 96%; max-height: 40; }
    ImportMappingDialog #map-title { text-style: bold; }
    ImportMappingDialog VerticalScroll { height: 1fr; }
    ImportMappingDialog .map-row { height: 1; }
    ImportMappingDialog .map-row > .map-column { width: 24; color: $text; }
    ImportMappingDialog .map-row > ChoiceField { width: 26; margin-right: 1; }
    ImportMappingDialog .map-row > .map-sample { width: 1fr; color: $text-muted; }
    ImportMappingDialog .map-head > Static { color: $text-muted; text-style: underline; }
    ImportMappingDialog .map-head > .map-meaning { width: 26; margin-right: 1; }
    ImportMappingDialog .map-line { height: 1; }
    ImportMappingDialog .map-line > Label { width: 24; color: $text-muted; }
    ImportMappingDialog .map-line > TextField, ImportMappingDialog .map-line > ChoiceField {
        width: 1fr;
    }
    ImportMappingDialog #map-error { color: $error; height: auto; }
    ImportMappingDialog .hint { color: $text-muted; height: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "apply", S.KEY_OK, key_display="Ctrl+S"),
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, loaded: Loaded) -> None:
        super().__init__()
        assert loaded.sheet is not None
        self.loaded = loaded
        self.sheet = loaded.sheet
        self.kind = loaded.kind
        self.templates: list[SavedMapping] = []

    def compose(self) -> ComposeResult:
        options = [(key, field_label(key)) for key in fields(self.kind)]
        mapping = self.loaded.mapping or {}
        with Vertical():
            yield Label(f"{S.IMP_MAP_TITLE} — {S.IMP_KIND_LABELS[self.kind]}", id="map-title")
            with Horizontal(classes="map-line"):
                yield Label(S.IMP_MAP_USE_TEMPLATE)
                yield ChoiceField([], title=S.IMP_MAP_USE_TEMPLATE, id="map-template")
            with Horizontal(classes="map-row map-head"):
                column, meaning, values = S.IMP_MAP_HEAD
                yield Static(column, classes="map-column")
                yield Static(meaning, classes="map-meaning")
                yield Static(values, classes="map-sample")
            with VerticalScroll():
                for index in range(self.sheet.width):
                    with Horizontal(classes="map-row"):
                        yield Static(plain(_short(self.sheet.column_label(index),
                                                  LABEL_WIDTH)), classes="map-column")
                        yield ChoiceField(options, value=[mapping[index]] if index in mapping
                                          else [], title=_short(self.sheet.column_label(index),
                                                                60),
                                          id=f"col-{index}")
                        yield Static(plain(_short(" · ".join(self.sheet.samples(index)), 60)),
                                     classes="map-sample")
            with Horizontal(classes="map-line"):
                yield Label(S.IMP_MAP_TEMPLATE_NAME)
                yield TextField(self.loaded.template, placeholder=S.IMP_MAP_TEMPLATE_PLACEHOLDER,
                                max_length=60, id="map-name")
            yield Static(plain(self.loaded.message if self.loaded.plan is None else ""),
                         id="map-error")
            yield Static(S.IMP_MAP_HINT, classes="hint")

    def on_mount(self) -> None:
        if self.sheet.width:
            self.query_one("#col-0").focus()

        def loaded(templates: list[SavedMapping]) -> None:
            self.templates = templates
            self.query_one("#map-template", ChoiceField).set_options(
                [(t.name, t.name) for t in templates])

        self.run_db(saved_mappings, self.kind, done=loaded)

    def columns(self) -> Mapping:
        result: Mapping = {}
        for index in range(self.sheet.width):
            key = self.query_one(f"#col-{index}", ChoiceField).single
            if key:
                result[index] = key
        return result

    @on(ChoiceField.Changed)
    def _changed(self, event: ChoiceField.Changed) -> None:
        field_id = event.field.id or ""
        if field_id == "map-template":
            chosen = next((t for t in self.templates if event.value and t.name == event.value[0]),
                          None)
            if chosen is not None:
                self._set(chosen.apply(self.sheet.headers))
                self.query_one("#map-name", TextField).value = chosen.name
            return
        if not field_id.startswith("col-") or not event.value:
            return
        for index in range(self.sheet.width):     # a field goes to one column: move it here
            other = self.query_one(f"#col-{index}", ChoiceField)
            if other is not event.field and other.single == event.value[0]:
                other.set_value([])
        self.query_one("#map-error", Static).update("")

    def _set(self, mapping: Mapping) -> None:
        for index in range(self.sheet.width):
            field = self.query_one(f"#col-{index}", ChoiceField)
            field.set_reactive(ChoiceField.value, (mapping[index],) if index in mapping else ())
            field.refresh()

    def action_apply(self) -> None:
        mapping = self.columns()
        trouble = problems(mapping, self.kind)
        if trouble:
            self.query_one("#map-error", Static).update(plain(" ".join(trouble)))
            return
        name = self.query_one("#map-name", TextField).value.strip()
        if not name:
            self.dismiss(mapping)
            return

        def saved(saved_name: str) -> None:
            say(self.app, S.IMP_MAP_TEMPLATE_SAVED.format(name=saved_name))
            self.dismiss(mapping)

        self.run_db(save_mapping, name, self.kind, self.sheet.headers, mapping, done=saved)

    def action_cancel(self) -> None:
        self.dismiss(None)
