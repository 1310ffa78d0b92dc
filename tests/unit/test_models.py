"""Validation rules of the domain models, with the Russian messages the forms show."""

import datetime as dt

import pytest
from pydantic import ValidationError

from metodkab.domain import models as m
from metodkab.domain.models import field_errors, validate

D = dt.date

STAFF = {"last_name": "Иванова", "first_name": "Мария", "middle_name": "Петровна",
         "positions": ["учитель"]}
TRAINING = {"staff_id": "s1", "title": "Функциональная грамотность", "hours": 36,
            "end_date": "20.03.2025"}
MENTORSHIP = {"mentor_id": "s1", "form": "педагог – педагог", "start_date": "01.09.2025",
              "planned_end": "31.05.2026", "mentee_ids": ["s2"]}
CATEGORY = {"staff_id": "s1", "position": "учитель", "category": "первая",
            "decision_date": "25.12.2024"}


def errors(model, data):
    record, found = validate(model, data)
    assert record is None, "expected validation errors"
    return found


def ok(model, data):
    record, found = validate(model, data)
    assert found == {}
    return record


# --- required fields ---------------------------------------------------------------------


def test_staff_required_fields():
    assert errors(m.Staff, {"positions": ["учитель"]}) == {
        "last_name": "Обязательное поле", "first_name": "Обязательное поле"}


def test_staff_blank_name_parts_are_required():
    found = errors(m.Staff, {**STAFF, "last_name": "  ", "first_name": ""})
    assert found == {"last_name": "Заполните поле", "first_name": "Заполните поле"}


def test_staff_needs_a_position():
    assert errors(m.Staff, {**STAFF, "positions": []}) == {
        "positions": "Укажите хотя бы одну должность"}
    assert errors(m.Staff, {**STAFF, "positions": ["  "]}) == {
        "positions": "Укажите хотя бы одну должность"}
    data = {k: v for k, v in STAFF.items() if k != "positions"}
    assert errors(m.Staff, data) == {"positions": "Укажите хотя бы одну должность"}


def test_training_required_fields():
    found = errors(m.Training, {})
    assert found == {"staff_id": "Обязательное поле", "title": "Обязательное поле",
                     "hours": "Обязательное поле", "end_date": "Обязательное поле"}
    found = errors(m.Training, {**TRAINING, "title": "  ", "end_date": ""})
    assert found == {"title": "Заполните поле", "end_date": "Укажите дату"}


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (m.School, {"full_name": "", "short_name": "СОШ № 1"}, "full_name"),
        (m.Association, {"name": " "}, "name"),
        (m.Deficit, {"staff_id": "s", "area": "цифровая", "description": ""}, "description"),
        (m.RouteStep, {"route_id": "r", "goal": ""}, "goal"),
        (m.MentorshipEvent, {"mentorship_id": "x", "date": "01.10.2025", "topic": ""}, "topic"),
        (m.Achievement, {"staff_id": "s", "kind": "публикация", "level": "школьный",
                         "date": "01.10.2025", "title": ""}, "title"),
        (m.Programme, {"title": "", "year_from": 2025, "year_to": 2028}, "title"),
        (m.ProgrammeTask, {"programme_id": "p", "title": ""}, "title"),
        (m.TargetIndicator, {"programme_id": "p", "name": ""}, "name"),
    ],
)
def test_blank_required_text_is_refused(model, data, field):
    assert errors(model, data) == {field: "Заполните поле"}


def test_unknown_field_is_refused():
    assert errors(m.Staff, {**STAFF, "salary": 1}) == {"salary": "Лишнее поле"}


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["05.03.1985", "1985-03-05", "5.3.1985", D(1985, 3, 5)])
def test_dates_in_both_forms(text):
    assert ok(m.Staff, {**STAFF, "birth_date": text}).birth_date == D(1985, 3, 5)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31.02.2024", "Такой даты нет в календаре"),
        ("2023-02-29", "Такой даты нет в календаре"),
        ("05.1985", "Дата вводится как ДД.ММ.ГГГГ"),
        ("05.03", "Укажите год: дата вводится как ДД.ММ.ГГГГ"),
        ("пятое марта", "Дата вводится как ДД.ММ.ГГГГ"),
        ("05.03.1812", "Год должен быть от 1900 до 2100"),
    ],
)
def test_invalid_dates_have_russian_messages(text, message):
    assert errors(m.Staff, {**STAFF, "birth_date": text}) == {"birth_date": message}
    assert errors(m.Training, {**TRAINING, "end_date": text}) == {"end_date": message}


def test_optional_date_may_be_blank():
    assert ok(m.Staff, {**STAFF, "birth_date": "", "hire_date": None}).birth_date is None


# --- ФИО ---------------------------------------------------------------------------------


def test_name_capitals_are_normalised():
    person = ok(m.Staff, {**STAFF, "last_name": "ИВАНОВА-ПЕТРОВА", "first_name": "мария",
                          "middle_name": "  петровна "})
    assert (person.last_name, person.first_name, person.middle_name) == (
        "Иванова-Петрова", "Мария", "Петровна")
    assert person.name == "Иванова-Петрова Мария Петровна"
    assert person.name_norm == "иванова-петрова мария петровна"


def test_name_norm_replaces_yo():
    person = ok(m.Staff, {**STAFF, "last_name": "Ёлкина", "first_name": "Алёна"})
    assert person.name_norm == "елкина алена петровна"


def test_middle_name_is_optional():
    person = ok(m.Staff, {**STAFF, "middle_name": ""})
    assert person.name == "Иванова Мария"


@pytest.mark.parametrize("field", ["last_name", "first_name", "middle_name"])
@pytest.mark.parametrize("bad", ["Иванова2", "Иванова.", "Ива@нова", "_"])
def test_name_parts_reject_bad_characters(field, bad):
    assert errors(m.Staff, {**STAFF, field: bad}) == {field: "Только буквы, дефис и пробел"}


# --- enumerations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (m.Staff, {**STAFF, "sex": "x"}, "sex"),
        (m.Staff, {**STAFF, "employment": "совместитель"}, "employment"),
        (m.Staff, {**STAFF, "education_level": "начальное"}, "education_level"),
        (m.Training, {**TRAINING, "kind": "курсы"}, "kind"),
        (m.Training, {**TRAINING, "form": "вечерняя"}, "form"),
        (m.Training, {**TRAINING, "doc_kind": "справка"}, "doc_kind"),
        (m.Training, {**TRAINING, "provider_ownership": "частная"}, "provider_ownership"),
        (m.QualificationCategory, {**CATEGORY, "category": "вторая"}, "category"),
        (m.Diagnostic, {"staff_id": "s", "date": "01.10.2025", "kind": "тест"}, "kind"),
        (m.Deficit, {"staff_id": "s", "area": "любая", "description": "d"}, "area"),
        (m.Mentorship, {**MENTORSHIP, "status": "приостановлена"}, "status"),
        (m.Association, {"name": "ШМО", "kind": "кружок"}, "kind"),
        (m.Achievement, {"staff_id": "s", "kind": "статья", "level": "школьный",
                         "date": "01.10.2025", "title": "t"}, "kind"),
        (m.ProgrammeActivity, {"task_id": "t", "title": "t", "deadline": "01.10.2025",
                               "status": "забыто"}, "status"),
    ],
)
def test_enumerations_offer_the_list(model, data, field):
    assert errors(model, data) == {field: "Выберите значение из списка"}


def test_optional_enumeration_blank_is_none():
    person = ok(m.Staff, {**STAFF, "sex": "", "education_level": ""})
    assert person.sex is None and person.education_level is None


# --- numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize("hours", [0, -5])
def test_hours_positive(hours):
    assert errors(m.Training, {**TRAINING, "hours": hours}) == {"hours": "Должно быть больше 0"}


def test_hours_must_be_a_whole_number():
    assert errors(m.Training, {**TRAINING, "hours": "много"}) == {"hours": "Введите целое число"}
    assert errors(m.Training, {**TRAINING, "hours": 16.5}) == {"hours": "Введите целое число"}


def test_hours_minimum_per_kind():
    assert errors(m.Training, {**TRAINING, "hours": 15}) == {
        "hours": "Для вида «повышение квалификации» — не меньше 16 ч"}
    assert ok(m.Training, {**TRAINING, "hours": 16}).hours == 16
    retraining = {**TRAINING, "kind": "профессиональная переподготовка"}
    assert errors(m.Training, {**retraining, "hours": 249}) == {
        "hours": "Для вида «профессиональная переподготовка» — не меньше 250 ч"}
    assert ok(m.Training, {**retraining, "hours": 250}).hours == 250
    # An internship (стажировка) has no minimum.
    assert ok(m.Training, {**TRAINING, "kind": "стажировка", "hours": 4}).hours == 4


@pytest.mark.parametrize(("percent", "message"), [(-1, "Не меньше 0"), (100.5, "Не больше 100")])
def test_percent_between_0_and_100(percent, message):
    data = {"staff_id": "s", "date": "01.10.2025", "kind": "функциональная грамотность"}
    assert errors(m.Diagnostic, {**data, "percent": percent}) == {"percent": message}
    assert ok(m.Diagnostic, {**data, "percent": 0}).percent == 0
    assert ok(m.Diagnostic, {**data, "percent": 100}).percent == 100
    assert errors(m.Diagnostic, {**data, "percent": "сто"}) == {"percent": "Введите число"}


def test_diagnostic_score_not_above_maximum():
    data = {"staff_id": "s", "date": "01.10.2025", "kind": "функциональная грамотность"}
    assert errors(m.Diagnostic, {**data, "score": 31, "max_score": 30}) == {
        "score": "Балл больше максимального"}
    assert errors(m.Diagnostic, {**data, "max_score": 0}) == {"max_score": "Должно быть больше 0"}
    diagnostic = ok(m.Diagnostic, {**data, "score": 21, "max_score": 30})
    assert diagnostic.result_percent == 70.0
    assert ok(m.Diagnostic, {**data, "percent": 55, "score": 1, "max_score": 30}).result_percent == 55


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", float("inf")])
def test_numbers_must_be_finite(value):
    data = {"staff_id": "s", "date": "01.10.2025", "kind": "функциональная грамотность"}
    assert errors(m.Diagnostic, {**data, "score": value}) == {"score": "Введите число"}
    indicator = {"programme_id": "p", "name": "Доля"}
    assert errors(m.TargetIndicator, {**indicator, "baseline": value}) == {
        "baseline": "Введите число"}


def test_task_and_indicator_numbers():
    assert errors(m.ProgrammeTask, {"programme_id": "p", "title": "Задача", "number": 0}) == {
        "number": "Должно быть больше 0"}
    assert errors(m.ProgrammeTask, {"programme_id": "p", "title": "Задача",
                                    "number": 10**20}) == {"number": "Не больше 9999"}
    assert errors(m.TargetIndicator, {"programme_id": "p", "name": "Доля", "number": -1}) == {
        "number": "Должно быть больше 0"}


def test_programme_years():
    data = {"title": "Программа", "year_from": 2025, "year_to": 2028}
    assert ok(m.Programme, data).year_to == 2028
    assert errors(m.Programme, {**data, "year_to": 2024}) == {
        "year_to": "Год окончания раньше года начала"}
    assert errors(m.Programme, {**data, "year_from": 1999}) == {"year_from": "Не меньше 2000"}


# --- end not before start ------------------------------------------------------------------


def test_training_end_not_before_start():
    assert errors(m.Training, {**TRAINING, "start_date": "21.03.2025"}) == {
        "end_date": "Дата окончания раньше даты начала"}
    assert ok(m.Training, {**TRAINING, "start_date": "20.03.2025"}).start_date == D(2025, 3, 20)


def test_route_period():
    data = {"staff_id": "s", "period_start": "01.09.2025", "period_end": "31.08.2025"}
    assert errors(m.IndividualRoute, data) == {"period_end": "Конец периода раньше начала"}
    assert ok(m.IndividualRoute, {**data, "period_end": "01.09.2025"})


def test_mentorship_dates():
    assert errors(m.Mentorship, {**MENTORSHIP, "planned_end": "31.08.2025"}) == {
        "planned_end": "Окончание раньше начала"}
    assert errors(m.Mentorship, {**MENTORSHIP, "actual_end": "31.08.2025"}) == {
        "actual_end": "Окончание раньше начала"}
    assert errors(m.Mentorship, {**MENTORSHIP, "status": "завершена"}) == {
        "actual_end": "Укажите дату завершения"}
    done = ok(m.Mentorship, {**MENTORSHIP, "status": "завершена", "actual_end": "01.09.2025"})
    assert done.actual_end == D(2025, 9, 1)


def test_programme_activity_deadline_and_done_date():
    data = {"task_id": "t", "title": "Семинар", "deadline": "01.10.2025"}
    assert errors(m.ProgrammeActivity, {**data, "start_date": "02.10.2025"}) == {
        "deadline": "Срок раньше даты начала"}
    assert errors(m.ProgrammeActivity, {**data, "status": "выполнено"}) == {
        "done_date": "Укажите дату выполнения"}


def test_category_valid_until_not_before_decision():
    assert errors(m.QualificationCategory, {**CATEGORY, "valid_until": "24.12.2024"}) == {
        "valid_until": "Срок действия раньше даты решения"}
    assert ok(m.QualificationCategory, {**CATEGORY, "valid_until": None}).valid_until is None
    assert ok(m.QualificationCategory, {**CATEGORY, "valid_until": "25.12.2029"})


def test_staff_dismissal_not_before_hire():
    data = {**STAFF, "hire_date": "01.09.2020"}
    assert errors(m.Staff, {**data, "dismissal_date": "31.08.2020"}) == {
        "dismissal_date": "Дата увольнения раньше даты приёма"}
    assert ok(m.Staff, {**data, "dismissal_date": "01.09.2020"})


def test_staff_dates_too_close_to_birth():
    data = {**STAFF, "birth_date": "01.01.2000"}
    assert errors(m.Staff, {**data, "hire_date": "01.09.2013"}) == {
        "hire_date": "Дата приёма слишком близка к дате рождения"}
    assert errors(m.Staff, {**data, "ped_start_date": "01.09.2010"}) == {
        "ped_start_date": "Начало педстажа слишком близко к дате рождения"}
    assert ok(m.Staff, {**data, "hire_date": "01.09.2022", "ped_start_date": "01.09.2022"})


# --- other rules ---------------------------------------------------------------------------


def test_snils_checksum():
    assert ok(m.Staff, {**STAFF, "snils": "11223344595"}).snils == "112-233-445 95"
    assert errors(m.Staff, {**STAFF, "snils": "112-233-445 96"}) == {
        "snils": "Неверное контрольное число СНИЛС"}
    assert errors(m.Staff, {**STAFF, "snils": "12345"}) == {
        "snils": "СНИЛС — 11 цифр: ХХХ-ХХХ-ХХХ ХХ"}
    assert ok(m.Staff, {**STAFF, "snils": ""}).snils == ""


def test_mentor_is_not_own_mentee():
    assert errors(m.Mentorship, {**MENTORSHIP, "mentee_ids": ["s2", "s1"]}) == {
        "mentee_ids": "Наставник не может быть своим наставляемым"}


def test_mentorship_needs_mentees_and_drops_repeats():
    assert errors(m.Mentorship, {**MENTORSHIP, "mentee_ids": []}) == {
        "mentee_ids": "Укажите хотя бы одного наставляемого"}
    assert ok(m.Mentorship, {**MENTORSHIP, "mentee_ids": ["s2", "s3", "s2"]}).mentee_ids == [
        "s2", "s3"]


def test_conformity_needs_result_or_exemption():
    data = {"staff_id": "s", "date": "01.10.2025"}
    assert errors(m.ConformityAttestation, data) == {
        "result": "Укажите результат или причину освобождения"}
    assert ok(m.ConformityAttestation, {**data, "result": "соответствует"})
    assert ok(m.ConformityAttestation, {**data, "exemption_reason": "менее 2 лет в должности"})


def test_computed_indicator_needs_a_key():
    data = {"programme_id": "p", "name": "Доля", "source": "computed"}
    assert errors(m.TargetIndicator, data) == {"computed_key": "Выберите вычисляемый показатель"}


def test_positions_and_subjects_are_cleaned():
    person = ok(m.Staff, {**STAFF, "positions": ["учитель ", "учитель", " методист", ""],
                          "subjects": ["математика", "  математика", "физика"]})
    assert person.positions == ["учитель", "методист"]
    assert person.subjects == ["математика", "физика"]


def test_lists_of_ids_keep_each_id_once():
    assert ok(m.Staff, {**STAFF, "association_ids": ["a", "b", "a"]}).association_ids == ["a", "b"]
    assert ok(m.Training, {**TRAINING, "deficit_ids": ["d", "d"]}).deficit_ids == ["d"]
    activity = ok(m.ProgrammeActivity, {"task_id": "t", "title": "Семинар",
                                        "deadline": "01.10.2025", "responsible_ids": ["s", "s"]})
    assert activity.responsible_ids == ["s"]


def test_training_topics_from_json_text():
    assert ok(m.Training, {**TRAINING, "topics": '["воспитание", "инклюзия"]'}).topics == [
        "воспитание", "инклюзия"]
    assert ok(m.Training, {**TRAINING, "topics": "воспитание"}).topics == ["воспитание"]


def test_columns_of_a_record():
    person = ok(m.Staff, {**STAFF, "birth_date": "05.03.1985", "management_team": True})
    columns = person.columns()
    assert columns["birth_date"] == "1985-03-05"
    assert columns["management_team"] == 1
    assert columns["name_norm"] == "иванова мария петровна"
    assert "positions" not in columns and "id" not in columns and "version" not in columns
    training = ok(m.Training, {**TRAINING, "topics": ["воспитание"]})
    assert training.columns()["topics"] == '["воспитание"]'


def test_field_errors_reports_first_error_per_field():
    with pytest.raises(ValidationError) as info:
        m.Training.model_validate({**TRAINING, "hours": 0, "end_date": "31.02.2025"})
    assert field_errors(info.value) == {"hours": "Должно быть больше 0",
                                        "end_date": "Такой даты нет в календаре"}


def test_every_model_has_its_table():
    tables = {model.TABLE for model in m.ALL_MODELS}
    assert len(tables) == len(m.ALL_MODELS)
