"""Настройки: the school's details, the user's name, the report date and periods.

The first-run form asks for the school's details only.
"""

from __future__ import annotations

from typing import Any

from metodkab import strings as S
from metodkab.domain.models import Record, School
from metodkab.domain.parse import parse_date
from metodkab.screens.base import FormScreen
from metodkab.storage.school import get_school, save_school, save_school_and_settings
from metodkab.storage.settings import all_settings
from metodkab.widgets.fields import DateField, TextField
from metodkab.widgets.form import FieldSpec

INT_SETTINGS = {
    "training_period_years": (S.SETTINGS_TRAINING_YEARS, 1, 10),
    "category_warn_months": (S.SETTINGS_CATEGORY_MONTHS, 1, 24),
}


def parse_settings(raw: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The settings typed on the form: values to save, or Russian errors per field."""
    values: dict[str, Any] = {"user_name": raw["user_name"]}
    errors: dict[str, str] = {}
    try:
        day = parse_date(raw["report_date"])
        values["report_date"] = day.isoformat() if day else ""
    except ValueError as exc:
        errors["report_date"] = str(exc)
    for key, (_, lo, hi) in INT_SETTINGS.items():
        text = str(raw[key]).strip()
        if text.isdigit() and lo <= int(text) <= hi:
            values[key] = int(text)
        else:
            errors[key] = S.SETTINGS_INT_ERROR.format(lo=lo, hi=hi)
    return values, errors


def school_specs(section: str | None = None) -> list[FieldSpec]:
    return [
        FieldSpec("full_name", S.SCHOOL_FULL_NAME, lambda: TextField(max_length=300),
                  required=True, section=section),
        FieldSpec("short_name", S.SCHOOL_SHORT_NAME, lambda: TextField(max_length=120),
                  required=True, section=section),
        FieldSpec("code", S.SCHOOL_CODE, lambda: TextField(max_length=20), section=section),
        FieldSpec("municipality", S.SCHOOL_MUNICIPALITY, lambda: TextField(max_length=200),
                  section=section),
        FieldSpec("director", S.SCHOOL_DIRECTOR, lambda: TextField(max_length=120),
                  section=section),
        FieldSpec("deputy", S.SCHOOL_DEPUTY, lambda: TextField(max_length=120), section=section),
        FieldSpec("address", S.SCHOOL_ADDRESS, lambda: TextField(max_length=300),
                  section=section),
    ]


class SchoolFormScreen(FormScreen):
    """First run: the school's details (name, short name, code, municipality, director, deputy)."""

    MODEL = School

    def field_specs(self) -> list[FieldSpec]:
        return school_specs()

    def title_for(self, record: Record | None) -> str:
        return S.SCHOOL_FIRST_RUN

    def _load(self, store):
        return get_school(store), {}

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return save_school(store, record)  # type: ignore[arg-type]


class SettingsScreen(FormScreen):
    """F10: the school, the user's name for the audit log, the report date override."""

    MODEL = School
    SCREEN_TITLE = S.SETTINGS_TITLE

    def field_specs(self) -> list[FieldSpec]:
        work = S.SETTINGS_SECTION_WORK
        return [
            *school_specs(S.SETTINGS_SECTION_SCHOOL),
            FieldSpec("user_name", S.SETTINGS_USER, lambda: TextField(max_length=120),
                      section=work),
            FieldSpec("report_date", S.SETTINGS_REPORT_DATE, lambda: DateField(), section=work),
            *(FieldSpec(key, label, lambda: TextField(max_length=3), section=work)
              for key, (label, _, _) in INT_SETTINGS.items()),
        ]

    def title_for(self, record: Record | None) -> str:
        return S.SETTINGS_TITLE

    def _load(self, store):
        return get_school(store), {"settings": all_settings(store)}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.settings = extra["settings"]

    def _loaded(self, result) -> None:
        super()._loaded(result)
        values = {k: self.settings.get(k, "") for k in ("user_name", "report_date", *INT_SETTINGS)}
        values["report_date"] = parse_date(values["report_date"]) if values["report_date"] else ""
        self.form.load(values)
        self.saved_snapshot = self.form.values()

    def _data(self) -> dict[str, Any]:
        data = super()._data()
        for key in ("user_name", "report_date", *INT_SETTINGS):
            data.pop(key, None)
        return data

    def validate_form(self):
        record, errors = super().validate_form()
        _, extra_errors = parse_settings(self.form.values())
        return (None if extra_errors else record), {**errors, **extra_errors}

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        settings, _ = parse_settings(values)
        return save_school_and_settings(store, record, settings)  # type: ignore[arg-type]

    def close(self, record_id: str | None) -> None:
        if record_id is not None:
            self.saved_snapshot = self.form.values()
            self.record_id = record_id
            self.run_db(self._load, done=self._loaded)
        self.app.action_section("dashboard")
