"""The dashboard's counts are figures on the report date, like everything else on it: a
course planned after the date, a pair started after it or closed before it, a route that
starts later do not count (a report date set in Настройки looks back in time)."""

import datetime as dt

from metodkab.domain.models import IndividualRoute, Mentorship, Staff, Training
from metodkab.storage import repo
from metodkab.storage.school import counts

D = dt.date


def person(store, last: str, hired=D(2010, 9, 1)) -> str:
    return repo.create(store, Staff(last_name=last, first_name="Анна", positions=["учитель"],
                                    hire_date=hired))


def test_counts_on_the_report_date(fresh_db):
    s = fresh_db
    a, b, c = person(s, "Антонова"), person(s, "Борисова"), person(s, "Васильева")
    person(s, "Григорьева", hired=D(2026, 12, 1))                      # not yet hired
    repo.create(s, Training(staff_id=a, title="ФГОС", hours=36, end_date=D(2026, 3, 10)))
    repo.create(s, Training(staff_id=b, title="ИКТ", hours=36, end_date=D(2026, 12, 20)))
    repo.create(s, Mentorship(mentor_id=a, mentee_ids=[b], form="педагог – педагог",
                              start_date=D(2026, 1, 10), planned_end=D(2026, 12, 31)))
    # its planned end passed, never closed: «срок истёк», not active (domain.md §6)
    repo.create(s, Mentorship(mentor_id=b, mentee_ids=[a], form="педагог – педагог",
                              start_date=D(2026, 1, 10), planned_end=D(2026, 10, 31)))
    repo.create(s, Mentorship(mentor_id=a, mentee_ids=[c], form="педагог – педагог",
                              start_date=D(2025, 9, 1), planned_end=D(2026, 5, 31),
                              status="завершена", actual_end=D(2026, 5, 31)))
    repo.create(s, Mentorship(mentor_id=b, mentee_ids=[c], form="педагог – педагог",
                              start_date=D(2026, 12, 1), planned_end=D(2027, 5, 31)))
    repo.create(s, IndividualRoute(staff_id=c, period_start=D(2026, 9, 1),
                                   period_end=D(2027, 8, 31), status="утверждён"))
    repo.create(s, IndividualRoute(staff_id=b, period_start=D(2027, 1, 9),
                                   period_end=D(2027, 8, 31), status="утверждён"))
    now = counts(s, D(2026, 11, 23))
    assert (now["staff"], now["trainings"], now["mentorships"], now["routes"]) == (3, 1, 1, 1)
    spring = counts(s, D(2026, 4, 1))       # the report date moved back in Настройки
    assert (spring["trainings"], spring["mentorships"], spring["routes"]) == (1, 3, 0)
