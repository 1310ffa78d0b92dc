"""The preview and the import: add, match and update, errors with reasons, one transaction,
re-import changes nothing, the error report."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from metodkab.domain.models import (ConformityAttestation, QualificationCategory, Staff,
                                    Training)
from metodkab.importing import mapping as m
from metodkab.importing.plan import (ADD, ERROR, SAME, UPDATE, PlanError, apply_plan,
                                     build_plan, years_text)
from metodkab.importing.reader import read_table
from metodkab.importing.report import write_report
from metodkab.storage import repo
from metodkab.storage.repo import current_seq
from tests.data import make_import_samples as samples

D = dt.date
TODAY = D(2026, 11, 23)
LIST_DAY = D(2026, 9, 1)


def plan_for(store, path, kind=m.STAFF, mapping=None):
    sheet = read_table(path, score=m.header_score(kind))
    return build_plan(store, sheet, mapping or m.guess_mapping(sheet.headers, kind), kind)


def by_row(plan):
    return {r.number: r for r in plan.rows}


def person(store, last):
    return repo.find(store, Staff, "last_name = ?", [last])[0]


def test_staff_sheet_preview(fresh_db):
    plan = plan_for(fresh_db, samples.STAFF_XLSX)
    rows = by_row(plan)
    assert {n: r.status for n, r in rows.items()} == {
        6: ADD, 7: ADD, 8: ADD, 9: ERROR, 10: ERROR, 11: ADD, 12: ERROR}
    assert plan.day == LIST_DAY            # «по состоянию на 01.09.2026» above the header
    ivanova = rows[6]
    assert ivanova.name == "Иванова Анна Петровна"
    assert "педстаж 12 лет на 01.09.2026 → начало педстажа 01.09.2014" in ivanova.notes
    assert any("высшая (учитель) от 27.03.2022" in c for c in ivanova.changes)
    assert ("известен только год окончания — записан «2023 г.»; в расчётах курсы окончены "
            "1 января 2023 (самая ранняя дата года), уточните в карточке") in ivanova.notes
    assert rows[9].errors == ["Дата рождения: такой даты нет в календаре"]
    assert rows[10].errors == ["Не указана должность (нужна хотя бы одна)"]
    assert rows[12].errors == ["Этот сотрудник уже есть в строке 6"]
    assert rows[8].skipped == ["Курсы «Курсы по инклюзии 2020»: не указано количество часов"]
    assert "дата СЗД не указана" in rows[8].summary
    assert "дата присвоения категории не указана — записана без даты" in rows[11].summary
    assert "категория высшая (учитель), дата решения не указана" in rows[11].changes
    assert plan.summary().startswith("Добавить: 4, обновить: 0, без изменений: 0, с ошибками: 3.")
    assert [r.number for r in plan.report_rows] == [8, 9, 10, 12]
    assert repo.count(fresh_db, "staff") == 0            # a preview writes nothing


def test_staff_import_writes_what_the_preview_said(fresh_db):
    plan = plan_for(fresh_db, samples.STAFF_XLSX)
    result = apply_plan(fresh_db, plan)
    assert (result.added, result.updated, result.trainings, result.categories,
            result.conformity, result.not_imported) == (4, 0, 2, 3, 1, 3)
    ivanova = person(fresh_db, "Иванова")
    assert (ivanova.first_name, ivanova.middle_name, ivanova.birth_date) == (
        "Анна", "Петровна", D(1980, 3, 14))
    assert ivanova.positions == ["учитель"] and ivanova.subjects == ["математика"]
    assert ivanova.ped_start_date == D(2014, 9, 1)
    petrov = person(fresh_db, "Петров")
    assert petrov.subjects == ["история", "обществознание"]
    assert person(fresh_db, "Сидорова").birth_date == D(1982, 2, 18)   # an Excel day number
    categories = {(c.staff_id, c.category): c for c in repo.find(fresh_db, QualificationCategory)}
    high = categories[(ivanova.id, "высшая")]
    assert (high.position, high.decision_date, high.valid_until) == (
        "учитель", D(2022, 3, 27), D(2027, 3, 27))
    first = categories[(petrov.id, "первая")]
    # «первая 2019»: stored as its year, no term made up (the rules count it from the year)
    assert (first.decision_date, first.decision_precision, first.valid_until) == (
        D(2019, 1, 1), "year", None)
    novikova = person(fresh_db, "Новикова")
    assert categories[(novikova.id, "высшая")].decision_date is None     # none made up
    assert categories[(novikova.id, "высшая")].valid_until is None
    conformity = repo.find(fresh_db, ConformityAttestation)
    assert [(c.result, c.position, c.date) for c in conformity] == [
        ("соответствует", "педагог-психолог", None)]     # no date stated: none made up
    trainings = sorted((t.title, t.hours, t.end_date, t.topics)
                       for t in repo.find(fresh_db, Training))
    assert trainings == [("ФГОС ООО", 36, D(2021, 1, 1), ["ФГОС/ФООП"]),
                         ("Функциональная грамотность", 72, D(2023, 1, 1),
                          ["функциональная грамотность"])]
    notes = [r[0] for r in fresh_db.db.conn.execute(
        "SELECT changes FROM audit_log WHERE table_name = 'staff' AND record_id = '*'")]
    assert notes == ['{"note": "загружено из списка import_staff_fio3.xlsx", "rows": 4}']
    loaded = {r[0] for r in fresh_db.db.conn.execute(        # and each person's own line
        "SELECT record_id FROM audit_log WHERE table_name = 'staff' AND record_id <> '*'")}
    assert loaded == {p.id for p in repo.find(fresh_db, Staff)}


def test_reimport_changes_nothing(fresh_db):
    apply_plan(fresh_db, plan_for(fresh_db, samples.STAFF_XLSX))
    seq = current_seq(fresh_db.db)
    again = plan_for(fresh_db, samples.STAFF_XLSX)
    assert {r.status for r in again.rows if r.status != ERROR} == {SAME}
    assert again.good_rows == []
    apply_plan(fresh_db, again)
    assert current_seq(fresh_db.db) == seq
    # A month later the experience "12 лет" still says the same: nothing changes either.
    later = build_plan(fresh_db, again.sheet, again.mapping, m.STAFF, D(2026, 12, 23))
    assert later.good_rows == []


def test_one_column_name_csv_updates_and_adds(fresh_db):
    apply_plan(fresh_db, plan_for(fresh_db, samples.STAFF_XLSX))
    plan = plan_for(fresh_db, samples.STAFF_CSV)
    rows = by_row(plan)
    assert {n: r.status for n, r in rows.items()} == {
        2: UPDATE, 3: ADD, 4: ADD, 5: ERROR, 6: ADD, 7: ADD}
    assert rows[2].changes == ["Образование: — → высшее", "Педагогическое: да"]
    assert rows[4].skipped == ["дата рождения — указан только год (1990)"]
    assert rows[5].errors == ["ФИО: «Петров» — нужны хотя бы фамилия и имя"]
    assert rows[7].skipped == [
        "Категория: вторая категория отменена с 2011 года — укажите СЗД или оставьте пустым"]
    smirnov = rows[3]
    assert "категория первая (учитель) от 2020 г." in smirnov.changes   # not the deputy post
    result = apply_plan(fresh_db, plan)
    assert (result.added, result.updated) == (4, 1)
    assert person(fresh_db, "Смирнов").positions == ["заместитель директора", "учитель"]
    assert person(fresh_db, "Фёдорова").employment == "основной"
    assert person(fresh_db, "Иванова").education_pedagogical is True
    assert plan_for(fresh_db, samples.STAFF_CSV).good_rows == []


def _csv(tmp_path, text, name="list.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _add(store, last, first, middle="", birth=None, **extra):
    return repo.create(store, Staff(last_name=last, first_name=first, middle_name=middle,
                                    birth_date=birth, positions=extra.pop("positions", ["учитель"]),
                                    **extra))


def test_matching_by_name_and_birth_date(fresh_db, tmp_path):
    _add(fresh_db, "Иванова", "Анна", "Петровна", D(1980, 3, 14))
    _add(fresh_db, "Петров", "Пётр", "", None)
    _add(fresh_db, "Орлова", "Вера", "", None)
    _add(fresh_db, "Орлова", "Вера", "", None)
    path = _csv(tmp_path, "ФИО;Дата рождения;Должность\n"
                          "Иванова Анна Петровна;;учитель\n"          # no date in the row: matched
                          "ИВАНОВА АННА ПЕТРОВНА;01.01.1990;учитель\n"  # a namesake: added
                          "Петров Пётр;05.05.1970;учитель\n"            # the date fills the gap
                          "Орлова Вера;;учитель\n")                     # two of them: which?
    rows = by_row(plan_for(fresh_db, path))
    assert rows[2].status == UPDATE and rows[2].changes == ["Пол: — → ж"]   # «Петровна»
    assert rows[3].status == ADD and "тёзка" in rows[3].summary
    assert rows[4].status == UPDATE and rows[4].changes == ["Дата рождения: — → 05.05.1970"]
    assert rows[5].status == ERROR and "2 сотрудника «Орлова Вера»" in rows[5].errors[0]


def test_update_fills_in_and_never_erases(fresh_db, tmp_path):
    staff_id = _add(fresh_db, "Иванова", "Анна", "Петровна", D(1980, 3, 14),
                    positions=["учитель", "методист"], subjects=["математика"],
                    phone="111-111", snils="", notes="старое", ped_start_date=D(2010, 9, 1))
    path = _csv(tmp_path, "ФИО;Дата рождения;Должность;Предмет;Телефон;Стаж;Примечание;СНИЛС\n"
                          "иванова анна петровна;14.03.1980;учитель;информатика;;16;новое;"
                          "112-233-445 95\n")
    plan = plan_for(fresh_db, path)
    row = plan.rows[0]
    assert row.status == UPDATE
    assert sorted(row.changes) == ["Пол: — → ж", "Предметы: + информатика",
                                   "Примечание: старое → старое; новое",
                                   "СНИЛС: — → 112-233-445 95"]
    apply_plan(fresh_db, plan)
    record = repo.get(fresh_db, Staff, staff_id)
    assert record.positions == ["учитель", "методист"]
    assert record.subjects == ["математика", "информатика"]
    assert record.phone == "111-111" and record.ped_start_date == D(2010, 9, 1)
    assert plan_for(fresh_db, path).rows[0].status == SAME


def test_bad_values_are_reasons(fresh_db, tmp_path):
    path = _csv(tmp_path, "ФИО;Должность;Пол;Стаж;СНИЛС;Дата приёма\n"
                          "Иванова Анна;учитель;ж;двенадцать;123;2019 г.\n"
                          ";учитель;м;;;\n")
    rows = plan_for(fresh_db, path).rows
    assert rows[0].status == ERROR
    assert rows[0].errors == [
        "Дата приёма: указан только год (2019), нужна полная дата ДД.ММ.ГГГГ",
        "СНИЛС — 11 цифр: ХХХ-ХХХ-ХХХ ХХ",
        "Педстаж (лет): «двенадцать» — стаж не распознан (пишите «12 лет» или «12»)"]
    assert rows[1].errors == ["Не указано ФИО"]


def test_mapping_without_a_name_is_refused(fresh_db, tmp_path):
    path = _csv(tmp_path, "ФИО;Должность\nИванова Анна;учитель\n")
    sheet = read_table(path, score=m.header_score(m.STAFF))
    with pytest.raises(PlanError, match="ФИО"):
        build_plan(fresh_db, sheet, {1: "positions"}, m.STAFF)


def test_import_is_one_transaction(fresh_db, monkeypatch):
    _add(fresh_db, "Иванова", "Анна", "Петровна", D(1980, 3, 14))
    plan = plan_for(fresh_db, samples.STAFF_XLSX)
    assert plan.count(UPDATE) == 1
    seq = current_seq(fresh_db.db)

    def broken(store, record, **kwargs):
        raise RuntimeError("диск отключён")

    monkeypatch.setattr(repo, "update", broken)
    with pytest.raises(RuntimeError):
        apply_plan(fresh_db, plan)
    assert repo.count(fresh_db, "staff") == 1 and repo.count(fresh_db, "training") == 0
    assert current_seq(fresh_db.db) == seq


# --- training lists ---------------------------------------------------------------------


def test_training_list_with_free_text(fresh_db):
    apply_plan(fresh_db, plan_for(fresh_db, samples.STAFF_XLSX))
    plan = plan_for(fresh_db, samples.TRAININGS_XLSX, m.TRAININGS)
    rows = by_row(plan)
    assert {n: r.status for n, r in rows.items()} == {
        3: SAME, 4: ADD, 5: ADD, 6: ADD, 7: ERROR, 8: ERROR, 9: SAME}
    assert rows[3].name == "Иванова Анна Петровна"                  # found by initials
    assert "уже есть" in rows[3].summary
    assert "не найден в «Кадрах»" in rows[7].errors[0]
    assert rows[8].errors == ["Курсы «ФГОС НОО»: не указано количество часов; "
                              "не указаны год или дата окончания"]
    assert rows[5].notes[0].startswith("известен только год окончания — записан «2020 г.»")
    result = apply_plan(fresh_db, plan)
    assert result.trainings == 3
    petrov = person(fresh_db, "Петров")
    courses = sorted((t.title, t.kind, t.hours, t.start_date, t.end_date)
                     for t in repo.find(fresh_db, Training, "staff_id = ?", [petrov.id]))
    assert courses == [
        ("Менеджмент в образовании", "профессиональная переподготовка", 520, None,
         D(2020, 1, 1)),
        ("Функциональная грамотность школьников", "повышение квалификации", 72,
         D(2022, 3, 12), D(2022, 3, 25))]
    assert plan_for(fresh_db, samples.TRAININGS_XLSX, m.TRAININGS).good_rows == []


def test_training_list_with_columns(fresh_db, tmp_path):
    _add(fresh_db, "Иванова", "Анна", "Петровна", D(1980, 3, 14))
    _add(fresh_db, "Петров", "Пётр", "Петрович", D(1970, 1, 1))
    path = _csv(tmp_path,
                "Фамилия,Имя,Отчество,Наименование программы,Кол-во часов,Сроки прохождения,"
                "Вид,Форма обучения,Номер удостоверения,Организация\n"
                "Иванова,Анна,Петровна,\"Школа Минпросвещения России: новые возможности, 2023\","
                "36,12.03.2023-25.03.2023,ПК,дистанционно,7723 0001,ФГАОУ ДПО Академия\n"
                "Петров,Пётр,Петрович,Педагог-психолог,520,2021,переподготовка,очно,123,ИРО\n"
                "Петров,Пётр,Петрович,Охрана труда,12,2022,ПК,,,\n")
    plan = plan_for(fresh_db, path, m.TRAININGS)
    assert [r.status for r in plan.rows] == [ADD, ADD, ERROR]
    assert plan.rows[2].errors == [
        "Курсы «Охрана труда»: Часов: для вида «повышение квалификации» — не меньше 16 ч"]
    apply_plan(fresh_db, plan)
    first, second = sorted(repo.find(fresh_db, Training), key=lambda t: t.hours)
    assert first.title == "Школа Минпросвещения России: новые возможности, 2023"
    assert (first.start_date, first.end_date, first.form, first.doc_kind, first.doc_number,
            first.provider) == (D(2023, 3, 12), D(2023, 3, 25), "дистанционная",
                                "удостоверение", "7723 0001", "ФГАОУ ДПО Академия")
    assert (second.kind, second.end_date, second.doc_kind) == (
        "профессиональная переподготовка", D(2021, 1, 1), "диплом")


def test_several_courses_in_one_training_row(fresh_db, tmp_path):
    _add(fresh_db, "Иванова", "Анна", "Петровна")
    path = _csv(tmp_path, "ФИО;Курсы\nИванова А. П.;\"2019 ФГОС НОО 72 ч; 2022 Воспитание; "
                          "2023 ФОП, 36 ч\"\n")
    row = plan_for(fresh_db, path, m.TRAININGS).rows[0]
    assert row.status == ADD and len(row.records) == 2
    assert row.skipped == ["Курсы «2022 Воспитание»: не указано количество часов"]


# --- the error report -------------------------------------------------------------------


def test_error_report(fresh_db, tmp_path):
    plan = plan_for(fresh_db, samples.STAFF_XLSX)
    folder = tmp_path / "Документы" / "отчёты"
    path = write_report(plan, folder, now=dt.datetime(2026, 11, 23, 12, 0))
    assert path == folder / "Ошибки импорта — import_staff_fio3 — 2026-11-23 1200.xlsx"
    assert sorted(p.name for p in folder.iterdir()) == [path.name]     # no temporary file left
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("Файл import_staff_fio3.xlsx")
    assert rows[1][:4] == ("Строка файла", "Итог", "Причина", "№ п/п")
    # written from the preview (nothing loaded yet): what the import will do
    assert [(r[0], r[1]) for r in rows[2:]] == [
        (8, "будет загружена частично"), (9, "не будет загружена"), (10, "не будет загружена"),
        (12, "не будет загружена")]
    assert "проверка до загрузки" in rows[0][0]
    assert sheet.auto_filter.ref == f"A2:{sheet.cell(2, sheet.max_column).column_letter}6"
    assert sheet.print_title_rows == "$2:$2"
    assert rows[3][2] == "Дата рождения: такой даты нет в календаре"
    assert rows[3][4:7] == ("Кузнецов", "Олег", "Петрович")
    again = write_report(plan, folder, now=dt.datetime(2026, 11, 23, 12, 0), applied=True)
    assert again == path and len(list(folder.iterdir())) == 1         # replaced whole
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert [r[1] for r in rows[2:]] == ["загружена частично"] + ["не загружена"] * 3


def test_reasons_name_the_field_once():
    from metodkab.importing.plan import with_label

    assert with_label("Дата приёма", "Такой даты нет") == "Дата приёма: такой даты нет"
    assert with_label("СНИЛС", "СНИЛС — 11 цифр") == "СНИЛС — 11 цифр"
    assert with_label("Начало педстажа", "Начало педстажа слишком близко к дате рождения") == \
        "Начало педстажа слишком близко к дате рождения"
    assert with_label("Категория", "ВКК не распознана") == "Категория: ВКК не распознана"


def test_years_text():
    assert [years_text(n) for n in (1, 2, 5, 11, 12, 21, 22, 25, 111)] == [
        "1 год", "2 года", "5 лет", "11 лет", "12 лет", "21 год", "22 года", "25 лет", "111 лет"]


def test_importing_never_imports_textual():
    import subprocess
    import sys

    code = ("import sys, metodkab.importing.session, metodkab.importing.commands, "
            "metodkab.importing.report; print(any(m.startswith('textual') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_section_headings_and_remarks_in_names(fresh_db, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["ФИО", "Должность", "Дата рождения"])
    ws.append(["ШМО учителей начальных классов"])
    ws.merge_cells("A2:C2")
    ws.append(["Иванова Анна Петровна (декрет)", "учитель", "14.03.1980"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    plan = plan_for(fresh_db, path)
    assert plan.headings == [2] and [r.number for r in plan.rows] == [3]
    assert "Строки-заголовки разделов (пропущены): 2." in plan.summary()
    row = plan.rows[0]
    assert row.status == ADD and row.name == "Иванова Анна Петровна"
    assert "пометка в ФИО «декрет» не загружена" in row.notes
