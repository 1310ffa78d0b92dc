"""Показатели (F8) through the keyboard: the figures on the report date, the drill-down,
the person's card from it, Ctrl+E to Excel there and on Кадры (every page of the list)."""

import datetime as dt

import openpyxl

from metodkab.clock import Clock
from metodkab.domain.models import Staff, Training
from metodkab.screens import export
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.indicators import IndicatorDrillScreen, IndicatorsScreen
from metodkab.screens.person_card import PersonCardScreen
from metodkab.screens.staff import StaffListScreen
from metodkab.storage import repo
from metodkab.storage.db import open_store
from tests.ui import TODAY, build_app, school_db, settle


def people_db(path):
    school_db(path)
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    ids = {}
    for last in ("Антонова", "Борисова", "Васильева"):
        ids[last] = repo.create(store, Staff(last_name=last, first_name="Анна",
                                             positions=["учитель"], hire_date=dt.date(2020, 9, 1)))
    repo.create(store, Training(staff_id=ids["Антонова"], title="ФГОС", hours=36,
                                end_date=dt.date(2026, 3, 1), federal_register=True,
                                by_diagnostics=True))
    store.close()
    return path, ids


async def test_figures_drill_down_card_and_exports(tmp_path, monkeypatch):
    out = tmp_path / "docs"
    monkeypatch.setattr(export, "default_folder", lambda: out)
    path, ids = people_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IndicatorsScreen)
        assert screen.report.day == TODAY
        first = screen._current()
        assert (first.key, first.count, first.base, first.status) == (
            "federal_register", 1, 3, "достигнуто")
        assert "23.11.2026" in str(screen.query_one("#ind-date").render())
        # The line under the table gives the target with its unit, as the workbook does.
        detail = screen.query_one("#ind-detail").content          # the figure, then its rule
        assert "цель ≥ 30 %" in str(detail.renderables[0])

        # Enter: who is counted and who is not.
        await pilot.press("enter")
        await settle(pilot)
        drill = app.screen
        assert isinstance(drill, IndicatorDrillScreen)
        assert drill.query_one("#drill-in").row_count == 1
        assert drill.query_one("#drill-out").row_count == 2

        # Ctrl+E: the drill-down into Excel; the full path is shown.
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, export.ExportFolderDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        [file] = list(out.iterdir())
        assert str(file.resolve()) in app.screen.message
        rows = list(openpyxl.load_workbook(file).active.iter_rows(min_row=3, values_only=True))
        assert [r[2] for r in rows] == ["учтён", "не учтён", "не учтён"]
        await pilot.press("escape")
        await settle(pilot)

        # Enter on a person opens the card.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonCardScreen)
        assert app.screen.staff_id == ids["Антонова"]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, IndicatorsScreen)

        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, export.ExportFolderDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        assert (out / "Показатели 2026-11-23.xlsx").exists()
        await pilot.press("escape")
        await settle(pilot)

        # Кадры: Ctrl+E exports the filtered list.
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, export.ExportFolderDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        ws = openpyxl.load_workbook(out / "Кадры 2026-11-23.xlsx").active
        assert [r[0] for r in ws.iter_rows(min_row=3, values_only=True)] == [
            "Антонова Анна", "Борисова Анна", "Васильева Анна"]
