"""Errors of the storage layer; each carries a Russian message for the user."""


class StorageError(Exception):
    """Something the user must be told about, in Russian, without a traceback."""


class DatabaseBusy(StorageError):
    pass


class DatabaseTooNew(StorageError):
    pass


class DatabaseDamaged(StorageError):
    pass


class NotFound(StorageError):
    pass


class Conflict(StorageError):
    """The record was changed elsewhere since it was read."""


class HasDependents(StorageError):
    pass
