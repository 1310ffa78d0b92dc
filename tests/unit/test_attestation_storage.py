"""Attestation storage: a person's categories and СЗД, the checks before saving, and the
schedule of the report date (who is listed, in which order, with which settings)."""

import datetime as dt

import pytest

from metodkab.domain.models import ConformityAttestation, QualificationCategory, Staff
from metodkab.storage import attestation as sa
from metodkab.storage import repo
from metodkab.storage.settings import set_settings

D = dt.date
DAY = D(2026, 11, 23)
T = "учитель"


def person(store, last, *, positions=(T,), hired=D(2010, 9, 1), **fields) -> str:
    return repo.create(store, Staff.model_validate({
        "last_name": last, "first_name": "Анна", "positions": list(positions),
        "hire_date": hired, **fields}))


def category(store, staff_id, name, decision, until=None, position=T) -> str:
    return repo.create(store, QualificationCategory(
        staff_id=staff_id, position=position, category=name, decision_date=decision,
        valid_until=until, order_number="12-к", order_date=decision))


def conformity(store, staff_id, day, result="соответствует", reason="") -> str:
    return repo.create(store, ConformityAttestation(
        staff_id=staff_id, position=T, date=day, result=None if reason else result,
        exemption_reason=reason))


@pytest.fixture
def school(fresh_db):
    s = fresh_db
    ids = {
        "red": person(s, "Алексеева"),
        "warn": person(s, "Борисова"),
        "first": person(s, "Веселова"),
        "higher": person(s, "Галкина"),
        "no_cat": person(s, "Демидова"),
        "new": person(s, "Ершова", hired=D(2025, 9, 1)),
        "gone": person(s, "Жданова", dismissal_date=D(2026, 6, 1)),
        "later": person(s, "Зуева", hired=D(2027, 1, 1)),
    }
    category(s, ids["red"], "первая", D(2021, 12, 20), D(2026, 12, 20))
    category(s, ids["warn"], "первая", D(2017, 3, 1), D(2022, 3, 1))
    category(s, ids["warn"], "высшая", D(2022, 3, 15), D(2027, 3, 15))
    category(s, ids["first"], "первая", D(2024, 11, 23))
    category(s, ids["higher"], "высшая", D(2024, 1, 15))
    category(s, ids["higher"], "педагог-наставник", D(2025, 2, 1))
    category(s, ids["gone"], "первая", D(2022, 1, 10), D(2027, 1, 10))
    conformity(s, ids["no_cat"], D(2021, 10, 1))
    conformity(s, ids["new"], D(2025, 10, 1), reason="менее 2 лет в должности")
    return s, ids


def test_schedule_lists_expiring_categories_by_date(school):
    store, ids = school
    plan = sa.schedule(store, DAY)
    assert [(r.staff_id, r.category, r.red) for r in plan.expiring] == [
        (ids["red"], "первая", True), (ids["warn"], "высшая", False)]
    assert plan.expiring[1].apply_by == D(2026, 12, 15)
    assert plan.red == 1


def test_schedule_lists_conformity_due_then_exempt(school):
    store, ids = school
    plan = sa.schedule(store, DAY)
    states = [(r.staff_id, r.state.state) for r in plan.conformity]
    assert states == [(ids["no_cat"], "due"), (ids["new"], "exempt")]
    assert plan.conformity[0].state.due == D(2026, 10, 1)
    assert plan.conformity[0].position == T
    assert plan.due == 1


def test_schedule_lists_who_may_apply(school):
    store, ids = school
    plan = sa.schedule(store, DAY)
    assert [(r.staff_id, r.holds, r.targets) for r in plan.eligible] == [
        (ids["red"], "первая", ("высшая",)),
        (ids["warn"], "высшая", ("педагог-методист", "педагог-наставник")),
        (ids["first"], "первая", ("высшая",)),
        (ids["higher"], "высшая", ("педагог-методист",)),
    ]


def test_schedule_leaves_out_people_not_employed_on_the_date(school):
    store, ids = school
    plan = sa.schedule(store, DAY)
    listed = {r.staff_id for r in (*plan.expiring, *plan.conformity, *plan.eligible)}
    assert ids["gone"] not in listed and ids["later"] not in listed


def test_schedule_follows_the_settings(school):
    store, ids = school
    set_settings(store, {"category_warn_months": 3, "category_red_months": 1,
                         "conformity_period_years": 6})
    plan = sa.schedule(store, DAY)
    assert [(r.staff_id, r.red) for r in plan.expiring] == [(ids["red"], True)]   # 27 days
    assert [r.staff_id for r in plan.conformity] == [ids["new"]]


def test_person_attestation_history_and_state(school):
    store, ids = school
    warn = sa.person_attestation(store, ids["warn"], DAY)
    assert [(c.category, c.current, c.level) for c in warn.categories] == [
        ("высшая", True, "warn"), ("первая", False, None)]
    assert warn.categories[0].order == "№ 12-к от 15.03.2022"
    assert warn.conformity_state is None
    no_cat = sa.person_attestation(store, ids["no_cat"], DAY)
    assert no_cat.held == [] and no_cat.conformity_state.state == "due"
    assert [c.result for c in no_cat.conformity] == ["соответствует"]
    new = sa.person_attestation(store, ids["new"], DAY)
    assert new.conformity_state.state == "exempt"
    assert new.conformity[0].exemption_reason == "менее 2 лет в должности"


def test_check_category_uses_the_persons_other_categories_and_positions(school):
    store, ids = school
    early = QualificationCategory(staff_id=ids["first"], position=T, category="высшая",
                                  decision_date=D(2026, 11, 1))
    assert [f.code for f in sa.check_category(store, early, DAY)] == ["higher_too_early"]
    saved = repo.find(store, QualificationCategory, "staff_id = ?", (ids["first"],))[0]
    assert sa.check_category(store, saved, DAY) == []          # not a duplicate of itself
    wrong = QualificationCategory(staff_id=ids["higher"], position="методист",
                                  category="педагог-методист", decision_date=D(2026, 1, 1))
    assert [f.code for f in sa.check_category(store, wrong, DAY)] == ["needs_higher",
                                                                        "position"]


def test_save_and_delete(school):
    store, ids = school
    cat_id = sa.save_category(store, QualificationCategory(
        staff_id=ids["no_cat"], position=T, category="первая", decision_date=D(2026, 11, 1)))
    assert sa.person_attestation(store, ids["no_cat"], DAY).conformity_state is None
    sa.delete_category(store, cat_id)
    conf = sa.person_attestation(store, ids["no_cat"], DAY).conformity[0]
    sa.delete_conformity(store, conf.id)
    after = sa.person_attestation(store, ids["no_cat"], DAY)
    assert after.categories == [] and after.conformity == []
    assert after.conformity_state.due == D(2012, 9, 1)          # two years after hiring


def test_position_options_put_the_persons_positions_first(school):
    store, _ = school
    psych = person(store, "Исаева", positions=("педагог-психолог", "учитель"))
    options = sa.position_options(store, psych)
    assert options[:2] == ["педагог-психолог", "учитель"]
    assert options.count("учитель") == 1
    assert sa.position_options(store, None)[0] == "учитель"


def test_conformity_due_reaches_the_dashboard(fresh_db):
    """The to-do list names people without a category whose СЗД is due or falls due within
    the warning window; a category holder and a newcomer (< 2 years) are not listed."""
    from metodkab.storage.alerts import collect_alerts

    s = fresh_db
    never = person(s, "Белова")                                  # hired 2010, no record: due
    soon = person(s, "Власова")
    conformity(s, soon, D(2022, 3, 1))                           # 5 years: 01.03.2027
    later = person(s, "Гусева")
    conformity(s, later, D(2024, 3, 1))                          # 2029: not yet
    person(s, "Дроздова", hired=D(2025, 9, 1))                   # under 2 years in post
    holder = person(s, "Егорова")
    category(s, holder, "первая", D(2024, 1, 10), D(2029, 1, 10))
    alert = next(a for a in collect_alerts(s, DAY) if a.key == "conformity_due")
    assert [(i.staff_id, i.text) for i in alert.items] == [
        (never, "Белова Анна: срок аттестации на СЗД наступил"),
        (soon, "Власова Анна: аттестация на СЗД до 01.03.2027"),
    ]
    assert alert.params == {"months": 6}


def test_a_failed_conformity_attestation_heads_the_schedule_and_the_to_do_list(school):
    """«не соответствует» is not a pass good for five years: the person comes first in the
    СЗД list and on the dashboard until a newer result (or a dismissal) is recorded."""
    from metodkab.storage.alerts import collect_alerts

    store, ids = school
    failed = person(store, "Яковлева")
    conformity(store, failed, D(2026, 10, 15), result="не соответствует")
    plan = sa.schedule(store, DAY)
    assert [(r.staff_id, r.state.state) for r in plan.conformity] == [
        (failed, "failed"), (ids["no_cat"], "due"), (ids["new"], "exempt")]
    assert plan.conformity[0].state.last == D(2026, 10, 15)
    assert plan.conformity[0].state.due is None
    alert = next(a for a in collect_alerts(store, DAY) if a.key == "conformity_due")
    assert (failed, "Яковлева Анна: по СЗД от 15.10.2026 не соответствует занимаемой "
                    "должности") in [(i.staff_id, i.text) for i in alert.items]
    # a newer attestation with a pass puts the person back on the five-year cycle
    conformity(store, failed, D(2026, 11, 20))
    assert failed not in [r.staff_id for r in sa.schedule(store, DAY).conformity]  # 2031
