"""`metodkab check` and `metodkab backup` on a municipal (office) database, made as
`metodkab municipality init` makes it; `--db` before or after the command."""

from __future__ import annotations

import sqlite3

import pytest

from metodkab.cli import main
from metodkab.domain.models import Staff
from metodkab.storage import repo
from metodkab.storage.backup import list_backups
from metodkab.storage.db import open_store
from metodkab.storage.migrations import OFFICE_SCHEMA_VERSION
from metodkab.sync.municipal import content_checksum, is_municipal_db, open_municipal


@pytest.fixture
def office(tmp_path, capsys):
    path = tmp_path / "OFFICE.db"
    assert main(["--today", "23.11.2026", "municipality", "init", "--db", str(path),
                 "--name", "УО Тестовского района"]) == 0
    capsys.readouterr()
    conn = sqlite3.connect(path)        # a school seen, so the copy has something to carry
    conn.execute("INSERT INTO schools (code, name, first_seen) VALUES "
                 "('1001', 'СОШ № 1001', '2026-11-23T10:00:00')")
    conn.commit()
    conn.close()
    return path


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("Ошибка")]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("args", [["check", "--db"], ["--db"]])
def test_check_of_a_healthy_office(office, capsys, args):
    argv = [*args, str(office)] if args[0] == "check" else [*args, str(office), "check"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Целостность: в порядке" in out and "Ссылки между таблицами: в порядке" in out
    assert "Управление образованием: УО Тестовского района; школ: 1" in out
    version = OFFICE_SCHEMA_VERSION
    assert f"базы управления образованием: {version} (программа знает до {version})" in out
    assert "Итог: база данных исправна" in out
    assert "нет таблиц" not in out


def test_a_second_window_on_the_office_database_is_told_it_is_busy(office, clock):
    from metodkab import strings as S
    from metodkab.storage.errors import DatabaseBusy

    store = open_municipal(office, clock=clock)
    try:
        with pytest.raises(DatabaseBusy) as info:
            open_municipal(office, clock=clock)
        assert str(info.value) == S.EX_MUNI_BUSY.format(name=office.name)
        open_municipal(office, clock=clock, exclusive=False).close()   # a reader may
    finally:
        store.close()
    open_municipal(office, clock=clock).close()       # the lock went with the first window


def test_check_while_the_office_has_it_open(office, clock, capsys):
    store = open_municipal(office, clock=clock)
    try:
        assert main(["check", "--db", str(office)]) == 0
    finally:
        store.close()
    assert "исправна" in capsys.readouterr().out


def test_check_of_a_newer_office_database(office, capsys):
    conn = sqlite3.connect(office)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert main(["check", "--db", str(office)]) == 1
    out = capsys.readouterr().out
    assert "обновите программу" in out and "Итог: обнаружены проблемы" in out


def test_check_of_broken_links_in_the_office(office, capsys):
    conn = sqlite3.connect(office)
    conn.execute("INSERT INTO school_keys (school_code, verify_key, fingerprint, registered_at) "
                 "VALUES ('no-such-school', 'k', 'fp', '2026-11-23')")
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(office)]) == 1
    assert "Нарушены ссылки между таблицами: 1 (например, school_keys)" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["backup", "--db"], ["--db"]])
def test_backup_of_the_office(office, clock, capsys, args):
    argv = [*args, str(office)] if args[0] == "backup" else [*args, str(office), "backup"]
    assert main(["--today", "23.11.2026", *argv]) == 0
    assert "Резервная копия сохранена" in capsys.readouterr().out
    [copy] = list_backups(office)
    assert copy.parent == office.parent / "backups" and copy.name.endswith("-manual.sqlite")
    assert is_municipal_db(copy)
    stores = [open_municipal(p, clock=clock, exclusive=False) for p in (office, copy)]
    try:
        assert content_checksum(stores[0]) == content_checksum(stores[1])
    finally:
        for store in stores:
            store.close()
    assert main(["check", "--db", str(copy)]) == 0
    assert "школ: 1" in capsys.readouterr().out


def test_backup_while_the_office_has_it_open(office, clock, capsys):
    store = open_municipal(office, clock=clock)
    try:
        assert main(["backup", "--db", str(office)]) == 0
    finally:
        store.close()
    assert len(list_backups(office)) == 1


def test_backup_of_a_newer_office_database_is_refused(office, capsys):
    conn = sqlite3.connect(office)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert main(["backup", "--db", str(office)]) == 1
    assert "OFFICE.db" in one_error_line(capsys)
    assert list_backups(office) == []


def test_a_school_database_still_checks_and_backs_up_with_db_after_the_command(
        tmp_path, clock, capsys):
    path = tmp_path / "school.sqlite"
    store = open_store(path, clock=clock)
    repo.create(store, Staff(last_name="Иванова", first_name="Мария", positions=["учитель"]))
    store.close()
    assert main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "сотрудников в базе: 1" in out and "исправна" in out
    assert main(["backup", "--db", str(path)]) == 0
    assert len(list_backups(path)) == 1


def test_check_of_a_missing_file(tmp_path, capsys):
    assert main(["check", "--db", str(tmp_path / "nowhere.db")]) == 1
    assert "nowhere.db" in one_error_line(capsys)
