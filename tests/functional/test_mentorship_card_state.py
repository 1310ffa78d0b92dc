"""The pair's card says what the register says (80x24): a pair still «действует» whose
programme ran out (Кузнецов's, planned to 14.07.2026, never closed) is «не учтена» in the
register, and its card read «Срок: … · действует» right above «⚠ Срок программы истёк» —
now «не учтена: срок программы истёк». A pair that runs keeps «действует»."""

from __future__ import annotations

from metodkab.screens.mentorship_card import MentorshipCardScreen
from tests.functional.test_mentorship_flow import mentorship_db, open_register
from tests.ui import build_app, settle, type_text


def term_line(card) -> str:
    info = str(card.query_one("#card-info").render())
    return next(line for line in info.splitlines() if line.startswith("Срок:"))


async def open_pair(app, pilot, mentee: str) -> MentorshipCardScreen:
    await type_text(pilot, mentee)                 # the search box, then Enter: the one pair
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, MentorshipCardScreen)
    return app.screen


async def test_an_ended_pair_is_not_called_active_on_its_card(tmp_path):
    path, ids = mentorship_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        card = await open_pair(app, pilot, "Кузнецов")
        assert card.mentorship_id == ids["pair_kuznetsov"]
        line = term_line(card)
        assert line.endswith("· не учтена: срок программы истёк"), line
        assert "действует" not in line
        assert "истёк 14.07.2026" in str(card.query_one("#card-findings").render())

        await pilot.press("escape", "escape")      # the card, then the search
        await settle(pilot)
        card = await open_pair(app, pilot, "Сидорова")
        assert card.mentorship_id == ids["pair_sidorova"]
        assert term_line(card).endswith("· действует")
