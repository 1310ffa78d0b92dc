"""Кадры: the staff form (every field of domain.md) and the register's filter (Ctrl+F)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.widget import Widget

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.screens.base import FormScreen
from metodkab.storage.associations import association_choices
from metodkab.storage.staff import StaffQuery
from metodkab.widgets.fields import CheckField, ChoiceField, DateField, FlagField, TextField
from metodkab.widgets.filter_dialog import FilterDialog, chosen
from metodkab.widgets.form import FieldSpec

if TYPE_CHECKING:
    from metodkab.domain.models import Record

STATUS_LABELS = {"active": S.STAFF_STATUS_ACTIVE, "dismissed": S.STAFF_STATUS_DISMISSED,
                 "all": S.STAFF_STATUS_ALL}
SORT_LABELS = {
    "name": S.STAFF_COL_NAME,
    "positions": S.STAFF_COL_POSITIONS,
    "subjects": S.STAFF_COL_SUBJECTS,
    "category": S.STAFF_COL_CATEGORY,
    "experience": S.STAFF_COL_EXPERIENCE,
    "training": S.STAFF_COL_TRAINING,
}

class StaffFilterDialog(FilterDialog):
    """Ctrl+F: which staff to show and how to sort them."""

    TITLE = S.STAFF_FILTER_TITLE

    def __init__(self, query: StaffQuery, associations: list[tuple[str, str]]) -> None:
        super().__init__(query)
        self.associations = associations

    def fields(self) -> list[tuple[str, Widget]]:
        q = self.query_state
        any_category = [("нет", S.STAFF_NO_CATEGORY), *((c, c) for c in V.CATEGORIES)]
        return [
            (S.STAFF_FILTER_STATUS, ChoiceField(list(STATUS_LABELS.items()), value=[q.status],
                                                allow_empty=False, id="status",
                                                title=S.STAFF_FILTER_STATUS)),
            (S.STAFF_FILTER_POSITION, ChoiceField(V.POSITIONS, id="position",
                                                  value=chosen(q.position),
                                                  title=S.STAFF_FILTER_POSITION)),
            (S.STAFF_FILTER_ASSOCIATION, ChoiceField(
                self.associations, id="association", title=S.STAFF_FILTER_ASSOCIATION,
                value=chosen(q.association_id))),
            (S.STAFF_FILTER_CATEGORY, ChoiceField(any_category, id="category",
                                                  value=chosen(q.category),
                                                  title=S.STAFF_FILTER_CATEGORY)),
            (S.STAFF_FILTER_SORT, ChoiceField(list(SORT_LABELS.items()), value=[q.sort],
                                              allow_empty=False, id="sort",
                                              title=S.STAFF_FILTER_SORT)),
        ]

    def checks(self) -> list[CheckField]:
        q = self.query_state
        return [CheckField(S.STAFF_FILTER_OVERDUE, q.overdue, id="overdue"),
                CheckField(S.STAFF_FILTER_YOUNG, q.young, id="young"),
                CheckField(S.STAFF_FILTER_DESC, q.descending, id="descending")]

    def result(self) -> StaffQuery:
        return replace(self.query_state, status=self.choice("status") or "active",
                       position=self.choice("position"),
                       association_id=self.choice("association"),
                       category=self.choice("category"), sort=self.choice("sort") or "name",
                       overdue=self.checked("overdue"), young=self.checked("young"),
                       descending=self.checked("descending"))


def _staff_specs() -> list[FieldSpec]:
    sexes = [(k, S.SEX_LABELS[k]) for k in V.SEXES]
    return [
        FieldSpec("last_name", S.F_LAST_NAME, lambda: TextField(max_length=60), required=True),
        FieldSpec("first_name", S.F_FIRST_NAME, lambda: TextField(max_length=60), required=True),
        FieldSpec("middle_name", S.F_MIDDLE_NAME, lambda: TextField(max_length=60)),
        FieldSpec("birth_date", S.F_BIRTH_DATE, lambda: DateField()),
        FieldSpec("sex", S.F_SEX, lambda: ChoiceField(sexes, title=S.F_SEX), kind="choice"),
        FieldSpec("positions", S.F_POSITIONS,
                  lambda: ChoiceField(V.POSITIONS, multiple=True, title=S.F_POSITIONS),
                  kind="multi", required=True),
        FieldSpec("subjects", S.F_SUBJECTS,
                  lambda: ChoiceField(V.SUBJECTS, multiple=True, title=S.F_SUBJECTS),
                  kind="multi"),
        FieldSpec("association_ids", S.F_ASSOCIATIONS,
                  lambda: ChoiceField([], multiple=True, title=S.F_ASSOCIATIONS), kind="multi"),
        FieldSpec("employment", S.F_EMPLOYMENT,
                  lambda: ChoiceField(V.EMPLOYMENTS, allow_empty=False, value=["основной"],
                                      title=S.F_EMPLOYMENT), kind="choice"),
        FieldSpec("hire_date", S.F_HIRE_DATE, lambda: DateField()),
        FieldSpec("ped_start_date", S.F_PED_START, lambda: DateField()),
        FieldSpec("dismissal_date", S.F_DISMISSAL_DATE, lambda: DateField()),
        FieldSpec("education_level", S.F_EDUCATION,
                  lambda: ChoiceField(V.EDUCATION_LEVELS, title=S.F_EDUCATION), kind="choice"),
        FieldSpec("education_pedagogical", S.F_EDUCATION_PED, lambda: FlagField(), kind="flag"),
        FieldSpec("management_team", S.F_MANAGEMENT, lambda: FlagField(), kind="flag"),
        FieldSpec("snils", S.F_SNILS, lambda: TextField(max_length=14,
                                                        placeholder=S.STAFF_SNILS_PLACEHOLDER)),
        FieldSpec("phone", S.F_PHONE, lambda: TextField(max_length=30)),
        FieldSpec("email", S.F_EMAIL, lambda: TextField(max_length=80)),
        FieldSpec("notes", S.F_NOTES, lambda: TextField(max_length=500)),
    ]


class StaffFormScreen(FormScreen):
    """The card and form of one person: every field of domain.md."""

    SCREEN_TITLE = S.STAFF_TITLE

    @property
    def MODEL(self):  # noqa: N802 — imported with the first form, not with the register
        from metodkab.domain.models import Staff

        return Staff

    def field_specs(self) -> list[FieldSpec]:
        return _staff_specs()

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.STAFF_NEW if self.record_id is None else S.LOADING
        return record.name  # type: ignore[attr-defined]

    def load_extra(self, store) -> dict[str, Any]:
        return {"associations": association_choices(store)}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.form.widget("association_ids").set_options(extra["associations"])

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        from metodkab.storage.staff import save_staff

        return save_staff(store, record)

    def action_save(self) -> None:
        """The same ФИО and birth date as a person already kept is the same person (domain.md
        §6): the second card is refused, said beside the fields, and the first one offered."""
        if self.saving or self.form.disabled:
            return
        record, errors = self.validate_form()
        if errors or record is None:
            super().action_save()
            return
        from metodkab.storage.staff import same_person

        self.run_db(same_person, record, done=lambda found: self._checked(record, found))

    def _checked(self, record: Record, found: tuple[str, str] | None) -> None:
        if found is None:
            super().action_save()
            return
        staff_id, name = found
        self.form.show_errors({"last_name": S.CHECK_SAME_PERSON_FIELD,
                               "birth_date": S.CHECK_SAME_PERSON_FIELD})
        from metodkab.domain.parse import format_date
        from metodkab.screens.dialogs import ConfirmDialog

        def answer(open_first: bool | None) -> None:
            if open_first:
                self.saved_snapshot = self.form.values()   # nothing to keep: leave quietly
                self.close(None)
                self.app.open_person_card(staff_id)

        self.app.push_screen(ConfirmDialog(S.CHECK_SAME_PERSON.format(
            name=name, birth=format_date(record.birth_date))), callback=answer)  # type: ignore[attr-defined]
