"""``metodkab export --out DIR [--date]``: every register workbook and document of the demo
school in one folder, and every file fit to print — checked in structure, without
LibreOffice (``make docs`` renders them): A4 and fit to width, header rows repeated, the
page footer, one font, no empty column, no formula."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile

import openpyxl
import pytest

from metodkab.cli import main
from metodkab.demo import build_demo
from metodkab.reports.xlsx import PORTRAIT_WIDTH

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    base = tmp_path_factory.mktemp("archive")
    db = base / "demo.sqlite"
    build_demo(db, today=TODAY)
    out = base / "Архив"
    assert main(["--today", "23.11.2026", "--db", str(db), "export", "--out", str(out)]) == 0
    return db, out


def test_one_file_per_kind_and_an_iom_per_route(archive, capsys):
    _, out = archive
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.startswith(".")]                # no temporary file
    for stem in ("Кадры", "Показатели", "Повышение квалификации", "Просроченные курсы ПК",
                 "График аттестации", "Реестр наставничества", "Охват наставничеством",
                 "Нагрузка наставников", "Методические объединения", "Что требует внимания",
                 "Программа развития 2025–2028", "Отчёт о развитии кадров"):
        assert len([n for n in names if n.startswith(stem + " ")]) >= 1, stem
    assert len([n for n in names if n.startswith("ИОМ ")]) == 2       # the routes in force
    # the demo's one pair in force without an order: the order to sign
    assert [n for n in names if n.startswith("Приказ о закреплении")] == [
        "Приказ о закреплении наставников 2026-11-23.docx"]
    assert len({n.rsplit(" ", 1)[0] for n in names if not n.startswith("ИОМ")}) == len(
        [n for n in names if not n.startswith("ИОМ")])                # one file per kind


def test_every_workbook_prints(archive):
    _, out = archive
    books = sorted(out.glob("*.xlsx"))
    assert len(books) >= 11
    for path in books:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/sheet"):
                    assert "<f>" not in z.read(name).decode(), (path.name, name)
        for ws in openpyxl.load_workbook(path).worksheets:
            where = f"{path.name} / {ws.title}"
            assert int(ws.page_setup.paperSize) == 9, where
            assert ws.sheet_properties.pageSetUpPr.fitToPage, where
            assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, where
            assert ws.print_title_rows == "$2:$2", where
            assert ws.oddFooter.center.text == "стр. &P из &N", where
            assert {c.font.name for row in ws.iter_rows() for c in row
                    if c.value is not None} == {"Arial"}, where
            if ws.max_row > 2:                                          # no empty column
                for column in ws.iter_cols(min_row=3):
                    assert any(c.value not in (None, "") for c in column), where
            wide = sum(ws.column_dimensions[c.column_letter].width for c in ws[2])
            assert ws.page_setup.orientation == (
                "landscape" if wide > PORTRAIT_WIDTH else "portrait"), where


def test_date_is_for_this_export_only(archive, tmp_path, capsys):
    db, _ = archive
    out = tmp_path / "на 1 сентября"
    assert main(["--db", str(db), "export", "--out", str(out), "--date", "01.09.2026"]) == 0
    assert "Записано файлов" in capsys.readouterr().out
    assert (out / "Кадры 2026-09-01.xlsx").is_file()
    with sqlite3.connect(db) as conn:
        assert not conn.execute("SELECT 1 FROM settings WHERE key = 'report_date' "
                                "AND value = '01.09.2026'").fetchall()


def test_bad_date_is_one_russian_line(archive, tmp_path, capsys):
    db, _ = archive
    assert main(["--db", str(db), "export", "--out", str(tmp_path), "--date", "31.02.2026"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Ошибка: --date:") and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())


def test_every_document_is_russian_in_one_font(archive):
    import re

    _, out = archive
    documents = sorted(out.glob("*.docx"))
    assert len(documents) >= 4
    for path in documents:
        with zipfile.ZipFile(path) as z:
            styles = z.read("word/styles.xml").decode()
            body = z.read("word/document.xml").decode()
            settings = z.read("word/settings.xml").decode()
        defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles).group(0)
        assert 'w:val="ru-RU"' in defaults and 'w:ascii="Times New Roman"' in defaults
        assert "en-US" not in styles and "en-US" not in body, path.name
        assert '<w:themeFontLang w:val="ru-RU"' in settings
        runs = re.findall(r"<w:r>.*?</w:r>|<w:r .*?</w:r>", body)
        assert runs and all('<w:lang w:val="ru-RU"' in r for r in runs), path.name
        fonts = set(re.findall(r'w:ascii="([^"]+)"', styles + body))
        assert fonts == {"Times New Roman"}, (path.name, fonts)
