"""The to-do list's items say whom they are about: a pair past its planned end names the
mentee too («срок истёк» named the mentor alone, and a mentor with two pairs read twice
the same)."""

import datetime as dt

from metodkab.domain.models import Mentorship, Staff
from metodkab.storage import repo
from metodkab.storage.alerts import collect_alerts

D = dt.date


def person(store, last: str, first: str = "Анна") -> str:
    return repo.create(store, Staff(last_name=last, first_name=first, positions=["учитель"],
                                    hire_date=D(2010, 9, 1)))


def test_past_end_pair_names_mentor_and_mentees(fresh_db):
    s = fresh_db
    mentor, first, second = person(s, "Антонова"), person(s, "Борисова"), person(s, "Власов",
                                                                                 "Иван")
    for mentee in (first, second):
        repo.create(s, Mentorship(mentor_id=mentor, mentee_ids=[mentee], form="педагог – педагог",
                                  start_date=D(2025, 9, 1), planned_end=D(2026, 5, 31)))
    alert = next(a for a in collect_alerts(s, D(2026, 11, 23)) if a.key == "mentorship_past_end")
    texts = sorted(item.text for item in alert.items)
    assert texts == ["Наставник Антонова Анна → Борисова А.: срок истёк 31.05.2026",
                     "Наставник Антонова Анна → Власов И.: срок истёк 31.05.2026"]
