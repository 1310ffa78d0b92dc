"""Every value parser of the import, with the forms schools actually write."""

import datetime as dt

import pytest

from metodkab.importing import values as iv

D = dt.date


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("14.03.1980", D(1980, 3, 14)),
    (" 4.3.1980 ", D(1980, 3, 4)),
    ("14.03.80", D(1980, 3, 14)),          # two digits: a sliding century
    ("1980-03-14", D(1980, 3, 14)),
    ("1980-03-14 00:00:00", D(1980, 3, 14)),
    ("14.03.1980 0:00:00", D(1980, 3, 14)),
    ("14/03/1980", D(1980, 3, 14)),
    ("14.03.1980 г.", D(1980, 3, 14)),
    ("12 марта 2021 г.", D(2021, 3, 12)),
    ("1 мая 2020", D(2020, 5, 1)),
    (dt.datetime(1980, 3, 14), D(1980, 3, 14)),   # an Excel date cell
    (D(1980, 3, 14), D(1980, 3, 14)),
    (29294, D(1980, 3, 14)),                      # an Excel day number
    (29294.0, D(1980, 3, 14)),
    ("29294", D(1980, 3, 14)),
])
def test_sheet_dates(value, expected):
    found = iv.parse_sheet_date(value)
    assert found.day == expected and not found.year_only


@pytest.mark.parametrize("value", ["2019 г.", "2019", "2019г", "2019 год", 2019, 2019.0])
def test_year_only(value):
    found = iv.parse_sheet_date(value)
    assert found.year_only and found.year == 2019
    assert found.first_day() == D(2019, 1, 1) and found.last_day() == D(2019, 12, 31)
    assert found.same(D(2019, 6, 1)) and not found.same(D(2020, 1, 1))


@pytest.mark.parametrize("value", [None, "", "  ", "-", "—"])
def test_empty_dates(value):
    assert iv.parse_sheet_date(value) is None


@pytest.mark.parametrize("value, message", [
    ("31.02.2020", "нет в календаре"),
    ("31 февраля 2020", "нет в календаре"),
    ("весной", "ДД.ММ.ГГГГ"),
    ("14.03", "год"),
])
def test_bad_dates(value, message):
    with pytest.raises(ValueError, match=message):
        iv.parse_sheet_date(value)


def test_excel_serials_before_march_1900():
    assert iv.excel_date(1) == D(1900, 1, 1)
    assert iv.excel_date(59) == D(1900, 2, 28)     # Excel's 60 is a 29.02.1900 that never was
    assert iv.excel_date(61) == D(1900, 3, 1)


def test_full_date_refuses_year_only():
    assert iv.parse_full_date("05.11.1975") == D(1975, 11, 5)
    with pytest.raises(ValueError, match="только год"):
        iv.parse_full_date("1975 г.")


# --- ФИО -------------------------------------------------------------------------------


@pytest.mark.parametrize("value, parts", [
    ("Иванова Анна Петровна", ("Иванова", "Анна", "Петровна")),
    ("  ИВАНОВА   АННА  ПЕТРОВНА ", ("Иванова", "Анна", "Петровна")),
    ("иванова анна петровна", ("Иванова", "Анна", "Петровна")),
    ("Иванова Анна", ("Иванова", "Анна", "")),
    ("Иванова, Анна Петровна", ("Иванова", "Анна", "Петровна")),
    ("Мамедов Эльдар Рафик оглы", ("Мамедов", "Эльдар", "Рафик оглы")),
    ("Петрова-Водкина Ольга Ивановна", ("Петрова-Водкина", "Ольга", "Ивановна")),
    ("Фёдорова Алёна Игоревна", ("Фёдорова", "Алёна", "Игоревна")),
])
def test_names_in_one_cell(value, parts):
    name = iv.parse_name(value)
    assert (name.last, name.first, name.middle) == parts
    assert name.key == " ".join(p for p in parts if p).lower().replace("ё", "е")


def test_names_with_initials():
    with pytest.raises(ValueError, match="инициалы"):
        iv.parse_name("Иванова А.П.")
    for text in ("Иванова А.П.", "Иванова А. П.", "ИВАНОВА А.П", "Иванова А."):
        name = iv.parse_name(text, allow_initials=True)
        assert name.initials_only and name.last == "Иванова" and name.first_initial == "А"
    assert iv.parse_name("Иванова А.П.", allow_initials=True).full == "Иванова А.П."


@pytest.mark.parametrize("value, message", [
    ("Иванова", "фамилия и имя"),
    ("Иванова 1Анна", "только буквы"),
])
def test_bad_names(value, message):
    with pytest.raises(ValueError, match=message):
        iv.parse_name(value)


def test_names_in_three_cells():
    name = iv.parse_name_parts(" ПЕТРОВ ", "сергей", "ИВАНОВИЧ")
    assert (name.last, name.first, name.middle) == ("Петров", "Сергей", "Иванович")
    assert iv.parse_name_parts("Сидорова", "Елена", None).middle == ""
    assert iv.parse_name_parts(None, "", None) is None
    with pytest.raises(ValueError, match="имя"):
        iv.parse_name_parts("Сидорова", "", "")
    with pytest.raises(ValueError, match="фамилия"):
        iv.parse_name_parts("", "Елена", "")
    with pytest.raises(ValueError, match="инициалы"):
        iv.parse_name_parts("Сидорова", "Е.", "")


# --- categories ------------------------------------------------------------------------


@pytest.mark.parametrize("value, category", [
    ("высшая", "высшая"), ("Высшая", "высшая"), ("высш.", "высшая"), ("В", "высшая"),
    ("в", "высшая"), ("ВКК", "высшая"), ("высшая квалификационная категория", "высшая"),
    ("первая", "первая"), ("1", "первая"), (1, "первая"), ("I", "первая"),
    ("1 кв. к.", "первая"), ("1 КК", "первая"), ("1 категория", "первая"),
    ("Первая кв. категория", "первая"),
    ("педагог-методист", "педагог-методист"), ("педагог-наставник", "педагог-наставник"),
])
def test_categories(value, category):
    found = iv.parse_category(value)
    assert found.kind == "category" and found.category == category and found.date is None


@pytest.mark.parametrize("value", ["СЗД", "сзд", "С.З.Д.", "соответствие занимаемой должности",
                                   "соотв. зан. долж.", "соответствует"])
def test_conformity(value):
    assert iv.parse_category(value).kind == "conformity"


@pytest.mark.parametrize("value", ["без категории", "б/к", "нет", "-", "не имеет", "0"])
def test_no_category(value):
    found = iv.parse_category(value)
    assert found is None or found.kind == "none"


def test_category_with_its_date():
    found = iv.parse_category("высшая, приказ от 27.03.2022 № 123")
    assert found.category == "высшая" and found.date.day == D(2022, 3, 27)
    found = iv.parse_category("первая (2020)")
    assert found.category == "первая" and found.date.year_only and found.date.year == 2020
    found = iv.parse_category("СЗД 15.01.2021")
    assert found.kind == "conformity" and found.date.day == D(2021, 1, 15)


@pytest.mark.parametrize("value, message", [
    ("вторая", "отменена"), ("2", "отменена"), ("II", "отменена"),
    ("не соответствует", "вручную"), ("кандидат наук", "не распознана"),
])
def test_bad_categories(value, message):
    with pytest.raises(ValueError, match=message):
        iv.parse_category(value)


# --- experience ------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("12 лет", (12, 0)), ("12", (12, 0)), (12, (12, 0)), (12.0, (12, 0)), ("12 л.", (12, 0)),
    ("1 год", (1, 0)), ("2 года", (2, 0)), ("12 лет 3 мес.", (12, 3)), ("12л 3м", (12, 3)),
    ("12,5", (12, 6)), ("12.5", (12, 6)), ("5 мес.", (0, 5)), ("менее года", (0, 0)),
    ("12 лет.", (12, 0)), ("  25  ", (25, 0)),
])
def test_experience(value, expected):
    assert iv.parse_experience(value) == expected


@pytest.mark.parametrize("value", ["двенадцать", "12/10", "-3", "120"])
def test_bad_experience(value):
    with pytest.raises(ValueError, match="стаж"):
        iv.parse_experience(value)


def test_experience_empty():
    assert iv.parse_experience("") is None and iv.parse_experience(None) is None


# --- small choices ---------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("36", 36), (36, 36), (36.0, 36), ("36 ч", 36), ("36 ч.", 36), ("72 часа", 72),
    ("16 часов", 16), ("520", 520), ("36 ак. ч.", 36), ("", None),
])
def test_hours(value, expected):
    assert iv.parse_hours(value) == expected


@pytest.mark.parametrize("value", ["много", "0", "36,5", 36.5])
def test_bad_hours(value):
    with pytest.raises(ValueError):
        iv.parse_hours(value)


def test_sex_employment_education_flags():
    assert [iv.parse_sex(x) for x in ("м", "Муж.", "ж", "женский", "")] == ["м", "м", "ж", "ж",
                                                                             None]
    with pytest.raises(ValueError):
        iv.parse_sex("?")
    assert iv.parse_employment("основной") == "основной"
    assert iv.parse_employment("осн.") == "основной"
    assert iv.parse_employment("штатный") == "основной"
    assert iv.parse_employment("внутренний совместитель") == "основной"
    assert iv.parse_employment("внешний совместитель") == "внешний совместитель"
    assert iv.parse_employment("совм.") == "внешний совместитель"
    with pytest.raises(ValueError):
        iv.parse_employment("почасовик")
    assert iv.parse_education("высшее педагогическое") == ("высшее", True)
    assert iv.parse_education("Высшее") == ("высшее", False)
    assert iv.parse_education("ВО") == ("высшее", False)
    assert iv.parse_education("ср. проф.") == ("среднее профессиональное", False)
    assert iv.parse_education("СПО") == ("среднее профессиональное", False)
    assert iv.parse_education("среднее специальное педагогическое") == (
        "среднее профессиональное", True)
    assert iv.parse_education("") == (None, False)
    with pytest.raises(ValueError):
        iv.parse_education("начальное")
    assert iv.parse_flag("да") is True and iv.parse_flag("нет") is False
    assert iv.parse_flag("") is None


# --- positions and subjects ------------------------------------------------------------


@pytest.mark.parametrize("value, positions, subjects", [
    ("Учитель", ["учитель"], []),
    ("учитель математики", ["учитель"], ["математика"]),
    ("Учитель начальных классов", ["учитель"], ["начальные классы"]),
    ("учитель русского языка и литературы", ["учитель"], ["русский язык", "литература"]),
    ("Учитель математики, информатики", ["учитель"], ["математика", "информатика"]),
    ("учитель английского языка", ["учитель"], ["иностранный язык (английский)"]),
    ("зам. директора по УВР; учитель физики", ["заместитель директора", "учитель"], ["физика"]),
    ("Заместитель директора по ВР", ["заместитель директора"], []),
    ("соц. педагог", ["социальный педагог"], []),
    ("педагог доп. образования", ["педагог дополнительного образования"], []),
    ("ПДО", ["педагог дополнительного образования"], []),
    ("Педагог-психолог", ["педагог-психолог"], []),
    ("психолог", ["педагог-психолог"], []),
    ("логопед", ["учитель-логопед"], []),
    ("учитель - логопед", ["учитель-логопед"], []),
    ("преподаватель-организатор ОБЖ", ["преподаватель-организатор ОБЗР"], []),
    ("советник директора по воспитанию", ["советник директора по воспитанию"], []),
])
def test_positions(value, positions, subjects):
    found, found_subjects, unknown = iv.parse_positions(value)
    assert found == positions and found_subjects == subjects and unknown == []


def test_unknown_position_is_kept_as_written():
    positions, _, unknown = iv.parse_positions("Вожатый")
    assert positions == ["вожатый"] and unknown == ["вожатый"]
    positions, _, unknown = iv.parse_positions("ИКТ-специалист")
    assert positions == ["ИКТ-специалист"]


@pytest.mark.parametrize("value, subjects", [
    ("Математика", ["математика"]),
    ("Русский язык и литература", ["русский язык", "литература"]),
    ("история; обществознание", ["история", "обществознание"]),
    ("физкультура", ["физическая культура"]),
    ("ИЗО, музыка", ["изобразительное искусство", "музыка"]),
    ("технология", ["труд (технология)"]),
    ("Информатика и ИКТ", ["информатика"]),
    ("Астрономия", ["астрономия"]),
    ("", []),
])
def test_subjects(value, subjects):
    assert iv.parse_subjects(value) == subjects


def test_training_kinds_and_forms():
    assert iv.parse_training_kind("ПК") == "повышение квалификации"
    assert iv.parse_training_kind("КПК") == "повышение квалификации"
    assert iv.parse_training_kind("профессиональная переподготовка") == \
        "профессиональная переподготовка"
    assert iv.parse_training_kind("ПП") == "профессиональная переподготовка"
    assert iv.parse_training_kind("стажировка") == "стажировка"
    with pytest.raises(ValueError):
        iv.parse_training_kind("семинар")
    assert iv.parse_training_form("очно") == "очная"
    assert iv.parse_training_form("очно-заочная") == "очно-заочная"
    assert iv.parse_training_form("дистанционно") == "дистанционная"
    assert iv.parse_training_form("с применением ДОТ") == "дистанционная"
    assert iv.parse_training_form("заочная") == "заочная"


# --- courses as free text --------------------------------------------------------------


def test_course_year_title_hours():
    course = iv.parse_course("2021, ФГОС ООО, 36 ч")
    assert (course.title, course.hours, course.year, course.end) == ("ФГОС ООО", 36, 2021, None)
    assert course.end_day == D(2021, 1, 1)          # the earliest day: never more recent
    assert course.kind == "повышение квалификации" and course.topics == ["ФГОС/ФООП"]


def test_course_with_provider_quotes_and_dates():
    course = iv.parse_course(
        "ГАУ ДПО ЯО ИРО, «Функциональная грамотность школьников», 72 ч., "
        "12.03.2022–25.03.2022")
    assert course.provider == "ГАУ ДПО ЯО ИРО"
    assert course.title == "Функциональная грамотность школьников"
    assert (course.hours, course.start, course.end) == (72, D(2022, 3, 12), D(2022, 3, 25))
    assert course.topics == ["функциональная грамотность"]


def test_course_forms():
    course = iv.parse_course("с 01.02 по 10.02.2023 «Обучение детей с ОВЗ» (36 часов)")
    assert (course.title, course.hours) == ("Обучение детей с ОВЗ", 36)
    assert (course.start, course.end) == (D(2023, 2, 1), D(2023, 2, 10))
    course = iv.parse_course("Переподготовка «Менеджмент в образовании», 2020 г., 520 ч")
    assert course.kind == "профессиональная переподготовка" and course.year == 2020
    assert course.title == "Менеджмент в образовании" and course.topics == ["управление"]
    course = iv.parse_course("2020-2021 - Цифровая образовательная среда, в объёме 72 часов")
    assert (course.title, course.hours, course.year) == ("Цифровая образовательная среда", 72, 2021)
    course = iv.parse_course("ООО «Инфоурок», «Наставничество в школе», 2023, 36 ч")
    assert course.provider == "ООО «Инфоурок»" and course.title == "Наставничество в школе"
    course = iv.parse_course("Курсы по инклюзии 2020")
    assert course.hours is None and course.year == 2020 and course.title == "Курсы по инклюзии"


def test_course_title_prefixes():
    assert iv.parse_course("КПК: Методика преподавания физики, 2022, 36 ч").title == \
        "Методика преподавания физики"
    assert iv.parse_course("Курсы повышения квалификации «Школа Минпросвещения», 2023, 36 ч"
                           ).title == "Школа Минпросвещения"


def test_several_courses_in_one_cell():
    courses = iv.parse_courses("2021, ФГОС ООО, 36 ч; 2023 — «Функциональная грамотность», 72 ч.")
    assert [(c.title, c.hours, c.year) for c in courses] == [
        ("ФГОС ООО", 36, 2021), ("Функциональная грамотность", 72, 2023)]
    courses = iv.parse_courses("1) 2019 ФГОС НОО 72 ч\n2) 2022 Воспитание 36 ч")
    assert [(c.title, c.hours, c.year) for c in courses] == [
        ("ФГОС НОО", 72, 2019), ("Воспитание", 36, 2022)]
    assert iv.parse_courses("") == [] and iv.parse_courses(None) == []
