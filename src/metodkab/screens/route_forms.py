"""Forms of diagnostics and ИОМ: a diagnostic, a deficit, a route (its period and status)
and one step of a route (deficit, goal, action, form, deadline, product, done, evidence,
and the training or mentorship it relies on)."""

from __future__ import annotations

from typing import Any

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.checks import outside
from metodkab.domain.models import Deficit, Diagnostic, IndividualRoute, Record, RouteStep
from metodkab.domain.parse import format_date
from metodkab.screens.base import CheckBeforeSave, FormScreen, PersonFormScreen
from metodkab.storage import development as store_d
from metodkab.storage import repo
from metodkab.storage.settings import report_date
from metodkab.widgets.fields import ChoiceField, DateField, TextField
from metodkab.widgets.form import FieldSpec


def _person_field() -> FieldSpec:
    return FieldSpec("staff_id", S.DEV_F_PERSON, lambda: ChoiceField([], title=S.DEV_F_PERSON),
                     kind="choice", required=True)


class DiagnosticFormScreen(PersonFormScreen):
    MODEL = Diagnostic
    SCREEN_TITLE = S.DEV_CARD_TITLE

    def field_specs(self) -> list[FieldSpec]:
        return [
            _person_field(),
            FieldSpec("date", S.DEV_F_DATE, lambda: DateField(), required=True),
            FieldSpec("kind", S.DEV_F_KIND,
                      lambda: ChoiceField(V.DIAGNOSTIC_KINDS, allow_empty=False,
                                          value=[V.DIAGNOSTIC_KINDS[0]], title=S.DEV_F_KIND),
                      kind="choice", required=True),
            FieldSpec("operator", S.DEV_F_OPERATOR,
                      lambda: TextField(max_length=120, placeholder=S.DEV_OPERATOR_HINT)),
            FieldSpec("score", S.DEV_F_SCORE, lambda: TextField(max_length=10)),
            FieldSpec("max_score", S.DEV_F_MAX_SCORE, lambda: TextField(max_length=10)),
            FieldSpec("percent", S.DEV_F_PERCENT, lambda: TextField(max_length=10)),
            FieldSpec("notes", S.DEV_F_NOTES, lambda: TextField(max_length=500)),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.DEV_DIAGNOSTIC_NEW if self.record_id is None else S.LOADING
        return S.DEV_DIAGNOSTIC_EDIT

    def _data(self) -> dict[str, Any]:
        data = super()._data()
        for name in ("score", "max_score", "percent"):       # 34,5 as Russians write it
            if isinstance(data.get(name), str):
                data[name] = data[name].replace(",", ".")
        return data

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return store_d.save_diagnostic(store, record)  # type: ignore[arg-type]


class DeficitFormScreen(PersonFormScreen):
    MODEL = Deficit
    SCREEN_TITLE = S.DEV_CARD_TITLE

    def field_specs(self) -> list[FieldSpec]:
        return [
            _person_field(),
            FieldSpec("area", S.DEV_F_AREA,
                      lambda: ChoiceField(V.DEFICIT_AREAS, title=S.DEV_F_AREA),
                      kind="choice", required=True),
            FieldSpec("description", S.DEV_F_DESCRIPTION, lambda: TextField(max_length=500),
                      required=True),
            FieldSpec("status", S.DEV_F_STATUS,
                      lambda: ChoiceField(V.DEFICIT_STATUSES, allow_empty=False,
                                          value=[V.DEFICIT_STATUSES[0]], title=S.DEV_F_STATUS),
                      kind="choice", required=True),
            FieldSpec("diagnostic_id", S.DEV_F_DIAGNOSTIC,
                      lambda: ChoiceField([], title=S.DEV_F_DIAGNOSTIC), kind="choice"),
            FieldSpec("found_date", S.DEV_F_FOUND, lambda: DateField()),
            FieldSpec("resolved_date", S.DEV_F_RESOLVED, lambda: DateField()),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.DEV_DEFICIT_NEW if self.record_id is None else S.LOADING
        return S.DEV_DEFICIT_EDIT

    def load_extra(self, store) -> dict[str, Any]:
        staff_id = self.initial_values.get("staff_id")
        if self.record_id:
            staff_id = repo.get(store, Deficit, self.record_id).staff_id
        return {**super().load_extra(store),
                "diagnostics": store_d.diagnostic_options(store, staff_id)}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        super().apply_extra(extra)
        self.form.widget("diagnostic_id").set_options(extra["diagnostics"])

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        super().on_choice_field_changed(event)
        # A diagnostic belongs to one person.
        if self.follow_person(event, "diagnostic_id", store_d.diagnostic_options):
            return
        if event.field.id == "field-diagnostic_id" and event.field.single:
            # Found by that diagnostic: «Выявлен» is its date unless the user typed one
            # (it stayed on the report date the form opened with).
            diagnostic_id = event.field.single
            self.run_db(lambda store: repo.get(store, Diagnostic, diagnostic_id).date,
                        done=self._found_on)

    def _found_on(self, day) -> None:
        if day is not None and "found_date" not in self.touched:
            self.form.widget("found_date").value = format_date(day)

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return store_d.save_deficit(store, record, report_date(store))  # type: ignore[arg-type]


class RouteFormScreen(CheckBeforeSave, PersonFormScreen):
    """The route itself: whose, which period, who developed it, approval and status."""

    MODEL = IndividualRoute
    SCREEN_TITLE = S.DEV_ROUTE_TITLE

    def field_specs(self) -> list[FieldSpec]:
        return [
            _person_field(),
            FieldSpec("period_start", S.DEV_F_PERIOD_START, lambda: DateField(), required=True),
            FieldSpec("period_end", S.DEV_F_PERIOD_END, lambda: DateField(), required=True),
            FieldSpec("developed_by", S.DEV_F_DEVELOPED_BY,
                      lambda: ChoiceField(V.ROUTE_DEVELOPERS, allow_empty=False,
                                          value=[V.ROUTE_DEVELOPERS[0]],
                                          title=S.DEV_F_DEVELOPED_BY), kind="choice"),
            FieldSpec("approved_date", S.DEV_F_APPROVED, lambda: DateField()),
            FieldSpec("status", S.DEV_F_ROUTE_STATUS,
                      lambda: ChoiceField(V.ROUTE_STATUSES, allow_empty=False,
                                          value=[V.ROUTE_STATUSES[0]],
                                          title=S.DEV_F_ROUTE_STATUS), kind="choice"),
            FieldSpec("self_education_topic", S.DEV_F_SELF_EDUCATION,
                      lambda: TextField(max_length=300)),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.DEV_ROUTE_NEW if self.record_id is None else S.LOADING
        return S.DEV_ROUTE_EDIT

    def warnings_for(self, store, record: Record) -> list[str]:
        return store_d.check_route(store, record)  # type: ignore[arg-type]

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return store_d.save_route(store, record)  # type: ignore[arg-type]


class StepFormScreen(CheckBeforeSave, FormScreen):
    """One step of a route. The deficit, training and mentorship are the person's own.
    A deadline or done date outside the route's period is unusual: saving asks first."""

    MODEL = RouteStep
    SCREEN_TITLE = S.DEV_ROUTE_TITLE

    def field_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("deficit_id", S.DEV_F_STEP_DEFICIT,
                      lambda: ChoiceField([], title=S.DEV_F_STEP_DEFICIT), kind="choice"),
            FieldSpec("goal", S.DEV_F_GOAL, lambda: TextField(max_length=300), required=True),
            FieldSpec("action", S.DEV_F_ACTION, lambda: TextField(max_length=300)),
            FieldSpec("form", S.DEV_F_FORM,
                      lambda: ChoiceField(V.ROUTE_STEP_FORMS, title=S.DEV_F_FORM),
                      kind="choice"),
            FieldSpec("deadline", S.DEV_F_DEADLINE, lambda: DateField()),
            FieldSpec("expected_product", S.DEV_F_PRODUCT, lambda: TextField(max_length=300)),
            FieldSpec("done_date", S.DEV_F_DONE, lambda: DateField()),
            FieldSpec("evidence", S.DEV_F_EVIDENCE, lambda: TextField(max_length=300)),
            FieldSpec("training_id", S.DEV_F_TRAINING,
                      lambda: ChoiceField([], title=S.DEV_F_TRAINING), kind="choice"),
            FieldSpec("mentorship_id", S.DEV_F_MENTORSHIP,
                      lambda: ChoiceField([], title=S.DEV_F_MENTORSHIP), kind="choice"),
            FieldSpec("learning_id", S.GR_F_STEP_LEARNING,
                      lambda: ChoiceField([], title=S.GR_F_STEP_LEARNING), kind="choice"),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.DEV_STEP_NEW if self.record_id is None else S.LOADING
        return S.DEV_STEP_EDIT

    def load_extra(self, store) -> dict[str, Any]:
        route_id = self.initial_values.get("route_id")
        if self.record_id:
            route_id = repo.get(store, RouteStep, self.record_id).route_id
        return store_d.step_options(store, route_id)

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.form.widget("deficit_id").set_options(extra["deficits"])
        self.form.widget("training_id").set_options(extra["trainings"])
        self.form.widget("mentorship_id").set_options(extra["mentorships"])
        self.form.widget("learning_id").set_options(extra["learning"])

    def warnings_for(self, store, record: Record) -> list[str]:
        route = repo.get(store, IndividualRoute, record.route_id)  # type: ignore[attr-defined]
        found = (outside(getattr(record, name), route.period_start, route.period_end,
                         S.CHECK_OUTSIDE_ROUTE) for name in ("deadline", "done_date"))
        return [text for text in found if text]

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return store_d.save_step(store, record)  # type: ignore[arg-type]
