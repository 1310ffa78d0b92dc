"""Forms and fields as the tester found them: Настройки drops what was not saved, Ctrl+Q
asks about unsaved forms, a short chooser filters by typing, contacts are checked, long
texts show their beginning, several chosen values fit, every error shows at once."""

from metodkab.domain.models import Association, School, Staff
from metodkab.screens.associations import AssociationFormScreen
from metodkab.screens.dashboard import DashboardScreen
from metodkab.screens.dialogs import ChooserScreen, ConfirmDialog
from metodkab.screens.settings import SettingsScreen
from metodkab.screens.staff import StaffFormScreen
from metodkab.screens.training_forms import TrainingFormScreen
from metodkab.storage import repo
from metodkab.storage.school import get_school, save_school
from tests.ui import build_app, school_db, settle, type_text

LONG_NAME = ("Муниципальное бюджетное общеобразовательное учреждение «Средняя "
             "общеобразовательная школа № 1»")


def error_of(screen, name: str) -> str:
    return str(screen.query_one(f"#error-{name}").render())


def shown(widget) -> str:
    """The text a field shows on screen (its visible line)."""
    return widget.render_line(0).text.rstrip()


def person(store, last: str, first: str, middle: str = "") -> str:
    return repo.create(store, Staff(last_name=last, first_name=first, middle_name=middle,
                                    positions=["учитель"]))


async def answer(pilot, yes: bool) -> None:
    """Choose «Да» or «Нет» in the ConfirmDialog (the focus starts on «Нет»)."""
    assert isinstance(pilot.app.screen, ConfirmDialog)
    if yes:
        await pilot.press("shift+tab")
    await pilot.press("enter")
    await settle(pilot)


# --- 1. Настройки: «Закрыть без сохранения? — Да» drops the edits ------------------------


async def test_settings_dropped_changes_are_not_shown_again(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f10")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SettingsScreen)
        await type_text(pilot, "X")                    # replaces «Полное наименование»
        assert form.form.widget("full_name").value == "X"
        await pilot.press("escape")
        await settle(pilot)
        await answer(pilot, yes=True)
        assert isinstance(app.screen, DashboardScreen)

        await pilot.press("f10")
        await settle(pilot)
        assert app.screen is form
        assert form.form.widget("full_name").value == 'МБОУ "Тестовая СОШ"'
        assert not form.dirty
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert get_school(app.store).full_name == 'МБОУ "Тестовая СОШ"'

        # «Нет» keeps the edits on the form; a save after that stores them.
        await pilot.press("f10")
        await settle(pilot)
        form.form.widget("full_name").focus()
        await type_text(pilot, "Y")
        await pilot.press("escape")
        await settle(pilot)
        await answer(pilot, yes=False)
        assert app.screen is form and form.form.widget("full_name").value == "Y"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert get_school(app.store).full_name == "Y"


# --- 2. Ctrl+Q with a form not saved ------------------------------------------------------


async def test_ctrl_q_asks_about_an_unsaved_form_in_any_section(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "insert")
        await settle(pilot)
        assert isinstance(app.screen, StaffFormScreen)
        await type_text(pilot, "Белова")

        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "несохранённые изменения" in str(app.screen.query_one("#question").render())
        await answer(pilot, yes=False)                 # stay: the form and its text are there
        assert isinstance(app.screen, StaffFormScreen)
        assert app.screen.form.widget("last_name").value == "Белова"
        assert app.is_running

        # A section key asks too (it would close the form); no: the form stays.
        await pilot.press("f12")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await answer(pilot, yes=False)
        assert isinstance(app.screen, StaffFormScreen)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app.current_mode == "staff" and isinstance(app.screen, ConfirmDialog)
        await answer(pilot, yes=True)
        assert app._exit


async def test_ctrl_q_quits_at_once_with_nothing_unsaved(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "insert")              # a form opened but nothing typed
        await settle(pilot)
        await pilot.press("f10")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app._exit


# --- 3. A short chooser: letters typed in the list filter it -----------------------------


async def test_typing_in_a_short_chooser_filters_it(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "insert")
        await settle(pilot)
        form = app.screen
        form.form.widget("education_level").focus()
        await pilot.press("f4")
        await settle(pilot)
        chooser = app.screen
        assert isinstance(chooser, ChooserScreen)
        assert chooser.focused.id == "choices"         # a short list: the focus in the list
        await type_text(pilot, "пр")                   # Cyrillic goes to the filter
        await settle(pilot)
        assert chooser.query_one("#filter").value == "пр"
        labels = [str(chooser.query_one("#choices").get_option_at_index(i).prompt)
                  for i in range(chooser.query_one("#choices").option_count)]
        assert labels and all("пр" in label for label in labels[1:])
        assert "высшее" not in " ".join(labels)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        assert "пр" in (form.form.widget("education_level").single or "")


async def test_typing_in_a_short_multi_chooser_filters_it(tmp_path):
    path = school_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        staff_id = person(app.store, "Белова", "Анастасия", "Сергеевна")
        app.push_screen(TrainingFormScreen(initial={"staff_id": staff_id}))
        await settle(pilot)
        app.screen.form.widget("topics").focus()
        await pilot.press("f4")
        await settle(pilot)
        chooser = app.screen
        assert isinstance(chooser, ChooserScreen) and chooser.multiple
        await type_text(pilot, "вос")
        await settle(pilot)
        assert chooser.query_one("#filter").value == "вос"
        choices = chooser.query_one("#choices")
        assert [str(choices.get_option_at_index(i).prompt)
                for i in range(choices.option_count)] == ["воспитание"]


# --- 4. Телефон and Эл. почта are checked -------------------------------------------------


async def test_wrong_phone_and_email_are_shown_beside_the_fields(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "insert")
        await settle(pilot)
        form = app.screen
        widgets = form.form.widget
        widgets("last_name").value = "Белова"
        widgets("first_name").value = "Анастасия"
        widgets("positions").set_value(["учитель"])
        widgets("phone").value = "abc"
        widgets("email").value = "not-an-email"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "6–20 цифр" in error_of(form, "phone")
        assert "имя@школа.рф" in error_of(form, "email")
        assert repo.find(app.store, Staff) == []

        widgets("phone").value = "+7 (912) 345-67-89"
        widgets("email").value = "belova@school.ru"
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = repo.find(app.store, Staff)
        assert [(p.phone, p.email) for p in saved] == [("+7 (912) 345-67-89",
                                                         "belova@school.ru")]


# --- 5. A long text shows its beginning ---------------------------------------------------


async def test_long_texts_show_their_beginning(tmp_path):
    path = school_db(tmp_path / "s.sqlite")
    app = build_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        save_school(app.store, School(full_name=LONG_NAME, short_name="СОШ № 1",
                                      address="Пермский край, г. Кудымкар, ул. Ленина, д. 1"))
        await pilot.press("f10")
        await settle(pilot)
        form = app.screen
        name = form.form.widget("full_name")
        assert name.has_focus
        assert name.scroll_offset.x == 0 and shown(name).startswith("Муниципальное")
        assert name.selection.start == len(LONG_NAME)  # all selected: typing replaces it
        await pilot.press("down")                     # leave the field
        await settle(pilot)
        assert name.scroll_offset.x == 0 and shown(name).startswith("Муниципальное")

        # Scrolled to the end while editing, the field shows its beginning on leaving.
        name.focus()
        await pilot.press("end")
        assert name.scroll_offset.x > 0
        await pilot.press("tab")
        await settle(pilot)
        assert name.cursor_position == 0 and name.scroll_offset.x == 0
        assert shown(name).startswith("Муниципальное")
        assert shown(form.form.widget("address")).startswith("Пермский край")


# --- 6. Several chosen values fit the field ------------------------------------------------


async def test_several_people_are_summed_up(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        names = [("Белова", "Анастасия", "Сергеевна"), ("Воронцов", "Илья", "Петрович"),
                 ("Гусева", "Мария", "Андреевна"), ("Давыдов", "Олег", "Игоревич"),
                 ("Егорова", "Нина", "Павловна"), ("Жуков", "Артём", "Сергеевич")]
        ids = [person(app.store, *n) for n in names]
        group = repo.create(app.store, Association(name="МО учителей начальных классов"))
        app.push_screen(AssociationFormScreen(group, initial={}))
        await settle(pilot)
        members = app.screen.form.widget("members")
        members.set_value(ids)
        await settle(pilot)
        text = shown(members)                          # «Белова А. С. и ещё 5» at 80x24
        names_shown = text.split(" и ещё ")[0].split(", ")
        assert names_shown[0] == "Белова А. С."
        assert text.endswith(f" и ещё {6 - len(names_shown)}")
        assert len(text) <= members.content_size.width

        members.set_value(ids[:1])                     # one person: in full
        await settle(pilot)
        assert shown(members) == "Белова Анастасия Сергеевна"


# --- 7. Every error at once -----------------------------------------------------------------


async def test_course_shows_every_error_at_once(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        staff_id = person(app.store, "Белова", "Анастасия", "Сергеевна")
        app.push_screen(TrainingFormScreen(initial={"staff_id": staff_id}))
        await settle(pilot)
        form = app.screen
        widgets = form.form.widget
        widgets("title").value = "Функциональная грамотность"
        widgets("hours").value = "8"
        widgets("start_date").value = "25.05.2025"
        widgets("end_date").value = "20.05.2025"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "не меньше 16 ч" in error_of(form, "hours")
        assert "раньше даты начала" in error_of(form, "end_date")

        # A field that does not pass does not hide the date order either.
        widgets("hours").value = "abc"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert error_of(form, "hours") == "Введите целое число"
        assert "раньше даты начала" in error_of(form, "end_date")


async def test_failed_save_selects_the_bad_date_so_typing_replaces_it(tmp_path):
    """Typed «31.02.1995» into a full date field, Ctrl+S: the error, and the whole value
    selected — the corrected date typed next replaces it (it was silently dropped)."""
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "insert")
        await settle(pilot)
        form = app.screen
        await type_text(pilot, "Ёлкина")                     # Фамилия has the focus
        await pilot.press("down")
        await type_text(pilot, "Анна")
        form.query_one("#field-positions").focus()
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("down", "space", "enter")          # учитель
        await settle(pilot)
        birth = form.query_one("#field-birth_date")
        birth.focus()
        await type_text(pilot, "31.02.1995")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StaffFormScreen)
        assert form.focused is birth
        assert birth.selected_text == "31.02.1995"
        await type_text(pilot, "28.02.1995")
        await settle(pilot)
        assert birth.value == "28.02.1995"


async def test_f1_on_a_form_explains_its_fields(tmp_path):
    """F1 on the staff form lists how fields are filled — F4, typing to choose, Space,
    Del, the date format — not only Ctrl+S and Esc; the list screen's F1 does not."""
    from metodkab import strings as S
    from metodkab.screens.help import HelpScreen

    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen) and not app.screen.query("#help-fields")
        await pilot.press("escape", "insert")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        table = help_screen.query_one("#help-fields").content
        keys = [str(cell) for cell in table.columns[0].cells]
        for key in ("F4", "буквы", "Пробел", "Del", "ДД.ММ.ГГГГ"):
            assert key in keys
        own = help_screen.query_one("#help-screen").content
        assert "Ctrl+S" in [str(cell) for cell in own.columns[0].cells]
