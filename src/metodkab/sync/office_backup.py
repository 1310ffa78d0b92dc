"""The office's own backup, whole: its database and its private key, so that a new PC can
read the next packet of every school.

``metodkab backup --out DIR`` (a USB stick) writes the office database's copy and, beside
it, the office's private key sealed with a passphrase: the passphrase is stretched with
libsodium's Argon2id (``nacl.pwhash.argon2id``) into the key of a secret box
(``nacl.secret.SecretBox``: XSalsa20-Poly1305), so the stick can be lost without the key
being usable. ``metodkab restore COPY`` on a new PC checks the copy, opens the sealed key
with the passphrase before anything is written, puts the database in place and the key
beside it (owner-only), and writes the public key file for the schools again.

The daily backups in ``backups/`` beside the database stay as they were: the key is
beside the database on the same disk anyway.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from dataclasses import dataclass
from pathlib import Path

from nacl import pwhash
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey
from nacl.secret import SecretBox
from nacl.signing import SigningKey

from metodkab import strings as S
from metodkab.clock import SYSTEM_CLOCK, Clock
from metodkab.domain.jsonio import read_json_object
from metodkab.sync import crypto, packet
from metodkab.sync.errors import SyncError

SEALED_SUFFIX = ".office-key.sealed"
SEALED_FORMAT = "metodkab-sealed-office-key"
OPSLIMIT = pwhash.argon2id.OPSLIMIT_MODERATE          # 3 passes
MEMLIMIT = pwhash.argon2id.MEMLIMIT_INTERACTIVE       # 64 MB: an old office PC has 2–4 GB
MAX_OPSLIMIT = pwhash.argon2id.OPSLIMIT_SENSITIVE     # what a sealed file may ask for
MAX_MEMLIMIT = pwhash.argon2id.MEMLIMIT_MODERATE
MIN_PASSPHRASE = 8


def sealed_path(copy: Path) -> Path:
    """The sealed key beside a database copy: ``<copy stem>.office-key.sealed``."""
    return copy.with_name(copy.stem + SEALED_SUFFIX)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise SyncError(S.OB_PASSPHRASE_SHORT.format(count=MIN_PASSPHRASE))


def _box(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> SecretBox:
    key = pwhash.argon2id.kdf(SecretBox.KEY_SIZE, passphrase.encode("utf-8"), salt,
                              opslimit=opslimit, memlimit=memlimit)
    return SecretBox(key)


def seal_key(secret_file: bytes, passphrase: str, fingerprint: str) -> bytes:
    """The office's key file sealed with a passphrase, as the bytes of a small JSON file."""
    check_passphrase(passphrase)
    salt = secrets.token_bytes(pwhash.argon2id.SALTBYTES)
    sealed = _box(passphrase, salt, OPSLIMIT, MEMLIMIT).encrypt(secret_file)
    return crypto.canonical_json({
        "format": SEALED_FORMAT, "format_version": 1, "kdf": "argon2id",
        "opslimit": OPSLIMIT, "memlimit": MEMLIMIT, "salt": crypto.b64(salt),
        "box": crypto.b64(bytes(sealed)), "fingerprint": fingerprint})


def open_sealed_key(path: Path, passphrase: str) -> tuple[crypto.MunicipalitySecret, bytes]:
    """The office's secret from a sealed file and the key file's own bytes; a wrong
    passphrase or a damaged file is a Russian message (nothing is written anywhere)."""
    try:
        data = read_json_object(path.read_bytes(), what=S.OB_WHAT_SEALED, max_bytes=64 * 1024)
        if data.get("format") != SEALED_FORMAT or data.get("format_version") != 1:
            raise ValueError
        opslimit, memlimit = data.get("opslimit"), data.get("memlimit")
        if not (isinstance(opslimit, int) and isinstance(memlimit, int)
                and 1 <= opslimit <= MAX_OPSLIMIT and 8192 <= memlimit <= MAX_MEMLIMIT):
            raise ValueError
        salt = crypto.unb64(data.get("salt"), pwhash.argon2id.SALTBYTES)
        box = data.get("box")
        if not isinstance(box, str) or len(box) > 16 * 1024:
            raise ValueError
        sealed = base64.b64decode(box.encode("ascii"), validate=True)
    except (ValueError, OSError, UnicodeError, binascii.Error):
        raise SyncError(S.OB_SEALED_DAMAGED.format(name=path.name)) from None
    try:
        content = _box(passphrase, salt, opslimit, memlimit).decrypt(sealed)
    except CryptoError:
        raise SyncError(S.OB_WRONG_PASSPHRASE) from None
    try:
        key = read_json_object(content, what=S.JSON_WHAT_KEY_FILE, max_bytes=64 * 1024)
        if key.get("format") != crypto.SECRET_KEY_FORMAT or key.get("kind") != "municipality":
            raise ValueError
        secret = crypto.MunicipalitySecret(
            box=PrivateKey(crypto.unb64(key.get("box_secret"), 32)),
            signing=SigningKey(crypto.unb64(key.get("signing_seed"), 32)))
    except ValueError:
        raise SyncError(S.OB_SEALED_DAMAGED.format(name=path.name)) from None
    return secret, content


@dataclass(frozen=True)
class OfficeBackup:
    copy: Path
    sealed: Path
    fingerprint: str


def backup_office_to(db_path: Path, out_dir: Path, passphrase: str, *,
                     clock: Clock = SYSTEM_CLOCK) -> OfficeBackup:
    """The database's copy into ``out_dir`` (no rotation there) and the sealed key beside
    it. The passphrase is checked first; the key must be this office's."""
    from metodkab.sync.municipal import open_municipal

    store = open_municipal(db_path, clock=clock, exclusive=False)
    try:
        return backup_office_store(store, out_dir, passphrase)
    finally:
        store.close()


def backup_office_store(store, out_dir: Path, passphrase: str) -> OfficeBackup:
    """``backup_office_to`` of an office database already open (the app's)."""
    from metodkab.storage.backup import checksum_path, make_backup
    from metodkab.sync.municipal import office_secret

    check_passphrase(passphrase)
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise SyncError(S.EX_NO_FOLDER.format(path=out_dir))
    secret = office_secret(store)                       # this office's key, or a message
    key_bytes = crypto.municipality_key_path(store.path).read_bytes()
    sealed = seal_key(key_bytes, passphrase, secret.fingerprint)
    with store.mutex:
        copy = make_backup(store.db, store.path, clock=store.clock, reason="manual",
                           folder=out_dir, keep=None)
    try:
        packet.write_atomically(sealed_path(copy), sealed, private=True)
    except BaseException:
        copy.unlink(missing_ok=True)                    # a copy without its key is no backup
        checksum_path(copy).unlink(missing_ok=True)
        raise
    return OfficeBackup(copy, sealed_path(copy), secret.fingerprint)


def _office_fingerprint(copy: Path) -> tuple[str, str]:
    import sqlite3

    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT key_fp, name FROM office WHERE id = 1").fetchone()
    finally:
        conn.close()
    if row is None:
        raise SyncError(S.OB_NO_OFFICE_ROW.format(name=copy.name))
    return row[0], row[1]


def _write_key(path: Path, content: bytes) -> None:
    """The private key file, owner-only; an existing one is never overwritten."""
    crypto.write_new_secret(path, content)


@dataclass(frozen=True)
class OfficeRestore:
    kept: Path | None           # the database that was in place, kept as a backup
    key_restored: bool          # the private key was written from the sealed copy
    key_missing: bool           # no key here and none in the copy: packets cannot be read
    public: Path | None         # the public key file for the schools, written again


def restore_office(copy: Path, db_path: Path, passphrase: str | None, *,
                   clock: Clock = SYSTEM_CLOCK, checksum: bool = True) -> OfficeRestore:
    """Bring the office back from a copy made by ``backup_office_to`` (or a daily one):
    the sealed key is opened first, so a wrong passphrase changes nothing. The caller
    holds the database's lock."""
    from metodkab.storage.backup import check_backup, restore

    copy, db_path = Path(copy), Path(db_path)
    if check_backup(copy, checksum=checksum) != "office":
        raise SyncError(S.OB_NOT_OFFICE_COPY.format(name=copy.name))
    fingerprint, name = _office_fingerprint(copy)
    key_path = crypto.municipality_key_path(db_path)
    sealed = sealed_path(copy)
    secret, content = None, b""
    if key_path.exists():
        here = crypto.load_municipality_secret(key_path)
        if here.fingerprint != fingerprint:
            raise SyncError(S.OB_OTHER_KEY_HERE.format(path=key_path))
    elif sealed.exists():
        if passphrase is None:
            raise SyncError(S.OB_PASSPHRASE_NEEDED)
        secret, content = open_sealed_key(sealed, passphrase)
        if secret.fingerprint != fingerprint:
            raise SyncError(S.OB_SEALED_OTHER_OFFICE.format(name=sealed.name))
    db_path.parent.mkdir(parents=True, exist_ok=True)
    kept = restore(copy, db_path, clock=clock, checksum=checksum)
    written = secret is not None
    if written:
        _write_key(key_path, content)
    public = None
    public_path = db_path.with_name(db_path.stem + "-public.mkkey")
    if (secret is not None or key_path.exists()) and not public_path.exists():
        secret = secret or crypto.load_municipality_secret(key_path)
        public_key = crypto.MunicipalityPublicKey(name, *secret.public)
        packet.write_atomically(public_path, public_key.to_json().encode("utf-8"))
        public = public_path
    return OfficeRestore(kept, written, not key_path.exists(), public)
