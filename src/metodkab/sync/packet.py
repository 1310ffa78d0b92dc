"""The packet file: a signed manifest and a sealed, compressed payload of JSON lines.

Layout of ``<school code>_<seq>.mkp`` (all integers big-endian)::

    0      8   magic b"MKPACKET"
    8      2   format version
    10     4   manifest length N (at most MAX_MANIFEST_BYTES)
    14     N   manifest: canonical JSON (UTF-8, sorted keys)
    14+N   64  Ed25519 signature of bytes 0 .. 14+N (magic, version, length, manifest)
    78+N   P   payload: zlib-compressed JSON lines, sealed to the office's X25519 key

The manifest names the payload's SHA-256 and size, so the signature covers every byte
of the file and ``inspect`` can verify a packet without the office's private key. The
first payload line repeats the packet UUID, school code and sender key inside the
encryption, which binds the sealed content to this manifest.

Reading checks, in this order, and refuses with the file name and the reason:
a regular file (never a FIFO or a folder), size limits, format version, signature (by the
caller, against the registered key), payload hash, decryption, decompression within the
declared size, strict records. The manifest is the one part read before the signature,
since it names the school and its key: it is at most 1 MB, goes through the bounded JSON
reader (domain/jsonio.py) and is validated strictly. A new school's packet is decrypted
only after a person has confirmed its key (sync/municipal.py); the body is decompressed
in CHUNK_BYTES pieces with a running limit and its lines are checked batch by batch, so
no packet up to the limits costs more memory than its own size a few times over
(benchmarks/bench_hostile.py).
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, BinaryIO, Literal

from nacl.public import PrivateKey
from nacl.signing import SigningKey
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from metodkab import strings as S
from metodkab.domain.jsonio import JsonRefused, read_json_object
from metodkab.storage import files
from metodkab.storage.files import FileProblem, open_regular, os_message
from metodkab.sync import crypto
from metodkab.sync.errors import PacketRefused
from metodkab.sync.records import UUID_PATTERN

MAGIC = b"MKPACKET"
FORMAT_VERSION = 1
HEADER = struct.Struct(">8sHI")
SIGNATURE_SIZE = 64
MAX_MANIFEST_BYTES = 1 << 20
MAX_PACKET_BYTES = 64 << 20        # a 5,000-staff school's full packet is a few MB
MAX_CONTENT_BYTES = 256 << 20      # decompressed; checked in chunks, never held whole
CHUNK_BYTES = 256 << 10            # decompressed at a time (a batch of lines)
MAX_LINE_BYTES = 1 << 20           # one record line (texts are limited far below this)
PACKET_SUFFIX = ".mkp"
COMPRESSION_LEVEL = 6

SCHOOL_CODE_PATTERN = r"^[0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё._-]{0,39}$"
Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Fingerprint = Annotated[str, StringConstraints(pattern=r"^([0-9A-F]{4} ){7}[0-9A-F]{4}$")]
Count = Annotated[int, Field(ge=0, le=1 << 40)]


class Manifest(BaseModel):
    """What a packet says about itself; signed by the school."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    format: Literal["metodkab-packet"]
    format_version: Literal[1]
    schema_version: Annotated[int, Field(ge=1, le=10_000)]
    packet_uuid: Annotated[str, StringConstraints(pattern=f"^{UUID_PATTERN}$")]
    school_code: Annotated[str, StringConstraints(pattern=SCHOOL_CODE_PATTERN)]
    school_name: Annotated[str, StringConstraints(max_length=500)]
    sender_key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]
    sender_fp: Fingerprint
    recipient_fp: Fingerprint
    seq: Annotated[int, Field(ge=1, le=1 << 40)]
    prev_hash: Annotated[str, StringConstraints(pattern=r"^([0-9a-f]{64})?$")]
    change_seq_from: Count
    change_seq_to: Count
    kind: Literal["full", "delta"]
    level: Literal["full", "deidentified"]
    bands_on: Annotated[str, StringConstraints(pattern=r"^(\d{4}-\d{2}-\d{2})?$")]
    counts: dict[Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,40}$")], Count]
    rows: Count
    payload_hash: Hex64
    payload_size: Annotated[int, Field(ge=1, le=MAX_PACKET_BYTES)]
    content_hash: Hex64
    content_size: Count
    compression: Literal["zlib"]
    encryption: Literal["x25519-xsalsa20-poly1305-sealed-box"]
    created_at: Annotated[str, StringConstraints(max_length=40)]

    @property
    def file_name(self) -> str:
        return packet_file_name(self.school_code, self.seq)

    @property
    def sender_verify_key(self) -> bytes:
        return crypto.unb64(self.sender_key, 32)


def packet_file_name(school_code: str, seq: int) -> str:
    return f"{school_code}_{seq}{PACKET_SUFFIX}"


def valid_school_code(code: str) -> bool:
    return re.fullmatch(SCHOOL_CODE_PATTERN, code or "") is not None


# --- writing -------------------------------------------------------------------------


def build_packet(fields: dict, content: bytes, signing_key: SigningKey,
                 recipient_box_key: bytes) -> tuple[bytes, Manifest]:
    """Compress, seal and sign: the bytes of a packet file and its manifest.

    ``fields`` are the manifest fields that describe the content; the sizes, hashes and
    algorithm names are filled in here.
    """
    sealed = crypto.seal(recipient_box_key, zlib.compress(content, COMPRESSION_LEVEL))
    manifest = Manifest(
        **fields,
        format="metodkab-packet",
        format_version=FORMAT_VERSION,
        payload_hash=crypto.sha256_hex(sealed),
        payload_size=len(sealed),
        content_hash=crypto.sha256_hex(content),
        content_size=len(content),
        compression="zlib",
        encryption="x25519-xsalsa20-poly1305-sealed-box",
    )
    manifest_bytes = crypto.canonical_json(manifest.model_dump())
    signed = HEADER.pack(MAGIC, FORMAT_VERSION, len(manifest_bytes)) + manifest_bytes
    return signed + crypto.sign(signing_key, signed) + sealed, manifest


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write a file so that it appears whole or not at all (temp file, fsync, rename);
    a failure leaves nothing behind and says in Russian what to do."""
    files.write_atomically(path, data, private=private)


# --- reading -------------------------------------------------------------------------


@dataclass(frozen=True)
class RawPacket:
    """A packet file split into its parts; nothing is trusted yet."""

    name: str
    manifest: Manifest
    signed: bytes
    signature: bytes
    payload: bytes
    file_hash: str


def read_file(path: Path) -> bytes:
    """The bytes of a packet or receipt file, refusing anything above the size limit."""
    with _open_packet_file(path) as (fh, size):
        data = fh.read(size + 1)         # read(n) sets aside n bytes: never the limit
    if len(data) > MAX_PACKET_BYTES:
        raise PacketRefused(path.name, "size", S.EX_R_TOO_BIG.format(
            size=len(data), limit=MAX_PACKET_BYTES))
    return data


@contextmanager
def _open_packet_file(path: Path) -> Iterator[tuple[BinaryIO, int]]:
    """A regular file within the size limit, open for reading, and its size."""
    name = path.name
    try:
        with open_regular(path) as fh:          # a FIFO or a folder is refused, never read
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_PACKET_BYTES:
                raise PacketRefused(name, "size", S.EX_R_TOO_BIG.format(
                    size=size, limit=MAX_PACKET_BYTES))
            yield fh, size
    except FileNotFoundError:
        raise PacketRefused(name, "file", S.EX_R_NO_FILE) from None
    except FileProblem as exc:
        raise PacketRefused(name, "file", str(exc).rstrip(".")) from None
    except OSError as exc:
        raise PacketRefused(name, "file", os_message(exc, path).rstrip(".")) from None


def read_packet(path: Path) -> RawPacket:
    """``split_packet`` of a file, reading the payload straight into its own bytes (the
    file is never held twice: the largest allowed packet costs its size once)."""
    name = path.name
    with _open_packet_file(path) as (fh, size):
        head = fh.read(HEADER.size)
        prefix_size = _prefix_size(head, size, name)
        prefix = head + fh.read(prefix_size - len(head))
        payload = fh.read(size - prefix_size + 1)
    if len(prefix) + len(payload) > MAX_PACKET_BYTES:
        raise PacketRefused(name, "size", S.EX_R_TOO_BIG.format(
            size=len(prefix) + len(payload), limit=MAX_PACKET_BYTES))
    if len(prefix) < prefix_size:
        raise PacketRefused(name, "size", S.EX_R_TRUNCATED)
    return _parse(name, prefix, payload)


def split_packet(data: bytes, name: str) -> RawPacket:
    """Size limits and format version; then the manifest, strictly parsed."""
    prefix_size = _prefix_size(data[:HEADER.size], len(data), name)
    return _parse(name, data[:prefix_size], data[prefix_size:])


def _prefix_size(head: bytes, total: int, name: str) -> int:
    """Check the fixed header against the file's size; the size of header, manifest and
    signature (the part before the payload)."""
    if total > MAX_PACKET_BYTES:
        raise PacketRefused(name, "size", S.EX_R_TOO_BIG.format(
            size=total, limit=MAX_PACKET_BYTES))
    if not head.startswith(MAGIC[:len(head)]):      # a text file named .mkp, a picture…
        raise PacketRefused(name, "format", S.EX_R_NOT_PACKET)
    if not total:
        raise PacketRefused(name, "size", S.EX_R_EMPTY)
    if total < HEADER.size + SIGNATURE_SIZE + 2 or len(head) < HEADER.size:
        raise PacketRefused(name, "size", S.EX_R_TRUNCATED)
    magic, version, manifest_size = HEADER.unpack_from(head)
    if manifest_size > MAX_MANIFEST_BYTES:
        raise PacketRefused(name, "size", S.EX_R_MANIFEST_TOO_BIG)
    end = HEADER.size + manifest_size
    if total < end + SIGNATURE_SIZE:
        raise PacketRefused(name, "size", S.EX_R_TRUNCATED)
    if version != FORMAT_VERSION:
        raise PacketRefused(name, "format", S.EX_R_FORMAT.format(
            version=version, supported=FORMAT_VERSION))
    return end + SIGNATURE_SIZE


def _parse(name: str, prefix: bytes, payload: bytes) -> RawPacket:
    """The manifest (through the bounded reader, then strictly) and the parts."""
    end = len(prefix) - SIGNATURE_SIZE
    try:
        fields = read_json_object(prefix[HEADER.size:end], what=S.JSON_WHAT_MANIFEST,
                                  max_bytes=MAX_MANIFEST_BYTES)
    except JsonRefused as exc:
        raise PacketRefused(name, "format", str(exc)) from None
    try:
        manifest = Manifest.model_validate(fields)
    except ValidationError:
        raise PacketRefused(name, "format", S.EX_R_MANIFEST_BAD) from None
    if len(payload) < manifest.payload_size:          # cut short on the way: no byte counts
        refused = PacketRefused(name, "size", S.EX_R_TRUNCATED)
        refused.manifest = manifest                   # the summary names school and number
        raise refused
    if len(payload) != manifest.payload_size:
        raise PacketRefused(name, "format", S.EX_R_SIZE_MISMATCH.format(
            actual=len(payload), declared=manifest.payload_size))
    if manifest.content_size > MAX_CONTENT_BYTES:
        raise PacketRefused(name, "size", S.EX_R_CONTENT_TOO_BIG.format(
            size=manifest.content_size, limit=MAX_CONTENT_BYTES))
    digest = hashlib.sha256(prefix)
    digest.update(payload)
    return RawPacket(name=name, manifest=manifest, signed=prefix[:end],
                     signature=prefix[end:], payload=payload, file_hash=digest.hexdigest())


def verify_signature(raw: RawPacket, verify_key: bytes) -> None:
    if not crypto.verify(verify_key, raw.signed, raw.signature):
        raise PacketRefused(raw.name, "signature", S.EX_R_SIGNATURE)


def verify_payload_hash(raw: RawPacket) -> None:
    if crypto.sha256_hex(raw.payload) != raw.manifest.payload_hash:
        raise PacketRefused(raw.name, "hash", S.EX_R_HASH)


def self_check(raw: RawPacket) -> None:
    """What ``inspect`` can verify without any key of its own: the signature by the key
    the manifest names, that key's fingerprint, and the payload hash."""
    key = raw.manifest.sender_verify_key
    if crypto.school_fingerprint(key) != raw.manifest.sender_fp:
        raise PacketRefused(raw.name, "signature", S.EX_R_SIGNATURE)
    verify_signature(raw, key)
    verify_payload_hash(raw)


def open_payload(raw: RawPacket, secret: PrivateKey) -> bytes:
    """The whole content at once (small packets, tests): ``iter_content`` joined."""
    return b"".join(iter_content(raw, secret))


def iter_content(raw: RawPacket, secret: PrivateKey) -> Iterator[bytes]:
    """Decrypt, then decompress in chunks of at most CHUNK_BYTES, never beyond the
    declared (and limited) content size: a 500 KB file that inflates to 512 MB is refused
    at its first chunk past the declared size, having held one chunk at a time.

    The content's size, end and hash are checked after the last chunk; the caller keeps
    nothing of a packet that fails (a PacketRefused raised from the generator)."""
    compressed = crypto.unseal(secret, raw.payload)
    if compressed is None:
        raise PacketRefused(raw.name, "decryption", S.EX_R_DECRYPT)
    declared = min(raw.manifest.content_size, MAX_CONTENT_BYTES)
    inflater = zlib.decompressobj()
    digest = hashlib.sha256()
    total = 0
    pending = compressed
    del compressed
    while True:
        try:
            chunk = inflater.decompress(pending, CHUNK_BYTES)
        except zlib.error:
            raise PacketRefused(raw.name, "content", S.EX_R_CONTENT_BAD) from None
        pending = inflater.unconsumed_tail
        if chunk:
            total += len(chunk)
            if total > declared:
                raise PacketRefused(raw.name, "size", S.EX_R_BOMB.format(declared=declared))
            digest.update(chunk)
            yield chunk
        if inflater.eof or (not chunk and not pending):
            break
    if not inflater.eof or inflater.unused_data or total != raw.manifest.content_size:
        raise PacketRefused(raw.name, "content", S.EX_R_CONTENT_BAD)
    if digest.hexdigest() != raw.manifest.content_hash:
        raise PacketRefused(raw.name, "content", S.EX_R_CONTENT_BAD)


def iter_lines(chunks: Iterable[bytes], name: str) -> Iterator[list[str]]:
    """The content's lines, a batch per chunk (never a list of every line of the body);
    a line longer than MAX_LINE_BYTES or text that is not UTF-8 is refused."""
    tail = b""
    number = 0
    for chunk in chunks:
        buffer = tail + chunk if tail else chunk
        cut = buffer.rfind(b"\n")
        if cut < 0:
            tail = buffer
        else:
            lines = _decode(buffer[:cut], name).split("\n")
            tail = buffer[cut + 1:]
            number += len(lines)
            yield lines
        if len(tail) > MAX_LINE_BYTES:
            raise PacketRefused(name, "records", S.EX_R_RECORDS_AT.format(
                reason=S.EX_LINE_TOO_LONG.format(line=max(number, 1), limit=MAX_LINE_BYTES)))
    yield [_decode(tail, name)]


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise PacketRefused(name, "records", S.EX_R_RECORDS_AT.format(
            reason=S.EX_R_NOT_UTF8)) from None
