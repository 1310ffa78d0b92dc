"""Портфолио к аттестации on a fresh database: the period (since the last attestation, else
5 years), what falls inside it, the mentees and their results for «педагог-наставник»,
the methodical work for «педагог-методист», and the Word document's text."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from metodkab.domain.models import (Achievement, Association, ConformityAttestation,
                                    IndividualRoute, Mentorship, QualificationCategory,
                                    RouteStep, ShortLearning, Staff, Training)
from metodkab.domain.parse import add_years
from metodkab.reports import portfolio as rp
from metodkab.storage import repo
from metodkab.storage.portfolio import load_portfolio

D = dt.date
DAY = D(2026, 11, 23)


def person(store, last, first="Анна", middle="Петровна", **fields) -> str:
    return repo.create(store, Staff.model_validate({
        "last_name": last, "first_name": first, "middle_name": middle, "sex": "ж",
        "positions": ["учитель"], "hire_date": D(2005, 9, 1), **fields}))


@settings(max_examples=80)
@given(st.lists(st.dates(D(2010, 1, 1), D(2030, 1, 1)), max_size=4))
def test_period_is_from_the_last_attestation_or_five_years(dates):
    start, since = rp.portfolio_period(DAY, dates)
    past = [d for d in dates if d <= DAY]              # a decision after D is not yet one
    if past:
        assert (start, since) == (max(past), True)
    else:
        assert (start, since) == (add_years(DAY, -5) + dt.timedelta(days=1), False)


def test_dossier_of_a_teacher_with_a_category(fresh_db):
    s = fresh_db
    me = person(s, "Волкова", "Ирина", "Александровна")
    mentee = person(s, "Николаева", "Дарья", "Олеговна", hire_date=D(2026, 9, 1))
    repo.create(s, QualificationCategory(staff_id=me, position="учитель", category="первая",
                                         decision_date=D(2019, 12, 20)))
    repo.create(s, QualificationCategory(staff_id=me, position="учитель", category="высшая",
                                         decision_date=D(2022, 2, 24)))
    repo.create(s, Training(staff_id=me, title="Старый курс", hours=36, end_date=D(2021, 5, 1)))
    repo.create(s, Training(staff_id=me, title="Читательская грамотность", hours=72,
                            end_date=D(2024, 3, 1), doc_kind="удостоверение",
                            doc_number="123"))
    repo.create(s, ShortLearning(staff_id=me, title="Флагманские программы", hours=1.5,
                                 platform="Канал Просвещения", date=D(2026, 11, 10)))
    repo.create(s, ShortLearning(staff_id=me, title="Вебинар 2", hours=2, date=D(2026, 11, 11)))
    repo.create(s, Achievement(staff_id=me, kind="мастер-класс", level="муниципальный",
                               date=D(2025, 4, 2), title="Смысловое чтение",
                               organiser="ИМЦ", evidence="сертификат № 5"))
    repo.create(s, Achievement(staff_id=me, kind="публикация", level="региональный",
                               date=D(2021, 4, 2), title="До периода"))
    route = repo.create(s, IndividualRoute(staff_id=me, period_start=D(2025, 9, 1),
                                           period_end=D(2026, 8, 31), status="утверждён",
                                           approved_date=D(2025, 9, 1)))
    repo.create(s, RouteStep(route_id=route, goal="Открытый урок", done_date=D(2026, 3, 3),
                             evidence="протокол ШМО"))
    repo.create(s, RouteStep(route_id=route, goal="Не выполнен"))
    repo.create(s, Mentorship(mentor_id=me, mentee_ids=[mentee], form="педагог – педагог",
                              start_date=D(2026, 9, 1), planned_end=D(2027, 5, 31),
                              result="провела 2 открытых урока"))
    group = repo.create(s, Association(name="ШМО начальных классов", head_id=me))
    doc = load_portfolio(s, me, DAY)
    assert (doc.period_start, doc.since_attestation) == (D(2022, 2, 24), True)
    assert [c[1] for c in doc.courses] == ["Читательская грамотность"]
    assert doc.courses[0][5] == "удостоверение 123"
    assert [r[2] for r in doc.learning] == ["Вебинар 2", "Флагманские программы"]
    assert doc.learning_hours == "всего 3,5 ч"
    assert [(a[3], a[5]) for a in doc.achievements] == [("Смысловое чтение",
                                                         "ИМЦ сертификат № 5")]
    assert [(r[0], r[1], r[3]) for r in doc.steps] == [("03.03.2026", "Открытый урок",
                                                        "протокол ШМО")]
    assert doc.as_mentor == (("Николаева Дарья Олеговна", "педагог – педагог",
                              "01.09.2026 – 31.05.2027", "действует",
                              "провела 2 открытых урока"),)
    assert {"педагог-наставник", "педагог-методист"} <= set(doc.applies_for)
    assert doc.methodical[0][0] == "Руководство: ШМО «ШМО начальных классов»"
    assert not any("Смысловое чтение" in r[0] for r in doc.methodical)   # once: achievements
    assert doc.methodical_achievements == 1
    assert group

    text = "\n".join([p.text for p in rp.portfolio_docx(doc).paragraphs]
                     + [c.text for t in rp.portfolio_docx(doc).tables for row in t.rows
                        for c in row.cells])
    assert "Волковой Ирины Александровны" in text
    assert "с последней аттестации: 24.02.2022 – 23.11.2026" in text
    assert "(для категории «педагог-наставник»)" in text
    assert "провела 2 открытых урока" in text and "До периода" not in text

    mentee_doc = load_portfolio(s, mentee, DAY)
    assert mentee_doc.as_mentee == (("Волкова Ирина Александровна", "педагог – педагог",
                                     "01.09.2026 – 31.05.2027", "действует"),)
    assert mentee_doc.as_mentor == () and mentee_doc.since_attestation is False


def test_a_conformity_attestation_starts_the_period_an_exemption_does_not(fresh_db):
    s = fresh_db
    me = person(s, "Орлова")
    repo.create(s, ConformityAttestation(staff_id=me, date=D(2023, 3, 1),
                                         result="соответствует"))
    repo.create(s, ConformityAttestation(staff_id=me, date=D(2025, 3, 1),
                                         exemption_reason="отпуск по уходу за ребёнком"))
    doc = load_portfolio(s, me, DAY)
    assert (doc.period_start, doc.since_attestation) == (D(2023, 3, 1), True)
    text = "\n".join(c.text for t in rp.portfolio_docx(doc).tables for row in t.rows
                     for c in row.cells)
    assert "соответствует" in text


def test_a_pair_recorded_active_prints_what_the_rule_says_on_the_day(fresh_db):
    """A pair still recorded «действует» whose term ended (not closed) or whose mentor
    left is printed as such, by reports.mentorship.pair_state, not as «действует»."""
    s = fresh_db
    me = person(s, "Волкова", "Ирина", "Александровна")
    gone = person(s, "Орлова", "Нина", "Ивановна", dismissal_date=D(2026, 10, 1))
    mentee = person(s, "Николаева", "Дарья", "Олеговна", hire_date=D(2025, 9, 1))
    repo.create(s, Mentorship(mentor_id=me, mentee_ids=[mentee], form="педагог – педагог",
                              start_date=D(2026, 2, 4), planned_end=D(2026, 11, 3)))
    repo.create(s, Mentorship(mentor_id=gone, mentee_ids=[mentee], form="педагог – педагог",
                              start_date=D(2025, 9, 1), planned_end=D(2026, 12, 31)))
    mine = load_portfolio(s, me, DAY)
    assert [r[3] for r in mine.as_mentor] == ["срок программы истёк"]
    theirs = load_portfolio(s, mentee, DAY)
    assert sorted(r[3] for r in theirs.as_mentee) == ["наставник уволен",
                                                       "срок программы истёк"]
    # On a day inside the term, with everyone at work, it is «действует».
    assert [r[3] for r in load_portfolio(s, me, D(2026, 9, 1)).as_mentor] == ["действует"]


def test_each_talk_is_printed_once_under_achievements(fresh_db):
    """A methodist's talks, publications and master classes are achievement records: the
    dossier prints each once, in «Достижения…»; «Методическая работа» keeps what is not an
    achievement (associations led, programme activities) and says how many are there."""
    s = fresh_db
    me = person(s, "Волкова", "Ирина", "Александровна")
    repo.create(s, QualificationCategory(staff_id=me, position="учитель", category="высшая",
                                         decision_date=D(2022, 2, 24)))
    for kind, title in (("выступление", "Доклад на августовском совещании"),
                        ("публикация", "Статья о смысловом чтении"),
                        ("конкурс профмастерства", "Учитель года")):
        repo.create(s, Achievement(staff_id=me, kind=kind, level="муниципальный",
                                   date=D(2025, 8, 28), title=title))
    doc = load_portfolio(s, me, DAY)
    assert "педагог-методист" in doc.applies_for
    assert doc.methodical == () and doc.methodical_achievements == 2
    out = rp.portfolio_docx(doc)
    cells = [c.text for t in out.tables for row in t.rows for c in row.cells]
    paragraphs = [p.text for p in out.paragraphs]
    for title in ("Доклад на августовском совещании", "Статья о смысловом чтении",
                  "Учитель года"):
        assert sum(title in text for text in cells + paragraphs) == 1, title
    at = paragraphs.index("Методическая работа (для категории «педагог-методист»)")
    assert paragraphs[at + 1] == (
        "Открытые уроки, мастер-классы, выступления, публикации, обобщение опыта за период "
        "(2) — в разделе «Достижения, открытые уроки, выступления, публикации, конкурсы».")

    group = repo.create(s, Association(name="ШМО филологов", head_id=me))
    led = load_portfolio(s, me, DAY)
    assert [r[0] for r in led.methodical] == ["Руководство: ШМО «ШМО филологов»"] and group
    paragraphs = [p.text for p in rp.portfolio_docx(led).paragraphs]
    assert sum("— в разделе «Достижения" in p for p in paragraphs) == 1
