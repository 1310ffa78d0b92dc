"""A title cut by its column at 80x24 ends with «…» (Повышение квалификации, Достижения):
«Школа современного учителя.» — the first words of a longer programme — read as the
whole title, with nothing to say that more was there."""

from __future__ import annotations

import datetime as dt

from metodkab.demo import build_demo
from tests.ui import build_app, settle

TODAY = dt.date(2026, 11, 23)


def shown(table, y: int) -> str:
    return "".join(segment.text for segment in table.render_line(y))


async def test_cut_titles_end_with_an_ellipsis(tmp_path):
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for section in ("f3", "ctrl+b"):
            await pilot.press(section)
            await settle(pilot)
            screen = app.screen
            table = screen.table
            width = next(c.width for c in table.columns.values() if c.key.value == "title")
            long = [(i, r.title) for i, r in enumerate(screen.rows) if len(r.title) > width]
            short = [(i, r.title) for i, r in enumerate(screen.rows) if len(r.title) < width]
            assert long, section
            for index, title in long:
                line = shown(table, index + 1)             # under the header line
                assert title[:width - 1].rstrip() + "…" in line, (section, line)
            for index, title in short:                       # a title that fits: whole
                assert title in shown(table, index + 1)
