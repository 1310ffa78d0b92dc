"""Files from outside and files of our own: reading safely, writing whole, owner-only.

- ``open_regular`` opens a file for reading only when it is a regular file: a FIFO named
  ``x.mkp`` would block ``open`` forever, a folder named ``a.mkp`` gives an English
  «Is a directory». Both become Russian messages.
- ``atomic_write`` is the one writer of whole files: a temporary name of ours
  (``.<name>.<pid>-<hex>.tmp``), fsync, rename into place, sync the folder; the temp
  file never outlives a failure. ``private=True`` creates it owner-only (0600 on POSIX):
  databases, backups, keys, packets, workbooks and documents hold personal data.
  ``write_atomically`` writes bytes by it; ``write_temp`` and ``move_into_place`` are
  its two halves for a writer that commits a record between them (packets).
- ``os_message`` turns an OSError (disk full, no rights, read-only disk …) into one
  Russian line that says what to do; ``sqlite_message`` does the same for SQLite's own
  reports of the same conditions. Neither ever says «повреждён».
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from metodkab import strings as S
from metodkab.storage.errors import StorageError

PRIVATE_MODE = 0o600
TEMP_SUFFIX = ".tmp"
STALE_AFTER_SECONDS = 24 * 3600
# ours: ".<name>.<pid>-<8 hex>.tmp" (temp_path), ".<name>.<8 hex>.tmp" (earlier versions),
# ".<name>.<pid>.tmp" (the demo builder)
# (and SQLite's -journal, -wal, -shm and our .lock beside a temporary database)
# — and only names of the files we write, so another program's temp file is never touched
_OUR_TEMP = re.compile(r"\..+\.(?:sqlite|mkp|mkr|mkkey|sha256|office-key|signing-key|"
                       r"packet-seq|sealed|xlsx|docx)"
                       r"\.(?:(?P<pid>\d+)(?:-[0-9a-f]{8})?|[0-9a-f]{8})\.tmp"
                       r"(?:-journal|-wal|-shm|\.lock)?")


class FileProblem(StorageError):
    """A file could not be read or written for a reason of the file system (Russian)."""


# --- messages ------------------------------------------------------------------------


def _folder_of(path: Path | str | None) -> str:
    if not path:
        return "?"
    path = Path(path)
    return str(path if path.is_dir() else path.parent)


def os_message(exc: OSError, path: Path | str | None = None) -> str:
    """One Russian line for an OSError: what happened and what to do."""
    path = path or exc.filename
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return S.FILE_NO_SPACE.format(folder=_folder_of(path))
    if code in (errno.EACCES, errno.EPERM):
        return S.FILE_NO_RIGHTS.format(folder=_folder_of(path))
    if code == errno.EROFS:
        return S.FILE_READ_ONLY.format(folder=_folder_of(path))
    if code == errno.EISDIR:
        return S.FILE_IS_FOLDER.format(path=path)
    if code == errno.ENOENT:
        return S.FILE_NOT_FOUND.format(path=path)
    if code == errno.ENOTDIR:
        return S.FILE_NOT_A_FOLDER.format(path=path)
    name = errno.errorcode.get(code or 0, str(code))
    return S.FILE_OS_ERROR.format(path=path or "?", code=name)


# SQLite's primary result codes for the same conditions
_SQLITE_FULL, _SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_IOERR, _SQLITE_PERM = 13, 8, 14, 10, 3


def sqlite_message(exc: sqlite3.Error, path: Path | str) -> str | None:
    """A Russian line when a SQLite error is really a file-system condition (disk full,
    read-only or inaccessible folder, I/O error) or a stored text that is not UTF-8;
    None for anything else."""
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(exc).lower()
    if "could not decode to utf-8" in text:    # a flipped byte in a stored text
        return S.DB_NOT_UTF8.format(name=Path(path).name)
    if code == _SQLITE_FULL or "disk is full" in text:
        return S.FILE_NO_SPACE.format(folder=_folder_of(path))
    if code in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text:
        return S.FILE_NO_RIGHTS.format(folder=_folder_of(path))
    if code == _SQLITE_CANTOPEN or "unable to open" in text:
        folder = Path(path).parent
        if Path(path).is_dir():
            return S.FILE_IS_FOLDER.format(path=path)
        if not os.access(folder, os.W_OK):
            return S.FILE_NO_RIGHTS.format(folder=folder)
        return S.FILE_CANNOT_OPEN.format(path=path)
    if code == _SQLITE_IOERR or "disk i/o error" in text:
        if _nearly_full(Path(path).parent):
            return S.FILE_NO_SPACE.format(folder=_folder_of(path))
        return S.FILE_IO_ERROR.format(folder=_folder_of(path))
    return None


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < (1 << 20)
    except OSError:
        return False


# --- reading -------------------------------------------------------------------------


def open_regular(path: Path | str) -> BinaryIO:
    """Open a regular file for reading; FileProblem for a folder, FIFO, device …

    FileNotFoundError passes unchanged (callers name the missing file their own way).
    The file is opened non-blocking, so a FIFO cannot hang the open; then its type is
    checked on the open descriptor (no race between the check and the read).
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise FileProblem(S.FILE_IS_FOLDER.format(path=path)) from None
    except OSError as exc:
        if path.is_dir():
            raise FileProblem(S.FILE_IS_FOLDER.format(path=path)) from None
        raise FileProblem(os_message(exc, path)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise FileProblem(S.FILE_IS_FOLDER.format(path=path))
        if not stat.S_ISREG(mode):
            raise FileProblem(S.FILE_NOT_REGULAR.format(path=path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(path: Path | str, limit: int) -> bytes | None:
    """The bytes of a regular file, or None when it is larger than ``limit``."""
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            return None
        try:
            data = fh.read(size + 1)            # read(n) sets aside n bytes: never the limit
        except OSError as exc:
            raise FileProblem(os_message(exc, path)) from None
    return None if len(data) > limit else data


# --- writing -------------------------------------------------------------------------


def temp_path(target: Path) -> Path:
    """A temporary name of ours beside ``target``: hidden, with our process id (so that
    ``clean_stale_temps`` knows a crashed writer's file) and a random part."""
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")


def create_private(path: Path) -> int:
    """Create a new file owner-only (0600 on POSIX) and return its descriptor."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                   PRIVATE_MODE)


def make_private(path: Path) -> None:
    """Owner-only permissions for a file of ours that holds personal data (POSIX)."""
    if os.name == "posix":
        try:
            os.chmod(path, PRIVATE_MODE)
        except OSError:
            pass


def sync_folder(folder: Path) -> None:
    """fsync a folder so a rename into it survives a power cut (POSIX)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _create(tmp: Path, private: bool) -> BinaryIO:
    fd = (create_private(tmp) if private
          else os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                       0o666))
    return os.fdopen(fd, "wb")


@contextmanager
def atomic_write(path: Path | str, *, private: bool = False) -> Iterator[BinaryIO]:
    """The one way a file of ours is written: it appears whole or not at all.

    The block writes into a new temporary file beside ``path`` (``temp_path``); when the
    block ends, the file is flushed and fsynced, renamed into place and the folder synced
    (a power cut then leaves the old file or the new one, never half of one). On any
    failure, in the block or after it, the temporary file is removed and a file already
    at ``path`` stays as it was; an OSError becomes FileProblem with a Russian message.
    ``private``: owner-only from its first byte (0600 less the umask), for files that
    hold personal data (databases, packets, keys, every workbook and document).
    """
    path = Path(path)
    tmp = temp_path(path)
    try:
        try:
            with _create(tmp, private) as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise FileProblem(os_message(exc, path)) from None
        move_into_place(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to ``path`` by ``atomic_write``."""
    with atomic_write(path, private=private) as fh:
        fh.write(data)


def write_temp(target: Path, data: bytes, *, private: bool = False) -> Path:
    """``atomic_write`` in two halves, for a writer that records the file in its database
    between them (a packet: the record commits, then the file appears): ``data`` under a
    temporary name beside ``target``, fsynced; nothing is left when it fails. Then
    ``move_into_place``."""
    tmp = temp_path(target)
    try:
        with _create(tmp, private) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileProblem(os_message(exc, target)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def move_into_place(tmp: Path, target: Path) -> None:
    """A complete temporary file renamed to its name and the folder synced; when the
    rename fails, the temporary file is removed (FileProblem, Russian)."""
    try:
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileProblem(os_message(exc, target)) from None
    sync_folder(Path(target).parent)


def _process_gone(pid: int) -> bool:
    """True when no process has this id (POSIX); False when unsure."""
    if os.name != "posix" or pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def clean_stale_temps(folder: Path, *, older_than: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Remove temporary files of ours that a killed writer left in ``folder``: those whose
    process is gone, and any older than a day (a write in progress in another window is
    never touched); return what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    limit = time.time() - older_than
    for entry in entries:
        found = _OUR_TEMP.fullmatch(entry.name) if entry.name.startswith(".") else None
        if found is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            pid = found.group("pid")
            if (pid and _process_gone(int(pid))) or entry.stat().st_mtime < limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed
