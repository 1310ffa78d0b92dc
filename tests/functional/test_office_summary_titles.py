"""The office's loading summary at 80x24 (F9 → Ins → a folder): the per-table columns'
titles stand apart — «изменится без измен.» (one space) read as one title, «changes
without changes»; every title now has two spaces before it."""

from __future__ import annotations

import re

from metodkab import strings as S
from tests.functional.test_office_daily import SIZE, export, load_folder, office, text_of  # noqa: F401


async def test_summary_titles_are_apart(office):
    school = office.school("0412")
    export(school, office.folder / "usb")
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await load_folder(pilot, office.folder / "usb")
        detail = text_of(screen, "#oi-detail-text")
        header = next(line for line in detail.splitlines()
                      if line.startswith(S.EX_SUMMARY_TABLE))
        titles = re.split(r"\s{2,}", header.strip())
        assert titles == [S.EX_SUMMARY_TABLE, *S.EX_SUMMARY_COLUMNS], header
        assert "Сотрудники" in detail
