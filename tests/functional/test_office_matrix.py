"""F8 of the office at 80x24: schools × indicators, F6 sorts by the column under the
cursor (again: the other way), Enter lists the people behind the cell — named where the
school sent full data, «сотрудник N, …» where it sent de-identified data."""

from __future__ import annotations

import datetime as dt
import re

from textual.widgets import DataTable

from metodkab.clock import Clock
from metodkab.screens.office_matrix import FIXED, TOTAL, MatrixScreen
from metodkab.screens.office_rows import BarsScreen, RowsScreen
from metodkab.storage.db import open_store
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.sample import sample_school
from metodkab.sync.school import export_packet, import_municipality_key
from tests.functional.test_exchange_flow import settle
from tests.ui import TODAY


def _office(tmp_path):
    clock = Clock(TODAY)
    office = init_municipality(tmp_path / "office.sqlite", name="УО района", clock=clock)
    usb = tmp_path / "usb"
    usb.mkdir()
    for n, (code, level) in enumerate((("0412", "full"), ("0413", "deidentified"),
                                       ("0414", "full"))):
        store = open_store(sample_school(tmp_path / f"{code}.sqlite", code=code, staff=9,
                                        seed=n + 11), clock=clock, exclusive=False)
        try:
            import_municipality_key(store, office.public_path)
            export_packet(store, usb, level=level)
        finally:
            store.close()
    muni = open_municipal(office.db_path, clock=clock)
    try:
        import_packets(muni, sorted(usb.glob("*.mkp")), trusted=True)
    finally:
        muni.close()
    return office.db_path, clock


async def test_f8_sorts_by_a_column_and_lists_the_people_behind_a_cell(tmp_path, monkeypatch):
    from metodkab.screens.exchange_municipal import make_municipal_app

    db, clock = _office(tmp_path)
    app = make_municipal_app(db, clock=clock, blink=False, user="Тест")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot, 3)
        screen = app.screen
        assert isinstance(screen, MatrixScreen)
        table = screen.query_one("#mx-table", DataTable)
        assert table.row_count == 4 and table.get_row_at(0)[1].plain == "Итого"
        keys = [f.key for f in screen.figures]
        column = FIXED + keys.index("edu_higher")
        for _ in range(column - table.cursor_coordinate.column):
            await pilot.press("right")
        await pilot.press("down")
        await settle(pilot)
        assert table.cursor_coordinate == (1, column)
        assert "Высшее образование:" in str(screen.query_one("#mx-cell").render())

        def values() -> list:
            return [screen.report.result_named(c, "edu_higher", screen.figures[column - FIXED]
                                               .name).value for c in screen.order]

        await pilot.press("f6")                              # the largest first
        await settle(pilot)
        assert values() == sorted(values(), reverse=True)
        assert [str(table.get_row_at(i)[0]) for i in range(1, 4)] == screen.order
        from metodkab.screens.office_rows import cell_text
        assert [str(table.get_row_at(i)[column]) for i in range(1, 4)] == [
            cell_text(screen.report.result_named(c, "edu_higher",
                                                 screen.figures[column - FIXED].name))
            for c in screen.order]
        await pilot.press("f6")                              # and the other way
        await settle(pilot)
        assert values() == sorted(values())

        # Enter on the de-identified school's cell: the people as the office may see them
        row = 1 + screen.order.index("0413")
        while table.cursor_coordinate.row != row:
            await pilot.press("down" if table.cursor_coordinate.row < row else "up")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RowsScreen)
        people = app.screen.query_one(DataTable)
        result = screen.report.result_named("0413", "edu_higher",
                                            screen.figures[column - FIXED].name)
        assert people.row_count == result.base
        names = [str(people.get_row_at(i)[2]) for i in range(people.row_count)]
        assert all(re.fullmatch(r"сотрудник \d+, .+ лет, стаж .+ лет", n) for n in names)
        counted = [str(people.get_row_at(i)[4]) for i in range(people.row_count)]
        assert counted.count("да") == result.count
        await pilot.press("escape")
        await settle(pilot)

        # a full school's cell names its people
        row = 1 + screen.order.index("0412")
        while table.cursor_coordinate.row != row:
            await pilot.press("down" if table.cursor_coordinate.row < row else "up")
        await pilot.press("enter")
        await settle(pilot)
        names = [str(app.screen.query_one(DataTable).get_row_at(i)[2])
                 for i in range(app.screen.query_one(DataTable).row_count)]
        assert names and not any(n.startswith("сотрудник") for n in names)
        assert all(len(n.split()) >= 2 for n in names)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and TOTAL not in screen.order

        # the total's people: of every school, at most MAX_PEOPLE rows, the title says so
        from metodkab.screens import office_matrix

        monkeypatch.setattr(office_matrix, "MAX_PEOPLE", 3)
        while table.cursor_coordinate.row:
            await pilot.press("up")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RowsScreen) and app.screen.query_one(DataTable).row_count == 3
        total = screen.figures[column - FIXED]
        assert f"первые 3 из {total.base}" in str(app.screen.query_one("#rs-title").render())
        await pilot.press("escape")
        await settle(pilot)

        # Ctrl+G: the column as bars, each school against the target line
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, BarsScreen)
        bars = app.screen.query_one(DataTable)
        assert bars.row_count == 4
        assert [str(bars.get_row_at(i)[0]) for i in range(1, 4)] == [
            next(s.name for s in screen.report.schools if s.code == c) for c in screen.order]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen

        # Ctrl+R: the municipality's register from a workbook; a school that sent nothing
        from metodkab.reports.xlsx import Column, Sheet, write_xlsx

        table_file = write_xlsx(tmp_path, "реестр", [Sheet("Реестр", "Школы района", [
            Column("Код"), Column("Наименование")], [("0412", ""), ("0499", "ООШ с. Борки")])],
            day=dt.date(2026, 11, 23))
        await pilot.press("ctrl+r")
        await settle(pilot)
        app.screen.query_one("#pd-path").value = str(table_file)
        await pilot.press("ctrl+s")
        await settle(pilot, 3)
        assert app.screen is screen
        assert [(s.code, s.name) for s in screen.report.silent] == [("0499", "ООШ с. Борки")]

        # F7: after how many days a registered school is named as silent (checked first)
        await pilot.press("f7")
        await settle(pilot)
        field = app.screen.query_one("#ask-value")
        assert app.screen.query_one("#ask-question").region.height == 2    # wrapped, not cut
        field.value = "0"
        await pilot.press("enter")
        await settle(pilot)
        assert "больше нуля" in str(app.screen.query_one("#ask-error").render())
        field.value = "10"
        await pilot.press("enter")
        await settle(pilot, 3)
        assert app.screen is screen and screen.report.silent_days == 10
