"""The office's list of schools (F9) as a register at 80x24 (issue 17): typing from the list
reaches the search box, the search finds a school by code or name (case and ё aside), Esc
drops the search first, the cursor stays on the school across reloads and the card, F6
sorts (silent schools first), an empty office says what to do first, a school of the
municipality's list that sent nothing is listed and explained, Ctrl+E writes the list."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from textual.command import CommandList

from metodkab import strings as S

from metodkab.clock import Clock
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.exchange_files import PathDialog
from metodkab.screens.exchange_municipal import MunicipalSchoolsScreen
from metodkab.screens.help import collect_keys
from metodkab.screens.office_school import SchoolCardScreen
from metodkab.sync.consolidated import replace_register, set_silent_days
from metodkab.sync.municipal import import_packets, open_municipal
from tests.functional.test_exchange_flow import settle
from tests.functional.test_office_daily import SIZE, export, office, row_texts, text_of  # noqa: F401

OLD = Clock(dt.date(2026, 9, 1))         # a packet loaded long before «today» (23.11.2026)


def codes(screen) -> list[str]:
    return [row[0] for row in row_texts(screen.query_one("#mu-schools"))]


def three_schools(office) -> None:
    """0412 and «Гимназия № 2» (0413) loaded today, «Лицей «Ёлочка»» (0420) in September,
    and 0500 only in the municipality's list."""
    office.school("0412")
    office.school("0413", seed=1, name="Гимназия № 2")
    old = export(office.school("0420", seed=2, name="Лицей «Ёлочка»", registered=False),
                 office.folder / "old")
    store = open_municipal(office.db, clock=OLD)
    try:
        import_packets(store, [old], trusted=True)
        replace_register(store, [("0412", ""), ("0413", ""), ("0420", ""),
                                 ("0500", "ООШ с. Заречное")])
        set_silent_days(store, 30)
    finally:
        store.close()


async def test_typing_in_the_list_searches_and_esc_clears_first(office):
    three_schools(office)
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MunicipalSchoolsScreen)
        assert codes(screen) == ["0412", "0413", "0420", "0500"]
        status = text_of(screen, "#status")
        assert "Показано 4 из 4" in status and "«!» молчат более 30 дн.: 2" in status
        assert "по коду (F6)" in status
        rows = row_texts(screen.query_one("#mu-schools"))
        # Silent: «!» before the date, not red alone (a monochrome terminal shows no red).
        assert rows[2][5] == "!01.09.26" and rows[3][5] == "!не было"
        assert rows[1][5] == "23.11.26"                 # two-digit year: room for the name

        await pilot.press("down")                    # the cursor in the list, on 0413
        assert screen.focused is screen.table
        await pilot.press(*"ЕЛОЧ")                   # typed in the list: «ё» as «е», any case
        await settle(pilot)
        assert screen.focused is screen.search_box
        assert screen.search_box.value == "ЕЛОЧ"
        assert codes(screen) == ["0420"]
        assert "Показано 1 из 1" in text_of(screen, "#status")
        assert "школ: 4" in text_of(screen, "#mu-office")       # all the office knows

        await pilot.press("escape")                  # Esc: the search goes first
        await settle(pilot)
        assert screen.search_box.value == "" and codes(screen) == ["0412", "0413", "0420", "0500"]
        assert app.screen is screen

        await pilot.press(*"05")                     # by code
        await settle(pilot)
        assert codes(screen) == ["0500"]
        await pilot.press(*"99")
        await settle(pilot)
        assert codes(screen) == []
        assert "Ничего не найдено. Esc — очистить поиск." in text_of(screen, "#status")


async def test_cursor_stays_on_the_school_across_the_card_and_reloads(office):
    three_schools(office)
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("down", "down")            # 0420
        assert "Директор:" in text_of(screen, "#mu-contact")
        await pilot.press("enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, SchoolCardScreen) and card.code == "0420"
        assert "Лицей «Ёлочка»" in text_of(card, "#sc-text")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert row_texts(screen.table)[screen.table.cursor_row][0] == "0420"

        await pilot.press("f6", "f6", "f6")          # молчащие первыми: 0500, then 0420
        await settle(pilot)
        assert codes(screen) == ["0500", "0420", "0412", "0413"]
        assert "молчащие первыми (F6)" in text_of(screen, "#status")
        assert row_texts(screen.table)[screen.table.cursor_row][0] == "0420"

        app.data_changed()                           # a packet applied, a key replaced …
        await settle(pilot)
        assert row_texts(screen.table)[screen.table.cursor_row][0] == "0420"

        await pilot.press("f6")                      # back to «по коду»
        await settle(pilot)
        assert codes(screen) == ["0412", "0413", "0420", "0500"]
        await pilot.press("f6")                      # по названию
        await settle(pilot)
        assert codes(screen) == ["0413", "0420", "0500", "0412"]


async def test_a_listed_school_that_sent_nothing_is_explained_not_opened(office):
    three_schools(office)
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("ctrl+end")
        assert row_texts(screen.table)[screen.table.cursor_row][:3] == ["0500",
                                                                       "ООШ с. Заречное", ""]
        assert text_of(screen, "#mu-contact") == ""
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, MessageDialog)
        message = text_of(dialog, "#message")
        assert "0500 «ООШ с. Заречное»" in message and "пакетов от неё ещё не было" in message
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_an_empty_office_says_what_to_do_first(office):
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert codes(screen) == []
        status = text_of(screen, "#status")
        assert "Школ пока нет. Ins — загрузить пакеты школ" in status
        assert "Ctrl+R — загрузить список школ муниципалитета" in status
        assert screen.query_one("#status").region.height >= 2      # the hint in full


async def test_ctrl_e_writes_the_list_as_searched(office):
    three_schools(office)
    out = office.folder / "out"
    out.mkdir()
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"гимн")
        await settle(pilot)
        await pilot.press("ctrl+e")                  # from the search box too
        await settle(pilot)
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one("#pd-path").value = str(out)
        await pilot.press("ctrl+s")
        await settle(pilot, 3)
        assert isinstance(app.screen, MessageDialog)
        assert "Школы 2026-11-23.xlsx" in text_of(app.screen, "#message")
    sheet = load_workbook(out / "Школы 2026-11-23.xlsx").active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    found = [row for row in values if row and row[0] in ("0412", "0413", "0420", "0500")]
    assert [tuple(row[:2]) for row in found] == [("0413", "Гимназия № 2")]


async def test_sort_and_export_are_in_the_palette(office):
    three_schools(office)
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        keys = [entry.description for entry in collect_keys(screen)]
        assert S.XLS_KEY_EXPORT in keys and S.OF_KEY_SORT in keys      # F1 and Ctrl+P list
        assert S.OF_KEY_CLEAR_SEARCH in keys and S.KEY_BACK not in keys   # the first screen
        await pilot.press("ctrl+p")
        await settle(pilot)
        options = app.screen.query_one(CommandList)
        await pilot.press(*"сортировка")
        for _ in range(100):                         # the palette searches in a worker
            if options.option_count and S.OF_KEY_SORT in str(options.get_option_at_index(0).prompt):
                break
            await pilot.pause(0.05)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "по названию (F6)" in text_of(screen, "#status")


async def test_f9_and_f8_always_show_their_lists(office):
    from metodkab.screens.office_matrix import MatrixScreen
    from metodkab.screens.office_rows import RowsScreen

    three_schools(office)
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        schools = app.screen
        await pilot.press("down", "enter")           # 0413's card
        await settle(pilot)
        assert isinstance(app.screen, SchoolCardScreen)
        await pilot.press("f9")                      # the list, not the card left open
        await settle(pilot)
        assert app.screen is schools
        assert row_texts(schools.table)[schools.table.cursor_row][0] == "0413"
        await pilot.press("f8")
        await settle(pilot, 3)
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        await pilot.press("ctrl+l", "enter")         # a list across schools
        await settle(pilot)
        assert isinstance(app.screen, RowsScreen)
        await pilot.press("f9")
        await settle(pilot)
        assert app.screen is schools
        await pilot.press("f8")
        await settle(pilot)
        assert app.screen is matrix
