"""The school's side of the exchange: the office's key, packets out, receipts in.

State lives in two local tables of the school database (schema v3): ``sync_state``
(the office's public key, this school's key fingerprint, the last packet written and
the last acknowledged) and ``sync_packet`` (every packet written). A delta packet holds
every row whose change_seq is above the last change_seq the office acknowledged, so a
packet lost on the way is healed by the next one; a full packet holds every row.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

from nacl.signing import SigningKey
from pydantic import ValidationError

from metodkab import strings as S
from metodkab.storage.db import SCHEMA_VERSION, Store
from metodkab.storage.files import (clean_stale_temps, move_into_place, read_limited,
                                    write_temp)
from metodkab.storage.repo import current_seq
from metodkab.sync import crypto, packet
from metodkab.sync.errors import PacketRefused, SyncError
from metodkab.sync.receipt import read_receipt
from metodkab.sync.records import (DERIVED_COLUMNS, LEVELS, META_COLUMNS, LineError,
                                   check_lines, deidentify, encode_line, figure_settings,
                                   row_models, settings_error)

LOCAL_TABLES = {"change_counter", "settings", "audit_log", "sqlite_sequence", "sync_state",
                "sync_packet"}


@dataclass(frozen=True)
class SyncState:
    municipality: crypto.MunicipalityPublicKey | None
    signing_key_fp: str
    last_seq: int
    last_hash: str
    acked_seq: int
    acked_change_seq: int


@dataclass(frozen=True)
class SentPacket:
    seq: int
    uuid: str
    kind: str
    level: str
    change_seq_from: int
    change_seq_to: int
    rows: int
    file_name: str
    created_at: str
    acknowledged_at: str | None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest: packet.Manifest
    key_created: bool
    key_changed: bool
    restored_after: int = 0     # the database was restored: numbering went on after this one
    after_seq: int = 0          # a delta: the changes since this acknowledged packet


@dataclass(frozen=True)
class ReceiptResult:
    acknowledged: tuple[int, ...]       # newly acknowledged sequence numbers
    already: bool                       # nothing new: the receipt was imported before
    acked_seq: int
    next_from: int                      # the next delta starts after this change_seq
    resynced: bool                      # the office had packets this database forgot
    continues_after: int = 0            # ... so the next packet's number follows this one


def _require_path(store: Store, key_path: Path | None) -> Path:
    if key_path is not None:
        return key_path
    if store.path is None:
        raise SyncError(S.EX_NO_KEY_FOLDER)
    return crypto.school_key_path(store.path)


def get_state(store: Store) -> SyncState:
    with store.mutex:
        row = store.db.conn.execute(
            "SELECT municipality_key, signing_key_fp, last_seq, last_hash, acked_seq, "
            "acked_change_seq FROM sync_state WHERE id = 1").fetchone()
    key = crypto.MunicipalityPublicKey.from_json(row[0]) if row[0] else None
    return SyncState(key, *row[1:])


def list_packets(store: Store, limit: int = 200) -> list[SentPacket]:
    """The packets written, newest first."""
    with store.mutex:
        rows = store.db.conn.execute(
            "SELECT seq, uuid, kind, level, change_seq_from, change_seq_to, rows, file_name, "
            "created_at, acknowledged_at FROM sync_packet ORDER BY seq DESC LIMIT ?",
            (limit,)).fetchall()
    return [SentPacket(*r) for r in rows]


def own_fingerprint(store: Store, key_path: Path | None = None) -> str:
    """This school's signing-key fingerprint ('' until the first packet makes the key)."""
    path = _require_path(store, key_path)
    if not path.exists():
        return ""          # made by the next export (a new key if an old file was lost)
    key, _ = crypto.load_or_create_school_key(path)
    return crypto.school_fingerprint(bytes(key.verify_key))


# --- the office's key ------------------------------------------------------------------


def read_municipality_key(path: Path) -> crypto.MunicipalityPublicKey:
    try:
        data = read_limited(path, crypto.MAX_KEY_FILE_BYTES)
    except FileNotFoundError:
        raise SyncError(S.EX_FILE_NOT_FOUND.format(path=path)) from None
    try:
        if data is None:                # bigger than any key file
            raise SyncError(S.EX_KEY_FILE_BAD)
        return crypto.MunicipalityPublicKey.from_json(data)
    except SyncError:
        # One sentence naming the file the user picked (not «файл ключа: не JSON…»).
        raise SyncError(S.EX_KEY_FILE_BAD_NAMED.format(name=path.name)) from None


def import_municipality_key(store: Store, path: Path, *,
                            replace: bool = False) -> crypto.MunicipalityPublicKey:
    """Keep the office's public key; a different one replaces it only with ``replace``."""
    key = read_municipality_key(path)
    with store.atomic():
        current = get_state(store).municipality
        if current is not None and current.fingerprint != key.fingerprint and not replace:
            raise SyncError(S.EX_KEY_OTHER_OFFICE.format(old=current.fingerprint,
                                                         new=key.fingerprint))
        store.db.conn.execute(
            "UPDATE sync_state SET municipality_key = ?, municipality_fp = ? WHERE id = 1",
            (key.to_json(), key.fingerprint))
        _audit(store, "municipality_key", {"fingerprint": key.fingerprint, "name": key.name})
    return key


def _audit(store: Store, what: str, changes: dict) -> None:
    from metodkab.storage.repo import audit

    audit(store, "sync_state", what, "update", changes)


# --- packets out -----------------------------------------------------------------------


def travelling_tables(store: Store) -> list[tuple[str, list[str]]]:
    """(table, data columns) of every table that travels, parents first."""
    conn = store.db.conn
    result = []
    for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").fetchall():
        if name in LOCAL_TABLES:
            continue
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
        if "change_seq" not in columns:
            continue
        derived = DERIVED_COLUMNS.get(name, ())
        result.append((name, [c for c in columns if c not in META_COLUMNS and c not in derived]))
    return result


def seq_path(key_file: Path) -> Path:
    """The small file beside the school's key with the number of the last packet written:
    it survives a restore of the database from an old copy, which would otherwise number
    its next packet as one the office already has."""
    return key_file.with_suffix(".packet-seq")


def remembered_seq(key_file: Path) -> tuple[int, str]:
    """(number, file hash) of the last packet written, from ``seq_path``; (0, '') when
    there is none or it cannot be read (the database's own numbers then hold)."""
    try:
        with open(seq_path(key_file), "rb") as fh:
            text = fh.read(200).decode("ascii")
        number, file_hash = text.split()
        if len(file_hash) == 64 and int(file_hash, 16) >= 0 and 0 < int(number) < 1 << 40:
            return int(number), file_hash
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    return 0, ""


def export_packet(store: Store, out_dir: Path, *, full: bool = False, level: str = "full",
                  key_path: Path | None = None) -> ExportResult:
    """Write the next packet into ``out_dir``: a delta since the last acknowledged
    change (or everything with ``full``), at the chosen personal-data level.

    The rows are read and the packet recorded in one transaction; the file appears under
    its final name only after the commit, so a crash leaves at most a gap the next
    (cumulative) delta heals.
    """
    from metodkab.storage.settings import report_date

    if level not in LEVELS:
        raise SyncError(S.EX_BAD_LEVEL.format(level=level))
    if not out_dir.is_dir():
        raise SyncError(S.EX_NO_FOLDER.format(path=out_dir))
    clean_stale_temps(out_dir)              # a packet export killed half-way on this stick
    key_file = _require_path(store, key_path)
    tmp: Path | None = None
    try:
        with store.atomic():
            state = get_state(store)
            if state.municipality is None:
                raise SyncError(S.EX_NO_MUNICIPALITY_KEY)
            school = store.db.conn.execute(
                "SELECT code, short_name FROM school WHERE deleted = 0 ORDER BY rowid LIMIT 1"
            ).fetchone()
            if school is None:
                raise SyncError(S.EX_NO_SCHOOL)
            code, school_name = school
            if not packet.valid_school_code(code):
                raise SyncError(S.EX_BAD_SCHOOL_CODE.format(code=code))
            key, created = crypto.load_or_create_school_key(key_file)
            verify_key = bytes(key.verify_key)
            fingerprint = crypto.school_fingerprint(verify_key)
            changed = bool(state.signing_key_fp) and state.signing_key_fp != fingerprint
            upto = current_seq(store.db)
            last_seq, last_hash = state.last_seq, state.last_hash
            kept_seq, kept_hash = remembered_seq(key_file)
            restored = kept_seq > last_seq        # restored from a copy older than the last packet
            if restored:
                last_seq, last_hash = kept_seq, kept_hash
            since = 0 if full or restored or state.acked_change_seq > upto \
                else state.acked_change_seq
            seq = last_seq + 1
            packet_uuid = str(uuid.uuid4())
            day = report_date(store)
            lines, counts = _content(store, since, upto, level, day)
            header = {"packet_uuid": packet_uuid, "school_code": code, "sender_fp": fingerprint,
                      "seq": seq, "settings": _settings(store)}
            content = "\n".join([crypto.canonical_json(header).decode("utf-8"), *lines])
            fields = dict(
                schema_version=SCHEMA_VERSION, packet_uuid=packet_uuid, school_code=code,
                school_name=school_name, sender_key=crypto.b64(verify_key),
                sender_fp=fingerprint, recipient_fp=state.municipality.fingerprint, seq=seq,
                prev_hash=last_hash, change_seq_from=since, change_seq_to=upto,
                kind="full" if since == 0 else "delta", level=level,
                bands_on=day.isoformat() if level == "deidentified" else "",
                counts=counts, rows=len(lines),
                created_at=store.clock.now().isoformat(timespec="seconds"),
            )
            data, manifest = packet.build_packet(fields, content.encode("utf-8"), key,
                                                 state.municipality.box_key)
            target = out_dir / manifest.file_name
            if target.exists():
                raise SyncError(S.EX_PACKET_EXISTS.format(path=target))
            tmp = write_temp(target, data, private=True)
            file_hash = crypto.sha256_hex(data)
            store.db.conn.execute(
                "INSERT INTO sync_packet (seq, uuid, kind, level, change_seq_from, "
                "change_seq_to, rows, file_name, file_hash, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, packet_uuid, manifest.kind, level, since, upto, len(lines),
                 manifest.file_name, file_hash, manifest.created_at))
            store.db.conn.execute(
                "UPDATE sync_state SET last_seq = ?, last_hash = ?, signing_key_fp = ? "
                "WHERE id = 1", (seq, file_hash, fingerprint))
            _audit(store, "packet", {"seq": seq, "kind": manifest.kind, "level": level,
                                     "rows": len(lines), "file": manifest.file_name})
        move_into_place(tmp, target)            # the file appears after the commit
        tmp = None
        packet.write_atomically(seq_path(key_file), f"{seq} {file_hash}\n".encode("ascii"))
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    return ExportResult(target, manifest, created, changed, kept_seq if restored else 0,
                        state.acked_seq if since else 0)


def _settings(store: Store) -> dict:
    """The settings the school's figures are computed with: they travel in the header
    line so that the office computes this school's figures with them (records.py)."""
    from metodkab.storage.settings import all_settings

    try:
        return figure_settings(all_settings(store))
    except ValidationError as exc:
        raise SyncError(S.EX_EXPORT_SETTINGS.format(reason=settings_error(exc))) from None


def _content(store: Store, since: int, upto: int, level: str,
             day: dt.date) -> tuple[list[str], dict[str, int]]:
    """The JSON lines of the packet, each checked as the office will check it."""
    models = row_models(level)
    lines: list[str] = []
    counts: dict[str, int] = {}
    conn = store.db.conn
    deidentified = level == "deidentified"
    for table, columns in travelling_tables(store):
        if table not in models:
            raise SyncError(S.EX_TABLE_UNKNOWN.format(table=table))
        every_row = deidentified and table == "staff"   # bands are computed on the day
        where = "change_seq <= ?" if every_row else "change_seq > ? AND change_seq <= ?"
        params = (upto,) if every_row else (since, upto)
        cursor = conn.execute(
            f"SELECT id, version, change_seq, updated_at, deleted, {', '.join(columns)} "
            f"FROM {table} WHERE {where} ORDER BY id", params)       # the office's key order
        before = len(lines)
        for row in cursor:
            data = dict(zip(columns, row[5:]))
            if deidentified:
                data = deidentify(table, data, day)
            lines.append(encode_line(table, row[0], row[1], row[2], row[3], row[4], data))
        if len(lines) > before:
            counts[table] = len(lines) - before
    try:
        check_lines(lines, models, upto=upto,        # what the office will check
                    today=store.clock.today())
    except LineError as exc:
        raise SyncError(S.EX_EXPORT_INVALID.format(reason=exc)) from None
    if not deidentified:
        _refuse_same_person(store, since, upto)
    return lines, counts


def _refuse_same_person(store: Store, since: int, upto: int) -> None:
    """Two cards of one person (same ФИО and birth date, not deleted), one of them in the
    packet: the office refuses such a packet (municipal.same_person), so it is not written;
    the message names the person (a database from before the school refused them)."""
    from metodkab.domain.parse import format_date

    row = store.db.conn.execute(
        "SELECT a.last_name || ' ' || a.first_name || CASE WHEN a.middle_name <> '' "
        "THEN ' ' || a.middle_name ELSE '' END, a.birth_date FROM staff a JOIN staff b "
        "ON b.name_norm = a.name_norm AND b.birth_date = a.birth_date AND b.id > a.id "
        "WHERE a.deleted = 0 AND b.deleted = 0 AND a.birth_date IS NOT NULL "
        "AND ((a.change_seq > ? AND a.change_seq <= ?) OR (b.change_seq > ? AND "
        "b.change_seq <= ?)) LIMIT 1", (since, upto, since, upto)).fetchone()
    if row is not None:
        raise SyncError(S.EX_EXPORT_SAME_PERSON.format(name=row[0], birth=format_date(row[1])))


# --- receipts in -----------------------------------------------------------------------


def import_receipt(store: Store, path: Path, *, key_path: Path | None = None) -> ReceiptResult:
    """Mark the packets a signed receipt names as acknowledged."""
    name = path.name
    data = packet.read_file(path)
    state = get_state(store)
    if state.municipality is None:
        raise SyncError(S.EX_NO_MUNICIPALITY_KEY)
    body = read_receipt(data, name, state.municipality.verify_key)
    if body.municipality_fp != state.municipality.fingerprint:
        raise PacketRefused(name, "recipient", S.EX_R_RECEIPT_OTHER_OFFICE)
    fingerprint = own_fingerprint(store, key_path)
    with store.atomic():
        code = store.db.conn.execute(
            "SELECT code FROM school WHERE deleted = 0 ORDER BY rowid LIMIT 1").fetchone()
        if code is None or code[0] != body.school_code:
            raise PacketRefused(name, "school", S.EX_R_RECEIPT_OTHER_SCHOOL.format(
                code=body.school_code))
        if body.school_key_fp != fingerprint:
            raise PacketRefused(name, "key", S.EX_R_RECEIPT_OTHER_KEY)
        sent = {r[0]: r[1:] for r in store.db.conn.execute(
            "SELECT uuid, seq, file_hash, change_seq_to, acknowledged_at FROM sync_packet")}
        now = store.clock.now().isoformat(timespec="seconds")
        newly: list[int] = []
        best_seq, best_to = state.acked_seq, state.acked_change_seq
        unknown = []
        for item in body.packets:
            mine = sent.get(item.uuid)
            if mine is None or mine[0] != item.seq or mine[1] != item.file_hash:
                unknown.append(item)
                continue
            if mine[3] is None:
                store.db.conn.execute(
                    "UPDATE sync_packet SET acknowledged_at = ? WHERE uuid = ?", (now, item.uuid))
                newly.append(item.seq)
            if item.seq > best_seq:
                best_seq, best_to = item.seq, mine[2]
        resynced = False
        if unknown:
            # This database was restored from a backup: it forgot packets the office has
            # (numbers beyond its own), or it wrote other packets under numbers the office
            # already holds. Continue numbering after them and send everything next time.
            last = max(body.packets, key=lambda p: p.seq)
            if last.seq >= state.last_seq:
                store.db.conn.execute(
                    "UPDATE sync_state SET last_seq = ?, last_hash = ? WHERE id = 1",
                    (last.seq, last.file_hash))
            best_to = 0
            resynced = True
        store.db.conn.execute(
            "UPDATE sync_state SET acked_seq = ?, acked_change_seq = ? WHERE id = 1",
            (best_seq, best_to))
        if newly or resynced:
            _audit(store, "receipt", {"acknowledged": newly, "resynced": resynced})
    after = max([state.last_seq] + [p.seq for p in body.packets]) if resynced else 0
    return ReceiptResult(tuple(sorted(newly)), not newly and not resynced, best_seq, best_to,
                         resynced, after)


def signing_key(store: Store, key_path: Path | None = None) -> tuple[SigningKey, bool]:
    """This school's signing key, made on first need (the flag says it was just made)."""
    return crypto.load_or_create_school_key(_require_path(store, key_path))


@dataclass(frozen=True)
class Overview:
    """What the Обмен screen shows."""

    school_code: str
    school_name: str
    state: SyncState
    own_fp: str
    packets: list[SentPacket]


def overview(store: Store) -> Overview:
    with store.mutex:
        school = store.db.conn.execute(
            "SELECT code, short_name FROM school WHERE deleted = 0 ORDER BY rowid LIMIT 1"
        ).fetchone()
    try:
        own = own_fingerprint(store)
    except SyncError:
        own = ""
    code, name = school if school else ("", "")
    return Overview(code, name, get_state(store), own, list_packets(store))
