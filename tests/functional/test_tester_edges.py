"""The rough edges a tester still found at 80x24 (issue 17), each done with the keys the
tester pressed and checked on what the screen showed."""

from __future__ import annotations

import re

from textual import constants as textual_constants
from textual.widgets import DataTable, Label

from metodkab.domain.models import Programme, Staff
from metodkab.domain.parse import format_date
from metodkab.screens.dialogs import ChooserScreen
from metodkab.screens.person_card import PersonCardScreen
from metodkab.screens.programme import ProgrammeScreen
from metodkab.screens.settings import SettingsScreen
from metodkab.screens.staff import StaffFormScreen, StaffListScreen
from metodkab.storage import repo
from tests.functional.test_office_daily import office  # noqa: F401 (fixture)
from tests.ui import build_app, school_db, settle, type_text


def line(widget, y: int = 0) -> str:
    return "".join(segment.text for segment in widget.render_line(y)).rstrip()


async def open_subjects(pilot):
    """Кадры → Ins → F4 on «Предметы»: a long list, the focus in its filter."""
    await settle(pilot)
    await pilot.press("f2", "insert")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, StaffFormScreen)
    form.query_one("#field-subjects").focus()
    await pilot.press("f4")
    await settle(pilot)
    chooser = pilot.app.screen
    assert isinstance(chooser, ChooserScreen) and chooser.focused.id == "filter"
    return form, chooser


# --- 1. The pick-several chooser after a filter ---------------------------------------


async def test_space_after_a_filter_marks_the_highlighted_entry(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        form, chooser = await open_subjects(pilot)
        await type_text(pilot, "геом")
        await pilot.press("space")
        await settle(pilot)
        choices = chooser.query_one("#choices")
        assert chooser.query_one("#filter").value == "геом"     # not «геом »
        assert line(choices) == "[x] геометрия"
        await pilot.press(*["backspace"] * 4)                   # another one, by its name
        await type_text(pilot, "алг")
        await pilot.press("space", "enter")
        await settle(pilot)
        assert app.screen is form
        assert line(form.query_one("#field-subjects")) == "алгебра, геометрия"


async def test_enter_with_nothing_marked_takes_the_highlighted_entry(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        form, chooser = await open_subjects(pilot)
        await type_text(pilot, "геом")
        await pilot.press("enter")                              # from the filter
        await settle(pilot)
        assert app.screen is form
        assert line(form.query_one("#field-subjects")) == "геометрия"

        await pilot.press("f4")                                 # again
        await settle(pilot)
        await type_text(pilot, "геом")
        await pilot.press("down", "space")                      # in the list: unmarked
        await settle(pilot)
        assert line(app.screen.query_one("#choices")) == "[ ] геометрия"
        await pilot.press("enter")                              # unmarked on purpose: none
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#field-subjects").value == ()

        await pilot.press("f4")                                 # marked, unmarked, Enter:
        await settle(pilot)                                     # still none
        await type_text(pilot, "геом")
        await pilot.press("space", "space", "enter")
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#field-subjects").value == ()


async def test_space_marks_and_moves_on_so_space_space_marks_two(tmp_path):
    """Space marks the highlighted entry and the highlight goes to the next one (in the
    filter and in the list alike); Enter takes what is marked."""
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        form, chooser = await open_subjects(pilot)
        choices = chooser.query_one("#choices")
        first, second, third = (line(choices, y)[4:] for y in range(3))
        await pilot.press("space", "space")                    # from the filter
        await settle(pilot)
        assert [line(choices, y)[:3] for y in range(3)] == ["[x]", "[x]", "[ ]"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        assert line(form.query_one("#field-subjects")) == f"{first}, {second}"

        await pilot.press("f4")                                 # in the list: the third too
        await settle(pilot)
        chooser = app.screen
        choices = chooser.query_one("#choices")
        await pilot.press("down", "down", "down", "space")
        await settle(pilot)
        assert chooser.focused is choices
        assert [line(choices, y)[:3] for y in range(4)] == ["[x]", "[x]", "[x]", "[ ]"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        assert line(form.query_one("#field-subjects")) == f"{first}, {second}, {third}"


# --- 2. Кадры: Enter in the search box ---------------------------------------------------


def person(store, last: str, first: str, middle: str) -> str:
    return repo.create(store, Staff(last_name=last, first_name=first, middle_name=middle,
                                    positions=["учитель"]))


async def test_enter_on_a_search_with_one_match_opens_the_card(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        ivanov = person(app.store, "Иванов", "Иван", "Иванович")
        person(app.store, "Белова", "Анна", "Сергеевна")
        person(app.store, "Беляев", "Пётр", "Ильич")
        await pilot.press("f2")
        await settle(pilot)
        await type_text(pilot, "иван")
        await pilot.press("enter")              # at once: the list has not caught up yet
        await settle(pilot)
        card = app.screen
        assert isinstance(card, PersonCardScreen) and card.staff_id == ivanov

        await pilot.press("escape")
        await settle(pilot)
        staff = app.screen
        assert isinstance(staff, StaffListScreen)
        staff.search_box.focus()
        await pilot.press("ctrl+u")             # the search box emptied
        await type_text(pilot, "бел")
        await settle(pilot)
        await pilot.press("enter")              # two match: to the list, nothing opened
        await settle(pilot)
        assert app.screen is staff and staff.focused is staff.table
        assert staff.table.row_count == 2


# --- 3. F7: the header line whole at 80 columns ------------------------------------------

LONG_TITLE = ("Программа развития методической службы школы на 2025–2028 годы "
              "«Каждый педагог — профессионал»")


async def test_programme_header_shows_the_whole_title_at_80_columns(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    repo.create(app.store, Programme(title=LONG_TITLE, year_from=2025, year_to=2028,
                                     is_current=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot, 3)
        assert isinstance(app.screen, ProgrammeScreen)
        header = app.screen.query_one("#prog-header")
        shown = [line(header, y) for y in range(header.size.height)]
        assert " ".join(s.strip() for s in shown) == (
            "2025–2028 · на 23.11.2026 · " + LONG_TITLE)
        assert all(len(s) <= 80 for s in shown)

        # Not the current one: «не текущая» before the title, never cut; a title too long
        # for two lines ends with «…».
        longer = LONG_TITLE + " и ещё очень много слов" * 4
        other = repo.create(app.store, Programme(title=longer, year_from=2029, year_to=2031))
        screen = app.screen
        await pilot.press("ctrl+l")
        await settle(pilot)
        table = app.screen.query_one("#programmes")
        table.move_cursor(row=table.get_row_index(other))
        await pilot.press("enter")
        await settle(pilot, 3)
        assert app.screen is screen
        shown = [line(header, y) for y in range(header.size.height)]
        assert len(shown) == 2 and "не текущая" in shown[0]
        assert shown[1].endswith("…") and len(shown[1]) <= 78 + 1


# --- 4. Настройки: every label on one line at 80x24 -----------------------------------


async def test_settings_labels_fit_beside_their_fields_at_80_columns(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f10")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        rows = list(screen.form.rows.values())
        assert len(rows) > 30
        for row in rows:                            # each row scrolled into view, as seen
            row.field.focus()
            await settle(pilot, 1)
            label = row.query_one(".form-label", Label)
            assert label.size.height == 1, row.label_text
            text = line(label)
            assert text.startswith(row.label_text.rstrip(" *")), (text, row.label_text)
            assert row.field.region.x >= label.region.right     # beside, never over it
            if row.has_class("-number"):
                assert row.field.size.width >= 3
            else:
                assert row.field.size.width >= 10
        # The school's long names get the wide field; the empty document place says what
        # goes there.
        assert screen.form.widget("full_name").size.width >= 48
        assert screen.form.widget("doc_place").placeholder == "например, с. Берёзовка"


# --- The 16-colour terminal ---------------------------------------------------------------

_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def as_seen(app, widget, y: int = 0) -> str:
    """Line ``y`` of ``widget`` as the app's console writes it, colours dropped: what a
    monochrome terminal shows. The codes themselves must be the 16 colours' ones."""
    ansi = app.console._render_buffer(list(widget.render_line(y)))
    for codes in _SGR.findall(ansi):
        assert not {"38", "48"} & set(codes.split(";")), codes    # no 256/true colour
    return _SGR.sub("", ansi).rstrip()


async def test_marks_read_in_text_on_a_16_colour_terminal(tmp_path, monkeypatch):
    """TEXTUAL_COLOR_SYSTEM=standard, as on an old PC's terminal: a marked and an unmarked
    entry of a pick-several list differ in their characters, not in colour alone."""
    monkeypatch.setattr(textual_constants, "COLOR_SYSTEM", "standard")
    app = build_app(school_db(tmp_path / "s.sqlite"))
    assert app.console.color_system == "standard"
    async with app.run_test(size=(80, 24)) as pilot:
        form, chooser = await open_subjects(pilot)
        await type_text(pilot, "ия")            # геометрия, биология, история …
        await pilot.press("space")
        await settle(pilot)
        choices = chooser.query_one("#choices")
        first, second = as_seen(app, choices, 0), as_seen(app, choices, 1)
        assert first.startswith("[x] ") and second.startswith("[ ] ")
        assert first[4:] != second[4:]


async def test_overdue_and_urgent_dates_carry_a_mark_not_red_alone(tmp_path, monkeypatch):
    """Аттестация's «менее 3 мес.» and a passed «Подать до», and the overdue courses list's
    «уже просрочено», were red against yellow only — on a 16-colour terminal yellow came out
    bright red. Each now starts with «!», as the hint under the list says."""
    from metodkab.screens.attestation import AttestationScreen
    from metodkab.screens.training_overdue import OverdueScreen
    from tests.functional.test_card_flow import dev_school_db

    monkeypatch.setattr(textual_constants, "COLOR_SYSTEM", "standard")
    path, _ = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot, 3)
        screen = app.screen
        assert isinstance(screen, AttestationScreen)
        table = screen.query_one("#exp-table")
        rows = screen.data.expiring
        assert rows and any(r.red for r in rows) and not all(r.red for r in rows)
        for y, r in enumerate(rows, start=1):           # line 0 is the header
            until, apply = as_seen(app, table, y).split()[-2:]
            assert until.startswith("!") == r.red, (until, r)
            assert apply.startswith("!") == (r.apply_by <= screen.data.day), (apply, r)
        assert "«!» — меньше 3 мес." in as_seen(app, screen.query_one(".att-hint"))

        await pilot.press("f3", "ctrl+l")
        await settle(pilot, 3)
        screen = app.screen
        assert isinstance(screen, OverdueScreen)
        table = screen.query_one(DataTable)
        dated = [(y, r) for y, r in enumerate(screen.rows, start=1)
                 if r.overdue_from is not None and not r.clarify]
        assert any(r.soon for _, r in dated) and not all(r.soon for _, r in dated)
        for y, r in dated:
            since = table.get_row_at(y - 1)[list(table.columns).index("since")].plain
            assert since.startswith("!") != r.soon, (since, r)
        assert as_seen(app, screen.query_one("#od-hint")).startswith("«!» — уже просрочено")


async def test_a_16_colour_terminal_shows_its_own_yellow(tmp_path, monkeypatch):
    """On a real 16-colour terminal the app uses the terminal's colours: a category ending
    in 3–6 months is written in yellow (SGR 33) — through Textual's theme it came out
    bright red (91), the colour of the urgent ones."""
    from metodkab.app import MetodkabApp
    from tests.functional.test_card_flow import dev_school_db

    monkeypatch.setattr(textual_constants, "COLOR_SYSTEM", "standard")
    monkeypatch.setattr(MetodkabApp, "is_headless", property(lambda self: False))
    path, _ = dev_school_db(tmp_path / "dev.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.ansi_color
        await pilot.press("f5")
        await settle(pilot, 3)
        screen = app.screen
        table = screen.query_one("#exp-table")
        y = next(i for i, r in enumerate(screen.data.expiring, start=1) if not r.red)
        date = format_date(screen.data.expiring[y - 1].valid_until)
        ansi = app.console._render_buffer(list(table.render_line(y)))
        codes = next(c for c, text in re.findall(r"\x1b\[([0-9;]*)m([^\x1b]*)", ansi)
                     if date in text)
        assert "33" in codes.split(";"), codes


async def test_first_run_school_form_labels_fit_on_one_line(tmp_path):
    """The first start asks for the school: its labels on one line, as in Настройки."""
    from metodkab.clock import Clock
    from metodkab.screens.settings import SchoolFormScreen
    from metodkab.storage.db import open_store
    from tests.ui import TODAY

    open_store(tmp_path / "new.sqlite", clock=Clock(TODAY), exclusive=False).close()
    app = build_app(tmp_path / "new.sqlite")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SchoolFormScreen)
        for row in screen.form.rows.values():
            label = row.query_one(".form-label", Label)
            assert label.size.height == 1, row.label_text
            assert line(label).startswith(row.label_text.rstrip(" *")), row.label_text


async def test_an_empty_text_field_shows_a_line_on_a_16_colour_terminal(tmp_path, monkeypatch):
    """A 16-colour terminal has no shade between a field and the screen: Кадры → Ins showed
    nothing beside «Имя *» or «Телефон». An empty field shows a line to write on; what is
    typed replaces it; a date keeps its «ДД.ММ.ГГГГ»."""
    from metodkab.app import MetodkabApp

    monkeypatch.setattr(textual_constants, "COLOR_SYSTEM", "standard")
    monkeypatch.setattr(MetodkabApp, "is_headless", property(lambda self: False))
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "insert")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, StaffFormScreen)
        await type_text(pilot, "Петров")
        await pilot.press("tab")
        await settle(pilot)
        field = form.form.widget
        assert as_seen(app, field("last_name")) == "Петров"
        for name in ("first_name", "middle_name", "phone", "email"):
            shown = as_seen(app, field(name)).replace("\n", "")    # console wraps at 80
            assert shown.startswith("_" * 40) and set(shown) == {"_"}, (name, shown)
        assert as_seen(app, field("birth_date")) == "ДД.ММ.ГГГГ"


async def test_an_empty_text_field_has_no_line_on_a_full_colour_terminal(tmp_path):
    """Where a field has its own shade the line is not drawn (the snapshots stay)."""
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "insert")
        await settle(pilot)
        assert line(app.screen.form.widget("phone")) == ""


async def test_ctrl_c_outside_a_field_says_how_to_quit_in_russian(tmp_path):
    """Ctrl+C on a list (a Windows user's «copy», a Linux user's «stop»): Textual's own
    hint «Press ctrl+q to quit the app» was the one English line of the program."""
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "down", "ctrl+c")
        await settle(pilot)
        notes = [(n.title, n.message) for n in app._notifications]
        assert notes == [("Выйти из программы?",
                          "Выход — Ctrl+Q. Ctrl+C копирует выделенный текст в поле ввода.")]


# --- Настройки: the star's space; a refused save says so, not «Сохранено» ----------------


async def test_settings_required_label_has_its_space_and_a_refused_save_no_saved_notice(
        tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f10")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        label = screen.form.rows["full_name"].query_one(".form-label", Label)
        assert line(label) == "Полное наименование *"           # was «…наименование*»
        assert line(screen.form.rows["short_name"].query_one(".form-label", Label)) == (
            "Краткое наименование *")

        await pilot.press("ctrl+s")                             # saved: «Сохранено»
        await settle(pilot)
        assert [n.message for n in app._notifications] == ["Сохранено"]

        await pilot.press("f10")                                # at once a bad value
        await settle(pilot)
        form = app.screen.form
        form.widget("target_young_supported").value = "170"
        await pilot.press("ctrl+s")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert "Сохранено" not in messages and len(messages) == 1
        assert "от 0 до 100" in line(form.rows["target_young_supported"].query_one(
            ".form-error"))


# --- Импорт: «Столбцы:» cut at a word with «…», not mid-word by its box -----------------


async def test_import_columns_line_is_cut_at_a_word_with_an_ellipsis(tmp_path):
    from metodkab.screens.import_preview import ImportPreviewScreen
    from tests.data import make_import_samples as samples
    from tests.functional.test_import_flow import open_path
    from tests.functional.test_import_flow import settle as settle_import

    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_import(pilot)
        await pilot.press("f2")
        await settle_import(pilot)
        await pilot.press("ctrl+t")
        await settle_import(pilot)
        await open_path(pilot, samples.STAFF_XLSX)
        preview = app.screen
        assert isinstance(preview, ImportPreviewScreen)
        mapping = preview.query_one("#imp-mapping")
        shown = [line(mapping, y) for y in range(mapping.size.height)]
        assert len(shown) == 2 and shown[0].startswith("Столбцы: B «Фамилия» → Фамилия")
        assert shown[-1].endswith("…")
        full = " ".join(preview.mapping_text.split())
        seen = " ".join(shown)[:-1].rstrip(";,:")
        assert full.startswith(seen) and full[len(seen)] in " ;,:"      # a whole word


# --- Office: a school's name whole in the schools list at 80 columns ----------------------


async def test_office_schools_list_shows_a_long_quoted_name_whole(office):
    from tests.functional.test_exchange_flow import settle as settle_office

    office.school("0412", name="МБОУ «Берёзовская СОШ»")
    app = office.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_office(pilot)
        table = app.screen.query_one(DataTable)
        header, row = line(table, 0), line(table, 1)
        assert "Педагоги" not in header and header.split()[-1] == "Пед."
        assert "МБОУ «Берёзовская СОШ»" in row                 # was «МБОУ «Берёзовск»
        assert re.search(r"\b\d\d\.\d\d\.\d\d\b", row)           # dates as 23.11.26


# --- Office F8: the indicators' column headers tell one from another at 80 columns --------


async def test_f8_column_headers_are_distinct_and_whole_at_80_columns(tmp_path):
    from metodkab.screens.exchange_municipal import make_municipal_app
    from metodkab.screens.office_matrix import FIXED, MatrixScreen
    from tests.functional.test_exchange_flow import settle as settle_office
    from tests.functional.test_office_matrix import _office

    db, clock = _office(tmp_path)
    app = make_municipal_app(db, clock=clock, blink=False, user="Тест")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_office(pilot)
        await pilot.press("f8")
        await settle_office(pilot, 3)
        screen = app.screen
        assert isinstance(screen, MatrixScreen)
        table = screen.query_one("#mx-table", DataTable)
        heads = [str(c.label) for c in table.ordered_columns][FIXED:]
        assert len(heads) == len(screen.figures) > 20
        assert len(set(heads)) == len(heads)                     # no two alike
        assert all(len(h) <= c.width for h, c in zip(heads, table.ordered_columns[FIXED:]))
        assert "Диагности" not in heads
        assert {"Диагн. ФГ", "Диагн.год"} <= set(heads)
        seen = line(table, 0)                                    # what the header row shows
        assert "Диагности" not in seen


def test_f8_headers_of_one_indicator_split_by_settings_carry_their_number():
    from metodkab.reports import indicators as ri
    from metodkab.screens.office_rows import column_headers

    def figure(key, name):
        return ri.Result(key=key, group="", name=name, count=0, base=0)

    heads = column_headers([figure("trained_5y", "ПК/переподготовка за 3 года"),
                            figure("trained_5y", "ПК/переподготовка за 5 лет"),
                            figure("edu_higher", "Высшее образование")])
    assert heads == ["ПК/ПП 3", "ПК/ПП 5", "Высшее"]
