"""The cryptography of the exchange: libsodium through PyNaCl, no home-made primitives.

- The municipal office has an X25519 key pair (every packet's payload is sealed to its
  public key with a libsodium sealed box: only the office can open it) and an Ed25519
  key pair (it signs receipts).
- Every school database has an Ed25519 key pair, made on first need; it signs the
  manifest of each packet, and the manifest carries the SHA-256 of the sealed payload,
  so the signature covers every byte of the file.
- A fingerprint is the first 16 bytes of SHA-256 over a labelled public key, written as
  eight groups of four hex digits so that two people can compare it by phone.

Private keys live in files beside the database (owner-only permissions); they are never
written into packets or receipts. Public keys travel inside packets and in the small
public key file the office hands to its schools.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

from metodkab import strings as S
from metodkab.domain.jsonio import JsonRefused, read_json_object
from metodkab.storage.files import (FileProblem, open_regular, os_message, sync_folder,
                                    write_temp)
from metodkab.sync.errors import SyncError

PUBLIC_KEY_FORMAT = "metodkab-municipality-key"
SECRET_KEY_FORMAT = "metodkab-secret-key"
SCHOOL_LABEL = b"metodkab-school-signing\x00"
MUNICIPALITY_LABEL = b"metodkab-municipality\x00"
MAX_KEY_FILE_BYTES = 64 << 10


# --- small helpers ---------------------------------------------------------------------


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, size: int) -> bytes:
    """Decode base64 of exactly ``size`` bytes; ValueError otherwise."""
    if not isinstance(text, str):
        raise ValueError("not a string")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError("not base64") from None
    if len(raw) != size:
        raise ValueError("wrong length")
    return raw


def canonical_json(value: Any) -> bytes:
    """One byte form for a JSON value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def format_fingerprint(digest: bytes) -> str:
    hexed = digest[:16].hex().upper()
    return " ".join(hexed[i:i + 4] for i in range(0, len(hexed), 4))


def school_fingerprint(verify_key: bytes) -> str:
    return format_fingerprint(hashlib.sha256(SCHOOL_LABEL + verify_key).digest())


def municipality_fingerprint(box_key: bytes, verify_key: bytes) -> str:
    return format_fingerprint(hashlib.sha256(MUNICIPALITY_LABEL + box_key + verify_key).digest())


# --- signing and sealing ---------------------------------------------------------------


def sign(key: SigningKey, message: bytes) -> bytes:
    return key.sign(message).signature


def verify(verify_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        VerifyKey(verify_key).verify(message, signature)
    except (BadSignatureError, ValueError, TypeError):
        return False
    return True


def seal(box_key: bytes, plaintext: bytes) -> bytes:
    return SealedBox(PublicKey(box_key)).encrypt(plaintext)


def unseal(secret: PrivateKey, ciphertext: bytes) -> bytes | None:
    """The plaintext, or None when the box was not sealed to this key or was altered."""
    try:
        return SealedBox(secret).decrypt(ciphertext)
    except (CryptoError, ValueError, TypeError):
        return None


# --- key files -------------------------------------------------------------------------


@dataclass(frozen=True)
class MunicipalityPublicKey:
    """What a school keeps of its office: the sealing key and the receipt-signing key."""

    name: str
    box_key: bytes
    verify_key: bytes

    @property
    def fingerprint(self) -> str:
        return municipality_fingerprint(self.box_key, self.verify_key)

    def to_json(self) -> str:
        return json.dumps({
            "format": PUBLIC_KEY_FORMAT, "format_version": 1, "name": self.name,
            "box_key": b64(self.box_key), "verify_key": b64(self.verify_key),
            "fingerprint": self.fingerprint,
        }, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> MunicipalityPublicKey:
        """Read a public key file; SyncError with a Russian reason when it is not one."""
        try:
            data = read_json_object(text, what=S.JSON_WHAT_KEY_FILE, max_bytes=MAX_KEY_FILE_BYTES)
        except JsonRefused:
            raise SyncError(S.EX_KEY_FILE_BAD) from None
        try:
            if data.get("format") != PUBLIC_KEY_FORMAT:
                raise ValueError("format")
            if data.get("format_version") != 1:
                raise ValueError("version")
            name = data.get("name", "")
            if not isinstance(name, str) or len(name) > 500:
                raise ValueError("name")
            key = cls(name=name, box_key=unb64(data.get("box_key"), 32),
                      verify_key=unb64(data.get("verify_key"), 32))
        except (ValueError, TypeError):
            raise SyncError(S.EX_KEY_FILE_BAD) from None
        if data.get("fingerprint") != key.fingerprint:
            raise SyncError(S.EX_KEY_FILE_BAD)
        return key


@dataclass(frozen=True)
class MunicipalitySecret:
    box: PrivateKey
    signing: SigningKey

    @property
    def public(self) -> tuple[bytes, bytes]:
        return bytes(self.box.public_key), bytes(self.signing.verify_key)

    @property
    def fingerprint(self) -> str:
        return municipality_fingerprint(*self.public)


def municipality_key_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + ".office-key")


def school_key_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + ".signing-key")


def _write_secret(path: Path, payload: dict[str, Any]) -> None:
    write_new_secret(path, json.dumps(payload).encode("utf-8"))


def write_new_secret(path: Path, content: bytes) -> None:
    """Write a private key file readable by its owner only; never overwrite one (SyncError);
    a file-system failure is FileProblem (Russian) and leaves no temporary file. The key
    is written by storage.files.write_temp and then linked, not renamed, into place (a
    rename would replace a key that appeared meanwhile); the folder is synced."""
    if path.exists():
        raise SyncError(S.EX_KEY_EXISTS.format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileProblem(os_message(exc, path)) from None
    tmp = write_temp(path, content, private=True)
    try:
        try:
            os.link(tmp, path)          # fails if a key appeared meanwhile: never clobber
        except FileExistsError:
            raise SyncError(S.EX_KEY_EXISTS.format(path=path)) from None
        except OSError:
            if path.exists():
                raise SyncError(S.EX_KEY_EXISTS.format(path=path)) from None
            os.replace(tmp, path)       # file systems without hard links
    except OSError as exc:
        raise FileProblem(os_message(exc, path)) from None
    finally:
        tmp.unlink(missing_ok=True)
    sync_folder(path.parent)


def _read_secret(path: Path, kind: str) -> dict[str, Any]:
    try:
        with open_regular(path) as fh:
            text = fh.read(MAX_KEY_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SyncError(S.EX_KEY_MISSING.format(path=path)) from None
    try:
        data = read_json_object(text, what=S.JSON_WHAT_KEY_FILE, max_bytes=MAX_KEY_FILE_BYTES)
        if data.get("format") != SECRET_KEY_FORMAT or data.get("kind") != kind:
            raise ValueError
    except ValueError:
        raise SyncError(S.EX_KEY_DAMAGED.format(path=path)) from None
    if os.name == "posix" and path.stat().st_mode & 0o077:
        try:
            os.chmod(path, 0o600)       # someone loosened it: tighten again
        except OSError:
            pass
    return data


def create_municipality_secret(path: Path) -> MunicipalitySecret:
    secret = MunicipalitySecret(box=PrivateKey.generate(), signing=SigningKey.generate())
    _write_secret(path, {"format": SECRET_KEY_FORMAT, "kind": "municipality",
                         "box_secret": b64(bytes(secret.box)),
                         "signing_seed": b64(bytes(secret.signing))})
    return secret


def load_municipality_secret(path: Path) -> MunicipalitySecret:
    data = _read_secret(path, "municipality")
    try:
        return MunicipalitySecret(box=PrivateKey(unb64(data.get("box_secret"), 32)),
                                  signing=SigningKey(unb64(data.get("signing_seed"), 32)))
    except ValueError:
        raise SyncError(S.EX_KEY_DAMAGED.format(path=path)) from None


def load_or_create_school_key(path: Path) -> tuple[SigningKey, bool]:
    """The school's signing key, made on first need; the flag says it was just made."""
    if not path.exists():
        key = SigningKey.generate()
        _write_secret(path, {"format": SECRET_KEY_FORMAT, "kind": "school-signing",
                             "signing_seed": b64(bytes(key))})
        return key, True
    data = _read_secret(path, "school-signing")
    try:
        return SigningKey(unb64(data.get("signing_seed"), 32)), False
    except ValueError:
        raise SyncError(S.EX_KEY_DAMAGED.format(path=path)) from None
