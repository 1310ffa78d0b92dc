"""Navigation defects a tester found driving the real app on the demo school: the to-do
list's drill-downs, the staff filter they leave behind, the header's sub-title, the
dashboard's alerts on a past report date and the alert list after a fix."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from textual.widgets import OptionList, Static

from metodkab import strings as S
from metodkab.screens.alert_list import AlertListScreen
from metodkab.screens.dashboard import DashboardScreen
from metodkab.screens.staff import StaffListScreen
from metodkab.storage import staff as staff_store
from metodkab.storage.alerts import collect_alerts
from metodkab.storage.attestation import schedule
from metodkab.storage.mentorship import coverage
from metodkab.storage.settings import set_settings
from tests.ui import TODAY, build_app, settle


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    from metodkab.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, today=TODAY)
    return path


@pytest.fixture
def demo(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    return path


async def open_todo(pilot, key: str) -> None:
    """On Главная: the cursor onto the to-do item ``key``, then Enter."""
    screen = pilot.app.screen
    assert isinstance(screen, DashboardScreen)
    todo = screen.query_one("#todo", OptionList)
    todo.focus()
    todo.highlighted = [a.key for a in screen.alerts].index(key)
    await pilot.press("enter")
    await settle(pilot)


def items_text(screen: AlertListScreen) -> list[str]:
    options = screen.query_one("#items", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def status_line(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def test_young_without_mentor_lists_exactly_the_alerts_people(demo):
    app = build_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_todo(pilot, "young_unsupported")
        screen = app.screen
        assert isinstance(screen, AlertListScreen)
        # The coverage screen's rule (indicator 4's): young teachers on the report date
        # with no support form — Козлова has no mentor but an approved ИОМ (§6).
        unsupported = [r.name for r in coverage(app.store, TODAY).rows
                       if r.young and not r.supported]
        assert sorted(items_text(screen)) == sorted(unsupported) == [
            "Егорова Анна Викторовна", "Павлов Никита Андреевич"]
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "PersonCardScreen"


async def test_drill_down_filter_is_temporary(demo):
    app = build_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_todo(pilot, "overdue_training")
        assert isinstance(app.screen, StaffListScreen)
        line = status_line(app)
        assert S.STAFF_OVERDUE_SHORT in line and S.NAV_STAFF_DROP_FILTER in line
        filtered = app.screen.total

        # Leaving for another section and coming back with F2: the normal list.
        await pilot.press("f12")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        line = status_line(app)
        assert S.STAFF_OVERDUE_SHORT not in line and S.NAV_STAFF_DROP_FILTER not in line
        assert app.screen.total > filtered

        # Esc: the search first, then the jump's filter, then back to Главная.
        await pilot.press("f12")
        await settle(pilot)
        await open_todo(pilot, "overdue_training")
        await pilot.press("ctrl+f")          # nothing chosen: the jump's filter stays on
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one("#search").focus()
        await pilot.press("В")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert S.STAFF_OVERDUE_SHORT in status_line(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StaffListScreen)
        assert S.STAFF_OVERDUE_SHORT not in status_line(app)
        assert app.screen.total > filtered
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_own_filter_stays_and_comes_back_after_a_drill_down(demo):
    app = build_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StaffListScreen)
        # The user's own filter (as Ctrl+F → «только молодые» would set it).
        from dataclasses import replace

        screen.query_state = replace(screen.query_state, young=True)
        screen.reload()
        await settle(pilot)
        own = screen.total
        await pilot.press("f12")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert S.STAFF_YOUNG_SHORT in status_line(app) and screen.total == own

        await pilot.press("f12")
        await settle(pilot)
        await open_todo(pilot, "overdue_training")
        assert S.STAFF_OVERDUE_SHORT in status_line(app)
        assert S.STAFF_YOUNG_SHORT not in status_line(app)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        line = status_line(app)
        assert S.STAFF_YOUNG_SHORT in line and S.STAFF_OVERDUE_SHORT not in line
        assert screen.total == own


async def test_sub_title_names_the_screen_shown(demo):
    app = build_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        assert app.sub_title == S.EX_TITLE
        await pilot.press("f10")
        await settle(pilot)
        assert app.sub_title == S.SETTINGS_TITLE

        # A form left open in Наставничество, then Аттестация and back: the section's
        # list (a section key always shows the list; nothing was typed, so no question).
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press("insert")
        await settle(pilot)
        form = app.screen
        assert type(form).__name__ != "MentorshipListScreen"
        await pilot.press("f5")
        await settle(pilot)
        assert app.sub_title == S.ATT_TITLE
        await pilot.press("f6")
        await settle(pilot)
        assert type(app.screen).__name__ == "MentorshipListScreen" and not form.is_attached
        assert app.sub_title == S.MENT_TITLE


def add_later_decisions(path) -> None:
    """What the tester entered: Кузнецова's newer высшая decided 20.11.2026, an overdue
    step done on 20.11.2026 and an activity done then — all after 01.09.2026."""
    from metodkab.clock import Clock
    from metodkab.domain.models import QualificationCategory
    from metodkab.storage import repo
    from metodkab.storage.db import open_store

    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    try:
        kuz = store.db.conn.execute(
            "SELECT id FROM staff WHERE last_name = 'Кузнецова'").fetchone()[0]
        repo.create(store, QualificationCategory(staff_id=kuz, position="учитель",
                                                 category="высшая",
                                                 decision_date=dt.date(2026, 11, 20)))
        set_settings(store, {"report_date": "01.09.2026"})
    finally:
        store.close()


def test_alerts_as_of_a_past_report_date(demo):
    """Only decisions on or before the report date count: a newer category decided after
    it does not hide the one held then — the same list as Аттестация's schedule."""
    from metodkab.clock import Clock
    from metodkab.storage.db import open_store

    add_later_decisions(demo)
    store = open_store(demo, clock=Clock(TODAY), exclusive=False)
    try:
        day = dt.date(2026, 9, 1)
        alerts = {a.key: a for a in collect_alerts(store, day)}
        expected = [r.staff_id for r in schedule(store, day).expiring]
        assert [i.staff_id for i in alerts["category_expiring"].items] == expected
        assert any(i.text.startswith("Кузнецова") for i in alerts["category_expiring"].items)
        # On today's date the newer высшая (indefinite) replaced it.
        today = {a.key: a for a in collect_alerts(store, TODAY)}
        assert not any(i.text.startswith("Кузнецова")
                       for i in today["category_expiring"].items)
        assert [i.staff_id for i in today["category_expiring"].items] == [
            r.staff_id for r in schedule(store, TODAY).expiring]

        # A step or an activity done after the date was still open on it; a pair closed
        # after the date was still running on it.
        conn = store.db.conn
        late = dt.date(2026, 8, 1).isoformat()
        conn.execute("UPDATE route_step SET deadline = ?, done_date = '2026-11-20' "
                     "WHERE rowid = (SELECT min(rowid) FROM route_step WHERE deleted = 0)",
                     (late,))
        conn.execute("UPDATE programme_activity SET deadline = ?, status = 'выполнено', "
                     "done_date = '2026-11-20' WHERE rowid = (SELECT min(rowid) FROM "
                     "programme_activity WHERE deleted = 0)", (late,))
        conn.execute("UPDATE mentorship SET start_date = '2025-09-01', planned_end = ?, "
                     "status = 'завершена', actual_end = '2026-11-20' WHERE rowid = "
                     "(SELECT min(rowid) FROM mentorship WHERE deleted = 0)", (late,))
        alerts = {a.key: a for a in collect_alerts(store, day)}
        assert alerts["route_steps_overdue"].count >= 1
        assert alerts["activities_overdue"].count >= 1
        # closed on 20.11 (after D): still running on D (start ≤ D ≤ actual end, §6), so
        # not «срок истёк» on D
        changed = conn.execute("SELECT id FROM mentorship WHERE rowid = (SELECT min(rowid) "
                               "FROM mentorship WHERE deleted = 0)").fetchone()[0]
        assert changed not in {i.record_id for i in alerts["mentorship_past_end"].items}
        today = {a.key: a for a in collect_alerts(store, TODAY)}
        assert not any("01.08.2026" in i.text
                       for key in ("route_steps_overdue", "activities_overdue",
                                   "mentorship_past_end") for i in today[key].items)
    finally:
        store.close()


async def test_past_report_date_dashboard_shows_expiring_category(demo):
    add_later_decisions(demo)
    app = build_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_todo(pilot, "category_expiring")
        assert any(t.startswith("Кузнецова") for t in items_text(app.screen))


async def test_alert_list_reloads_after_a_fix(demo):
    app = build_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_todo(pilot, "conformity_due")
        screen = app.screen
        assert isinstance(screen, AlertListScreen)
        before = list(screen.items)
        assert len(before) >= 3
        options = screen.query_one("#items", OptionList)
        options.focus()
        options.highlighted = 1
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "PersonCardScreen"
        # The fix made meanwhile: the person has left the school.
        app.store.run(staff_store.dismiss, before[1].staff_id, TODAY - dt.timedelta(days=1))
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert [i.staff_id for i in screen.items] == [i.staff_id for i in before
                                                       if i.staff_id != before[1].staff_id]
        assert len(items_text(screen)) == len(before) - 1
        # The cursor stays where it was (now on the next person).
        assert screen.query_one("#items", OptionList).highlighted == 1


async def settle_tree(pilot) -> None:
    """settle() while a folder tree is on screen: its loader workers are not waited for
    (as in test_exchange_flow)."""
    from textual.worker import WorkerCancelled, WorkerFailed

    for _ in range(2):
        await pilot.pause()
        for worker in [w for w in pilot.app.workers if w.group != "_loader"]:
            try:
                await worker.wait()
            except (WorkerCancelled, WorkerFailed):
                pass
    await pilot.pause()


async def test_folder_questions_start_at_the_remembered_export_folder(tmp_path):
    """The import error report and Обмен's file dialogs start where the last export went;
    the report's folder is remembered for the next export."""
    from metodkab.clock import Clock
    from metodkab.screens.exchange_files import PathDialog
    from metodkab.screens.import_preview import FolderDialog, ImportPreviewScreen
    from metodkab.storage.db import open_store
    from metodkab.storage.settings import get_setting
    from tests.data import make_import_samples as samples
    from tests.ui import school_db

    exports = tmp_path / "выгрузки"
    exports.mkdir()
    path = school_db(tmp_path / "s.sqlite")
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    set_settings(store, {"export_folder": str(exports)})
    store.close()
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_tree(pilot)
        await pilot.press("f9")
        await settle_tree(pilot)
        await pilot.press("ctrl+k")
        await settle_tree(pilot)
        assert isinstance(app.screen, PathDialog) and app.screen.folder == exports
        await pilot.press("escape")
        await settle_tree(pilot)

        await pilot.press("f2")
        await settle_tree(pilot)
        await pilot.press("ctrl+t")
        await settle_tree(pilot)
        field = app.screen.query_one("#imp-path")
        field.focus()
        field.value = str(samples.STAFF_XLSX)
        await pilot.press("enter")
        await settle_tree(pilot)
        assert isinstance(app.screen, ImportPreviewScreen)
        await pilot.press("ctrl+e")
        await settle_tree(pilot)
        assert isinstance(app.screen, FolderDialog)
        assert app.screen.query_one("#folder").value == str(exports)
        other = tmp_path / "отчёты"
        app.screen.query_one("#folder").value = str(other)
        await pilot.press("enter")
        await settle_tree(pilot)
        assert len(list(other.glob("*.xlsx"))) == 1
        assert get_setting(app.store, "export_folder") == str(other.resolve())
