"""At 80 columns every section's footer shows its hints whole — «F1 Справка» last — and
a form's labels never leave a lone «*» on a line of their own."""

from __future__ import annotations

from textual.widgets import Footer

from metodkab.screens.staff import StaffListScreen
from metodkab.widgets.fields import required_label
from tests.functional.test_card_flow import dev_school_db
from tests.ui import build_app, settle

SECTION_KEYS = ("f12", "f2", "f3", "f5", "f6", "f7", "f8", "f9", "f10", "ctrl+o")


def footer_keys(screen):
    footer = screen.query_one(Footer)
    return footer, [k for k in footer.query("FooterKey") if k.display]


async def test_every_sections_footer_fits_80_columns(tmp_path):
    path, _ = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen = []
        for key in SECTION_KEYS:
            await pilot.press(key)
            await settle(pilot)
            if isinstance(app.screen, StaffListScreen):      # the list with the cursor in it
                await pilot.press("down")
                await settle(pilot)
            footer, keys = footer_keys(app.screen)
            assert keys, key
            assert keys[-1].key_display == "F1", key
            right = max(k.region.right for k in keys)
            assert right <= footer.region.right, (key, type(app.screen).__name__, right)
            seen.append(type(app.screen).__name__)
        assert len(set(seen)) == len(SECTION_KEYS)


def test_required_label_never_leaves_the_star_alone():
    for label in ("Фамилия", "Дата начала педагогической деятельности", "Начало педстажа по",
                  "Мероприятие программы", "Ответственные за выполнение"):
        shown = required_label(label, 19)
        assert shown.endswith("*") and shown.replace(" *", "").rstrip("*") == label
        lines: list[str] = []
        for word in shown.split(" "):
            if lines and len(lines[-1]) + 1 + len(word) <= 19:
                lines[-1] += " " + word
            else:
                lines.append(word)
        assert lines[-1] != "*", (label, lines)


async def test_the_offices_footers_fit_80_columns(tmp_path):
    """The office's schools list, a school's card and F8: «F1 Справка» whole and last (the
    schools list showed «F1 Справк», F8 had no F1 at all)."""
    from metodkab.screens.exchange_municipal import make_municipal_app
    from tests.functional.test_office_matrix import _office

    db, clock = _office(tmp_path)
    app = make_municipal_app(db, clock=clock, blink=False, user="Тест")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen = []
        for keys in (("f9",), ("down", "enter"), ("escape", "f8")):
            await pilot.press(*keys)
            await settle(pilot, 3)
            footer, shown = footer_keys(app.screen)
            name = type(app.screen).__name__
            assert shown and shown[-1].key_display == "F1", name
            right = max(k.region.right for k in shown)
            assert right <= footer.region.right, (name, right)
            seen.append(name)
        assert len(set(seen)) == 3, seen
