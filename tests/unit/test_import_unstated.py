"""An import stores what its list states and never makes a value up: a category stated
without a date keeps no decision date (and is «уточнить дату решения» wherever the term
matters), a course given only by its year is stored as that year (end_precision "year")."""

import csv
import datetime as dt
import io

import pytest

from metodkab.domain.models import QualificationCategory, Staff, Training
from metodkab.importing import mapping as m
from metodkab.importing.plan import SAME, apply_plan, build_plan
from metodkab.importing.reader import read_table
from metodkab.storage import repo
from tests.data.make_import_samples import SITE_HEADER

D = dt.date
DAY = D(2026, 11, 23)
ROWS = [
    [1, "Орлова Мария Ивановна", "Учитель", "Русский язык", "высшее", "учитель русского языка",
     "20 лет", "20 лет", "высшая", "Читательская грамотность, 36 ч., 2023"],
    [2, "Белов Антон Сергеевич", "Учитель", "История", "высшее", "учитель истории",
     "12 лет", "12 лет", "первая 10.10.2024", "Историческое просвещение, 72 ч., 15.05.2025"],
]


def write_list(path):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Педагогический состав на 01.09.2025"] + [""] * (len(SITE_HEADER) - 1))
    writer.writerow(SITE_HEADER)
    writer.writerows(ROWS)
    path.write_bytes(out.getvalue().encode("cp1251"))
    return path


def plan_of(store, path):
    sheet = read_table(path, score=m.header_score(m.STAFF))
    return build_plan(store, sheet, m.guess_mapping(sheet.headers, m.STAFF), m.STAFF)


@pytest.fixture
def loaded(fresh_db, tmp_path):
    path = write_list(tmp_path / "list.csv")
    plan = plan_of(fresh_db, path)
    apply_plan(fresh_db, plan)
    return fresh_db, plan, path


def person(store, last):
    return repo.find(store, Staff, "last_name = ?", [last])[0]


def test_category_without_a_date_is_stored_without_one(loaded):
    store, plan, _ = loaded
    orlova = person(store, "Орлова")
    (cat,) = repo.find(store, QualificationCategory, "staff_id = ?", [orlova.id])
    assert (cat.category, cat.decision_date, cat.valid_until) == ("высшая", None, None)
    row = next(r for r in plan.rows if r.name.startswith("Орлова"))
    assert "категория высшая (учитель), дата решения не указана" in row.changes
    assert any("записана без даты" in n for n in row.notes)
    belov = person(store, "Белов")                   # a stated date is kept as stated
    (dated,) = repo.find(store, QualificationCategory, "staff_id = ?", [belov.id])
    assert dated.decision_date == D(2024, 10, 10)


def test_course_with_only_a_year_is_stored_as_the_year(loaded):
    store, plan, _ = loaded
    (course,) = repo.find(store, Training, "staff_id = ?", [person(store, "Орлова").id])
    assert (course.title, course.hours) == ("Читательская грамотность", 36)
    assert (course.end_date, course.end_precision) == (D(2023, 1, 1), "year")
    row = next(r for r in plan.rows if r.name.startswith("Орлова"))
    assert "курсы «Читательская грамотность», 36 ч, окончание 2023 г." in row.changes
    (full,) = repo.find(store, Training, "staff_id = ?", [person(store, "Белов").id])
    assert (full.end_date, full.end_precision) == (D(2025, 5, 15), "day")


def test_reloading_the_list_changes_nothing(loaded):
    store, _, path = loaded
    assert {r.status for r in plan_of(store, path).rows} == {SAME}


def test_undated_category_is_held_and_asks_for_its_date(loaded):
    from metodkab.storage.alerts import collect_alerts
    from metodkab.storage.attestation import person_attestation, schedule
    from metodkab.storage.indicators import load_report

    store, _, _ = loaded
    orlova = person(store, "Орлова")
    att = person_attestation(store, orlova.id, DAY)
    assert [c.category for c in att.held] == ["высшая"]      # the list says she holds it
    assert att.conformity_state is None                     # so no СЗД is owed
    assert att.eligibility == []                            # nothing to count from
    plan = schedule(store, DAY)
    (row,) = [r for r in plan.expiring if r.staff_id == orlova.id]
    assert (row.clarify, row.valid_until, row.apply_by, row.red) == (True, None, None, False)
    assert (plan.ending, plan.unclear) == (0, 1)
    alerts = {a.key: a for a in collect_alerts(store, DAY)}
    assert [i.text for i in alerts["category_undated"].items] == [
        "Орлова Мария Ивановна: высшая — дата решения не указана"]
    assert alerts["category_expiring"].items == []
    report = load_report(store, DAY)
    figures = {r.key: r for r in report.results}
    assert orlova.id in figures["cat_highest"].ids
    assert orlova.id not in figures["categories_expiring"].ids
    late = figures["training_overdue"]        # counted, and the drill-down says why to check
    assert orlova.id in late.ids
    assert late.note(orlova.id) == "курсы известны только годом — уточнить дату окончания"
    assert [i.text for i in alerts["overdue_training"].items] == [
        "Орлова Мария Ивановна — курсы известны только годом — уточнить дату окончания"]


def test_year_only_course_in_the_lists(loaded):
    """Read from 1 January 2023, Орлова is overdue on 23.11.2026 — but a course that ended
    after 23.11.2023 would still count: every list says «уточнить», none says «01.01.2023»."""
    from metodkab.screens.tables_export import overdue_rows, training_rows
    from metodkab.storage.staff import StaffQuery, list_staff
    from metodkab.storage.training import TrainingQuery, list_trainings, overdue_lists, \
        person_trainings

    store, _, _ = loaded
    orlova = person(store, "Орлова")
    mine = person_trainings(store, orlova.id, DAY)
    assert (mine.last_end, mine.last_precision, mine.overdue, mine.clarify) == (
        D(2023, 1, 1), "year", True, True)
    assert not person_trainings(store, person(store, "Белов").id, DAY).clarify
    lists = overdue_lists(store, DAY)
    (row,) = [r for r in lists.overdue if r.staff_id == orlova.id]
    assert (row.last_precision, row.clarify) == ("year", True)
    (line,) = [r for r in overdue_rows(lists) if r[0].startswith("Орлова")]
    assert line[2] == "2023 г." and "уточнить дату окончания" in line[5]
    staff_rows = {r.name.split()[0]: r for r in list_staff(store, StaffQuery(), DAY)}
    assert staff_rows["Орлова"].last_training_precision == "year"
    assert staff_rows["Белов"].last_training_precision == "day"
    courses = {r.name.split()[0]: r for r in list_trainings(store, TrainingQuery(), DAY)}
    assert courses["Орлова"].end_precision == "year"
    (sheet_line,) = [r for r in training_rows([courses["Орлова"]])]
    assert sheet_line[7] == "2023 г."
    assert not any(r.clarify for r in overdue_lists(store, D(2026, 1, 1)).overdue)
