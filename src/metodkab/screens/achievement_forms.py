"""Forms of the teacher's growth: one achievement, a group entry of one event for several
people (a seminar and its speakers), and one short learning (самообразование); Del on an
achievement and its cells in a table, shared by the register and the card's tab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Label

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.models import Achievement, Record, ShortLearning
from metodkab.domain.parse import format_date
from metodkab.screens.base import FormScreen
from metodkab.screens.dialogs import ActionChoiceDialog, ConfirmDialog
from metodkab.storage import achievements as store_g
from metodkab.storage.achievements import AchievementRow
from metodkab.storage.staff import staff_choices
from metodkab.widgets.fields import ChoiceField, DateField, TextField
from metodkab.widgets.form import FieldSpec
from metodkab.widgets.table import fit_name


def _event_specs() -> list[FieldSpec]:
    """The fields of an achievement shared by the single and the group form."""
    return [
        FieldSpec("kind", S.GR_F_KIND,
                  lambda: ChoiceField(V.ACHIEVEMENT_KINDS, allow_empty=False, title=S.GR_F_KIND),
                  kind="choice", required=True),
        FieldSpec("level", S.GR_F_LEVEL,
                  lambda: ChoiceField(V.ACHIEVEMENT_LEVELS, allow_empty=False,
                                      title=S.GR_F_LEVEL),
                  kind="choice", required=True),
        FieldSpec("date", S.GR_F_DATE, lambda: DateField(), required=True),
        FieldSpec("title", S.GR_F_TITLE, lambda: TextField(max_length=500), required=True),
        FieldSpec("result", S.GR_F_RESULT,
                  lambda: ChoiceField(V.ACHIEVEMENT_RESULTS, title=S.GR_F_RESULT),
                  kind="choice"),
        FieldSpec("organiser", S.GR_F_ORGANISER, lambda: TextField(max_length=300)),
    ]


def _evidence_spec() -> FieldSpec:
    return FieldSpec("evidence", S.GR_F_EVIDENCE,
                     lambda: TextField(max_length=300, placeholder=S.GR_EVIDENCE_PLACEHOLDER))


class EvidenceFile:
    """F4 on «Подтверждение»: choose the file that proves it; its path is kept, the file is
    never copied into the database."""

    EVIDENCE_BINDING = Binding("f4", "pick_evidence", S.GR_KEY_PICK_FILE, key_display="F4",
                               show=False)

    def action_pick_evidence(self: Any) -> None:
        from metodkab.screens.exchange_files import PathDialog

        field = self.form.widget("evidence")
        if self.focused is not field:
            return
        typed = Path(field.value.strip().strip('"')) if field.value.strip() else None
        folder = typed.parent if typed is not None and typed.parent.is_dir() else None

        def chosen(path: Path | None) -> None:
            if path is not None:
                field.value = str(path)
            field.focus()

        self.app.push_screen(PathDialog(S.GR_EVIDENCE_PICK, want="file", folder=folder,
                                        hint=S.GR_EVIDENCE_HINT), callback=chosen)


def _blank_result(data: dict[str, Any]) -> dict[str, Any]:
    if data.get("result") is None:
        data["result"] = ""
    return data


class AchievementFormScreen(EvidenceFile, FormScreen):
    """One achievement of one person. Editing a record of a group entry asks whether the
    change is for this person only or for everyone of the group."""

    MODEL = Achievement
    SCREEN_TITLE = S.GR_TITLE
    BINDINGS = [*FormScreen.BINDINGS, EvidenceFile.EVIDENCE_BINDING]

    def __init__(self, record_id: str | None = None, *,
                 initial: dict[str, Any] | None = None) -> None:
        super().__init__(record_id, initial=initial)
        self.scope = "one"

    def field_specs(self) -> list[FieldSpec]:
        return [FieldSpec("staff_id", S.GR_F_PERSON,
                          lambda: ChoiceField([], title=S.GR_F_PERSON),
                          kind="choice", required=True),
                *_event_specs(), _evidence_spec()]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.GR_NEW if self.record_id is None else S.LOADING
        return S.GR_EDIT.format(title=record.title)  # type: ignore[attr-defined]

    def load_extra(self, store) -> dict[str, Any]:
        return {"staff": staff_choices(store, include_dismissed=True)}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.form.widget("staff_id").set_options(extra["staff"])

    def _loaded(self, result) -> None:
        super()._loaded(result)
        if self.record_id is None and self.initial_values.get("staff_id"):
            self.form.widget("kind").focus()

    def _data(self) -> dict[str, Any]:
        return _blank_result(super()._data())

    def action_save(self) -> None:
        record, errors = self.validate_form()
        if errors or record is None or not record.group_id:  # type: ignore[attr-defined]
            self.scope = "one"
            super().action_save()
            return

        def asked(facts: tuple[int, bool]) -> None:
            size, changed = facts
            if size < 2 or not changed:
                self.scope = "one"
                FormScreen.action_save(self)
                return

            def chosen(scope: str | None) -> None:
                if scope:
                    self.scope = scope
                    FormScreen.action_save(self)

            self.app.push_screen(ActionChoiceDialog(
                S.GR_GROUP_EDIT_TITLE, S.GR_GROUP_EDIT_QUESTION.format(count=size),
                [("one", S.GR_GROUP_EDIT_ONE), ("all", S.GR_GROUP_EDIT_ALL.format(count=size))]),
                callback=chosen)

        self.run_db(_group_facts, record, done=asked)

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        if self.scope == "all":
            return store_g.update_group(store, record)  # type: ignore[arg-type]
        return store_g.save_achievement(store, record)  # type: ignore[arg-type]


def _group_facts(store, record: Achievement) -> tuple[int, bool]:
    return store_g.group_size(store, record.group_id), store_g.group_changed(store, record)


class GroupAchievementFormScreen(FormScreen):
    """One event with several participants, entered once: a record per person.

    Ctrl+G marks everyone employed. Dismisses with the group id."""

    MODEL = Achievement
    SCREEN_TITLE = S.GR_TITLE
    BINDINGS = [
        *FormScreen.BINDINGS,
        Binding("ctrl+g", "everyone", S.TR_KEY_EVERYONE, key_display="Ctrl+G", id="everyone"),
    ]

    def __init__(self, *, people: list[str] | None = None) -> None:
        super().__init__(None, initial={"staff_ids": list(people or [])})
        self.employed: list[tuple[str, str]] = []

    def field_specs(self) -> list[FieldSpec]:
        return [FieldSpec("staff_ids", S.GR_F_PEOPLE,
                          lambda: ChoiceField([], multiple=True, title=S.GR_F_PEOPLE),
                          kind="multi", required=True),
                *_event_specs()]

    def title_for(self, record: Record | None) -> str:
        return S.GR_GROUP_NEW

    def load_extra(self, store) -> dict[str, Any]:
        return {"staff": staff_choices(store)}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.employed = extra["staff"]
        self.form.widget("staff_ids").set_options(extra["staff"])

    def _loaded(self, result) -> None:
        super()._loaded(result)
        self._count_people()

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        super().on_choice_field_changed(event)
        if event.field.id == "field-staff_ids":
            self._count_people()

    def _count_people(self) -> None:
        count = len(self.form.widget("staff_ids").value)
        label = S.TR_F_PEOPLE_COUNT.format(count=count) if count else S.GR_F_PEOPLE
        self.form.rows["staff_ids"].query_one(".form-label", Label).update(f"{label} *")

    def action_everyone(self) -> None:
        field = self.form.widget("staff_ids")
        everyone = [key for key, _ in self.employed]
        field.set_value([] if list(field.value) == everyone else everyone)

    def _data(self) -> dict[str, Any]:
        data = _blank_result(super()._data())
        people = data.pop("staff_ids", None) or []
        data["staff_id"] = people[0] if people else "-"
        return data

    def validate_form(self) -> tuple[Record | None, dict[str, str]]:
        record, errors = super().validate_form()
        if not self.form.values()["staff_ids"]:
            return None, {"staff_ids": S.TR_GROUP_NEED_PEOPLE, **errors}
        return record, errors

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return store_g.save_group(store, record, list(values["staff_ids"]))  # type: ignore[arg-type]


class LearningFormScreen(EvidenceFile, FormScreen):
    """One short learning of one person: a lecture, webinar, seminar, online course."""

    MODEL = ShortLearning
    SCREEN_TITLE = S.GR_TITLE
    BINDINGS = [*FormScreen.BINDINGS, EvidenceFile.EVIDENCE_BINDING]

    def field_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("kind", S.GR_F_LEARNING_KIND,
                      lambda: ChoiceField(V.LEARNING_KINDS, allow_empty=False,
                                          value=[V.LEARNING_KINDS[1]], title=S.GR_F_LEARNING_KIND),
                      kind="choice", required=True),
            FieldSpec("title", S.GR_F_LEARNING_TITLE, lambda: TextField(max_length=500),
                      required=True),
            FieldSpec("platform", S.GR_F_PLATFORM, lambda: TextField(max_length=200)),
            FieldSpec("hours", S.GR_F_HOURS, lambda: TextField(max_length=5), required=True),
            FieldSpec("start_date", S.GR_F_START, lambda: DateField()),
            FieldSpec("date", S.GR_F_END, lambda: DateField(), required=True),
            _evidence_spec(),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.GR_LEARNING_NEW if self.record_id is None else S.LOADING
        return S.GR_LEARNING_EDIT.format(title=record.title)  # type: ignore[attr-defined]

    def _loaded(self, result) -> None:
        super()._loaded(result)
        record = result[0]
        if record is not None:
            self.form.widget("hours").value = store_g.format_hours(record.hours)
            self.saved_snapshot = self.form.values()

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return store_g.save_learning(store, record)  # type: ignore[arg-type]


def ask_delete_achievement(screen, row: AchievementRow, done) -> None:
    """Del on an achievement: one record, or — for a group entry — the whole group."""

    def delete_one() -> None:
        screen.app.push_screen(
            ConfirmDialog(S.GR_DELETE_CONFIRM.format(title=row.title, name=row.name)),
            callback=lambda yes: yes and screen.run_db(store_g.delete_achievement, row.id,
                                                       done=lambda _: done()))

    def sized(size: int) -> None:
        if size < 2:
            delete_one()
            return

        def chosen(action: str | None) -> None:
            if action == "one":
                screen.run_db(store_g.delete_achievement, row.id, done=lambda _: done())
            elif action == "all":
                screen.run_db(store_g.delete_group, row.group_id, done=lambda _: done())

        screen.app.push_screen(ActionChoiceDialog(
            row.title, S.GR_DELETE_GROUP_QUESTION.format(name=row.name, count=size),
            [("one", S.TR_DELETE_ONE), ("all", S.TR_DELETE_ALL.format(count=size))]),
            callback=chosen)

    if not row.group_id:
        delete_one()
    else:
        screen.run_db(store_g.group_size, row.group_id, done=sized)


def achievement_cells(row: AchievementRow, widths: dict[str, int]) -> dict[str, Text]:
    style = "dim" if row.dismissed else ""
    return {
        "date": Text(format_date(row.date)),
        "name": Text(fit_name(row.name, widths.get("name", 40)), style=style),
        "kind": Text(S.GR_KIND_SHORT.get(row.kind, row.kind)),
        "level": Text(S.GR_LEVEL_SHORT.get(row.level, row.level)),
        "title": Text(row.title, style=style),
        "result": Text(row.result, style="bold" if row.result in V.ACHIEVEMENT_RESULTS[1:]
                       else ""),
        "organiser": Text(row.organiser),
    }
