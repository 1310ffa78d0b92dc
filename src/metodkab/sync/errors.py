"""Errors of the exchange; each carries a Russian message for the user."""

from __future__ import annotations

from metodkab.storage.errors import StorageError


class SyncError(StorageError):
    """Something about keys, packets or receipts the user must be told, in Russian."""


class PacketRefused(SyncError):
    """A packet or receipt that failed a check: nothing was written.

    ``check`` names the check that failed (size, format, signature, key, recipient,
    hash, decryption, content, records, schema, sequence) so tests and scripts can tell the
    reasons apart; the message names the file and the reason.
    """

    def __init__(self, file_name: str, check: str, reason: str) -> None:
        from metodkab import strings as S

        super().__init__(S.EX_REFUSED.format(file=file_name, reason=reason))
        self.file_name = file_name
        self.check = check
        self.reason = reason
