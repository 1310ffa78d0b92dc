"""Настройки: the school's details, the user's name, the report date, periods and targets.

The first-run form asks for the school's details only.
"""

from __future__ import annotations

import re
from typing import Any

from metodkab import strings as S
from metodkab.domain.models import Record, School
from metodkab.domain.parse import parse_date
from metodkab.screens.base import FormScreen
from metodkab.storage.school import get_school, save_school, save_school_and_settings
from metodkab.storage.settings import all_settings
from metodkab.widgets.fields import DateField, FlagField, TextField
from metodkab.widgets.form import FieldSpec

# key: (label, lowest, highest, section, blank allowed — blank means "no target")
INT_SETTINGS: dict[str, tuple[str, int, int, str, bool]] = {
    "training_period_years": (S.SETTINGS_TRAINING_YEARS, 1, 10, S.SETTINGS_SECTION_TERMS, False),
    "self_evaluation_training_years": (S.SETTINGS_SELF_EVAL_YEARS, 1, 10,
                                       S.SETTINGS_SECTION_TERMS, False),
    "indicator_period_months": (S.SETTINGS_PERIOD_MONTHS, 1, 60, S.SETTINGS_SECTION_TERMS, False),
    "category_warn_months": (S.SETTINGS_CATEGORY_MONTHS, 1, 24, S.SETTINGS_SECTION_TERMS, False),
    "category_red_months": (S.SETTINGS_CATEGORY_RED_MONTHS, 1, 24, S.SETTINGS_SECTION_TERMS,
                            False),
    "conformity_period_years": (S.SETTINGS_CONFORMITY_YEARS, 1, 10, S.SETTINGS_SECTION_TERMS,
                                False),
    "young_max_age": (S.SETTINGS_YOUNG_AGE, 18, 70, S.SETTINGS_SECTION_TERMS, False),
    "young_max_experience": (S.SETTINGS_YOUNG_EXPERIENCE, 1, 10, S.SETTINGS_SECTION_TERMS, False),
    "new_staff_months": (S.SETTINGS_NEW_STAFF_MONTHS, 1, 60, S.SETTINGS_SECTION_TERMS, False),
    "mentorship_min_months": (S.SETTINGS_MENTORSHIP_MIN, 1, 36, S.SETTINGS_SECTION_TERMS, False),
    "mentorship_max_months": (S.SETTINGS_MENTORSHIP_MAX, 1, 60, S.SETTINGS_SECTION_TERMS, False),
    "fl_high_score_percent": (S.SETTINGS_FL_HIGH_SCORE, 1, 100, S.SETTINGS_SECTION_TERMS, False),
    "backups_keep": (S.SETTINGS_BACKUPS_KEEP, 1, 100, S.SETTINGS_SECTION_TERMS, False),
    "target_federal_register": (S.SETTINGS_TARGET_FEDERAL, 0, 100, S.SETTINGS_SECTION_TARGETS,
                                False),
    "target_fl_diagnostics": (S.SETTINGS_TARGET_FL_DIAG, 0, 100, S.SETTINGS_SECTION_TARGETS,
                              False),
    "target_fl_high_score": (S.SETTINGS_TARGET_FL_HIGH, 0, 100, S.SETTINGS_SECTION_TARGETS,
                             False),
    "target_young_supported": (S.SETTINGS_TARGET_YOUNG, 0, 100, S.SETTINGS_SECTION_TARGETS,
                               False),
    "target_management_trained": (S.SETTINGS_TARGET_MANAGEMENT, 0, 100,
                                  S.SETTINGS_SECTION_TARGETS, True),
}
# pairs that must be ordered: (smaller, larger)
ORDERED_SETTINGS = (("category_red_months", "category_warn_months"),
                    ("mentorship_min_months", "mentorship_max_months"))


TEXT_SETTINGS: dict[str, tuple[str, int]] = {     # the documents' details: label, length
    "doc_place": (S.SETTINGS_DOC_PLACE, 100),
    "mentorship_rule_number": (S.SETTINGS_MENTOR_RULE_NUMBER, 30),
}
TEXT_PLACEHOLDERS = {"doc_place": S.SETTINGS_DOC_PLACE_HINT}
DATE_SETTINGS: dict[str, tuple[str, str]] = {
    "report_date": (S.SETTINGS_REPORT_DATE, S.SETTINGS_SECTION_WORK),
    "mentorship_rule_date": (S.SETTINGS_MENTOR_RULE_DATE, S.SETTINGS_SECTION_DOCS),
}
# yes/no settings: the support forms of indicator 4 (domain.md §6)
FLAG_SETTINGS: dict[str, str] = {
    "support_mentorship": S.SETTINGS_SUPPORT_MENTORSHIP,
    "support_route": S.SETTINGS_SUPPORT_ROUTE,
    "support_young_school": S.SETTINGS_SUPPORT_YOUNG_SCHOOL,
}
PLAIN_SETTINGS = ("user_name", *DATE_SETTINGS, *TEXT_SETTINGS)


def parse_settings(raw: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The settings typed on the form: values to save, or Russian errors per field."""
    values: dict[str, Any] = {"user_name": raw["user_name"]}
    errors: dict[str, str] = {}
    if "pedagogical_stems" in raw:
        stems = [" ".join(s.split()).lower()
                 for s in re.split(r"[,;\n]", raw["pedagogical_stems"] or "")]
        stems = list(dict.fromkeys(s for s in stems if s))
        if stems and all(len(s) >= 3 for s in stems):
            values["pedagogical_stems"] = stems
        else:
            errors["pedagogical_stems"] = S.SETTINGS_PED_STEMS_ERROR
    for key in DATE_SETTINGS:
        if key not in raw and key != "report_date":
            continue                        # not on this form: left as stored
        try:
            day = parse_date(raw.get(key) or "")
            values[key] = day.isoformat() if day else ""
        except ValueError as exc:
            errors[key] = str(exc)
    for key in TEXT_SETTINGS:
        if key in raw:
            values[key] = str(raw[key] or "").strip()
    for key in FLAG_SETTINGS:
        if key in raw:
            values[key] = bool(raw[key])
    for key, (_, lo, hi, _, blank) in INT_SETTINGS.items():
        text = str(raw.get(key) if raw.get(key) is not None else "").strip()
        if blank and not text:
            values[key] = None
        elif text.isdigit() and lo <= int(text) <= hi:
            values[key] = int(text)
        else:
            errors[key] = S.SETTINGS_INT_ERROR.format(lo=lo, hi=hi)
    for small, large in ORDERED_SETTINGS:
        if small in values and large in values and values[small] > values[large]:
            errors[small] = S.SETTINGS_ORDER_ERROR.format(other=INT_SETTINGS[large][0])
    return values, errors


def school_code_errors(values: dict[str, Any]) -> dict[str, str]:
    """The school's code must be one the exchange can carry (checked here, not only when
    the first packet is written): letters and digits, no spaces or «№»."""
    from metodkab.sync.packet import valid_school_code

    code = str(values.get("code") or "").strip()
    return {"code": S.SCHOOL_CODE_ERROR} if code and not valid_school_code(code) else {}


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
    DEFAULT_CSS = """
    SchoolFormScreen FormRow .form-label { width: 24; }
    SchoolFormScreen FormRow > .form-error { padding-left: 24; }
    """      # «Полное наименование *», «Код ОО (муниципальный)» on one line, as in Настройки

    def field_specs(self) -> list[FieldSpec]:
        return school_specs()

    def title_for(self, record: Record | None) -> str:
        return S.SCHOOL_FIRST_RUN

    def validate_form(self):
        record, errors = super().validate_form()
        code = school_code_errors(self.form.values())
        return (None if code else record), {**errors, **code}

    def _load(self, store):
        return get_school(store), {}

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        return save_school(store, record)  # type: ignore[arg-type]


class SettingsScreen(FormScreen):
    """F10: the school, the user's name for the audit log, the report date override, the
    periods and thresholds of the rules and the indicators' targets (domain.md defaults)."""

    MODEL = School
    SCREEN_TITLE = S.SETTINGS_TITLE
    # One label column wide enough for the longest label at 80 columns (they wrapped to
    # four lines beside 30-character fields); the school's short labels leave its long
    # names a wide field; numbers and dates take what they need.
    DEFAULT_CSS = """
    SettingsScreen FormRow .form-label { width: 44; }
    SettingsScreen FormRow > .form-error { padding-left: 44; }
    SettingsScreen FormRow.-school .form-label { width: 24; }
    SettingsScreen FormRow.-school > .form-error { padding-left: 24; }
    SettingsScreen FormRow.-number .form-field { width: 6; }
    SettingsScreen FormRow.-date .form-field { width: 12; }
    """

    def field_specs(self) -> list[FieldSpec]:
        work = S.SETTINGS_SECTION_WORK
        return [
            *school_specs(S.SETTINGS_SECTION_SCHOOL),
            FieldSpec("user_name", S.SETTINGS_USER, lambda: TextField(max_length=120),
                      section=work),
            FieldSpec("report_date", S.SETTINGS_REPORT_DATE, lambda: DateField(), section=work),
            FieldSpec("pedagogical_stems", S.SETTINGS_PED_STEMS,
                      lambda: TextField(max_length=300), section=work),
            *(FieldSpec(key, label, lambda: TextField(max_length=3), section=section)
              for key, (label, _, _, section, _) in INT_SETTINGS.items()),
            *(FieldSpec(key, label, lambda n=length, k=key: TextField(
                max_length=n, placeholder=TEXT_PLACEHOLDERS.get(k, "")),
                        section=S.SETTINGS_SECTION_DOCS)
              for key, (label, length) in TEXT_SETTINGS.items()),
            FieldSpec("mentorship_rule_date", S.SETTINGS_MENTOR_RULE_DATE, lambda: DateField(),
                      section=S.SETTINGS_SECTION_DOCS),
            *(FieldSpec(key, label, lambda: FlagField(), kind="flag",
                        section=S.SETTINGS_SECTION_SUPPORT)
              for key, label in FLAG_SETTINGS.items()),
        ]

    def title_for(self, record: Record | None) -> str:
        return S.SETTINGS_TITLE

    def _load(self, store):
        return get_school(store), {"settings": all_settings(store)}

    def apply_extra(self, extra: dict[str, Any]) -> None:
        self.settings = extra["settings"]

    def _loaded(self, result) -> None:
        super()._loaded(result)
        for key in INT_SETTINGS:          # short numbers: long labels, narrow fields
            self.form.rows[key].add_class("-number")
        for key in DATE_SETTINGS:
            self.form.rows[key].add_class("-date")
        for spec in school_specs():
            self.form.rows[spec.name].add_class("-school")
        values = {k: self.settings.get(k, "") for k in (*PLAIN_SETTINGS, *INT_SETTINGS)}
        values = {k: "" if v is None else str(v) if k in INT_SETTINGS else v
                  for k, v in values.items()}
        values["pedagogical_stems"] = ", ".join(self.settings.get("pedagogical_stems") or [])
        values.update({k: bool(self.settings.get(k, True)) for k in FLAG_SETTINGS})
        for key in DATE_SETTINGS:
            values[key] = parse_date(values[key]) if values[key] else ""
        self.form.load(values)
        self.saved_snapshot = self.form.values()

    def _data(self) -> dict[str, Any]:
        data = super()._data()
        for key in (*PLAIN_SETTINGS, "pedagogical_stems", *INT_SETTINGS, *FLAG_SETTINGS):
            data.pop(key, None)
        return data

    def validate_form(self):
        record, errors = super().validate_form()
        _, extra_errors = parse_settings(self.form.values())
        extra_errors.update(school_code_errors(self.form.values()))
        return (None if extra_errors else record), {**errors, **extra_errors}

    def save_record(self, store, record: Record, values: dict[str, Any]) -> str:
        settings, _ = parse_settings(values)
        return save_school_and_settings(store, record, settings)  # type: ignore[arg-type]

    def close(self, record_id: str | None) -> None:
        # A section's screen stays alive: saved or dropped, it shows the stored values
        # the next time F10 opens it.
        if record_id is not None:
            self.record_id = record_id
        self.reload()
        self.app.action_section("dashboard")
