"""The office around the packets: the numbers actually missing, a school's key replaced
with its history kept, a school restored from an old copy, the files of a folder."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metodkab.domain.models import Staff
from metodkab.storage import repo
from metodkab.sync.errors import SyncError
from metodkab.sync.municipal import export_receipts, import_packets
from metodkab.sync.office import (PacketInfo, list_schools, missing_numbers, read_new_key,
                                  replace_key, scan, school_card)
from metodkab.sync import crypto
from metodkab.sync.school import export_packet, import_receipt, seq_path
from tests.unit.test_sync_support import copy_exchange, make_exchange


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_exchange(tmp_path_factory.mktemp("office") / "x", staff=4)


@pytest.fixture
def ex(template, tmp_path):
    return copy_exchange(template, tmp_path / "x")


def export(ex, **kwargs):
    store = ex.school_store()
    try:
        return export_packet(store, ex.out, **kwargs)
    finally:
        store.close()


def edit(ex, note: str) -> None:
    store = ex.school_store()
    try:
        person = repo.find(store, Staff)[0]
        repo.update(store, person.model_copy(update={"notes": note}))
    finally:
        store.close()


def load(ex, *paths, trusted=True):
    store = ex.muni_store()
    try:
        return import_packets(store, list(paths), trusted=trusted).outcomes
    finally:
        store.close()


def receipt(ex):
    store = ex.muni_store()
    try:
        [path] = export_receipts(store, ex.out)
    finally:
        store.close()
    school = ex.school_store()
    try:
        return import_receipt(school, path)
    finally:
        school.close()


def card(ex, code="0412"):
    store = ex.muni_store()
    try:
        return school_card(store, code)
    finally:
        store.close()


# --- the numbers actually missing ------------------------------------------------------


def info(seq, kind, since, upto):
    return PacketInfo(seq, kind, "full", since, upto, 0, "", "", "", "")


@st.composite
def histories(draw):
    """A school writes packets (each from the last change the office acknowledged);
    some get lost, receipts come back now and then; returns the packets received."""
    received: list[PacketInfo] = []
    acked = 0
    change = 0
    for seq in range(1, draw(st.integers(1, 12)) + 1):
        change += draw(st.integers(0, 3))
        full = draw(st.booleans()) and draw(st.booleans())
        since = 0 if full else acked
        packet = info(seq, "full" if since == 0 else "delta", since, change)
        if draw(st.integers(0, 3)):                     # arrives (three times in four)
            received.append(packet)
            if draw(st.booleans()):                     # a receipt acknowledges it
                acked = max(acked, change)
    return received


def covered_by_union(received: list[PacketInfo], number: int) -> bool:
    """A second reading: the changes the office lacks after the packets before ``number``
    up to the next packet it got are inside the union of what later packets carried."""
    before = [p.change_seq_to for p in received if p.seq < number]
    had = max(before, default=0)
    later = sorted((p for p in received if p.seq > number), key=lambda p: p.seq)
    need = later[0].change_seq_to
    reach = had
    for p in sorted(later, key=lambda p: 0 if p.kind == "full" else p.change_seq_from):
        start = 0 if p.kind == "full" else p.change_seq_from
        if start <= reach:
            reach = max(reach, p.change_seq_to)
    return reach >= need


@settings(max_examples=150, deadline=None)
@given(histories())
def test_a_gap_is_missing_until_a_later_cumulative_packet_covers_it(received):
    gaps = missing_numbers(received)
    top = max((p.seq for p in received), default=0)
    absent = [n for n in range(1, top) if n not in {p.seq for p in received}]
    assert sorted(gaps.missing + tuple(gaps.covered)) == absent
    for number in absent:
        assert (number in gaps.covered) == covered_by_union(received, number), number


def test_missing_numbers_examples():
    assert missing_numbers([]).missing == ()
    # 2 lost, 3 starts from what 1 brought: covered by 3
    gaps = missing_numbers([info(1, "full", 0, 10), info(3, "delta", 10, 30)])
    assert gaps.missing == () and gaps.covered == {2: 3}
    # 2 lost and 3 starts after 2's changes: 2 is missing until a full packet comes
    gaps = missing_numbers([info(1, "full", 0, 10), info(3, "delta", 20, 30)])
    assert gaps.missing == (2,)
    gaps = missing_numbers([info(1, "full", 0, 10), info(3, "delta", 20, 30),
                            info(4, "full", 0, 40)])
    assert gaps.missing == () and gaps.covered == {2: 4}


# --- a key replaced keeps the school's history ------------------------------------------


def test_replacing_the_key_keeps_numbers_and_history(ex):
    first = export(ex)
    load(ex, first.path)
    receipt(ex)
    crypto.school_key_path(ex.school).unlink()         # the school moved to a new computer
    seq_path(crypto.school_key_path(ex.school)).unlink(missing_ok=True)
    edit(ex, "после переезда")
    second = export(ex)
    assert second.key_created and second.manifest.seq == 2
    [refused] = load(ex, second.path)
    assert refused.check == "key"
    store = ex.muni_store()
    try:
        key = read_new_key(store, "0412", second.path)
        assert key.fingerprint == second.manifest.sender_fp
        old = replace_key(store, key)
        with pytest.raises(SyncError, match="уже зарегистрированным"):
            read_new_key(store, "0412", second.path)
    finally:
        store.close()
    assert old == first.manifest.sender_fp
    [applied] = load(ex, second.path, trusted=False)      # no question: the key is known
    assert applied.outcome == "applied" and not applied.new_key_fp and applied.missing == ()
    school = card(ex)
    assert [k.fingerprint for k in school.keys] == [key.fingerprint, old]
    assert school.keys[1].revoked_at and not school.keys[0].revoked_at
    assert [p.seq for p in school.packets] == [1, 2] and school.gaps.missing == ()


def test_a_packet_of_another_school_cannot_give_its_key(ex, tmp_path):
    other = make_exchange(tmp_path / "other", code="0999", staff=2)
    shutil.copy(crypto.municipality_key_path(ex.muni), crypto.municipality_key_path(other.muni))
    load(ex, export(ex).path)
    foreign = export(other)
    store = ex.muni_store()
    try:
        with pytest.raises(SyncError, match="0999"):
            read_new_key(store, "0412", foreign.path)
    finally:
        store.close()


# --- a school restored from an old copy --------------------------------------------------


def test_a_restored_school_continues_its_numbers_from_the_file_beside_its_key(ex):
    backup = ex.folder / "copy.sqlite"
    load(ex, export(ex).path)
    shutil.copy(ex.school, backup)                      # the school's backup after № 1
    edit(ex, "вторая")
    load(ex, export(ex).path)
    shutil.copy(backup, ex.school)                      # restored: the database says № 1
    third = export(ex)
    assert third.manifest.seq == 3 and third.restored_after == 2
    assert third.manifest.kind == "full"
    [outcome] = load(ex, third.path)
    assert outcome.outcome == "applied" and outcome.missing == ()


def test_a_restored_school_without_the_file_is_refused_then_resynced_by_a_receipt(ex):
    backup = ex.folder / "copy.sqlite"
    load(ex, export(ex).path)
    shutil.copy(ex.school, backup)
    edit(ex, "вторая")
    load(ex, export(ex).path)
    shutil.copy(backup, ex.school)
    seq_path(crypto.school_key_path(ex.school)).unlink()   # the small file lost too
    ex.out = ex.folder / "stick"
    ex.out.mkdir()
    again = export(ex)
    assert again.manifest.seq == 2
    [outcome] = load(ex, again.path)
    assert outcome.outcome == "refused" and outcome.check == "restored"
    assert "Ctrl+R" in outcome.advice
    result = receipt(ex)
    assert result.resynced and result.continues_after == 2
    fresh = export(ex)
    assert fresh.manifest.seq == 3 and fresh.manifest.kind == "full"
    [outcome] = load(ex, fresh.path)
    assert outcome.outcome == "applied"
    assert [r.gaps for r in list_schools_of(ex)] == [0]


def list_schools_of(ex):
    store = ex.muni_store()
    try:
        return list_schools(store)
    finally:
        store.close()


# --- the files of a folder ---------------------------------------------------------------


def test_scan_reports_folders_and_other_files(tmp_path):
    (tmp_path / "0412_1.mkp").write_bytes(b"x")
    (tmp_path / "note.txt").write_text("x")
    (tmp_path / "old").mkdir()
    paths, skipped = scan(tmp_path)
    assert [p.name for p in paths] == ["0412_1.mkp"]
    assert {(o.file_name, o.outcome) for o in skipped} == {("note.txt", "skipped"),
                                                           ("old", "skipped")}
    assert scan(tmp_path / "0412_1.mkp") == ([tmp_path / "0412_1.mkp"], [])


def test_a_text_file_named_mkp_is_not_a_packet_and_a_cut_one_is_truncated(ex):
    text = ex.out / "readme.mkp"
    text.write_text("Это просто текст", encoding="utf-8")
    good = export(ex).path
    cut = ex.out / "0412_cut.mkp"
    cut.write_bytes(good.read_bytes()[:-50])
    outcomes = {o.file_name: o for o in load(ex, text, cut)}
    assert "не пакет" in outcomes["readme.mkp"].message
    assert "файл обрезан" in outcomes["0412_cut.mkp"].message
    assert "байт" not in outcomes["0412_cut.mkp"].message
    assert "выгрузить пакет заново" in outcomes["0412_cut.mkp"].advice
    assert outcomes["0412_cut.mkp"].school_code == "0412"


def test_an_office_database_of_schema_1_is_backed_up_and_migrated(tmp_path):
    import sqlite3

    from metodkab.storage.backup import list_backups
    from metodkab.sync.municipal import init_municipality, open_municipal
    from metodkab.sync.office import get_setting, set_setting
    from tests.unit.test_sync_support import CLOCK

    result = init_municipality(tmp_path / "o.sqlite", name="УО", clock=CLOCK)
    conn = sqlite3.connect(result.db_path)             # as the first version made it
    conn.execute("DROP TABLE office_settings")
    conn.execute("DROP TABLE school_register")
    conn.execute("ALTER TABLE schools DROP COLUMN phone")
    conn.execute("ALTER TABLE schools DROP COLUMN settings")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = open_municipal(result.db_path, clock=CLOCK)
    try:
        assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == 4
        columns = {r[1] for r in store.db.conn.execute("PRAGMA table_info(schools)")}
        assert {"phone", "settings"} <= columns
        assert store.db.conn.execute("SELECT count(*) FROM school_register").fetchone()[0] == 0
        set_setting(store, "last_folder", "/media/usb")
        assert get_setting(store, "last_folder") == "/media/usb"
        assert list_schools(store) == []
    finally:
        store.close()
    [kept] = list_backups(result.db_path)
    assert kept.name.endswith("-before-migrate.sqlite")
