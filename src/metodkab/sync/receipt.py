"""Receipts (квитанции): the office's signed list of the packets it accepted from a school.

A receipt file is small JSON::

    {"format": "metodkab-receipt", "body": "<canonical JSON text>", "signature": "<base64>"}

The Ed25519 signature (the office's key) covers the body text byte for byte. The body
names the office and school, the school's signing-key fingerprint and each accepted
packet (UUID, sequence number, file hash, last change_seq), so a school can only
acknowledge packets it really wrote.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from nacl.signing import SigningKey
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from metodkab import strings as S
from metodkab.domain.jsonio import JsonRefused, read_json_object
from metodkab.sync import crypto
from metodkab.sync.errors import PacketRefused
from metodkab.sync.packet import SCHOOL_CODE_PATTERN, Fingerprint, Hex64
from metodkab.sync.records import UUID_PATTERN

RECEIPT_FORMAT = "metodkab-receipt"
RECEIPT_SUFFIX = ".mkr"
MAX_RECEIPT_BYTES = 16 << 20


class AcceptedPacket(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    uuid: Annotated[str, StringConstraints(pattern=f"^{UUID_PATTERN}$")]
    seq: Annotated[int, Field(ge=1)]
    file_hash: Hex64
    change_seq_to: Annotated[int, Field(ge=0)]


class ReceiptBody(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    format_version: Literal[1]
    receipt_uuid: Annotated[str, StringConstraints(pattern=f"^{UUID_PATTERN}$")]
    municipality_name: Annotated[str, StringConstraints(max_length=500)]
    municipality_fp: Fingerprint
    school_code: Annotated[str, StringConstraints(pattern=SCHOOL_CODE_PATTERN)]
    school_key_fp: Fingerprint
    created_at: Annotated[str, StringConstraints(max_length=40)]
    packets: list[AcceptedPacket]


def receipt_file_name(school_code: str, seq: int) -> str:
    return f"{school_code}_{seq}{RECEIPT_SUFFIX}"


def build_receipt(body: ReceiptBody, key: SigningKey) -> bytes:
    text = crypto.canonical_json(body.model_dump()).decode("utf-8")
    signature = crypto.sign(key, text.encode("utf-8"))
    return json.dumps({"format": RECEIPT_FORMAT, "body": text,
                       "signature": crypto.b64(signature)},
                      ensure_ascii=False, indent=1).encode("utf-8")


def read_receipt(data: bytes, name: str, verify_key: bytes) -> ReceiptBody:
    """Check size, format and the office's signature; return the body."""
    if len(data) > MAX_RECEIPT_BYTES:
        raise PacketRefused(name, "size", S.EX_R_TOO_BIG.format(
            size=len(data), limit=MAX_RECEIPT_BYTES))
    try:
        outer = read_json_object(data, what=S.JSON_WHAT_RECEIPT, max_bytes=MAX_RECEIPT_BYTES)
    except JsonRefused as exc:
        raise PacketRefused(name, "format", str(exc)) from None
    try:
        if outer.get("format") != RECEIPT_FORMAT:
            raise ValueError
        text = outer["body"]
        signature = crypto.unb64(outer["signature"], 64)
        if not isinstance(text, str) or set(outer) != {"format", "body", "signature"}:
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise PacketRefused(name, "format", S.EX_R_NOT_RECEIPT) from None
    if not crypto.verify(verify_key, text.encode("utf-8"), signature):
        raise PacketRefused(name, "signature", S.EX_R_RECEIPT_SIGNATURE)
    try:
        return ReceiptBody.model_validate(read_json_object(
            text, what=S.JSON_WHAT_RECEIPT, max_bytes=MAX_RECEIPT_BYTES))
    except (ValueError, ValidationError):
        raise PacketRefused(name, "format", S.EX_R_NOT_RECEIPT) from None
