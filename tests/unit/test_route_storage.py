"""Diagnostics, deficits and ИОМ storage: the card's lists, steps from deficits in one go,
completing steps and resolving deficits, deleting with dependents, the dashboard's
overdue steps."""

import datetime as dt

import pytest

from metodkab.domain.models import (Deficit, Diagnostic, IndividualRoute, Mentorship, RouteStep,
                                    Staff, Training)
from metodkab.storage import development as sd
from metodkab.storage import repo
from metodkab.storage.alerts import collect_alerts
from metodkab.storage.errors import HasDependents

D = dt.date
DAY = D(2026, 11, 23)


@pytest.fixture
def person(fresh_db):
    s = fresh_db
    staff_id = repo.create(s, Staff(last_name="Егорова", first_name="Мария",
                                    positions=["учитель"]))
    diag = repo.create(s, Diagnostic(staff_id=staff_id, date=D(2025, 10, 10),
                                     kind="профессиональные дефициты", operator="ЦНППМ",
                                     score=34, max_score=50))
    ids = {"staff": staff_id, "diag": diag}
    for key, area, text, status in (("reading", "методическая", "Читательская грамотность",
                                     "выявлен"),
                                    ("digital", "цифровая", "ФГИС «Моя школа»", "в работе"),
                                    ("done", "предметная", "ФООП", "устранён")):
        ids[key] = repo.create(s, Deficit(staff_id=staff_id, diagnostic_id=diag, area=area,
                                          description=text, status=status,
                                          found_date=D(2025, 10, 10)))
    ids["route"] = repo.create(s, IndividualRoute(staff_id=staff_id, period_start=D(2026, 1, 1),
                                                  period_end=D(2026, 12, 31),
                                                  status="выполняется"))
    return s, ids


def test_diagnostics_show_score_and_percent(person):
    store, ids = person
    repo.create(store, Diagnostic(staff_id=ids["staff"], date=D(2026, 10, 5),
                                  kind="функциональная грамотность", percent=72.5))
    rows = sd.diagnostics_of(store, ids["staff"])
    assert [(r.kind, r.result, r.percent) for r in rows] == [
        ("функциональная грамотность", "72,5 %", 72.5),
        ("профессиональные дефициты", "34 из 50 (68 %)", 68.0)]
    assert sd.diagnostic_options(store, ids["staff"])[1][1] == \
        "10.10.2025 профессиональные дефициты (ЦНППМ)"


def test_deficits_open_first_with_their_steps_and_trainings(person):
    store, ids = person
    repo.create(store, RouteStep(route_id=ids["route"], deficit_id=ids["digital"], goal="Курсы",
                                 done_date=D(2026, 4, 1)))
    repo.create(store, RouteStep(route_id=ids["route"], deficit_id=ids["digital"], goal="Урок"))
    repo.create(store, Training(staff_id=ids["staff"], title="ЦОР", hours=36,
                                end_date=D(2026, 4, 1), deficit_ids=[ids["digital"]]))
    rows = sd.deficits_of(store, ids["staff"])
    assert [r.status for r in rows] == ["выявлен", "в работе", "устранён"]
    digital = rows[1]
    assert (digital.steps, digital.steps_done, digital.trainings) == (2, 1, 1)


def test_steps_from_deficits_in_one_go(person):
    store, ids = person
    view = sd.load_route(store, ids["route"], DAY)
    assert [k for k, _ in view.open_deficits] == [ids["reading"], ids["digital"]]
    made = sd.add_steps_from_deficits(store, ids["route"], [ids["reading"], ids["digital"],
                                                            ids["reading"]])
    assert len(made) == 2
    view = sd.load_route(store, ids["route"], DAY)
    assert [(s.number, s.deficit_id, s.deadline) for s in view.steps] == [
        (1, ids["reading"], D(2026, 12, 31)), (2, ids["digital"], D(2026, 12, 31))]
    assert view.steps[0].goal == "Устранить дефицит: Читательская грамотность"
    assert view.open_deficits == []                              # both are in the route now
    assert repo.get(store, Deficit, ids["reading"]).status == "в работе"


def test_completing_the_last_step_of_a_deficit_offers_to_resolve_it(person):
    store, ids = person
    first, second = sd.add_steps_from_deficits(store, ids["route"], [ids["digital"],
                                                                      ids["reading"]])
    extra = sd.save_step(store, RouteStep(route_id=ids["route"], deficit_id=ids["digital"],
                                          goal="Открытый урок"))
    sd.set_step_done(store, first, D(2026, 3, 1))
    assert sd.deficit_to_resolve(store, first) is None          # another step is open
    sd.set_step_done(store, extra, D(2026, 5, 20))
    assert sd.deficit_to_resolve(store, extra) == (ids["digital"], "ФГИС «Моя школа»")
    assert sd.resolved_date_for(store, ids["digital"]) == D(2026, 5, 20)
    sd.resolve_deficit(store, ids["digital"])
    resolved = repo.get(store, Deficit, ids["digital"])
    assert (resolved.status, resolved.resolved_date) == ("устранён", D(2026, 5, 20))
    assert sd.deficit_to_resolve(store, extra) is None          # already resolved
    sd.set_step_done(store, second, None)
    assert sd.deficit_to_resolve(store, second) is None         # not done


def test_steps_in_other_routes_count_too(person):
    store, ids = person
    other = repo.create(store, IndividualRoute(staff_id=ids["staff"], period_start=D(2025, 1, 1),
                                               period_end=D(2025, 12, 31), status="завершён"))
    repo.create(store, RouteStep(route_id=other, deficit_id=ids["reading"], goal="Старый шаг"))
    (step,) = sd.add_steps_from_deficits(store, ids["route"], [ids["reading"]])
    sd.set_step_done(store, step, DAY)
    assert sd.deficit_to_resolve(store, step) is None


def test_step_order_and_moving(person):
    store, ids = person
    a = sd.save_step(store, RouteStep(route_id=ids["route"], goal="А"))
    b = sd.save_step(store, RouteStep(route_id=ids["route"], goal="Б"))
    c = sd.save_step(store, RouteStep(route_id=ids["route"], goal="В"))
    sd.move_step(store, c, -1)
    assert [s.goal for s in sd.load_route(store, ids["route"], DAY).steps] == ["А", "В", "Б"]
    sd.move_step(store, a, -1)                                  # already first
    sd.move_step(store, b, 1)                                   # already last
    assert [s.id for s in sd.load_route(store, ids["route"], DAY).steps] == [a, c, b]
    sd.delete_step(store, c)
    assert [s.number for s in sd.load_route(store, ids["route"], DAY).steps] == [1, 2]


def test_route_rows_progress_and_active(person):
    store, ids = person
    repo.create(store, RouteStep(route_id=ids["route"], goal="Просрочен",
                                 deadline=DAY - dt.timedelta(days=1)))
    repo.create(store, RouteStep(route_id=ids["route"], goal="Сегодня", deadline=DAY))
    repo.create(store, RouteStep(route_id=ids["route"], goal="Готов", deadline=D(2026, 2, 1),
                                 done_date=D(2026, 2, 1)))
    (row,) = sd.routes_of(store, ids["staff"], DAY)
    assert (row.done, row.total, row.overdue, row.active) == (1, 3, 1, True)
    view = sd.load_route(store, ids["route"], DAY)
    assert [s.overdue for s in view.steps] == [True, False, False]
    assert view.progress == (1, 3, 1)


def test_overdue_steps_are_the_dashboards(person):
    store, ids = person
    late = repo.create(store, RouteStep(route_id=ids["route"], goal="Просрочен",
                                        deadline=DAY - dt.timedelta(days=1)))
    repo.create(store, RouteStep(route_id=ids["route"], goal="Сегодня", deadline=DAY))
    alert = next(a for a in collect_alerts(store, DAY) if a.key == "route_steps_overdue")
    assert [i.record_id for i in alert.items] == [late]
    assert [s.id for s in sd.load_route(store, ids["route"], DAY).steps if s.overdue] == [late]


def test_step_options_are_the_persons_own(person):
    store, ids = person
    other = repo.create(store, Staff(last_name="Другая", first_name="Анна", positions=["учитель"]))
    training = repo.create(store, Training(staff_id=ids["staff"], title="ЦОР", hours=36,
                                           end_date=D(2026, 4, 20)))
    repo.create(store, Training(staff_id=other, title="Чужие", hours=36, end_date=D(2026, 4, 20)))
    pair = repo.create(store, Mentorship(mentor_id=other, mentee_ids=[ids["staff"]],
                                         form="педагог – педагог", start_date=D(2026, 9, 1),
                                         planned_end=D(2027, 5, 31)))
    options = sd.step_options(store, ids["route"])
    assert [k for k, _ in options["trainings"]] == [training]
    assert options["trainings"][0][1] == "ЦОР (20.04.2026)"
    assert options["mentorships"] == [(pair, "наставник Другая Анна с 01.09.2026")]
    assert len(options["deficits"]) == 3


def test_route_overlap_warning_and_delete_with_steps(person):
    store, ids = person
    new = IndividualRoute(staff_id=ids["staff"], period_start=D(2026, 12, 31),
                          period_end=D(2027, 12, 30))
    assert len(sd.check_route(store, new)) == 1
    later = new.model_copy(update={"period_start": D(2027, 1, 1)})
    assert sd.check_route(store, later) == []
    saved = repo.get(store, IndividualRoute, ids["route"])
    assert sd.check_route(store, saved) == []                   # not against itself
    sd.add_steps_from_deficits(store, ids["route"], [ids["reading"], ids["digital"]])
    assert sd.delete_route(store, ids["route"]) == 2
    assert sd.routes_of(store, ids["staff"], DAY) == []
    assert repo.count(store, "route_step", "route_id = ?", (ids["route"],)) == 0


def test_deleting_a_deficit_or_diagnostic_in_use_is_refused(person):
    store, ids = person
    with pytest.raises(HasDependents, match="дефициты"):
        sd.delete_diagnostic(store, ids["diag"])
    sd.add_steps_from_deficits(store, ids["route"], [ids["reading"]])
    with pytest.raises(HasDependents, match="ИОМ"):
        sd.delete_deficit(store, ids["reading"])
    sd.delete_deficit(store, ids["done"])
    assert [d.id for d in sd.deficits_of(store, ids["staff"])] == [ids["reading"],
                                                                   ids["digital"]]


def test_save_deficit_keeps_the_resolved_date_consistent(person):
    store, ids = person
    deficit = repo.get(store, Deficit, ids["reading"])
    sd.save_deficit(store, deficit.model_copy(update={"status": "устранён"}), DAY)
    assert repo.get(store, Deficit, ids["reading"]).resolved_date == DAY
    again = repo.get(store, Deficit, ids["reading"])
    sd.save_deficit(store, again.model_copy(update={"status": "в работе"}), DAY)
    assert repo.get(store, Deficit, ids["reading"]).resolved_date is None


def test_default_period_is_a_year():
    assert sd.default_period(DAY) == (DAY, D(2027, 11, 22))
