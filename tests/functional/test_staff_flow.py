"""Кадры through the keyboard: add, fix an error, save, find, edit, dismiss, filter."""

from metodkab.domain.models import Staff
from metodkab.screens.dialogs import ChooserScreen
from metodkab.screens.person_card import PersonCardScreen
from metodkab.screens.staff import StaffFormScreen, StaffListScreen
from metodkab.storage import repo
from tests.ui import build_app, school_db, settle, type_text


def staff_rows(app):
    return app.store.db.conn.execute(
        "SELECT last_name, first_name, middle_name, birth_date, dismissal_date, deleted "
        "FROM staff").fetchall()


async def test_add_fix_find_edit_dismiss(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)

        # Ins: a new person; a wrong date and no position -> errors, nothing saved.
        await pilot.press("insert")
        await settle(pilot)
        assert isinstance(app.screen, StaffFormScreen)
        await type_text(pilot, "Ёлкина")
        await pilot.press("enter")
        await type_text(pilot, "Анна")
        await pilot.press("enter")
        await type_text(pilot, "Петровна")
        await pilot.press("enter")
        await type_text(pilot, "31.02.1995")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, StaffFormScreen)
        assert "нет в календаре" in str(form.query_one("#error-birth_date").render())
        assert "должность" in str(form.query_one("#error-positions").render())
        assert staff_rows(app) == []

        # Fix the date; choose a position from the list with F4.
        birth = form.query_one("#field-birth_date")
        birth.value = ""
        birth.focus()
        await type_text(pilot, "28.02.1995")
        form.query_one("#field-positions").focus()
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ChooserScreen)
        await pilot.press("down", "space", "enter")   # to the list; the first: учитель
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)
        assert staff_rows(app) == [("Ёлкина", "Анна", "Петровна", "1995-02-28", None, 0)]
        person = repo.find(app.store, Staff)[0]
        assert person.positions == ["учитель"]

        # Find her by typing part of the surname in lower case with е instead of ё.
        app.screen.query_one("#search").focus()
        await type_text(pilot, "елк")
        await settle(pilot)
        table = app.screen.query_one("#staff-table")
        assert table.row_count == 1
        await type_text(pilot, "x")
        await settle(pilot)
        assert table.row_count == 0
        await pilot.press("backspace")
        await settle(pilot)
        assert table.row_count == 1

        # Edit: Enter opens the card, Ctrl+E the form; change the first name; Ctrl+S.
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonCardScreen)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, StaffFormScreen)
        first = app.screen.query_one("#field-first_name")
        first.value = ""
        first.focus()
        await type_text(pilot, "Мария")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PersonCardScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)
        assert staff_rows(app)[0][:2] == ("Ёлкина", "Мария")

        # Dismiss with a date: Del, «Уволить», the date, Enter.
        app.screen.query_one("#staff-table").focus()
        await pilot.press("delete")
        await settle(pilot)
        await pilot.click("#act-dismiss")
        await settle(pilot)
        date_input = app.screen.query_one("#date")
        date_input.value = ""
        await type_text(pilot, "20.11.2026")
        await pilot.press("enter")
        await settle(pilot)
        assert staff_rows(app)[0][4] == "2026-11-20"
        assert app.screen.query_one("#staff-table").row_count == 0   # active only

        # She is in the "dismissed" filter.
        staff_screen = app.screen
        staff_screen.set_query(status="dismissed", search="")
        await settle(pilot)
        assert staff_screen.query_one("#staff-table").row_count == 1
        # Every change was audited: insert, update (name), update (dismissal).
        actions = [r[0] for r in app.store.db.conn.execute(
            "SELECT action FROM audit_log WHERE table_name = 'staff' ORDER BY id")]
        assert actions == ["insert", "update", "update"]


async def test_escape_asks_before_dropping_changes(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("insert")
        await settle(pilot)
        await type_text(pilot, "Иванов")
        await pilot.press("escape")
        await settle(pilot)
        from metodkab.screens.dialogs import ConfirmDialog

        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")            # no: stay in the form
        await settle(pilot)
        assert isinstance(app.screen, StaffFormScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)
        assert staff_rows(app) == []


async def test_delete_person_without_records(tmp_path):
    path = school_db(tmp_path / "s.sqlite")
    app = build_app(path)
    repo.create(app.store, Staff(last_name="Петров", first_name="Пётр", positions=["учитель"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        app.screen.query_one("#staff-table").focus()
        await pilot.press("delete")
        await settle(pilot)
        await pilot.click("#act-delete")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert app.screen.query_one("#staff-table").row_count == 0
        assert staff_rows(app)[0][5] == 1


async def test_function_keys_work_while_typing_cyrillic(tmp_path):
    """Section keys are function keys: a Cyrillic letter never fires a binding."""
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await type_text(pilot, "йцукенгшщзхъфывапролджэячсмитьбю")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)
        assert app.screen.query_one("#search").value.startswith("йцукен")
        await pilot.press("f10")
        await settle(pilot)
        assert app.current_mode == "settings"
        await pilot.press("f12")
        await settle(pilot)
        assert app.current_mode == "dashboard"
        await pilot.press("f1")
        await settle(pilot)
        from metodkab.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_dashboard_todo_leads_to_the_records(tmp_path):
    """Enter on a to-do item opens the records behind it: a pair's card, the programme."""

    from metodkab.demo import build_demo
    from metodkab.screens.alert_list import AlertListScreen
    from metodkab.screens.mentorship_card import MentorshipCardScreen
    from tests.ui import TODAY

    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        todo = app.screen.query_one("#todo")
        keys = [todo.get_option_at_index(i).id for i in range(todo.option_count)]
        todo.highlighted = keys.index("mentorship_past_end")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AlertListScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MentorshipCardScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        todo = app.screen.query_one("#todo")
        todo.highlighted = keys.index("activities_overdue")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "programme"
