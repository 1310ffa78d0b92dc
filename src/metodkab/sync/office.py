"""What the office's screens and commands read and change around the packets: the schools
list, a school's card (packet history, the numbers actually missing, its keys and
contacts), replacing a school's key, the files of a chosen folder, remembered settings.

The checks and the applying of packets are in municipal.py; this module never decides
whether a packet is good, it shows what was decided and what is known of each school.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import SimpleNamespace

from metodkab import strings as S
from metodkab.domain.jsonio import read_json_object
from metodkab.reports.indicators import in_p
from metodkab.storage.db import Store
from metodkab.storage.search import LIKE, like_pattern
from metodkab.sync import packet
from metodkab.sync.errors import PacketRefused, SyncError
from metodkab.sync.municipal import PacketOutcome, identity_refusal, office_secret


def format_moment(iso: str) -> str:
    """«ДД.ММ.ГГГГ ЧЧ:ММ» of an ISO time as stored ('' stays '')."""
    if not iso:
        return ""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return moment.strftime("%d.%m.%Y %H:%M")


# --- the numbers actually missing ------------------------------------------------------


@dataclass(frozen=True)
class PacketInfo:
    seq: int
    kind: str
    level: str
    change_seq_from: int
    change_seq_to: int
    rows: int
    created_at: str
    imported_at: str
    file_name: str
    fingerprint: str          # the key that signed it


@dataclass(frozen=True)
class Gaps:
    missing: tuple[int, ...]          # never arrived and their changes never came
    covered: dict[int, int]           # never arrived, but packet № value brought their changes


def missing_numbers(packets: Sequence[PacketInfo]) -> Gaps:
    """A number never received is covered once a later packet starts no later than the
    changes the office already had before that number (deltas are cumulative since the
    last acknowledged change) or is a full packet; otherwise it is actually missing."""
    got = sorted(packets, key=lambda p: p.seq)
    seqs = {p.seq for p in got}
    missing: list[int] = []
    covered: dict[int, int] = {}
    for number in range(1, max(seqs, default=0)):
        if number in seqs:
            continue
        before = [p for p in got if p.seq < number]
        had = before[-1].change_seq_to if before else 0
        cover = next((p for p in got if p.seq > number
                      and (p.kind == "full" or p.change_seq_from <= had)), None)
        if cover is None:
            missing.append(number)
        else:
            covered[number] = cover.seq
    return Gaps(tuple(missing), covered)


def _packets(store: Store, code: str | None = None) -> dict[str, list[PacketInfo]]:
    where = "WHERE p.school_code = ?" if code else ""
    rows = store.db.conn.execute(
        "SELECT p.school_code, p.seq, p.kind, p.level, p.change_seq_from, p.change_seq_to, "
        "p.rows, p.created_at, p.imported_at, p.file_name, k.fingerprint FROM packets p "
        f"JOIN school_keys k ON k.id = p.key_id {where} ORDER BY p.school_code, p.seq",
        (code,) if code else ()).fetchall()
    result: dict[str, list[PacketInfo]] = {}
    for school, *rest in rows:
        result.setdefault(school, []).append(PacketInfo(*rest))
    return result


# --- the schools list ------------------------------------------------------------------


@dataclass(frozen=True)
class SchoolRow:
    code: str
    name: str
    last_seq: int
    last_created_at: str      # when the school made its latest data (its clock)
    last_imported_at: str
    level: str                # of the latest packet: full | deidentified
    gaps: int                 # numbers actually missing (a covered gap is not one)
    staff: int                # P(D) on the day: the base of the office's indicators (F8)
    fingerprint: str
    director: str
    phone: str
    default_settings: bool = False   # the school never sent its settings (an older program)
    silent: bool = False      # no packet for longer than the office's «silent_days»
    seen: bool = True         # False: in the municipality's list, nothing came yet

    @property
    def id(self) -> str:      # a register's row key (widgets/register.py)
        return self.code


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def staff_in_base(store: Store, day: dt.date,
                  code: str | None = None) -> dict[str, tuple[int, int]]:
    """Per school (or for one): (staff in P(D) on ``day`` by the indicators' own rule,
    staff not deleted)."""
    counts: dict[str, tuple[int, int]] = {}
    one = " AND school_code = ?" if code else ""
    for school, employment, hired, dismissed in store.db.conn.execute(
            "SELECT school_code, json_extract(data, '$.employment'), "
            "json_extract(data, '$.hire_date'), json_extract(data, '$.dismissal_date') "
            f"FROM records WHERE table_name = 'staff' AND deleted = 0{one}",
            (code,) if code else ()):
        fact = SimpleNamespace(employment=employment, hire_date=_date(hired),
                               dismissal_date=_date(dismissed))
        base, every = counts.get(school, (0, 0))
        counts[school] = (base + in_p(fact, day), every + 1)
    return counts


# Every school the office knows: those that sent packets (seen = 1) and those of the
# municipality's list that sent nothing yet; the name a school sent wins over the list's.
_LISTED = (
    "WITH listed AS ("
    "SELECT s.code, coalesce(nullif(s.name, ''), g.name, '') AS name, "
    "coalesce(s.last_import_at, '') AS imported, s.phone, "
    "s.settings IS NULL AS unset, coalesce(k.fingerprint, '') AS fingerprint, "
    "coalesce((SELECT json_extract(r.data, '$.director') FROM records r "
    "  WHERE r.school_code = s.code AND r.table_name = 'school' AND r.deleted = 0 "
    "  LIMIT 1), '') AS director, 1 AS seen "
    "FROM schools s LEFT JOIN school_keys k ON k.school_code = s.code "
    "AND k.revoked_at IS NULL LEFT JOIN school_register g ON g.code = s.code "
    "UNION ALL SELECT g.code, g.name, '', '', 0, '', '', 0 FROM school_register g "
    "WHERE g.code NOT IN (SELECT code FROM schools)) ")


def _school_row(day: dt.date, listed: tuple, mine: list[PacketInfo], staff: int,
                days: int | None = None) -> SchoolRow:
    code, name, imported, phone, unset, fingerprint, director, seen = listed
    last = max(mine, key=lambda p: p.seq) if mine else None
    latest = max(mine, key=lambda p: (p.imported_at, p.seq)) if mine else None
    return SchoolRow(
        code, name, last.seq if last else 0, latest.created_at if latest else "",
        imported, latest.level if latest else "", len(missing_numbers(mine).missing),
        staff, fingerprint, director or "", phone, bool(unset),
        days is not None and is_silent(imported, day, days), bool(seen))


def list_schools(store: Store, day: dt.date | None = None, *,
                 staff: bool = True) -> list[SchoolRow]:
    """Every school seen, with its latest packet, the numbers missing and its contacts
    (and the staff in P(D) unless ``staff`` is False: reading every staff record is most
    of the time at a thousand schools)."""
    day = day or store.clock.today()
    with store.mutex:
        schools = store.db.conn.execute(
            _LISTED + "SELECT * FROM listed WHERE seen = 1 ORDER BY code").fetchall()
        packets = _packets(store)
        counts = staff_in_base(store, day) if staff else {}
    return [_school_row(day, listed, packets.get(listed[0], []),
                        counts.get(listed[0], (0, 0))[0]) for listed in schools]


# --- silent schools ---------------------------------------------------------------------

SILENT_DAYS = 30                     # the default of the office setting «silent_days»


def silent_days(store: Store) -> int:
    """The office's setting: a school silent for more than this many days is named."""
    value = get_setting(store, "silent_days")
    return int(value) if value.isdigit() else SILENT_DAYS


def silent_since(day: dt.date, days: int) -> str:
    """A school whose last packet was imported before this day (ISO) is silent on ``day``."""
    return (day - dt.timedelta(days=days)).isoformat()


def is_silent(last_imported_at: str, day: dt.date, days: int) -> bool:
    """The one rule of a silent school: nothing ever imported, or nothing in the last
    ``days`` days before ``day`` (a packet imported exactly ``days`` days ago still
    counts). ``schools_page`` counts the same in SQL by ``silent_since``."""
    return not last_imported_at or last_imported_at[:10] < silent_since(day, days)


# --- the office's register of schools (F9): searched, sorted and paged in SQL -----------

SCHOOL_PAGE = 200
SCHOOL_SORTS = ("code", "name", "last", "silent")
_SCHOOL_ORDER = {
    "code": "code",
    "name": "norm(name), code",
    "last": "imported = '', imported DESC, code",         # the newest packet first
    "silent": "imported <> '', imported, code",           # nothing ever, then the oldest
}


@dataclass(frozen=True)
class SchoolQuery:
    search: str = ""          # a part of the code or of the name (case and ё aside)
    sort: str = "code"        # one of SCHOOL_SORTS
    offset: int = 0
    limit: int = SCHOOL_PAGE


@dataclass(frozen=True)
class SchoolsPage:
    rows: list[SchoolRow]
    total: int                # schools the search matches
    every: int                # schools listed at all (seen, or in the municipality's list)
    silent: int               # of those the search matches, silent (is_silent)
    days: int                 # … for more than this many days


def schools_page(store: Store, query: SchoolQuery, day: dt.date | None = None) -> SchoolsPage:
    """One page of the schools the office knows (seen or only listed), searched by code or
    name and sorted in SQL; the packets, the gaps and the staff in P(D) are read for the
    page's schools only."""
    day = day or store.clock.today()
    days = silent_days(store)
    where, params = "", {}
    if query.search.strip():
        where = f"WHERE norm(code) {LIKE} OR norm(name) {LIKE} "
        params["search"] = like_pattern(query.search)
    order = _SCHOOL_ORDER.get(query.sort, _SCHOOL_ORDER["code"])
    with store.mutex:
        conn = store.db.conn
        rows = conn.execute(_LISTED + f"SELECT * FROM listed {where}ORDER BY {order} "
                            "LIMIT :limit OFFSET :offset",
                            {**params, "limit": query.limit, "offset": query.offset}).fetchall()
        total, silent = conn.execute(
            _LISTED + "SELECT count(*), coalesce(sum(imported = '' OR imported < :since), 0) "
            f"FROM listed {where}", {**params, "since": silent_since(day, days)}).fetchone()
        every = conn.execute(_LISTED + "SELECT count(*) FROM listed").fetchone()[0] \
            if where else total
        page = [_school_row(day, row, _packets(store, row[0]).get(row[0], []),
                            staff_in_base(store, day, row[0]).get(row[0], (0, 0))[0], days)
                for row in rows]
    return SchoolsPage(page, total, every, silent, days)


def export_schools(store: Store, query: SchoolQuery, folder: Path) -> Path:
    """The list as searched and sorted on screen — every page — into «Школы ….xlsx» in
    ``folder`` (beside an earlier one of the day, never over it)."""
    from metodkab.reports.xlsx import Column, Sheet, free_name, write_xlsx

    day = store.clock.today()
    first = schools_page(store, replace(query, offset=0, limit=1))
    page = schools_page(store, replace(query, offset=0, limit=max(first.total, 1)), day)
    rows = [[r.code, r.name, r.last_seq or None, S.OF_LEVEL_SHORT.get(r.level, ""),
             format_moment(r.last_created_at), format_moment(r.last_imported_at) or S.OF_NEVER,
             r.gaps if r.seen else None, r.staff if r.seen else None,
             S.IND_YES if r.silent else S.IND_NO, r.director, r.phone] for r in page.rows]
    title = S.OF_SHEET_TITLE.format(office=office_name(store) or "—",
                                    date=day.strftime("%d.%m.%Y"))
    sheet = Sheet(S.OF_FILE_SCHOOLS, title, [Column(h) for h in S.OF_SHEET_COLUMNS], rows)
    stem = free_name(folder, f"{S.OF_FILE_SCHOOLS} {day.isoformat()}")
    return write_xlsx(folder, stem, [sheet], day=day)


# --- a school's card -------------------------------------------------------------------


@dataclass(frozen=True)
class KeyInfo:
    fingerprint: str
    registered_at: str
    registered_by: str
    revoked_at: str


@dataclass
class SchoolCard:
    code: str
    name: str
    first_seen: str
    phone: str
    school: dict                      # the school's own record: full name, director …
    packets: list[PacketInfo] = field(default_factory=list)
    gaps: Gaps = field(default_factory=lambda: Gaps((), {}))
    keys: list[KeyInfo] = field(default_factory=list)
    staff_base: int = 0               # P(D) on the day (the base of F8)
    staff_all: int = 0                # staff records not deleted, any employment
    day: dt.date | None = None
    settings: dict | None = None      # the school's figure settings (None: the defaults)

    @property
    def active_key(self) -> KeyInfo | None:
        return next((k for k in self.keys if not k.revoked_at), None)

    @property
    def level(self) -> str:
        latest = max(self.packets, key=lambda p: (p.imported_at, p.seq), default=None)
        return latest.level if latest else ""


def school_card(store: Store, code: str, day: dt.date | None = None) -> SchoolCard:
    day = day or store.clock.today()
    with store.mutex:
        conn = store.db.conn
        row = conn.execute("SELECT code, name, first_seen, phone FROM schools WHERE code = ?",
                           (code,)).fetchone()
        if row is None:
            raise SyncError(S.EX_SCHOOL_UNKNOWN.format(code=code))
        own = conn.execute("SELECT data FROM records WHERE school_code = ? AND "
                           "table_name = 'school' AND deleted = 0 LIMIT 1", (code,)).fetchone()
        keys = [KeyInfo(fp, at, by, revoked or "") for fp, at, by, revoked in conn.execute(
            "SELECT fingerprint, registered_at, registered_by, revoked_at FROM school_keys "
            "WHERE school_code = ? ORDER BY id DESC", (code,))]
        packets = _packets(store, code).get(code, [])
        base, every = staff_in_base(store, day, code).get(code, (0, 0))
        settings = school_settings(store, code)
    try:
        school = read_json_object(own[0]) if own else {}
    except ValueError:
        school = {}
    return SchoolCard(row[0], row[1], row[2], row[3], school, packets,
                      missing_numbers(packets), keys, base, every, day, settings)


def school_settings(store: Store, code: str) -> dict | None:
    """The settings the school's figures are computed with, as its latest packet carried
    them (sync/records.FigureSettings), checked again on reading (the database may come
    from a copy); None when the school never sent them (an older program): its figures
    are then computed with the default settings."""
    from metodkab.sync.records import LineError, read_figure_settings

    row = store.db.conn.execute("SELECT settings FROM schools WHERE code = ?",
                                (code,)).fetchone()
    if row is None or row[0] is None:
        return None
    try:
        return read_figure_settings(read_json_object(row[0]))
    except (ValueError, LineError):
        return None


def settings_note(card: SchoolCard) -> str:
    """What the card says of the settings the school's figures are computed with: the
    defaults (none sent yet), or the school's own, naming those that differ."""
    from metodkab.storage.settings import DEFAULTS

    if card.settings is None:
        return S.OF_CARD_SETTINGS_DEFAULT if card.packets else ""

    def text(value) -> str:
        if isinstance(value, bool):
            return S.OF_SETTING_YES if value else S.OF_SETTING_NO
        return S.OF_SETTING_NONE if value is None else str(value)

    changes = [S.OF_CARD_SETTING_ONE.format(name=S.OF_SETTING_NAMES.get(key, key),
                                            value=text(value), default=text(DEFAULTS.get(key)))
               for key, value in card.settings.items() if value != DEFAULTS.get(key)]
    return S.OF_CARD_SETTINGS_OWN.format(changes="; ".join(changes)) if changes \
        else S.OF_CARD_SETTINGS_SAME


def office_name(store: Store) -> str:
    with store.mutex:
        row = store.db.conn.execute("SELECT name FROM office WHERE id = 1").fetchone()
    return row[0] if row else ""


def set_phone(store: Store, code: str, phone: str) -> None:
    """The office's own contact number of a school (for the fingerprint call)."""
    phone = " ".join(phone.split())
    if len(phone) > 60:
        raise SyncError(S.OF_PHONE_TOO_LONG)
    with store.atomic():
        if store.db.conn.execute("UPDATE schools SET phone = ? WHERE code = ?",
                                 (phone, code)).rowcount == 0:
            raise SyncError(S.EX_SCHOOL_UNKNOWN.format(code=code))


# --- replacing a school's key ----------------------------------------------------------


@dataclass(frozen=True)
class NewKey:
    school_code: str
    school_name: str
    verify_key: str           # base64, as in the packet
    fingerprint: str
    seq: int
    file_name: str


def had_key(store: Store, code: str) -> bool:
    """The school registered a key before (now forgotten): a new one is a change, not a
    first packet."""
    with store.mutex:
        return store.db.conn.execute("SELECT 1 FROM school_keys WHERE school_code = ?",
                                     (code,)).fetchone() is not None


def read_new_key(store: Store, code: str, path: Path) -> NewKey:
    """The key a school's new packet is signed with, checked as far as it can be without
    trusting it: the packet is whole and signed by the key it names, it is ours, it is
    this school's (same code and name), and the key is not the one registered."""
    path = Path(path)
    raw = packet.split_packet(packet.read_file(path), path.name)
    packet.self_check(raw)
    manifest = raw.manifest
    if manifest.school_code != code:
        raise SyncError(S.OF_KEY_OTHER_CODE.format(file=raw.name, code=manifest.school_code,
                                                   ours=code))
    if manifest.recipient_fp != office_secret(store).fingerprint:
        raise PacketRefused(raw.name, "recipient", S.EX_R_RECIPIENT.format(
            fp=manifest.recipient_fp, ours=office_secret(store).fingerprint))
    with store.mutex:
        refusal = identity_refusal(store, raw.name, manifest, None)
        active = store.db.conn.execute(
            "SELECT verify_key FROM school_keys WHERE school_code = ? AND revoked_at IS NULL",
            (code,)).fetchone()
    if refusal is not None:
        raise refusal
    if active is not None and active[0] == manifest.sender_key:
        raise SyncError(S.OF_KEY_SAME.format(fp=manifest.sender_fp))
    return NewKey(code, manifest.school_name, manifest.sender_key, manifest.sender_fp,
                  manifest.seq, raw.name)


def replace_key(store: Store, key: NewKey) -> str:
    """Register the school's new key (its fingerprint confirmed by phone) in place of the
    old one, in one transaction; the school's packets, numbers and records stay. Returns
    the old key's fingerprint ('' when none was active)."""
    now = store.clock.now().isoformat(timespec="seconds")
    with store.atomic():
        conn = store.db.conn
        if conn.execute("SELECT 1 FROM schools WHERE code = ?", (key.school_code,)).fetchone() is None:
            raise SyncError(S.EX_SCHOOL_UNKNOWN.format(code=key.school_code))
        old = conn.execute("SELECT id, fingerprint FROM school_keys WHERE school_code = ? "
                           "AND revoked_at IS NULL", (key.school_code,)).fetchone()
        if old is not None:
            conn.execute("UPDATE school_keys SET revoked_at = ? WHERE id = ?", (now, old[0]))
        conn.execute(
            "INSERT INTO school_keys (school_code, verify_key, fingerprint, registered_at, "
            "registered_by) VALUES (?, ?, ?, ?, ?)",
            (key.school_code, key.verify_key, key.fingerprint, now, store.user or ""))
    return old[1] if old else ""


# --- the files of a chosen folder ------------------------------------------------------


def scan(path: Path) -> tuple[list[Path], list[PacketOutcome]]:
    """The packet files of a folder (or the one file chosen) in name order, and what else
    is there: subfolders and other files are reported as skipped, never passed over."""
    path = Path(path)
    if not path.is_dir():
        return [path], []
    packets: list[Path] = []
    skipped: list[PacketOutcome] = []
    for item in sorted(path.iterdir(), key=lambda p: p.name):
        try:
            is_dir = item.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            skipped.append(PacketOutcome(item.name, "skipped", message=S.OF_SKIPPED_FOLDER))
        elif item.suffix.lower() == packet.PACKET_SUFFIX and not item.name.startswith("."):
            packets.append(item)
        else:
            skipped.append(PacketOutcome(item.name, "skipped", message=S.OF_SKIPPED_FILE))
    return packets, skipped


# --- remembered settings (the last folder of a picker) ---------------------------------


def get_setting(store: Store, key: str) -> str:
    with store.mutex:
        row = store.db.conn.execute("SELECT value FROM office_settings WHERE key = ?",
                                    (key,)).fetchone()
    return row[0] if row else ""


def set_setting(store: Store, key: str, value: str) -> None:
    with store.atomic():
        store.db.conn.execute(
            "INSERT INTO office_settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


# --- who signs the analytical note (the office's Настройки, F10) -------------------------


@dataclass(frozen=True)
class NoteSigners:
    """The head of the office and the specialist who prepared the analytical note: each a
    position and a full name as typed. A blank name prints a line for the pen, a blank
    position the general role; nothing is made up."""

    head_position: str = ""
    head_name: str = ""
    specialist_position: str = ""
    specialist_name: str = ""


NOTE_SIGNER_KEYS = {"head_position": "note_head_position", "head_name": "note_head_name",
                    "specialist_position": "note_specialist_position",
                    "specialist_name": "note_specialist_name"}


def note_signers(store: Store) -> NoteSigners:
    with store.mutex:
        rows = dict(store.db.conn.execute(
            "SELECT key, value FROM office_settings WHERE key IN (?, ?, ?, ?)",
            tuple(NOTE_SIGNER_KEYS.values())).fetchall())
    return NoteSigners(**{name: rows.get(key, "") for name, key in NOTE_SIGNER_KEYS.items()})


def save_note_signers(store: Store, signers: NoteSigners) -> None:
    """All four in one transaction, spaces tidied (a name typed with two spaces)."""
    with store.atomic():
        store.db.conn.executemany(
            "INSERT INTO office_settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [(key, " ".join(str(getattr(signers, name)).split()))
             for name, key in NOTE_SIGNER_KEYS.items()])
