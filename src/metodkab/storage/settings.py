"""Settings: key/value pairs with defaults (targets and periods of domain.md are settings)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from metodkab import strings as S
from metodkab.domain.jsonio import JsonRefused, read_json
from metodkab.domain.parse import parse_date
from metodkab.domain.values import PEDAGOGICAL_STEMS
from metodkab.storage.db import Store

DEFAULTS: dict[str, Any] = {
    "user_name": "",
    "report_date": "",                 # '' means today
    "training_period_years": 3,
    "category_warn_months": 6,
    "category_red_months": 3,
    "young_max_age": 35,
    "young_max_experience": 3,
    "conformity_period_years": 5,
    "target_federal_register": 30,
    "target_fl_diagnostics": 30,
    "target_fl_high_score": 15,
    "target_young_supported": 70,
    # The support forms of indicator 4 that count (domain.md §6): each can be turned off.
    "support_mentorship": True,
    "support_route": True,
    "support_young_school": True,
    "new_staff_months": 12,            # mentorship coverage: hired within N months
    "mentorship_min_months": 3,        # personalised programme: 3–12 months (АЗ-1128/08/657)
    "mentorship_max_months": 12,
    "fl_high_score_percent": 70,
    "backups_keep": 10,
    "indicator_period_months": 12,     # indicators: the N months ending on the report date
    "self_evaluation_training_years": 5,
    "target_management_trained": None,  # domain.md names no target: no status shown
    "export_folder": "",               # '' means the user's documents folder
    "pedagogical_stems": list(PEDAGOGICAL_STEMS),   # import: a pedagogical diploma's words
    "doc_place": "",                   # documents: where they are issued («с. Берёзовка»)
    "mentorship_rule_number": "",      # the school's Положение о наставничестве: the order
    "mentorship_rule_date": "",        # that approved it (ISO date)
}


def get_setting(store: Store, key: str) -> Any:
    with store.mutex:
        row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return DEFAULTS.get(key)
    return _value(key, row[0])


def all_settings(store: Store) -> dict[str, Any]:
    with store.mutex:
        rows = store.conn.execute("SELECT key, value FROM settings").fetchall()
    return {**DEFAULTS, **{k: _value(k, v) for k, v in rows}}


def _value(key: str, text: str) -> Any:
    """A stored value, read by the bounded reader (a database may come from a backup or
    another computer); one that does not read is the default, never a traceback."""
    try:
        return read_json(text, what=S.JSON_WHAT_SETTING)
    except JsonRefused:
        return DEFAULTS.get(key)


def set_settings(store: Store, values: dict[str, Any]) -> None:
    """Save several settings in one transaction (audited)."""
    from metodkab.storage.repo import audit

    with store.atomic():
        old = all_settings(store)
        for key, value in values.items():
            store.db.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )
        diff = {k: [old.get(k), v] for k, v in values.items() if old.get(k) != v}
        if diff:
            audit(store, "settings", "*", "update", diff)
    if "user_name" in values:
        store.user = values["user_name"] or store.user


def report_date(store: Store) -> dt.date:
    """The report date D: the date of a one-off run (``store.report_day``, set by
    ``metodkab export --date``), else the override from settings, else today by the
    store's clock."""
    once = getattr(store, "report_day", None)
    if once is not None:
        return once
    value = get_setting(store, "report_date")
    try:
        return parse_date(value) or store.clock.today()
    except ValueError:   # a damaged setting must not stop the app: fall back to today
        return store.clock.today()
