"""Ctrl+W — «Документ для печати (Word)» — through the real app: the programme (F7), the
mentorship order (F6, also from the search box), the staff development report (F8) and a
person's ИОМ; each time the folder is asked, the file written and its full path shown."""

import docx
from textual.widgets import SelectionList

from metodkab.clock import Clock
from metodkab.screens import export
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.indicators import IndicatorsScreen
from metodkab.screens.mentorship import MentorshipListScreen
from metodkab.screens.order_dialog import OrderPairsDialog
from metodkab.screens.programme import ProgrammeScreen
from metodkab.screens.report_period import ReportPeriodDialog
from metodkab.screens.route import RouteScreen
from metodkab.storage.db import open_store
from tests.ui import TODAY, build_app, school_db, settle, type_text
from tests.unit.test_documents import build_school


async def print_document(pilot, out, name, *, press=True):
    """Ctrl+W (unless ``press`` is False: already asked), Enter in the folder dialog; the
    message names the file; Esc closes it."""
    app = pilot.app
    if press:
        await pilot.press("ctrl+w")
        await settle(pilot)
    assert isinstance(app.screen, export.ExportFolderDialog)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, MessageDialog)
    path = out / name
    assert str(path.resolve()) in app.screen.message
    await pilot.press("escape")
    await settle(pilot)
    return docx.Document(str(path))


async def test_ctrl_w_prints_the_documents(tmp_path, monkeypatch):
    out = tmp_path / "Документы"
    monkeypatch.setattr(export, "default_folder", lambda: out)
    path = school_db(tmp_path / "s.sqlite")
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    ids, pid, route, _ = build_school(store)
    store.close()
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)

        await pilot.press("f7")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeScreen)
        document = await print_document(pilot, out, "Программа развития 2025–2027.docx")
        plan = document.tables[2]              # after the approvals and the passport
        assert [c.text for c in plan.rows[2].cells][:2] == ["1.1", "Семинар по ФГОС"]
        assert document.tables[3].rows[2].cells[7].text == "20"      # 2026 (§6: first 3 years)
        assert isinstance(app.screen, ProgrammeScreen)

        # The register: Ctrl+W even while typing in the search box.
        await pilot.press("f6")
        await settle(pilot)
        register = app.screen
        assert isinstance(register, MentorshipListScreen)
        register.query_one("#search").focus()
        await type_text(pilot, "Ива")
        await settle(pilot)
        # The pairs without an order, all marked; Space unmarks, Ctrl+S with none marked
        # says so, Space marks again and Ctrl+S goes on to the folder question.
        await pilot.press("ctrl+w")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, OrderPairsDialog)
        pairs = dialog.query_one("#order-pairs", SelectionList)
        assert pairs.option_count == 1 and len(pairs.selected) == 1
        assert "Иванова А. П. → Сидоров О. И." in str(pairs.get_option_at_index(0).prompt)
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog and not pairs.selected
        assert "Отметьте" in str(dialog.query_one("#order-error").render())
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, export.ExportFolderDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        await pilot.press("escape")
        await settle(pilot)
        document = docx.Document(str(out / "Приказ о закреплении наставников 2026-11-23.docx"))
        rows = document.tables[0].rows
        assert [c.text for c in rows[1].cells][1:3] == ["Иванова Анна Петровна, учитель",
                                                        "Сидоров Олег Игоревич, учитель"]
        assert register.query_one("#search").value == "Ива"

        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, IndicatorsScreen)
        # Ctrl+W asks for the period first: ↓↓ Enter — the calendar year 2025.
        await pilot.press("ctrl+w")
        await settle(pilot)
        assert isinstance(app.screen, ReportPeriodDialog)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        document = await print_document(pilot, out, "Отчёт о развитии кадров 2025-01-01–2025-12-31.docx",
                                        press=False)
        assert "на 31.12.2025; период: 01.01.2025 – 31.12.2025" in "\n".join(
            p.text for p in document.paragraphs)
        names = [r.cells[0].text for r in document.tables[0].rows]
        assert "Молодые педагоги с поддержкой" in names
        assert any("Сидоров Олег" in p.text for p in document.paragraphs)

        # The ИОМ editor of Петрова's route.
        app.push_screen(RouteScreen(route))
        await settle(pilot)
        document = await print_document(pilot, out, "ИОМ Петрова М. И. 2026–2027.docx")
        assert document.tables[1].rows[2].cells[1].text == "Освоить ФГОС"
        assert isinstance(app.screen, RouteScreen)

        assert sorted(p.name for p in out.iterdir()) == [
            "ИОМ Петрова М. И. 2026–2027.docx", "Отчёт о развитии кадров 2025-01-01–2025-12-31.docx",
            "Приказ о закреплении наставников 2026-11-23.docx",
            "Программа развития 2025–2027.docx"]
