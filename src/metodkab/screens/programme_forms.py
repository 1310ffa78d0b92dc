"""Forms of the development programme: the programme, a task, an activity, a target indicator."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.suggester import SuggestFromList

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.checks import outside
from metodkab.domain.models import (Programme, ProgrammeActivity, ProgrammeTask, Record,
                                    TargetIndicator, validate)
from metodkab.domain.parse import format_date
from metodkab.reports import programme as rp
from metodkab.screens.base import CheckBeforeSave, FormScreen
from metodkab.storage import programme as ps
from metodkab.storage.settings import all_settings, report_date
from metodkab.widgets.fields import ChoiceField, DateField, FlagField, TextField
from metodkab.widgets.form import FieldSpec
from metodkab.widgets.quickentry import PeopleField, ShortDateField


def _today(screen) -> dt.date:
    return screen.app.store.clock.today()


class ProgrammeFormScreen(FormScreen):
    """Title, years, goal, approving order; whether it is the current programme."""

    MODEL = Programme
    SCREEN_TITLE = S.SECTION_PROGRAMME

    def field_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("title", S.PROG_F_TITLE, lambda: TextField(max_length=300), required=True),
            FieldSpec("year_from", S.PROG_F_YEAR_FROM, lambda: TextField(max_length=4),
                      required=True),
            FieldSpec("year_to", S.PROG_F_YEAR_TO, lambda: TextField(max_length=4),
                      required=True),
            FieldSpec("goal", S.PROG_F_GOAL, lambda: TextField(max_length=1000)),
            FieldSpec("order_number", S.PROG_F_ORDER_NUMBER, lambda: TextField(max_length=40)),
            FieldSpec("order_date", S.PROG_F_ORDER_DATE, lambda: DateField(), kind="date"),
            FieldSpec("is_current", S.PROG_F_CURRENT, lambda: FlagField(), kind="flag"),
        ]

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.PROG_NEW if self.record_id is None else S.LOADING
        return record.title  # type: ignore[attr-defined]

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return ps.save_programme(store, record)  # type: ignore[arg-type]


def new_programme_values(today: dt.date, last_year_to: int | None = None) -> dict[str, Any]:
    """A new programme, four years: the first starts this year (in December too — it
    defaulted to next year from September); the next one starts after the latest ends."""
    start = today.year if last_year_to is None else max(today.year, last_year_to + 1)
    return {"title": S.PROG_DEFAULT_TITLE, "year_from": str(start), "year_to": str(start + 3)}


class TaskFormScreen(FormScreen):
    """A task (задача) of the programme: its number and wording."""

    MODEL = ProgrammeTask
    SCREEN_TITLE = S.SECTION_PROGRAMME

    def field_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("number", S.PROG_TASK_F_NUMBER, lambda: TextField(max_length=3),
                      required=True),
            FieldSpec("title", S.PROG_TASK_F_TITLE, lambda: TextField(max_length=500),
                      required=True),
        ]

    def _loaded(self, result) -> None:
        super()._loaded(result)
        self.form.widget("title").focus()      # the number is filled in already

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.PROG_TASK_NEW if self.record_id is None else S.LOADING
        return S.PROG_TASK_LABEL.format(number=record.number,  # type: ignore[attr-defined]
                                        title=record.title)  # type: ignore[attr-defined]

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return ps.save_task(store, record)  # type: ignore[arg-type]


ACTIVITY_DATES = ("start_date", "deadline", "done_date")


class ActivityFormScreen(CheckBeforeSave, FormScreen):
    """An activity (мероприятие): the task is preselected, dates take ДД.ММ, people are
    chosen by typing part of a surname, a moved deadline asks for the reason; a date
    outside the programme's years is unusual: saving asks first."""

    MODEL = ProgrammeActivity
    SCREEN_TITLE = S.SECTION_PROGRAMME

    def __init__(self, record_id: str | None = None, *, programme_id: str,
                 initial: dict[str, Any] | None = None) -> None:
        super().__init__(record_id, initial=initial)
        self.programme_id = programme_id

    def field_specs(self) -> list[FieldSpec]:
        today = _today(self)
        year = today.year
        statuses = list(V.ACTIVITY_STATUSES)
        specs = [
            FieldSpec("task_id", S.PROG_ACT_F_TASK,
                      lambda: ChoiceField([], allow_empty=False, title=S.PROG_ACT_F_TASK),
                      kind="choice", required=True),
            FieldSpec("title", S.PROG_ACT_F_TITLE, lambda: TextField(max_length=500),
                      required=True),
            FieldSpec("direction", S.PROG_ACT_F_DIRECTION, lambda: TextField(max_length=200)),
            FieldSpec("form", S.PROG_ACT_F_FORM, lambda: TextField(max_length=100)),
            FieldSpec("start_date", S.PROG_ACT_F_START,
                      lambda: ShortDateField(default_year=year, near=today), kind="date"),
            FieldSpec("deadline", S.PROG_ACT_F_DEADLINE,
                      lambda: ShortDateField(default_year=year, near=today, required=True),
                      kind="date", required=True),
            FieldSpec("responsible_ids", S.PROG_ACT_F_RESPONSIBLE,
                      lambda: PeopleField(title=S.PROG_ACT_F_RESPONSIBLE), kind="multi"),
            FieldSpec("expected_result", S.PROG_ACT_F_RESULT, lambda: TextField(max_length=500)),
            FieldSpec("status", S.PROG_ACT_F_STATUS,
                      lambda: ChoiceField(statuses, allow_empty=False, value=[statuses[0]],
                                          title=S.PROG_ACT_F_STATUS), kind="choice"),
            FieldSpec("done_date", S.PROG_ACT_F_DONE,
                      lambda: ShortDateField(default_year=year, near=today, past=True),
                      kind="date"),
            FieldSpec("note", S.PROG_ACT_F_NOTE, lambda: TextField(max_length=500)),
        ]
        if self.record_id is not None:
            specs.append(FieldSpec("postpone_reason", S.PROG_ACT_F_REASON,
                                   lambda: TextField(max_length=300)))
        return specs

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.PROG_ACT_NEW if self.record_id is None else S.LOADING
        return record.title  # type: ignore[attr-defined]

    def load_extra(self, store) -> dict[str, Any]:
        working, names = ps.responsible_choices(store)
        directions = list(dict.fromkeys([*ps.used_values(store, "direction"),
                                         *S.PROG_DIRECTIONS]))
        forms = list(dict.fromkeys([*ps.used_values(store, "form"), *S.PROG_FORMS]))
        return {"tasks": ps.task_choices(store, self.programme_id), "people": working,
                "names": names, "directions": directions, "forms": forms,
                "day": report_date(store)}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.day = extra["day"]
        self.form.widget("task_id").set_options(extra["tasks"])
        self.form.widget("responsible_ids").set_people(extra["people"], extra["names"])
        self.form.widget("direction").suggester = SuggestFromList(extra["directions"],
                                                                  case_sensitive=False)
        self.form.widget("form").suggester = SuggestFromList(extra["forms"],
                                                             case_sensitive=False)

    def _loaded(self, result) -> None:
        super()._loaded(result)
        # A new activity: the task is preselected, so start with the title.
        if self.record is None and self.initial_values.get("task_id"):
            self.form.widget("title").focus()
        if self.record is not None:     # a date typed as ДД.ММ is near the one it replaces
            today = self.app.store.clock.today()
            deadline = self.record.deadline  # type: ignore[attr-defined]
            # (or today, when that is later: a deadline long past is moved from now on)
            self.form.widget("deadline").near = max(deadline, today)  # type: ignore[attr-defined]
            self.form.widget("start_date").near = max(  # type: ignore[attr-defined]
                self.record.start_date or deadline, today)  # type: ignore[attr-defined]

    # --- dates typed as ДД.ММ, the reason of a moved deadline ------------------------------
    def _date_errors(self) -> tuple[dict[str, Any], dict[str, str]]:
        parsed: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for name in ACTIVITY_DATES:
            widget: ShortDateField = self.form.widget(name)  # type: ignore[assignment]
            try:
                parsed[name] = widget.parsed()
            except ValueError as exc:
                errors[name] = str(exc)
        return parsed, errors

    def _data(self) -> dict[str, Any]:
        data = super()._data()
        data.pop("postpone_reason", None)
        parsed, _ = self._date_errors()
        data.update(parsed)
        return data

    def validate_form(self) -> tuple[Record | None, dict[str, str]]:
        record, errors = validate(self.MODEL, self._data(), today=self.app.store.clock.today())
        _, date_errors = self._date_errors()
        errors = {**errors, **date_errors}
        if (self.record is not None and "deadline" not in errors
                and self._data().get("deadline") != self.record.deadline  # type: ignore[attr-defined]
                and not self.form.widget("postpone_reason").value.strip()):  # type: ignore[attr-defined]
            errors["postpone_reason"] = S.PROG_ACT_REASON_REQUIRED
        return (None if errors else record), errors

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        # «выполнено» without a date: today (the report date) is the usual answer.
        if self._field_name(event.field) == "status" and event.value == [rp.DONE]:
            done = self.form.widget("done_date")
            if not done.value.strip():  # type: ignore[attr-defined]
                done.value = format_date(getattr(self, "day", _today(self)))  # type: ignore[attr-defined]

    def warnings_for(self, store, record: Record) -> list[str]:
        from metodkab.storage import repo

        programme = repo.get(store, Programme, self.programme_id)
        first = dt.date(programme.year_from, 1, 1)
        last = dt.date(programme.year_to, 12, 31)
        found = (outside(getattr(record, name), first, last, S.CHECK_OUTSIDE_PROGRAMME)
                 for name in ("start_date", "deadline", "done_date"))
        return [text for text in found if text]

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return ps.save_activity(store, record,  # type: ignore[arg-type]
                                values.get("postpone_reason", ""))


class IndicatorFormScreen(FormScreen):
    """A target indicator: name, unit, baseline, a target for each year of the programme
    and the actual value — typed, or computed from the data (then it is shown, never typed)."""

    MODEL = TargetIndicator
    SCREEN_TITLE = S.SECTION_PROGRAMME

    def __init__(self, record_id: str | None = None, *, programme: ps.ProgrammeRow,
                 initial: dict[str, Any] | None = None) -> None:
        super().__init__(record_id, initial=initial)
        self.programme = programme

    def field_specs(self) -> list[FieldSpec]:
        sources = list(S.PROG_SOURCES)
        specs = [
            FieldSpec("name", S.PROG_IND_NAME, lambda: TextField(max_length=300), required=True),
            FieldSpec("unit", S.PROG_IND_UNIT, lambda: TextField(max_length=20)),
            FieldSpec("baseline", S.PROG_IND_BASELINE, lambda: TextField(max_length=12)),
            FieldSpec("source", S.PROG_IND_SOURCE,
                      lambda: ChoiceField(sources, allow_empty=False, value=["manual"],
                                          title=S.PROG_IND_SOURCE), kind="choice"),
            FieldSpec("computed_key", S.PROG_IND_KEY,
                      lambda: ChoiceField(rp.computed_choices(), title=S.PROG_IND_KEY),
                      kind="choice"),
        ]
        for year in self.programme.years:
            specs.append(FieldSpec(f"target_{year}", S.PROG_IND_TARGET_YEAR.format(year=year),
                                   lambda: TextField(max_length=12),
                                   section=S.PROG_IND_TARGETS))
        for year in self.programme.years:
            specs.append(FieldSpec(f"actual_{year}", S.PROG_IND_ACTUAL_YEAR.format(year=year),
                                   lambda: TextField(max_length=12),
                                   section=S.PROG_IND_ACTUALS))
        return specs

    def title_for(self, record: Record | None) -> str:
        if record is None:
            return S.PROG_IND_NEW if self.record_id is None else S.LOADING
        return record.name  # type: ignore[attr-defined]

    def load_extra(self, store) -> dict[str, Any]:
        day = report_date(store)
        values = ps.indicator_values(store, self.record_id) if self.record_id else {}
        cache: dict = {}
        computed = {key: ps.computed_actuals(store, self.programme, key, "%", day, cache)
                    for key, _ in rp.computed_choices()}
        counts = {key: ps.computed_actuals(store, self.programme, key, "", day, cache)
                  for key, _ in rp.computed_choices()}
        return {"values": values, "computed": computed, "counts": counts,
                "choices": rp.computed_choices(all_settings(store))}   # the school's years

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.computed = extra["computed"]
        self.counts = extra["counts"]
        self.form.widget("computed_key").set_options(extra["choices"])
        values = extra["values"]
        loaded = {}
        for year in self.programme.years:
            target, actual = values.get(year, (None, None))
            loaded[f"target_{year}"] = rp.format_number(target)
            loaded[f"actual_{year}"] = rp.format_number(actual)
        self.initial_values = {**self.initial_values, **loaded}
        self.manual_actuals = {k: v for k, v in loaded.items() if k.startswith("actual_")}

    def _loaded(self, result) -> None:
        super()._loaded(result)
        self.form.load({k: v for k, v in self.initial_values.items()
                        if k.startswith(("target_", "actual_"))})
        if self.record is not None:
            self.form.load({"baseline": rp.format_number(self.record.baseline)})  # type: ignore[attr-defined]
        self._show_source()
        self.saved_snapshot = self.form.values()

    def _show_source(self) -> None:
        """Computed: the actual values are shown from the data and cannot be typed."""
        source = self.form.widget("source").single  # type: ignore[attr-defined]
        key = self.form.widget("computed_key").single  # type: ignore[attr-defined]
        computed = source == "computed"
        self.form.rows["computed_key"].display = computed
        unit = self.form.widget("unit").value.strip()  # type: ignore[attr-defined]
        values = (self.computed if unit == "%" else self.counts).get(key or "", {})
        for year in self.programme.years:
            widget = self.form.widget(f"actual_{year}")
            if computed:
                widget.value = rp.format_number(values.get(year))  # type: ignore[attr-defined]
            elif widget.disabled:
                widget.value = self.manual_actuals.get(f"actual_{year}", "")  # type: ignore[attr-defined]
            widget.disabled = computed

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        if self._field_name(event.field) in ("source", "computed_key"):
            self._show_source()

    def on_input_changed(self, event) -> None:
        if self._field_name(event.input) == "unit" and hasattr(self, "computed"):
            self._show_source()

    # --- numbers: targets and actual values per year ---------------------------------------
    def _numbers(self, raw: dict[str, Any] | None = None
                 ) -> tuple[dict[str, float | None], dict[str, str]]:
        """The numbers typed (``raw``: the form's values; read from the form by default)."""
        raw = self.form.values() if raw is None else raw
        values: dict[str, float | None] = {}
        errors: dict[str, str] = {}
        names = ["baseline"] + [f"{kind}_{y}" for kind in ("target", "actual")
                                for y in self.programme.years]
        for name in names:
            try:
                values[name] = rp.parse_number(raw.get(name))
            except ValueError as exc:
                errors[name] = str(exc)
        return values, errors

    def _data(self) -> dict[str, Any]:
        data = super()._data()
        for key in list(data):
            if key.startswith(("target_", "actual_")):
                data.pop(key)
        numbers, _ = self._numbers()
        data["baseline"] = numbers.get("baseline")
        if data.get("source") != "computed":
            data["computed_key"] = None
        if not data.get("unit"):
            data["unit"] = "%"
        return data

    def validate_form(self) -> tuple[Record | None, dict[str, str]]:
        record, errors = validate(self.MODEL, self._data(), today=self.app.store.clock.today())
        _, number_errors = self._numbers()
        if self.form.widget("source").single == "computed":  # type: ignore[attr-defined]
            number_errors = {k: v for k, v in number_errors.items()
                             if not k.startswith("actual_")}
        errors = {**errors, **number_errors}
        return (None if errors else record), errors

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        numbers, _ = self._numbers(values)
        years = self.programme.years
        targets = {y: numbers.get(f"target_{y}") for y in years}
        actuals = {y: numbers.get(f"actual_{y}") for y in years}
        return ps.save_indicator(store, record, targets, actuals)  # type: ignore[arg-type]
