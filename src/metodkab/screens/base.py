"""What every screen shares: database calls off the UI thread, the form pattern.

``run_db`` runs a storage function in a thread worker and hands the result back on the
UI thread; a failure becomes a Russian message in a dialog, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from metodkab import strings as S
from metodkab.widgets.fields import ChoiceField, TextField
from metodkab.widgets.form import FieldSpec, Form
from metodkab.widgets.table import row_at_cursor
from metodkab.widgets.text import plain

if TYPE_CHECKING:   # the dashboard (an AppScreen) starts without the models
    from metodkab.domain.models import Record

T = TypeVar("T")


class DbCalls:
    """Mixin for screens: ``self.run_db(fn, *args, done=callback)``."""

    def run_db(self: Any, fn: Callable[..., T], *args: Any, done: Callable[[T], None] | None = None,
               group: str = "db", exclusive: bool = False, failed: Callable[[], None] | None = None,
               **kwargs: Any) -> None:
        app = self.app

        def work() -> None:
            worker = get_current_worker()
            try:
                result = app.store.run(fn, *args, **kwargs)
            except Exception as exc:  # shown to the user as a Russian message
                app.store.roll_back_open()
                if not worker.is_cancelled:
                    app.call_from_thread(app.report_error, exc)
                    if failed is not None:
                        app.call_from_thread(failed)
                return
            if done is not None and not worker.is_cancelled:
                app.call_from_thread(self._deliver, done, result)

        self.run_worker(work, thread=True, group=group, exclusive=exclusive, exit_on_error=False)

    def _deliver(self: Any, done: Callable[[T], None], result: T) -> None:
        if self.is_attached:
            done(result)


class AppScreen(DbCalls, Screen):
    """A section screen: header, body, footer; Esc goes back to the dashboard."""

    SCREEN_TITLE = ""

    def on_screen_resume(self) -> None:
        self.app.sub_title = self.SCREEN_TITLE


class TableScreen(AppScreen):
    """A section screen around a table: the table has the focus when the screen opens, and
    the screen reads its data again (its ``reload``) each time it is shown — after a form,
    a card or another section. ``current_row`` is the one of ``self.rows`` under the
    cursor, found by its ``ROW_KEY`` attribute (the table's row key)."""

    ROW_KEY = "id"

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.reload()       # type: ignore[attr-defined]

    def current_row(self) -> Any:
        return row_at_cursor(self.query_one(DataTable), getattr(self, "rows", ()), self.ROW_KEY)


class FormScreen(DbCalls, Screen[str | None]):
    """Edit one record: Ctrl+S saves (nothing while anything is invalid), Esc asks
    before dropping unsaved changes. Dismisses with the saved record's id, or None.
    """

    MODEL: type[Record]
    BINDINGS = [
        Binding("ctrl+s", "save", S.KEY_SAVE, key_display="Ctrl+S", id="save"),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]
    DEFAULT_CSS = """
    FormScreen #form-title { background: $primary-background; padding: 0 1; text-style: bold; }
    FormScreen #form-message { color: $error; padding: 0 1; height: auto; }
    """

    def __init__(self, record_id: str | None = None, *, initial: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.record_id = record_id
        self.initial_values = initial or {}
        self.record: Record | None = None
        self.saved_snapshot: dict[str, Any] = {}
        self.touched: set[str] = set()
        self.tried_save = False
        self.saving = False

    # --- what a concrete form provides --------------------------------------------------
    def field_specs(self) -> list[FieldSpec]:
        """The form's fields, in order."""
        return []

    def title_for(self, record: Record | None) -> str:
        """The title line: the record's name, or "new …"."""
        return ""

    def load_extra(self, store) -> dict[str, Any]:
        """Options the form needs from the database (runs in a worker)."""
        return {}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        """Give the loaded options to the fields (UI thread)."""

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        """Write the record (runs in a worker; ``values`` are the form's raw values)."""
        from metodkab.storage import repo

        return repo.save(store, record)

    # --- the pattern --------------------------------------------------------------------
    def compose(self):
        yield Header(icon="≡")
        yield Static(plain(self.title_for(None)), id="form-title")
        yield Form(self.field_specs(), id="form")
        yield Static("", id="form-message")
        yield Footer()

    @property
    def form(self) -> Form:
        return self.query_one(Form)

    def on_mount(self) -> None:
        self.form.disabled = True
        self.run_db(self._load, done=self._loaded)

    def _load(self, store) -> tuple[Record | None, dict[str, Any]]:
        from metodkab.storage import repo

        record = repo.get(store, self.MODEL, self.record_id) if self.record_id else None
        return record, self.load_extra(store)

    def _loaded(self, result: tuple[Record | None, dict[str, Any]]) -> None:
        record, extra = result
        self.record = record
        self.apply_extra(extra)
        if record is not None:
            self.form.load(record.model_dump())
        else:
            self.form.load(self.initial_values)
        self.query_one("#form-title", Static).update(plain(self.title_for(record)))
        self.form.show_errors({})
        self.query_one("#form-message", Static).update("")
        self.form.disabled = False
        self.saved_snapshot = self.form.values()
        first = self.form.widget(self.form.specs[0].name)
        first.focus()

    def follow_person(self, event: ChoiceField.Changed, name: str,
                      options: Callable[..., Any]) -> bool:
        """When «Сотрудник» (``staff_id``) changes, the field ``name`` — choices that belong
        to one person — is emptied and given the new person's, read by
        ``options(store, staff_id)``. True if the event was «Сотрудник»."""
        if event.field.id != "field-staff_id":
            return False
        field = self.form.widget(name)
        field.set_value([])
        self.run_db(options, event.field.single, done=field.set_options)
        return True

    def reload(self) -> None:
        """Read the stored record again, dropping whatever was typed (a form that is a
        section's screen stays alive after it is closed)."""
        self.touched.clear()
        self.tried_save = False
        self.saved_snapshot = {}
        self.form.disabled = True
        self.run_db(self._load, done=self._loaded)

    @property
    def dirty(self) -> bool:
        return bool(self.saved_snapshot) and self.form.values() != self.saved_snapshot

    def _data(self) -> dict[str, Any]:
        data = self.form.values()
        if self.record is not None:
            base = self.record.model_dump()
            base.update(data)
            data = base
        else:
            data = {**self.initial_values, **data}
        return data

    def validate_form(self) -> tuple[Record | None, dict[str, str]]:
        from metodkab.domain.models import validate

        record, errors = validate(self.MODEL, self._data(), today=self.app.store.clock.today())
        return record, errors

    def _refresh_errors(self) -> None:
        _, errors = self.validate_form()
        self.form.show_errors(errors, None if self.tried_save else self.touched)
        known = set(self.form.rows)
        other = [m for f, m in errors.items() if f not in known]
        message = other[0] if other and self.tried_save else ""
        self.query_one("#form-message", Static).update(plain(message))

    def on_descendant_blur(self, event) -> None:
        widget = event.widget if hasattr(event, "widget") else None
        name = self._field_name(widget)
        if name:
            self.touched.add(name)
            self._refresh_errors()

    def on_input_changed(self, event) -> None:
        name = self._field_name(event.input)
        if name and (name in self.touched or self.tried_save):
            self._refresh_errors()

    def on_input_submitted(self, event) -> None:
        self.app.action_focus_next()

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        name = self._field_name(event.field)
        if name:
            self.touched.add(name)
            self._refresh_errors()

    def on_flag_field_changed(self, event) -> None:
        name = self._field_name(event.field)
        if name:
            self.touched.add(name)
            self._refresh_errors()

    @staticmethod
    def _field_name(widget: Widget | None) -> str | None:
        if widget is None or not widget.id or not widget.id.startswith("field-"):
            return None
        return widget.id.removeprefix("field-")

    def action_save(self) -> None:
        if self.saving or self.form.disabled:
            return
        self.tried_save = True
        record, errors = self.validate_form()
        self._refresh_errors()
        if errors:
            # A «Сохранено» of an earlier save, still shown, read as if this one had
            # saved and covered the field's error: only the refusal is shown.
            self.app.clear_notifications()
            self.notify(S.FORM_HAS_ERRORS, severity="error")
            target = self.form.first_invalid(errors)
            if target is not None:
                target.focus()
                if isinstance(target, TextField):
                    # Focus alone selects nothing in the field that already has it: the
                    # corrected value typed next was dropped by a full field.
                    self.call_after_refresh(target.select_whole)
            return
        self.saving = True

        def saved(record_id: str) -> None:
            self.saving = False
            self.saved_snapshot = self.form.values()
            self.app.notify(S.SAVED)
            self.close(record_id)

        def failed() -> None:
            self.saving = False

        self.run_db(self.save_record, record, self.form.values(), done=saved, failed=failed)

    def close(self, record_id: str | None) -> None:
        """Leave the form (a pushed form returns the saved id to its caller)."""
        self.dismiss(record_id)

    def action_back(self) -> None:
        if not self.dirty:
            self.close(None)
            return
        from metodkab.screens.dialogs import ConfirmDialog

        def answer(drop: bool | None) -> None:
            if drop:
                self.close(None)

        self.app.push_screen(ConfirmDialog(S.UNSAVED_CHANGES), callback=answer)


class PersonFormScreen(FormScreen):
    """A form of one person's record: opened from the card with the person chosen, the
    cursor starts on the first field after «Сотрудник»."""

    def load_extra(self, store) -> dict[str, Any]:
        from metodkab.storage.staff import staff_choices

        return {"staff": staff_choices(store, include_dismissed=True)}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.form.widget("staff_id").set_options(extra["staff"])

    def _loaded(self, result) -> None:
        super()._loaded(result)
        if self.record_id is None and self.initial_values.get("staff_id"):
            self.form.widget(self.form.specs[1].name).focus()


class CheckBeforeSave:
    """A FormScreen mixin: once the form is valid, storage checks the record; warnings are
    shown in a dialog and the user may save anyway (a rule of thumb, not a law; real
    histories have exceptions). Trainings, categories, routes and mentorship share it.

    ``confirm_more`` can ask one more question (e.g. "the whole group?") before saving.
    """

    def warnings_for(self, store, record: Record) -> list[str]:
        return []

    def facts_for(self, store, record: Record) -> Any:
        """Anything else ``confirm_more`` needs, read in the same worker call."""
        return None

    def confirm_more(self, record: Record, facts: Any, proceed: Callable[[], None]) -> None:
        proceed()

    def _checks(self, store, record: Record) -> tuple[list[str], Any]:
        return self.warnings_for(store, record), self.facts_for(store, record)

    def action_save(self: Any) -> None:
        if self.saving or self.form.disabled:
            return
        record, errors = self.validate_form()
        if errors:
            FormScreen.action_save(self)
            return
        self.saving = True

        def failed() -> None:
            self.saving = False

        def checked(result: tuple[list[str], Any]) -> None:
            self.saving = False
            messages, facts = result

            def go() -> None:
                self.confirm_more(record, facts, lambda: FormScreen.action_save(self))

            if not messages:
                go()
                return
            items = "\n".join(f"• {m}" for m in messages)
            from metodkab.screens.dialogs import ConfirmDialog

            self.app.push_screen(ConfirmDialog(S.TR_WARN_CONFIRM.format(items=items),
                                               yes=S.TR_SAVE_ANYWAY, no=S.TR_FIX),
                                 callback=lambda yes: go() if yes else None)

        self.run_db(self._checks, record, done=checked, failed=failed)
