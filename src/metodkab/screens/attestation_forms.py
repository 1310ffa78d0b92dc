"""Forms of attestation: a qualification category (checked against the rules of Приказ
№ 196 before saving) and a conformity attestation (СЗД) or an exemption from it."""

from __future__ import annotations

from typing import Any

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.models import ConformityAttestation, QualificationCategory, Record
from metodkab.domain.parse import format_date, parse_date
from metodkab.reports import attestation as rules
from metodkab.screens.base import CheckBeforeSave, FormScreen
from metodkab.storage import attestation as store_a
from metodkab.storage import repo
from metodkab.storage.settings import report_date
from metodkab.storage.staff import staff_choices
from metodkab.widgets.fields import ChoiceField, DateField, TextField
from metodkab.widgets.form import FieldSpec
from metodkab.widgets.year_only import YearOnlyDates


def _person_and_positions(store, model, record_id: str | None,
                          initial: dict[str, Any]) -> dict[str, Any]:
    staff_id = initial.get("staff_id")
    if record_id:
        staff_id = repo.get(store, model, record_id).staff_id
    return {"staff": staff_choices(store, include_dismissed=True),
            "positions": store_a.position_options(store, staff_id)}


class PositionFollowsPerson:
    """A FormScreen mixin: the position chooser offers the chosen person's positions first,
    and a new record takes the person's main position. A new record opened for a person
    (from the schedule) starts on ``FIRST_FIELD``: the person and position are known."""

    FIRST_FIELD = ""

    def load_extra(self: Any, store) -> dict[str, Any]:
        return _person_and_positions(store, self.MODEL, self.record_id, self.initial_values)

    def apply_extra(self: Any, extra: dict[str, Any]) -> None:
        self.form.widget("staff_id").set_options(extra["staff"])
        self.apply_positions(extra["positions"])

    def _loaded(self: Any, result) -> None:
        super()._loaded(result)       # type: ignore[misc]
        if self.record_id is None and self.initial_values.get("staff_id"):
            self.form.widget(self.FIRST_FIELD).focus()

    def apply_positions(self: Any, positions: list[str]) -> None:
        field = self.form.widget("position")
        field.set_options([(p, p) for p in positions])
        if not field.value and positions and self.record_id is None:
            field.set_value([positions[0]])

    def on_choice_field_changed(self: Any, event: ChoiceField.Changed) -> None:
        FormScreen.on_choice_field_changed(self, event)
        if event.field.id == "field-staff_id" and event.field.single:
            self.form.widget("position").set_value([])
            self.run_db(store_a.position_options, event.field.single,
                        done=self.apply_positions)


class CategoryFormScreen(PositionFollowsPerson, CheckBeforeSave, YearOnlyDates, FormScreen):
    """A qualification category. Leaving «Дата решения» fills «Действует до» with the
    5-year term when the decision is before 01.09.2023 (the field is left alone otherwise,
    and when «действует до» is known by its year the term must end in that year)."""

    MODEL = QualificationCategory
    SCREEN_TITLE = S.ATT_TITLE
    FIRST_FIELD = "category"
    YEAR_ONLY_FIELDS = (("decision_date", "decision_precision"),
                        ("valid_until", "until_precision"))

    def field_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("staff_id", S.ATT_F_PERSON, lambda: ChoiceField([], title=S.ATT_F_PERSON),
                      kind="choice", required=True),
            FieldSpec("position", S.ATT_F_POSITION,
                      lambda: ChoiceField([], allow_empty=False, title=S.ATT_F_POSITION),
                      kind="choice", required=True),
            FieldSpec("category", S.ATT_F_CATEGORY,
                      lambda: ChoiceField(V.CATEGORIES, allow_empty=False, value=[V.CATEGORIES[0]],
                                          title=S.ATT_F_CATEGORY),
                      kind="choice", required=True),
            FieldSpec("decision_date", S.ATT_F_DECISION, lambda: DateField()),  # may stay unknown
            FieldSpec("valid_until", S.ATT_F_VALID_UNTIL, lambda: DateField()),
            FieldSpec("order_number", S.ATT_F_ORDER_NUMBER, lambda: TextField(max_length=40)),
            FieldSpec("order_date", S.ATT_F_ORDER_DATE, lambda: DateField()),
            FieldSpec("issuing_body", S.ATT_F_ISSUER, lambda: TextField(max_length=200)),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.ATT_CATEGORY_NEW if self.record_id is None else S.LOADING
        return S.ATT_CATEGORY_EDIT

    def on_descendant_blur(self, event) -> None:
        super().on_descendant_blur(event)
        widget = getattr(event, "widget", None)
        if widget is not None and widget.id == "field-decision_date":
            self._suggest_term()

    def _suggest_term(self) -> None:
        until = self.form.widget("valid_until")
        if until.value.strip():
            return
        try:
            decision = parse_date(self.form.widget("decision_date").value)
        except ValueError:
            return
        default = rules.default_valid_until(decision) if decision else None
        stated = self.record.valid_until if "valid_until" in self._year_only_fields() else None
        if default is not None and (stated is None or stated.year == default.year):
            until.value = format_date(default)      # never against the year the source gave

    def warnings_for(self, store, record: Record) -> list[str]:
        return [f.message for f in store_a.check_category(store, record,  # type: ignore[arg-type]
                                                          report_date(store))]

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return store_a.save_category(store, record)  # type: ignore[arg-type]


class ConformityFormScreen(PositionFollowsPerson, YearOnlyDates, FormScreen):
    """A conformity attestation (СЗД) with its result, or an exemption with its reason."""

    MODEL = ConformityAttestation
    SCREEN_TITLE = S.ATT_TITLE
    FIRST_FIELD = "date"
    YEAR_ONLY_FIELDS = (("date", "date_precision"),)

    def field_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("staff_id", S.ATT_F_PERSON, lambda: ChoiceField([], title=S.ATT_F_PERSON),
                      kind="choice", required=True),
            FieldSpec("position", S.ATT_F_POSITION,
                      lambda: ChoiceField([], title=S.ATT_F_POSITION), kind="choice"),
            FieldSpec("date", S.ATT_F_DATE, lambda: DateField(), required=True),
            FieldSpec("result", S.ATT_F_RESULT,
                      lambda: ChoiceField(V.CONFORMITY_RESULTS, title=S.ATT_F_RESULT),
                      kind="choice"),
            FieldSpec("exemption_reason", S.ATT_F_EXEMPTION,
                      lambda: ChoiceField(V.EXEMPTION_REASONS, title=S.ATT_F_EXEMPTION),
                      kind="choice"),
            FieldSpec("order_number", S.ATT_F_ORDER_NUMBER, lambda: TextField(max_length=40)),
            FieldSpec("order_date", S.ATT_F_ORDER_DATE, lambda: DateField()),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.ATT_CONFORMITY_NEW if self.record_id is None else S.LOADING
        return S.ATT_CONFORMITY_EDIT

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return store_a.save_conformity(store, record)  # type: ignore[arg-type]
