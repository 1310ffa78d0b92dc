"""The DOCX documents: the programme, a person's ИОМ, the mentorship order and the staff
development report, built on a hand-made school, saved, and read back with python-docx;
the atomic write."""

import datetime as dt
import os
import zipfile

import docx
import pytest

from metodkab import strings as S
from metodkab.domain.models import (Deficit, IndividualRoute, Mentorship, Programme,
                                    ProgrammeActivity, ProgrammeTask, RouteStep, School, Staff,
                                    TargetIndicator, Training)
from metodkab.reports import docx as W
from metodkab.reports import documents as rd
from metodkab.reports import indicators as ri
from metodkab.screens import documents_export as de
from metodkab.storage import programme as ps
from metodkab.storage import repo
from metodkab.storage.documents import years_text
from metodkab.storage.files import FileProblem
from metodkab.storage.indicators import load_report
from metodkab.storage.school import save_school

D = dt.date(2026, 11, 23)


def person(store, last, first, middle, position="учитель", **kw):
    return repo.create(store, Staff(last_name=last, first_name=first, middle_name=middle,
                                    positions=[position], **kw))


def course(store, staff_id, end, title="Курсы ФГОС"):
    repo.create(store, Training(staff_id=staff_id, title=title, hours=36, end_date=end))


def build_school(store):
    """Five people, two courses, a programme (a done and a postponed activity, a computed
    and a typed indicator), Петрова's ИОМ with two steps, an active and a broken pair.
    Returns (ids, programme id, route id, computed indicator id)."""
    save_school(store, School(full_name='МБОУ "Тестовая СОШ"', short_name="Тестовая СОШ",
                              director="Соколов Андрей Викторович",
                              deputy="Морозова Елена Николаевна"))
    ids = {
        "ivanova": person(store, "Иванова", "Анна", "Петровна", hire_date=dt.date(2020, 9, 1),
                          birth_date=dt.date(1980, 5, 1), ped_start_date=dt.date(2002, 9, 1)),
        "petrova": person(store, "Петрова", "Мария", "Ивановна", hire_date=dt.date(2015, 9, 1),
                          birth_date=dt.date(1975, 2, 3), ped_start_date=dt.date(1998, 9, 1)),
        "sidorov": person(store, "Сидоров", "Олег", "Игоревич", hire_date=dt.date(2025, 9, 1),
                          birth_date=dt.date(2000, 1, 1), ped_start_date=dt.date(2025, 9, 1)),
        "kuznetsova": person(store, "Кузнецова", "Дарья", "", hire_date=dt.date(2026, 9, 1),
                             birth_date=dt.date(2002, 4, 4),
                             ped_start_date=dt.date(2026, 9, 1)),
        "morozova": person(store, "Морозова", "Елена", "Николаевна", "заместитель директора",
                           hire_date=dt.date(2010, 9, 1), birth_date=dt.date(1970, 1, 1),
                           ped_start_date=dt.date(1992, 9, 1)),
    }
    course(store, ids["ivanova"], dt.date(2025, 3, 1))
    course(store, ids["morozova"], dt.date(2024, 5, 20))

    pid = ps.save_programme(store, Programme(
        title="Программа развития методической службы", year_from=2025, year_to=2027,
        goal="Рост профессионального мастерства", order_number="84-о",
        order_date=dt.date(2025, 8, 29)))
    t1 = ps.save_task(store, ProgrammeTask(programme_id=pid, number=1, title="Кадры"))
    t2 = ps.save_task(store, ProgrammeTask(programme_id=pid, number=2, title="Опыт"))
    done = ps.save_activity(store, ProgrammeActivity(
        task_id=t1, title="Семинар по ФГОС", direction="ФГОС", form="семинар",
        deadline=dt.date(2025, 10, 15), expected_result="Протокол",
        responsible_ids=[ids["morozova"]]))
    ps.complete(store, done, dt.date(2025, 10, 14))
    moved = ps.save_activity(store, ProgrammeActivity(
        task_id=t2, title="Открытые уроки", form="урок", start_date=dt.date(2026, 11, 1),
        deadline=dt.date(2026, 11, 30), responsible_ids=[ids["ivanova"], ids["petrova"]]))
    ps.postpone(store, moved, dt.date(2026, 12, 20), "карантин")
    computed = ps.save_indicator(store, TargetIndicator(
        programme_id=pid, number=1, name="Доля без курсов ПК за 3 года", baseline=40,
        source="computed", computed_key="training_overdue"), {2025: 30, 2026: 20}, {})
    ps.save_indicator(store, TargetIndicator(
        programme_id=pid, number=2, name="Открытые уроки", unit="шт.", baseline=2),
        {2026: 5}, {2026: 4})

    deficit = repo.create(store, Deficit(staff_id=ids["petrova"], area="методическая",
                                         description="Проектирование урока по ФГОС"))
    route = repo.create(store, IndividualRoute(
        staff_id=ids["petrova"], period_start=dt.date(2026, 9, 1),
        period_end=dt.date(2027, 8, 31), approved_date=dt.date(2026, 9, 5),
        status="утверждён"))
    repo.create(store, RouteStep(route_id=route, deficit_id=deficit, goal="Освоить ФГОС",
                                 action="Пройти курсы", form="курсы",
                                 deadline=dt.date(2026, 11, 1),
                                 expected_product="Удостоверение", sort_order=1))
    repo.create(store, RouteStep(route_id=route, goal="Открытый урок", form="открытый урок",
                                 deadline=dt.date(2027, 3, 1), done_date=dt.date(2026, 11, 20),
                                 evidence="Технологическая карта", sort_order=2))

    repo.create(store, Mentorship(
        mentor_id=ids["ivanova"], mentee_ids=[ids["sidorov"]], form="педагог – педагог",
        reason="молодой специалист", start_date=dt.date(2026, 9, 1),
        planned_end=dt.date(2027, 5, 31), curator_id=ids["morozova"]))
    repo.create(store, Mentorship(
        mentor_id=ids["petrova"], mentee_ids=[ids["kuznetsova"]], form="педагог – педагог",
        start_date=dt.date(2026, 9, 1), planned_end=dt.date(2027, 5, 31),
        actual_end=dt.date(2026, 10, 1), status="прервана"))
    return ids, pid, route, computed


@pytest.fixture
def school(fresh_db):
    return (fresh_db, *build_school(fresh_db))


def read(path):
    return docx.Document(str(path))


def cells(table):
    return [[c.text for c in row.cells] for row in table.rows]


def text_of(document):
    return "\n".join(p.text for p in document.paragraphs)


def is_header(row):
    return row._tr.trPr is not None and row._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None


# --- the programme -------------------------------------------------------------------------


def test_programme_document(school, tmp_path):
    store, ids, pid, _, computed = school
    path = de.write_programme(store, pid, folder=tmp_path)
    assert path == (tmp_path / "Программа развития 2025–2027.docx").resolve()
    document = read(path)
    text = text_of(document)
    assert 'МБОУ "Тестовая СОШ"' in text
    assert "Программа развития методической службы" in text
    assert "на 2025–2027 годы" in text
    assert "/ Е. Н. Морозова /" in text

    approvals, passport, plan, indicators, progress = document.tables
    accepted, approved = cells(approvals)[0]
    assert accepted.split("\n") == ["ПРИНЯТА", "педагогическим советом",
                                    "(протокол № ______ от «____» ____________ 20___ г.)"]
    assert approved.split("\n") == ["УТВЕРЖДЕНА", "приказом № 84-о от 29.08.2025"]
    passport = dict(cells(passport))
    assert passport["Наименование программы"] == "Программа развития методической службы"
    assert passport["Сроки реализации"] == "2025–2027 годы"
    assert passport["Цель"] == "Рост профессионального мастерства"
    assert passport["Задачи"] == "1. Кадры\n2. Опыт"
    assert passport["Целевые показатели"] == ("1. Доля без курсов ПК за 3 года, %\n"
                                              "2. Открытые уроки, шт.")
    assert passport["Ответственный за реализацию"] == ("заместитель директора "
                                                       "Морозова Елена Николаевна")
    rows = cells(plan)
    assert rows[0] == list(S.DOC_PROG_PLAN_COLUMNS)
    assert is_header(plan.rows[0]) and not is_header(plan.rows[1])
    assert rows[1] == ["Задача 1. Кадры"] * 8                   # a merged task row
    assert rows[2] == ["1.1", "Семинар по ФГОС", "ФГОС\nсеминар", "15.10.2025",
                       "Морозова Е. Н.", "Протокол", "выполнено 14.10.2025", ""]
    assert rows[3] == ["Задача 2. Опыт"] * 8
    assert rows[4][0] == "2.1"
    assert rows[4][3] == "01.11.2026 – 20.12.2026\nперенесено, было: 30.11.2026"
    assert rows[4][4] == "Иванова А. П., Петрова М. И."
    assert rows[4][6] == "перенесено"

    # Targets and actual values per year, as the Программа развития screen shows them.
    rows = cells(indicators)
    assert rows[0][:4] == list(S.DOC_PROG_IND_COLUMNS)
    assert rows[0][4:] == ["2025", "2025", "2026", "2026", "2027", "2027"]
    assert rows[1][4:] == ["цель", "факт"] * 3
    assert is_header(indicators.rows[0]) and is_header(indicators.rows[1])
    # Overdue for training: 31.12.2025 — Петрова of four (25 %); 23.11.2026 — Петрова of
    # five (20 %): Сидоров and Кузнецова are in their first 3 years of педстаж (§6).
    assert rows[2] == ["1", "Доля без курсов ПК за 3 года\n(вычисляется)", "%", "40",
                       "30", "25", "20", "20", "—", "—"]
    assert rows[3] == ["2", "Открытые уроки", "шт.", "2", "—", "—", "5", "4", "—", "—"]
    view = ps.load_view(store, pid)
    screen = {i.number: i for i in view.indicators}
    assert screen[1].actuals == {2025: 25.0, 2026: 20.0, 2027: None}
    assert screen[2].actuals[2026] == 4.0

    rows = cells(progress)
    assert rows[0] == list(S.DOC_PROG_PROGRESS_COLUMNS)
    assert rows[-1] == ["Вся программа", "2", "0", "1", "1", "0", "100 %"]


def test_programme_counts_what_the_plan_lists_notes_apart_place_and_year(school, tmp_path):
    from metodkab.storage.settings import set_settings

    store, ids, pid, _, _ = school
    [task] = [t for t in ps.list_tasks(store, pid) if t.number == 1]
    ps.save_activity(store, ProgrammeActivity(task_id=task.id, title="Выставка",
                                              deadline=dt.date(2026, 4, 1), status="отменено",
                                              note="перенесена в план МО"))
    set_settings(store, {"doc_place": "с. Берёзовка"})
    document = read(de.write_programme(store, pid, folder=tmp_path))
    assert "с. Берёзовка, 2025" in text_of(document)
    plan, progress = cells(document.tables[2]), cells(document.tables[4])
    cancelled = next(r for r in plan if r[1] == "Выставка")
    assert cancelled[6] == "отменено" and cancelled[7] == "перенесена в план МО"
    listed = sum(1 for r in plan[1:] if "." in r[0] and len(set(r)) > 1)
    total = progress[-1]
    assert int(total[1]) == listed == 3 and total[2] == "1"     # the plan's count, 1 cancelled


def test_programme_layout_is_a4_with_a_landscape_plan(school, tmp_path):
    store, _, pid, _, _ = school
    document = read(de.write_programme(store, pid, folder=tmp_path))
    first, plan = document.sections
    for table in document.tables[2:]:
        assert is_header(table.rows[0])
    assert (round(first.page_width.cm, 1), round(first.page_height.cm, 1)) == (21.0, 29.7)
    assert (round(plan.page_width.cm, 1), round(plan.page_height.cm, 1)) == (29.7, 21.0)
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size.pt) == ("Times New Roman", 12)
    assert 'w:instr="PAGE"' in first.footer._element.xml
    # Word refuses tblPr children out of the schema's order: borders before layout and look.
    approvals, *bordered = document.tables          # the approval blocks have no borders
    assert "tblBorders" not in approvals._tbl.tblPr.xml
    for table in bordered:
        tags = [child.tag.split("}")[1] for child in table._tbl.tblPr]
        assert tags.index("tblBorders") < tags.index("tblLayout") < tags.index("tblLook")


# --- the ИОМ --------------------------------------------------------------------------------


def test_route_document(school, tmp_path):
    from metodkab.domain.models import Diagnostic, QualificationCategory

    store, ids, _, route, _ = school
    petrova = repo.get(store, Staff, ids["petrova"])
    repo.update(store, petrova.model_copy(update={
        "subjects": ["история"], "education_level": "высшее", "education_pedagogical": True,
        "sex": "ж"}))
    repo.create(store, QualificationCategory(staff_id=ids["petrova"], position="учитель",
                                             category="первая",
                                             decision_date=dt.date(2024, 3, 1)))
    course(store, ids["petrova"], dt.date(2023, 4, 10), "Цифровая школа")
    diagnostic = repo.create(store, Diagnostic(staff_id=ids["petrova"],
                                               date=dt.date(2026, 5, 12),
                                               kind="профессиональные дефициты",
                                               operator="ЦНППМ"))
    repo.create(store, Deficit(staff_id=ids["petrova"], diagnostic_id=diagnostic,
                               area="предметная", description="Работа с источниками"))
    [deficit] = [d for d in repo.find(store, Deficit, "description = ?",
                                      ("Работа с источниками",))]
    repo.create(store, RouteStep(route_id=route, deficit_id=deficit.id, goal="Практикум",
                                 deadline=dt.date(2027, 2, 1), sort_order=3))
    repo.create(store, Mentorship(mentor_id=ids["ivanova"], mentee_ids=[ids["petrova"]],
                                  form="педагог – педагог", start_date=dt.date(2026, 9, 1),
                                  planned_end=dt.date(2027, 5, 31)))
    steps = []
    path = de.write_route(store, route, folder=tmp_path,
                          progress=lambda done, total: steps.append((done, total)))
    assert path.name == "ИОМ Петрова М. И. 2026–2027.docx"
    assert steps[0] == (0, 3) and steps[-1] == (3, 3)
    document = read(path)
    text = text_of(document)
    for expected in ("педагога Петровой Марии Ивановны",          # declined: genitive
                     "на период с 01.09.2026 по 31.08.2027",
                     "ФИО: Петрова Мария Ивановна", "Должность: учитель",
                     "Преподаваемые предметы: история",
                     "Образование: высшее, педагогическое",
                     "Квалификационная категория: первая (учитель), бессрочно",
                     "Педагогический стаж: 28 лет (на 23.11.2026)",
                     "Последние курсы повышения квалификации: Цифровая школа, 36 ч., 10.04.2023",
                     "Разработчик маршрута: школа", "Статус маршрута: утверждён",
                     "/ М. И. Петрова /", "/ Е. Н. Морозова /"):
        assert expected in text, expected
    # СОГЛАСОВАНО (her mentor) beside УТВЕРЖДАЮ (the director, the approval date)
    approvals = cells(document.tables[0])[0]
    assert approvals[0].split("\n")[:3] == ["СОГЛАСОВАНО", "Наставник",
                                             "____________ / А. П. Иванова /"]
    assert approvals[1].split("\n") == ["УТВЕРЖДАЮ", "Директор Тестовая СОШ",
                                         "____________ / А. В. Соколов /", "05.09.2026"]
    table = document.tables[1]
    rows = cells(table)
    assert rows[0] == list(S.DOC_ROUTE_COLUMNS)
    assert is_header(table.rows[0])
    # Steps under the deficit they answer, with where the deficit came from; the step
    # past its deadline is marked; the steps without a deficit last.
    assert rows[1] == ["Дефицит: Проектирование урока по ФГОС (методическая). "
                       "Источник не указан."] * 8
    assert rows[2] == ["1", "Освоить ФГОС", "Пройти курсы", "курсы", "01.11.2026",
                       "Удостоверение", "просрочен", ""]
    assert rows[3] == ["Дефицит: Работа с источниками (предметная). Выявлен: профессиональные "
                       "дефициты (ЦНППМ), 12.05.2026."] * 8
    assert rows[4][:2] == ["3", "Практикум"] and rows[4][6] == ""
    assert rows[5] == ["Шаги без привязки к дефициту"] * 8
    assert rows[6] == ["2", "Открытый урок", "", "открытый урок", "01.03.2027", "",
                       "20.11.2026", "Технологическая карта"]
    assert document.sections[0].page_width > document.sections[0].page_height


def test_route_without_mentor_is_agreed_by_the_tutor(school, tmp_path):
    store, ids, _, route, _ = school
    document = read(de.write_route(store, route, folder=tmp_path))
    approvals = cells(document.tables[0])[0]
    assert approvals[0].split("\n")[:2] == ["СОГЛАСОВАНО", "Тьютор (куратор маршрута)"]
    assert "Квалификационная категория: нет" in text_of(document)


# --- the mentorship order ---------------------------------------------------------------------


def test_mentorship_order(school, tmp_path):
    store, ids, *_ = school
    path = de.write_mentorship_order(store, folder=tmp_path)
    assert path.name == "Приказ о закреплении наставников 2026-11-23.docx"
    document = read(path)
    text = text_of(document)
    for expected in ('МБОУ "Тестовая СОШ"', "ПРИКАЗ", "О закреплении наставников",
                     "№ ________", "АЗ-1128/08/657", "ПРИКАЗЫВАЮ:",
                     # names declined: accusative, by the recorded sex or the patronymic
                     "Назначить Морозову Е. Н. куратором реализации программ наставничества.",
                     "возложить на заместителя директора Морозову Е. Н.",
                     "/ А. В. Соколов /", "С приказом ознакомлены:",
                     # no Положение in Настройки yet: blanks to fill in by hand
                     "Положением о наставничестве педагогических работников Тестовая "
                     "СОШ, утверждённым приказом от «____» ______________ 20___ г. №\u00a0______"):
        assert expected in text, expected
    assert "Е. Н..\n" not in text + "\n"
    [table] = document.tables
    rows = cells(table)
    assert rows[0] == list(S.DOC_ORDER_COLUMNS)
    assert is_header(table.rows[0])
    # Only the active pair; the broken one is not ordered.
    assert rows[1:] == [["1", "Иванова Анна Петровна, учитель", "Сидоров Олег Игоревич, учитель",
                         "молодой специалист", "педагог – педагог", "01.09.2026 – 31.05.2027"]]
    # Everybody named signs the acquaintance: mentor, mentee, curator.
    for name in ("А. П. Иванова", "О. И. Сидоров", "Е. Н. Морозова"):
        assert any(p.text.startswith(name + "\t") for p in document.paragraphs)
    assert not any(p.text.startswith("Д. Кузнецова") for p in document.paragraphs)

    # A second order the same day is written beside the first, never over it.
    again = de.write_mentorship_order(store, folder=tmp_path)
    assert again.name == "Приказ о закреплении наставников 2026-11-23 (2).docx"
    assert path.exists() and read(path).tables


def test_order_names_pairs_without_an_order_place_rule_and_subjects(school, tmp_path):
    from metodkab.storage import documents as sd
    from metodkab.storage.settings import set_settings

    store, ids, *_ = school
    repo.update(store, repo.get(store, Staff, ids["kuznetsova"]).model_copy(
        update={"subjects": ["математика", "физика"], "sex": "ж"}))
    ordered = repo.create(store, Mentorship(          # has an order already: not offered
        mentor_id=ids["petrova"], mentee_ids=[ids["sidorov"]], form="педагог – педагог",
        start_date=dt.date(2026, 9, 1), planned_end=dt.date(2027, 5, 31),
        order_number="45-о", order_date=dt.date(2026, 8, 31)))
    ended = repo.create(store, Mentorship(            # its term is over: not offered
        mentor_id=ids["petrova"], mentee_ids=[ids["ivanova"]], form="педагог – педагог",
        start_date=dt.date(2026, 1, 10), planned_end=dt.date(2026, 10, 31)))
    group = repo.create(store, Mentorship(
        mentor_id=ids["morozova"], mentee_ids=[ids["kuznetsova"], ids["sidorov"]],
        form="групповое", reason="новый сотрудник", start_date=dt.date(2026, 10, 1),
        planned_end=dt.date(2027, 6, 30), curator_id=ids["petrova"]))
    offered = [c.id for c in sd.order_candidates(store)]
    assert group in offered and len(offered) == 2
    assert ordered not in offered and ended not in offered
    set_settings(store, {"doc_place": "с. Берёзовка", "mentorship_rule_number": "12-о",
                         "mentorship_rule_date": "2025-09-01"})
    document = read(de.write_mentorship_order(store, [group], folder=tmp_path))
    text = text_of(document)
    assert "\nс. Берёзовка\n" in text
    assert "утверждённым приказом от 01.09.2025 №\u00a012-о" in text
    assert "Назначить Петрову М. И. куратором" in text
    rows = cells(document.tables[0])
    assert rows[1:] == [["1", "Морозова Елена Николаевна, заместитель директора",
                         "Кузнецова Дарья, учитель; математика, физика\n"
                         "Сидоров Олег Игоревич, учитель", "новый сотрудник", "групповое",
                         "01.10.2026 – 30.06.2027"]]


def test_order_without_pairs_or_school(fresh_db, tmp_path):
    document = read(de.write_mentorship_order(fresh_db, folder=tmp_path))
    assert cells(document.tables[0])[1] == [S.DOC_ORDER_NO_PAIRS] * 6
    text = text_of(document)
    assert S.DOC_ORDER_CURATOR_BLANK in text
    assert S.DOC_ORDER_ITEM_CONTROL_SELF in text


def test_names_are_declined_by_sex_or_patronymic():
    from metodkab.reports.names import ACCUSATIVE, DATIVE, GENITIVE, Person, decline, declined

    assert declined("Журавлёва Ольга Викторовна", ACCUSATIVE, form="short") == "Журавлёву О. В."
    assert declined("Соколов Андрей Викторович", DATIVE) == "Соколову Андрею Викторовичу"
    assert declined("Мамедов Эльчин Рашид оглы", GENITIVE) == "Мамедова Эльчина Рашид оглы"
    assert declined("Алиева Лейла Рашид кызы", DATIVE) == "Алиевой Лейле Рашид кызы"
    # The recorded sex decides where the name alone cannot: Шевчук is both.
    assert decline(Person("Шевчук", "Иван", "", "м"), ACCUSATIVE).full == "Шевчука Ивана"
    assert decline(Person("Шевчук", "Анна", "", "ж"), ACCUSATIVE).full == "Шевчук Анну"
    assert declined("Шевчук О. В.", ACCUSATIVE) == "Шевчук О. В."      # unknown: as typed
    assert declined("Морозова Е.Н.", ACCUSATIVE, form="signature") == "Е. Н. Морозову"


# --- the staff development report --------------------------------------------------------------


def test_staff_report(school, tmp_path):
    store, ids, *_ = school
    document = read(de.write_staff_report(store, folder=tmp_path))
    text = text_of(document)
    assert "на 23.11.2026" in text
    table, block = document.tables
    rows = cells(table)
    assert rows[0] == list(S.DOC_REPORT_COLUMNS)
    assert is_header(table.rows[0])
    report = load_report(store)
    by_name = {r[0]: r for r in rows[1:] if len(set(r)) > 1}
    # Every figure of the screen with something to measure, with its figures; the staff
    # figures of № 1324 in their own block; none «— 0 / 0», no «задача: …» labels.
    for result in report.results:
        if result.key in rd.CLAUSES_1324:
            continue                                  # the block below
        if not rd.measurable(result):
            assert result.name not in by_name
            continue
        name = result.name.split(": ", 1)[-1] if result.group == "programme" else result.name
        assert by_name[name][1:] == [rd.value_text(result), rd.count_text(result),
                                     rd.target_text(result), result.status]
    assert not [r for r in rows if r[2] == "0 / 0" or r[0].startswith("задача:")]
    assert any(not rd.measurable(r) for r in report.results)
    assert "Не рассчитаны — не на что делить" in text
    # Hand-checked: young teachers of P(D) — Сидоров (supported), Кузнецова (not).
    assert by_name[S.IND_NAMES["young_supported"]][1:] == ["50 %", "1 / 2", "≥ 70 %",
                                                           "не достигнуто"]
    # Петрова only: Сидоров and Кузнецова are in their first 3 years of педстаж (§6)
    assert by_name[ri.title("training_overdue")][1:3] == ["20 %", "1 / 5"]
    groups = [r[0] for r in rows if len(set(r)) == 1]
    assert groups[0] == S.IND_GROUPS["federal"]
    assert "Программа развития: по задачам" in groups
    # № 1324: 1.18 the total, then 1.19–1.28 as «N человек / N %».
    block = cells(block)
    assert block[0] == list(S.DOC_REPORT_1324_COLUMNS)
    assert block[1] == ["1.18", S.DOC_REPORT_1324_TOTAL, "5 человек"]
    assert [r[0] for r in block[2:]] == list(rd.CLAUSES_1324.values())
    higher = next(r for r in report.results if r.key == "edu_higher")
    word = {1: "человек", 2: "человека", 3: "человека", 4: "человека"}.get(higher.count,
                                                                          "человек")
    assert block[2][2] == f"{higher.count} {word} / {rd.value_text(higher)}"
    # The lists: overdue for training, young without support, overdue ИОМ steps.
    assert "Не проходили курсы ПК более 3 лет: 1" in text
    assert "Кузнецова Дарья" in text
    assert S.TODO_YOUNG_UNSUPPORTED + ": 1" in text
    assert "Петрова Мария Ивановна: Освоить ФГОС (срок 01.11.2026)" in text
    assert S.TODO_CATEGORY_EXPIRING.format(months=6).split(" {")[0] in text
    assert "В показателе" not in text                # the lists agree with the table


def test_staff_report_says_why_a_list_differs_and_takes_a_period(school, tmp_path):
    store, ids, *_ = school
    repo.create(store, Staff(last_name="Яковлев", first_name="Пётр", middle_name="Ильич",
                             positions=["учитель"], employment="внешний совместитель",
                             hire_date=dt.date(2015, 9, 1), birth_date=dt.date(1970, 1, 1),
                             ped_start_date=dt.date(1995, 9, 1)))
    periods = rd.report_periods(D)
    assert [p.label for p in periods] == [
        "12 месяцев до даты отчёта (24.11.2025 – 23.11.2026)",
        "2026 год (01.01.2026 – 23.11.2026)", "2025 год (01.01.2025 – 31.12.2025)",
        "2026/27 учебный год (01.09.2026 – 23.11.2026)",
        "2025/26 учебный год (01.09.2025 – 31.08.2026)"]
    last_year = periods[2]
    document = read(de.write_staff_report(store, (last_year.start, last_year.end),
                                          folder=tmp_path))
    text = text_of(document)
    assert "на 31.12.2025; период: 01.01.2025 – 31.12.2025" in text
    current = read(de.write_staff_report(store, folder=tmp_path))
    text = text_of(current)
    # The to-do list is the figure's own people (reports.rules.in_p): the external
    # part-timer is in neither, so the lists and the table agree and need no note.
    assert "Не проходили курсы ПК более 3 лет: 1" in text
    assert "Яковлев" not in text and "В показателе «" not in text


def test_value_formats():
    share = rd.ri.Result("x", "school", "Доля", 1, 3, target=30.0)
    assert (rd.value_text(share), rd.count_text(share), rd.target_text(share)) == (
        "33,3 %", "1 / 3", "≥ 30 %")
    count = rd.ri.Result("y", "school", "Пары", 4, 0, kind=rd.ri.COUNT)
    assert (rd.value_text(count), rd.count_text(count), rd.target_text(count)) == ("4", "4", "")
    low = rd.ri.Result("z", "school", "Просрочено", 0, 0, target=10.0, lower_is_better=True)
    assert (rd.value_text(low), rd.target_text(low)) == ("—", "≤ 10 %")
    assert rd.initials_first("Петрова Мария Ивановна") == "М. И. Петрова"
    assert rd.initials_first("Петрова М. И.") == "Петрова М. И."
    assert rd.surname_first("Петрова Мария Ивановна") == "Петрова М. И."
    assert rd.surname_first("") == ""


# --- writing atomically ------------------------------------------------------------------------


def _small(text):
    document = W.new_document(title=text, day=D)
    W.paragraph(document, text)
    return document


def test_write_leaves_no_temporary_file_and_replaces_a_file(tmp_path):
    folder = tmp_path / "new" / "folder"
    first = W.write_docx(folder, 'Отчёт: "первый"', _small("первый"))
    assert first.name == "Отчёт_ _первый_.docx"
    assert os.listdir(folder) == [first.name]
    W.write_docx(folder, first.name, _small("второй"))
    assert os.listdir(folder) == [first.name]
    assert "второй" in text_of(read(first))


def test_a_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    target = W.write_docx(tmp_path, "Приказ", _small("старый"))
    before = target.read_bytes()
    broken = _small("новый")
    written = []

    def disk_full(self, name, data, *args, **kwargs):
        if written:                         # the first member is on disk, then no room
            raise OSError(28, "No space left on device")
        written.append(name)
        return zipfile.ZipFile.writestr(self, name, data, *args, **kwargs)

    monkeypatch.setattr(W.DatedZip, "writestr", disk_full)
    with pytest.raises(FileProblem, match="нет места"):
        W.write_docx(tmp_path, "Приказ", broken)
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == [target.name]


def test_demo_school_documents_open(tmp_path):
    """The demo school: every document builds and reads back; the programme's indicator
    values are those the programme screen shows."""
    from metodkab.clock import Clock
    from metodkab.demo import build_demo
    from metodkab.reports import programme as rp
    from metodkab.storage.db import open_store

    build_demo(tmp_path / "demo.sqlite", today=D)
    store = open_store(tmp_path / "demo.sqlite", clock=Clock(D), exclusive=False)
    try:
        pid = ps.current_programme_id(store)
        [route] = store.db.conn.execute(
            "SELECT id FROM individual_route WHERE deleted = 0 ORDER BY rowid LIMIT 1").fetchone()
        out = tmp_path / "out"
        programme = read(de.write_programme(store, pid, folder=out))
        de.write_route(store, route, folder=out)
        order = read(de.write_mentorship_order(store, folder=out))
        report = read(de.write_staff_report(store, folder=out))
        view = ps.load_view(store, pid)
        years = view.programme.years
        rows = cells(programme.tables[3])[2:]
        assert len(rows) == len(view.indicators)
        for row, indicator in zip(rows, view.indicators):
            for i, year in enumerate(years):
                assert row[5 + 2 * i] == (rp.format_number(indicator.actuals.get(year)) or "—")
        assert len(order.tables[0].rows) > 1
        assert len(report.tables[0].rows) > 20
        assert sorted(p.suffix for p in out.iterdir()) == [".docx"] * 4
        for path in out.iterdir():      # dated by the app's clock, not the machine's
            props = read(path).core_properties
            assert props.created == props.modified == dt.datetime(2026, 11, 23, 12,
                                                                tzinfo=dt.timezone.utc)
    finally:
        store.close()


def test_people_are_counted_in_russian():
    """«1 человек», «2 человека», «5 человек» — and the teens and hundreds as Russian has them
    (the 1324 block printed «24 человек»)."""
    expected = {0: "человек", 1: "человек", 2: "человека", 3: "человека", 4: "человека",
                5: "человек", 11: "человек", 12: "человек", 14: "человек", 21: "человек",
                22: "человека", 24: "человека", 25: "человек", 101: "человек",
                111: "человек", 112: "человек", 122: "человека"}
    assert {n: rd.plural(n, S.DOC_PEOPLE_FORMS) for n in expected} == expected
    years = {1: "1 год", 3: "3 года", 11: "11 лет", 21: "21 год", 24: "24 года", 25: "25 лет"}
    assert {n: years_text(n) for n in years} == years


def test_target_text_keeps_every_decimal_and_the_unit():
    from metodkab.reports import indicators as ri
    from metodkab.reports.indicator_sheet import target_text

    share = ri.Result("k", "g", "доля", 1, 3, target=30.0)
    ratio = ri.Result("k", "g", "пар на наставника", 4, 2, target=4.25, kind=ri.RATIO,
                      lower_is_better=True)
    assert target_text(share) == "≥ 30 %"
    assert target_text(ratio) == "≤ 4,25"          # not «≤ 4,2» beside a value of 4,2
    assert target_text(ri.Result("k", "g", "без цели", 1, 3)) == ""
