"""Field checks the forms show: every problem of a record at once."""

from metodkab.domain import models as m
from metodkab.domain.models import validate

STAFF = {"last_name": "Белова", "first_name": "Анастасия", "positions": ["учитель"]}
COURSE = {"staff_id": "s1", "title": "Функциональная грамотность", "hours": "16",
          "kind": "повышение квалификации", "end_date": "20.05.2025"}


def test_all_rule_problems_at_once():
    # Too few hours for the kind and the end before the start: both, on one save.
    _, errors = validate(m.Training, {**COURSE, "hours": "8", "start_date": "25.05.2025"})
    assert errors == {"hours": "Для вида «повышение квалификации» — не меньше 16 ч",
                      "end_date": "Дата окончания раньше даты начала"}


def test_rules_are_checked_on_the_fields_that_passed():
    # A field that fails (hours, title) does not hide the date-order rule.
    _, errors = validate(m.Training, {**COURSE, "hours": "abc", "title": "",
                                      "start_date": "25.05.2025"})
    assert errors == {"title": "Заполните поле", "hours": "Введите целое число",
                      "end_date": "Дата окончания раньше даты начала"}
    # A rule that needs the failed field waits for it: no min-hours message for «abc».
    _, errors = validate(m.Training, {**COURSE, "hours": "abc"})
    assert errors == {"hours": "Введите целое число"}
    # A wrong СНИЛС and the dismissal before the hire, together.
    _, errors = validate(m.Staff, {**STAFF, "snils": "123", "hire_date": "01.09.2020",
                                   "dismissal_date": "01.09.2019"})
    assert set(errors) == {"snils", "dismissal_date"}


def test_several_rules_of_a_mentorship():
    _, errors = validate(m.Mentorship, {
        "mentor_id": "a", "form": "педагог — педагог", "start_date": "01.09.2025",
        "planned_end": "01.06.2025", "actual_end": "", "status": "завершена",
        "mentee_ids": ["a"]})
    assert errors == {"planned_end": "Окончание раньше начала",
                      "actual_end": "Укажите дату завершения",
                      "mentee_ids": "Наставник не может быть своим наставляемым"}


def test_a_valid_record_passes():
    record, errors = validate(m.Training, {**COURSE, "start_date": "10.05.2025"})
    assert errors == {} and record.hours == 16
