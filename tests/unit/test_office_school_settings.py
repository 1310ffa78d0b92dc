"""The school's settings travel in its packets (the header line, sync/records.FigureSettings):
checked as hostile input, stored per school at the office, named on the school's card; a
packet of an older program without them still loads and the office says the school's
figures are computed with the default settings."""

from __future__ import annotations

import json
import sqlite3

import pytest

from metodkab.storage.settings import DEFAULTS, set_settings
from metodkab.sync import crypto, packet
from metodkab.sync.commands import report_lines
from metodkab.sync.errors import SyncError
from metodkab.sync.consolidated import consolidate
from metodkab.sync.municipal import content_checksum, import_packets
from metodkab.sync.office import list_schools, school_card, settings_note
from metodkab.sync.records import FigureSettings
from metodkab.sync.sample import TODAY
from metodkab.sync.school import export_packet
from tests.unit.test_sync_support import copy_exchange, forge, make_exchange

OWN = {"support_mentorship": False, "young_max_age": 30, "target_young_supported": 50}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_exchange(tmp_path_factory.mktemp("settings") / "x", staff=5)


@pytest.fixture
def ex(template, tmp_path):
    return copy_exchange(template, tmp_path / "x")


def export(ex, settings: dict | None = None):
    store = ex.school_store()
    try:
        if settings:
            set_settings(store, settings)
        return export_packet(store, ex.out).path
    finally:
        store.close()


def old_program_packet(ex, path, *, header: dict | None = None) -> bytes:
    """The packet at ``path`` as a program before this change made it: the same records,
    a header line without the school's settings (or ``header`` as given)."""
    raw = packet.read_packet(path)
    lines = packet.open_payload(raw, ex.office.box).decode().split("\n")
    sent = crypto.canonical_json({k: v for k, v in json.loads(lines[0]).items()
                                  if k != "settings"})
    m = raw.manifest
    return forge(ex, lines[1:], header=header or json.loads(sent),
                 packet_uuid=m.packet_uuid, school_code=m.school_code,
                 school_name=m.school_name, seq=m.seq, change_seq_to=m.change_seq_to,
                 counts=m.counts, schema_version=m.schema_version, created_at=m.created_at)


def papers(report) -> tuple[str, bool]:
    """What the office's workbook («Школы»: the settings column) and analytical note (a
    school named as counted with the defaults) say of the one school's settings."""
    from metodkab.sync.consolidated_files import note_document, schools_sheet

    [row] = schools_sheet(report, "Школы").rows
    text = "\n".join(p.text for p in note_document(report).paragraphs)
    assert "рассчитаны по её настройкам" in text
    return row[-2], f"по настройкам по умолчанию: {report.schools[0].name} (0412)" in text


def load(ex, *paths, dry_run=False):
    store = ex.muni_store()
    try:
        return import_packets(store, list(paths), trusted=True, dry_run=dry_run)
    finally:
        store.close()


def test_an_old_packet_loads_and_the_office_says_the_defaults_are_used(ex):
    path = export(ex, OWN)
    path.write_bytes(old_program_packet(ex, path))
    report = load(ex, path)
    [outcome] = report.outcomes
    assert outcome.outcome == "applied" and outcome.default_settings
    said = "\n".join(report_lines(report))
    assert "настройкам по умолчанию" in said and "0412" in said
    store = ex.muni_store()
    try:
        [row] = list_schools(store)
        card = school_card(store, "0412")
        figures = consolidate(store, TODAY)
    finally:
        store.close()
    assert row.default_settings and card.settings is None
    assert figures.schools[0].default_settings
    assert "по умолчанию" in settings_note(card)
    assert figures.result("0412", "young_supported").target == 70     # the default
    assert papers(figures) == ("по умолчанию (школа их не прислала)", True)

    # the school updates its program: its next packet brings the settings
    second = export(ex)
    [outcome] = load(ex, second).outcomes
    assert outcome.outcome == "applied" and not outcome.default_settings
    store = ex.muni_store()
    try:
        card = school_card(store, "0412")
        figures = consolidate(store, TODAY)
    finally:
        store.close()
    assert card.settings == {**{k: DEFAULTS[k] for k in FigureSettings.model_fields}, **OWN}
    note = settings_note(card)
    assert "Молодой педагог: моложе, лет — 30 (по умолчанию 35)" in note
    assert "Наставничество" in note and "— нет (по умолчанию да)" in note
    assert figures.result("0412", "young_supported").target == 50
    assert not figures.schools[0].default_settings
    assert papers(figures) == ("школы", False)


@pytest.mark.parametrize(("settings", "why"), [
    ({"young_max_age": 17}, "Молодой педагог: моложе, лет"),
    ({"young_max_age": "35"}, "Молодой педагог: моложе, лет"),
    ({"young_max_age": 35.0}, "Молодой педагог: моложе, лет"),
    ({"support_route": 1}, "Утверждённый действующий ИОМ"),
    ({"target_young_supported": 101}, "Молодые педагоги с сопровождением"),
    ({"mentorship_min_months": 10, "mentorship_max_months": 4}, "наименьший срок"),
    ({"pedagogical_stems": ["пед"]}, "pedagogical_stems"),
    ({"export_folder": "/etc"}, "export_folder"),
])
def test_settings_out_of_bounds_or_unknown_refuse_the_packet(ex, settings, why):
    path = export(ex)
    raw = packet.read_packet(path)
    lines = packet.open_payload(raw, ex.office.box).decode().split("\n")
    header = json.loads(lines[0])
    header["settings"] = {**header["settings"], **settings}
    path.write_bytes(old_program_packet(ex, path, header=header))
    before = checksum(ex)
    [outcome] = load(ex, path).outcomes
    assert outcome.outcome == "refused" and outcome.check == "records"
    assert "настройки школы" in outcome.message and why in outcome.message, outcome.message
    assert checksum(ex) == before


@pytest.mark.parametrize("value", [None, [], "все", {}])
def test_settings_that_are_not_an_object_of_every_key_refuse_the_packet(ex, value):
    path = export(ex)
    raw = packet.read_packet(path)
    lines = packet.open_payload(raw, ex.office.box).decode().split("\n")
    header = {**json.loads(lines[0]), "settings": value}
    path.write_bytes(old_program_packet(ex, path, header=header))
    [outcome] = load(ex, path).outcomes
    assert outcome.outcome == "refused" and "настройки школы" in outcome.message


def checksum(ex) -> str:
    store = ex.muni_store()
    try:
        return content_checksum(store)
    finally:
        store.close()


def test_an_office_database_of_schema_3_upgrades_and_keeps_its_schools(ex):
    first = export(ex)
    load(ex, first)
    conn = sqlite3.connect(ex.muni)             # as schema 3 made it
    conn.execute("ALTER TABLE schools DROP COLUMN settings")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    store = ex.muni_store()
    try:
        assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == 4
        [row] = list_schools(store)
        assert row.code == "0412" and row.default_settings     # nothing sent yet
        assert consolidate(store, TODAY).results["0412"]
    finally:
        store.close()
    [outcome] = load(ex, export(ex, OWN)).outcomes
    assert outcome.outcome == "applied" and not outcome.default_settings
    store = ex.muni_store()
    try:
        assert school_card(store, "0412").settings["young_max_age"] == 30
    finally:
        store.close()


def test_a_setting_the_office_would_refuse_stops_the_export_with_its_name(ex):
    store = ex.school_store()
    try:
        store.db.conn.execute("INSERT INTO settings (key, value) VALUES "
                              "('training_period_years', '\"5\"')")   # not a number
        store.db.conn.commit()
        with pytest.raises(SyncError) as refused:
            export_packet(store, ex.out)
    finally:
        store.close()
    assert "Период обязательных курсов, лет" in str(refused.value)
    assert "Настройки" in str(refused.value) and not list(ex.out.iterdir())
