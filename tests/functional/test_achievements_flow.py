"""Достижения through the keyboard at 80x24: Ctrl+B from any section opens the register;
a master class entered on the card's «Достижения» tab, a seminar for three speakers as
one group entry, search, filter, export, delete; a week of webinars as short learning."""

import datetime as dt

from openpyxl import load_workbook

from metodkab.domain.models import Achievement, ShortLearning, Staff
from metodkab.screens.achievement_forms import (AchievementFormScreen,
                                                GroupAchievementFormScreen, LearningFormScreen)
from metodkab.screens.achievements import AchievementFilterDialog, AchievementsScreen
from metodkab.screens.dialogs import ActionChoiceDialog, ChooserScreen, ConfirmDialog
from metodkab.screens.export import ExportFolderDialog
from metodkab.screens.person_card import PersonCardScreen
from metodkab.storage import repo
from tests.ui import build_app, school_db, settle, type_text

D = dt.date


def people(app) -> dict[str, str]:
    return {name: repo.create(app.store, Staff(last_name=name, first_name="Анна",
                                               positions=["учитель"]))
            for name in ("Андреева", "Борисова", "Васильева", "Григорьева")}


def achievements(app, where="", params=()):
    return repo.find(app.store, Achievement, where, params)


async def choose(pilot, text: str) -> None:
    """On a chooser field: type to narrow the list, Enter takes the first match."""
    await type_text(pilot, text)
    await settle(pilot)
    assert isinstance(pilot.app.screen, ChooserScreen)
    await pilot.press("enter")
    await settle(pilot)


async def test_register_from_every_section_group_entry_filter_export_delete(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    ids = people(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for section in ("f2", "f3", "f8"):               # Ctrl+B works from any section
            await pilot.press(section)
            await settle(pilot)
            await pilot.press("ctrl+b")
            await settle(pilot)
            assert isinstance(app.screen, AchievementsScreen)
        screen = app.screen
        assert "Достижений не найдено" in str(screen.query_one("#status").render())

        # Ctrl+G: one seminar, three speakers.
        await pilot.press("ctrl+g")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, GroupAchievementFormScreen)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("space", "space", "space")       # each Space marks and moves on
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down")
        await choose(pilot, "выступ")
        await pilot.press("down")
        await choose(pilot, "школ")
        await pilot.press("down")
        await type_text(pilot, "05.10.2026")
        await pilot.press("down")
        await type_text(pilot, "Педсовет-семинар [b]ФГ[/b]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        group = achievements(app)
        assert len(group) == 3 and len({a.group_id for a in group}) == 1
        assert {a.staff_id for a in group} == {ids["Андреева"], ids["Борисова"],
                                               ids["Васильева"]}
        assert {(a.kind, a.level, a.date, a.title) for a in group} == {
            ("выступление", "школьный", D(2026, 10, 5), "Педсовет-семинар [b]ФГ[/b]")}
        table = screen.query_one("#ach-table")
        assert table.row_count == 3
        # user text is text: the brackets are shown, not taken as markup (cut with «…»
        # at 80 columns: the title is longer than its column)
        assert table.get_row_at(0)[4].plain == "Педсовет-семинар [b]ФГ[…"

        # Ins: one contest win for Григорьева.
        await pilot.press("insert")
        await settle(pilot)
        assert isinstance(app.screen, AchievementFormScreen)
        await choose(pilot, "Григ")
        await pilot.press("down")
        await choose(pilot, "конкурс")
        await pilot.press("down")
        await choose(pilot, "регион")
        await pilot.press("down")
        await type_text(pilot, "12.04.2026")
        await pilot.press("down")
        await type_text(pilot, "Учитель года")
        await pilot.press("down")
        await choose(pilot, "побед")
        await pilot.press("down")
        await type_text(pilot, "Министерство образования")
        await pilot.press("down")
        await type_text(pilot, "C:\\Документы\\диплом.pdf")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        win = achievements(app, "staff_id = ?", (ids["Григорьева"],))[0]
        assert (win.result, win.organiser, win.evidence) == (
            "победитель", "Министерство образования", "C:\\Документы\\диплом.pdf")
        assert table.row_count == 4

        # Search and filter.
        await type_text(pilot, "григ")
        await settle(pilot)
        assert table.row_count == 1
        await pilot.press("escape")                      # clears the search
        await settle(pilot)
        assert table.row_count == 4
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, AchievementFilterDialog)
        await pilot.press("down")                        # «Уровень»
        await choose(pilot, "школ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert table.row_count == 3
        assert "школьный" in str(screen.query_one("#status").render())

        # Ctrl+E: the register as filtered into Excel.
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ExportFolderDialog)
        field = app.screen.query_one("#export-folder")
        field.value = str(tmp_path)
        await pilot.press("enter")
        await settle(pilot, 4)
        await pilot.press("escape")
        await settle(pilot)
        files = list(tmp_path.glob("Достижения*.xlsx"))
        assert len(files) == 1
        sheet = load_workbook(files[0]).active
        assert "школьный" in sheet["A1"].value
        assert [sheet.cell(r, 5).value for r in range(3, sheet.max_row + 1)] == [
            "Педсовет-семинар [b]ФГ[/b]"] * 3

        # Del on a group record: the whole group.
        table.focus()
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ActionChoiceDialog)
        await pilot.click("#act-all")
        await settle(pilot)
        assert [a.staff_id for a in achievements(app)] == [ids["Григорьева"]]
        assert table.row_count == 0


async def test_card_tab_master_class_and_a_week_of_webinars(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    ids = people(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "enter")                # Андреева
        await settle(pilot)
        card = app.screen
        assert isinstance(card, PersonCardScreen)
        await pilot.press("6")
        await settle(pilot)
        assert card.focused.id == "ach-table"

        await pilot.press("insert")
        await settle(pilot)
        assert isinstance(app.screen, AchievementFormScreen)
        await choose(pilot, "мастер")
        await pilot.press("down")
        await choose(pilot, "муниц")
        await pilot.press("down")
        await type_text(pilot, "14.11.2026")
        await pilot.press("down")
        await type_text(pilot, "Приёмы смыслового чтения")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is card
        made = achievements(app)
        assert [(a.staff_id, a.kind, a.level) for a in made] == [
            (ids["Андреева"], "мастер-класс", "муниципальный")]
        assert card.query_one("#ach-table").row_count == 1

        # Three webinars of a week, on the lower list.
        card.query_one("#learn-table").focus()
        for day in ("10", "11", "12"):
            await pilot.press("insert")
            await settle(pilot)
            assert isinstance(app.screen, LearningFormScreen)
            await pilot.press("down")                    # «Вид» stays «вебинар»
            await type_text(pilot, f"Флагманские программы, {day}.11")
            await pilot.press("down")
            await type_text(pilot, "Канал Просвещения")
            await pilot.press("down")
            await type_text(pilot, "1,5")
            await pilot.press("down", "down")
            await type_text(pilot, f"{day}.11.2026")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is card
        learning = repo.find(app.store, ShortLearning)
        assert len(learning) == 3 and {x.hours for x in learning} == {1.5}
        assert card.query_one("#learn-table").row_count == 3
        assert "часов: 4,5" in str(card.query_one("#growth-summary").render())

        # 16 hours is a ПК, not short learning: refused with the reason beside the field.
        await pilot.press("insert")
        await settle(pilot)
        await pilot.press("down")
        await type_text(pilot, "Курс")
        await pilot.press("down", "down")
        await type_text(pilot, "16")
        await pilot.press("down", "down")
        await type_text(pilot, "12.11.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LearningFormScreen)
        assert "16" in str(app.screen.query_one("#error-hours").render())
        await pilot.press("escape")
        await settle(pilot)
        if isinstance(app.screen, ConfirmDialog):
            await pilot.click("#yes")
            await settle(pilot)
        assert app.screen is card
        assert len(repo.find(app.store, ShortLearning)) == 3

        # Del on a webinar.
        card.query_one("#learn-table").focus()
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert len(repo.find(app.store, ShortLearning)) == 2
        assert card.query_one("#learn-table").row_count == 2


async def test_route_step_points_to_short_learning_as_evidence(tmp_path):
    from metodkab.domain.models import IndividualRoute, RouteStep
    from metodkab.screens.route import RouteScreen
    from metodkab.screens.route_forms import StepFormScreen

    app = build_app(school_db(tmp_path / "s.sqlite"))
    ids = people(app)
    webinar = repo.create(app.store, ShortLearning(
        staff_id=ids["Андреева"], title="Флагманские программы", platform="Канал Просвещения",
        hours=1.5, date=D(2026, 11, 10)))
    route = repo.create(app.store, IndividualRoute(
        staff_id=ids["Андреева"], period_start=D(2026, 9, 1), period_end=D(2027, 5, 31),
        status="утверждён", approved_date=D(2026, 9, 1)))
    step = repo.create(app.store, RouteStep(route_id=route, goal="Читательская грамотность"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(RouteScreen(route))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, StepFormScreen)
        form.query_one("#field-learning_id").focus()
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ChooserScreen)
        await choose_from_list(pilot, "Флагман")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RouteScreen)
        assert repo.get(app.store, RouteStep, step).learning_id == webinar
        assert "Флагманские программы" in str(app.screen.query_one("#step-detail").render())


async def choose_from_list(pilot, text: str) -> None:
    await type_text(pilot, text)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_ctrl_w_on_the_card_prints_the_attestation_portfolio(tmp_path):
    from docx import Document

    from metodkab.screens.dialogs import MessageDialog

    app = build_app(school_db(tmp_path / "s.sqlite"))
    ids = people(app)
    repo.create(app.store, Achievement(staff_id=ids["Андреева"], kind="мастер-класс",
                                       level="муниципальный", date=D(2026, 4, 2),
                                       title="Приёмы смыслового чтения"))
    repo.create(app.store, ShortLearning(staff_id=ids["Андреева"], title="Вебинар ФГ",
                                         hours=1.5, date=D(2026, 11, 10)))
    out = tmp_path / "docs"
    out.mkdir()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonCardScreen)
        await pilot.press("ctrl+w")
        await settle(pilot)
        assert isinstance(app.screen, ExportFolderDialog)
        app.screen.query_one("#export-folder").value = str(out)
        await pilot.press("enter")
        await settle(pilot, 4)
        assert isinstance(app.screen, MessageDialog)
        [path] = out.glob("*.docx")
        assert path.name == "Портфолио Андреева А. 2026-11-23.docx"
        doc = Document(path)
        text = "\n".join([p.text for p in doc.paragraphs] + [
            c.text for t in doc.tables for row in t.rows for c in row.cells])
        assert "Портфолио педагогического работника" in text
        assert "Приёмы смыслового чтения" in text and "Вебинар ФГ" in text
        assert "за 5 лет: 24.11.2021 – 23.11.2026" in text
        assert not list(out.glob(".~*"))                 # no temporary file left


async def test_f4_on_evidence_chooses_a_file_whose_path_is_kept(tmp_path):
    from metodkab.screens.exchange_files import PathDialog
    from tests.functional.test_navigation_fixes import settle_tree

    proof = tmp_path / "Диплом победителя.pdf"
    proof.write_bytes(b"%PDF-1.4 test")
    app = build_app(school_db(tmp_path / "s.sqlite"))
    ids = people(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(AchievementFormScreen(initial={"staff_id": ids["Борисова"]}))
        await settle(pilot)
        form = app.screen
        await choose(pilot, "конкурс")
        await pilot.press("down")
        await choose(pilot, "муниц")
        await pilot.press("down")
        await type_text(pilot, "01.10.2026")
        await pilot.press("down")
        await type_text(pilot, "Педагогический дебют")
        form.query_one("#field-evidence").focus()
        await pilot.press("f4")
        await settle_tree(pilot)                 # the folder tree's loader is not waited for
        assert isinstance(app.screen, PathDialog)
        field = app.screen.query_one("#pd-path")
        field.value = str(proof)
        await pilot.press("ctrl+s")
        await settle_tree(pilot)
        assert app.screen is form
        assert form.query_one("#field-evidence").value == str(proof)
        await pilot.press("ctrl+s")
        await settle(pilot)
        [saved] = achievements(app)
        assert saved.evidence == str(proof)
        stored = app.store.db.conn.execute("SELECT evidence FROM achievement").fetchone()[0]
        assert stored == str(proof)                      # the path, not the file's bytes
        assert proof.read_bytes() == b"%PDF-1.4 test"


async def test_main_tab_names_the_persons_achievements_and_short_learning(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    ids = people(app)
    repo.create(app.store, Achievement(staff_id=ids["Андреева"], kind="выступление",
                                       level="школьный", date=D(2026, 4, 2), title="Доклад"))
    for day in (10, 11):
        repo.create(app.store, ShortLearning(staff_id=ids["Андреева"], title="Вебинар",
                                             hours=1.5, date=D(2026, 11, day)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        text = str(app.screen.query_one("#main-info").render())
        assert "Достижения: 1 · самообразование: 2 (часов: 3)" in text
