"""Issue item 3: text from a school (its short name `[/]Школа [b]`, markup in the office's
own name) is shown as typed in the office app — never read as Rich markup."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.exchange_municipal import (MunicipalIndicatorsScreen,
                                                 MunicipalSchoolsScreen, RowsScreen,
                                                 make_municipal_app)
from metodkab.widgets.text import plain, plain_row, say
from tests.functional.test_exchange_flow import settle
from tests.unit.test_hostile_support import FORMULA_NAME, MARKUP_NAME, hostile_office
from tests.unit.test_sync_support import CLOCK


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    return hostile_office(tmp_path_factory.mktemp("hostile-text"))


def cells(table: DataTable) -> list[str]:
    return [str(table.get_cell_at((r, c))) for r in range(table.row_count)
            for c in range(len(table.columns))]


def test_helper_keeps_markup_as_text():
    assert plain(MARKUP_NAME).plain == MARKUP_NAME
    assert plain(None).plain == ""
    row = plain_row(MARKUP_NAME, 5)
    assert row[0].plain == MARKUP_NAME and row[1] == 5


async def test_office_app_shows_a_school_named_with_markup(office):
    app = make_municipal_app(office.office, clock=CLOCK, blink=False, user="Тест")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MunicipalSchoolsScreen)
        table = screen.query_one("#mu-schools", DataTable)
        assert table.row_count == 2
        shown = cells(table)
        assert MARKUP_NAME in shown
        # The long one is cut to its column with «…» (as typed up to the cut, never a formula).
        assert any(c == FORMULA_NAME or (c.endswith("…") and len(c) > 10
                                         and FORMULA_NAME.startswith(c[:-1].rstrip()))
                   for c in shown), shown
        assert "УО [red]района[/]" in str(screen.query_one("#mu-office").render())

        # F8 and a list by school: the names travel into more tables.
        await pilot.press("f8")
        await settle(pilot, 3)
        assert isinstance(app.screen, MunicipalIndicatorsScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RowsScreen)
        assert MARKUP_NAME in cells(app.screen.query_one(DataTable))

        # An error dialog that quotes user text shows it whole.
        app.push_screen(MessageDialog(f"Файл {MARKUP_NAME}.mkp [bold]отклонён"))
        await settle(pilot)
        assert MARKUP_NAME in str(app.screen.query_one("#message").render())


HOSTILE = "[/]Курс [b]по [red]ФГОС"
# the free-text columns a person types or a spreadsheet brings (names are letters only)
TEXT_COLUMNS = {
    "school": ("short_name", "full_name", "address"),
    "association": ("name", "notes"),
    "training": ("title", "provider", "doc_number"),
    "qualification_category": ("issuing_body", "order_number"),
    "deficit": ("description",),
    "route_step": ("goal", "action", "expected_product", "evidence"),
    "mentorship": ("goals", "result", "order_number"),
    "mentorship_event": ("topic", "outcome"),
    "programme": ("title", "goal"),
    "programme_task": ("title",),
    "programme_activity": ("title", "expected_result", "note"),
    "achievement": ("title", "organiser"),
    "short_learning": ("title", "platform"),
}


async def test_every_section_shows_text_with_markup_as_typed(tmp_path):
    """A school whose courses, programme, associations … were typed or imported with
    «[/]» and «[b]» in them: every section opens and shows the text, nothing crashes."""
    import sqlite3

    from metodkab.demo import build_demo
    from tests.ui import build_app

    path = tmp_path / "school.sqlite"
    build_demo(path, today=CLOCK.today())
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table, columns in TEXT_COLUMNS.items():
        if table in tables:
            for column in columns:
                conn.execute(f"UPDATE {table} SET {column} = ? || {column}", (HOSTILE,))
    conn.commit()
    conn.close()
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for mode in app.MODES:
            app.action_section(mode)
            await settle(pilot, 3)
            await pilot.press("enter")         # the first row's card, where there is one
            await settle(pilot, 2)
            app.action_section(mode)
            await settle(pilot)
        say(app, HOSTILE)                     # a notification quoting user text
        await settle(pilot)
    assert app.return_code in (None, 0)


async def test_programme_header_shows_a_title_with_markup_as_typed(tmp_path):
    """The programme's header quotes its title: «[/]…» in it left the header on «Загрузка…»
    (the markup could not be read) and «[b]» vanished into bold."""
    from textual.widgets import Static

    from metodkab.domain.models import Programme
    from metodkab.screens.programme import ProgrammeScreen
    from metodkab.storage import repo
    from tests.ui import build_app, school_db

    app = build_app(school_db(tmp_path / "s.sqlite"))
    repo.create(app.store, Programme(title=HOSTILE, year_from=2025, year_to=2028,
                                     is_current=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot, 3)
        assert isinstance(app.screen, ProgrammeScreen)
        assert HOSTILE in str(app.screen.query_one("#prog-header", Static).visual)


async def test_to_do_list_shows_titles_with_markup_as_typed(tmp_path):
    """A to-do item quotes a programme activity's title or an ИОМ step's goal: shown as
    typed in the list, its title too («[/]» crashed the list, «[b]» turned into bold)."""
    from textual.widgets import OptionList, Static

    from metodkab.screens.alert_list import AlertListScreen
    from metodkab.storage.alerts import AlertItem
    from tests.ui import build_app, school_db

    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(AlertListScreen(f"Просрочено: {HOSTILE}",
                                        [AlertItem(text=f"«{HOSTILE}», срок 01.10.2026",
                                                   staff_id=None)]))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AlertListScreen)
        assert HOSTILE in str(screen.query_one(".section-title", Static).visual)
        options = screen.query_one("#items", OptionList)
        assert HOSTILE in str(options.get_option_at_index(0).prompt)
        assert HOSTILE in "".join(s.text for s in options.render_line(0)).replace("\xa0", " ")
    assert app.return_code in (None, 0)


async def test_a_multi_choice_list_shows_labels_with_markup_as_typed(tmp_path):
    """The multi-choice list (F4 on a field of several values) names records by their
    text: «[/]» in one crashed the list, «[b]» turned into bold."""
    from textual.widgets import SelectionList

    from metodkab.screens.dialogs import ChooserScreen
    from tests.ui import build_app, school_db

    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(ChooserScreen("Выбор", [("a", HOSTILE), ("b", "Второе")],
                                      multiple=True, selected=["a"]))
        await settle(pilot)
        choices = app.screen.query_one("#choices", SelectionList)
        assert choices.option_count == 2
        assert HOSTILE in "".join(s.text for s in choices.render_line(0)).replace("\xa0", " ")
    assert app.return_code in (None, 0)


async def test_mentor_chooser_shows_subjects_with_markup_as_typed(tmp_path):
    """The mentor chooser names the mentee's subjects (free text, often imported): «[/]»
    in one crashed the chooser, «[b]» turned into bold."""
    from textual.widgets import Static

    from metodkab.screens.mentorship_coverage import MentorChooserScreen
    from metodkab.storage.mentorship import MenteeInfo
    from tests.ui import build_app, school_db

    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(MentorChooserScreen(
            MenteeInfo("m", "Иванова Анна Петровна", True, False, subjects=(HOSTILE,)), []))
        await settle(pilot)
        hints = [str(s.visual) for s in app.screen.query(Static).results()
                 if s.has_class("hint")]
        assert any(HOSTILE in h for h in hints), hints
    assert app.return_code in (None, 0)


async def test_form_and_date_dialog_titles_quote_a_title_as_typed(tmp_path):
    """An edit form's title quotes the record («Курсы «…»») and the programme's date
    dialog quotes the activity: «[/]» in it crashed them, «[b]» turned into bold."""
    from textual.widgets import Label, Static

    from metodkab.domain.models import Staff, Training
    from metodkab.screens.programme_dialogs import ActivityDateDialog
    from metodkab.screens.training_forms import TrainingFormScreen
    from metodkab.storage import repo
    from tests.ui import build_app, school_db

    app = build_app(school_db(tmp_path / "s.sqlite"))
    person = repo.create(app.store, Staff(last_name="Иванова", first_name="Анна",
                                          positions=["учитель"]))
    course = repo.create(app.store, Training(
        staff_id=person, title=HOSTILE, provider="ИРО", kind="повышение квалификации",
        hours=36, start_date=CLOCK.today().replace(day=1), end_date=CLOCK.today()))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(TrainingFormScreen(course))
        await settle(pilot, 3)
        assert HOSTILE in str(app.screen.query_one("#form-title", Static).visual)
        app.push_screen(ActivityDateDialog(f"Выполнено: {HOSTILE}", "Дата", None,
                                           default_year=2026, info=HOSTILE))
        await settle(pilot)
        assert HOSTILE in str(app.screen.query_one("#dialog-title", Label).visual)
        assert HOSTILE in str(app.screen.query_one("#info", Static).visual)
    assert app.return_code in (None, 0)
