"""Generated schools for the exchange's tests and benchmarks.

A sample school is realistic enough to exercise every travelling table: staff with
positions, subjects and associations, categories, trainings (some linked to deficits),
diagnostics, deficits, individual routes, mentorships with mentees and meetings, a
development programme with tasks, activities, responsible people and indicators.
Everything is written through the repository (validated models, ``insert_many``), and
the same seed gives the same school.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from pathlib import Path

from metodkab.clock import Clock
from metodkab.domain import models as m
from metodkab.domain.parse import add_years
from metodkab.storage import repo
from metodkab.storage.db import Store, open_store

TODAY = dt.date(2026, 11, 23)

SURNAMES = ("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
            "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
            "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов",
            "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов")
MALE = ("Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Иван", "Михаил", "Павел")
FEMALE = ("Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Мария",
          "Юлия", "Галина", "Людмила", "Марина")
PATRONYMIC = ("Александров", "Сергеев", "Иванов", "Петров", "Николаев", "Викторов",
              "Владимиров", "Михайлов")
SUBJECTS = ("русский язык", "литература", "математика", "физика", "химия", "биология",
            "история", "обществознание", "география", "английский язык", "информатика",
            "физическая культура", "музыка", "технология")
TOPICS = ("ФГОС/ФООП", "функциональная грамотность", "воспитание", "инклюзия",
          "цифровая среда", "управление")


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def fill_sample(store: Store, *, code: str, name: str | None = None, staff: int = 40,
                seed: int = 1, today: dt.date = TODAY) -> dict[str, int]:
    """Fill an empty school database; return how many records of each kind were made."""
    rng = random.Random(seed)
    short = name or f"СОШ № {code}"
    records: list[m.Record] = [m.School(
        id=_uuid(rng), full_name=f'МБОУ "{short}"', short_name=short, code=code,
        municipality="Тестовский муниципальный район", director="Орлова Анна Сергеевна",
        deputy="Зайцева Мария Ивановна")]
    associations = [m.Association(id=_uuid(rng), name=f"ШМО {label}")
                    for label in ("учителей начальных классов", "гуманитарного цикла",
                                  "естественно-математического цикла")]
    records += associations
    people: list[m.Staff] = []
    for i in range(staff):
        female = rng.random() < 0.8
        surname = rng.choice(SURNAMES) + ("а" if female else "")
        first = rng.choice(FEMALE if female else MALE)
        middle = rng.choice(PATRONYMIC) + ("на" if female else "ич")
        born = _date(rng, dt.date(1960, 1, 1), dt.date(2002, 12, 31))
        ped_start = _date(rng, add_years(born, 20), min(today, add_years(born, 45)))
        hired = _date(rng, ped_start, today)
        dismissed = _date(rng, hired, today) if rng.random() < 0.05 else None
        subjects = rng.sample(SUBJECTS, rng.randint(0, 2))
        person = m.Staff(
            id=_uuid(rng), last_name=surname, first_name=first, middle_name=middle,
            birth_date=born, sex="ж" if female else "м",
            employment="внешний совместитель" if rng.random() < 0.08 else "основной",
            hire_date=hired, dismissal_date=dismissed, ped_start_date=ped_start,
            education_level="высшее" if rng.random() < 0.85 else "среднее профессиональное",
            education_pedagogical=rng.random() < 0.9, management_team=i < 3,
            phone=f"+7 900 {rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
            positions=["учитель"] if i >= 3 else ["заместитель директора", "учитель"],
            subjects=subjects,
            association_ids=[rng.choice(associations).id] if rng.random() < 0.7 else [],
        )
        people.append(person)
    records += people
    active = [p for p in people if p.dismissal_date is None]
    for person in active:
        if rng.random() < 0.5:
            decided = _date(rng, dt.date(2019, 1, 1), today)
            records.append(m.QualificationCategory(
                id=_uuid(rng), staff_id=person.id, position="учитель",
                category=rng.choice(("первая", "высшая")), decision_date=decided,
                order_number=f"{rng.randint(100, 999)}-к",
                valid_until=add_years(decided, 5) if decided.year < 2023 else None))
        diagnostic = None
        if rng.random() < 0.4:
            diagnostic = m.Diagnostic(
                id=_uuid(rng), staff_id=person.id, date=_date(rng, dt.date(2025, 9, 1), today),
                kind=rng.choice(("профессиональные дефициты", "функциональная грамотность")),
                operator="ЦНППМ", percent=round(rng.uniform(30, 100), 1))
            records.append(diagnostic)
        deficits = []
        if diagnostic is not None and rng.random() < 0.6:
            deficit = m.Deficit(id=_uuid(rng), staff_id=person.id, diagnostic_id=diagnostic.id,
                                area=rng.choice(("предметная", "методическая", "цифровая")),
                                description="Затруднения в формировании функциональной "
                                            "грамотности обучающихся")
            deficits.append(deficit)
            records.append(deficit)
        for _ in range(rng.randint(0, 3)):
            end = _date(rng, dt.date(2020, 1, 1), today)
            records.append(m.Training(
                id=_uuid(rng), staff_id=person.id,
                title=f"Реализация требований обновлённых ФГОС ({rng.randint(1, 99)})",
                provider="ГАУ ДПО «Институт развития образования»",
                provider_ownership="государственная", kind="повышение квалификации",
                hours=rng.choice((16, 36, 72)), form=rng.choice(("очная", "дистанционная")),
                start_date=end - dt.timedelta(days=10), end_date=end,
                doc_kind="удостоверение", doc_number=str(rng.randint(10000, 99999)),
                federal_register=rng.random() < 0.4, by_diagnostics=bool(deficits),
                topics=rng.sample(TOPICS, rng.randint(0, 2)),
                deficit_ids=[d.id for d in deficits]))
        if deficits and rng.random() < 0.7:
            route = m.IndividualRoute(id=_uuid(rng), staff_id=person.id,
                                      period_start=dt.date(2026, 1, 10),
                                      period_end=dt.date(2026, 12, 20), status="выполняется")
            records.append(route)
            for k, deficit in enumerate(deficits):
                records.append(m.RouteStep(id=_uuid(rng), route_id=route.id,
                                           deficit_id=deficit.id, goal="Устранить дефицит",
                                           action="Курсы и открытый урок", form="курсы",
                                           deadline=dt.date(2026, 12, 1), sort_order=k))
        if rng.random() < 0.2:
            records.append(m.Achievement(
                id=_uuid(rng), staff_id=person.id, kind="открытый урок",
                level=rng.choice(("школьный", "муниципальный")),
                date=_date(rng, dt.date(2025, 9, 1), today), title="Открытый урок"))
    mentors = [p for p in active if p.ped_start_date and p.ped_start_date.year < 2010]
    young = [p for p in active if p.ped_start_date and p.ped_start_date.year >= 2023]
    for mentee in young:
        if not mentors or rng.random() < 0.3:
            continue
        mentor = rng.choice(mentors)
        start = max(mentee.hire_date or today, dt.date(2025, 9, 1))
        start = min(start, today)
        pair = m.Mentorship(id=_uuid(rng), mentor_id=mentor.id, form="педагог–педагог",
                            reason="молодой специалист", start_date=start,
                            planned_end=start + dt.timedelta(days=270),
                            order_number=f"{rng.randint(10, 99)}-о", mentee_ids=[mentee.id])
        records.append(pair)
        for k in range(rng.randint(1, 4)):
            records.append(m.MentorshipEvent(
                id=_uuid(rng), mentorship_id=pair.id, date=start + dt.timedelta(days=14 * k),
                topic=f"Встреча {k + 1}: планирование урока", form="консультация"))
    programme = m.Programme(id=_uuid(rng), title="Программа развития методической службы",
                            year_from=2025, year_to=2028, is_current=True)
    records.append(programme)
    for t in range(1, 4):
        task = m.ProgrammeTask(id=_uuid(rng), programme_id=programme.id, number=t,
                               title=f"Задача {t}: развитие профессиональных компетенций")
        records.append(task)
        for k in range(4):
            deadline = _date(rng, dt.date(2025, 9, 1), dt.date(2027, 6, 1))
            done = deadline < today and rng.random() < 0.7
            records.append(m.ProgrammeActivity(
                id=_uuid(rng), task_id=task.id, title=f"Мероприятие {t}.{k + 1}",
                deadline=deadline, status="выполнено" if done else "запланировано",
                done_date=deadline if done else None,
                responsible_ids=[rng.choice(active).id] if active else []))
    indicator = m.TargetIndicator(id=_uuid(rng), programme_id=programme.id, number=1,
                                  name="Доля педагогов, прошедших диагностику", baseline=20)
    records.append(indicator)
    for year in (2025, 2026, 2027, 2028):
        records.append(m.IndicatorTarget(id=_uuid(rng), indicator_id=indicator.id, year=year,
                                         target=20 + 10 * (year - 2024)))
    repo.insert_many(store, records, audit_note="sample")
    counts: dict[str, int] = {}
    for record in records:
        counts[record.TABLE] = counts.get(record.TABLE, 0) + 1
    return counts


def sample_school(path: Path, *, code: str, staff: int = 40, seed: int = 1,
                  name: str | None = None, today: dt.date = TODAY) -> Path:
    """A school database file filled with a sample school."""
    store = open_store(path, clock=Clock(today), user="sample", exclusive=False)
    try:
        fill_sample(store, code=code, name=name, staff=staff, seed=seed, today=today)
    finally:
        store.close()
    return path
