"""The import's fast record check (``check_text``) gives exactly what ``check_lines`` gives:
the same rows, and for a bad packet the same error naming the same first bad line."""

from __future__ import annotations

import datetime as dt

import pytest

from metodkab.storage.db import open_memory
from metodkab.sync.records import LineError, check_lines, check_text, row_models
from metodkab.sync.sample import fill_sample
from metodkab.sync.school import _content

TODAY = dt.date(2026, 11, 23)
KW = {"school": "1001", "level": "full", "packet_uuid": "0" * 8 + "-0000-4000-8000-" + "0" * 12}


@pytest.fixture(scope="module")
def lines() -> list[str]:
    from metodkab.clock import Clock

    store = open_memory(clock=Clock(TODAY), user="test")
    try:
        fill_sample(store, code="1001", staff=12, seed=3, today=TODAY)
        found, _ = _content(store, 0, 10**9, "full", TODAY)
    finally:
        store.db.close()
    return found


def outcome(fn, body, upto):
    try:
        return ("rows", fn(body, row_models("full"), upto=upto, **KW))
    except LineError as exc:
        return ("error", str(exc))


def same(lines: list[str], upto: int = 10**9):
    expected = outcome(check_lines, lines, upto)
    assert outcome(check_text, "\n".join(lines), upto) == expected
    return expected


def test_a_good_packet_gives_the_same_rows(lines):
    kind, rows = same(lines)
    assert kind == "rows" and sum(len(r) for r in rows.values()) == len(lines)
    staff = rows["staff"][0]
    assert staff[:2] == ("1001", "staff") and staff[6] is False and staff[7] == "full"


def test_tables_in_any_order_and_split_in_runs(lines):
    same(list(reversed(lines)))
    same(lines[1:] + lines[:1])                 # the school row after the others


@pytest.mark.parametrize("damage", [
    lambda s: s[:10],                                           # not an envelope
    lambda s: s + " ",                                          # trailing text
    lambda s: s.replace('"t":"staff"', '"t":"stuff"', 1),       # unknown table
    lambda s: s.replace('"last_name":"', '"last_name":"1', 1),  # a bad record
    lambda s: s.replace('"sex":"', '"sex":"x', 1),
    lambda s: s.replace('}}', ',"extra":1}}', 1),               # an unknown column
])
def test_a_damaged_line_gives_the_same_error(lines, damage):
    index = next(i for i, line in enumerate(lines) if '"t":"staff"' in line) + 2
    changed = [*lines[:index], damage(lines[index]), *lines[index + 1:]]
    kind, message = same(changed)
    assert kind == "error" and f"строка {index + 1}" in message


def test_repeats_seq_and_blank_lines(lines):
    assert same(lines + [lines[5]])[0] == "error"               # a record twice
    assert same(lines[:3] + [lines[1]] + lines[3:])[0] == "error"
    top = max(int(line.split('"s":')[1].split(",")[0]) for line in lines)
    assert same(lines, upto=top - 1)[0] == "error"              # a change_seq above the bound
    assert same(lines + [""])[0] == "error"                     # a trailing line break
    assert same([""])[0] == "error"
    assert same(lines[:4] + ["", *lines[4:]])[0] == "error"
