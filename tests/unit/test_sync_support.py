"""Shared helpers of the exchange tests: a school and an office on disk, forged packets.

(A module of helpers, named so that it belongs to the sync tests; it holds no tests.)
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from metodkab.clock import Clock
from metodkab.storage.db import Store, open_store
from metodkab.sync import crypto, packet
from metodkab.sync.municipal import init_municipality, open_municipal
from metodkab.sync.records import DERIVED_COLUMNS, META_COLUMNS
from metodkab.sync.sample import TODAY, sample_school
from metodkab.sync.school import import_municipality_key, travelling_tables

CLOCK = Clock(TODAY)


@dataclass
class Exchange:
    """A school database with the office's key imported, and the office's database."""

    folder: Path
    school: Path
    muni: Path
    public: Path
    out: Path

    def school_store(self) -> Store:
        return open_store(self.school, clock=CLOCK, user="школа")

    def muni_store(self) -> Store:
        return open_municipal(self.muni, clock=CLOCK, user="управление")

    @property
    def school_key(self):
        key, _ = crypto.load_or_create_school_key(crypto.school_key_path(self.school))
        return key

    @property
    def office(self) -> crypto.MunicipalitySecret:
        return crypto.load_municipality_secret(crypto.municipality_key_path(self.muni))


def make_exchange(folder: Path, *, code: str = "0412", staff: int = 12, seed: int = 1) -> Exchange:
    folder.mkdir(parents=True, exist_ok=True)
    school = sample_school(folder / "school.sqlite", code=code, staff=staff, seed=seed)
    result = init_municipality(folder / "muni.sqlite", name="Управление образования",
                               clock=CLOCK)
    store = open_store(school, clock=CLOCK, exclusive=False)
    try:
        import_municipality_key(store, result.public_path)
    finally:
        store.close()
    out = folder / "out"
    out.mkdir()
    return Exchange(folder, school, result.db_path, result.public_path, out)


def copy_exchange(template: Exchange, folder: Path) -> Exchange:
    """A copy of a prepared exchange (databases and key files) in another folder."""
    shutil.copytree(template.folder, folder)
    return Exchange(folder, folder / template.school.name, folder / template.muni.name,
                    folder / template.public.name, folder / "out")


def school_rows(store: Store) -> dict[tuple[str, str], tuple[int, int, dict]]:
    """Every travelling row of a school: (table, id) -> (version, deleted, columns)."""
    rows = {}
    conn = store.db.conn
    for table, columns in travelling_tables(store):
        cursor = conn.execute(f"SELECT id, version, deleted, {', '.join(columns)} FROM {table}")
        for row in cursor:
            rows[(table, row[0])] = (row[1], row[2], dict(zip(columns, row[3:])))
    return rows


def municipal_rows(store: Store, code: str) -> dict[tuple[str, str], tuple[int, int, dict]]:
    return {(t, i): (v, d, json.loads(data)) for t, i, v, d, data in store.db.conn.execute(
        "SELECT table_name, id, version, deleted, data FROM records WHERE school_code = ?",
        (code,))}


def forge(exchange: Exchange, lines: list[str], *, header: dict | None = None,
          key=None, recipient: bytes | None = None, content: bytes | None = None,
          **fields) -> bytes:
    """A packet signed with the school's real key around arbitrary content lines (or
    around ``content`` as it is: the whole decrypted body, header line included)."""
    key = key or exchange.school_key
    verify_key = bytes(key.verify_key)
    fp = crypto.school_fingerprint(verify_key)
    office = exchange.office
    box_key = recipient or office.public[0]
    manifest = dict(
        schema_version=3, packet_uuid="11111111-2222-4333-8444-555555555555",
        school_code="0412", school_name="Школа", sender_key=crypto.b64(verify_key),
        sender_fp=fp, recipient_fp=office.fingerprint, seq=1, prev_hash="",
        change_seq_from=0, change_seq_to=10_000, kind="full", level="full", bands_on="",
        counts={}, rows=len(lines), created_at="2026-11-23T12:00:00")
    manifest.update(fields)
    if "counts" not in fields:
        counts: dict[str, int] = {}
        for line in lines:
            try:
                table = json.loads(line)["t"]
            except (ValueError, KeyError, TypeError):
                table = "staff"
            counts[table] = counts.get(table, 0) + 1
        manifest["counts"] = counts
    head = header if header is not None else {
        "packet_uuid": manifest["packet_uuid"], "school_code": manifest["school_code"],
        "sender_fp": fp, "seq": manifest["seq"]}
    if content is None:
        content = "\n".join([crypto.canonical_json(head).decode(), *lines]).encode()
    data, _ = packet.build_packet(manifest, content, key, box_key)
    return data


def data_columns(table: str, columns: list[str]) -> list[str]:
    derived = DERIVED_COLUMNS.get(table, ())
    return [c for c in columns if c not in META_COLUMNS and c not in derived]
