"""Exported workbooks and documents name staff (personal data): they are created
owner-only (0o600), or stricter where the umask says so; never readable by every user."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from metodkab.importing import mapping as m
from metodkab.importing.plan import build_plan
from metodkab.importing.reader import read_table
from metodkab.importing.report import write_report
from metodkab.reports import docx as W
from metodkab.reports.xlsx import Column, Sheet, write_xlsx
from tests.data import make_import_samples as samples

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture(params=[0o022, 0o002, 0o077])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_xlsx_is_owner_only(tmp_path, umask):
    path = write_xlsx(tmp_path, "список", [Sheet("Лист", "Т", (Column("А"),), [[1]])],
                      day=dt.date(2026, 11, 23))
    assert mode(path) == 0o600 & ~umask


def test_docx_is_owner_only(tmp_path, umask):
    document = W.new_document(title="Приказ", day=dt.date(2026, 11, 23))
    W.paragraph(document, "текст")
    path = W.write_docx(tmp_path, "Приказ", document)
    assert mode(path) == 0o600 & ~umask


def test_import_error_report_is_owner_only(fresh_db, tmp_path, umask):
    sheet = read_table(samples.STAFF_XLSX, score=m.header_score(m.STAFF))
    plan = build_plan(fresh_db, sheet, m.guess_mapping(sheet.headers, m.STAFF), m.STAFF)
    path = write_report(plan, tmp_path, now=dt.datetime(2026, 11, 23, 12, 0))
    assert mode(path) == 0o600 & ~umask
