"""The demo school's documents printed as the deputy director prints them, at 80x24: the
mentorship order for the pair the demo keeps without one (Ctrl+W in Наставничество), the
staff development report (F8, Ctrl+W) with its № 1324 block counted in Russian, and
Козлова's ИОМ from her card (F2, her name, Enter, 5, Enter, Ctrl+W)."""

import docx

from metodkab.demo import build_demo
from metodkab.screens import export
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.mentorship import MentorshipListScreen
from metodkab.screens.order_dialog import OrderPairsDialog
from metodkab.screens.person_card import PersonCardScreen
from metodkab.screens.report_period import ReportPeriodDialog
from metodkab.screens.route import RouteScreen
from tests.ui import TODAY, build_app, settle, type_text


async def written(pilot, folder):
    """Enter in the folder dialog: the file it names, opened."""
    assert isinstance(pilot.app.screen, export.ExportFolderDialog)
    await pilot.press("enter")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, MessageDialog)
    [path] = [p for p in folder.iterdir() if str(p.resolve()) in dialog.message]
    await pilot.press("escape")
    await settle(pilot)
    return path, docx.Document(str(path))


def text_of(document) -> str:
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def people_word(count: int) -> str:
    """Written out for the test: 1 человек, 2–4 человека, 5–20 человек, 21 человек …"""
    if count % 100 in range(11, 20):
        return "человек"
    return "человека" if count % 10 in (2, 3, 4) else "человек"


async def test_demo_school_prints_its_documents(tmp_path, monkeypatch):
    out = tmp_path / "Документы"
    monkeypatch.setattr(export, "default_folder", lambda: out)
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)

        # Наставничество: the demo's new teacher and her mentor have no order yet; the
        # order names the place and the Положение from Настройки, names declined.
        await pilot.press("f6")
        await settle(pilot)
        assert isinstance(app.screen, MentorshipListScreen)
        await pilot.press("ctrl+w")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, OrderPairsDialog)
        pairs = dialog.query_one("#order-pairs")
        assert pairs.option_count == 1 and len(pairs.selected) == 1
        assert "Семёнова Е. А. → Полякова К. А." in str(pairs.get_option_at_index(0).prompt)
        await pilot.press("ctrl+s")
        await settle(pilot)
        name, order = await written(pilot, out)
        assert name.name == "Приказ о закреплении наставников 2026-11-23.docx"
        text = text_of(order)
        assert "\nс. Берёзовка\n" in text
        assert "утверждённым приказом от 30.09.2025 №\u00a0112-о" in text
        assert "Назначить Морозову Е. Н. куратором" in text
        assert "возложить на заместителя директора Морозову Е. Н." in text
        row = [c.text for c in order.tables[0].rows[1].cells]
        assert row[1:4] == ["Семёнова Екатерина Алексеевна, учитель",
                            "Полякова Ксения Андреевна, учитель; "
                            "иностранный язык (английский)", "новый сотрудник"]

        # F8, Ctrl+W, Enter (the 12 months to the report date): «24 человека», not
        # «24 человек», in the № 1324 block.
        await pilot.press("f8")
        await settle(pilot)
        await pilot.press("ctrl+w")
        await settle(pilot)
        assert isinstance(app.screen, ReportPeriodDialog)
        await pilot.press("enter")
        await settle(pilot)
        _, report = await written(pilot, out)
        block = next(t for t in report.tables if t.rows[0].cells[0].text == "№ п/п")
        units = [r.cells[2].text for r in block.rows[1:]]
        assert units[0] == "26 человек"
        for unit in units:
            count = int(unit.split()[0])
            assert unit.split(" / ")[0] == f"{count} {people_word(count)}"
        assert any("человека /" in u for u in units)

        # Козлова's ИОМ from her card: she signs «ознакомлена»; a step's pair is named as
        # such, and a webinar the action already names is not repeated.
        await pilot.press("f2")
        await settle(pilot)
        await type_text(pilot, "Козл")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonCardScreen)
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RouteScreen)
        await pilot.press("ctrl+w")
        await settle(pilot)
        _, route = await written(pilot, out)
        text = text_of(route)
        assert "С маршрутом ознакомлена" in text and "ознакомлен(а)" not in text
        actions = {r.cells[0].text: r.cells[2].text for r in route.tables[1].rows}
        assert actions["2"].split("\n")[1].startswith("Наставничество: наставник Орлова")
        assert actions["4"].count("Читательская грамотность на уроках русского языка") == 1


async def test_topic_of_self_education_typed_on_the_route_is_printed(tmp_path, monkeypatch):
    """Ctrl+E on Козлова's route, Tab to «Тема самообразования», a new topic typed (the
    old one is selected and replaced), Ctrl+S; Ctrl+W prints it in the ИОМ's personal
    block."""
    out = tmp_path / "Документы"
    monkeypatch.setattr(export, "default_folder", lambda: out)
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await type_text(pilot, "Козл")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        route = app.screen
        assert isinstance(route, RouteScreen)
        await pilot.press("ctrl+e")
        await settle(pilot)
        form = app.screen
        topic = form.query_one("#field-self_education_topic")
        assert topic.value.startswith("Формирование читательской грамотности")
        for _ in range(12):
            if form.focused is topic:
                break
            await pilot.press("tab")
        assert form.focused is topic
        await type_text(pilot, "Смысловое чтение на уроках литературы")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is route
        await pilot.press("ctrl+w")
        await settle(pilot)
        _, document = await written(pilot, out)
        lines = [p.text for p in document.paragraphs]
        assert "Тема самообразования: Смысловое чтение на уроках литературы" in lines


async def test_indicators_workbook_names_programme_rows_as_the_report_does(tmp_path,
                                                                           monkeypatch):
    """F8, Ctrl+E, Enter: the programme's breakdown rows sit under «Программа развития: по
    задачам / направлениям / ответственным» with the task, direction or person as their
    name — no «задача: …» label in the workbook."""
    import openpyxl

    out = tmp_path / "Документы"
    monkeypatch.setattr(export, "default_folder", lambda: out)
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, export.ExportFolderDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        book = openpyxl.load_workbook(out / "Показатели 2026-11-23.xlsx")
        rows = [[c.value for c in row[:2]] for row in book.worksheets[0].iter_rows(min_row=3)]
        sections = {section for section, _ in rows}
        assert {"Программа развития: по задачам", "Программа развития: по направлениям",
                "Программа развития: по ответственным"} <= sections
        names = [name for _, name in rows]
        assert not [n for n in names if n.split(":")[0] in ("задача", "направление",
                                                            "ответственный")]
        tasks = [name for section, name in rows if section == "Программа развития: по задачам"]
        assert tasks[0].startswith("1. Обеспечить непрерывное повышение")


async def test_iom_is_not_agreed_by_a_dismissed_mentor(tmp_path, monkeypatch):
    """Иванова mentors Петрова; F2, Del on Иванова, «Уволить» 20.11.2026; then Петрова's
    card, 5, Enter, Ctrl+W: the pair is no longer active (§6: its mentor is not employed),
    so the ИОМ is agreed by the tutor, not by Иванова."""
    import datetime as dt

    from metodkab.clock import Clock
    from metodkab.domain.models import Mentorship
    from metodkab.screens.dialogs import ActionChoiceDialog, DateDialog
    from metodkab.storage import repo
    from metodkab.storage.db import open_store
    from tests.ui import school_db
    from tests.unit.test_documents import build_school

    out = tmp_path / "Документы"
    monkeypatch.setattr(export, "default_folder", lambda: out)
    path = school_db(tmp_path / "s.sqlite")
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    ids, _, _, _ = build_school(store)
    repo.create(store, Mentorship(mentor_id=ids["ivanova"], mentee_ids=[ids["petrova"]],
                                  form="педагог – педагог", start_date=dt.date(2026, 9, 1),
                                  planned_end=dt.date(2027, 5, 31)))
    store.close()
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "delete")              # Иванова, the first row
        await settle(pilot)
        choice = app.screen
        assert isinstance(choice, ActionChoiceDialog)
        for _ in range(4):
            if choice.focused is not None and choice.focused.id == "act-dismiss":
                break
            await pilot.press("tab")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DateDialog)
        app.screen.query_one("#date").value = ""
        await type_text(pilot, "20.11.2026")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down", "down", "enter")       # Кузнецова, Морозова, Петрова
        await settle(pilot)
        assert isinstance(app.screen, PersonCardScreen)
        assert app.screen.staff_id == ids["petrova"]
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RouteScreen)
        await pilot.press("ctrl+w")
        await settle(pilot)
        _, document = await written(pilot, out)
        agreed = document.tables[0].rows[0].cells[0].text.split("\n")
        assert agreed[:2] == ["СОГЛАСОВАНО", "Тьютор (куратор маршрута)"]
        assert "Иванова" not in agreed[2]


async def test_palette_finds_the_order_by_its_name(tmp_path):
    """In Наставничество, Ctrl+P and «приказ» (what the deputy director looks for, not
    «Word»): the order's command, Enter opens the pairs to put in it."""
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "приказ")
        await settle(pilot, 4)
        await pilot.press("enter")
        await settle(pilot, 4)
        assert isinstance(app.screen, OrderPairsDialog)


async def test_two_periods_ending_today_are_two_reports(tmp_path, monkeypatch):
    """F8, Ctrl+W, the 12 months to the report date; then Ctrl+W, ↓ Enter, «2026 год»: both
    end on 23.11.2026, and the second no longer writes over the first."""
    out = tmp_path / "Документы"
    monkeypatch.setattr(export, "default_folder", lambda: out)
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        names = []
        for keys in (("enter",), ("down", "enter")):
            await pilot.press("ctrl+w")
            await settle(pilot)
            assert isinstance(app.screen, ReportPeriodDialog)
            await pilot.press(*keys)
            await settle(pilot)
            name, document = await written(pilot, out)
            names.append(name.name)
        assert names == ["Отчёт о развитии кадров 2025-11-24–2026-11-23.docx",
                         "Отчёт о развитии кадров 2026-01-01–2026-11-23.docx"]
        assert sorted(p.name for p in out.iterdir()) == sorted(names)
        assert "период: 01.01.2026 – 23.11.2026" in "\n".join(p.text
                                                              for p in document.paragraphs)
