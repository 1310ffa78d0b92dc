"""Fuzz: packets (signed with the school's real key, so every check past the signature
runs), receipts and key files made of random bytes and random JSON. Every one ends in a
Russian message (a StorageError, which the command line and the app print as one line) —
never another exception — and a refusal leaves the databases exactly as they were.
Bounded (few examples, small inputs) so that the suite stays fast."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metodkab.storage.errors import StorageError
from metodkab.sync.municipal import content_checksum, import_packets
from metodkab.sync.school import export_packet, import_municipality_key, import_receipt
from tests.unit.test_sync_support import forge, make_exchange

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12)
deep = st.integers(20, 3000).map(lambda n: "[" * n + "]" * n)
texts = st.one_of(json_values.map(lambda v: json.dumps(v, ensure_ascii=False)), deep,
                  st.text(max_size=200))


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A school registered at the office (its first packet applied), and its tables."""
    ex = make_exchange(tmp_path_factory.mktemp("fuzz") / "x", staff=3)
    school = ex.school_store()
    try:
        first = export_packet(school, ex.out)
    finally:
        school.close()
    muni = ex.muni_store()
    try:
        import_packets(muni, [first.path], trusted=True)
        row = muni.conn.execute(
            "SELECT table_name, id, data FROM records WHERE table_name = 'training'").fetchone()
    finally:
        muni.close()
    return ex, row


def school_state(ex) -> list:
    store = ex.school_store()
    try:
        return [store.conn.execute("SELECT * FROM sync_state").fetchall(),
                store.conn.execute("SELECT * FROM sync_packet ORDER BY seq").fetchall()]
    finally:
        store.close()


@st.composite
def record_lines(draw, row):
    """Lines in the record format (or near it) with random fields and values."""
    table, row_id, data = row
    good = json.loads(data)
    kind = draw(st.sampled_from(["fields", "value", "raw"]))
    if kind == "raw":
        return draw(texts)
    if kind == "fields":
        body = draw(st.dictionaries(st.sampled_from(sorted(good)), json_values, max_size=4))
        body = {**good, **body}
    else:
        body = draw(json_values)
    updated = draw(st.sampled_from(["2026-11-23T12:00:00", "9999-99-99T99:99",
                                    "2026-02-30T10:00:00", "2026-11-23"]))
    return (f'{{"t":"{table}","id":"{row_id}","v":{draw(st.integers(1, 99))},"s":3,'
            f'"u":"{updated}","d":0,"r":{json.dumps(body, ensure_ascii=False)}}}')


@FUZZ
@given(data=st.data())
def test_fuzzed_packets_are_refused_in_russian_and_change_nothing(prepared, data):
    ex, row = prepared
    lines = data.draw(st.lists(record_lines(row), min_size=1, max_size=3))
    header = data.draw(st.one_of(st.none(), json_values.filter(lambda v: v is not None)))
    content = None
    if data.draw(st.booleans()):
        content = data.draw(st.binary(max_size=300))
    muni = ex.muni_store()
    try:
        seq = muni.conn.execute("SELECT max(seq) + 1 FROM packets").fetchone()[0]
        path = ex.out / "0412_fuzz.mkp"
        path.write_bytes(forge(ex, lines, header=header if isinstance(header, dict) else None,
                               content=content, seq=seq, kind="delta",
                               counts={row[0]: len(lines)}, packet_uuid=str(uuid.uuid4())))
        before = content_checksum(muni)
        report = import_packets(muni, [path], trusted=True, dry_run=True)
        [outcome] = report.outcomes
        assert outcome.outcome in ("refused", "applied")
        if outcome.outcome == "refused":
            assert outcome.message and "Ничего не записано" in outcome.message
            reason = outcome.message.rsplit(": ", 1)[-1]     # after the table, id and field
            assert not re.search(r"[A-Za-z]{4,}", reason), outcome.message
        assert content_checksum(muni) == before
        report = import_packets(muni, [path], trusted=True)
        if report.refused:
            assert content_checksum(muni) == before
    finally:
        muni.close()


@FUZZ
@given(blob=st.one_of(st.binary(max_size=400), texts.map(str.encode),
                      json_values.map(lambda v: json.dumps(
                          {"format": "metodkab-receipt", "body": json.dumps(v),
                           "signature": "A" * 86 + "=="}).encode())))
def test_fuzzed_receipts_are_refused_in_russian_and_change_nothing(prepared, blob):
    ex, _row = prepared
    path = ex.out / "0412_1.mkr"
    path.write_bytes(blob)
    before = school_state(ex)
    store = ex.school_store()
    try:
        with pytest.raises(StorageError) as info:
            import_receipt(store, path)
    finally:
        store.close()
    assert str(info.value) and school_state(ex) == before


@FUZZ
@given(blob=st.one_of(st.binary(max_size=400), texts.map(str.encode),
                      json_values.map(lambda v: json.dumps(
                          {"format": "metodkab-municipality-key", "format_version": 1,
                           "name": v, "box_key": v, "verify_key": "x",
                           "fingerprint": v}).encode())))
def test_fuzzed_key_files_are_refused_in_russian_and_change_nothing(prepared, blob):
    ex, _row = prepared
    path = ex.out / "office.mkkey"
    path.write_bytes(blob)
    before = school_state(ex)
    store = ex.school_store()
    try:
        with pytest.raises(StorageError) as info:
            import_municipality_key(store, path, replace=True)
    finally:
        store.close()
    assert str(info.value) and school_state(ex) == before


@FUZZ
@given(body=st.one_of(texts, json_values.map(lambda v: json.dumps(
    {"format_version": 1, "receipt_uuid": str(uuid.UUID(int=7)),
     "municipality_name": "УО", "municipality_fp": v, "school_code": "0412",
     "school_key_fp": v, "created_at": "2026-11-23T12:00:00", "packets": v},
    ensure_ascii=False))))
def test_fuzzed_receipts_signed_by_the_office_are_refused_and_change_nothing(prepared, body):
    """Past the signature: a receipt the office really signed, with a body that is not one."""
    from metodkab.sync import crypto
    from metodkab.sync.receipt import RECEIPT_FORMAT

    ex, _row = prepared
    signature = crypto.sign(ex.office.signing, body.encode("utf-8"))
    path = ex.out / "0412_2.mkr"
    path.write_text(json.dumps({"format": RECEIPT_FORMAT, "body": body,
                                "signature": crypto.b64(signature)}), encoding="utf-8")
    before = school_state(ex)
    store = ex.school_store()
    try:
        with pytest.raises(StorageError) as info:
            import_receipt(store, path)
    finally:
        store.close()
    assert str(info.value) and school_state(ex) == before
