"""Sync packets end to end: school → packet → office, deltas, receipts, every refusal."""

from __future__ import annotations

import json
import os
import zlib

import pytest

from metodkab.domain.models import Staff, Training
from metodkab.storage import repo
from metodkab.sync import crypto, packet
from metodkab.sync.errors import PacketRefused, SyncError
from metodkab.sync.municipal import (content_checksum, export_receipts, import_packets,
                                     init_municipality, revoke_key)
from metodkab.sync.office import list_schools
from metodkab.sync.records import row_models
from metodkab.sync.school import (export_packet, get_state, import_municipality_key,
                                  import_receipt, list_packets, travelling_tables)
from tests.unit.test_sync_support import (CLOCK, copy_exchange, forge, make_exchange,
                                          municipal_rows, school_rows)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_exchange(tmp_path_factory.mktemp("sync") / "x")


@pytest.fixture
def ex(template, tmp_path):
    return copy_exchange(template, tmp_path / "x")


def export(ex, **kwargs):
    store = ex.school_store()
    try:
        return export_packet(store, ex.out, **kwargs)
    finally:
        store.close()


def run_import(ex, files, *, trusted=True, dry_run=False):
    store = ex.muni_store()
    try:
        return import_packets(store, files, trusted=trusted, dry_run=dry_run)
    finally:
        store.close()


def checksum(ex):
    store = ex.muni_store()
    try:
        return content_checksum(store)
    finally:
        store.close()


def receipt_round(ex):
    """The office writes receipts; the school imports its own."""
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


def same_records(ex, code="0412"):
    school = ex.school_store()
    muni = ex.muni_store()
    try:
        return school_rows(school) == municipal_rows(muni, code)
    finally:
        school.close()
        muni.close()


def assert_refused(ex, data: bytes, check: str | tuple[str, ...], name="0412_9.mkp"):
    path = ex.out / name
    path.write_bytes(data)
    before = checksum(ex)
    report = run_import(ex, [path])
    [outcome] = report.outcomes
    assert outcome.outcome == "refused", outcome
    checks = (check,) if isinstance(check, str) else check
    assert outcome.check in checks, outcome.message
    assert name in outcome.message and "Ничего не записано" in outcome.message
    assert checksum(ex) == before
    return outcome


def registered(ex):
    """The school's key registered by a first real packet."""
    result = export(ex)
    run_import(ex, [result.path])
    return result


# --- round trip ------------------------------------------------------------------------


def test_full_packet_round_trip_holds_the_same_records(ex):
    result = export(ex)
    assert result.path.name == "0412_1.mkp"
    assert result.key_created
    assert oct(crypto.school_key_path(ex.school).stat().st_mode & 0o777) == "0o600"
    m = result.manifest
    assert (m.seq, m.kind, m.level, m.change_seq_from) == (1, "full", "full", 0)
    report = run_import(ex, [result.path])
    [outcome] = report.outcomes
    assert outcome.outcome == "applied"
    assert outcome.new_key_fp == m.sender_fp
    assert outcome.totals.added == m.rows and outcome.totals.conflicts == 0
    assert same_records(ex)
    store = ex.muni_store()
    try:
        [row] = list_schools(store)
    finally:
        store.close()
    assert (row.code, row.last_seq, row.gaps, row.fingerprint) == ("0412", 1, 0, m.sender_fp)
    assert row.staff > 0


def test_edit_delta_import_and_reimport(ex):
    first = registered(ex)
    ack = receipt_round(ex)
    assert ack.acknowledged == (1,) and ack.next_from == first.manifest.change_seq_to
    store = ex.school_store()
    try:
        person = repo.find(store, Staff)[0]
        repo.update(store, person.model_copy(update={"first_name": "Ксения",
                                                    "positions": ["учитель", "методист"]}))
        repo.soft_delete(store, Staff, repo.find(store, Staff)[1].id)
        repo.create(store, Training(staff_id=person.id, title="Наставничество в школе",
                                    hours=36, end_date="2026-11-01"))
    finally:
        store.close()
    delta = export(ex)
    m = delta.manifest
    assert (m.seq, m.kind, m.change_seq_from) == (2, "delta", first.manifest.change_seq_to)
    assert m.prev_hash == crypto.sha256_hex(first.path.read_bytes())
    assert 0 < m.rows < 20
    [outcome] = run_import(ex, [delta.path]).outcomes
    assert outcome.outcome == "applied" and not outcome.missing and not outcome.chain_broken
    t = outcome.tables
    assert t["staff"].updated == 1 and t["staff"].deleted == 1
    assert t["training"].added == 1 and t["staff_position"].added == 1
    assert same_records(ex)

    before = checksum(ex)
    [again] = run_import(ex, [delta.path]).outcomes
    assert again.outcome == "duplicate" and "уже загружен" in again.message
    assert checksum(ex) == before


def test_lost_packet_is_healed_by_the_next_delta_and_older_changes_nothing(ex):
    registered(ex)
    receipt_round(ex)
    store = ex.school_store()
    try:
        person = repo.find(store, Staff)[0]
        repo.update(store, person.model_copy(update={"notes": "первая правка"}))
        second = export_packet(store, ex.out)
        person = repo.get(store, Staff, person.id)
        repo.update(store, person.model_copy(update={"notes": "вторая правка"}))
        third = export_packet(store, ex.out)
    finally:
        store.close()
    assert third.manifest.change_seq_from == second.manifest.change_seq_from
    [outcome] = run_import(ex, [third.path]).outcomes
    assert outcome.outcome == "applied"
    assert outcome.missing == (2,) and outcome.covered
    assert same_records(ex)
    before = checksum(ex)
    [late] = run_import(ex, [second.path]).outcomes
    assert late.outcome == "older" and "старше" in late.message
    assert checksum(ex) == before


def test_batch_is_applied_in_order_and_a_repeat_in_it_is_a_no_op(ex):
    store = ex.school_store()
    try:
        first = export_packet(store, ex.out)
        second = export_packet(store, ex.out, full=True)
    finally:
        store.close()
    report = run_import(ex, [second.path, first.path, second.path])
    assert [o.outcome for o in report.outcomes] == ["applied", "applied", "duplicate"]
    assert [o.seq for o in report.outcomes[:2]] == [1, 2]
    assert report.outcomes[1].totals.unchanged == second.manifest.rows


def test_gap_not_covered_and_broken_chain_are_reported(ex):
    registered(ex)
    data = forge(ex, [], seq=5, change_seq_from=900_000, kind="delta",
                 packet_uuid="21111111-2222-4333-8444-555555555555")
    (ex.out / "0412_5.mkp").write_bytes(data)
    [gap] = run_import(ex, [ex.out / "0412_5.mkp"]).outcomes
    assert gap.missing == (2, 3, 4) and not gap.covered
    data = forge(ex, [], seq=6, prev_hash="0" * 64, kind="delta", change_seq_from=1,
                 packet_uuid="31111111-2222-4333-8444-555555555555")
    (ex.out / "0412_6.mkp").write_bytes(data)
    [chain] = run_import(ex, [ex.out / "0412_6.mkp"]).outcomes
    assert chain.outcome == "applied" and chain.chain_broken


def test_dry_run_writes_nothing(ex):
    result = export(ex)
    before = checksum(ex)
    # a new school's key: the dry run shows the manifest and fingerprint, decrypts nothing
    [outcome] = run_import(ex, [result.path], dry_run=True, trusted=True).outcomes
    assert outcome.outcome == "applied" and outcome.new_key_fp and outcome.unverified
    assert outcome.tables == {} and outcome.rows == result.manifest.rows
    assert checksum(ex) == before
    # once the key is registered, a dry run checks and counts every record
    run_import(ex, [result.path])
    again = export(ex, full=True)
    before = checksum(ex)
    [outcome] = run_import(ex, [again.path], dry_run=True).outcomes
    assert outcome.outcome == "applied" and not outcome.unverified
    assert outcome.totals.unchanged == again.manifest.rows
    assert checksum(ex) == before


def test_same_version_other_content_is_a_conflict_and_higher_version_wins(ex):
    registered(ex)
    store = ex.muni_store()
    try:
        table, row_id, version, data = store.db.conn.execute(
            "SELECT table_name, id, version, data FROM records WHERE table_name = 'training' "
            "LIMIT 1").fetchone()
    finally:
        store.close()
    changed = json.loads(data)
    changed["title"] = "Другое название курса"
    body = json.dumps(changed, ensure_ascii=False, separators=(",", ":"))
    line = (f'{{"t":"training","id":"{row_id}","v":{version},"s":5,'
            f'"u":"2026-11-23T12:00:00","d":0,"r":{body}}}')
    (ex.out / "0412_2.mkp").write_bytes(forge(ex, [line], seq=2, kind="delta"))
    [outcome] = run_import(ex, [ex.out / "0412_2.mkp"]).outcomes
    assert outcome.tables["training"].conflicts == 1
    newer = line.replace(f'"v":{version},', f'"v":{version + 1},')
    (ex.out / "0412_3.mkp").write_bytes(forge(
        ex, [newer], seq=3, kind="delta", packet_uuid="41111111-2222-4333-8444-555555555555"))
    [outcome] = run_import(ex, [ex.out / "0412_3.mkp"]).outcomes
    assert outcome.tables["training"].updated == 1
    store = ex.muni_store()
    try:
        stored = store.db.conn.execute("SELECT data FROM records WHERE id = ?",
                                       (row_id,)).fetchone()[0]
    finally:
        store.close()
    assert json.loads(stored)["title"] == "Другое название курса"


def test_classify_rules():
    from metodkab.sync.municipal import classify

    old = (2, 0, "full", '{"a":1}')
    assert classify("training", "full", 1, 0, '{"a":1}', None) == "added"
    assert classify("training", "full", 1, 1, '{"a":1}', None) == "gone"   # never had it
    assert classify("training", "full", 3, 0, '{"a":2}', old) == "updated"
    assert classify("training", "full", 3, 1, '{"a":1}', old) == "deleted"
    assert classify("training", "full", 2, 0, '{"a":1}', old) == "unchanged"
    assert classify("training", "full", 2, 0, '{"a":2}', old) == "conflict"
    assert classify("training", "full", 1, 0, '{"a":0}', old) == "conflict"
    assert classify("training", "full", 1, 0, '{"a":1}', old) == "unchanged"
    assert classify("training", "full", 2, 0, '{"a":1,"b":null}', old) == "updated"
    assert classify("training", "deidentified", 2, 0, '{"a":1}', old) == "unchanged"
    assert classify("staff", "deidentified", 2, 0, '{"a":1}', old) == "updated"
    assert classify("staff", "deidentified", 2, 0, '{"a":5}', (2, 0, "deidentified", '{"a":1}')) \
        == "updated"


# --- de-identified packets ---------------------------------------------------------------


def test_deidentified_packet_carries_no_names_birth_dates_or_snils(ex):
    result = export(ex, level="deidentified")
    assert result.manifest.level == "deidentified" and result.manifest.bands_on == "2026-11-23"
    run_import(ex, [result.path])
    store = ex.muni_store()
    try:
        staff = [json.loads(d) for (d,) in store.db.conn.execute(
            "SELECT data FROM records WHERE table_name = 'staff'")]
        school = json.loads(store.db.conn.execute(
            "SELECT data FROM records WHERE table_name = 'school'").fetchone()[0])
        text = " ".join(d for (d,) in store.db.conn.execute("SELECT data FROM records"))
        view = store.db.conn.execute(
            "SELECT count(*) FROM m_staff WHERE age_band IS NOT NULL").fetchone()[0]
    finally:
        store.close()
    assert staff and view == len(staff)
    for row in staff:
        assert not {"last_name", "first_name", "middle_name", "birth_date", "snils", "phone",
                    "ped_start_date"} & set(row)
        assert row["age_band"] and row["experience_band"] and row["bands_on"] == "2026-11-23"
    assert school["director"] == "" and school["deputy"] == ""
    school_db = ex.school_store()
    try:
        surnames = [p.last_name for p in repo.find(school_db, Staff)]
    finally:
        school_db.close()
    assert not any(name in text for name in surnames)


# --- receipts --------------------------------------------------------------------------


def test_receipt_marks_packets_and_is_checked(ex, tmp_path):
    registered(ex)
    first = receipt_round(ex)
    assert first.acknowledged == (1,) and not first.already
    assert receipt_round(ex).already
    school = ex.school_store()
    try:
        assert get_state(school).acked_seq == 1
        assert list_packets(school)[0].acknowledged_at
    finally:
        school.close()
    # a receipt with one byte changed is refused
    store = ex.muni_store()
    try:
        [path] = export_receipts(store, tmp_path)
    finally:
        store.close()
    text = path.read_text(encoding="utf-8").replace('\\"seq\\":1', '\\"seq\\":7')
    path.write_text(text, encoding="utf-8")
    school = ex.school_store()
    try:
        with pytest.raises(PacketRefused) as refused:
            import_receipt(school, path)
    finally:
        school.close()
    assert refused.value.check == "signature"


def test_receipt_of_another_office_is_refused(ex, tmp_path):
    registered(ex)
    other = init_municipality(tmp_path / "other.sqlite", name="Другое", clock=CLOCK)
    school = ex.school_store()
    try:
        import_municipality_key(school, other.public_path, replace=True)
    finally:
        school.close()
    with pytest.raises(PacketRefused) as refused:
        receipt_round(ex)
    assert refused.value.check == "signature"


# --- keys ------------------------------------------------------------------------------


def test_key_files(ex, tmp_path):
    assert oct(crypto.municipality_key_path(ex.muni).stat().st_mode & 0o777) == "0o600"
    school = ex.school_store()
    try:
        other = init_municipality(tmp_path / "o.sqlite", name="Другое", clock=CLOCK)
        with pytest.raises(SyncError, match="--replace"):
            import_municipality_key(school, other.public_path)
        bad = tmp_path / "bad.mkkey"
        bad.write_text(ex.public.read_text(encoding="utf-8").replace('"fingerprint": "',
                                                                    '"fingerprint": "0'))
        with pytest.raises(SyncError, match="«bad.mkkey» — не ключ управления образованием"):
            import_municipality_key(school, bad)
        key = get_state(school).municipality
        assert key is not None and key.fingerprint == ex.office.fingerprint
    finally:
        school.close()
    with pytest.raises(SyncError, match="уже существует"):
        init_municipality(ex.muni, name="x", clock=CLOCK)


def test_export_needs_the_office_key_and_a_school_code(tmp_path):
    from metodkab.sync.sample import sample_school
    from metodkab.storage.db import open_store

    path = sample_school(tmp_path / "s.sqlite", code="", staff=2)
    store = open_store(path, clock=CLOCK)
    try:
        with pytest.raises(SyncError, match="не загружен"):
            export_packet(store, tmp_path)
        other = init_municipality(tmp_path / "m.sqlite", name="У", clock=CLOCK)
        import_municipality_key(store, other.public_path)
        with pytest.raises(SyncError, match="Код школы"):
            export_packet(store, tmp_path)
        assert get_state(store).last_seq == 0
    finally:
        store.close()


def test_unknown_school_key_is_refused_until_confirmed(ex):
    result = export(ex)
    before = checksum(ex)
    [outcome] = run_import(ex, [result.path], trusted=False).outcomes
    assert outcome.outcome == "untrusted" and result.manifest.sender_fp in outcome.message
    assert checksum(ex) == before
    [outcome] = run_import(ex, [result.path], trusted=lambda c: True).outcomes
    assert outcome.outcome == "applied"


def test_packet_signed_by_another_key_is_refused_until_the_key_is_forgotten(ex):
    from nacl.signing import SigningKey

    registered(ex)
    stranger = SigningKey.generate()
    data = forge(ex, [], key=stranger, seq=2, school_name="СОШ № 0412",
                 packet_uuid="51111111-2222-4333-8444-555555555555")
    outcome = assert_refused(ex, data, "key")
    assert "другим ключом" in outcome.message and "карточке школы" in outcome.advice
    assert (outcome.school_code, outcome.seq) == ("0412", 2)
    store = ex.muni_store()
    try:
        revoke_key(store, "0412")
    finally:
        store.close()
    # The school keeps its numbers: № 2 follows № 1 under the new key, no false gap.
    (ex.out / "0412_2.mkp").write_bytes(data)
    [outcome] = run_import(ex, [ex.out / "0412_2.mkp"], trusted=False).outcomes
    assert outcome.outcome == "untrusted" and "сменила ключ" in outcome.message
    assert "впервые" not in outcome.message
    [outcome] = run_import(ex, [ex.out / "0412_2.mkp"]).outcomes
    assert outcome.outcome == "applied" and outcome.new_key_fp and outcome.key_changed
    assert outcome.missing == ()


def test_another_school_with_the_same_code_is_a_clash_not_a_key_change(ex):
    from nacl.signing import SigningKey

    registered(ex)
    data = forge(ex, [], key=SigningKey.generate(), seq=2, school_name="Лицей № 3",
                 packet_uuid="61111111-2222-4333-8444-555555555555")
    outcome = assert_refused(ex, data, "clash")
    assert "другая школа с тем же кодом" in outcome.message
    assert "«Лицей № 3»" in outcome.message and "«СОШ № 0412»" in outcome.message
    assert "ключ" not in outcome.advice and "forget-key" not in outcome.message
    store = ex.muni_store()
    try:                                 # a forgotten key does not let it in either
        revoke_key(store, "0412")
    finally:
        store.close()
    assert_refused(ex, data, "clash")
    # The same school under its own key may rename itself.
    renamed = forge(ex, [], seq=2, school_name="МБОУ «СОШ № 0412»",
                    packet_uuid="71111111-2222-4333-8444-555555555555")
    store = ex.muni_store()
    try:
        with store.atomic():
            store.db.conn.execute("UPDATE school_keys SET revoked_at = NULL")
    finally:
        store.close()
    (ex.out / "0412_2.mkp").write_bytes(renamed)
    [outcome] = run_import(ex, [ex.out / "0412_2.mkp"]).outcomes
    assert outcome.outcome == "applied", outcome.message


def test_a_restored_school_reusing_a_number_is_refused_and_told_what_to_do(ex):
    registered(ex)
    data = forge(ex, [], seq=1, school_name="СОШ № 0412", created_at="2026-11-24T09:00:00",
                 packet_uuid="81111111-2222-4333-8444-555555555555")
    outcome = assert_refused(ex, data, "restored")
    assert "восстановлена из старой копии" in outcome.message and "квитанцию" in outcome.advice


# --- refusals --------------------------------------------------------------------------


def test_tampered_byte_anywhere_is_refused(ex):
    registered(ex)
    store = ex.school_store()
    try:
        data = export_packet(store, ex.out, full=True).path.read_bytes()
    finally:
        store.close()
    manifest_end = packet.HEADER.size + packet.HEADER.unpack_from(data)[2]
    places = {0: "format", 8: "format", 11: ("size", "format"), 20: ("format", "signature"),
              manifest_end - 3: ("format", "signature"), manifest_end + 5: "signature",
              manifest_end + 70: "hash", len(data) // 2: "hash", len(data) - 1: "hash"}
    for offset, check in places.items():
        bad = bytearray(data)
        bad[offset] ^= 0x40
        assert_refused(ex, bytes(bad), check)


def test_wrong_recipient_is_refused(ex, tmp_path):
    registered(ex)
    other = init_municipality(tmp_path / "o.sqlite", name="Другое", clock=CLOCK)
    key = crypto.MunicipalityPublicKey.from_json(other.public_path.read_text(encoding="utf-8"))
    data = forge(ex, [], seq=2, recipient=key.box_key, recipient_fp=key.fingerprint)
    assert "другого управления" in assert_refused(ex, data, "recipient").message
    # addressed to us in the manifest, but sealed to another key
    data = forge(ex, [], seq=2, recipient=key.box_key)
    assert_refused(ex, data, "decryption")


def test_truncated_garbage_and_replayed_files(ex):
    result = registered(ex)
    data = result.path.read_bytes()
    for cut in (0, 5, 14, 100, len(data) - 64, len(data) - 1):
        assert_refused(ex, data[:cut], ("size", "format"))
    assert_refused(ex, data + b"\0", "format")
    assert_refused(ex, os.urandom(3000), "format")
    assert_refused(ex, b"MKPACKET" + os.urandom(3000), ("format", "size"))
    assert_refused(ex, "Привет, это не пакет".encode() * 10, "format")
    before = checksum(ex)
    replay = ex.out / "copy.mkp"
    replay.write_bytes(data)
    [outcome] = run_import(ex, [replay]).outcomes
    assert outcome.outcome == "duplicate" and checksum(ex) == before


def test_oversized_file_and_content_are_refused(ex, monkeypatch):
    result = registered(ex)
    monkeypatch.setattr(packet, "MAX_PACKET_BYTES", 1000)
    assert_refused(ex, result.path.read_bytes(), "size")
    monkeypatch.undo()
    monkeypatch.setattr(packet, "MAX_CONTENT_BYTES", 100)
    data = forge(ex, [], seq=2)
    assert "после распаковки" in assert_refused(ex, data, "size").message


def test_decompression_bomb_is_refused(ex):
    registered(ex)
    key = ex.school_key
    office = ex.office
    header = crypto.canonical_json({"packet_uuid": "61111111-2222-4333-8444-555555555555",
                                    "school_code": "0412",
                                    "sender_fp": crypto.school_fingerprint(bytes(key.verify_key)),
                                    "seq": 2})
    bomb = header + b"\n" + b" " * (20 << 20)              # 20 MB of spaces
    sealed = crypto.seal(office.public[0], zlib.compress(bomb, 9))
    assert len(sealed) < 100_000
    fields = json.loads(packet.split_packet(forge(ex, [], seq=2), "x").signed[14:])
    fields.update(packet_uuid="61111111-2222-4333-8444-555555555555",
                  payload_hash=crypto.sha256_hex(sealed), payload_size=len(sealed),
                  content_size=1000, content_hash="0" * 64)
    manifest = crypto.canonical_json(fields)
    signed = packet.HEADER.pack(packet.MAGIC, 1, len(manifest)) + manifest
    data = signed + crypto.sign(key, signed) + sealed
    assert "больше заявленного" in assert_refused(ex, data, "size").message


def test_invalid_records_are_refused(ex):
    registered(ex)
    store = ex.muni_store()
    try:
        staff_id, data = store.db.conn.execute(
            "SELECT id, data FROM records WHERE table_name = 'staff' LIMIT 1").fetchone()
    finally:
        store.close()
    good = json.loads(data)

    def line(table="staff", row=None, row_id=staff_id, v=9, s=5):
        body = json.dumps(good if row is None else row, ensure_ascii=False,
                          separators=(",", ":"))
        return f'{{"t":"{table}","id":"{row_id}","v":{v},"s":{s},"u":"2026-11-23T12:00:00","d":0,"r":{body}}}'

    cases = [
        ["не json"],
        [line(table="secrets")],
        [line(row={**good, "last_name": "Иванов2"})],
        [line(row={**good, "birth_date": "2026-02-30"})],
        [line(row={**good, "birth_date": "1800-01-01"})],
        [line(row={**good, "hire_date": "01.09.2020"})],
        [line(row={**good, "salary": 100})],
        [line(row={k: x for k, x in good.items() if k != "last_name"})],
        [line(row={**good, "employment": "по договору"})],
        [line(row_id="not-a-uuid")],
        [line(s=20_000)],
        [line(), line()],
        [line(table="training", row={"staff_id": staff_id, "title": "Курс", "hours": 10,
                                      "end_date": "2026-01-01"})],
        [line() + " "],
    ]
    for n, lines in enumerate(cases):
        data = forge(ex, lines, seq=2,
                     packet_uuid=f"71111111-2222-4333-8444-{n:012d}")
        outcome = assert_refused(ex, data, "records")
        assert "не проходит проверку" in outcome.message or "совпадает" in outcome.message
    # the counts in the manifest and the inner header must match the content
    assert_refused(ex, forge(ex, [line()], seq=2, counts={"staff": 2}, rows=2), "records")
    assert_refused(ex, forge(ex, [line()], seq=2, header={"seq": 1}), "records")


def test_newer_format_and_schema_are_refused(ex):
    registered(ex)
    data = bytearray(forge(ex, [], seq=2))
    data[8:10] = (2).to_bytes(2, "big")
    assert "формат пакета 2" in assert_refused(ex, bytes(data), "format").message
    assert "схема 99" in assert_refused(ex, forge(ex, [], seq=2, schema_version=99),
                                        "format").message


# --- structure -------------------------------------------------------------------------


def test_every_travelling_table_has_a_wire_model(fresh_db):
    models = row_models("full")
    tables = {t for t, _ in travelling_tables(fresh_db)}
    assert tables <= set(models), tables - set(models)


def test_sync_never_imports_textual():
    import subprocess
    import sys

    code = ("import sys, metodkab.sync.municipal, metodkab.sync.school, "
            "metodkab.sync.commands, metodkab.sync.sample; "
            "assert 'textual' not in sys.modules, 'textual imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_demo_school_round_trip(tmp_path):
    """The demo school as the app ships it: full packet, office import, the same records;
    an edit, a delta, the same again."""
    from metodkab.demo import build_demo
    from metodkab.storage.db import open_store

    build_demo(tmp_path / "demo.sqlite", today=CLOCK.today())
    office = init_municipality(tmp_path / "office.sqlite", name="УО", clock=CLOCK)
    out = tmp_path / "out"
    out.mkdir()
    school = open_store(tmp_path / "demo.sqlite", clock=CLOCK)
    try:
        import_municipality_key(school, office.public_path)
        code = school.db.conn.execute("SELECT code FROM school").fetchone()[0]
        first = export_packet(school, out)
    finally:
        school.close()
    from tests.unit.test_sync_support import Exchange

    ex = Exchange(tmp_path, tmp_path / "demo.sqlite", office.db_path, office.public_path, out)
    [outcome] = run_import(ex, [first.path]).outcomes
    assert outcome.outcome == "applied" and outcome.totals.added == first.manifest.rows
    assert same_records(ex, code)
    receipt_round(ex)
    school = ex.school_store()
    try:
        person = repo.find(school, Staff)[3]
        repo.update(school, person.model_copy(update={"notes": "переведена в другую школу"}))
        delta = export_packet(school, out)
    finally:
        school.close()
    assert delta.manifest.kind == "delta" and delta.manifest.rows >= 1
    [outcome] = run_import(ex, [delta.path]).outcomes
    assert outcome.tables["staff"].updated == 1
    assert same_records(ex, code)


def test_a_locked_office_database_leaves_garbage_collection_on(ex):
    """The import switches the cyclic collector off while it applies; a database locked by
    another program (BEGIN fails) must not leave it off for the rest of the session."""
    import gc
    import sqlite3

    from metodkab.sync.municipal import apply_packets

    store = ex.muni_store()
    other = sqlite3.connect(ex.muni, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        store.db.conn.execute("PRAGMA busy_timeout = 0")
        assert gc.isenabled()
        with pytest.raises(sqlite3.OperationalError):
            apply_packets(store, [])
        assert gc.isenabled()
    finally:
        other.execute("ROLLBACK")
        other.close()
        store.close()
