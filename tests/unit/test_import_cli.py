"""``metodkab import``: preview, dry run, the real import, saved mappings, one-line errors."""

from metodkab.cli import main
from metodkab.clock import Clock
from metodkab.importing import mapping as m
from metodkab.storage.db import open_store
from tests.data import make_import_samples as samples
from tests.ui import TODAY


def count_staff(path):
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    try:
        return store.db.conn.execute("SELECT count(*) FROM staff").fetchone()[0]
    finally:
        store.close()


def run(capsys, *argv):
    code = main(["--today", "23.11.2026", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_then_import_then_again(tmp_path, capsys):
    db = tmp_path / "school.sqlite"
    code, out, err = run(capsys, "import", "staff", str(samples.STAFF_XLSX), "--db", str(db),
                         "--dry-run")
    assert code == 0 and err == ""
    assert "строка заголовков 4" in out and "E «Дата рождения» → Дата рождения" in out
    assert "стр.    9  ошибка" in out and "такой даты нет в календаре" in out
    assert "Добавить: 4, обновить: 0, без изменений: 0, с ошибками: 3." in out
    assert "Пробный запуск" in out
    assert count_staff(db) == 0
    code, out, _ = run(capsys, "--db", str(db), "import", "staff", str(samples.STAFF_XLSX))
    assert code == 0 and "Новых сотрудников: 4" in out
    assert count_staff(db) == 4
    code, out, _ = run(capsys, "import", "staff", str(samples.STAFF_XLSX), "--db", str(db))
    assert code == 0 and "Нечего загружать" in out
    code, out, _ = run(capsys, "import", "trainings", str(samples.TRAININGS_XLSX), "--db",
                       str(db), "--report", str(tmp_path / "отчёт.xlsx"))
    assert code == 0 and "курсов: 3" in out
    assert (tmp_path / "отчёт.xlsx").is_file() and "Отчёт об ошибках сохранён" in out


def test_dry_run_report_loads_nothing_and_says_so(tmp_path, capsys):
    from openpyxl import load_workbook

    report = tmp_path / "проба.xlsx"
    code, out, _ = run(capsys, "import", "staff", str(samples.STAFF_XLSX), "--db",
                       str(tmp_path / "school.sqlite"), "--dry-run", "--report", str(report))
    assert code == 0 and "Пробный запуск" in out
    rows = list(load_workbook(report).active.iter_rows(values_only=True))
    assert "проверка до загрузки" in rows[0][0]
    assert [r[1] for r in rows[2:]] == ["будет загружена частично"] + ["не будет загружена"] * 3


def test_saved_mapping_by_name(tmp_path, capsys):
    db = tmp_path / "school.sqlite"
    store = open_store(db, clock=Clock(TODAY))
    m.save_mapping(store, "Кадры школы", m.STAFF, ["ФИО", "Должность"], {0: "fio", 2: "positions"})
    store.close()
    code, out, _ = run(capsys, "import", "staff", str(samples.STAFF_CSV), "--db", str(db),
                       "--mapping", "кадры школы", "--dry-run")
    assert code == 0 and "шаблон «Кадры школы»" in out
    assert "1 «ФИО» → ФИО" in out and "3 «Должность» → Должность" in out
    assert "Категория" not in out.split("Столбцы")[1].split("стр.")[0]


def test_errors_are_one_russian_line(tmp_path, capsys):
    db = tmp_path / "school.sqlite"
    old = tmp_path / "list.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    for argv, words in (
        (["import", "staff", str(old)], "xls"),
        (["import", "staff", str(tmp_path / "none.csv")], "не найден"),
        (["import", "staff", str(samples.STAFF_CSV), "--mapping", "нет такого"], "не найден"),
        (["import", "people", str(samples.STAFF_CSV)], "неверные параметры"),
    ):
        code, out, err = run(capsys, *argv, "--db", str(db))
        lines = [line for line in err.splitlines() if line.startswith("Ошибка")]
        assert code == 2 and len(lines) == 1 and words in lines[0], (argv, err)
        assert "Traceback" not in err


def test_list_date_from_the_title_or_given(tmp_path, capsys):
    db = tmp_path / "school.sqlite"
    code, out, _ = run(capsys, "import", "staff", str(samples.SITE_CSV), "--db", str(db),
                       "--dry-run")
    assert code == 0
    assert "Дата списка 01.09.2025 (из заголовка «Педагогический состав" in out
    assert "педстаж 33 года на 01.09.2025 → начало педстажа 01.09.1992" in out
    code, out, _ = run(capsys, "import", "staff", str(samples.SITE_CSV), "--db", str(db),
                       "--date", "15.01.2026", "--dry-run")
    assert "Дата списка 15.01.2026 (--date)" in out
    code, _, err = run(capsys, "import", "staff", str(samples.SITE_CSV), "--db", str(db),
                       "--date", "31.02.2026")
    assert code != 0 and "--date: Такой даты нет в календаре" in err and count_staff(db) == 0
