"""The searches of the registers moved onto widgets/register.py in issue 17: Методические
объединения (name, kind or head; kind filter; order) and the attestation schedule (a part
of the name, every tab at once) — in storage, against a simple reading written here."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from metodkab.clock import Clock
from metodkab.domain.models import Association, QualificationCategory, Staff
from metodkab.domain.parse import norm
from metodkab.storage import attestation as sa
from metodkab.storage import repo
from metodkab.storage.associations import (AssociationQuery, association_members,
                                           count_associations, delete_association,
                                           list_associations, save_association)
from metodkab.storage.db import open_memory
from metodkab.storage.search import like_pattern

D = dt.date
DAY = D(2026, 11, 23)

# Letters that fold (Ё/ё/Е/е, case), LIKE's own wildcards and its escape, spaces.
TEXT = st.text(alphabet="аЕеЁёжЖ%_\\ x", min_size=0, max_size=6)


def person(store, last: str, first: str = "Анна") -> str:
    return repo.create(store, Staff.model_validate({
        "last_name": last, "first_name": first, "positions": ["учитель"],
        "hire_date": D(2010, 9, 1)}))


def test_like_pattern_takes_wildcards_literally():
    assert like_pattern(" Ёлка  50%_ ") == "%елка 50\\%\\_%"
    assert like_pattern("a\\b") == "%a\\\\b%"


@settings(max_examples=40, deadline=None)
@given(names=st.lists(TEXT.filter(str.strip), min_size=1, max_size=5), search=TEXT)
def test_association_search_is_a_folded_substring_of_name_or_kind(names, search):
    store = open_memory(clock=Clock(DAY), user="т")
    try:
        ids = {repo.create(store, Association(name=n, kind="иное")): n for n in names}
        found = {r.id for r in list_associations(store, DAY, AssociationQuery(search=search))}
        wanted = {i for i, n in ids.items()
                  if norm(search) in norm(n) or norm(search) in "иное"}
        assert found == wanted
    finally:
        store.db.close()


def test_association_register_kind_order_count_and_members(fresh_db):
    s = fresh_db
    a, b, c = person(s, "Андреева"), person(s, "Борисов", "Игорь"), person(s, "Волкова")
    math = save_association(s, Association(name="ШМО математиков", kind="ШМО", head_id=b),
                            [a, b])
    council = save_association(s, Association(name="Методический совет",
                                              kind="методический совет", head_id=a), [a])
    human = save_association(s, Association(name="ШМО гуманитариев", kind="ШМО"), [a, b, c])
    gone = save_association(s, Association(name="Старое ШМО", kind="ШМО"), [])
    delete_association(s, gone)

    def ids(**q):
        return [r.id for r in list_associations(s, DAY, AssociationQuery(**q))]

    assert ids() == [council, human, math]                       # by name
    assert ids(search="борис") == [math]                         # the head's name
    assert ids(kind="ШМО") == [human, math]
    assert ids(kind="ШМО", sort="members") == [math, human]      # 2, then 3 members
    assert ids(sort="members", descending=True) == [human, math, council]
    assert ids(sort="head") == [human, council, math]            # «», Андреева, Борисов
    assert count_associations(s) == 3                            # the deleted one is not
    members = association_members(s, DAY, [math, council])
    assert [(m.association, m.last_name) for m in members] == [
        ("ШМО математиков", "Андреева"), ("ШМО математиков", "Борисов"),
        ("Методический совет", "Андреева")]
    assert len(association_members(s, DAY)) == 6


def test_schedule_search_keeps_each_tab_in_order(fresh_db):
    s = fresh_db
    ids = {}
    for last, decision, until in (("Ёлкина", D(2021, 12, 20), D(2026, 12, 20)),
                                  ("Елисеева", D(2022, 1, 10), D(2027, 1, 10)),
                                  ("Борисова", D(2022, 2, 1), D(2027, 2, 1))):
        ids[last] = person(s, last)
        repo.create(s, QualificationCategory(
            staff_id=ids[last], position="учитель", category="первая",
            decision_date=decision, valid_until=until))
    plan = sa.schedule(s, DAY)
    assert [r.staff_id for r in plan.expiring] == [ids["Ёлкина"], ids["Елисеева"],
                                                   ids["Борисова"]]
    assert sa.find_in_schedule(s, plan, "  ") is plan
    found = sa.find_in_schedule(s, plan, "ел")                  # ё = е, either case
    assert [r.staff_id for r in found.expiring] == [ids["Ёлкина"], ids["Елисеева"]]
    assert [r.staff_id for r in found.eligible] == [ids["Елисеева"], ids["Ёлкина"]]   # by name
    assert found.settings == plan.settings and found.day == plan.day
    assert sa.find_in_schedule(s, plan, "%").expiring == []     # not a wildcard
