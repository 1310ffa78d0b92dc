"""Аттестация (F5) on the register pattern, at 80x24 through the keys: letters typed in a
list reach the one search box, which filters every tab; the status line counts each tab
and, on a tab left empty, says what to do; Enter opens the right person; Esc clears the
search first and the cursor stays on the same person; 1–3 still switch tabs; Ctrl+E
exports what the search leaves."""

from __future__ import annotations

from openpyxl import load_workbook

from metodkab.screens.attestation import AttestationScreen
from metodkab.screens.dashboard import DashboardScreen
from metodkab.screens.export import ExportFolderDialog
from metodkab.screens.journal import HistoryDialog
from metodkab.screens.person_card import PersonCardScreen
from tests.functional.test_card_flow import dev_school_db
from tests.ui import build_app, school_db, settle, type_text


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


def status(screen) -> str:
    return str(screen.query_one("#status").render())


def staff_ids(screen, tab: str) -> list[str]:
    return [r.staff_id for r in getattr(screen.data, tab)]


def under_cursor(screen) -> str:
    return screen.current_row().staff_id


async def open_schedule(pilot) -> AttestationScreen:
    await settle(pilot)
    await press(pilot, "f2")            # on «Главная» F5 refreshes the dashboard
    await press(pilot, "f5")
    screen = pilot.app.screen
    assert isinstance(screen, AttestationScreen)
    return screen


async def test_one_search_filters_every_tab_and_esc_clears_it(tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_schedule(pilot)
        search = screen.query_one("#search")
        assert app.focused is screen.table and screen.tab == "expiring"
        assert status(screen) == "Показано: истекают 2 из 2 · СЗД 3 из 3 · претендуют 4 из 4"
        summary = str(screen.query_one("#att-summary").render())
        # Shift+Tab / Tab go between the list and the search box (not the tab strip,
        # where letters typed reached nothing).
        await press(pilot, "shift+tab")
        assert app.focused is search
        await press(pilot, "shift+tab")
        assert app.focused is screen.table

        # Typed in the list: the search box takes it; every tab shows only Егорова.
        await type_text(pilot, "Егор")
        await settle(pilot)
        assert (search.value, app.focused) == ("Егор", search)
        assert staff_ids(screen, "expiring") == [] and staff_ids(screen, "conformity") == []
        assert staff_ids(screen, "eligible") == [ids["egorova"]]
        assert str(screen.query_one("#att-summary").render()) == summary     # the school's
        # The tab in view is empty: the status line says so and how to get out of it.
        assert status(screen) == (
            "Показано: истекают 0 из 2 · СЗД 0 из 3 · претендуют 1 из 4 · На этой вкладке "
            "никого не найдено. Esc — сбросить поиск, 1–3 — другие вкладки.")

        # ↓ to the list, 3: «Могут претендовать»; the hint about emptiness is gone.
        await press(pilot, "down")
        await press(pilot, "3")
        assert screen.tab == "eligible" and app.focused is screen.table
        assert status(screen) == "Показано: истекают 0 из 2 · СЗД 0 из 3 · претендуют 1 из 4"

        # Enter opens Егорова's card on «Категории и аттестация».
        await press(pilot, "enter")
        card = app.screen
        assert isinstance(card, PersonCardScreen)
        assert card.staff_id == ids["egorova"] and card.tab == "attestation"
        await press(pilot, "escape")
        assert app.screen is screen and search.value == "Егор" and screen.tab == "eligible"

        # Esc clears the search: all four again, the cursor still on Егорова (4th).
        await press(pilot, "escape")
        assert app.screen is screen and search.value == ""
        assert staff_ids(screen, "eligible") == [ids["andreeva"], ids["borisov"],
                                                 ids["vasilieva"], ids["egorova"]]
        assert under_cursor(screen) == ids["egorova"] and screen.table.cursor_row == 3

        # Every tab keeps its own cursor: Жуков on «СЗД» stays while the search comes and goes.
        await press(pilot, "2")
        await press(pilot, "down")
        assert under_cursor(screen) == ids["zhukov"]
        await type_text(pilot, "Жук")
        await settle(pilot)
        assert staff_ids(screen, "conformity") == [ids["zhukov"]]
        await press(pilot, "escape")
        assert len(staff_ids(screen, "conformity")) == 3
        assert under_cursor(screen) == ids["zhukov"]
        await press(pilot, "3")
        assert under_cursor(screen) == ids["egorova"]

        # Ctrl+Z: the history of the person under the cursor (a row's key is no record).
        await press(pilot, "ctrl+z")
        history = app.screen
        assert isinstance(history, HistoryDialog)
        assert (history.history.table, history.history.record_id) == ("staff", ids["egorova"])
        await press(pilot, "escape")

        # With nothing typed, Esc leaves.
        await press(pilot, "escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_export_takes_what_the_search_leaves(tmp_path):
    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_schedule(pilot)
        await type_text(pilot, "андреева")
        await settle(pilot)
        await press(pilot, "ctrl+e")                       # from the search box too
        assert isinstance(app.screen, ExportFolderDialog)
        app.screen.query_one("#export-folder").value = str(tmp_path)
        await pilot.press("enter")
        await settle(pilot, 4)
        await press(pilot, "escape")
        assert app.screen is screen
        (file,) = tmp_path.glob("График аттестации*.xlsx")
        book = load_workbook(file)
        names = {ws.title: [r[0] for r in ws.iter_rows(min_row=3, values_only=True)]
                 for ws in book.worksheets}
        assert names == {"Истекают категории": ["Андреева Анна Сергеевна"],
                         "Аттестация на СЗД": [],
                         "Могут претендовать": ["Андреева Анна Сергеевна"]}


async def test_empty_school_says_where_categories_are_entered(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_schedule(pilot)
        text = status(screen)
        assert text.startswith("Показано: истекают 0 из 0 · СЗД 0 из 0 · претендуют 0 из 0 · "
                               "Ни у кого категория не истекает в ближайшие 6 мес.")
        assert "F2 — Кадры, Enter — карточка" in text
        await press(pilot, "2")
        assert "Никому без категории не пора на СЗД" in status(screen)
