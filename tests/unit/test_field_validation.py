"""Field checks the forms show: phone and e-mail, every problem of a record at once."""

import pytest

from metodkab.demo import build_demo
from metodkab.domain import models as m
from metodkab.domain.models import validate
from metodkab.domain.parse import check_email, check_phone
from metodkab.storage import repo
from metodkab.storage.db import open_store
from metodkab.sync.sample import fill_sample
from tests.ui import TODAY

STAFF = {"last_name": "Белова", "first_name": "Анастасия", "positions": ["учитель"]}
COURSE = {"staff_id": "s1", "title": "Функциональная грамотность", "hours": "16",
          "kind": "повышение квалификации", "end_date": "20.05.2025"}


@pytest.mark.parametrize("phone", ["+7 (912) 345-67-89", "8-34241-2-15-67", "+7 900 123-45-67",
                                   "123456", "8 (34241) 2 15 67", ""])
def test_phones_that_pass(phone):
    assert check_phone(phone) == phone
    record, errors = validate(m.Staff, {**STAFF, "phone": phone})
    assert errors == {} and record.phone == phone


@pytest.mark.parametrize("phone", ["abc", "12345", "123456789012345678901", "+7 912 abc-67-89",
                                   "7+9123456789", "+7 912 345 67 89 доб. 12", "٣٣٣٣٣٣٣"])
def test_phones_that_do_not(phone):
    with pytest.raises(ValueError, match="6–20 цифр"):
        check_phone(phone)
    _, errors = validate(m.Staff, {**STAFF, "phone": phone})
    assert errors == {"phone": "Цифры, +, пробелы, скобки, дефисы; 6–20 цифр"}


@pytest.mark.parametrize("email", ["belova@school.ru", "a.b-c@mail.example.com", "учитель@школа.рф",
                                   ""])
def test_emails_that_pass(email):
    assert check_email(email) == email
    assert validate(m.Staff, {**STAFF, "email": f"  {email} "})[0].email == email


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "a b@c.ru", "a@@b.ru", "a@b@c.ru",
                                   "a@.ru", "a@b.", "@b.ru"])
def test_emails_that_do_not(email):
    _, errors = validate(m.Staff, {**STAFF, "email": email})
    assert errors == {"email": "Адрес вида имя@школа.рф, без пробелов"}


def test_demo_and_sample_contacts_pass(tmp_path, fresh_db):
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    store = open_store(path, exclusive=False)
    try:
        people = repo.find(store, m.Staff)
    finally:
        store.close()
    fill_sample(fresh_db, code="0412", staff=10)
    people += repo.find(fresh_db, m.Staff)
    assert people and any(p.phone for p in people)
    for person in people:          # what was written passes the form's checks as it is
        assert check_phone(person.phone) == person.phone
        assert check_email(person.email) == person.email


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
