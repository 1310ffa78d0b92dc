"""Achievements and short learning storage on a fresh database: the register (search,
filters, pages), group entry (create, edit for all, delete), short learning kept apart
from ПК, the ИОМ step link, and the models' checks (result, hours, dates)."""

import datetime as dt

import pytest

from metodkab.domain.models import (Achievement, IndividualRoute, RouteStep, ShortLearning,
                                    Staff, validate)
from metodkab.storage import achievements as sg
from metodkab.storage import repo
from metodkab.storage import training as st
from metodkab.storage.achievements import AchievementQuery
from metodkab.storage.errors import HasDependents

D = dt.date
DAY = D(2026, 11, 23)


def person(store, last, first="Анна", **fields) -> str:
    return repo.create(store, Staff.model_validate({
        "last_name": last, "first_name": first, "positions": ["учитель"],
        "hire_date": D(2010, 9, 1), **fields}))


def achievement(store, staff_id, day, title, kind="мастер-класс", level="муниципальный",
                **fields) -> str:
    return repo.create(store, Achievement(staff_id=staff_id, kind=kind, level=level, date=day,
                                          title=title, **fields))


@pytest.fixture
def school(fresh_db):
    s = fresh_db
    ids = {"elkina": person(s, "Ёлкина", "Ирина"), "gromov": person(s, "Громов", "Пётр"),
           "gone": person(s, "Уткина", dismissal_date=D(2026, 10, 1))}
    achievement(s, ids["elkina"], D(2026, 3, 1), "Смысловое чтение", organiser="ИМЦ района")
    achievement(s, ids["gromov"], D(2025, 5, 20), "Учитель года", kind="конкурс профмастерства",
                level="региональный", result="победитель", evidence="диплом № 7")
    achievement(s, ids["gone"], D(2026, 2, 2), "Открытый урок физики", kind="открытый урок",
                level="школьный")
    return s, ids


def titles(rows):
    return [r.title for r in rows]


def test_register_newest_first_with_dismissed_marked(school):
    s, ids = school
    rows = sg.list_achievements(s, AchievementQuery(), DAY)
    assert titles(rows) == ["Смысловое чтение", "Открытый урок физики", "Учитель года"]
    assert [r.dismissed for r in rows] == [False, True, False]
    assert rows[2].result == "победитель" and rows[2].evidence == "диплом № 7"
    assert sg.count_achievements(s, AchievementQuery(), DAY) == (3, 3)


@pytest.mark.parametrize("query, expected", [
    (AchievementQuery(search="ЕЛКИНА"), ["Смысловое чтение"]),        # ё = е, any case
    (AchievementQuery(search="имц"), ["Смысловое чтение"]),           # the organiser
    (AchievementQuery(search="100%"), []),                            # % is a character
    (AchievementQuery(kind="конкурс профмастерства"), ["Учитель года"]),
    (AchievementQuery(level="школьный"), ["Открытый урок физики"]),
    (AchievementQuery(year=2026), ["Смысловое чтение", "Открытый урок физики"]),
    (AchievementQuery(year=2026, level="муниципальный"), ["Смысловое чтение"]),
])
def test_register_search_and_filters(school, query, expected):
    s, _ = school
    assert titles(sg.list_achievements(s, query, DAY)) == expected


def test_pages_and_years(school):
    s, _ = school
    first = sg.list_achievements(s, AchievementQuery(limit=2), DAY)
    second = sg.list_achievements(s, AchievementQuery(limit=2, offset=2), DAY)
    assert len(first) == 2 and titles(second) == ["Учитель года"]
    assert sg.achievement_years(s) == ["2026", "2025"]


def test_group_entry_edit_for_all_and_delete(school):
    s, ids = school
    template = Achievement(staff_id="-", kind="выступление", level="школьный",
                           date=D(2026, 10, 5), title="Педсовет-семинар", evidence="x")
    group = sg.save_group(s, template, [ids["elkina"], ids["gromov"], ids["elkina"]])
    made = repo.find(s, Achievement, "group_id = ?", (group,))
    assert sorted(a.staff_id for a in made) == sorted([ids["elkina"], ids["gromov"]])
    assert {a.evidence for a in made} == {""}          # evidence is each person's own
    assert sg.group_size(s, group) == 2

    one = made[0].model_copy(update={"title": "Педсовет-семинар «ФГ»"})
    assert sg.group_changed(s, one)
    sg.update_group(s, one)
    assert {a.title for a in repo.find(s, Achievement, "group_id = ?", (group,))} == {
        "Педсовет-семинар «ФГ»"}
    assert sg.delete_group(s, group) == 2
    assert sg.group_size(s, group) == 0
    assert sg.count_achievements(s, AchievementQuery(), DAY) == (3, 3)


def test_result_is_one_of_the_offered_and_hours_are_short(school):
    _, errors = validate(Achievement, {"staff_id": "x", "kind": "публикация",
                                       "level": "школьный", "date": "01.02.2026",
                                       "title": "Статья", "result": "сертификат"})
    assert "result" in errors
    record, errors = validate(ShortLearning, {"staff_id": "x", "title": "Вебинар",
                                              "hours": "1,5", "date": "03.02.2026"})
    assert errors == {} and record.hours == 1.5 and record.kind == "вебинар"
    for hours in ("16", "0", "-1", "много"):
        _, errors = validate(ShortLearning, {"staff_id": "x", "title": "Курс", "hours": hours,
                                             "date": "03.02.2026"})
        assert "hours" in errors, hours
    _, errors = validate(ShortLearning, {"staff_id": "x", "title": "Курс", "hours": "2",
                                         "start_date": "05.02.2026", "date": "03.02.2026"})
    assert "date" in errors


def test_short_learning_is_not_training_and_a_route_step_may_point_at_it(school):
    s, ids = school
    learning = repo.create(s, ShortLearning(staff_id=ids["gromov"], title="Флагманские "
                                            "программы, занятие 1", platform="Канал "
                                            "Просвещения", hours=1.5, date=D(2026, 11, 2)))
    repo.create(s, ShortLearning(staff_id=ids["gromov"], kind="онлайн-курс", title="ФГ",
                                 hours=12, date=D(2026, 10, 1)))
    growth = sg.person_growth(s, ids["gromov"], DAY)
    assert [r.title for r in growth.learning][0].startswith("Флагманские")
    assert growth.learning_hours == 13.5
    # never a course: the person stays overdue for ПК
    courses = st.person_trainings(s, ids["gromov"], DAY)
    assert courses.rows == [] and courses.overdue
    assert sg.learning_options(s, ids["gromov"])[0] == (
        learning, "02.11.2026 · вебинар «Флагманские программы, занятие 1», 1,5 ч")

    route = repo.create(s, IndividualRoute(staff_id=ids["gromov"], period_start=D(2026, 9, 1),
                                           period_end=D(2027, 5, 31)))
    step = repo.create(s, RouteStep(route_id=route, goal="Читательская грамотность",
                                    learning_id=learning, done_date=D(2026, 11, 2)))
    with pytest.raises(HasDependents):
        sg.delete_learning(s, learning)
    repo.soft_delete(s, RouteStep, step)
    sg.delete_learning(s, learning)
    assert len(sg.person_learning(s, ids["gromov"])) == 1


def test_staff_with_short_learning_cannot_be_deleted(school):
    from metodkab.storage.staff import dependents

    s, ids = school
    before = dependents(s, ids["gromov"])
    repo.create(s, ShortLearning(staff_id=ids["gromov"], title="Вебинар", hours=1,
                                 date=D(2026, 11, 2)))
    assert dependents(s, ids["gromov"]) == before + 1


def test_route_step_shows_the_short_learning_it_points_to(school):
    from metodkab.storage import development as sd

    s, ids = school
    learning = repo.create(s, ShortLearning(staff_id=ids["elkina"], kind="семинар",
                                            title="Проектирование урока", hours=4,
                                            date=D(2026, 10, 12)))
    other = repo.create(s, ShortLearning(staff_id=ids["gromov"], title="Чужой вебинар",
                                         hours=1, date=D(2026, 10, 12)))
    route = repo.create(s, IndividualRoute(staff_id=ids["elkina"], period_start=D(2026, 9, 1),
                                           period_end=D(2027, 5, 31)))
    options = sd.step_options(s, route)["learning"]
    assert [key for key, _ in options] == [learning]          # the person's own only
    assert other not in dict(options)
    repo.create(s, RouteStep(route_id=route, goal="Урок по ФГОС", learning_id=learning))
    view = sd.load_route(s, route, DAY)
    assert view.steps[0].learning == "семинар «Проектирование урока» (12.10.2026)"
