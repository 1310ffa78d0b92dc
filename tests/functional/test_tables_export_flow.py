"""Ctrl+E «Экспорт в Excel» on the section tables, through the real app on the demo school:
the folder is asked, the file written, its full path shown; the file holds what the screen
shows (the search typed, the filter toggled), every row."""

import openpyxl
import pytest

from metodkab.demo import build_demo
from metodkab.screens import export
from metodkab.screens.attestation import AttestationScreen
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.mentorship import MentorshipListScreen
from metodkab.screens.mentorship_coverage import CoverageScreen
from metodkab.screens.mentorship_load import MentorLoadScreen
from metodkab.screens.training import OverdueScreen, TrainingScreen
from tests.ui import TODAY, build_app, settle, type_text


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, today=TODAY)
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_template.read_bytes())
    return path


@pytest.fixture
def out(tmp_path, monkeypatch):
    """The folder the export dialog offers first (the user's documents, in real life)."""
    folder = tmp_path / "docs"
    monkeypatch.setattr(export, "default_folder", lambda: folder)
    return folder


async def export_here(pilot, out, name: str):
    """Ctrl+E, Enter in the folder dialog; the path is shown. Returns the workbook."""
    app = pilot.app
    screen = app.screen
    await pilot.press("ctrl+e")
    await settle(pilot)
    assert isinstance(app.screen, export.ExportFolderDialog)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, MessageDialog)
    file = out / f"{name} {TODAY.isoformat()}.xlsx"
    assert file.exists()
    assert str(file.resolve()) in app.screen.message
    await pilot.press("escape")
    await settle(pilot)
    assert app.screen is screen
    return openpyxl.load_workbook(file)


def data_rows(ws) -> list[tuple]:
    return list(ws.iter_rows(min_row=3, values_only=True))


async def test_training_register_and_overdue(demo_path, out):
    app = build_app(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        records, _ = screen.total

        # The search box has the focus: Ctrl+E still exports (not «end of line»).
        assert app.focused is screen.query_one("#search")
        ws = (await export_here(pilot, out, "Повышение квалификации")).active
        *rows, total = data_rows(ws)
        assert len(rows) == records and total[0] == f"Итого (курсов: {records})"
        assert "23.11.2026" in ws["A1"].value

        # What is typed in the search box narrows the file too.
        await type_text(pilot, "инклюзивное")
        await settle(pilot)
        shown = len(screen.rows)
        assert 0 < shown < records
        ws = (await export_here(pilot, out, "Повышение квалификации")).active
        *rows, _ = data_rows(ws)                       # the totals row last
        assert len(rows) == shown
        assert all("инклюзивное" in r[1].lower() for r in rows)
        assert "«инклюзивное»" in ws["A1"].value

        await pilot.press("ctrl+l")
        await settle(pilot)
        overdue = app.screen
        assert isinstance(overdue, OverdueScreen)
        ws = (await export_here(pilot, out, "Просроченные курсы ПК")).active
        assert [r[0] for r in data_rows(ws)] == [r.name for r in overdue.rows]


async def test_attestation_schedule(demo_path, out):
    app = build_app(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AttestationScreen)
        wb = await export_here(pilot, out, "График аттестации")
        assert wb.sheetnames == ["Истекают категории", "Аттестация на СЗД",
                                 "Могут претендовать"]
        data = screen.data
        assert [r[0] for r in data_rows(wb["Истекают категории"])] == [
            r.name for r in data.expiring]
        assert len(data_rows(wb["Аттестация на СЗД"])) == len(data.conformity)
        assert len(data_rows(wb["Могут претендовать"])) == len(data.eligible)


async def test_mentorship_register_coverage_and_load(demo_path, out):
    app = build_app(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MentorshipListScreen)
        ws = (await export_here(pilot, out, "Реестр наставничества")).active
        assert [r[0] for r in data_rows(ws)][:-1] == [r.mentor for r in screen.rows]
        assert "действующие" in ws["A1"].value

        # Coverage: Ctrl+F shows only those without a mentor; the file follows.
        await pilot.press("ctrl+g")
        await settle(pilot)
        coverage = app.screen
        assert isinstance(coverage, CoverageScreen)
        ws = (await export_here(pilot, out, "Охват наставничеством")).active
        assert len(data_rows(ws)) == len(coverage.rows)
        await pilot.press("ctrl+f")
        await settle(pilot)
        unsupported = len(coverage.rows)
        assert unsupported < len(coverage.coverage.rows)
        ws = (await export_here(pilot, out, "Охват наставничеством")).active
        rows = data_rows(ws)
        assert len(rows) == unsupported
        assert {r[7] for r in rows} == {"нет"}
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("ctrl+l")
        await settle(pilot)
        load = app.screen
        assert isinstance(load, MentorLoadScreen)
        ws = (await export_here(pilot, out, "Нагрузка наставников")).active
        assert [r[0] for r in data_rows(ws)] == [r.name for r in load.rows] + ["Итого"]


async def test_programme_workbook_from_the_people_view(demo_path, out):
    from metodkab.screens.programme import ProgrammeScreen

    app = build_app(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen)
        period = screen.data.programme.period

        # In «Ответственные» the surname typed narrows the people sheet; Ctrl+E works from
        # the search box too.
        await pilot.press("3")
        await settle(pilot)
        search = screen.query_one("#people-search")
        search.focus()
        await type_text(pilot, "мор")
        await settle(pilot)
        assert app.focused is search
        wb = await export_here(pilot, out, f"Программа развития {period}")
        assert wb.sheetnames == ["Структура", "Сроки", "Ответственные", "Выполнение",
                                 "Показатели"]
        outline = data_rows(wb["Структура"])
        assert [r[2] for r in outline if r[2]] == [a.title for a in screen.data.activities]
        people = {r[0] for r in data_rows(wb["Ответственные"])}
        assert people and all(name.lower().startswith("мор") for name in people)
        assert len(data_rows(wb["Показатели"])) == len(screen.data.indicators)


async def test_programme_workbook_of_an_activity_search(demo_path, out):
    from metodkab.screens.programme import ProgrammeScreen

    app = build_app(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen)
        period = screen.data.programme.period
        # Typed in the outline: the search; «Структура» and «Сроки» hold what it finds.
        word = screen.data.activities[-1].title.split()[0][:5].lower()
        await type_text(pilot, word)
        await settle(pilot)
        shown = [a.title for a in screen.shown_activities()]
        assert 0 < len(shown) < len(screen.data.activities)
        wb = await export_here(pilot, out, f"Программа развития {period}")
        ws = wb["Сроки"]
        column = [c.value for c in ws[2]].index("Мероприятие")
        assert [r[column] for r in data_rows(ws)] == shown
        outline = data_rows(wb["Структура"])
        assert sorted(r[2] for r in outline) == sorted(shown)


async def test_associations(demo_path, out):
    from metodkab.screens.associations import AssociationsScreen

    app = build_app(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AssociationsScreen)
        book = await export_here(pilot, out, "Методические объединения")
        *listing, total = data_rows(book["Объединения"])
        assert [r[0] for r in listing] == [r.name for r in screen.rows]
        assert [r[3] for r in listing] == [r.members for r in screen.rows]
        assert total[0] == "Итого" and total[3] == sum(r.members for r in screen.rows)
        members = data_rows(book["Состав"])
        assert len(members) == sum(r.members for r in screen.rows) > 0


async def test_todo_list_from_the_dashboard_and_one_item(demo_path, out):
    from metodkab.screens.alert_list import AlertListScreen
    from metodkab.screens.dashboard import DashboardScreen

    app = build_app(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dash = app.screen
        assert isinstance(dash, DashboardScreen) and dash.alerts
        ws = (await export_here(pilot, out, "Что требует внимания")).active
        rows = data_rows(ws)
        assert len(rows) == sum(a.count for a in dash.alerts)
        assert ws["A2"].value == "Пункт" and "Что требует внимания" in ws["A1"].value
        # One item opened from the dashboard: only its records.
        item = next(a for a in dash.alerts if a.key != "overdue_training")
        dash.query_one("#todo").highlighted = dash.alerts.index(item)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AlertListScreen)
        ws = (await export_here(pilot, out, "Что требует внимания")).active
        rows = data_rows(ws)
        assert [r[1] for r in rows] == [i.text for i in item.items]
        assert {r[0] for r in rows} == {rows[0][0]} and rows[0][0] in ws["A1"].value
