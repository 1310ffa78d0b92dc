"""The staff register exported to Excel (Кадры, Ctrl+E) and imported into an empty school
gives the same register: names, positions and subjects, part-timers, categories held,
years of experience, dismissals; loading it again changes nothing."""

import datetime as dt

from metodkab.domain.models import QualificationCategory, Staff
from metodkab.importing.plan import SAME
from metodkab.importing.session import load, run_import
from metodkab.screens.indicators_export import export_staff
from metodkab.storage import repo
from metodkab.storage.db import open_memory
from metodkab.storage.staff import StaffQuery, list_staff

D = dt.date
DAY = D(2026, 11, 23)           # the frozen today of the tests


def person(store, last, first, middle, **values):
    staff_id = repo.create(store, Staff(last_name=last, first_name=first, middle_name=middle,
                                        **values))
    return staff_id


def school(store):
    anna = person(store, "Иванова", "Анна", "Петровна", sex="ж", positions=["учитель"],
                  subjects=["математика", "информатика"], ped_start_date=D(2010, 9, 1),
                  hire_date=D(2010, 9, 1))
    repo.create(store, QualificationCategory(staff_id=anna, position="учитель",
                                             category="высшая", decision_date=D(2024, 3, 1)))
    petrov = person(store, "Петров", "Сергей", "Иванович", positions=["заместитель директора"],
                    subjects=["история"], ped_start_date=D(1993, 9, 1))
    repo.create(store, QualificationCategory(staff_id=petrov, position="учитель",
                                             category="первая", decision_date=D(2021, 12, 15),
                                             valid_until=D(2026, 12, 15)))
    person(store, "Алиев", "Руслан", "Мамед оглы", positions=["педагог-психолог"],
           employment="внешний совместитель", ped_start_date=D(2020, 1, 10))
    person(store, "Киселёва", "Мария", "Андреевна", positions=["учитель"],
           subjects=["иностранный язык (английский)"], hire_date=D(2015, 9, 1),
           dismissal_date=D(2026, 8, 31), ped_start_date=D(2015, 9, 1))
    person(store, "Новикова", "Дарья", "", positions=["учитель"], subjects=["начальные классы"])


def register(store):
    rows = list_staff(store, StaffQuery(status="all", limit=100), DAY)
    return [(r.name, r.positions, r.subjects, r.category, r.experience, r.dismissed,
             r.dismissal_date, r.employment) for r in rows]


def test_exported_register_imports_into_an_empty_school_as_the_same(fresh_db, clock, tmp_path):
    school(fresh_db)
    path = export_staff(fresh_db, StaffQuery(status="all"), folder=tmp_path)
    empty = open_memory(clock=clock, user="т")
    loaded = load(empty, path, "staff")
    assert loaded.plan is not None and loaded.sheet.list_date == DAY     # «Кадры · на …»
    assert [r.status for r in loaded.plan.rows] == ["add"] * 5
    assert all(not r.skipped for r in loaded.plan.rows), [r.skipped for r in loaded.plan.rows]
    run_import(empty, loaded)
    assert register(empty) == register(fresh_db)
    again = load(empty, path, "staff")
    assert {r.status for r in again.plan.rows} == {SAME}
