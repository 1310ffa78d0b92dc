"""Training storage: the register's filters and search, a person's trainings and hours,
group entry (create, edit for all, delete), deleting, and the overdue lists."""

import datetime as dt

import pytest

from metodkab.domain.models import (Deficit, IndividualRoute, RouteStep, Staff, Training)
from metodkab.storage import repo
from metodkab.storage import training as st
from metodkab.storage.errors import HasDependents
from metodkab.storage.settings import set_settings
from metodkab.storage.training import TrainingQuery

D = dt.date
DAY = D(2026, 11, 23)


def person(store, last, first="Анна", middle="Петровна", **fields) -> str:
    return repo.create(store, Staff.model_validate({
        "last_name": last, "first_name": first, "middle_name": middle, "positions": ["учитель"],
        "hire_date": D(2010, 9, 1), **fields}))


def course(store, staff_id, end, title="Функциональная грамотность", hours=36, **fields) -> str:
    return repo.create(store, Training.model_validate({
        "staff_id": staff_id, "title": title, "hours": hours, "end_date": end, **fields}))


@pytest.fixture
def school(fresh_db):
    s = fresh_db
    ids = {
        "elkina": person(s, "Ёлкина", "Ирина"),
        "gromov": person(s, "Громов", "Пётр", "Ильич"),
        "never": person(s, "Новикова", "Вера"),
        "gone": person(s, "Уткина", "Вера", dismissal_date=D(2026, 10, 1)),
    }
    course(s, ids["elkina"], D(2025, 5, 20), "Школа современного учителя. Развитие читательской "
           "грамотности", 72, provider="Академия", form="дистанционная", federal_register=True,
           topics=["функциональная грамотность"])
    course(s, ids["elkina"], D(2023, 11, 23), "Реализация ФООП", 36, provider="ИРО",
           form="очная", by_diagnostics=True)
    course(s, ids["elkina"], D(2021, 11, 23), "Методика", 300,
           kind="профессиональная переподготовка", provider="ИРО")
    course(s, ids["gromov"], D(2023, 11, 22), "Цифровая школа", 16, provider="ИРО",
           form="очная")
    course(s, ids["gromov"], D(2025, 3, 1), "Стажировка в школе-лидере", 24, kind="стажировка")
    course(s, ids["gone"], D(2020, 1, 1), "Старые курсы", 72)
    return s, ids


def titles(rows):
    return [r.title for r in rows]


# --- the register ----------------------------------------------------------------------------


def test_register_newest_first_with_people_and_marks(school):
    store, ids = school
    rows = st.list_trainings(store, TrainingQuery(), DAY)
    assert [r.end_date for r in rows] == sorted((r.end_date for r in rows), reverse=True)
    first = rows[0]
    assert first.name == "Ёлкина Ирина Петровна" and first.marks == "Р"
    assert st.count_trainings(store, TrainingQuery(), DAY) == (6, 3)
    gone = next(r for r in rows if r.staff_id == ids["gone"])
    assert gone.dismissed


def test_search_by_title_or_name_ignores_case_and_yo(school):
    store, _ = school
    assert titles(st.list_trainings(store, TrainingQuery(search="ЧИТАТЕЛЬСКОЙ"), DAY)) == [
        "Школа современного учителя. Развитие читательской грамотности"]
    assert len(st.list_trainings(store, TrainingQuery(search="елкина"), DAY)) == 3
    assert st.list_trainings(store, TrainingQuery(search="100%"), DAY) == []


@pytest.mark.parametrize("query, expected", [
    (TrainingQuery(year=2023), ["Реализация ФООП", "Цифровая школа"]),
    (TrainingQuery(provider="ИРО"), ["Реализация ФООП", "Цифровая школа", "Методика"]),
    (TrainingQuery(kind="стажировка"), ["Стажировка в школе-лидере"]),
    (TrainingQuery(form="очная"), ["Реализация ФООП", "Цифровая школа"]),
    (TrainingQuery(federal=True), ["Школа современного учителя. Развитие читательской "
                                   "грамотности"]),
    (TrainingQuery(by_diagnostics=True), ["Реализация ФООП"]),
    (TrainingQuery(by_diagnostics=False, provider="ИРО"), ["Цифровая школа", "Методика"]),
    (TrainingQuery(topic="функциональная грамотность"),
     ["Школа современного учителя. Развитие читательской грамотности"]),
])
def test_register_filters(school, query, expected):
    store, _ = school
    assert titles(st.list_trainings(store, query, DAY)) == expected


def test_paging_and_sorting(school):
    store, _ = school
    first = st.list_trainings(store, TrainingQuery(limit=4), DAY)
    rest = st.list_trainings(store, TrainingQuery(limit=4, offset=4), DAY)
    assert len(first) == 4 and len(rest) == 2
    assert not {r.id for r in first} & {r.id for r in rest}
    hours = [r.hours for r in st.list_trainings(store, TrainingQuery(sort="hours",
                                                                     descending=False), DAY)]
    assert hours == sorted(hours)


def test_filter_options_list_years_and_providers(school):
    store, _ = school
    options = st.filter_options(store)
    assert options["years"] == ["2025", "2023", "2021", "2020"]
    assert options["providers"][0] == "ИРО"


# --- one person ----------------------------------------------------------------------------


def test_person_hours_and_overdue_state(school):
    store, ids = school
    elkina = st.person_trainings(store, ids["elkina"], DAY)
    assert titles(elkina.rows)[0].startswith("Школа современного")
    assert elkina.hours_3 == 72 + 36               # 23.11.2023 is exactly three years back
    assert elkina.hours_5 == 72 + 36 + 300         # 23.11.2021 is exactly five years back
    assert elkina.last_end == D(2025, 5, 20) and not elkina.overdue
    gromov = st.person_trainings(store, ids["gromov"], DAY)
    assert gromov.last_end == D(2023, 11, 22)      # a стажировка does not count
    assert gromov.overdue and gromov.overdue_from == DAY
    assert gromov.hours_3 == 24
    never = st.person_trainings(store, ids["never"], DAY)
    assert never.rows == [] and never.overdue and never.overdue_from is None


def test_period_comes_from_settings(school):
    store, ids = school
    set_settings(store, {"training_period_years": 5})
    assert not st.person_trainings(store, ids["gromov"], DAY).overdue


def test_deficit_options_are_open_ones_and_those_kept(school):
    store, ids = school
    open_ = repo.create(store, Deficit(staff_id=ids["elkina"], area="цифровая",
                                       description="ЦОР", status="выявлен"))
    done = repo.create(store, Deficit(staff_id=ids["elkina"], area="предметная",
                                      description="ФООП", status="устранён"))
    repo.create(store, Deficit(staff_id=ids["gromov"], area="цифровая", description="Чужой"))
    assert [k for k, _ in st.deficit_options(store, ids["elkina"])] == [open_]
    assert {k for k, _ in st.deficit_options(store, ids["elkina"], (done,))} == {open_, done}
    assert "цифровая: ЦОР (выявлен)" == st.deficit_options(store, ids["elkina"])[0][1]
    assert st.deficit_options(store, None) == []


def test_check_training_finds_a_duplicate_of_another_record(school):
    store, ids = school
    record = Training(staff_id=ids["gromov"], title="  цифровая   ШКОЛА ", hours=16,
                      end_date=D(2023, 11, 22))
    assert [f.code for f in st.check_training(store, record)] == ["duplicate"]
    saved = repo.find(store, Training, "title = 'Цифровая школа'")[0]
    assert st.check_training(store, saved) == []           # itself is not a duplicate
    flagged = record.model_copy(update={"title": "Другие", "by_diagnostics": True})
    assert [f.code for f in st.check_training(store, flagged)] == ["diagnostics_without_deficit"]


# --- group entry ---------------------------------------------------------------------------


def test_group_entry_creates_one_record_per_person(school):
    store, ids = school
    people = [ids["elkina"], ids["gromov"], ids["never"], ids["never"]]
    template = Training(staff_id="-", title="Антитеррор", hours=16, end_date=D(2026, 10, 1),
                        doc_number="должен пропасть", deficit_ids=["x"], federal_register=True)
    group = st.save_group(store, template, people)
    made = repo.find(store, Training, "group_id = ?", (group,))
    assert sorted(t.staff_id for t in made) == sorted(set(people))
    assert all(t.title == "Антитеррор" and t.federal_register and t.doc_number == ""
               and t.deficit_ids == [] for t in made)
    assert st.group_size(store, group) == 3
    audit = store.db.conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'training' "
                                  "AND action = 'insert' AND changes LIKE ?",
                                  (f"%{group}%",)).fetchone()[0]
    assert audit == 3


def test_group_entry_is_one_transaction(school):
    store, ids = school
    template = Training(staff_id="-", title="Курс", hours=16, end_date=D(2026, 10, 1))
    with pytest.raises(Exception):
        st.save_group(store, template, [ids["elkina"], "no-such-person"])
    assert repo.count(store, "training", "title = 'Курс'") == 0


def test_edit_for_the_whole_group_keeps_personal_fields(school):
    store, ids = school
    template = Training(staff_id="-", title="Антитерор", hours=16, end_date=D(2026, 10, 1))
    group = st.save_group(store, template, [ids["elkina"], ids["gromov"]])
    mine, other = repo.find(store, Training, "group_id = ?", (group,))
    repo.update(store, other.model_copy(update={"doc_number": "У-2"}))
    edited = mine.model_copy(update={"title": "Антитеррор", "hours": 18, "doc_number": "У-1"})
    assert st.group_changed(store, edited)
    assert not st.group_changed(store, mine.model_copy(update={"doc_number": "У-1"}))
    st.update_group(store, edited)
    after = {t.id: t for t in repo.find(store, Training, "group_id = ?", (group,))}
    assert after[mine.id].doc_number == "У-1" and after[other.id].doc_number == "У-2"
    assert {(t.title, t.hours) for t in after.values()} == {("Антитеррор", 18)}


def test_delete_group_or_one_record(school):
    store, ids = school
    template = Training(staff_id="-", title="Курс", hours=16, end_date=D(2026, 10, 1))
    group = st.save_group(store, template, [ids["elkina"], ids["gromov"], ids["never"]])
    one = repo.find(store, Training, "group_id = ?", (group,))[0]
    st.delete_training(store, one.id)
    assert st.group_size(store, group) == 2
    assert st.delete_group(store, group) == 2
    assert st.group_size(store, group) == 0


def test_a_training_used_in_a_route_is_not_deleted(school):
    store, ids = school
    training = repo.find(store, Training, "title = 'Цифровая школа'")[0]
    route = repo.create(store, IndividualRoute(staff_id=ids["gromov"], period_start=D(2026, 1, 1),
                                               period_end=D(2026, 12, 31)))
    repo.create(store, RouteStep(route_id=route, goal="Курсы", training_id=training.id))
    with pytest.raises(HasDependents, match="ИОМ"):
        st.delete_training(store, training.id)
    assert repo.count(store, "training", "id = ?", (training.id,)) == 1


# --- overdue --------------------------------------------------------------------------------


def test_overdue_and_soon_lists(school):
    store, ids = school
    soon = person(store, "Сомова", "Ольга")
    course(store, soon, D(2024, 5, 22), "ПК", 36)          # overdue on 23.05.2027
    later = person(store, "Позднякова", "Ольга")
    course(store, later, D(2024, 5, 23), "ПК", 36)         # still fine on 23.05.2027
    course(store, ids["never"], D(2027, 2, 1), "Будущие", 36)   # planned, not completed
    lists = st.overdue_lists(store, DAY)
    assert [r.name for r in lists.overdue] == ["Новикова Вера Петровна",
                                               "Громов Пётр Ильич"]
    never, gromov = lists.overdue
    assert never.last_end is None and never.overdue_from is None
    assert never.planned_end == D(2027, 2, 1)
    assert gromov.overdue_from == DAY and not gromov.soon
    assert [r.name for r in lists.soon] == ["Сомова Ольга Петровна"]
    assert lists.soon[0].overdue_from == D(2027, 5, 23)
    # Ёлкина (last course 20.05.2025), the dismissed Уткина and Позднякова are not listed.
    assert lists.months == 6 and lists.period_years == 3


def test_overdue_lists_exclude_people_hired_after_the_date(school):
    store, _ = school
    person(store, "Будущева", "Анна", hire_date=D(2027, 1, 1))
    names = [r.name for r in st.overdue_lists(store, DAY).overdue]
    assert "Будущева Анна Петровна" not in names
