"""The staff register in SQL: search, filters, sorting, paging; dismissal and deletion."""

import datetime as dt

import pytest

from metodkab.domain.models import (
    Association,
    Mentorship,
    QualificationCategory,
    Staff,
    Training,
)
from metodkab.storage import repo
from metodkab.storage.errors import HasDependents, NotFound
from metodkab.storage.settings import set_settings
from metodkab.storage.staff import (
    StaffQuery,
    count_staff,
    delete_staff,
    dependents,
    dismiss,
    list_staff,
    reinstate,
    staff_choices,
)

D = dt.date
DAY = D(2026, 11, 23)            # the report date; 3 years before: 23.11.2023


def add(store, last, first="Мария", middle="", **fields) -> str:
    data = {"last_name": last, "first_name": first, "middle_name": middle,
            "positions": ["учитель"], **fields}
    return repo.create(store, Staff.model_validate(data))


def course(store, staff_id, end, kind="повышение квалификации", hours=36) -> str:
    return repo.create(store, Training(staff_id=staff_id, title="Курсы", kind=kind,
                                       hours=hours, end_date=end))


def category(store, staff_id, name, decision, valid_until=None) -> str:
    return repo.create(store, QualificationCategory(
        staff_id=staff_id, position="учитель", category=name, decision_date=decision,
        valid_until=valid_until))


def names(store, **query) -> list[str]:
    return [r.name for r in list_staff(store, StaffQuery(**query), DAY)]


def count(store, **query) -> int:
    return count_staff(store, StaffQuery(**query), DAY)


# --- search ---------------------------------------------------------------------------------


@pytest.fixture
def people(fresh_db):
    add(fresh_db, "Иванова", "Мария", "Петровна")
    add(fresh_db, "Ёлкина", "Алёна", "Сергеевна")
    add(fresh_db, "Семенов", "Пётр", "Ильич")
    add(fresh_db, "Иваненко", "Ольга")
    add(fresh_db, "Кузнецов", "Иван", "Иванович")
    return fresh_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("иванова", ["Иванова Мария Петровна"]),
        ("ИВАНОВА", ["Иванова Мария Петровна"]),
        ("  иВаНоВа  ", ["Иванова Мария Петровна"]),
        ("иван", ["Иваненко Ольга", "Иванова Мария Петровна", "Кузнецов Иван Иванович"]),
        ("елкина", ["Ёлкина Алёна Сергеевна"]),
        ("ЁЛК", ["Ёлкина Алёна Сергеевна"]),
        ("алена", ["Ёлкина Алёна Сергеевна"]),
        ("Семёнов", ["Семенов Пётр Ильич"]),
        ("петр", ["Иванова Мария Петровна", "Семенов Пётр Ильич"]),
        ("ПЁТР ИЛЬИЧ", ["Семенов Пётр Ильич"]),
        ("иванова мария", ["Иванова Мария Петровна"]),
        ("иванова   мария", ["Иванова Мария Петровна"]),
        ("кузн", ["Кузнецов Иван Иванович"]),
        ("Смирнова", []),
        ("%", []),
        ("_", []),
        ("", ["Ёлкина Алёна Сергеевна", "Иваненко Ольга", "Иванова Мария Петровна",
              "Кузнецов Иван Иванович", "Семенов Пётр Ильич"]),
    ],
)
def test_search_ignores_case_and_yo(people, text, expected):
    assert names(people, search=text) == expected
    assert count(people, search=text) == len(expected)


def test_name_sort_treats_yo_as_ye(fresh_db):
    add(fresh_db, "Ежова")
    add(fresh_db, "Ёлкина")
    add(fresh_db, "Ермакова")
    add(fresh_db, "Жукова")
    add(fresh_db, "Дроздова")
    assert [n.split()[0] for n in names(fresh_db)] == [
        "Дроздова", "Ежова", "Ёлкина", "Ермакова", "Жукова"]
    assert [n.split()[0] for n in names(fresh_db, descending=True)] == [
        "Жукова", "Ермакова", "Ёлкина", "Ежова", "Дроздова"]


# --- status ---------------------------------------------------------------------------------


def test_status_filters(fresh_db):
    add(fresh_db, "Работает")
    add(fresh_db, "Уволена", hire_date="01.09.2010", dismissal_date="31.08.2025")
    add(fresh_db, "Сегодня", hire_date="01.09.2010", dismissal_date=DAY)
    add(fresh_db, "Завтра", hire_date="01.09.2010", dismissal_date=DAY + dt.timedelta(days=1))
    deleted = add(fresh_db, "Удалена")
    repo.soft_delete(fresh_db, Staff, deleted)
    # the dismissal day is still a working day (ТК РФ ст. 84.1, domain.md §6)
    assert [n.split()[0] for n in names(fresh_db, status="active")] == [
        "Завтра", "Работает", "Сегодня"]
    assert [n.split()[0] for n in names(fresh_db, status="dismissed")] == ["Уволена"]
    assert count(fresh_db, status="all") == 4
    rows = {r.name.split()[0]: r for r in list_staff(fresh_db, StaffQuery(status="all"), DAY)}
    assert rows["Уволена"].dismissed and not rows["Сегодня"].dismissed
    assert not rows["Завтра"].dismissed and not rows["Работает"].dismissed


def test_dismiss_and_reinstate(fresh_db):
    staff_id = add(fresh_db, "Иванова", hire_date="01.09.2010")
    dismiss(fresh_db, staff_id, D(2026, 6, 30))
    assert repo.get(fresh_db, Staff, staff_id).dismissal_date == D(2026, 6, 30)
    assert count(fresh_db) == 0 and count(fresh_db, status="dismissed") == 1
    reinstate(fresh_db, staff_id)
    got = repo.get(fresh_db, Staff, staff_id)
    assert got.dismissal_date is None and got.version == 3
    assert count(fresh_db) == 1


# --- filters ---------------------------------------------------------------------------------


def test_position_and_association_filters(fresh_db):
    math = repo.create(fresh_db, Association(name="ШМО математики"))
    lang = repo.create(fresh_db, Association(name="ШМО филологов"))
    add(fresh_db, "Алгебраева", positions=["учитель", "методист"], association_ids=[math])
    add(fresh_db, "Психологова", positions=["педагог-психолог"])
    add(fresh_db, "Словесникова", association_ids=[lang, math])
    assert names(fresh_db, position="методист") == ["Алгебраева Мария"]
    assert names(fresh_db, position="учитель") == ["Алгебраева Мария", "Словесникова Мария"]
    assert names(fresh_db, association_id=math) == ["Алгебраева Мария", "Словесникова Мария"]
    assert names(fresh_db, association_id=lang) == ["Словесникова Мария"]
    assert count(fresh_db, position="учитель", association_id=lang) == 1


def test_removed_position_no_longer_matches(fresh_db):
    staff_id = add(fresh_db, "Иванова", positions=["учитель", "методист"])
    got = repo.get(fresh_db, Staff, staff_id)
    repo.update(fresh_db, Staff.model_validate({**got.model_dump(), "positions": ["учитель"]}))
    assert count(fresh_db, position="методист") == 0


def test_category_filter_and_column(fresh_db):
    high = add(fresh_db, "Высшая")
    category(fresh_db, high, "первая", "20.12.2019", "20.12.2024")
    category(fresh_db, high, "высшая", "20.12.2024")
    first = add(fresh_db, "Первая")
    category(fresh_db, first, "первая", "20.12.2021", DAY)           # valid through D
    expired = add(fresh_db, "Истекла")
    category(fresh_db, expired, "первая", "20.12.2019", DAY - dt.timedelta(days=1))
    future = add(fresh_db, "Будущая")
    category(fresh_db, future, "высшая", DAY + dt.timedelta(days=1))
    mentor = add(fresh_db, "Методист")
    category(fresh_db, mentor, "высшая", "20.12.2020")
    category(fresh_db, mentor, "педагог-методист", "20.12.2024")
    add(fresh_db, "Без")
    rows = {r.name.split()[0]: r.category for r in list_staff(fresh_db, StaffQuery(), DAY)}
    assert rows == {"Высшая": "высшая", "Первая": "первая", "Истекла": "", "Будущая": "",
                    "Методист": "педагог-методист", "Без": ""}
    assert names(fresh_db, category="высшая") == ["Высшая Мария"]
    assert names(fresh_db, category="первая") == ["Первая Мария"]
    assert names(fresh_db, category="педагог-методист") == ["Методист Мария"]
    assert names(fresh_db, category="нет") == ["Без Мария", "Будущая Мария", "Истекла Мария"]
    assert count(fresh_db, category="нет") == 3


def test_overdue_boundary(fresh_db):
    exactly = add(fresh_db, "Ровно")                   # ended exactly 3 years before D
    course(fresh_db, exactly, D(2023, 11, 23))
    day_before = add(fresh_db, "Днемраньше")
    course(fresh_db, day_before, D(2023, 11, 22))
    future = add(fresh_db, "Будущий")                  # a course ending after D does not count
    course(fresh_db, future, DAY + dt.timedelta(days=1))
    internship = add(fresh_db, "Стажер")               # стажировка is not ПК
    course(fresh_db, internship, D(2026, 1, 1), kind="стажировка", hours=8)
    retrained = add(fresh_db, "Переподготовка")
    course(fresh_db, retrained, D(2025, 6, 1), kind="профессиональная переподготовка", hours=300)
    deleted = add(fresh_db, "Удаленкурс")
    repo.soft_delete(fresh_db, Training, course(fresh_db, deleted, D(2025, 6, 1)))
    add(fresh_db, "Никогда")
    assert names(fresh_db, overdue=True) == [
        "Будущий Мария", "Днемраньше Мария", "Никогда Мария", "Стажер Мария", "Удаленкурс Мария"]
    assert count(fresh_db, overdue=True) == 5
    rows = {r.name.split()[0]: r for r in list_staff(fresh_db, StaffQuery(), DAY)}
    assert not rows["Ровно"].overdue and rows["Ровно"].last_training == D(2023, 11, 23)
    assert rows["Днемраньше"].overdue
    assert rows["Будущий"].overdue and rows["Будущий"].last_training is None
    assert not rows["Переподготовка"].overdue


def test_overdue_follows_the_period_setting(fresh_db):
    staff_id = add(fresh_db, "Иванова")
    course(fresh_db, staff_id, D(2022, 1, 10))
    assert count(fresh_db, overdue=True) == 1
    set_settings(fresh_db, {"training_period_years": 5})
    assert count(fresh_db, overdue=True) == 0


def test_young_boundary(fresh_db):
    start = "01.09.2025"
    add(fresh_db, "Тридцатьпять", birth_date=D(1991, 11, 23), ped_start_date=start)  # 35 on D
    add(fresh_db, "Молодая", birth_date=D(1991, 11, 24), ped_start_date=start)
    add(fresh_db, "Опытная", birth_date=D(2000, 1, 1), ped_start_date=D(2023, 11, 23))  # 3 years
    add(fresh_db, "Новенькая", birth_date=D(2000, 1, 1), ped_start_date=D(2023, 11, 24))
    add(fresh_db, "Безданных")
    assert names(fresh_db, young=True) == ["Молодая Мария", "Новенькая Мария"]
    assert count(fresh_db, young=True) == 2


# --- sorting and paging -------------------------------------------------------------------


@pytest.fixture
def sortable(fresh_db):
    a = add(fresh_db, "Анина", positions=["учитель"], subjects=["физика"],
            ped_start_date="01.09.2000")
    category(fresh_db, a, "первая", "20.12.2022")
    course(fresh_db, a, D(2024, 5, 1))
    b = add(fresh_db, "Борина", positions=["методист"], subjects=["алгебра"],
            ped_start_date="01.09.2020")
    category(fresh_db, b, "высшая", "20.12.2022")
    course(fresh_db, b, D(2022, 5, 1))
    add(fresh_db, "Ванина", positions=["педагог-психолог"], ped_start_date="01.09.2010")
    d = add(fresh_db, "Галина", positions=["учитель"], subjects=["биология"])
    category(fresh_db, d, "педагог-наставник", "20.12.2024")
    course(fresh_db, d, D(2026, 1, 1))
    return fresh_db


@pytest.mark.parametrize(
    ("sort", "ascending"),
    [
        ("name", ["Анина", "Борина", "Ванина", "Галина"]),
        ("positions", ["Борина", "Ванина", "Анина", "Галина"]),
        ("subjects", ["Борина", "Галина", "Анина", "Ванина"]),
        ("category", ["Ванина", "Анина", "Борина", "Галина"]),
        ("experience", ["Борина", "Ванина", "Анина", "Галина"]),
        ("training", ["Борина", "Анина", "Галина", "Ванина"]),
    ],
)
def test_sort_by_each_column(sortable, sort, ascending):
    got = [n.split()[0] for n in names(sortable, sort=sort)]
    assert got == ascending
    got = [n.split()[0] for n in names(sortable, sort=sort, descending=True)]
    # Empty values stay last in both directions; ties keep name order.
    empty = {"subjects": ["Ванина"], "experience": ["Галина"], "training": ["Ванина"]}.get(sort, [])
    filled = [n for n in ascending if n not in empty]
    if sort == "positions":      # Анина and Галина are both «учитель»: name order
        filled = ["Анина", "Галина", "Ванина", "Борина"]
    else:
        filled = filled[::-1]
    assert got == filled + empty


def test_experience_column_in_years(sortable):
    rows = {r.name.split()[0]: r.experience for r in list_staff(sortable, StaffQuery(), DAY)}
    assert rows == {"Анина": 26, "Борина": 6, "Ванина": 16, "Галина": None}


def test_row_shows_positions_and_subjects_in_order(fresh_db):
    add(fresh_db, "Иванова", positions=["методист", "учитель"], subjects=["химия", "биология"])
    [row] = list_staff(fresh_db, StaffQuery(), DAY)
    assert (row.positions, row.subjects) == ("методист, учитель", "химия, биология")


def test_limit_and_offset(fresh_db):
    for index in range(25):
        add(fresh_db, f"Фамилия{'абвгдежзиклмнопрстуфхцчшщ'[index]}")
    first = names(fresh_db, limit=10)
    second = names(fresh_db, limit=10, offset=10)
    last = names(fresh_db, limit=10, offset=20)
    assert len(first) == 10 and len(second) == 10 and len(last) == 5
    assert first + second + last == names(fresh_db)
    assert count(fresh_db, limit=10) == 25


def test_staff_choices(fresh_db):
    add(fresh_db, "Борина", "Анна", "Ивановна")
    add(fresh_db, "Анина", "Вера")
    add(fresh_db, "Уволена", hire_date="01.09.2010", dismissal_date="31.08.2025")
    assert [name for _, name in staff_choices(fresh_db)] == ["Анина Вера", "Борина Анна Ивановна"]
    assert len(staff_choices(fresh_db, include_dismissed=True)) == 3


# --- deletion -----------------------------------------------------------------------------


def test_delete_staff_without_dependents_is_soft(fresh_db):
    staff_id = add(fresh_db, "Иванова")
    delete_staff(fresh_db, staff_id)
    row = fresh_db.db.conn.execute("SELECT deleted FROM staff WHERE id = ?", (staff_id,)).fetchone()
    assert row == (1,)
    assert count(fresh_db, status="all") == 0
    with pytest.raises(NotFound):
        delete_staff(fresh_db, staff_id)


@pytest.mark.parametrize("dependent", ["training", "category", "mentee", "mentor", "head"])
def test_delete_staff_refuses_with_dependents(fresh_db, dependent):
    staff_id = add(fresh_db, "Иванова")
    other = add(fresh_db, "Петрова")
    if dependent == "training":
        course(fresh_db, staff_id, D(2025, 1, 1))
    elif dependent == "category":
        category(fresh_db, staff_id, "первая", "20.12.2024")
    elif dependent in ("mentee", "mentor"):
        mentor, mentee = (other, staff_id) if dependent == "mentee" else (staff_id, other)
        repo.create(fresh_db, Mentorship(mentor_id=mentor, form="педагог – педагог",
                                         start_date="01.09.2025", planned_end="31.05.2026",
                                         mentee_ids=[mentee]))
    else:
        repo.create(fresh_db, Association(name="ШМО", head_id=staff_id))
    assert dependents(fresh_db, staff_id) == 1
    with pytest.raises(HasDependents, match="Его можно только уволить"):
        delete_staff(fresh_db, staff_id)
    assert repo.get(fresh_db, Staff, staff_id).last_name == "Иванова"


def test_deleted_dependents_do_not_block(fresh_db):
    staff_id = add(fresh_db, "Иванова")
    repo.soft_delete(fresh_db, Training, course(fresh_db, staff_id, D(2025, 1, 1)))
    assert dependents(fresh_db, staff_id) == 0
    delete_staff(fresh_db, staff_id)
