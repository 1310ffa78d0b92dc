"""Ctrl+P: the command palette finds actions by their Russian names and says in Russian
when nothing matches."""

from textual.command import CommandList

from metodkab.screens.palette import RussianCommandPalette
from tests.ui import build_app, school_db, settle, type_text


async def test_palette_speaks_russian_when_nothing_matches(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, RussianCommandPalette)
        await type_text(pilot, "кадры")
        await pilot.pause(0.3)
        options = palette.query_one(CommandList)
        found = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Кадры" in text for text in found)

        palette.query_one("#--input").query_one("Input").value = ""
        await type_text(pilot, "щщщщ")
        await pilot.pause(palette._NO_MATCHES_COUNTDOWN + 0.5)
        options = palette.query_one(CommandList)
        texts = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
        rendered = " ".join(str(getattr(t, "renderable", t)) for t in texts)
        assert "Ничего не найдено" in rendered and "No matches" not in rendered
