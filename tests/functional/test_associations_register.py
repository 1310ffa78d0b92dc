"""Методические объединения (Ctrl+O) on the register pattern, at 80x24 through the keys:
typing filters by name, kind or head; the status line counts; Enter opens the record under
the cursor and the cursor comes back on it; Esc clears the search before it leaves; Ctrl+F
chooses a kind and an order; Ctrl+E exports what is shown; Del asks, then deletes; an empty list says what to do."""

from __future__ import annotations

from openpyxl import load_workbook
from textual.widgets import DataTable

from metodkab.clock import Clock
from metodkab.domain.models import Association
from metodkab.screens.associations import (AssociationFilterDialog, AssociationFormScreen,
                                           AssociationsScreen)
from metodkab.screens.dashboard import DashboardScreen
from metodkab.screens.dialogs import ChooserScreen, ConfirmDialog
from metodkab.screens.export import ExportFolderDialog
from metodkab.storage.associations import save_association
from metodkab.storage.db import open_store
from tests.functional.test_card_flow import dev_school_db
from tests.ui import TODAY, build_app, school_db, settle, type_text


def with_associations(path):
    """dev_school_db plus three associations; their ids by short name."""
    path, people = dev_school_db(path)
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    ids = {
        "math": save_association(store, Association(
            name="ШМО учителей математики", kind="ШМО", head_id=people["andreeva"]),
            [people["andreeva"], people["borisov"]]),
        "council": save_association(store, Association(
            name="Методический совет", kind="методический совет",
            head_id=people["egorova"]), [people["egorova"]]),
        "human": save_association(store, Association(
            name="ШМО гуманитарного цикла", kind="ШМО", head_id=people["borisov"]),
            [people["borisov"], people["egorova"], people["dmitrieva"]]),
    }
    store.close()
    return path, ids


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


def keys(table: DataTable) -> list[str]:
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]


def status(screen) -> str:
    return str(screen.query_one("#status").render())


def deleted(app, association_id: str) -> int:
    return app.store.conn.execute("SELECT deleted FROM association WHERE id = ?",
                                  (association_id,)).fetchone()[0]


async def open_register(pilot) -> AssociationsScreen:
    await settle(pilot)
    await press(pilot, "ctrl+o")
    screen = pilot.app.screen
    assert isinstance(screen, AssociationsScreen)
    return screen


async def test_search_open_come_back_and_esc(tmp_path):
    path, ids = with_associations(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_register(pilot)
        table = screen.query_one(DataTable)
        search = screen.query_one("#search")
        assert app.focused is search                              # ready to type
        assert keys(table) == [ids["council"], ids["human"], ids["math"]]
        assert status(screen) == "Объединений: 3 из 3"

        # Part of a name: one association left, counted.
        await type_text(pilot, "матем")
        await settle(pilot)
        assert keys(table) == [ids["math"]]
        assert status(screen) == "Объединений: 1 из 3"

        # Enter with the one match opens it.
        await press(pilot, "enter")
        form = app.screen
        assert isinstance(form, AssociationFormScreen) and form.record_id == ids["math"]
        assert form.query_one("#field-name").value == "ШМО учителей математики"
        await press(pilot, "escape")
        assert app.screen is screen and search.value == "матем"

        # Esc drops the search first (all three back, the cursor still on the same one)…
        await press(pilot, "escape")
        assert app.screen is screen and search.value == ""
        assert keys(table) == [ids["council"], ids["human"], ids["math"]]
        assert keys(table)[table.cursor_row] == ids["math"]
        # …F4 opens that one…
        table.focus()
        await press(pilot, "f4")
        assert isinstance(app.screen, AssociationFormScreen)
        assert app.screen.record_id == ids["math"]
        await press(pilot, "escape")
        # …and only then Esc leaves.
        await press(pilot, "escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_typing_in_the_list_searches_the_head_and_kind(tmp_path):
    path, ids = with_associations(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_register(pilot)
        table = screen.query_one(DataTable)
        await press(pilot, "down")                               # ↓ from the search: the list
        assert app.focused is table
        await type_text(pilot, "Борис")                          # the head's surname
        await settle(pilot)
        search = screen.query_one("#search")
        assert (search.value, app.focused) == ("Борис", search)
        assert keys(table) == [ids["human"]]
        await press(pilot, "escape")
        await type_text(pilot, "совет")                         # the kind
        await settle(pilot)
        assert keys(table) == [ids["council"]]

        # Nothing found: the status line says how to get out of it.
        await type_text(pilot, "ххх")
        await settle(pilot)
        assert table.row_count == 0
        assert status(screen) == ("Объединений: 0 из 3 · Ничего не найдено. "
                                  "Esc — сбросить поиск, Ins — создать объединение.")
        await press(pilot, "escape")
        assert table.row_count == 3


async def test_filter_order_and_delete(tmp_path):
    path, ids = with_associations(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_register(pilot)
        table = screen.query_one(DataTable)

        # Ctrl+F: only ШМО, by the number of members.
        await press(pilot, "ctrl+f")
        assert isinstance(app.screen, AssociationFilterDialog)
        await type_text(pilot, "ШМО")
        await settle(pilot)
        assert isinstance(app.screen, ChooserScreen)
        await press(pilot, "enter")
        await press(pilot, "down")                               # «Порядок»
        await type_text(pilot, "числу")
        await settle(pilot)
        await press(pilot, "enter")
        await press(pilot, "ctrl+s")
        assert app.screen is screen
        assert keys(table) == [ids["math"], ids["human"]]        # 2 members, then 3
        assert status(screen) == "Фильтр: ШМО · Объединений: 2 из 3"
        assert str(table.columns["members"].label) == "Участников ▲"
        await press(pilot, "ctrl+r")                             # the other way round
        assert keys(table) == [ids["human"], ids["math"]]

        # Ctrl+E: the list as shown, and the members of those two only.
        await press(pilot, "ctrl+e")
        assert isinstance(app.screen, ExportFolderDialog)
        app.screen.query_one("#export-folder").value = str(tmp_path)
        await pilot.press("enter")
        await settle(pilot, 4)
        await press(pilot, "escape")
        assert app.screen is screen
        (file,) = tmp_path.glob("Методические объединения*.xlsx")
        book = load_workbook(file)
        listing = [r[0] for r in book["Объединения"].iter_rows(min_row=3, values_only=True)]
        assert listing == ["ШМО гуманитарного цикла", "ШМО учителей математики", "Итого"]
        members = {r[0] for r in book["Состав"].iter_rows(min_row=3, values_only=True)}
        assert members == {"ШМО гуманитарного цикла", "ШМО учителей математики"}

        # Del on «ШМО гуманитарного цикла»: asked, «Нет» keeps it, «Да» deletes it.
        table.focus()
        table.move_cursor(row=0)
        await press(pilot, "delete")
        assert isinstance(app.screen, ConfirmDialog)
        assert "ШМО гуманитарного цикла" in str(app.screen.query_one("#question").render())
        await press(pilot, "escape")
        assert deleted(app, ids["human"]) == 0 and table.row_count == 2
        await press(pilot, "delete")
        await press(pilot, "left", "enter")                      # «Да»
        assert app.screen is screen
        assert deleted(app, ids["human"]) == 1
        assert keys(table) == [ids["math"]]
        assert status(screen) == "Фильтр: ШМО · Объединений: 1 из 2"


async def test_empty_register_says_what_to_do(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_register(pilot)
        text = status(screen)
        assert text.startswith("Объединений: 0 из 0 · Объединений пока нет.")
        assert "Ins — создать объединение" in text
        await press(pilot, "insert")
        form = app.screen
        assert isinstance(form, AssociationFormScreen) and form.record_id is None
        await type_text(pilot, "Творческая группа чтения")
        await press(pilot, "ctrl+s")
        assert app.screen is screen
        assert [r.name for r in screen.rows] == ["Творческая группа чтения"]
        assert status(screen) == "Объединений: 1 из 1"


async def test_f1_on_a_list_explains_its_search(tmp_path):
    """F1 on МО and on Аттестация: beside the screen's keys, how the search box and the
    list work (letters, ↓/↑, Enter, Esc) — typing is no binding, so F1 never said it."""
    from metodkab.screens.help import HelpScreen

    path, _ = with_associations(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for section in ("ctrl+o", "f5"):
            await press(pilot, "f2", section, "f1")
            help_screen = app.screen
            assert isinstance(help_screen, HelpScreen), section
            table = help_screen.query_one("#help-register").content
            assert [str(c) for c in table.columns[0].cells] == ["буквы", "↓ / ↑", "Enter",
                                                                "Esc"]
            own = [str(c) for c in help_screen.query_one("#help-screen").content.columns[0].cells]
            assert "Ctrl+E" in own and "Ins" in own
            await press(pilot, "escape")


async def test_names_take_the_width_the_other_columns_leave(tmp_path):
    """At 80 columns a name of 38 letters is shown whole (it was cut at 24 while the kind
    column kept 15 empty cells for «ШМО»); a longer one than fits ends with «…»."""
    path = school_db(tmp_path / "s.sqlite")
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    whole = "ШМО учителей естественнонаучного цикла"
    long = "ШМО учителей начальных классов и воспитателей групп продлённого дня"
    for name in (whole, long):
        save_association(store, Association(name=name, kind="ШМО"), [])
    store.close()
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert whole in names
        (cut,) = [name for name in names if name != whole]
        assert cut.endswith("…") and long.startswith(cut[:-1])
        widths = {key.value: column.get_render_width(table)
                  for key, column in table.columns.items()}
        assert widths["kind"] == len("Вид") + 2              # its widest text, padded
        assert widths["name"] == len(cut) + 2                 # the cut name fills it
        assert sum(widths.values()) <= table.size.width       # nothing off the screen
        assert table.size.width - sum(widths.values()) <= 1
