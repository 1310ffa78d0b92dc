"""The growth figures through the keyboard at 80x24: F8 shows them under «Профессиональный
рост», Enter lists who is counted and who is not; a master class entered on the card
moves the figure; the staff report (Word) carries them."""

import datetime as dt

from metodkab.domain.models import Achievement, ShortLearning, Staff
from metodkab.screens.indicators import IndicatorDrillScreen, IndicatorsScreen
from metodkab.storage import repo
from tests.ui import build_app, school_db, settle

D = dt.date


def row_of(table, name: str) -> int:
    for index in range(table.row_count):
        if name in str(table.get_row_at(index)[0]):
            return index
    raise AssertionError(name)


async def test_f8_growth_figures_with_drill_down(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    ids = {last: repo.create(app.store, Staff(last_name=last, first_name="Анна",
                                              positions=["учитель"], hire_date=D(2015, 9, 1)))
           for last in ("Андреева", "Борисова", "Васильева")}
    repo.create(app.store, Staff(last_name="Гостева", first_name="Анна", positions=["учитель"],
                                 employment="внешний совместитель"))
    repo.create(app.store, Achievement(staff_id=ids["Андреева"], kind="конкурс профмастерства",
                                       level="муниципальный", date=D(2026, 4, 1),
                                       title="Учитель года", result="призёр"))
    repo.create(app.store, Achievement(staff_id=ids["Борисова"], kind="конкурс профмастерства",
                                       level="школьный", date=D(2026, 4, 1),
                                       title="Учитель года", result="участник"))
    repo.create(app.store, ShortLearning(staff_id=ids["Васильева"], title="Вебинар", hours=2,
                                         date=D(2026, 10, 1)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IndicatorsScreen)
        table = screen.query_one("#ind-table")
        row_of(table, "Профессиональный рост")
        winners = table.get_row_at(row_of(table, "Победители и призёры"))
        assert str(winners[1]) == "1"
        learning = table.get_row_at(row_of(table, "Самообразование"))
        assert "33,3" in str(learning[1]) and "1/3" in str(learning[2])

        table.focus()
        table.move_cursor(row=row_of(table, "Участники конкурсов"))
        await pilot.press("enter")
        await settle(pilot)
        drill = app.screen
        assert isinstance(drill, IndicatorDrillScreen)
        counted = drill.query_one("#drill-in")
        names = {str(counted.get_row_at(i)[0]) for i in range(counted.row_count)}
        assert names == {"Андреева А.", "Борисова А."}
        out = drill.query_one("#drill-out")
        assert {str(out.get_row_at(i)[0]) for i in range(out.row_count)} == {"Васильева А."}
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
