"""The office survives the loss of its PC: `metodkab backup --out DIR` writes the database
copy and the office's key sealed with a passphrase; `metodkab restore` on an empty folder
brings the office back whole, and the next packet of every school applies."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from metodkab import cli
from metodkab.domain.models import Staff
from metodkab.storage import repo
from metodkab.storage.db import open_store
from metodkab.sync import crypto
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.office import list_schools
from metodkab.sync.office_backup import sealed_path
from metodkab.sync.sample import sample_school
from metodkab.sync.school import export_packet, import_municipality_key
from tests.unit.test_sync_support import CLOCK

PASSPHRASE = "длинная фраза 2026"


def run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(["--today", "23.11.2026", *argv])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def office(tmp_path):
    """An office with two schools, each with one packet applied."""
    result = init_municipality(tmp_path / "pc" / "office.sqlite", name="УО района", clock=CLOCK)
    schools = []
    for n, code in enumerate(("0412", "0413")):
        path = sample_school(tmp_path / f"school{code}.sqlite", code=code, staff=3, seed=n)
        store = open_store(path, clock=CLOCK, exclusive=False)
        try:
            import_municipality_key(store, result.public_path)
            packet = export_packet(store, tmp_path).path
        finally:
            store.close()
        muni = open_municipal(result.db_path, clock=CLOCK)
        try:
            import_packets(muni, [packet], trusted=True)
        finally:
            muni.close()
        schools.append(path)
    return result, schools


def next_packet(school, out):
    store = open_store(school, clock=CLOCK, exclusive=False)
    try:
        person = repo.find(store, Staff)[0]
        repo.update(store, person.model_copy(update={"notes": "после переезда УО"}))
        return export_packet(store, out).path
    finally:
        store.close()


def test_disaster_recovery_backup_to_a_stick_restore_on_a_new_pc(office, tmp_path, capsys,
                                                                 monkeypatch):
    result, schools = office
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setenv("METODKAB_PASSPHRASE", PASSPHRASE)
    code, text = run(capsys, "backup", "--db", str(result.db_path), "--out", str(stick))
    assert code == 0 and "запечатан" in text, text
    [copy] = stick.glob("*.sqlite")
    sealed = sealed_path(copy)
    assert sealed.exists() and b"box_secret" not in sealed.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(sealed.stat().st_mode) == 0o600     # owner-only, like the key

    shutil.rmtree(result.db_path.parent)               # the office PC is gone
    new_pc = tmp_path / "new-pc" / "office.sqlite"

    monkeypatch.setenv("METODKAB_PASSPHRASE", "не та фраза")
    code, text = run(capsys, "restore", str(stick), "--db", str(new_pc))
    assert code == 1 and "не подходит" in text
    assert not new_pc.exists() and not crypto.municipality_key_path(new_pc).exists()

    monkeypatch.setenv("METODKAB_PASSPHRASE", PASSPHRASE)
    code, text = run(capsys, "restore", str(stick), "--db", str(new_pc))
    assert code == 0 and "Ключ управления восстановлен" in text, text
    code, text = run(capsys, "check", "--db", str(new_pc))
    assert code == 0 and "Ключ управления: на месте" in text
    key = crypto.municipality_key_path(new_pc)
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert (new_pc.parent / "office-public.mkkey").exists()

    out = tmp_path / "next"
    out.mkdir()
    packets = [next_packet(school, out) for school in schools]
    muni = open_municipal(new_pc, clock=CLOCK)
    try:
        outcomes = import_packets(muni, packets, trusted=False).outcomes
        rows = list_schools(muni)
    finally:
        muni.close()
    assert [(o.school_code, o.outcome, o.seq) for o in outcomes] == [
        ("0412", "applied", 2), ("0413", "applied", 2)]
    assert [(r.code, r.last_seq, r.gaps) for r in rows] == [("0412", 2, 0), ("0413", 2, 0)]


def test_the_passphrase_is_asked_twice_and_must_match(office, tmp_path, capsys, monkeypatch):
    import getpass

    result, _ = office
    monkeypatch.delenv("METODKAB_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter([PASSPHRASE, PASSPHRASE + "x"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    code, text = run(capsys, "backup", "--db", str(result.db_path), "--out", str(tmp_path))
    assert code == 2 and "не совпали" in text
    assert not list(tmp_path.glob("office-*.sqlite"))
    monkeypatch.setenv("METODKAB_PASSPHRASE", "short")
    code, text = run(capsys, "backup", "--db", str(result.db_path), "--out", str(tmp_path))
    assert code == 1 and "короткая" in text and not list(tmp_path.glob("office-*.sqlite"))


def test_restore_without_a_terminal_or_passphrase_says_how(office, tmp_path, capsys,
                                                          monkeypatch):
    result, _ = office
    monkeypatch.setenv("METODKAB_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "backup", "--db", str(result.db_path), "--out", str(tmp_path))[0] == 0
    monkeypatch.delenv("METODKAB_PASSPHRASE")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, text = run(capsys, "restore", str(tmp_path), "--db", str(tmp_path / "b" / "o.sqlite"))
    assert code == 2 and "METODKAB_PASSPHRASE" in text
    assert not (tmp_path / "b" / "o.sqlite").exists()


def test_forget_key_with_the_new_packet_keeps_the_history(office, tmp_path, capsys,
                                                          monkeypatch):
    """`municipality forget-key CODE --packet FILE` does what Ctrl+K on the card does; a
    plain forget-key makes the next import ask about a changed key, not a first packet."""
    from metodkab.sync import commands

    result, schools = office
    crypto.school_key_path(schools[0]).unlink()        # 0412 moved to a new computer
    crypto.school_key_path(schools[1]).unlink()        # and so did 0413
    out = tmp_path / "moved"
    out.mkdir()
    moved = [next_packet(school, out) for school in schools]
    db = str(result.db_path)
    monkeypatch.setattr(commands, "_ask_tty", lambda question: "нет")
    code, text = run(capsys, "municipality", "forget-key", "0412", "--packet", str(moved[0]),
                     "--db", db)
    assert code == 1 and "Ключ не заменён" in text
    monkeypatch.setattr(commands, "_ask_tty", lambda question: "да")
    code, text = run(capsys, "municipality", "forget-key", "0412", "--packet", str(moved[0]),
                     "--db", db)
    assert code == 0 and "История школы сохранена" in text
    code, text = run(capsys, "municipality", "forget-key", "0413", "--db", db)
    assert code == 0
    code, text = run(capsys, "packet", "import", *map(str, moved), "--db", db)
    assert code == 0 and "сменила ключ" in text and "впервые" not in text
    assert "Итого файлов: 2 · применено: 2 · отклонено: 0" in text
    assert "Пропущены" not in text
    code, text = run(capsys, "municipality", "schools", "--db", db)
    assert "23.11.2026 12:00" in text and "T12:00" not in text


def test_a_second_report_of_the_same_day_does_not_overwrite_the_first(office, tmp_path,
                                                                       capsys):
    result, _ = office
    out = tmp_path / "reports"
    out.mkdir()
    for _ in range(3):
        code, _text = run(capsys, "municipality", "report", "--db", str(result.db_path),
                          "--out", str(out))
        assert code == 0
    assert sorted(p.name for p in out.glob("*.xlsx")) == [
        "Сводный отчёт 2026-11-23 (2).xlsx", "Сводный отчёт 2026-11-23 (3).xlsx",
        "Сводный отчёт 2026-11-23.xlsx"]
    assert len(list(out.glob("Аналитическая справка 2026-11-23*.docx"))) == 3


def test_without_db_the_office_copy_goes_to_the_offices_default_place(office, tmp_path,
                                                                       capsys, monkeypatch):
    from metodkab.sync.commands import municipal_default_path

    result, _ = office
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setenv("METODKAB_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "backup", "--db", str(result.db_path), "--out", str(stick))[0] == 0
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "new-home"))
    target = municipal_default_path()
    assert str(target).startswith(str(tmp_path / "new-home"))
    code, text = run(capsys, "restore", str(stick))
    assert code == 0 and str(target) in text, text
    assert crypto.municipality_key_path(target).exists()
    assert not target.with_name("metodkab.sqlite").exists()    # not the school's place
    code, text = run(capsys, "backup", "--out", str(stick))   # the office's PC: no school
    assert code == 0 and "запечатан" in text


def test_a_daily_copy_without_the_key_restores_with_a_warning(office, tmp_path, capsys):
    result, _ = office
    code, _text = run(capsys, "backup", "--db", str(result.db_path))   # into backups/
    assert code == 0
    [copy] = (result.db_path.parent / "backups").glob("*.sqlite")
    target = tmp_path / "elsewhere" / "office.sqlite"
    code, text = run(capsys, "restore", str(copy), "--db", str(target))
    assert code == 0 and "ключа управления нет" in text
    assert target.exists() and not crypto.municipality_key_path(target).exists()
    code, text = run(capsys, "check", "--db", str(target))
    assert code == 0 and "Ключ управления" in text and "восстановите ключ" in text
    # beside a key of another office nothing is restored at all
    other = init_municipality(tmp_path / "other" / "office.sqlite", name="Другое", clock=CLOCK)
    code, text = run(capsys, "restore", str(copy), "--db", str(other.db_path))
    assert code == 1 and "ключ другого управления" in text


def test_a_key_that_cannot_be_written_back_is_said_in_russian(tmp_path, monkeypatch):
    """Writing the office's private key back from a sealed copy is the same step as
    writing a new key (crypto.write_new_secret): a full disk is a Russian message and
    leaves neither the key nor a temporary file behind."""
    import errno

    from metodkab.storage.files import FileProblem
    from metodkab.sync import office_backup

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    path = tmp_path / "office.office-key"
    with pytest.raises(FileProblem, match="нет места"):
        office_backup._write_key(path, b'{"format": 1}')
    assert list(tmp_path.iterdir()) == []


def test_a_copy_whose_key_cannot_be_sealed_leaves_nothing_on_the_stick(tmp_path, monkeypatch):
    """A copy without its sealed key is no backup: it is removed, and so is its checksum
    file (once left behind on the stick beside nothing)."""
    import errno

    from metodkab.storage.files import FileProblem
    from metodkab.sync import office_backup, packet

    result = init_municipality(tmp_path / "pc" / "office.sqlite", name="УО района",
                               clock=CLOCK)
    stick = tmp_path / "stick"
    stick.mkdir()

    def full(path, data, **kwargs):
        raise FileProblem(f"нет места: {errno.ENOSPC}")

    monkeypatch.setattr(packet, "write_atomically", full)
    with pytest.raises(FileProblem):
        office_backup.backup_office_to(result.db_path, stick, PASSPHRASE, clock=CLOCK)
    assert list(stick.iterdir()) == []
