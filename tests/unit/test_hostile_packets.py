"""Issue items 2 and 9 (5 of the brief): nothing of a packet is opened before its size,
format and signature pass; a new school's packet stays sealed in a dry run; bodies are
decompressed in chunks with a running limit; every record is strictly typed."""

from __future__ import annotations

import json
import tracemalloc

import pytest
from nacl.signing import SigningKey

from metodkab import cli
from metodkab.sync import crypto, packet
from metodkab.sync.municipal import content_checksum, import_packets
from metodkab.sync.school import export_packet
from tests.unit.test_hostile_support import bomb
from tests.unit.test_sync_support import copy_exchange, forge, make_exchange


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    ex = make_exchange(tmp_path_factory.mktemp("hostile-packets") / "x", staff=3)
    store = ex.school_store()
    try:
        first = export_packet(store, ex.out)
    finally:
        store.close()
    muni = ex.muni_store()
    try:
        import_packets(muni, [first.path], trusted=True)        # the school is registered
    finally:
        muni.close()
    return ex


@pytest.fixture
def ex(template, tmp_path):
    return copy_exchange(template, tmp_path / "x")


def checksum(ex) -> str:
    store = ex.muni_store()
    try:
        return content_checksum(store)
    finally:
        store.close()


def run_import(ex, path, **kwargs):
    store = ex.muni_store()
    try:
        return import_packets(store, [path], **kwargs).outcomes
    finally:
        store.close()


def refused(ex, data: bytes, *, name="0412_2.mkp", **kwargs):
    path = ex.out / name
    path.write_bytes(data)
    before = checksum(ex)
    [outcome] = run_import(ex, path, trusted=True, **kwargs)
    assert outcome.outcome == "refused", outcome
    assert name in outcome.message and "Ничего не записано" in outcome.message
    assert checksum(ex) == before
    return outcome


def test_a_new_schools_packet_is_not_decrypted_in_a_dry_run(ex, monkeypatch, capsys):
    stranger = SigningKey.generate()
    # A school never seen (another code: under 0412 a stranger's packet with another name
    # is a code clash, refused before anything is read).
    data = bomb(ex, declared=packet.MAX_CONTENT_BYTES, inflated=8 << 20, seq=1, key=stranger,
                school_code="0999")
    path = ex.out / "0999_1.mkp"
    store = ex.muni_store()
    try:
        store.db.conn.execute("UPDATE school_keys SET revoked_at = '2026-11-23'")
        store.db.conn.commit()
    finally:
        store.close()
    path.write_bytes(data)
    opened = []
    monkeypatch.setattr(crypto, "unseal", lambda *a: opened.append(a))
    before = checksum(ex)
    [outcome] = run_import(ex, path, dry_run=True, trusted=True)
    assert outcome.unverified and outcome.new_key_fp and not outcome.tables
    [outcome] = run_import(ex, path, trusted=False)
    assert outcome.outcome == "untrusted" and "не подтверждён" in outcome.message
    assert opened == [] and checksum(ex) == before
    code = cli.main(["--today", "23.11.2026", "packet", "import", str(path), "--db",
                     str(ex.muni), "--dry-run"])
    text = capsys.readouterr().out
    assert code == 0 and "не расшифрованы" in text and opened == []


def test_bomb_declaring_more_than_the_cap_is_refused_before_decrypting(ex, monkeypatch):
    opened = []
    monkeypatch.setattr(crypto, "unseal", lambda *a: opened.append(a))
    outcome = refused(ex, bomb(ex, declared=512 << 20, inflated=1 << 20))
    assert "после распаковки слишком велики" in outcome.message and opened == []


def test_bomb_within_the_cap_is_refused_in_the_first_chunk_with_little_memory(ex):
    data = bomb(ex, declared=64 << 20, inflated=64 << 20)
    tracemalloc.start()
    try:
        outcome = refused(ex, data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert outcome.check == "records" and "строка 1" in outcome.message
    assert peak < 16 << 20, peak          # a chunk or two, never the 64 MB body


def test_one_endless_line_is_refused(ex):
    long_line = '{"t":"training","r":"' + "x" * (packet.MAX_LINE_BYTES + 10) + '"}'
    outcome = refused(ex, forge(ex, [long_line], seq=2, counts={"training": 1}))
    assert "строка 1: длиннее" in outcome.message


def _line(ex, table: str, **changes) -> str:
    store = ex.muni_store()
    try:
        row_id, data = store.db.conn.execute(
            "SELECT id, data FROM records WHERE table_name = ? LIMIT 1", (table,)).fetchone()
    finally:
        store.close()
    updated = changes.pop("updated_at", "2026-11-23T12:00:00")
    body = json.dumps({**json.loads(data), **changes}, ensure_ascii=False,
                      separators=(",", ":"))
    return (f'{{"t":"{table}","id":"{row_id}","v":9,"s":5,"u":{json.dumps(updated)},'
            f'"d":0,"r":{body}}}')


@pytest.mark.parametrize(("table", "changes", "field"), [
    ("training", {"hours": "72"}, "hours"),
    ("training", {"hours": 72.5}, "hours"),
    ("training", {"federal_register": True}, "federal_register"),
    ("staff", {"management_team": "yes"}, "management_team"),
    ("staff", {"management_team": 1.0}, "management_team"),
    ("diagnostic", {"percent": True}, "percent"),
    ("training", {"title": "Курс " * 200_000}, "title"),
    ("training", {"title": "К" * 2001}, "title"),
    ("staff", {"notes": "з" * 2001}, "notes"),
    ("staff", {"last_name": "Иванов" * 11}, "last_name"),
    ("training", {"updated_at": "9999-99-99T99:99"}, "время изменения"),
    ("training", {"updated_at": "2026-02-30T10:00"}, "время изменения"),
])
def test_lax_types_and_long_texts_are_refused_naming_table_line_and_field(
        ex, table, changes, field):
    line = _line(ex, table, **changes)
    outcome = refused(ex, forge(ex, [line], seq=2, kind="delta", counts={table: 1}))
    assert outcome.check == "records"
    if len(line.encode()) < packet.MAX_LINE_BYTES:
        assert "строка 1" in outcome.message and f"таблица {table}" in outcome.message
        assert field in outcome.message, outcome.message
    assert not any(c.isascii() and c.isalpha() for c in outcome.message.split(":")[-1]
                   .replace(field, "")), outcome.message   # the reason itself is Russian
