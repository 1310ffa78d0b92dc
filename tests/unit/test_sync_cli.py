"""The exchange commands: municipality, keys, packet, receipt — as a script would use them."""

from __future__ import annotations

import datetime as dt

import pytest

from metodkab import cli
from metodkab.sync import commands
from metodkab.sync.sample import sample_school

TODAY = ["--today", "23.11.2026"]


def run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main([*TODAY, *argv])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def files(tmp_path):
    school = sample_school(tmp_path / "school.sqlite", code="0412", staff=5)
    out = tmp_path / "out"
    out.mkdir()
    return tmp_path, school, tmp_path / "muni.sqlite", out


def test_the_whole_exchange_from_the_command_line(files, capsys, monkeypatch):
    folder, school, muni, out = files
    code, text = run(capsys, "municipality", "init", "--db", str(muni), "--name", "УО района")
    assert code == 0 and "Отпечаток ключа" in text
    public = folder / "muni-public.mkkey"
    assert public.exists()
    office_fp = text.split("Отпечаток ключа: ")[1].strip()

    code, text = run(capsys, "keys", "import", str(public), "--db", str(school))
    assert code == 0 and office_fp in text and "по телефону" in text
    code, text = run(capsys, "--db", str(school), "keys", "show")
    assert code == 0 and "ещё не создан" in text

    code, text = run(capsys, "packet", "export", "--db", str(school), "--out", str(out))
    assert code == 0 and "0412_1.mkp" in text and "полный пакет" in text
    packet = out / "0412_1.mkp"
    code, text = run(capsys, "packet", "inspect", str(packet))
    assert code == 0 and "Подпись школы верна" in text and "Сотрудники 5" in text

    code, text = run(capsys, "packet", "import", str(packet), "--db", str(muni), "--dry-run")
    assert code == 0 and "Пробный прогон" in text and "будет зарегистрирован" in text

    monkeypatch.setattr(commands, "_ask_tty", lambda question: "нет")
    code, text = run(capsys, "packet", "import", str(packet), "--db", str(muni))
    assert code == 1 and "впервые" in text and "--trust" in text

    monkeypatch.setattr(commands, "_ask_tty", lambda question: "да")
    code, text = run(capsys, "packet", "import", str(packet), "--db", str(muni))
    assert code == 0 and "Пакет применён" in text and "Зарегистрирован ключ" in text
    code, text = run(capsys, "packet", "import", str(packet), "--db", str(muni))
    assert code == 0 and "уже загружен" in text

    code, text = run(capsys, "municipality", "schools", "--db", str(muni))
    assert code == 0 and "0412" in text

    receipts = folder / "receipts"
    receipts.mkdir()
    code, text = run(capsys, "receipt", "export", "--db", str(muni), "--out", str(receipts))
    assert code == 0 and "0412_1.mkr" in text
    code, text = run(capsys, "receipt", "import", str(receipts / "0412_1.mkr"),
                     "--db", str(school))
    assert code == 0 and "подтвердило получение пакетов № 1." in text

    code, text = run(capsys, "packet", "export", "--db", str(school), "--out", str(out),
                     "--level", "deidentified")
    assert code == 0 and "обезличенно" in text
    # the user's words, not the database's internal change counters («с № 71 по № 81»)
    assert "изменения после пакета № 1, получение которого подтверждено" in text
    assert "с №" not in text and " по №" not in text
    code, text = run(capsys, "packet", "import", str(out / "0412_2.mkp"), "--db", str(muni))
    assert code == 0 and "данные обезличены" in text

    code, text = run(capsys, "municipality", "report", "--db", str(muni), "--out", str(folder),
                     "--date", "01.12.2026")
    assert code == 0 and ".xlsx" in text and ".docx" in text and "Школ: 1" in text
    assert list(folder.glob("Сводный отчёт 2026-12-01.xlsx"))
    assert list(folder.glob("Аналитическая справка 2026-12-01.docx"))

    # the municipality's register, from a workbook: a school that sent nothing is named
    from metodkab.reports.xlsx import Column, Sheet, write_xlsx

    table = write_xlsx(folder, "реестр", [Sheet("Школы", "Реестр школ района", [
        Column("Код"), Column("Наименование")], [("0412", "СОШ № 12"), (415, "ООШ с. Борки")])],
        day=dt.date(2026, 11, 23))
    code, text = run(capsys, "municipality", "register", str(table), "--days", "10",
                     "--db", str(muni))
    assert code == 0 and "Реестр загружен: школ 2." in text
    assert "молчат более 10 дн.: 1" in text and "415  ООШ с. Борки" in text

    code, text = run(capsys, "municipality", "forget-key", "0412", "--db", str(muni))
    assert code == 0 and "забыт" in text


def test_refusals_are_one_line_with_a_nonzero_code(files, capsys):
    folder, school, muni, out = files
    code, text = run(capsys, "packet", "export", "--db", str(school), "--out", str(out))
    assert code == 1 and "не загружен" in text
    run(capsys, "municipality", "init", "--db", str(muni))
    code, text = run(capsys, "packet", "export", "--db", str(muni), "--out", str(out))
    assert code == 1 and "база управления образованием" in text
    code, text = run(capsys, "packet", "import", str(out / "x.mkp"), "--db", str(school))
    assert code == 1 and "не база управления" in text
    garbage = out / "0412_1.mkp"
    garbage.write_bytes(b"\0" * 500)
    code, text = run(capsys, "packet", "inspect", str(garbage))
    assert code == 1 and "отклонён" in text
    code, text = run(capsys, "packet", "import", str(garbage), "--db", str(muni))
    assert code == 1 and "не пакет" in text
    code, text = run(capsys, "municipality", "init", "--db", str(muni))
    assert code == 1 and "уже существует" in text
    assert "Traceback" not in text


def test_the_app_opens_a_municipal_database_in_the_office_mode(files, capsys, monkeypatch):
    from metodkab.screens import exchange_municipal

    folder, school, muni, out = files
    run(capsys, "municipality", "init", "--db", str(muni))
    opened = []
    monkeypatch.setattr(exchange_municipal.MunicipalApp, "run",
                        lambda self: (opened.append(self.store.path), self.store.close()))
    assert cli.main([*TODAY, "--db", str(muni)]) == 0
    assert opened == [muni]


def test_the_first_full_packet_of_a_new_school_deletes_nothing_at_the_office(files, capsys):
    """A new school that deleted two people before its first packet: the office's dry run
    said «удалится 2», though a first packet has nothing at the office to delete."""
    from metodkab.clock import Clock
    from metodkab.domain.models import Staff
    from metodkab.storage import repo
    from metodkab.storage.db import open_store

    folder, school, muni, out = files
    store = open_store(school, clock=Clock(__import__("datetime").date(2026, 11, 23)))
    try:
        for person in repo.find(store, Staff)[:2]:
            repo.soft_delete(store, Staff, person.id)
    finally:
        store.close()
    assert run(capsys, "municipality", "init", "--db", str(muni), "--name", "УО")[0] == 0
    assert run(capsys, "keys", "import", str(folder / "muni-public.mkkey"),
               "--db", str(school))[0] == 0
    assert run(capsys, "packet", "export", "--db", str(school), "--out", str(out),
               "--full")[0] == 0
    code, text = run(capsys, "packet", "import", str(out / "0412_1.mkp"), "--db", str(muni),
                     "--trust")
    assert code == 0 and "Пакет применён" in text, text
    header = next(line for line in text.splitlines() if "удалится" in line)
    column = header.index("удалится")
    rows = [line for line in text.splitlines() if line.startswith(("  Сотрудники", "  Итого"))]
    assert len(rows) == 2, text
    for line in rows:
        deleted = line[column - 2:column + len("удалится") + 1].split()
        assert deleted == ["0"], (line, text)
    assert "Итого файлов: 1 · применено: 1" in text
