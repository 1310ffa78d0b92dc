"""Issue items 5-8 and 10: backups are checked to the byte before a restore, damaged text
and keys are messages, a full disk or a folder without rights is said in Russian and
leaves no temporary file, FIFOs and folders named like packets are refused, files that
hold personal data are owner-only, init runs again after a crash, and de-identified
packets carry no free text."""

from __future__ import annotations

import errno
import json
import os
import re
import sqlite3
import stat
import threading

import pytest

from metodkab import cli
from metodkab.storage import backup as B
from metodkab.storage.db import open_store
from metodkab.storage.errors import StorageError
from metodkab.storage.files import FileProblem, clean_stale_temps
from metodkab.sync import crypto
from metodkab.sync.municipal import content_checksum, init_municipality, open_municipal
from metodkab.sync.records import FREE_TEXT
from metodkab.sync.school import export_packet
from tests.unit.test_sync_support import CLOCK, copy_exchange, make_exchange

TODAY = ["--today", "23.11.2026"]
LATIN = re.compile(r"[A-Za-z]{4,}")


def english(text: str) -> list[str]:
    """Latin words of a message that are not file names, paths or command names."""
    text = re.sub(r"таблица \w+", "", text)          # a table's name is a name
    words = [w for w in text.split() if not re.search(r"[./\\_]|metodkab", w)]
    return LATIN.findall(" ".join(words))
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and FIFOs")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_exchange(tmp_path_factory.mktemp("hostile-files") / "x", staff=4)


@pytest.fixture
def ex(template, tmp_path):
    return copy_exchange(template, tmp_path / "x")


def run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main([*TODAY, *argv])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def dump(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM staff ORDER BY id").fetchall()
    finally:
        conn.close()


def temps(folder) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if ".tmp" in p.name)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# --- backups ----------------------------------------------------------------------------


def test_backup_has_its_checksum_and_restore_checks_it_to_the_byte(ex, capsys):
    store = open_store(ex.school, clock=CLOCK)
    try:
        backup = B.make_backup(store.db, ex.school, clock=CLOCK, reason="manual")
        store.conn.execute("UPDATE staff SET notes = 'после копии'")
        store.conn.commit()
    finally:
        store.close()
    side = B.checksum_path(backup)
    assert side.read_text().split() == [B.file_sha256(backup), backup.name]
    before = dump(ex.school)
    original = backup.read_bytes()
    damaged = []
    # a copy one byte short, one byte longer, and single bytes flipped across the file
    variants = [original[:-1], original + b"\0"]
    variants += [original[:i] + bytes([original[i] ^ 0x5A]) + original[i + 1:]
                 for i in range(100, len(original), max(1, len(original) // 40))]
    for data in variants:
        backup.write_bytes(data)
        code, text = run(capsys, "--db", str(ex.school), "restore", str(backup))
        damaged.append(code)
        assert code != 0 and "Traceback" not in text and not english(text), text
        assert dump(ex.school) == before
    assert set(damaged) == {1}
    backup.write_bytes(original)
    side.unlink()
    code, text = run(capsys, "--db", str(ex.school), "restore", str(backup))
    assert code == 1 and "контрольной суммы" in text and dump(ex.school) == before
    B.write_checksum(backup)
    code, text = run(capsys, "--db", str(ex.school), "restore", str(backup))
    assert code == 0 and dump(ex.school) != before


def test_text_that_is_not_utf8_is_reported_not_crashed_on(ex, capsys, tmp_path):
    conn = sqlite3.connect(ex.school)
    conn.execute("UPDATE sync_state SET municipality_key = CAST(X'7B22D0FF' AS TEXT)")
    conn.execute("UPDATE staff SET last_name = CAST(X'D0FF' AS TEXT) WHERE rowid = 1")
    conn.commit()
    conn.close()
    code, text = run(capsys, "--db", str(ex.school), "keys", "show")
    assert code == 1 and "UTF-8" in text and "Traceback" not in text
    code, text = run(capsys, "--db", str(ex.school), "check")
    assert code == 1 and "UTF-8" in text and "staff" in text
    sheet = tmp_path / "staff.csv"
    sheet.write_text("Фамилия;Имя;Отчество;Дата рождения\nПетрова;Анна;Ивановна;01.02.1990\n",
                     encoding="utf-8")
    code, text = run(capsys, "--db", str(ex.school), "import", "staff", str(sheet))
    assert code != 0 and "Traceback" not in text and "UTF-8" in text, text


# --- the file system says no --------------------------------------------------------------


def _full_disk(monkeypatch):
    """Every fsync fails as on a full disk (the write path of every file we make)."""
    def fsync(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", fsync)


def test_full_disk_on_export_backup_and_init_says_so_and_leaves_nothing(ex, monkeypatch,
                                                                         capsys):
    store = ex.school_store()
    try:
        seq = store.conn.execute("SELECT last_seq FROM sync_state").fetchone()
    finally:
        store.close()
    _full_disk(monkeypatch)
    for argv in (("packet", "export", "--db", str(ex.school), "--out", str(ex.out)),
                 ("--db", str(ex.school), "backup"),
                 ("municipality", "init", "--db", str(ex.folder / "new" / "office.sqlite"))):
        code, text = run(capsys, *argv)
        assert code == 1 and "нет места" in text, text
        assert "повреждён" not in text and not english(text), text
    monkeypatch.undo()
    assert temps(ex.folder) == []
    assert list(ex.out.iterdir()) == []
    store = ex.school_store()
    try:
        assert store.conn.execute("SELECT last_seq FROM sync_state").fetchone() == seq
    finally:
        store.close()


def test_full_database_file_is_not_called_damaged(tmp_path, monkeypatch, capsys):
    """SQLite's own «database or disk is full» while a new database is made."""
    from metodkab.storage import db as D

    real = D.connect_raw

    def small(path):
        conn = real(path)
        conn.execute("PRAGMA max_page_count = 4")
        return conn
    monkeypatch.setattr(D, "connect_raw", small)
    with pytest.raises(FileProblem, match="нет места"):
        open_store(tmp_path / "school.sqlite", clock=CLOCK)
    code, text = run(capsys, "--db", str(tmp_path / "other.sqlite"), "check")
    assert "повреждён" not in text


@pytest.mark.parametrize("code, words", [(errno.EACCES, "Нет прав на запись"),
                                         (errno.EROFS, "только для чтения")])
def test_no_rights_and_read_only_folders_are_said_in_russian(tmp_path, monkeypatch, code,
                                                             words):
    def refuse(*args, **kwargs):
        raise OSError(code, "denied", str(tmp_path))
    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(StorageError, match=words) as info:
        open_store(tmp_path / "school.sqlite", clock=CLOCK)
    assert "повреждён" not in str(info.value)


@POSIX
@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0,
                    reason="root writes into any folder: chmod cannot refuse it")
def test_read_only_folder_for_real(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, text = run(capsys, "--db", str(folder / "school.sqlite"), "check")
        code, text = run(capsys, "demo", "--out", str(folder / "demo.sqlite"))
        assert code == 1 and "Нет прав на запись" in text and "повреждён" not in text
    finally:
        folder.chmod(0o700)


@POSIX
def test_fifo_and_folder_named_like_our_files_are_refused_without_hanging(ex, capsys):
    fifo = ex.out / "x.mkp"
    os.mkfifo(fifo)
    folder = ex.out / "a.mkp"
    folder.mkdir()
    done = []

    def attempt():
        for path in (fifo, folder):
            for argv in (("packet", "inspect", str(path)),
                         ("packet", "import", str(path), "--db", str(ex.muni), "--dry-run"),
                         ("receipt", "import", str(path), "--db", str(ex.school)),
                         ("keys", "import", str(path), "--db", str(ex.school), "--replace")):
                done.append(run(capsys, *argv))
    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(60)
    if worker.is_alive():                  # unblock the hung open, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("a FIFO hung the command")
    assert len(done) == 8
    for code, text in done:
        assert code != 0 and "Traceback" not in text
        assert "папка, а не файл" in text or "не обычный файл" in text, text
        assert "Is a directory" not in text


# --- owner-only files, temporary files, init after a crash --------------------------------


@POSIX
def test_files_with_personal_data_are_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        ex = make_exchange(tmp_path / "x", staff=2)
        store = ex.school_store()
        try:
            packet = export_packet(store, ex.out).path
            backup = B.make_backup(store.db, ex.school, clock=CLOCK)
        finally:
            store.close()
    finally:
        os.umask(old)
    for path in (ex.school, ex.muni, backup, B.checksum_path(backup), packet,
                 crypto.municipality_key_path(ex.muni), crypto.school_key_path(ex.school)):
        assert mode(path) == 0o600, (path, oct(mode(path)))


def test_stale_temporary_files_of_ours_are_cleaned_on_start(tmp_path):
    folder = tmp_path / "db"
    (folder / "backups").mkdir(parents=True)
    dead = 2 ** 22 + 12345                  # above any pid_max default: never running
    stale = [folder / f".school.sqlite.{dead}-0123abcd.tmp",
             folder / f".school.sqlite.{dead}.tmp-journal",
             folder / f".office.sqlite.{dead}-0123abcd.tmp.lock",
             folder / "backups" / f".school-20261101-120000.sqlite.{dead}-89abcdef.tmp"]
    live = folder / f".school.sqlite.{os.getpid()}-0123abcd.tmp"
    foreign = folder / f".notes.txt.{dead}-0123abcd.tmp"          # not a file of ours
    for path in (*stale, live, foreign):
        path.write_bytes(b"x")
    store = open_store(folder / "school.sqlite", clock=CLOCK)
    store.close()
    assert [p.exists() for p in stale] == [False] * 4
    assert live.exists() and foreign.exists()
    assert clean_stale_temps(folder, older_than=-1) == [live]


def test_municipality_init_runs_again_after_a_crash(tmp_path, capsys):
    path = tmp_path / "office.sqlite"
    key = crypto.municipality_key_path(path)
    crypto.create_municipality_secret(key)          # killed after the key, before the DB
    (tmp_path / f".office.sqlite.{2 ** 22 + 7}-0123abcd.tmp").write_bytes(b"half")
    code, text = run(capsys, "municipality", "init", "--db", str(path), "--name", "УО")
    assert code == 0 and "сохранён под именем" in text, text
    assert [p.name for p in tmp_path.glob("office.office-key.unused-*")]
    assert temps(tmp_path) == []
    store = open_municipal(path, clock=CLOCK)
    try:
        assert content_checksum(store)
    finally:
        store.close()
    code, text = run(capsys, "municipality", "init", "--db", str(path))
    assert code == 1 and "уже" in text                # a whole office is never overwritten


# --- de-identified packets --------------------------------------------------------------


def test_deidentified_packets_carry_no_free_text(tmp_path):
    from metodkab.sync import packet
    from metodkab.sync.sample import sample_school

    ex = make_exchange(tmp_path / "x", staff=10)
    store = ex.school_store()
    try:
        with store.atomic():
            for table, columns in FREE_TEXT.items():
                for column in columns:
                    store.conn.execute(f"UPDATE {table} SET {column} = 'Иванова Мария'")
            store.conn.execute("UPDATE staff SET notes = 'Иванова Мария'")
        result = export_packet(store, ex.out, level="deidentified", full=True)
    finally:
        store.close()
    assert sample_school                                 # the sample fills every table
    raw = packet.read_packet(result.path)
    content = packet.open_payload(raw, ex.office.box).decode("utf-8")
    assert "Иванова Мария" not in content
    lines = [json.loads(line) for line in content.split("\n")[1:]]
    tables = {line["t"] for line in lines}
    assert len(tables & set(FREE_TEXT)) >= 4, tables
    muni = ex.muni_store()
    try:
        from metodkab.sync.municipal import import_packets

        report = import_packets(muni, [result.path], trusted=True)
        assert not report.refused, [o.message for o in report.refused]
    finally:
        muni.close()


@pytest.mark.parametrize("code, words", [(errno.EACCES, "Нет прав на запись"),
                                         (errno.EROFS, "только для чтения"),
                                         (errno.ENOSPC, "нет места")])
def test_backup_and_export_into_a_folder_that_refuses(ex, monkeypatch, capsys, code, words):
    """The backups folder and the stick refuse new files (as a read-only or full one
    would): one Russian line, nothing left behind, nothing recorded as sent."""
    real_open = os.open
    refusing = (str(ex.folder / "backups"), str(ex.out))

    def guarded(path, flags, *args, **kwargs):
        if str(path).startswith(refusing) and flags & os.O_CREAT:
            raise OSError(code, "refused", str(path))
        return real_open(path, flags, *args, **kwargs)
    (ex.folder / "backups").mkdir(exist_ok=True)
    monkeypatch.setattr(os, "open", guarded)
    for argv in (("--db", str(ex.school), "backup"),
                 ("packet", "export", "--db", str(ex.school), "--out", str(ex.out))):
        result, text = run(capsys, *argv)
        assert result == 1 and words in text and "повреждён" not in text, text
        assert not english(text), text
    monkeypatch.undo()
    assert temps(ex.folder) == [] and list(ex.out.iterdir()) == []
    store = ex.school_store()
    try:
        assert store.conn.execute("SELECT count(*) FROM sync_packet").fetchone() == (0,)
    finally:
        store.close()
