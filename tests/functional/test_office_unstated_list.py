"""The office at 80x24: Ctrl+L → «Категория истекает …» lists a school's categories whose
decision date is not stated or known only by its year as the school's Аттестация does,
«уточнить дату решения», beside the ones ending (the figure leaves them out as the
school's does)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable

from metodkab.clock import Clock
from metodkab.domain.models import QualificationCategory, Staff
from metodkab.screens.office_matrix import MatrixScreen
from metodkab.screens.office_rows import RowsScreen
from metodkab.storage import repo
from metodkab.storage.db import open_store
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.sample import sample_school
from metodkab.sync.school import export_packet, import_municipality_key
from tests.functional.test_exchange_flow import settle
from tests.ui import TODAY

D = dt.date


def _office(tmp_path):
    clock = Clock(TODAY)
    office = init_municipality(tmp_path / "office.sqlite", name="УО района", clock=clock)
    usb = tmp_path / "usb"
    usb.mkdir()
    store = open_store(sample_school(tmp_path / "0412.sqlite", code="0412", staff=4, seed=3),
                       clock=clock, exclusive=False)
    try:
        for last, decided, precision in (("Годова", D(TODAY.year - 5, 1, 1), "year"),
                                         ("Безденова", None, "day")):
            staff_id = repo.create(store, Staff(
                last_name=last, first_name="Анна", positions=["учитель"],
                birth_date=D(1980, 1, 1), ped_start_date=D(2000, 9, 1), hire_date=D(2005, 9, 1)))
            repo.create(store, QualificationCategory(
                staff_id=staff_id, position="учитель", category="высшая", decision_date=decided,
                decision_precision=precision))
        import_municipality_key(store, office.public_path)
        export_packet(store, usb, level="full")
    finally:
        store.close()
    muni = open_municipal(office.db_path, clock=clock)
    try:
        import_packets(muni, sorted(usb.glob("*.mkp")), trusted=True)
    finally:
        muni.close()
    return office.db_path, clock


async def test_office_lists_categories_to_clarify(tmp_path):
    from metodkab.screens.exchange_municipal import make_municipal_app

    db, clock = _office(tmp_path)
    app = make_municipal_app(db, clock=clock, blink=False, user="Тест")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot, 3)
        assert isinstance(app.screen, MatrixScreen)
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.click("#act-expiring")
        await settle(pilot)
        assert isinstance(app.screen, RowsScreen)
        table = app.screen.query_one(DataTable)
        rows = {str(table.get_row_at(i)[2]).split()[0]: str(table.get_row_at(i)[4])
                for i in range(table.row_count)}
        assert rows["Годова"].startswith("уточнить дату решения")
        assert f"{TODAY.year - 5} г." in rows["Годова"]
        assert rows["Безденова"].startswith("уточнить дату решения")
