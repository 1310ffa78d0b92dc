"""Settings: defaults, saving, the report date override and the audit log."""

import datetime as dt
import json

from metodkab.storage.settings import (
    DEFAULTS,
    all_settings,
    get_setting,
    report_date,
    set_settings,
)


def test_defaults_on_a_fresh_database(fresh_db):
    assert all_settings(fresh_db) == DEFAULTS
    assert get_setting(fresh_db, "training_period_years") == 3
    assert get_setting(fresh_db, "young_max_age") == 35
    assert get_setting(fresh_db, "target_young_supported") == 70
    assert get_setting(fresh_db, "no_such_key") is None


def test_set_and_get(fresh_db):
    set_settings(fresh_db, {"training_period_years": 5, "target_federal_register": 40,
                            "user_name": "Петрова А. С."})
    assert get_setting(fresh_db, "training_period_years") == 5
    values = all_settings(fresh_db)
    assert values["target_federal_register"] == 40
    assert values["young_max_age"] == 35                 # untouched keys keep defaults
    set_settings(fresh_db, {"training_period_years": 3})
    assert get_setting(fresh_db, "training_period_years") == 3


def test_values_keep_their_types(fresh_db):
    set_settings(fresh_db, {"mentorship_forms": ["педагог – педагог", "групповое"],
                            "flag": True, "share": 12.5, "text": "ёлка"})
    assert get_setting(fresh_db, "mentorship_forms") == ["педагог – педагог", "групповое"]
    assert get_setting(fresh_db, "flag") is True
    assert get_setting(fresh_db, "share") == 12.5
    assert get_setting(fresh_db, "text") == "ёлка"
    raw = fresh_db.db.conn.execute("SELECT value FROM settings WHERE key = 'text'").fetchone()[0]
    assert raw == '"ёлка"'


def test_user_name_setting_becomes_the_audit_user(fresh_db):
    set_settings(fresh_db, {"user_name": "Петрова А. С."})
    assert fresh_db.user == "Петрова А. С."
    set_settings(fresh_db, {"user_name": ""})            # blank keeps the current user
    assert fresh_db.user == "Петрова А. С."


def test_report_date_is_today_or_the_override(fresh_db):
    assert report_date(fresh_db) == dt.date(2026, 11, 23)          # the frozen clock
    set_settings(fresh_db, {"report_date": "01.09.2026"})
    assert report_date(fresh_db) == dt.date(2026, 9, 1)
    set_settings(fresh_db, {"report_date": "2026-05-31"})
    assert report_date(fresh_db) == dt.date(2026, 5, 31)
    set_settings(fresh_db, {"report_date": ""})
    assert report_date(fresh_db) == dt.date(2026, 11, 23)


def _audit(store) -> list[tuple[str, str, str, dict]]:
    return [(r[0], r[1], r[2], json.loads(r[3])) for r in store.db.conn.execute(
        "SELECT table_name, record_id, action, changes FROM audit_log WHERE table_name = 'settings'"
        " ORDER BY id")]


def test_changes_are_audited_with_old_and_new_values(fresh_db):
    set_settings(fresh_db, {"training_period_years": 5, "young_max_age": 35})
    assert _audit(fresh_db) == [("settings", "*", "update", {"training_period_years": [3, 5]})]
    set_settings(fresh_db, {"training_period_years": 5})         # no change: no audit line
    assert len(_audit(fresh_db)) == 1


def test_settings_do_not_touch_the_change_counter(fresh_db):
    before = fresh_db.db.conn.execute("SELECT value FROM change_counter").fetchone()[0]
    set_settings(fresh_db, {"training_period_years": 4})
    assert fresh_db.db.conn.execute("SELECT value FROM change_counter").fetchone()[0] == before
