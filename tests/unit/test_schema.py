from metodkab.storage.db import SCHEMA_VERSION, user_version

SYNC_COLUMNS = {"id", "version", "change_seq", "updated_at", "deleted"}


def test_fresh_database_has_every_domain_table(fresh_db):
    tables = set(fresh_db.db.table_names())
    for name in ("school", "staff", "staff_position", "association", "association_member",
                 "qualification_category", "conformity_attestation", "training",
                 "training_deficit", "diagnostic", "deficit", "individual_route", "route_step",
                 "mentorship", "mentorship_mentee", "mentorship_event", "achievement",
                 "programme", "programme_task", "programme_activity", "activity_responsible",
                 "target_indicator", "indicator_target", "settings", "audit_log"):
        assert name in tables
    assert user_version(fresh_db.db) == SCHEMA_VERSION


def test_every_travelling_table_has_sync_columns(fresh_db):
    local = {"settings", "audit_log", "change_counter", "sqlite_sequence",
             "sync_state", "sync_packet"}
    for name in fresh_db.db.table_names():
        if name in local:
            continue
        columns = set(fresh_db.db[name].columns_dict)
        assert SYNC_COLUMNS <= columns, name
