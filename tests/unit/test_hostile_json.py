"""Issue item 1 (and 6): deep or huge JSON from outside ends in one Russian line, never a
RecursionError, in every command that reads a packet, a receipt or a key file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from metodkab import cli
from metodkab.domain.jsonio import JsonRefused, nesting_depth, read_json
from metodkab.sync import crypto, packet
from tests.unit.test_sync_support import CLOCK, copy_exchange, forge, make_exchange

TODAY = ["--today", "23.11.2026"]
DEEP = "[" * 100_000 + "]" * 100_000
CYRILLIC = re.compile("[А-Яа-яЁё]")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_exchange(tmp_path_factory.mktemp("hostile-json") / "x", staff=3)


@pytest.fixture
def ex(template, tmp_path):
    return copy_exchange(template, tmp_path / "x")


def run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main([*TODAY, *argv])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def assert_russian_refusal(code: int, text: str) -> None:
    assert code != 0
    assert "Traceback" not in text and "RecursionError" not in text
    assert CYRILLIC.search(text), text


def test_reader_refuses_deep_nesting_without_recursing():
    with pytest.raises(JsonRefused, match="вложенность глубже"):
        read_json(DEEP)
    with pytest.raises(JsonRefused, match="вложенность глубже"):
        read_json(b'{"a":' * 50_000 + b"1" + b"}" * 50_000)


def test_reader_limits_size_and_refuses_what_is_not_json():
    with pytest.raises(JsonRefused, match="слишком большой"):
        read_json(b" " * 100, max_bytes=99)
    for bad in (b"\xff\xfe", b"NaN", b"[1, Infinity]", b"{", b""):
        with pytest.raises(JsonRefused):
            read_json(bad)


def test_brackets_inside_strings_do_not_count():
    text = json.dumps({"a": "[" * 1000, "b": ["]]]\\\"[[["]})
    assert nesting_depth(text) == 2
    assert read_json(text)["a"] == "[" * 1000


def test_depth_against_a_simple_count():
    for depth in (0, 1, 5, 32, 33):
        text = "[" * depth + "]" * depth if depth else "1"
        assert nesting_depth(text) == depth
        if depth <= 32:
            assert read_json(text) is not None
        else:
            with pytest.raises(JsonRefused):
                read_json(text)


def _raw_packet(manifest_bytes: bytes, key) -> bytes:
    signed = packet.HEADER.pack(packet.MAGIC, packet.FORMAT_VERSION, len(manifest_bytes)) \
        + manifest_bytes
    return signed + crypto.sign(key, signed) + b"x" * 10


def test_deep_manifest_is_refused_by_inspect_and_import(ex, capsys):
    path = ex.out / "0412_1.mkp"
    path.write_bytes(_raw_packet(("[" * 200_000 + "]" * 200_000).encode()[:1 << 20],
                                 ex.school_key))
    for argv in (("packet", "inspect", str(path)),
                 ("packet", "import", str(path), "--db", str(ex.muni), "--dry-run"),
                 ("packet", "import", str(path), "--db", str(ex.muni), "--trust")):
        code, text = run(capsys, *argv)
        assert_russian_refusal(code, text)
        assert "0412_1.mkp" in text


def test_deep_json_inside_the_body_is_refused(ex, capsys):
    staff_line = ('{"t":"training","id":"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee","v":1,"s":1,'
                  '"u":"2026-11-23T12:00:00","d":0,"r":' + DEEP + "}")
    topics = json.dumps("[" * 50_000 + "]" * 50_000)
    topics_line = ('{"t":"training","id":"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee","v":1,"s":1,'
                   '"u":"2026-11-23T12:00:00","d":0,"r":{"topics":' + topics + "}}")
    for n, lines in enumerate(([staff_line], [topics_line], None)):
        content = DEEP.encode() if lines is None else None
        path = ex.out / f"0412_{n + 1}.mkp"
        path.write_bytes(forge(ex, lines or [], seq=n + 1, content=content,
                               counts={"training": len(lines or [])},
                               packet_uuid=f"11111111-2222-4333-8444-55555555555{n}"))
        code, text = run(capsys, "packet", "import", str(path), "--db", str(ex.muni),
                         "--trust")
        assert_russian_refusal(code, text)


def test_deep_receipt_and_key_files_are_refused(ex, capsys):
    receipt = ex.out / "0412_1.mkr"
    receipt.write_text(DEEP)
    code, text = run(capsys, "receipt", "import", str(receipt), "--db", str(ex.school))
    assert_russian_refusal(code, text)
    receipt.write_text(json.dumps({"format": "metodkab-receipt", "body": DEEP,
                                   "signature": "A" * 86 + "=="}))
    code, text = run(capsys, "receipt", "import", str(receipt), "--db", str(ex.school))
    assert_russian_refusal(code, text)

    key = ex.out / "office.mkkey"
    key.write_text(DEEP[:30_000] + DEEP[-30_000:])
    code, text = run(capsys, "keys", "import", str(key), "--db", str(ex.school), "--replace")
    assert_russian_refusal(code, text)


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage", DEEP.encode(), b"{}", b""])
def test_damaged_private_key_file_gives_a_russian_message(ex, capsys, content):
    crypto.municipality_key_path(ex.muni).write_bytes(content)
    code, text = run(capsys, "receipt", "export", "--db", str(ex.muni), "--out", str(ex.out))
    assert_russian_refusal(code, text)
    assert "закрытого ключа" in text
    crypto.school_key_path(ex.school).write_bytes(content)
    code, text = run(capsys, "keys", "show", "--db", str(ex.school))
    assert_russian_refusal(code, text)


def test_no_json_loads_on_outside_data_in_the_sources():
    """Every json.loads in src is on data this program wrote and already checked; the
    places are listed here so that a new one is looked at."""
    allowed = {"sync/consolidated.py", "sync/municipal.py",   # records that passed the check
               "storage/indicators.py"}                     # topics our models wrote
    src = Path(__file__).resolve().parents[2] / "src" / "metodkab"
    found = {str(p.relative_to(src)) for p in src.rglob("*.py")
             if "json.loads(" in p.read_text(encoding="utf-8") and p.name != "jsonio.py"}
    assert found <= allowed, found - allowed
