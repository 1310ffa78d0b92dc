"""Excel exports of the section tables (screens/tables_export.py) on a small hand-made
school, read back with openpyxl and checked cell by cell: the title row with the school,
the filter and the report date, the Russian header, real dates and numbers, the frozen
header, the filter, and only the rows the screen shows — every page of them."""

import datetime as dt

import openpyxl
import pytest

from metodkab.domain.models import (ConformityAttestation, Mentorship, QualificationCategory,
                                    School, Staff, Training)
from metodkab.screens import programme_export as pe
from metodkab.screens import tables_export as te
from metodkab.storage import repo
from metodkab.storage.mentorship import MentorshipQuery
from metodkab.storage.school import save_school
from metodkab.storage.training import TrainingQuery

D = dt.date
DAY = D(2026, 11, 23)          # the frozen today of tests/conftest.py: the report date


def person(store, last, first, middle, *, birth=D(1980, 1, 1), ped=D(2002, 9, 1),
           hired=D(2002, 9, 1), **fields) -> str:
    return repo.create(store, Staff.model_validate({
        "last_name": last, "first_name": first, "middle_name": middle,
        "positions": ["учитель"], "birth_date": birth, "ped_start_date": ped,
        "hire_date": hired, **fields}))


@pytest.fixture
def school(fresh_db):
    s = fresh_db
    save_school(s, School(full_name='МБОУ "Тестовая СОШ"', short_name="Тестовая СОШ"))
    ids = {
        "a": person(s, "Антонова", "Анна", "Петровна"),
        "b": person(s, "Борисов", "Игорь", "Петрович", hired=D(2010, 9, 1)),
        "c": person(s, "Васильева", "Елена", "Викторовна", birth=D(1999, 5, 5),
                    ped=D(2025, 9, 1), hired=D(2025, 9, 1), subjects=["математика"]),
        "d": person(s, "Григорьев", "Павел", "Андреевич", hired=D(2005, 9, 1)),
        "e": person(s, "Дмитриева", "Ольга", "", birth=D(2001, 1, 1), ped=D(2026, 9, 1),
                    hired=D(2026, 9, 1)),
    }
    repo.create(s, Training(staff_id=ids["a"], title="ФГОС ООО", provider="ИРО", hours=36,
                            form="очная", start_date=D(2026, 3, 1), end_date=D(2026, 3, 10),
                            federal_register=True, doc_kind="удостоверение",
                            doc_number="123"))
    repo.create(s, Training(staff_id=ids["a"], title="Первая помощь", hours=16,
                            end_date=D(2025, 9, 1)))
    repo.create(s, Training(staff_id=ids["b"], title="Первая помощь", hours=16,
                            end_date=D(2022, 6, 1)))
    repo.create(s, Training(staff_id=ids["d"], title="ИКТ в работе учителя", hours=72,
                            end_date=D(2023, 11, 23)))
    repo.create(s, QualificationCategory(staff_id=ids["a"], position="учитель",
                                         category="высшая", decision_date=D(2024, 3, 1)))
    repo.create(s, QualificationCategory(staff_id=ids["d"], position="учитель",
                                         category="первая", decision_date=D(2022, 1, 20),
                                         valid_until=D(2027, 1, 20)))
    repo.create(s, ConformityAttestation(staff_id=ids["b"], position="учитель",
                                         date=D(2021, 10, 1), result="соответствует"))
    repo.create(s, Mentorship(mentor_id=ids["a"], mentee_ids=[ids["c"]],
                              form="педагог – педагог", reason="молодой специалист",
                              start_date=D(2026, 9, 1), planned_end=D(2027, 5, 31),
                              order_number="45", order_date=D(2026, 8, 31),
                              curator_id=ids["d"]))
    repo.create(s, Mentorship(mentor_id=ids["d"], mentee_ids=[ids["b"]],
                              form="педагог – педагог", start_date=D(2026, 1, 10),
                              planned_end=D(2026, 10, 31)))
    return s


def cells(ws, row: int, header=None) -> list:
    """A row's values, dates as dates (openpyxl reads them back as datetimes). With the
    full ``header`` of the export: the values under it by name, None under a column the
    writer left out because no row has a value in it."""
    values = [v.date() if isinstance(v, dt.datetime) else v
              for v in next(ws.iter_rows(min_row=row, max_row=row, values_only=True))]
    if header is None:
        return values
    by_name = dict(zip(next(ws.iter_rows(min_row=2, max_row=2, values_only=True)), values))
    return [by_name.get(h) for h in header]


def at(ws, name: str, row: int):
    """The cell of column ``name`` (by its header) in ``row``."""
    return ws.cell(row, cells(ws, 2).index(name) + 1)


def check_frame(ws, title: str, header, rows: int, *, totals: int = 0) -> tuple:
    """The title row, the header (the full one less the columns without any value), the
    frozen pane, the filter over every data row and the print setup; returns ``header``."""
    assert ws["A1"].value == title
    assert ws["A1"].font.bold
    shown = cells(ws, 2)
    assert shown == [h for h in header if h in shown]
    if rows:
        for c in range(1, len(shown) + 1):           # no empty column
            assert any(ws.cell(r, c).value not in (None, "") for r in range(3, 3 + rows))
    assert all(c.font.bold for c in ws[2])
    assert ws.freeze_panes == "A3"
    last = openpyxl.utils.get_column_letter(len(shown))
    assert ws.auto_filter.ref == f"A2:{last}{2 + max(rows, 0)}"
    assert ws.max_row == 2 + rows + totals
    assert all(ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width
               for i in range(1, len(shown) + 1))
    assert ws.print_title_rows == "$2:$2" and int(ws.page_setup.paperSize) == 9    # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    return tuple(header)


def is_date_cell(cell) -> bool:
    return isinstance(cell.value, dt.datetime) and cell.number_format == "DD.MM.YYYY"


# --- Повышение квалификации ---------------------------------------------------------------


TR_HEADER = ("ФИО", "Программа", "Организация", "Вид", "Форма обучения", "Часов", "Начало",
             "Окончание", "Из федерального реестра", "По итогам диагностики",
             "Управленческая команда", "Внесено группой", "Документ", "Уволен(а)")


def test_training_register_every_page_of_the_search(school, tmp_path):
    query = TrainingQuery(search="первая ПОМОЩЬ", limit=1, offset=1)   # page 2 of 2 on screen
    path = te.export_trainings(school, query, folder=tmp_path)
    assert path == (tmp_path / "Повышение квалификации 2026-11-23.xlsx").resolve()
    ws = openpyxl.load_workbook(path)["Курсы"]
    h = check_frame(ws, "Тестовая СОШ · Реестр курсов повышения квалификации "
                    "(отбор: поиск «первая ПОМОЩЬ») · на 23.11.2026",
                TR_HEADER, 2, totals=1)
    # Newest first, as on screen; both pages.
    assert cells(ws, 3, h) == ["Антонова Анна Петровна", "Первая помощь", None,
                            "повышение квалификации", None, 16, None, D(2025, 9, 1),
                            "нет", "нет", "нет", "нет", None, "нет"]
    assert cells(ws, 4, h)[0] == "Борисов Игорь Петрович"
    assert cells(ws, 4, h)[7] == D(2022, 6, 1)
    assert cells(ws, 5, h)[:1] == ["Итого (курсов: 2)"]
    assert cells(ws, 5, h)[5] == 32                       # hours: 16 + 16
    assert is_date_cell(at(ws, "Окончание", 3)) and is_date_cell(at(ws, "Окончание", 4))
    assert isinstance(at(ws, "Часов", 3).value, int)


def test_training_register_filter(school, tmp_path):
    path = te.export_trainings(school, TrainingQuery(federal=True, year=2026), folder=tmp_path)
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == ("Тестовая СОШ · Реестр курсов повышения квалификации "
                              "(отбор: окончание в 2026 г., из фед. реестра) · на 23.11.2026")
    assert ws.max_row == 4                                 # the row and the totals
    assert cells(ws, 3, TR_HEADER) == ["Антонова Анна Петровна", "ФГОС ООО", "ИРО",
                            "повышение квалификации", "очная", 36, D(2026, 3, 1),
                            D(2026, 3, 10), "да", "нет", "нет", "нет", "удостоверение 123",
                            "нет"]
    assert is_date_cell(at(ws, "Начало", 3)) and is_date_cell(at(ws, "Окончание", 3))


def test_overdue_list(school, tmp_path):
    path = te.export_overdue(school, folder=tmp_path)
    assert path.name == "Просроченные курсы ПК 2026-11-23.xlsx"
    ws = openpyxl.load_workbook(path)["Просрочено ПК"]
    h = check_frame(ws, "Тестовая СОШ · Просрочены курсы повышения квалификации · на 23.11.2026",
                ("ФИО", "Должности", "Последние курсы (окончание)",
                 "Просрочено с (станет просроченным)", "Запланированы (окончание)",
                 "Состояние"), 2)
    # Васильева and Дмитриева have no course but are in their first 3 years of педстаж
    assert [cells(ws, r, h) for r in range(3, 5)] == [
        ["Борисов Игорь Петрович", "учитель", D(2022, 6, 1), D(2025, 6, 2), None,
         "просрочено"],
        ["Григорьев Павел Андреевич", "учитель", D(2023, 11, 23), D(2026, 11, 24), None,
         "станет просроченным в ближайшие 6 мес."],
    ]
    assert is_date_cell(at(ws, "Последние курсы (окончание)", 3))
    assert is_date_cell(at(ws, "Просрочено с (станет просроченным)", 4))


# --- Аттестация ---------------------------------------------------------------------------


def test_attestation_schedule_sheet_per_tab(school, tmp_path):
    path = te.export_schedule(school, folder=tmp_path)
    assert path.name == "График аттестации 2026-11-23.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Истекают категории", "Аттестация на СЗД", "Могут претендовать"]

    ws = wb["Истекают категории"]
    h = check_frame(ws, "Тестовая СОШ · Истекают категории · на 23.11.2026",
                ("ФИО", "Должность", "Категория", "Действует до", "Подать заявление до",
                 "Осталось менее 3 мес."), 1)
    assert cells(ws, 3, h) == ["Григорьев Павел Андреевич", "учитель", "первая", D(2027, 1, 20),
                            D(2026, 10, 20), "да"]
    assert is_date_cell(at(ws, "Действует до", 3))
    assert is_date_cell(at(ws, "Подать заявление до", 3))

    ws = wb["Аттестация на СЗД"]
    h = check_frame(ws, "Тестовая СОШ · Аттестация на СЗД · на 23.11.2026",
                ("ФИО", "Должность", "Последняя аттестация на СЗД", "Срок аттестации",
                 "Состояние", "Освобождён(а) до", "Основание освобождения"), 1)
    assert cells(ws, 3, h) == ["Борисов Игорь Петрович", "учитель", D(2021, 10, 1),
                            D(2026, 10, 1), "пора", None, None]
    assert is_date_cell(at(ws, "Последняя аттестация на СЗД", 3))
    assert is_date_cell(at(ws, "Срок аттестации", 3))

    ws = wb["Могут претендовать"]
    h = check_frame(ws, "Тестовая СОШ · Могут претендовать · на 23.11.2026",
                ("ФИО", "Должность", "Категория сейчас", "Установлена",
                 "Может претендовать на"), 2)
    assert cells(ws, 3, h) == ["Антонова Анна Петровна", "учитель", "высшая", D(2024, 3, 1),
                            "педагог-методист, педагог-наставник"]
    assert cells(ws, 4, h) == ["Григорьев Павел Андреевич", "учитель", "первая", D(2022, 1, 20),
                            "высшая"]
    assert is_date_cell(at(ws, "Установлена", 3))


# --- Наставничество -----------------------------------------------------------------------


MENT_HEADER = ("Наставник", "Наставляемые", "Форма", "Основание", "Начало",
               "Окончание по плану", "Окончание фактически", "Статус", "Номер приказа",
               "Дата приказа", "Куратор", "Встреч проведено", "Встреч запланировано",
               "Замечания")


def test_mentorship_register_every_page(school, tmp_path):
    path = te.export_mentorships(school, MentorshipQuery(limit=1), folder=tmp_path)
    assert path.name == "Реестр наставничества 2026-11-23.xlsx"
    ws = openpyxl.load_workbook(path)["Пары и группы"]
    h = check_frame(ws, "Тестовая СОШ · Реестр наставнических пар и групп (отбор: действующие) "
                    "· на 23.11.2026", MENT_HEADER, 2, totals=1)
    assert cells(ws, 3, h) == ["Антонова Анна Петровна", "Васильева Елена Викторовна",
                            "педагог – педагог", "молодой специалист", D(2026, 9, 1),
                            D(2027, 5, 31), None, "действует", "45", D(2026, 8, 31),
                            "Григорьев Павел Андреевич", 0, 0, None]
    assert cells(ws, 4, h) == ["Григорьев Павел Андреевич", "Борисов Игорь Петрович",
                            "педагог – педагог", None, D(2026, 1, 10), D(2026, 10, 31), None,
                            "действует", None, None, None, 0, 0,
                            "срок истёк; нет приказа"]
    for name, row in (("Начало", 3), ("Окончание по плану", 3), ("Дата приказа", 3),
                      ("Начало", 4), ("Окончание по плану", 4)):
        assert is_date_cell(at(ws, name, row))
    assert isinstance(at(ws, "Встреч проведено", 3).value, int)


def test_mentorship_register_filtered(school, tmp_path):
    query = MentorshipQuery(search="борис", problems=True, status="all")
    ws = openpyxl.load_workbook(te.export_mentorships(school, query, folder=tmp_path)).active
    assert ws["A1"].value == ("Тестовая СОШ · Реестр наставнических пар и групп (отбор: все, "
                              "поиск «борис», с замечаниями) · на 23.11.2026")
    assert ws.max_row == 4
    assert cells(ws, 3)[0] == "Григорьев Павел Андреевич"
    assert cells(ws, 4)[0] == "Итого (пар и групп: 1)"


def test_coverage_all_and_only_unsupported(school, tmp_path):
    header = ("ФИО", "Молодой педагог", "Новый сотрудник", "Возраст", "Стаж, лет",
              "Принят(а)", "Предметы", "Наставник", "Пара действует до",
              "Будущая пара: наставник", "Будущая пара: начало")
    path = te.export_coverage(school, folder=tmp_path)
    assert path.name == "Охват наставничеством 2026-11-23.xlsx"
    ws = openpyxl.load_workbook(path)["Охват"]
    h = check_frame(ws, "Тестовая СОШ · Охват наставничеством: молодые педагоги и новые "
                    "сотрудники · на 23.11.2026", header, 2)
    # Without a mentor first.
    assert cells(ws, 3, h) == ["Дмитриева Ольга", "да", "да", 25, 0, D(2026, 9, 1), None, "нет",
                            None, None, None]
    assert cells(ws, 4, h) == ["Васильева Елена Викторовна", "да", "нет", 27, 1, D(2025, 9, 1),
                            "математика", "Антонова Анна Петровна", D(2027, 5, 31), None,
                            None]
    assert is_date_cell(at(ws, "Принят(а)", 3)) and is_date_cell(at(ws, "Пара действует до", 4))
    assert isinstance(at(ws, "Возраст", 3).value, int)

    ws = openpyxl.load_workbook(te.export_coverage(school, True, folder=tmp_path)).active
    assert ws["A1"].value == ("Тестовая СОШ · Охват наставничеством: молодые педагоги и новые "
                              "сотрудники (отбор: только без наставника) · на 23.11.2026")
    assert ws.max_row == 3
    assert cells(ws, 3, h)[0] == "Дмитриева Ольга"


def test_mentor_load(school, tmp_path):
    path = te.export_mentor_load(school, folder=tmp_path)
    assert path.name == "Нагрузка наставников 2026-11-23.xlsx"
    ws = openpyxl.load_workbook(path)["Нагрузка"]
    h = check_frame(ws, "Тестовая СОШ · Нагрузка наставников · на 23.11.2026",
                ("Наставник", "Пар сейчас", "Наставляемых сейчас", "Пар в 2024/25 уч. году",
                 "Пар в 2025/26 уч. году", "Пар в 2026/27 уч. году", "Всего пар"), 2,
                    totals=1)
    assert cells(ws, 3, h) == ["Антонова Анна Петровна", 1, 1, 0, 0, 1, 1]
    # his pair's planned end (31.10.2026) passed unclosed: not active now (§6)
    assert cells(ws, 4, h) == ["Григорьев Павел Андреевич", 0, 0, 0, 1, 1, 1]
    assert cells(ws, 5, h) == ["Итого", 1, 1, 0, 1, 2, 2]
    assert ws["A5"].font.bold


def test_progress_is_reported_and_the_file_is_atomic(school, tmp_path):
    calls = []
    te.export_schedule(school, folder=tmp_path, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 2)]
    assert [p.name for p in tmp_path.iterdir()] == ["График аттестации 2026-11-23.xlsx"]


# --- Программа развития -------------------------------------------------------------------


@pytest.fixture
def programme(fresh_db):
    from metodkab.domain.models import Programme, ProgrammeActivity, ProgrammeTask, TargetIndicator
    from metodkab.storage import programme as ps

    s = fresh_db
    save_school(s, School(full_name='МБОУ "Тестовая СОШ"', short_name="Тестовая СОШ"))
    ivanova = person(s, "Иванова", "Анна", "Петровна")
    petrova = person(s, "Петрова", "Анна", "Петровна")
    pid = ps.save_programme(s, Programme(title="Программа методической службы", year_from=2025,
                                         year_to=2026, goal="Цель"))
    t1 = ps.save_task(s, ProgrammeTask(programme_id=pid, number=1, title="Кадры"))
    t2 = ps.save_task(s, ProgrammeTask(programme_id=pid, number=2, title="Опыт"))
    ps.save_task(s, ProgrammeTask(programme_id=pid, number=3, title="Пустая"))
    ps.save_activity(s, ProgrammeActivity(
        task_id=t1, title="Семинар по ФГОС", direction="ФГОС", form="семинар",
        start_date=D(2025, 10, 1), deadline=D(2025, 10, 15), expected_result="Протокол",
        status="выполнено", done_date=D(2025, 10, 14), responsible_ids=[ivanova]))
    ps.save_activity(s, ProgrammeActivity(task_id=t1, title="Неделя математики",
                                          deadline=D(2026, 10, 20),
                                          responsible_ids=[ivanova, petrova]))
    lesson = ps.save_activity(s, ProgrammeActivity(task_id=t2, title="Открытый урок",
                                                   deadline=D(2026, 11, 30),
                                                   responsible_ids=[petrova]))
    ps.postpone(s, lesson, D(2026, 12, 20), "болезнь учителя")
    ps.save_activity(s, ProgrammeActivity(task_id=t2, title="Конференция",
                                          deadline=D(2027, 3, 1), note="на весенних каникулах"))
    ps.save_indicator(s, TargetIndicator(programme_id=pid, number=1, name="Доля открытых уроков",
                                         unit="%", baseline=10.5),
                      {2025: 20, 2026: 30}, {2025: 22.5, 2026: None})
    return s, pid


def test_programme_workbook_has_every_view(programme, tmp_path):
    store, pid = programme
    path = pe.export_programme(store, pid, "пет", folder=tmp_path)
    assert path.name == "Программа развития 2025–2026 2026-11-23.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Структура", "Сроки", "Ответственные", "Выполнение", "Показатели"]
    what = "Тестовая СОШ · Программа методической службы, 2025–2026"

    ws = wb["Структура"]
    h = check_frame(ws, f"{what} · Структура · на 23.11.2026",
                ("№ задачи", "Задача", "Мероприятие", "Направление", "Форма", "Начало", "Срок",
                 "Переносы срока", "Ответственные", "Ожидаемый результат", "Статус",
                 "Выполнено", "Просрочено", "Примечание"), 5)
    assert [cells(ws, r, h) for r in range(3, 8)] == [
        [1, "Кадры", "Семинар по ФГОС", "ФГОС", "семинар", D(2025, 10, 1), D(2025, 10, 15),
         None, "Иванова А. П.", "Протокол", "выполнено", D(2025, 10, 14), "нет", None],
        [1, None, "Неделя математики", None, None, None, D(2026, 10, 20), None,
         "Иванова А. П., Петрова А. П.", None, "запланировано", None, "да", None],
        [2, "Опыт", "Открытый урок", None, None, None, D(2026, 12, 20),
         "30.11.2026 (болезнь учителя)", "Петрова А. П.", None, "перенесено", None, "нет",
         None],
        [2, None, "Конференция", None, None, None, D(2027, 3, 1), None, None, None,
         "запланировано", None, "нет", "на весенних каникулах"],
        [3, "Пустая"] + [None] * 12,
    ]
    for name, row in (("Начало", 3), ("Срок", 3), ("Выполнено", 3), ("Срок", 5)):
        assert is_date_cell(at(ws, name, row))

    ws = wb["Сроки"]
    h = check_frame(ws, f"{what} · Сроки · на 23.11.2026",
                ("Раздел", "Срок", "№ задачи", "Мероприятие", "Ответственные", "Статус"), 2)
    assert cells(ws, 3, h) == ["просрочено", D(2026, 10, 20), 1, "Неделя математики",
                            "Иванова А. П., Петрова А. П.", "запланировано"]
    assert cells(ws, 4, h) == ["следующий месяц: декабрь", D(2026, 12, 20), 2, "Открытый урок",
                            "Петрова А. П.", "перенесено"]
    assert is_date_cell(at(ws, "Срок", 3))

    # Only the people the surname search leaves in the list.
    ws = wb["Ответственные"]
    h = check_frame(ws, f"{what} · Ответственные (отбор: поиск «пет») · на 23.11.2026",
                ("Ответственный", "Срок", "№ задачи", "Мероприятие", "Статус", "Просрочено"),
                2)
    assert cells(ws, 3, h) == ["Петрова Анна Петровна", D(2026, 10, 20), 1, "Неделя математики",
                            "запланировано", "да"]
    assert cells(ws, 4, h) == ["Петрова Анна Петровна", D(2026, 12, 20), 2, "Открытый урок",
                            "перенесено", "нет"]

    ws = wb["Выполнение"]
    assert ws["A1"].value == f"{what} · Выполнение · на 23.11.2026"
    assert cells(ws, 2) == ["Раздел", "Название", "Мероприятий", "Срок наступил",
                            "Выполнено из них", "Просрочено", "Выполнено досрочно",
                            "Выполнено, %"]
    # the seminar was done 14.10 for 15.10: early, though its deadline has passed
    assert cells(ws, 3) == ["Вся программа", "Вся программа", 4, 2, 1, 1, 1, 0.5]
    assert cells(ws, 4) == ["По задачам", "1. Кадры", 2, 2, 1, 1, 1, 0.5]
    assert ws["H3"].number_format == "0%"          # a percent, printed «50%»
    assert cells(ws, 5)[:3] == ["По задачам", "2. Опыт", 2]
    assert cells(ws, 5)[7] is None                 # nothing due yet: no percent
    by_person = [cells(ws, r) for r in range(3, ws.max_row + 1) if cells(ws, r)[0] ==
                 "По ответственным"]
    assert [r[1] for r in by_person][:2] == ["Иванова А. П.", "Петрова А. П."]

    ws = wb["Показатели"]
    h = check_frame(ws, f"{what} · Показатели · на 23.11.2026",
                ("№", "Показатель", "Единица", "Базовое значение", "Цель 2025", "Факт 2025",
                 "Цель 2026", "Факт 2026", "Как получен факт"), 1)
    assert cells(ws, 3, h) == [1, "Доля открытых уроков", "%", 10.5, 20, 22.5, 30, None,
                            "вводится вручную"]


def test_programme_search_narrows_the_outline_and_the_agenda(programme, tmp_path):
    """Ctrl+E after typing a search: the outline and «Сроки» hold what it finds (a
    responsible person's name here), «Сроки» with every deadline, as the screen lists
    them; progress and the indicators stay the whole programme's."""
    store, pid = programme
    wb = openpyxl.load_workbook(pe.export_programme(store, pid, search="петрова",
                                                    folder=tmp_path))
    ws = wb["Структура"]
    assert "поиск «петрова»" in ws["A1"].value
    assert [(r[0], r[2]) for r in data_rows_of(ws)] == [(1, "Неделя математики"),
                                                        (2, "Открытый урок")]
    ws = wb["Сроки"]
    assert "поиск «петрова»" in ws["A1"].value
    assert [(r[0], r[3]) for r in data_rows_of(ws)] == [
        ("просрочено", "Неделя математики"), ("следующий месяц: декабрь", "Открытый урок")]
    wb = openpyxl.load_workbook(pe.export_programme(store, pid, search="конфер",
                                                    folder=tmp_path / "b"))
    ws = wb["Сроки"]        # beyond next month: listed, no bucket (the column is left out)
    assert cells(ws, 2)[0] == "Срок"
    assert [r[2] for r in data_rows_of(ws)] == ["Конференция"]
    assert cells(wb["Выполнение"], 3)[2] == 4


def test_programme_people_unfiltered_current_programme(programme, tmp_path):
    store, _ = programme
    ws = openpyxl.load_workbook(pe.export_programme(store, None, folder=tmp_path))[
        "Ответственные"]
    assert [r[0] for r in data_rows_of(ws)] == ["Иванова Анна Петровна"] * 2 + [
        "Петрова Анна Петровна"] * 2


def test_no_programme_is_a_russian_message(fresh_db, tmp_path):
    from metodkab.storage.errors import StorageError

    with pytest.raises(StorageError, match="Программы развития нет"):
        pe.export_programme(fresh_db, None, folder=tmp_path)
    assert not list(tmp_path.iterdir())


def data_rows_of(ws) -> list[tuple]:
    return list(ws.iter_rows(min_row=3, values_only=True))


# --- Методические объединения --------------------------------------------------------------


def test_associations_and_their_members(school, tmp_path):
    from metodkab.domain.models import Association
    from metodkab.storage.associations import save_association

    people = {s.last_name: s.id for s in repo.find(school, Staff)}
    save_association(school, Association(name="ШМО учителей математики",
                                         head_id=people["Васильева"]),
                     [people["Васильева"], people["Борисов"]])
    save_association(school, Association(name="Методический совет", kind="методический совет"),
                     [people["Антонова"]])
    repo.update(school, repo.get(school, Staff, people["Борисов"]).model_copy(
        update={"dismissal_date": D(2026, 6, 30)}))        # dismissed: not a member any more
    repo.update(school, repo.get(school, Staff, people["Антонова"]).model_copy(
        update={"dismissal_date": D(2027, 1, 10)}))        # leaves after the report date: is
    path = te.export_associations(school, folder=tmp_path)
    assert path.name == "Методические объединения 2026-11-23.xlsx"
    book = openpyxl.load_workbook(path)
    ws = book["Объединения"]
    h = check_frame(ws, "Тестовая СОШ · Методические объединения · на 23.11.2026",
                ("Название", "Вид", "Руководитель", "Участников"), 2, totals=1)
    assert cells(ws, 3, h) == ["Методический совет", "методический совет", None, 1]
    assert cells(ws, 4, h) == ["ШМО учителей математики", "ШМО", "Васильева Е. В.", 1]
    assert cells(ws, 5, h) == ["Итого", None, None, 2]
    ws = book["Состав"]
    h = check_frame(ws, "Тестовая СОШ · Состав методических объединений · на 23.11.2026",
                ("Объединение", "ФИО", "Должность", "Предметы", "Руководитель"), 2)
    assert cells(ws, 3, h) == ["Методический совет", "Антонова Анна Петровна", "учитель", None,
                            None]
    assert cells(ws, 4, h) == ["ШМО учителей математики", "Васильева Елена Викторовна", "учитель",
                            "математика", "руководитель"]
