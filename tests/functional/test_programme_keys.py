"""Программа развития at 80x24: Ctrl+R never takes an empty reason, and Ctrl+D or Ctrl+R
where there is no activity under the cursor says why instead of doing nothing."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from metodkab import strings as S
from metodkab.screens.programme import ProgrammeScreen
from metodkab.screens.programme_dialogs import ActivityDateDialog
from metodkab.storage import programme as ps
from tests.functional.test_programme_flow import _walk, activities, programme_db  # noqa: F401
from tests.ui import settle, type_text


async def open_outline(pilot):
    await settle(pilot)
    await pilot.press("f7")
    await settle(pilot)
    await pilot.press("1")
    await settle(pilot)
    return pilot.app.screen.query_one("#outline-tree")


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_postpone_refuses_an_empty_reason(programme_db):
    app, pid, ids, people = programme_db
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await open_outline(pilot)
        tree.move_cursor(next(n for n in _walk(tree.root)
                              if n.data == ("activity", ids["Неделя математики"])))
        await pilot.press("ctrl+r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ActivityDateDialog)
        await type_text(pilot, "15.12")
        await pilot.press("enter")                     # the date is good: on to «Причина»
        await settle(pilot)
        assert dialog.focused is dialog.query_one("#reason")
        await pilot.press("enter")                     # nothing typed
        await settle(pilot)
        assert app.screen is dialog
        assert str(dialog.query_one("#error", Static).render()) == \
            S.PROG_POSTPONE_REASON_REQUIRED
        assert dialog.focused is dialog.query_one("#reason")
        await pilot.press("ctrl+s")                    # nor with Ctrl+S
        await settle(pilot)
        assert app.screen is dialog
        assert activities(app)["Неделя математики"].deadline == dt.date(2026, 2, 10)
        assert ps.postponements(app.store, ids["Неделя математики"]) == []

        await type_text(pilot, "болезнь ведущего")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeScreen)
        moved = activities(app)["Неделя математики"]
        assert (moved.deadline, moved.status) == (dt.date(2026, 12, 15), "перенесено")


async def test_done_and_postpone_on_a_task_row_say_why_nothing_happens(programme_db):
    app, pid, ids, people = programme_db
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await open_outline(pilot)
        task = next(n for n in _walk(tree.root) if n.data and n.data[0] == "task")
        tree.move_cursor(task)
        before = activities(app)
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeScreen)
        assert S.PROG_DONE_NEEDS_ACTIVITY in messages(app)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeScreen)
        assert S.PROG_POSTPONE_NEEDS_ACTIVITY in messages(app)
        assert activities(app) == before

        # Ctrl+R on a finished activity says so too (it only rang the bell).
        tree.move_cursor(next(n for n in _walk(tree.root)
                              if n.data == ("activity", ids["Педсовет «Итоги года»"])))
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeScreen)
        assert S.PROG_POSTPONE_DONE in messages(app)


async def test_suggestion_shown_in_a_field_is_taken_on_tab(programme_db):
    """«сем» shows «семинар» after the cursor; Tab leaves the field with «семинар»
    (it kept «сем»), and so does ↓."""
    from metodkab.screens.programme_forms import ActivityFormScreen
    from tests.ui import type_text

    app, pid, ids, people = programme_db
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await open_outline(pilot)
        tree.move_cursor(next(n for n in _walk(tree.root)
                              if n.data == ("activity", ids["Неделя математики"])))
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ActivityFormScreen)
        field = form.query_one("#field-form")
        field.focus()
        await type_text(pilot, "сем")
        await settle(pilot)
        assert field._suggestion == "семинар"          # shown after the typed text
        await pilot.press("tab")
        await settle(pilot)
        assert field.value == "семинар" and form.focused is not field

        direction = form.query_one("#field-direction")
        direction.focus()
        direction.value = ""
        await type_text(pilot, "zzz")                  # nothing to suggest: kept as typed
        await pilot.press("down")
        await settle(pilot)
        assert direction.value == "zzz"


async def test_programme_detail_names_its_order_once(programme_db):
    """The goal's detail line: «Утверждена приказом № 12 от 01.09.2025» (it read
    «Утверждена: Утверждена приказом …»)."""
    from metodkab.domain.models import Programme
    from metodkab.storage import repo

    app, pid, ids, people = programme_db
    programme = repo.get(app.store, Programme, pid)
    ps.save_programme(app.store, programme.model_copy(update={
        "order_number": "12", "order_date": dt.date(2025, 9, 1)}))
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await open_outline(pilot)
        tree.move_cursor(tree.root)
        await settle(pilot)
        detail = str(app.screen.query_one("#detail", Static).render())
        assert "Утверждена приказом № 12 от 01.09.2025" in detail
        assert detail.count("Утверждена") == 1


async def test_first_programme_in_december_starts_this_year(tmp_path):
    """4 December 2026, no programme yet: F7, Ins — the form offers 2026–2029 (it offered
    2027–2030, next year's four years)."""
    from metodkab.screens.programme_forms import ProgrammeFormScreen
    from tests.ui import build_app, school_db

    app = build_app(school_db(tmp_path / "s.sqlite"), today=dt.date(2026, 12, 4))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ProgrammeFormScreen)
        assert (form.query_one("#field-year_from").value,
                form.query_one("#field-year_to").value) == ("2026", "2029")


async def test_the_programmes_footer_fits_80_columns(programme_db):
    """With a programme and the cursor on an activity, every view's footer ends with
    «F1 Справка» whole (Ctrl+R «Перенести срок» pushed it out)."""
    from textual.widgets import Footer

    app, pid, ids, people = programme_db
    async with app.run_test(size=(80, 24)) as pilot:
        await open_outline(pilot)
        for view in "12345":
            await pilot.press(view)
            await settle(pilot)
            footer = app.screen.query_one(Footer)
            keys = [k for k in footer.query("FooterKey") if k.display]
            assert keys[-1].key_display == "F1", view
            assert max(k.region.right for k in keys) <= footer.region.right, view
