"""Through the app at 80x24: a list with «первая 2021» and a course «…, 2023» is imported;
the history of the category and of the course (Ctrl+Z on the card) says «2021 г.» and
«2023 г.», not «01.01.2021»; the day typed in the form later reads as a change of the
date — «Дата решения: 2021 г. → 15.03.2021» — with no precision field of its own."""

from metodkab.screens.attestation_forms import CategoryFormScreen
from metodkab.screens.import_file import ImportScreen
from metodkab.screens.journal import HistoryDialog
from metodkab.screens.person_card import PersonCardScreen
from tests.functional.test_import_flow import open_path
from tests.ui import build_app, school_db, settle, type_text
from tests.unit.test_year_only_attestation import write_list

INTERNAL = ("year", "day", "известн", "только год", "01.01.2021", "01.01.2023")


async def history(pilot, app) -> str:
    await pilot.press("ctrl+z")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, HistoryDialog)
    text = str(dialog.query_one("#history-text").render())
    await pilot.press("escape")
    await settle(pilot)
    return text


async def test_the_history_says_a_year_only_date_by_its_year(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        await open_path(pilot, write_list(tmp_path / "список.csv"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "down", "enter")              # Кадры: Белов, Орлова
        await settle(pilot)
        card = app.screen
        assert isinstance(card, PersonCardScreen)

        await pilot.press("2")                                  # the course «…, 2023»
        await settle(pilot)
        card.query_one("#tr-table").focus()
        text = await history(pilot, app)
        assert "Окончание: 2023 г." in text, text
        assert not any(word in text for word in INTERNAL), text

        await pilot.press("3")                                  # the category «первая 2021»
        await settle(pilot)
        card.query_one("#cat-table").focus()
        text = await history(pilot, app)
        assert "Дата решения: 2021 г." in text, text
        assert not any(word in text for word in INTERNAL), text

        await pilot.press("enter")                              # the day typed later
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CategoryFormScreen)
        form.query_one("#field-decision_date").focus()
        await type_text(pilot, "15.03.2021")
        await pilot.press("tab")                 # leaving the date suggests the 5-year term
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card, getattr(app.screen, "question", "")
        card.query_one("#cat-table").focus()
        text = await history(pilot, app)
        assert "Дата решения: 2021 г. → 15.03.2021" in text, text
        assert not any(word in text for word in INTERNAL), text
