"""A section key always shows that section's list: a card or an editor left open in any
section is closed (a form with unsaved changes asks first), and letters typed in a list
go on in its search box. Everything at 80x24, through the keys the user pressed."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from metodkab.screens.dashboard import DashboardScreen
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.screens.mentorship import MentorshipListScreen
from metodkab.screens.person_card import PersonCardScreen
from metodkab.screens.route import RouteScreen
from metodkab.screens.staff import StaffFormScreen, StaffListScreen
from metodkab.screens.training import TrainingScreen
from tests.functional.test_card_flow import dev_school_db, open_card
from tests.ui import build_app, settle, type_text

EGOROVA = 5                      # row of Егорова in «Кадры»


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_todo_item_after_an_iom_editor_left_open_shows_the_list(tmp_path):
    path, _ = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, row=EGOROVA)
        await press(pilot, "5", "enter")               # the ИОМ editor of Егорова
        assert isinstance(app.screen, RouteScreen)
        await press(pilot, "f12")
        assert isinstance(app.screen, DashboardScreen)
        todo = app.screen.query_one("#todo", OptionList)
        todo.highlighted = [a.key for a in app.screen.alerts].index("overdue_training")
        await press(pilot, "enter")
        # The list the item promised — not the editor left open an hour ago.
        assert isinstance(app.screen, StaffListScreen)
        assert len(app.screen_stack) == 1
        assert app.screen.query_state.overdue


async def test_section_key_from_a_card_shows_the_list_in_every_section(tmp_path):
    path, _ = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, row=1)
        await press(pilot, "f2")                       # the same section's key: its list
        assert isinstance(app.screen, StaffListScreen) and len(app.screen_stack) == 1

        await press(pilot, "f3", "ctrl+l")             # ПК → «Просрочено» → a card
        await press(pilot, "enter")
        assert isinstance(app.screen, PersonCardScreen)
        await press(pilot, "f6")
        assert isinstance(app.screen, MentorshipListScreen)
        await press(pilot, "f3")
        assert isinstance(app.screen, TrainingScreen) and len(app.screen_stack) == 1


async def test_unsaved_form_asks_before_a_section_key_closes_it(tmp_path):
    path, _ = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "f2", "insert")
        form = app.screen
        assert isinstance(form, StaffFormScreen)
        await type_text(pilot, "Новикова")
        await press(pilot, "f3")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "enter")                    # «Нет» has the focus: stay
        assert app.screen is form
        assert form.form.values()["last_name"] == "Новикова"

        await press(pilot, "f3")
        await press(pilot, "left", "enter")            # «Да»: drop it
        assert isinstance(app.screen, TrainingScreen)
        await press(pilot, "f2")
        assert isinstance(app.screen, StaffListScreen) and len(app.screen_stack) == 1


async def test_letters_typed_after_esc_from_a_card_reach_the_search(tmp_path):
    path, _ = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, row=EGOROVA)
        await press(pilot, "escape")
        screen = app.screen
        assert isinstance(screen, StaffListScreen)
        assert screen.focused is screen.query_one(DataTable)
        await type_text(pilot, "Бори")
        await settle(pilot)
        search = screen.query_one("#search")
        assert search.value == "Бори" and screen.focused is search
        assert [r.name.split()[0] for r in screen.rows] == ["Борисов"]
        await press(pilot, "down", "enter")
        assert isinstance(app.screen, PersonCardScreen)
        assert "Борисов" in app.screen.query_one("#card-title").render().plain


async def test_deleting_a_deficit_with_steps_refuses_before_asking(tmp_path):
    from metodkab import strings as S
    from metodkab.screens.dialogs import MessageDialog
    from metodkab.storage import repo

    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, row=EGOROVA)
        await press(pilot, "4")
        table = card.query_one("#def-table", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index(ids["deficit_digital"]))
        await press(pilot, "delete")
        # No «Удалить? Да» first: the reason it cannot be deleted, at once.
        assert isinstance(app.screen, MessageDialog)
        shown = str(app.screen.query_one("#message").render())
        assert shown.startswith(S.DEV_DEFICIT_IN_USE.split("(")[0])
        await press(pilot, "escape")
        assert app.screen is card
        assert repo.count(app.store, "deficit", "id = ?", (ids["deficit_digital"],)) == 1


async def test_new_deficit_is_found_on_its_diagnostics_date(tmp_path):
    """Ins on «Дефициты», F4 on «Диагностика», its only entry: «Выявлен» becomes the
    diagnostic's date, not the report date (23.11.2026) the form opened with."""
    from metodkab.screens.route_forms import DeficitFormScreen

    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, row=EGOROVA)
        await press(pilot, "4")
        card.query_one("#def-table", DataTable).focus()
        await press(pilot, "insert")
        form = app.screen
        assert isinstance(form, DeficitFormScreen)
        assert form.form.widget("found_date").value == "23.11.2026"
        form.form.widget("diagnostic_id").focus()
        await press(pilot, "f4")
        await press(pilot, "down", "enter")
        await settle(pilot)
        from metodkab.domain.models import Diagnostic
        from metodkab.domain.parse import format_date
        from metodkab.storage import repo

        chosen = form.form.widget("diagnostic_id").single
        assert chosen is not None
        day = repo.get(app.store, Diagnostic, chosen).date
        assert format_date(day) != "23.11.2026"             # not the report date
        assert form.form.widget("found_date").value == format_date(day)


async def test_diagnostic_form_shows_scores_as_written(tmp_path):
    """Enter on a diagnostic scored 34 of 50: the form shows «34» and «50», not «34.0»."""
    from metodkab.screens.route_forms import DiagnosticFormScreen

    path, ids = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, row=EGOROVA)
        await press(pilot, "4")
        table = card.query_one("#diag-table", DataTable)
        table.focus()
        for row in range(table.row_count):
            table.move_cursor(row=row)
            await press(pilot, "enter")
            form = app.screen
            assert isinstance(form, DiagnosticFormScreen)
            score = form.form.widget("score").value
            if score:
                assert (score, form.form.widget("max_score").value) == ("34", "50")
                break
            await press(pilot, "escape")
        else:
            raise AssertionError("no scored diagnostic")


# Each section key and the list it promises (README «Клавиши»).
SECTION_LISTS = {"f2": "StaffListScreen", "f3": "TrainingScreen", "f5": "AttestationScreen",
                 "f6": "MentorshipListScreen", "f7": "ProgrammeScreen",
                 "f12": "DashboardScreen", "ctrl+o": "AssociationsScreen"}


async def test_any_walk_of_enter_esc_and_section_keys_ends_on_the_list_asked_for(tmp_path):
    """Random walks (fixed seed) of Enter, ↓, Esc, Ins, Ctrl+L, Ctrl+G and section keys:
    after each walk, every section key shows exactly its list — nothing left above it."""
    import random

    from metodkab.screens.dialogs import ConfirmDialog

    path, _ = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    rnd = random.Random(17)
    moves = ["enter", "down", "escape", "insert", "ctrl+l", "ctrl+g", *SECTION_LISTS]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(3):
            for key in rnd.choices(moves, k=8):
                await press(pilot, key)
                if isinstance(app.screen, ConfirmDialog):      # a form was left: «Да»
                    await press(pilot, "left", "enter")
            for key, name in SECTION_LISTS.items():
                await press(pilot, key)
                if isinstance(app.screen, ConfirmDialog):
                    await press(pilot, "left", "enter")
                assert type(app.screen).__name__ == name, (key, app.screen_stack)
                assert len(app.screen_stack) == 1, (key, app.screen_stack)


async def test_letters_typed_in_any_registers_list_reach_its_search(tmp_path):
    """Повышение квалификации, Наставничество, Достижения, Аттестация, МО: the list has
    the focus, a letter typed goes on in the search box and filters the list."""
    path, _ = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("f3", "f6", "ctrl+b", "f5", "ctrl+o"):
            await press(pilot, key)
            screen = app.screen
            screen.query_one(DataTable).focus()
            await type_text(pilot, "Бор")
            await settle(pilot)
            search = screen.query_one("#search")
            assert (search.value, screen.focused) == ("Бор", search), key
            assert screen.query_state.search == "Бор", key
            await press(pilot, "escape")                # Esc drops the search first
            assert search.value == "" and app.screen is screen, key


async def test_a_section_key_shows_its_list_fresh(tmp_path):
    """A section key (from another section, or on the list itself) shows the list with
    the search empty and the cursor on the top row: typing then starts a new search, not
    «егоро» + «ко» → «Никого не найдено»."""
    path, _ = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("f2", "f3", "f6", "ctrl+b", "f5", "ctrl+o"):
            await press(pilot, key)
            screen = app.screen
            table = screen.table
            whole = table.row_count
            for again in ("f12", key):          # from another section; on the list itself
                table.focus()
                await type_text(pilot, "о")
                await settle(pilot)
                assert screen.query_state.search == "о", key
                table.focus()
                await press(pilot, "down", "down")
                if key in ("f2", "f3"):       # lists with rows to go down
                    assert table.cursor_row > 0, key
                await press(pilot, again)
                if again == "f12":
                    await press(pilot, key)
                assert app.screen is screen, (key, again)
                assert screen.search_box.value == "", (key, again)
                assert screen.query_state.search == "", (key, again)
                assert (table.row_count, table.cursor_row) == (whole, 0), (key, again)
                table.focus()
                await type_text(pilot, "Бор")
                await settle(pilot)
                assert screen.search_box.value == "Бор", (key, again)
                await press(pilot, "escape")
