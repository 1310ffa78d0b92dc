"""Every fact a school's own staff list states arrives, and nothing is made up: employment
from the position text, pedagogical education from the diploma's qualification, sex from
the patronymic, the list's own date for «N лет», courses read into title, hours and year,
a deputy who teaches holds the category for «учитель»."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metodkab.domain.models import QualificationCategory, Staff, Training
from metodkab.importing import mapping as m
from metodkab.importing import values as iv
from metodkab.importing.plan import ADD, SAME, apply_plan, build_plan, category_position
from metodkab.importing.reader import read_table
from metodkab.storage import repo
from metodkab.storage.settings import set_settings
from tests.data import make_import_samples as samples

D = dt.date
LIST_DAY = D(2025, 9, 1)


def site_plan(store, path=samples.SITE_CSV, day=None):
    sheet = read_table(path, score=m.header_score(m.STAFF))
    return build_plan(store, sheet, m.guess_mapping(sheet.headers, m.STAFF), m.STAFF, day=day)


def rows_by_name(plan):
    return {r.name.split()[0]: r for r in plan.rows}


def staff(store, last):
    return repo.find(store, Staff, "last_name = ?", [last])[0]


@pytest.fixture
def loaded(fresh_db):
    plan = site_plan(fresh_db)
    apply_plan(fresh_db, plan)
    return fresh_db, plan


def test_list_date_from_the_title_is_used_for_experience(loaded):
    store, plan = loaded
    assert plan.sheet.list_date == LIST_DAY
    assert plan.sheet.list_date_source.startswith("из заголовка «Педагогический состав")
    assert plan.day == LIST_DAY                       # not today (23.11.2026)
    assert staff(store, "Петров").ped_start_date == D(1992, 9, 1)    # 33 года before 01.09.2025
    assert staff(store, "Иванова").ped_start_date == D(2007, 9, 1)
    assert "педстаж 33 года на 01.09.2025 → начало педстажа 01.09.1992" in \
        rows_by_name(plan)["Петров"].notes


def test_list_date_changed_by_the_user(fresh_db):
    plan = site_plan(fresh_db, day=D(2026, 1, 15))
    assert plan.day == D(2026, 1, 15)
    apply_plan(fresh_db, plan)
    assert staff(fresh_db, "Петров").ped_start_date == D(1993, 1, 15)


def test_list_date_from_a_date_cell():
    from metodkab.importing.reader import list_date

    assert list_date([["Список педагогов", dt.datetime(2025, 9, 1)]]) == (
        LIST_DAY, "из ячейки B1 над таблицей")
    assert list_date([["по состоянию на 1 сентября 2025 г."]])[0] == LIST_DAY
    assert list_date([["Список педагогов 2025 года"]]) == (None, "")


def test_employment_from_the_position_text(loaded):
    store, plan = loaded
    assert staff(store, "Иванова").employment == "внешний совместитель"
    assert staff(store, "Иванова").positions == ["учитель"]        # the remark is not a post
    assert staff(store, "Кузьмин").employment == "внешний совместитель"
    assert staff(store, "Петров").employment == "основной"
    assert "занятость: внешний совместитель — из должности «внешний совместитель»" in \
        rows_by_name(plan)["Иванова"].notes
    assert iv.employment_in_position("учитель (внутренний совместитель)") == (
        "учитель", "основной", "внутренний совместитель")


def test_employment_column_wins_over_nothing(fresh_db, tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("ФИО;Должность;Занятость / Совместительство\n"
                    "Орлова Вера Ивановна;учитель;совместитель\n"
                    "Белов Иван Ильич;учитель;основное место работы\n", encoding="utf-8")
    apply_plan(fresh_db, site_plan(fresh_db, path))
    assert staff(fresh_db, "Орлова").employment == "внешний совместитель"
    assert staff(fresh_db, "Белов").employment == "основной"


def test_pedagogical_education_from_the_qualification(loaded):
    store, plan = loaded
    flags = {s.last_name: s.education_pedagogical for s in repo.find(store, Staff)}
    assert flags == {"Иванова": True, "Петров": True, "Алиев": True, "Гасанова": True,
                     "Смирнова": False, "Кузьмин": False}
    assert ("образование педагогическое — в столбце «Квалификация по диплому»: "
            "«педагог по физической культуре» (основа «педагог»)") in \
        rows_by_name(plan)["Алиев"].notes
    assert any("нет слов из списка" in n for n in rows_by_name(plan)["Смирнова"].notes)


def test_pedagogical_stems_are_a_setting(fresh_db):
    set_settings(fresh_db, {"pedagogical_stems": ["педагог", "учител", "психолог"]})
    apply_plan(fresh_db, site_plan(fresh_db))
    assert staff(fresh_db, "Смирнова").education_pedagogical is True


def test_sex_from_the_patronymic(loaded):
    store, plan = loaded
    sexes = {s.last_name: s.sex for s in repo.find(store, Staff)}
    assert sexes == {"Иванова": "ж", "Петров": "м", "Алиев": "м", "Гасанова": "ж",
                     "Смирнова": "ж", "Кузьмин": "м"}
    assert "пол: м — по отчеству «Мамед оглы»" in rows_by_name(plan)["Алиев"].notes
    assert [iv.sex_from_patronymic(x) for x in ("Ильинична", "Кузьмич", "", "Ли")] == [
        "ж", "м", None, None]


def test_sex_stated_in_the_register_is_kept(fresh_db, tmp_path):
    repo.create(fresh_db, Staff(last_name="Иванова", first_name="Анна", middle_name="Петровна",
                                sex="м", positions=["учитель"]))
    path = tmp_path / "s.csv"
    path.write_text("ФИО;Должность\nИванова Анна Петровна;учитель\n", encoding="utf-8")
    assert site_plan(fresh_db, path).rows[0].status == SAME


def test_courses_in_the_forms_schools_write(loaded):
    store, _ = loaded
    courses = {(t.title, t.hours, t.end_date) for t in repo.find(store, Training)}
    assert courses == {
        ("ФГОС ООО 2021", 36, D(2022, 1, 1)),
        ("Управление образовательной организацией", 72, D(2023, 1, 1)),
        ("Функциональная грамотность", 36, D(2022, 1, 1)),
        ("Современные методики физического воспитания", 72, D(2021, 1, 1)),
        ("Обучение детей с ОВЗ", 72, D(2023, 1, 1)),
        ("Цифровая образовательная среда", 16, D(2024, 1, 1)),
    }


@pytest.mark.parametrize("text, expected", [
    ("ФГОС ООО 2021: 36 ч. (2022)", ("ФГОС ООО 2021", 36, 2022)),
    ("Функциональная грамотность, 72 ч., 2023", ("Функциональная грамотность", 72, 2023)),
    ("Инклюзивное образование 36 ч (2022)", ("Инклюзивное образование", 36, 2022)),
    ("2021, 72 ч., Наставничество", ("Наставничество", 72, 2021)),
    ("ГАУ ДПО ИРО, Школа Минпросвещения 2030, 16 ч., 2024",
     ("Школа Минпросвещения 2030", 16, 2024)),
])
def test_course_text(text, expected):
    course = iv.parse_course(text)
    assert (course.title, course.hours, course.year) == expected
    assert course.end is None            # only the year is stated: no day is made up


def test_several_courses_in_one_cell():
    courses = iv.parse_courses("ФГОС ООО 2021: 36 ч. (2022);\nНаставничество, 16 ч., 2024")
    assert [(c.title, c.year) for c in courses] == [("ФГОС ООО 2021", 2022),
                                                    ("Наставничество", 2024)]


def test_year_only_course_preview_says_how_it_was_read(loaded):
    _, plan = loaded
    assert ("известен только год окончания — записан «2022 г.»; в расчётах курсы окончены "
            "1 января 2022 (самая ранняя дата года), уточните в карточке"
            ) in rows_by_name(plan)["Иванова"].notes


def test_deputy_who_teaches_holds_the_category_as_teacher(loaded):
    store, plan = loaded
    petrov = staff(store, "Петров")
    assert petrov.positions == ["заместитель директора"]
    category = repo.find(store, QualificationCategory, "staff_id = ?", [petrov.id])[0]
    assert (category.category, category.position) == ("первая", "учитель")
    assert any("преподаёт математика" in n for n in rows_by_name(plan)["Петров"].notes)
    assert category_position(["директор"], []) == "директор"
    assert category_position(["педагог-психолог"], ["математика"]) == "педагог-психолог"


def test_reloading_the_same_list_changes_nothing(loaded):
    store, plan = loaded
    assert plan.count(ADD) == 6
    again = site_plan(store)
    assert {r.status for r in again.rows} == {SAME}, [r.summary for r in again.rows]


# --- every format a school keeps ------------------------------------------------------

def register(store):
    """The register as the staff screen shows it: who, what and the facts read."""
    people = sorted(repo.find(store, Staff), key=lambda s: s.last_name)
    courses = sorted((t.title, t.hours, t.end_date) for t in repo.find(store, Training))
    return [(s.last_name, s.first_name, s.middle_name, s.sex, s.positions, s.subjects,
             s.employment, s.education_level, s.education_pedagogical, s.ped_start_date)
            for s in people], courses


@pytest.mark.parametrize("path", [samples.SITE_XLSX, samples.SITE_XLS, samples.SITE_ODS],
                         ids=["xlsx", "xls", "ods"])
def test_every_format_gives_the_same_register(fresh_db, clock, path):
    from metodkab.storage.db import open_memory

    sheet = read_table(path, score=m.header_score(m.STAFF))
    assert sheet.header_row == 3 and sheet.headers[1:4] == ["Фамилия", "Имя", "Отчество"]
    assert [n for n, _ in sheet.rows] == list(range(4, 4 + len(samples.SITE_ROWS)))
    assert sheet.list_date == LIST_DAY
    plan = site_plan(fresh_db, path)
    assert plan.count(ADD) == len(samples.SITE_ROWS)
    apply_plan(fresh_db, plan)
    from_csv = open_memory(clock=clock, user="т")
    apply_plan(from_csv, site_plan(from_csv))
    assert register(fresh_db) == register(from_csv)
    assert {r.status for r in site_plan(fresh_db, path).rows} == {SAME}


# --- СЗД with no date -------------------------------------------------------------------

def test_conformity_without_a_date_is_kept_without_one(loaded):
    from metodkab.domain.models import ConformityAttestation
    from metodkab.storage.alerts import conformity_items
    from metodkab.storage.attestation import person_attestation, schedule

    store, plan = loaded
    aliev = staff(store, "Алиев")
    (record,) = repo.find(store, ConformityAttestation, "staff_id = ?", [aliev.id])
    assert (record.result, record.date) == ("соответствует", None)
    row = rows_by_name(plan)["Алиев"]
    assert "СЗД: соответствует (дата не указана)" in row.changes
    assert any("записана без даты" in n for n in row.notes)
    day = D(2026, 11, 23)
    state = person_attestation(store, aliev.id, day).conformity_state
    assert (state.state, state.due) == ("clarify", None)      # never «next СЗД in 5 years»
    due = {r.name.split()[0]: r.state.state for r in schedule(store, day).conformity}
    assert due["Алиев"] == "clarify"
    assert any("Алиев" in i.text and "уточните дату" in i.text
               for i in conformity_items(store, day))
    smirnova = staff(store, "Смирнова")                        # «СЗД 2021»: the year stated
    (dated,) = repo.find(store, ConformityAttestation, "staff_id = ?", [smirnova.id])
    assert dated.date == D(2021, 1, 1)


def test_pedagogical_from_the_education_cell_itself(fresh_db, tmp_path):
    path = tmp_path / "edu.csv"
    path.write_text("ФИО;Должность;Образование\n"
                    "Орлова Вера Ивановна;учитель;высшее, ЯрГУ, учитель истории\n"
                    "Белов Иван Ильич;учитель;высшее, инженер-механик\n", encoding="utf-8")
    plan = site_plan(fresh_db, path)
    apply_plan(fresh_db, plan)
    assert staff(fresh_db, "Орлова").education_pedagogical is True
    assert staff(fresh_db, "Белов").education_pedagogical is False
    assert any("в столбце «Образование»: «высшее, ЯрГУ, учитель истории» (основа «учител»)" in n
               for n in plan.rows[0].notes)


# --- «N лет» against the list's date, on every boundary --------------------------------

def _years_before(day, years):
    """The second, simple reading: the same day ``years`` earlier; 29 February → 28."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@settings(max_examples=30, deadline=None)
@given(day=st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)),
       years=st.integers(min_value=0, max_value=50))
def test_experience_counts_back_from_the_list_date(day, years):
    import tempfile
    from pathlib import Path

    from metodkab.clock import Clock
    from metodkab.storage.db import open_memory

    store = open_memory(clock=Clock(D(2026, 11, 23)), user="т")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "list.csv"
        path.write_text(f"Список на {day:%d.%m.%Y}\nФИО;Должность;Педагогический стаж\n"
                        f"Иванова Анна Петровна;учитель;{years}\n", encoding="utf-8")
        plan = site_plan(store, path)
    store.db.close()
    assert plan.day == day
    assert plan.rows[0].staff_new.ped_start_date == _years_before(day, years)


def test_the_columns_of_a_school_website_list_are_recognised():
    headers = ["№ п/п", "Ф.И.О.", "Занимаемая должность (должности)", "Уровень образования",
               "Квалификация", "Наименование направления подготовки и (или) специальности",
               "Учёная степень (при наличии)",
               "Повышение квалификации и (или) профессиональная переподготовка (при наличии)",
               "Общий стаж работы", "Стаж работы по специальности",
               "Преподаваемые учебные предметы, курсы, дисциплины (модули)",
               "Занятость / Совместительство"]
    assert m.guess_mapping(headers, m.STAFF) == {
        1: "fio", 2: "positions", 3: "education", 4: "qualification", 5: "speciality",
        7: "courses", 9: "experience", 10: "subjects", 11: "employment"}


# --- dates that cannot be (domain/checks.py): the import refuses the row --------------

def test_impossible_dates_are_row_errors(fresh_db, tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text("ФИО;Дата рождения;Дата приёма;Должность\n"
                    "Орлова Вера Ивановна;01.01.2030;;учитель\n"          # born after today
                    "Белов Иван Ильич;01.03.2010;01.09.2026;учитель\n"     # hired at 16
                    "Смирнова Ольга Викторовна;12.04.1990;01.09.2015;учитель\n", encoding="utf-8")
    plan = site_plan(fresh_db, path)
    future, young, fine = plan.rows
    assert (future.status, future.errors) == ("error", ["Дата рождения не может быть в будущем"])
    assert (young.status, young.errors) == ("error", ["Дата приёма: на дату приёма сотруднику "
                                                      "меньше 18 лет"])
    assert fine.status == ADD
    apply_plan(fresh_db, plan)
    assert [s.last_name for s in repo.find(fresh_db, Staff)] == ["Смирнова"]
