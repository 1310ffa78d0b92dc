"""Forms of the teacher's growth: one achievement, a group entry of one event for several
people (a seminar and its speakers), and one short learning (самообразование); Del on an
achievement and its cells in a table, shared by the register and the card's tab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.binding import Binding

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.models import Achievement, Record, ShortLearning
from metodkab.domain.parse import format_date
from metodkab.screens.base import FormScreen, PersonFormScreen
from metodkab.screens.group_entry import GroupEntry, GroupScope, GroupStore, ask_delete_grouped
from metodkab.storage import achievements as store_g
from metodkab.storage.achievements import AchievementRow
from metodkab.widgets.fields import ChoiceField, DateField, TextField
from metodkab.widgets.form import FieldSpec
from metodkab.widgets.table import fit_name, fit_text


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


GROUP = GroupStore(store_g.group_size, store_g.group_changed, store_g.delete_achievement,
                   store_g.delete_group)


class AchievementFormScreen(EvidenceFile, GroupScope, PersonFormScreen):
    """One achievement of one person. Editing a record of a group entry asks whether the
    change is for this person only or for everyone of the group."""

    MODEL = Achievement
    SCREEN_TITLE = S.GR_TITLE
    BINDINGS = [*FormScreen.BINDINGS, EvidenceFile.EVIDENCE_BINDING]
    GROUP_STORE = GROUP
    SCOPE_TEXTS = (S.GR_GROUP_EDIT_TITLE, S.GR_GROUP_EDIT_QUESTION, S.GR_GROUP_EDIT_ONE,
                   S.GR_GROUP_EDIT_ALL)

    def field_specs(self) -> list[FieldSpec]:
        return [FieldSpec("staff_id", S.GR_F_PERSON,
                          lambda: ChoiceField([], title=S.GR_F_PERSON),
                          kind="choice", required=True),
                *_event_specs(), _evidence_spec()]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.GR_NEW if self.record_id is None else S.LOADING
        return S.GR_EDIT.format(title=record.title)  # type: ignore[attr-defined]

    def _data(self) -> dict[str, Any]:
        return _blank_result(super()._data())

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        if self.scope == "all":
            return store_g.update_group(store, record)  # type: ignore[arg-type]
        return store_g.save_achievement(store, record)  # type: ignore[arg-type]


class GroupAchievementFormScreen(GroupEntry, FormScreen):
    """One event with several participants, entered once: a record per person.

    Ctrl+G marks everyone employed. Dismisses with the group id."""

    MODEL = Achievement
    SCREEN_TITLE = S.GR_TITLE
    PEOPLE_LABEL = S.GR_F_PEOPLE
    GROUP_TITLE = S.GR_GROUP_NEW
    BINDINGS = [*FormScreen.BINDINGS, GroupEntry.EVERYONE_BINDING]

    def __init__(self, *, people: list[str] | None = None) -> None:
        super().__init__(None, initial={"staff_ids": list(people or [])})

    def field_specs(self) -> list[FieldSpec]:
        return [self.people_spec(), *_event_specs()]

    def _data(self) -> dict[str, Any]:
        return _blank_result(super()._data())

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
    ask_delete_grouped(screen, row, GROUP, done, confirm=S.GR_DELETE_CONFIRM,
                       question=S.GR_DELETE_GROUP_QUESTION)


def achievement_cells(row: AchievementRow, widths: dict[str, int]) -> dict[str, Text]:
    style = "dim" if row.dismissed else ""
    return {
        "date": Text(format_date(row.date)),
        "name": Text(fit_name(row.name, widths.get("name", 40)), style=style),
        "kind": Text(S.GR_KIND_SHORT.get(row.kind, row.kind)),
        "level": Text(S.GR_LEVEL_SHORT.get(row.level, row.level)),
        "title": Text(fit_text(row.title, widths.get("title", 40)), style=style),
        "result": Text(row.result, style="bold" if row.result in V.ACHIEVEMENT_RESULTS[1:]
                       else ""),
        "organiser": Text(fit_text(row.organiser, widths.get("organiser", 0))),
    }
