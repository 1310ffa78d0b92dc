"""storage.files.atomic_write, the one writer of whole files (workbooks, documents,
packets, keys' public halves, checksums): whole or nothing, the temp file never left."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from metodkab.storage import files
from metodkab.storage.files import FileProblem, atomic_write

SRC = Path(files.__file__).resolve().parents[1]


def test_writes_the_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "список.xlsx"
    with atomic_write(target) as fh:
        fh.write(b"whole")
        assert not target.exists()              # the name appears only when complete
    assert target.read_bytes() == b"whole"
    assert os.listdir(tmp_path) == [target.name]


@pytest.mark.parametrize("failure", [ValueError("a bug in the writer"),
                                     KeyboardInterrupt()])
def test_a_failure_in_the_block_keeps_the_old_file(tmp_path, failure):
    target = tmp_path / "приказ.docx"
    target.write_bytes(b"old")
    with pytest.raises(type(failure)):
        with atomic_write(target) as fh:
            fh.write(b"half")
            raise failure
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == [target.name]


def test_an_os_error_is_said_in_russian(tmp_path):
    target = tmp_path / "приказ.docx"
    with pytest.raises(FileProblem, match="нет места"):
        with atomic_write(target) as fh:
            fh.write(b"half")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert os.listdir(tmp_path) == []


def test_a_failed_rename_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "a.mkp"

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(FileProblem):
        files.write_atomically(target, b"data")
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_private_is_owner_only_from_the_first_byte(tmp_path):
    target = tmp_path / "a.docx"
    with atomic_write(target, private=True) as fh:
        assert os.stat(fh.fileno()).st_mode & 0o077 == 0
        fh.write(b"x")
    assert os.stat(target).st_mode & 0o077 == 0


def test_a_killed_writers_temp_is_recognised_as_ours(tmp_path):
    for name in ("Приказ.docx", "Кадры.xlsx"):
        leftover = files.temp_path(tmp_path / name)
        leftover.write_bytes(b"half")
        os.utime(leftover, (0, 0))              # older than a day
    assert len(files.clean_stale_temps(tmp_path)) == 2
    assert os.listdir(tmp_path) == []


def test_documents_and_workbooks_have_no_writer_of_their_own():
    """Workbooks, documents and the error report go through atomic_write: no temp file,
    rename or fsync of their own in reports/ or importing/."""
    own = re.compile(r"os\.replace\(|os\.rename\(|mkstemp\(|NamedTemporaryFile\(|os\.fsync\(")
    found = [f"{path.relative_to(SRC)}:{n}"
             for folder in ("reports", "importing")
             for path in sorted((SRC / folder).rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if own.search(line)]
    assert found == []


def test_files_are_renamed_into_place_in_one_place():
    """Every file written whole is renamed into place by storage/files.py (atomic_write,
    move_into_place: folder synced, temp removed); the only other renames: the key writer
    that must never replace a key (a hard link, a rename where links are missing) and a
    key set aside by the office's init."""
    found = sorted(str(path.relative_to(SRC)) for path in SRC.rglob("*.py")
                   if re.search(r"os\.(replace|rename)\(", path.read_text(encoding="utf-8")))
    assert found == ["storage/files.py", "sync/crypto.py", "sync/municipal.py"]
