"""The municipal office's side: its database, packet import, receipts, the schools list.

Why one ``records`` table rather than a mirror of every school table
---------------------------------------------------------------------
Records are kept per school under (school_code, table_name, id) with the row's own
columns as the JSON text that passed the strict check (sync/records.py). We chose this
over per-table mirror tables because:

- schools upgrade at different times: a packet of schema 3 and one of schema 4 (a new
  column, a new table) land in the same table with no municipal migration, and a
  de-identified staff row (bands instead of names) is just another ``level``;
- one code path applies any table: a packet is applied with one ``executemany`` upsert,
  as fast as the raw insert of the same rows, and "higher version wins" is one rule;
- consolidated reports still read ordinary columns: the views in municipal.sql
  (``m_staff``, ``m_training`` …) expose the school's column names with the school code,
  so a report is plain SQL grouped by ``school_code``. SQLite's JSON functions read a
  column of 20,000 staff rows in milliseconds; a hot column can get an expression index.

Import checks every packet completely (size, format, signature against the registered
school key, recipient, payload hash, decryption, every record) before any of its rows is
written; a batch applies in one transaction, each packet together with its UUID in
``packets`` (primary key: a packet can never apply twice). A refused packet is left out
and reported. A dry run is the same work rolled back. The consolidated figures and the
lists across schools are in consolidated.py.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from metodkab import strings as S
from metodkab.clock import SYSTEM_CLOCK, Clock
from metodkab.domain.jsonio import read_json
from metodkab.domain.parse import format_date, full_name, norm, quoted
from metodkab.storage.db import (
    SCHEMA_VERSION,
    Store,
    connect,
    lock_path,
    quick_check,
    single_instance,
    statements,
)
from metodkab.storage.errors import DatabaseDamaged, StorageError
from metodkab.storage.maintenance import CheckReport, check_foreign_keys, checking, table_names
from metodkab.storage.migrations import OFFICE_APPLICATION_ID, OFFICE_SCHEMA_VERSION
from metodkab.sync import crypto, packet
from metodkab.sync.errors import PacketRefused, SyncError
from metodkab.sync.receipt import AcceptedPacket, ReceiptBody, build_receipt, receipt_file_name
from metodkab.sync.records import LineChecker, LineError, read_figure_settings, row_models

APPLICATION_ID = OFFICE_APPLICATION_ID      # "MKMO": a municipal database of metodkab
MUNICIPAL_SCHEMA_VERSION = OFFICE_SCHEMA_VERSION
SMALL_PACKET = 400                   # below this, look up existing rows by id


# --- the database ----------------------------------------------------------------------


def municipal_schema_sql() -> str:
    return resources.files("metodkab.sync").joinpath("municipal.sql").read_text(encoding="utf-8")


def is_municipal_db(path: Path | str) -> bool:
    """True when the file is a municipal database (checked read-only, never created)."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _set_wal(store: Store) -> None:
    with store.db.ensure_autocommit_on():
        store.db.conn.execute("PRAGMA journal_mode = WAL")
        store.db.conn.execute("PRAGMA synchronous = FULL")


def open_municipal(path: Path | str, *, clock: Clock = SYSTEM_CLOCK, user: str = "",
                   exclusive: bool = True, _create: bool = False) -> Store:
    """Open a municipal database made by ``init_municipality``."""
    path = Path(path)
    if not _create and not is_municipal_db(path):
        if not path.exists():
            raise StorageError(S.EX_MUNI_NOT_FOUND.format(path=path))
        raise StorageError(S.EX_NOT_MUNICIPAL.format(name=path.name))
    if _create:
        from metodkab.storage.db import prepare_file

        prepare_file(path)                  # owner-only: it holds every school's staff
    with single_instance(path, S.EX_MUNI_BUSY, exclusive) as lock:
        db = connect(path)
        store = Store(db=db, path=path, clock=clock, user=user)
        problems = quick_check(db)
        if problems:
            db.close()
            raise DatabaseDamaged(S.EX_MUNI_DAMAGED.format(name=path.name, problem=problems[0]))
        _set_wal(store)
        if _create:
            with store.atomic():
                for statement in statements(municipal_schema_sql()):
                    db.conn.execute(statement)
                db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.conn.execute(f"PRAGMA user_version = {MUNICIPAL_SCHEMA_VERSION}")
        else:
            version = db.conn.execute("PRAGMA user_version").fetchone()[0]
            if version > MUNICIPAL_SCHEMA_VERSION:
                db.close()
                raise StorageError(S.EX_MUNI_TOO_NEW.format(name=path.name))
            if version < MUNICIPAL_SCHEMA_VERSION and exclusive:
                _migrate(store, version)
    store.lock = lock
    return store


OFFICE_STEPS = {
    1: ("ALTER TABLE schools ADD COLUMN phone TEXT NOT NULL DEFAULT ''",
        "CREATE TABLE office_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
    2: ("CREATE TABLE school_register (code TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '')",),
    3: ("ALTER TABLE schools ADD COLUMN settings TEXT",),
}


def _migrate(store: Store, version: int) -> None:
    """Bring an older office database up to date: a backup first, then every step and the
    new version in one transaction."""
    from metodkab.storage.backup import make_backup

    with store.mutex:
        make_backup(store.db, store.path, clock=store.clock, reason="before-migrate", keep=None)
    with store.atomic():
        for step in range(version, MUNICIPAL_SCHEMA_VERSION):
            for statement in OFFICE_STEPS[step]:
                store.db.conn.execute(statement)
        store.db.conn.execute(f"PRAGMA user_version = {MUNICIPAL_SCHEMA_VERSION}")


def check_office_database(path: Path) -> CheckReport:
    """``metodkab check`` of a municipal database: SQLite's integrity and foreign-key
    checks, read-only, the schema version, and what the office holds."""
    path = Path(path)
    with checking(path, S.MUNI_CHECK_SCHEMA_VERSION, MUNICIPAL_SCHEMA_VERSION) as (
            conn, report, _intact):
        check_foreign_keys(conn, report)
        if {"office", "schools", "records"} <= table_names(conn):
            office = conn.execute("SELECT name, key_fp FROM office WHERE id = 1").fetchone()
            schools = conn.execute("SELECT count(*) FROM schools").fetchone()[0]
            records = conn.execute("SELECT count(*) FROM records").fetchone()[0]
            report.lines.append(S.MUNI_CHECK_OFFICE.format(
                name=office[0] if office and office[0] else S.CHECK_SCHOOL_UNKNOWN,
                schools=schools, records=records))
            _check_office_key(path, office[1] if office else "", report)
        else:
            report.fail(S.MUNI_CHECK_NO_TABLES)
    return report


def _check_office_key(path: Path, fingerprint: str, report: CheckReport) -> None:
    """The office's private key beside its database, and that it is this office's: without
    it no packet of any school can be read. A warning, not a fault of the database (a
    copy in ``backups/`` has no key beside it and is healthy)."""
    try:
        secret = crypto.load_municipality_secret(crypto.municipality_key_path(path))
    except SyncError as exc:
        report.lines.append(S.OF_CHECK_KEY_BAD.format(problem=exc))
        return
    if secret.fingerprint != fingerprint:
        report.lines.append(S.OF_CHECK_KEY_OTHER)
    else:
        report.lines.append(S.OF_CHECK_KEY_OK.format(fp=fingerprint))


def backup_office_database(path: Path, *, clock: Clock = SYSTEM_CLOCK) -> Path:
    """``metodkab backup`` of a municipal database: a copy made with SQLite's backup API
    into ``backups`` beside it, rotated like a school's (the office key file is not in it)."""
    from metodkab.storage.backup import make_backup

    store = open_municipal(path, clock=clock, exclusive=False)
    try:
        with store.mutex:
            return make_backup(store.db, Path(path), clock=clock, reason="manual")
    finally:
        store.close()


@dataclass(frozen=True)
class InitResult:
    db_path: Path
    key_path: Path
    public_path: Path
    fingerprint: str
    set_aside: Path | None = None       # a key left by a killed init, kept under this name


def init_municipality(path: Path, *, name: str, public_path: Path | None = None,
                      clock: Clock = SYSTEM_CLOCK, user: str = "") -> InitResult:
    """A new municipal database, its key pair and the public key file for the schools.

    Re-runnable after a crash: the database is built under a temporary name and renamed
    into place last, so it appears whole or not at all; a private key found without its
    database (an init killed half-way) is set aside under another name (a key is never
    deleted) and a new pair is made."""
    from metodkab.storage.db import prepare_file
    from metodkab.storage.files import FileProblem, move_into_place, os_message, temp_path

    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise SyncError(S.EX_MUNI_EXISTS.format(path=path))
    key_path = crypto.municipality_key_path(path)
    public_path = public_path or path.with_name(path.stem + "-public.mkkey")
    prepare_file(path)
    set_aside = None
    if key_path.exists():           # a key without its database: an init that was killed
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        set_aside = key_path.with_name(f"{key_path.name}.unused-{stamp}")
        try:
            os.replace(key_path, set_aside)
        except OSError as exc:
            raise FileProblem(os_message(exc, key_path)) from None
    tmp = temp_path(path)
    try:
        secret = crypto.create_municipality_secret(key_path)
        public = crypto.MunicipalityPublicKey(name, *secret.public)
        store = open_municipal(tmp, clock=clock, user=user, _create=True)
        try:
            with store.atomic():
                store.db.conn.execute(
                    "INSERT INTO office (id, name, key_fp, created_at) VALUES (1, ?, ?, ?)",
                    (name, public.fingerprint, clock.now().isoformat(timespec="seconds")))
        finally:
            store.close()
        packet.write_atomically(public_path, public.to_json().encode("utf-8"))
        move_into_place(tmp, path)      # the database appears last, whole
    finally:
        for leftover in (tmp, lock_path(tmp), *(tmp.with_name(tmp.name + s)
                                                for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)
    return InitResult(path, key_path, public_path, public.fingerprint, set_aside)


def office_secret(store: Store) -> crypto.MunicipalitySecret:
    if store.path is None:
        raise SyncError(S.EX_NO_KEY_FOLDER)
    secret = crypto.load_municipality_secret(crypto.municipality_key_path(store.path))
    with store.mutex:
        row = store.db.conn.execute("SELECT key_fp FROM office WHERE id = 1").fetchone()
    if row is None or row[0] != secret.fingerprint:
        raise SyncError(S.EX_KEY_NOT_THIS_OFFICE)
    return secret


def office_public(store: Store) -> crypto.MunicipalityPublicKey:
    secret = office_secret(store)
    with store.mutex:
        name = store.db.conn.execute("SELECT name FROM office WHERE id = 1").fetchone()[0]
    return crypto.MunicipalityPublicKey(name, *secret.public)


# --- checking a packet -----------------------------------------------------------------


@dataclass
class TableCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    conflicts: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "deleted": self.deleted, "conflicts": self.conflicts}


# A checked record, in the order of the ``records`` columns (the upsert's parameters):
# school_code, table_name, id, version, change_seq, updated_at, deleted, level, packet_uuid, data
Row = tuple[str, str, str, int, int, str, int, str, str, str]


@dataclass
class CheckedPacket:
    """A packet that passed every check; its rows are ready to apply."""

    path: Path
    raw: packet.RawPacket
    registered: bool                         # the school's key is already registered
    rows: dict[str, list[Row]] | None        # None for a packet known to be a no-op
    status: str = "new"                      # new | duplicate | older (as checked)
    settings: dict | None = None             # the school's figure settings (None: not sent)

    @property
    def manifest(self) -> packet.Manifest:
        return self.raw.manifest

    @property
    def name(self) -> str:
        return self.raw.name


def _active_key(store: Store, school_code: str) -> tuple[int, str] | None:
    row = store.db.conn.execute(
        "SELECT id, verify_key FROM school_keys WHERE school_code = ? AND revoked_at IS NULL",
        (school_code,)).fetchone()
    return None if row is None else (row[0], row[1])


def _status(store: Store, manifest: packet.Manifest) -> str:
    """new | duplicate | older | restored, against every packet of the school.

    A school numbers its packets in its database, whatever key signs them (a school that
    moved to a new computer keeps its numbers). A packet under a number already loaded
    but with other contents, or made after the latest loaded packet yet numbered at or
    below it, comes from a database restored from an old copy: ``restored``, refused
    with what to do, never taken for an older packet whose changes already arrived.
    """
    conn = store.db.conn
    if conn.execute("SELECT 1 FROM packets WHERE uuid = ?", (manifest.packet_uuid,)).fetchone():
        return "duplicate"
    last, latest = conn.execute(
        "SELECT max(seq), max(created_at) FROM packets WHERE school_code = ?",
        (manifest.school_code,)).fetchone()
    if last is None or manifest.seq > last:
        return "new"
    if conn.execute("SELECT 1 FROM packets WHERE school_code = ? AND seq = ?",
                    (manifest.school_code, manifest.seq)).fetchone():
        return "restored"
    return "restored" if manifest.created_at > latest else "older"


def restored_refusal(store: Store, name: str, manifest: packet.Manifest) -> PacketRefused:
    """The refusal of a packet from a school database restored from an old copy."""
    last = store.db.conn.execute("SELECT max(seq) FROM packets WHERE school_code = ?",
                                 (manifest.school_code,)).fetchone()[0]
    return PacketRefused(name, "restored", S.EX_R_RESTORED.format(
        code=manifest.school_code, seq=manifest.seq, last=last))


def same_school_name(a: str, b: str) -> bool:
    """Two spellings of one school's short name: case, ё/е, quotes and spaces aside."""
    def norm(text: str) -> str:
        text = text.casefold().replace("ё", "е")
        for mark in "«»\"'„“”":
            text = text.replace(mark, " ")
        return " ".join(text.split())

    return norm(a) == norm(b)


def identity_refusal(store: Store, name: str, manifest: packet.Manifest,
                     active: tuple[int, str] | None) -> PacketRefused | None:
    """A packet not signed by the school's registered key: another school that typed the
    same code (the names differ: never to be mixed in), or this school with a new key."""
    if active is not None and active[1] == manifest.sender_key:
        return None
    row = store.db.conn.execute("SELECT name FROM schools WHERE code = ?",
                                (manifest.school_code,)).fetchone()
    if row is None:
        return None                       # a school seen for the first time
    if row[0] and not same_school_name(row[0], manifest.school_name):
        return PacketRefused(name, "clash", S.EX_R_CODE_CLASH.format(
            code=manifest.school_code, name=quoted(manifest.school_name),
            registered=quoted(row[0])))
    if active is None:
        return None                       # its key was forgotten: the new one is asked for
    registered_fp = crypto.school_fingerprint(crypto.unb64(active[1], 32))
    return PacketRefused(name, "key", S.EX_R_OTHER_KEY.format(
        code=manifest.school_code, fp=manifest.sender_fp, registered=registered_fp))


def check_packet(store: Store, path: Path, *,
                 secret: crypto.MunicipalitySecret | None = None) -> CheckedPacket:
    """Every check, in order; PacketRefused names the file and the reason.

    A packet already applied (same UUID) or older than one applied is recognised after
    the signature and hash checks and is not decrypted: importing it changes nothing.
    """
    secret = secret or office_secret(store)
    return open_packet(read_packet_head(store, path, secret), secret)


def read_packet_head(store: Store, path: Path, secret: crypto.MunicipalitySecret) -> CheckedPacket:
    """The checks up to the payload hash, and whether the packet is new (reads the DB).

    Size limits, format and schema version, the signature against the registered key
    (or, for a school seen for the first time, against the key it names, which the user
    must then confirm), the recipient and the payload hash. Nothing is decrypted yet.
    """
    path = Path(path)
    raw = packet.read_packet(path)
    try:
        return _check_head(store, path, raw, secret)
    except PacketRefused as exc:
        exc.manifest = raw.manifest       # the refusal names the school and the number
        raise


def _check_head(store: Store, path: Path, raw: packet.RawPacket,
                secret: crypto.MunicipalitySecret) -> CheckedPacket:
    manifest = raw.manifest
    if manifest.schema_version > SCHEMA_VERSION:
        raise PacketRefused(raw.name, "format", S.EX_R_SCHEMA_NEWER.format(
            version=manifest.schema_version, supported=SCHEMA_VERSION))
    with store.mutex:
        active = _active_key(store, manifest.school_code)
        refusal = identity_refusal(store, raw.name, manifest, active)
    if refusal is not None:
        raise refusal
    if active is not None:
        packet.verify_signature(raw, crypto.unb64(active[1], 32))
    else:
        if crypto.school_fingerprint(manifest.sender_verify_key) != manifest.sender_fp:
            raise PacketRefused(raw.name, "signature", S.EX_R_SIGNATURE)
        packet.verify_signature(raw, manifest.sender_verify_key)
    if manifest.recipient_fp != secret.fingerprint:
        raise PacketRefused(raw.name, "recipient", S.EX_R_RECIPIENT.format(
            fp=manifest.recipient_fp, ours=secret.fingerprint))
    packet.verify_payload_hash(raw)
    with store.mutex:
        status = _status(store, manifest)
        if status == "restored":
            raise restored_refusal(store, raw.name, manifest)
    return CheckedPacket(path, raw, active is not None, None, status)


def open_packet(head: CheckedPacket, secret: crypto.MunicipalitySecret) -> CheckedPacket:
    """Decrypt, decompress and check every record of a new packet (no database access,
    so it can run while another packet is being written)."""
    if head.status != "new" or head.rows is not None:
        return head
    rows, settings = _check_records(head.raw, secret)
    return CheckedPacket(head.path, head.raw, head.registered, rows, settings=settings)


def _made_on(manifest: packet.Manifest) -> dt.date | None:
    """The day the packet was made: no date in it may lie after it (domain/checks.py)."""
    try:
        return dt.datetime.fromisoformat(manifest.created_at).date()
    except ValueError:
        return None


_NOT_SENT = object()        # a header line without the school's settings (an older program)


def _check_records(raw: packet.RawPacket, secret: crypto.MunicipalitySecret,
                   ) -> tuple[dict[str, list[Row]], dict | None]:
    """Decrypt, decompress chunk by chunk and check every line as it comes (the body is
    never held whole, nor as one list of lines); the rows of a packet that passes and the
    school's figure settings of its header line (None from a program that did not send
    them: the office then computes the school's figures with the default settings)."""
    manifest = raw.manifest
    name = raw.name
    checker = LineChecker(row_models(manifest.level), upto=manifest.change_seq_to,
                          school=manifest.school_code, level=manifest.level,
                          packet_uuid=manifest.packet_uuid, today=_made_on(manifest))
    expected = {"packet_uuid": manifest.packet_uuid, "school_code": manifest.school_code,
                "sender_fp": manifest.sender_fp, "seq": manifest.seq}
    header = None
    settings = None
    try:
        for lines in packet.iter_lines(packet.iter_content(raw, secret.box), name):
            if header is None:
                try:
                    header = read_json(lines[0], what=S.JSON_WHAT_CONTENT, max_bytes=4096)
                except ValueError:
                    header = False
                sent = header.pop("settings", _NOT_SENT) if isinstance(header, dict) \
                    else _NOT_SENT
                if header != expected:
                    raise PacketRefused(name, "records", S.EX_R_HEADER)
                if sent is not _NOT_SENT:
                    try:
                        settings = read_figure_settings(sent)
                    except LineError as exc:
                        raise PacketRefused(name, "records", str(exc)) from None
                lines = lines[1:]
            checker.add(lines)
    except LineError as exc:
        raise PacketRefused(name, "records", S.EX_R_RECORDS_AT.format(reason=exc)) from None
    rows = checker.rows
    counts = {t: len(r) for t, r in rows.items()}
    if counts != manifest.counts or sum(counts.values()) != manifest.rows:
        raise PacketRefused(name, "records", S.EX_R_COUNTS)
    return rows, settings


# --- applying --------------------------------------------------------------------------


@dataclass
class PacketOutcome:
    """What happened (or, in a dry run, would happen) to one file."""

    file_name: str
    outcome: str              # applied | duplicate | older | refused | untrusted
    school_code: str = ""
    school_name: str = ""
    seq: int = 0
    kind: str = ""
    level: str = ""
    rows: int = 0
    message: str = ""
    check: str = ""
    new_key_fp: str = ""      # the school's key was (or would be) registered with this
    key_changed: bool = False  # ... replacing a key of a school known before
    advice: str = ""          # a refusal: what to ask the school or to do
    missing: tuple[int, ...] = ()
    covered: bool = True      # the missing packets' changes are inside this one
    chain_broken: bool = False
    tables: dict[str, TableCounts] = field(default_factory=dict)
    unverified: bool = False  # a new school's key not yet confirmed: nothing decrypted
    default_settings: bool = False  # no settings from the school yet: its figures are
    # computed with the default settings (a packet of an older program)

    @property
    def totals(self) -> TableCounts:
        total = TableCounts()
        for counts in self.tables.values():
            for key, value in counts.as_dict().items():
                setattr(total, key, getattr(total, key) + value)
        return total


def refusal_outcome(file_name: str, exc: PacketRefused) -> PacketOutcome:
    """A refused file as the summary shows it: the school and number when the packet's
    manifest could be read, the plain reason and what to ask the school."""
    outcome = PacketOutcome(file_name, "refused", message=str(exc), check=exc.check,
                            advice=advice_for(exc.check, exc.reason))
    manifest = getattr(exc, "manifest", None)
    if manifest is not None:
        outcome.school_code, outcome.school_name = manifest.school_code, manifest.school_name
        outcome.seq, outcome.kind, outcome.level = manifest.seq, manifest.kind, manifest.level
        outcome.rows = manifest.rows
    return outcome


def advice_for(check: str, reason: str = "") -> str:
    """What to ask the school (or to do here) about a refused file, by the failed check."""
    if reason == S.EX_R_NOT_PACKET:
        return S.EX_ADVICE_NOT_PACKET
    if reason.endswith(S.EX_R_UPDATE_TAIL):      # a newer format or schema than ours
        return S.EX_ADVICE_UPDATE
    return S.EX_ADVICE.get(check, S.EX_ADVICE_AGAIN)


@dataclass
class ImportReport:
    outcomes: list[PacketOutcome]
    dry_run: bool

    @property
    def applied(self) -> list[PacketOutcome]:
        return [o for o in self.outcomes if o.outcome == "applied"]

    @property
    def refused(self) -> list[PacketOutcome]:
        return [o for o in self.outcomes if o.outcome in ("refused", "untrusted")]


def _existing(store: Store, school: str, rows: dict[str, list[Row]]) -> dict:
    """Stored (version, deleted, level, data) of the packet's records, by (table, id)."""
    conn = store.db.conn
    found: dict[tuple[str, str], tuple] = {}
    total = sum(len(r) for r in rows.values())
    if not conn.execute("SELECT 1 FROM records WHERE school_code = ? LIMIT 1",
                        (school,)).fetchone():
        return found
    if total > SMALL_PACKET:
        for table in rows:
            for row_id, *rest in conn.execute(
                    "SELECT id, version, deleted, level, data FROM records "
                    "WHERE school_code = ? AND table_name = ?", (school, table)):
                found[(table, row_id)] = tuple(rest)
        return found
    for table, items in rows.items():
        ids = [r[2] for r in items]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row_id, *rest in conn.execute(
                    f"SELECT id, version, deleted, level, data FROM records "
                    f"WHERE school_code = ? AND table_name = ? AND id IN ({marks})",
                    (school, table, *chunk)):
                found[(table, row_id)] = tuple(rest)
    return found


LEVEL_TABLES = ("staff", "school")   # tables whose content depends on the level


def classify(table: str, level: str, version: int, deleted: int, data: str,
             old: tuple | None) -> str:
    """added | updated | deleted | unchanged | conflict for one incoming record.

    Higher version wins. The same version with other content is a conflict (the stored
    row is kept), except in the tables whose content depends on the personal-data level:
    a change of level, or a de-identified staff row whose bands moved on, is an update.
    A school that upgraded sends the same version with new columns: an update too.
    A lower version is unchanged when it says the same, else a conflict.
    A record deleted at the school before the office ever had it is «gone»: its tombstone
    is stored, but nothing is deleted here, so the summary counts it as unchanged.
    """
    if old is None:
        return "gone" if deleted else "added"
    old_version, old_deleted, old_level, old_data = old
    same = data == old_data and deleted == old_deleted and (
        old_level == level or table not in LEVEL_TABLES)
    if version > old_version:
        return "deleted" if deleted and not old_deleted else "updated"
    if same:
        return "unchanged"
    if version == old_version and table in LEVEL_TABLES and (
            old_level != level or (table == "staff" and level == "deidentified")):
        return "updated"
    if version == old_version and deleted == old_deleted and _only_new_columns(old_data, data):
        return "updated"             # the school's program added a column: nothing else moved
    return "conflict"


def _only_new_columns(old: str, new: str) -> bool:
    """True when ``new`` has every column of ``old`` with the same value, and more."""
    try:
        before, after = json.loads(old), json.loads(new)
    except ValueError:
        return False
    return set(before) < set(after) and all(after[k] == v for k, v in before.items())


def plan_rows(store: Store, checked: CheckedPacket) -> tuple[dict[str, TableCounts], list[Row]]:
    """Classify each record against what is stored (``classify``); return the counts per
    table and the rows to write."""
    level = checked.manifest.level
    rows = checked.rows or {}
    existing = _existing(store, checked.manifest.school_code, rows)
    plan: dict[str, TableCounts] = {}
    writes: list[Row] = []
    for table, items in rows.items():
        counts = plan.setdefault(table, TableCounts())
        if not existing:                      # a school's first packet: all new
            gone = sum(row[6] for row in items)     # deleted before: nothing to delete here
            counts.added += len(items) - gone
            counts.unchanged += gone
            writes += items
            continue
        for row in items:
            verdict = classify(table, level, row[3], row[6], row[9], existing.get((table, row[2])))
            if verdict == "conflict":
                counts.conflicts += 1
            elif verdict == "gone":
                counts.unchanged += 1
                writes.append(row)
            elif verdict == "unchanged":
                counts.unchanged += 1
            else:
                setattr(counts, verdict, getattr(counts, verdict) + 1)
                writes.append(row)
    return plan, writes


def same_person(store: Store, school: str, writes: Sequence[Row]) -> tuple[str, str] | None:
    """(ФИО, birth date) of a person the packet brings a card of while the school already
    has another card with the same ФИО and birth date (domain.md §6: the same person; the
    school's program refuses a second card, storage/staff.same_person), counting what is
    stored and what the packet writes, deleted cards left out; None when there is none.
    Only named (full-level) cards can be compared."""
    incoming = {row[2]: row for row in writes if row[1] == "staff"}
    if not any(not row[6] and row[7] == "full" for row in incoming.values()):
        return None
    cards = {row_id: (deleted, level, data) for row_id, deleted, level, data in
             store.db.conn.execute("SELECT id, deleted, level, data FROM records "
                                   "WHERE school_code = ? AND table_name = 'staff'", (school,))}
    cards.update((row_id, (row[6], row[7], row[9])) for row_id, row in incoming.items())
    seen: dict[tuple[str, str], str] = {}
    for row_id, (deleted, level, data) in sorted(cards.items()):
        if deleted or level != "full":
            continue
        person = json.loads(data)
        birth = person.get("birth_date")
        if not birth:
            continue
        name = full_name(person.get("last_name") or "", person.get("first_name") or "",
                         person.get("middle_name") or "")
        key = (norm(name), birth)
        other = seen.setdefault(key, row_id)
        if other != row_id and (row_id in incoming or other in incoming):
            return name, birth
    return None


def _primary_key(row: Row) -> tuple[str, str]:
    return row[1], row[2]


UPSERT = (
    "INSERT INTO records (school_code, table_name, id, version, change_seq, updated_at, "
    "deleted, level, packet_uuid, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (school_code, table_name, id) DO UPDATE SET version = excluded.version, "
    "change_seq = excluded.change_seq, updated_at = excluded.updated_at, "
    "deleted = excluded.deleted, level = excluded.level, packet_uuid = excluded.packet_uuid, "
    "data = excluded.data"
)


def _school_name(checked: CheckedPacket) -> str:
    for row in (checked.rows or {}).get("school", []):
        if not row[6]:
            try:
                return json.loads(row[9]).get("short_name") or checked.manifest.school_name
            except ValueError:
                break
    return checked.manifest.school_name


def _apply_one(store: Store, checked: CheckedPacket, trusted: Callable[[CheckedPacket], bool],
               dry_run: bool) -> PacketOutcome:
    manifest = checked.manifest
    conn = store.db.conn
    outcome = PacketOutcome(checked.name, "applied", manifest.school_code, manifest.school_name,
                            manifest.seq, manifest.kind, manifest.level, manifest.rows)
    active = _active_key(store, manifest.school_code)
    refusal = identity_refusal(store, checked.name, manifest, active)
    status = _status(store, manifest)
    if refusal is None and status == "restored":
        refusal = restored_refusal(store, checked.name, manifest)
    if refusal is not None:
        outcome.outcome, outcome.check, outcome.message = "refused", refusal.check, str(refusal)
        outcome.advice = advice_for(refusal.check, refusal.reason)
        return outcome
    key_id = active[0] if active else None
    if status != "new" or checked.rows is None:
        outcome.outcome = status if status != "new" else "duplicate"
        outcome.message = (S.EX_DUPLICATE if outcome.outcome == "duplicate"
                           else S.EX_OLDER).format(file=checked.name)
        return outcome
    tables, writes = plan_rows(store, checked)     # before anything is written
    twice = same_person(store, manifest.school_code, writes)
    if twice is not None:          # the school's program never sends this: nothing is kept
        refusal = PacketRefused(checked.name, "person", S.EX_R_SAME_PERSON.format(
            name=twice[0], birth=format_date(dt.date.fromisoformat(twice[1]))))
        outcome.outcome, outcome.check, outcome.message = "refused", refusal.check, str(refusal)
        outcome.advice = advice_for(refusal.check)
        return outcome
    now = store.clock.now().isoformat(timespec="seconds")
    if key_id is None:
        outcome.new_key_fp = manifest.sender_fp
        outcome.key_changed = conn.execute("SELECT 1 FROM school_keys WHERE school_code = ?",
                                           (manifest.school_code,)).fetchone() is not None
        if not dry_run and not trusted(checked):
            outcome.outcome, outcome.check = "untrusted", "key"
            reason = S.EX_R_UNTRUSTED_CHANGED if outcome.key_changed else S.EX_R_UNTRUSTED
            outcome.message = S.EX_REFUSED.format(file=checked.name, reason=reason.format(
                code=manifest.school_code, fp=manifest.sender_fp))
            outcome.advice = S.EX_ADVICE_UNTRUSTED
            return outcome
        conn.execute("INSERT INTO schools (code, name, first_seen) VALUES (?, ?, ?) "
                     "ON CONFLICT (code) DO NOTHING", (manifest.school_code,
                                                        manifest.school_name, now))
        key_id = conn.execute(
            "INSERT INTO school_keys (school_code, verify_key, fingerprint, registered_at, "
            "registered_by) VALUES (?, ?, ?, ?, ?) RETURNING id",
            (manifest.school_code, manifest.sender_key, manifest.sender_fp, now,
             store.user or "")).fetchone()[0]
    last = conn.execute(
        "SELECT seq, change_seq_to, file_hash FROM packets WHERE school_code = ? "
        "ORDER BY seq DESC LIMIT 1", (manifest.school_code,)).fetchone()
    last_seq, last_to, last_hash = last if last else (0, 0, "")
    if manifest.seq > last_seq + 1:
        outcome.missing = tuple(range(last_seq + 1, manifest.seq))
        outcome.covered = manifest.change_seq_from <= last_to or manifest.kind == "full"
    elif last and manifest.prev_hash != last_hash:
        outcome.chain_broken = True
    outcome.tables = tables
    writes.sort(key=_primary_key)     # in key order: the B-tree fills page by page
    conn.executemany(UPSERT, writes)
    summary = {t: c.as_dict() for t, c in outcome.tables.items()}
    conn.execute(
        "INSERT INTO packets (uuid, school_code, key_id, seq, kind, level, schema_version, "
        "change_seq_from, change_seq_to, prev_hash, file_hash, file_name, rows, created_at, "
        "imported_at, imported_by, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?)",
        (manifest.packet_uuid, manifest.school_code, key_id, manifest.seq, manifest.kind,
         manifest.level, manifest.schema_version, manifest.change_seq_from,
         manifest.change_seq_to, manifest.prev_hash, checked.raw.file_hash, checked.name,
         manifest.rows, manifest.created_at, now, store.user or "",
         json.dumps(summary, sort_keys=True)))
    outcome.school_name = _school_name(checked)
    # the school's settings as of its latest packet; a packet of an older program (none
    # sent) keeps those the school sent before
    settings = None if checked.settings is None else json.dumps(checked.settings,
                                                                 sort_keys=True)
    conn.execute("UPDATE schools SET name = ?, last_import_at = ?, "
                 "settings = coalesce(?, settings) WHERE code = ?",
                 (outcome.school_name, now, settings, manifest.school_code))
    outcome.default_settings = conn.execute(
        "SELECT settings IS NULL FROM schools WHERE code = ?",
        (manifest.school_code,)).fetchone()[0] == 1
    return outcome


def apply_packets(
    store: Store,
    checked: Sequence[CheckedPacket],
    *,
    dry_run: bool = False,
    trusted: Callable[[CheckedPacket], bool] | bool = False,
    progress: Callable[[int, int], None] | None = None,
    secret: crypto.MunicipalitySecret | None = None,
) -> list[PacketOutcome]:
    """Apply packets in one transaction, in order of school and sequence number.

    Whether each packet is new, a repeat or older is decided again inside the
    transaction. ``trusted`` says whether an unregistered school key may be registered
    (True, or a function of the packet, e.g. the user's answer asked beforehand). A dry
    run does exactly the same work and rolls it back. Packets that have only passed
    ``read_packet_head`` are opened (decrypted, every record checked) here, one at a
    time, so a large batch never holds more than one packet's records in memory; a
    packet refused at that stage is left out and reported, the others still apply.
    """
    trust = trusted if callable(trusted) else (lambda _c, _t=bool(trusted): _t)
    ordered = sorted(checked, key=lambda c: (c.manifest.school_code, c.manifest.seq))
    if secret is None and any(c.rows is None and c.status == "new" for c in ordered):
        secret = office_secret(store)
    outcomes: list[PacketOutcome] = []
    # Hundreds of thousands of short-lived objects (checked records, rows) and no reference
    # cycles among them: the cyclic collector would only rescan them over and over (about
    # 5% of a 300-packet import). Reference counting still frees them as before.
    with _no_cyclic_gc(), store.mutex:
        conn = store.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for done, item in enumerate(ordered, start=1):
                if _unconfirmed(store, item, trust, dry_run):
                    outcomes.append(_not_opened(store, item, dry_run))
                    if progress:
                        progress(done, len(ordered))
                    continue
                try:
                    opened = open_packet(item, secret) if secret else item
                except PacketRefused as exc:
                    exc.manifest = item.manifest
                    outcomes.append(refusal_outcome(item.name, exc))
                else:
                    outcomes.append(_apply_one(store, opened, trust, dry_run))
                if progress:
                    progress(done, len(ordered))
            conn.execute("ROLLBACK" if dry_run else "COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return outcomes


def _unconfirmed(store: Store, item: CheckedPacket, trust: Callable[[CheckedPacket], bool],
                 dry_run: bool) -> bool:
    """A new packet from a school whose key is not registered and not (yet) trusted: it
    is not decrypted. A dry run never trusts: it shows the manifest and the fingerprint
    only, so a file from anyone costs nothing until a person has confirmed the key."""
    if item.rows is not None or item.status != "new":
        return False
    if _active_key(store, item.manifest.school_code) is not None:
        return False
    return dry_run or not trust(item)


def _not_opened(store: Store, item: CheckedPacket, dry_run: bool) -> PacketOutcome:
    m = item.manifest
    outcome = PacketOutcome(item.name, "applied" if dry_run else "untrusted", m.school_code,
                            m.school_name, m.seq, m.kind, m.level, m.rows,
                            new_key_fp=m.sender_fp, unverified=True)
    outcome.key_changed = store.db.conn.execute(      # a known school: not «впервые»
        "SELECT 1 FROM school_keys WHERE school_code = ?", (m.school_code,)).fetchone() is not None
    if not dry_run:
        outcome.check = "key"
        reason = S.EX_R_UNTRUSTED_CHANGED if outcome.key_changed else S.EX_R_UNTRUSTED
        outcome.message = S.EX_REFUSED.format(file=item.name, reason=reason.format(
            code=m.school_code, fp=m.sender_fp))
        outcome.advice = S.EX_ADVICE_UNTRUSTED
    return outcome


@contextmanager
def _no_cyclic_gc():
    """The cyclic collector off for the block, and back on however the block ends (a locked
    database at BEGIN included)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def check_packets(store: Store, paths: Sequence[Path], *,
                  progress: Callable[[int, int], None] | None = None, full: bool = True,
                  ) -> tuple[list[CheckedPacket], list[PacketOutcome]]:
    """Check each file: the packets that passed, and the refusals.

    With ``full=False`` only the checks up to the payload hash run (``read_packet_head``);
    ``apply_packets`` then opens each new packet just before writing it, so a batch of
    hundreds of packets never holds more than one packet's records in memory.
    """
    secret = office_secret(store)
    ready: list[CheckedPacket] = []
    refused: list[PacketOutcome] = []
    for done, path in enumerate(paths, start=1):
        try:
            head = read_packet_head(store, Path(path), secret)
            # a new school's packet stays sealed until its key is confirmed (apply_packets)
            ready.append(open_packet(head, secret) if full and head.registered else head)
        except PacketRefused as exc:
            refused.append(refusal_outcome(Path(path).name, exc))
        if progress:
            progress(done, len(paths))
    return ready, refused


def import_packets(
    store: Store,
    paths: Sequence[Path],
    *,
    dry_run: bool = False,
    trusted: Callable[[CheckedPacket], bool] | bool = False,
) -> ImportReport:
    """Check every file and apply those that pass in one transaction (the CLI's way)."""
    heads, refused = check_packets(store, paths, full=False)
    outcomes = apply_packets(store, heads, dry_run=dry_run, trusted=trusted)
    return ImportReport([o for o in outcomes if o.outcome != "refused"]
                        + refused + [o for o in outcomes if o.outcome == "refused"], dry_run)


# --- receipts --------------------------------------------------------------------------


def export_receipts(store: Store, out_dir: Path, *, school_code: str | None = None) -> list[Path]:
    """One signed receipt per school (or for one school) naming its accepted packets."""
    if not out_dir.is_dir():
        raise SyncError(S.EX_NO_FOLDER.format(path=out_dir))
    secret = office_secret(store)
    public = office_public(store)
    import uuid as uuidlib

    with store.mutex:
        conn = store.db.conn
        where = "WHERE k.revoked_at IS NULL" + (" AND k.school_code = ?" if school_code else "")
        keys = conn.execute(
            f"SELECT k.id, k.school_code, k.fingerprint FROM school_keys k {where} "
            "ORDER BY k.school_code", (school_code,) if school_code else ()).fetchall()
        if school_code and not keys:
            raise SyncError(S.EX_SCHOOL_UNKNOWN.format(code=school_code))
        bodies = []
        for _key_id, code, fingerprint in keys:
            packets = [AcceptedPacket(uuid=u, seq=s, file_hash=h, change_seq_to=t)
                       for u, s, h, t in conn.execute(
                           "SELECT uuid, seq, file_hash, change_seq_to FROM packets "
                           "WHERE school_code = ? ORDER BY seq", (code,))]   # any key: one numbering
            if not packets:
                continue
            bodies.append(ReceiptBody(
                format_version=1, receipt_uuid=str(uuidlib.uuid4()),
                municipality_name=public.name, municipality_fp=public.fingerprint,
                school_code=code, school_key_fp=fingerprint,
                created_at=store.clock.now().isoformat(timespec="seconds"), packets=packets))
    written = []
    for body in bodies:
        target = out_dir / receipt_file_name(body.school_code, body.packets[-1].seq)
        packet.write_atomically(target, build_receipt(body, secret.signing))
        written.append(target)
    return written


# --- what the screens and reports read ------------------------------------------------


def revoke_key(store: Store, school_code: str) -> str:
    """Forget a school's key (it moved to a new computer): its next packet registers a new one."""
    with store.atomic():
        row = store.db.conn.execute(
            "SELECT id, fingerprint FROM school_keys WHERE school_code = ? AND revoked_at IS NULL",
            (school_code,)).fetchone()
        if row is None:
            raise SyncError(S.EX_SCHOOL_UNKNOWN.format(code=school_code))
        store.db.conn.execute("UPDATE school_keys SET revoked_at = ? WHERE id = ?",
                              (store.clock.now().isoformat(timespec="seconds"), row[0]))
    return row[1]


def content_checksum(store: Store) -> str:
    """SHA-256 over every row of every table, in a fixed order (tests compare it)."""
    import hashlib

    digest = hashlib.sha256()
    with store.mutex:
        conn = store.db.conn
        for (table,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
            digest.update(table.encode())
            width = len(conn.execute(f"PRAGMA table_info({table})").fetchall())
            order = ", ".join(str(i) for i in range(1, width + 1))
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                digest.update(repr(row).encode())
    return digest.hexdigest()
