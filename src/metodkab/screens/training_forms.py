"""Forms of professional development: one training, a group entry of one course for
several people; and Del on a training (one record, or a whole group entry)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.models import Record, Training
from metodkab.screens.base import AppScreen, CheckBeforeSave, FormScreen
from metodkab.screens.group_entry import GroupEntry, GroupScope, GroupStore, ask_delete_grouped
from metodkab.storage import repo
from metodkab.storage import training as store_t
from metodkab.storage.staff import staff_choices
from metodkab.storage.training import TrainingRow
from metodkab.widgets.fields import ChoiceField, DateField, FlagField, TextField
from metodkab.widgets.form import FieldSpec
from metodkab.widgets.year_only import YearOnlyDates


def _course_specs() -> list[FieldSpec]:
    """The fields of a course shared by the single and the group form."""
    return [
        FieldSpec("title", S.TR_F_TITLE, lambda: TextField(max_length=300), required=True),
        FieldSpec("kind", S.TR_F_KIND,
                  lambda: ChoiceField(V.TRAINING_KINDS, allow_empty=False,
                                      value=[V.TRAINING_KINDS[0]], title=S.TR_F_KIND),
                  kind="choice", required=True),
        FieldSpec("hours", S.TR_F_HOURS, lambda: TextField(max_length=5), required=True),
        FieldSpec("start_date", S.TR_F_START, lambda: DateField()),
        FieldSpec("end_date", S.TR_F_END, lambda: DateField(), required=True),
        FieldSpec("provider", S.TR_F_PROVIDER, lambda: TextField(max_length=200)),
        FieldSpec("provider_ownership", S.TR_F_OWNERSHIP,
                  lambda: ChoiceField(V.PROVIDER_OWNERSHIPS, title=S.TR_F_OWNERSHIP),
                  kind="choice"),
        FieldSpec("form", S.TR_F_FORM, lambda: ChoiceField(V.TRAINING_FORMS, title=S.TR_F_FORM),
                  kind="choice"),
        FieldSpec("doc_kind", S.TR_F_DOC_KIND,
                  lambda: ChoiceField(V.DOCUMENT_KINDS, title=S.TR_F_DOC_KIND), kind="choice"),
    ]


def _flag_specs() -> list[FieldSpec]:
    return [
        FieldSpec("federal_register", S.TR_F_FEDERAL, lambda: FlagField(), kind="flag"),
        FieldSpec("by_diagnostics", S.TR_F_BY_DIAG, lambda: FlagField(), kind="flag"),
    ]


def _tail_specs() -> list[FieldSpec]:
    return [
        FieldSpec("management", S.TR_F_MANAGEMENT, lambda: FlagField(), kind="flag"),
        FieldSpec("topics", S.TR_F_TOPICS,
                  lambda: ChoiceField(V.TRAINING_TOPICS, multiple=True, title=S.TR_F_TOPICS),
                  kind="multi"),
    ]


GROUP = GroupStore(store_t.group_size, store_t.group_changed, store_t.delete_training,
                   store_t.delete_group)


class TrainingFormScreen(GroupScope, YearOnlyDates, FormScreen):
    """One training of one person. Editing a record of a group entry asks whether the
    change is for this person only or for the whole group."""

    MODEL = Training
    SCREEN_TITLE = S.TR_TITLE
    GROUP_STORE = GROUP
    SCOPE_TEXTS = (S.TR_GROUP_EDIT_TITLE, S.TR_GROUP_EDIT_QUESTION, S.TR_GROUP_EDIT_ONE,
                   S.TR_GROUP_EDIT_ALL)
    YEAR_ONLY_FIELDS = (("end_date", "end_precision"),)      # «2023 г.» until a day is typed

    def field_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("staff_id", S.TR_F_PERSON, lambda: ChoiceField([], title=S.TR_F_PERSON),
                      kind="choice", required=True),
            *_course_specs(),
            FieldSpec("doc_number", S.TR_F_DOC_NUMBER, lambda: TextField(max_length=60)),
            FieldSpec("doc_date", S.TR_F_DOC_DATE, lambda: DateField()),
            *_flag_specs(),
            FieldSpec("deficit_ids", S.TR_F_DEFICITS,
                      lambda: ChoiceField([], multiple=True, title=S.TR_F_DEFICITS),
                      kind="multi"),
            *_tail_specs(),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.TR_NEW if self.record_id is None else S.LOADING
        return S.TR_EDIT.format(title=record.title)  # type: ignore[attr-defined]

    def load_extra(self, store) -> dict[str, Any]:
        staff_id = self.initial_values.get("staff_id")
        keep: tuple[str, ...] = ()
        if self.record_id:
            record = repo.get(store, Training, self.record_id)
            staff_id, keep = record.staff_id, tuple(record.deficit_ids)
        return {"staff": staff_choices(store, include_dismissed=True),
                "deficits": store_t.deficit_options(store, staff_id, keep)}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.form.widget("staff_id").set_options(extra["staff"])
        self.form.widget("deficit_ids").set_options(extra["deficits"])

    def _loaded(self, result) -> None:
        super()._loaded(result)
        if self.record_id is None and self.initial_values.get("staff_id"):
            self.form.widget("title").focus()

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        super().on_choice_field_changed(event)
        self.follow_person(event, "deficit_ids", store_t.deficit_options)  # one person's

    def warnings_for(self, store, record: Record) -> list[str]:
        return [f.message for f in store_t.check_training(store, record)]  # type: ignore[arg-type]

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        if self.scope == "all":
            return store_t.update_group(store, record)  # type: ignore[arg-type]
        return store_t.save_training(store, record)  # type: ignore[arg-type]


class GroupTrainingFormScreen(GroupEntry, CheckBeforeSave, FormScreen):
    """One course taken by several people, entered once: a record per person.

    Ctrl+G marks everyone employed (the whole staff takes the course). Dismisses with the
    group id.
    """

    MODEL = Training
    SCREEN_TITLE = S.TR_TITLE
    PEOPLE_LABEL = S.TR_F_PEOPLE
    GROUP_TITLE = S.TR_GROUP_NEW
    BINDINGS = [*FormScreen.BINDINGS, GroupEntry.EVERYONE_BINDING]

    def __init__(self, *, people: list[str] | None = None,
                 initial: dict[str, Any] | None = None) -> None:
        super().__init__(None, initial={**(initial or {}), "staff_ids": list(people or [])})

    def field_specs(self) -> list[FieldSpec]:
        return [
            self.people_spec(),
            *_course_specs(),
            FieldSpec("doc_date", S.TR_F_DOC_DATE, lambda: DateField()),
            *_flag_specs(),
            *_tail_specs(),
        ]

    def warnings_for(self, store, record: Record) -> list[str]:
        training: Training = record  # type: ignore[assignment]
        if training.by_diagnostics:
            return [S.TR_WARN_GROUP_NO_DEFICIT]
        return []

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return store_t.save_group(store, record, list(values["staff_ids"]))  # type: ignore[arg-type]


def ask_delete_training(screen: AppScreen, row: TrainingRow, done: Callable[[], None]) -> None:
    """Del on a training: one record, or — for a group entry — the whole group."""
    ask_delete_grouped(screen, row, GROUP, done, confirm=S.TR_DELETE_CONFIRM,
                       question=S.TR_DELETE_GROUP_QUESTION, deleted=S.TR_GROUP_DELETED)
