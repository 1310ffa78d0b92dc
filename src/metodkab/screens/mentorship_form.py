"""Наставничество: the filter of the register (Ctrl+F) and the form of a pair or group."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.widget import Widget

from metodkab import strings as S
from metodkab.domain.models import Mentorship, Record
from metodkab.screens.base import CheckBeforeSave, FormScreen
from metodkab.storage import mentorship as store_m
from metodkab.storage import repo
from metodkab.storage.mentorship import MentorshipQuery
from metodkab.storage.settings import report_date
from metodkab.widgets.fields import CheckField, ChoiceField, DateField, TextField
from metodkab.widgets.filter_dialog import FilterDialog, chosen
from metodkab.widgets.form import FieldSpec

STATUS_LABELS = {"действует": S.MENT_STATUS_ACTIVE, "завершена": S.MENT_STATUS_DONE,
                 "прервана": S.MENT_STATUS_BROKEN, "all": S.MENT_STATUS_ALL}


class MentorshipFilterDialog(FilterDialog):
    """Ctrl+F: status, form, mentor, only pairs with warnings or without an order."""

    TITLE = S.MENT_FILTER_TITLE

    def __init__(self, query: MentorshipQuery, forms: list[str],
                 mentors: list[tuple[str, str]]) -> None:
        super().__init__(query)
        self.forms = forms
        self.mentors = mentors

    def fields(self) -> list[tuple[str, Widget]]:
        q = self.query_state
        return [
            (S.MENT_FILTER_STATUS, ChoiceField(list(STATUS_LABELS.items()), value=[q.status],
                                               allow_empty=False, id="status",
                                               title=S.MENT_FILTER_STATUS)),
            (S.MENT_FILTER_FORM, ChoiceField(self.forms, value=chosen(q.form), id="form",
                                             title=S.MENT_FILTER_FORM)),
            (S.MENT_FILTER_MENTOR, ChoiceField(self.mentors, value=chosen(q.mentor_id),
                                               id="mentor", title=S.MENT_FILTER_MENTOR)),
        ]

    def checks(self) -> list[CheckField]:
        q = self.query_state
        return [CheckField(S.MENT_FILTER_PROBLEMS, q.problems, id="problems"),
                CheckField(S.MENT_FILTER_NO_ORDER, q.no_order, id="no_order")]

    def result(self) -> MentorshipQuery:
        return replace(self.query_state, status=self.choice("status") or "действует",
                       form=self.choice("form"), mentor_id=self.choice("mentor"),
                       problems=self.checked("problems"), no_order=self.checked("no_order"))


class MentorshipFormScreen(CheckBeforeSave, FormScreen):
    """A pair or group: mentor, mentees, form, reason, dates, order, curator.

    Goals, the log and completion are kept on the card.
    """

    MODEL = Mentorship
    SCREEN_TITLE = S.MENT_TITLE

    def field_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("mentor_id", S.MENT_F_MENTOR,
                      lambda: ChoiceField([], title=S.MENT_F_MENTOR), kind="choice",
                      required=True),
            FieldSpec("mentee_ids", S.MENT_F_MENTEES,
                      lambda: ChoiceField([], multiple=True, title=S.MENT_F_MENTEES),
                      kind="multi", required=True),
            FieldSpec("form", S.MENT_F_FORM,
                      lambda: ChoiceField([], allow_empty=False, title=S.MENT_F_FORM),
                      kind="choice", required=True),
            FieldSpec("reason", S.MENT_F_REASON, lambda: ChoiceField([], title=S.MENT_F_REASON),
                      kind="choice"),
            FieldSpec("start_date", S.MENT_F_START, lambda: DateField(), required=True),
            FieldSpec("planned_end", S.MENT_F_PLANNED_END, lambda: DateField(), required=True),
            FieldSpec("order_number", S.MENT_F_ORDER_NUMBER, lambda: TextField(max_length=40)),
            FieldSpec("order_date", S.MENT_F_ORDER_DATE, lambda: DateField()),
            FieldSpec("curator_id", S.MENT_F_CURATOR,
                      lambda: ChoiceField([], title=S.MENT_F_CURATOR), kind="choice"),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.MENT_NEW if self.record_id is None else S.LOADING
        return S.MENT_EDIT_TITLE

    def load_extra(self, store) -> dict[str, Any]:
        keep = [v for k in ("mentor_id", "curator_id") if (v := self.initial_values.get(k))]
        keep += list(self.initial_values.get("mentee_ids", []))
        if self.record_id:
            record = repo.get(store, Mentorship, self.record_id)
            keep += [record.mentor_id, *record.mentee_ids, record.curator_id or ""]
        day = report_date(store)
        return {
            "mentors": store_m.people_options(store, day, keep, with_load=True),
            "people": store_m.people_options(store, day, keep),
            "forms": store_m.form_options(store),
            "reasons": store_m.reason_options(store),
        }

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.form.widget("mentor_id").set_options(extra["mentors"])
        self.form.widget("mentee_ids").set_options(extra["people"])
        self.form.widget("curator_id").set_options(extra["people"])
        self.form.widget("form").set_options([(f, f) for f in extra["forms"]])
        self.form.widget("reason").set_options([(r, r) for r in extra["reasons"]])
        if self.record_id is None and "form" not in self.initial_values:
            self.initial_values = {**self.initial_values, "form": extra["forms"][0]}

    def warnings_for(self, store, record: Record) -> list[str]:
        return [f.message for f in store_m.check_mentorship(store, record, report_date(store))]

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return store_m.save_mentorship(store, record)  # type: ignore[arg-type]
