"""The command line: check, backup, restore, --version; errors are one Russian line."""

import os
import sqlite3

import pytest

from metodkab import __version__
from metodkab.cli import main
from metodkab.domain.models import Staff
from metodkab.storage import repo
from metodkab.storage.backup import list_backups
from metodkab.storage.db import open_store


def one_error_line(capsys) -> str:
    """stderr holds exactly one «Ошибка: …» line and no traceback."""
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("Ошибка")]
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def db_file(tmp_path, clock):
    path = tmp_path / "school.sqlite"
    store = open_store(path, clock=clock)
    repo.create(store, Staff(last_name="Иванова", first_name="Мария", positions=["учитель"]))
    store.close()
    return path


def test_check_healthy(db_file, capsys):
    assert main(["--db", str(db_file), "check"]) == 0
    out = capsys.readouterr().out
    assert "Итог: база данных исправна" in out
    assert "Целостность: в порядке" in out
    assert "сотрудников в базе: 1" in out


def test_check_while_the_app_has_it_open(db_file, clock, capsys):
    store = open_store(db_file, clock=clock)
    try:
        assert main(["--db", str(db_file), "check"]) == 0
    finally:
        store.close()
    assert "исправна" in capsys.readouterr().out


def test_check_too_new(db_file, capsys):
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert main(["--db", str(db_file), "check"]) == 1
    out = capsys.readouterr().out
    assert "обновите программу" in out and "Итог: обнаружены проблемы" in out


def test_check_broken_foreign_keys(db_file, capsys):
    conn = sqlite3.connect(db_file)
    conn.execute("UPDATE staff_position SET staff_id = 'nobody'")
    conn.commit()
    conn.close()
    assert main(["--db", str(db_file), "check"]) == 1
    assert "Нарушены ссылки между таблицами: 1" in capsys.readouterr().out


def test_check_foreign_sqlite_file(tmp_path, capsys):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    assert main(["--db", str(path), "check"]) == 1
    assert "нет таблиц «Методического кабинета»" in capsys.readouterr().out


def test_check_garbage_file(tmp_path, capsys):
    path = tmp_path / "school.sqlite"
    path.write_bytes(b"garbage " * 200)
    assert main(["--db", str(path), "check"]) == 1
    assert "не является базой данных SQLite" in one_error_line(capsys)


@pytest.mark.parametrize("command", ["check", "backup"])
def test_missing_database_file(tmp_path, capsys, command):
    path = tmp_path / "none.sqlite"
    assert main(["--db", str(path), command]) == 1
    line = one_error_line(capsys)
    assert line.startswith("Ошибка: Файл базы данных не найден")
    assert not path.exists()


def test_backup(db_file, capsys):
    assert main(["--db", str(db_file), "--today", "23.11.2026", "backup"]) == 0
    [backup] = list_backups(db_file)
    assert backup.name.startswith("school-20261123-") and backup.name.endswith("-manual.sqlite")
    assert f"Резервная копия сохранена: {backup}" in capsys.readouterr().out


def test_backup_while_the_app_has_it_open(db_file, clock, capsys):
    store = open_store(db_file, clock=clock)
    try:
        assert main(["--db", str(db_file), "backup"]) == 0
    finally:
        store.close()
    assert len(list_backups(db_file)) == 1


def test_restore(db_file, clock, capsys):
    assert main(["--db", str(db_file), "backup"]) == 0
    [backup] = list_backups(db_file)
    store = open_store(db_file, clock=clock)
    repo.create(store, Staff(last_name="Петрова", first_name="Анна", positions=["учитель"]))
    store.close()
    capsys.readouterr()
    assert main(["--db", str(db_file), "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert f"База данных восстановлена: {db_file}" in out
    assert "Прежняя база сохранена как резервная копия" in out
    store = open_store(db_file, clock=clock)
    assert [s.last_name for s in repo.find(store, Staff)] == ["Иванова"]
    store.close()


def test_restore_refused_while_the_app_is_open(db_file, clock, capsys):
    assert main(["--db", str(db_file), "backup"]) == 0
    [backup] = list_backups(db_file)
    store = open_store(db_file, clock=clock)
    try:
        assert main(["--db", str(db_file), "restore", str(backup)]) == 2
    finally:
        store.close()
    assert "закройте её перед восстановлением" in one_error_line(capsys)


def test_restore_of_a_garbage_file(db_file, tmp_path, capsys):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"garbage " * 200)
    assert main(["--db", str(db_file), "restore", str(garbage)]) == 1
    assert "не является базой данных SQLite" in one_error_line(capsys)
    assert list_backups(db_file) == []


def test_restore_of_a_missing_backup(db_file, tmp_path, capsys):
    assert main(["--db", str(db_file), "restore", str(tmp_path / "none.sqlite")]) == 1
    assert "Файл резервной копии не найден" in one_error_line(capsys)


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"metodkab {__version__}"


@pytest.mark.parametrize(
    "argv",
    [["--no-such-option"], ["frobnicate"], ["restore"], ["check", "extra"]],
)
def test_bad_arguments(argv, capsys):
    assert main(argv) == 2
    assert "неверные параметры командной строки" in one_error_line(capsys)


@pytest.mark.parametrize(("today", "message"), [
    ("31.02.2026", "Такой даты нет в календаре"),
    ("завтра", "Дата вводится как ДД.ММ.ГГГГ"),
])
def test_bad_today(db_file, capsys, today, message):
    assert main(["--db", str(db_file), "--today", today, "check"]) == 2
    assert one_error_line(capsys) == f"Ошибка: --today: {message}"


def test_database_in_a_folder_that_cannot_be_created(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["--db", str(blocker / "school.sqlite"), "backup"]) == 1
    one_error_line(capsys)


def test_restore_of_an_office_backup(tmp_path, capsys):
    """The municipal office's database is backed up and restored like a school's."""
    office = tmp_path / "office.sqlite"
    assert main(["municipality", "init", "--db", str(office), "--name", "УО района"]) == 0
    assert main(["--db", str(office), "backup"]) == 0
    [backup] = list_backups(office)
    conn = sqlite3.connect(office)
    conn.execute("UPDATE office SET name = 'Испорчено'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["--db", str(office), "restore", str(backup)]) == 0
    assert "Прежняя база сохранена как резервная копия" in capsys.readouterr().out
    conn = sqlite3.connect(office)
    assert conn.execute("SELECT name FROM office").fetchone()[0] == "УО района"
    conn.close()
    assert main(["--db", str(office), "check"]) == 0


def test_restore_refuses_a_backup_of_the_other_kind(db_file, tmp_path, capsys):
    """A school's copy never replaces the office's database, nor the other way round."""
    office = tmp_path / "office.sqlite"
    assert main(["municipality", "init", "--db", str(office)]) == 0
    assert main(["--db", str(office), "backup"]) == 0
    assert main(["--db", str(db_file), "backup"]) == 0
    [office_copy], [school_copy] = list_backups(office), list_backups(db_file)
    before = db_file.read_bytes(), office.read_bytes()
    capsys.readouterr()
    assert main(["--db", str(db_file), "restore", str(office_copy)]) == 1
    assert "база управления образованием" in one_error_line(capsys)
    assert main(["--db", str(office), "restore", str(school_copy)]) == 1
    assert "база школы" in one_error_line(capsys)
    assert (db_file.read_bytes(), office.read_bytes()) == before
    assert len(list_backups(db_file)) == 1 and len(list_backups(office)) == 1


@pytest.mark.parametrize("argv", [["--help"], ["packet", "export", "--help"],
                                  ["import", "--help"], ["municipality", "--help"]])
def test_help_speaks_russian(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("Вызов: metodkab")
    assert "показать эту справку и выйти" in text
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in text


@pytest.mark.parametrize(("argv", "message"), [
    (["frobnicate"], "команда: неизвестное значение «frobnicate» (возможны: check,"),
    (["restore"], "не указаны обязательные аргументы: ФАЙЛ"),
    (["municipality", "zzz"], "действие: неизвестное значение «zzz» (возможны: init,"),
    (["check", "extra"], "лишние аргументы: extra"),
    (["demo", "--out", "x", "--staff", "много"], "--staff: нужно число, а не «много»"),
    (["--db"], "--db: нужно значение"),
])
def test_argument_errors_speak_russian(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("Вызов: metodkab")
    assert message in err.splitlines()[-1]


def test_restore_of_a_copy_from_before_checksums(db_file, clock, capsys):
    """A copy made by an earlier version has no .sha256 beside it: refused by default with
    a message that names the way out, restored with --without-checksum after every other
    check; a damaged copy without a checksum is still refused then."""
    assert main(["--db", str(db_file), "backup"]) == 0
    [backup] = list_backups(db_file)
    backup.with_name(backup.name + ".sha256").unlink()
    store = open_store(db_file, clock=clock)
    repo.create(store, Staff(last_name="Петрова", first_name="Анна", positions=["учитель"]))
    store.close()
    capsys.readouterr()
    assert main(["--db", str(db_file), "restore", str(backup)]) == 1
    assert "--without-checksum" in one_error_line(capsys)
    store = open_store(db_file, clock=clock)
    assert sorted(s.last_name for s in repo.find(store, Staff)) == ["Иванова", "Петрова"]
    store.close()

    damaged = backup.with_name("damaged.sqlite")
    damaged.write_bytes(backup.read_bytes()[:-1])
    assert main(["--db", str(db_file), "restore", "--without-checksum", str(damaged)]) == 1
    capsys.readouterr()

    assert main(["--db", str(db_file), "restore", "--without-checksum", str(backup)]) == 0
    store = open_store(db_file, clock=clock)
    assert [s.last_name for s in repo.find(store, Staff)] == ["Иванова"]
    store.close()


def test_a_second_window_on_the_same_database_is_told_in_lines_that_fit(tmp_path, clock, capsys):
    """Starting the app (school or office) on a database another window holds: the message
    fits an 80-column terminal line by line, with no lone «.» wrapped onto its own line."""
    from metodkab.sync.municipal import init_municipality, open_municipal

    school = tmp_path / "metodkab.sqlite"
    office = tmp_path / "управление.sqlite"
    open_store(school, clock=clock).close()
    init_municipality(office, name="УО района", clock=clock)
    for path, opener in ((school, open_store), (office, open_municipal)):
        store = opener(path, clock=clock)
        try:
            assert main(["--db", str(path)]) == 1
        finally:
            store.close()
        err = capsys.readouterr().err
        assert "уже открыта в другом окне" in err and "Закройте то окно" in err, err
        assert "Traceback" not in err
        for line in err.splitlines():
            assert len(line) <= 80 and line.strip() not in (".", "»."), err


def test_a_demo_that_cannot_be_built_leaves_no_temporary_folder(tmp_path, monkeypatch):
    """``metodkab --demo`` builds its school in a temporary folder: when the build fails
    (a full disk), the folder is removed as well and the failure is a Russian line."""
    import errno
    import tempfile

    from metodkab import demo

    made = []
    real_mkdtemp = tempfile.mkdtemp

    def mkdtemp(**kwargs):
        made.append(real_mkdtemp(dir=tmp_path, **kwargs))
        return made[-1]

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    monkeypatch.setattr(demo, "build_demo", full)
    assert main(["--demo"]) == 1
    assert made and not any(map(os.path.exists, made))
