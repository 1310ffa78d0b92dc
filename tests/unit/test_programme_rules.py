"""Programme rules: done/due/overdue, progress tables, the agenda, computed indicators."""

import datetime as dt

import pytest

from metodkab.reports import programme as rp

D = dt.date(2026, 11, 23)


def fact(id_, deadline, status="запланировано", done=None, task="t1", direction="",
         people=()):
    return rp.ActivityFact(id_, task, direction, status, deadline, done, tuple(people))


def test_done_due_overdue_on_the_report_date():
    today = fact("a", D)
    assert rp.is_due(today, D) and not rp.is_overdue(today, D)   # the deadline day is in time
    yesterday = fact("b", D - dt.timedelta(days=1))
    assert rp.is_overdue(yesterday, D)
    done_late = fact("c", dt.date(2026, 10, 1), "выполнено", dt.date(2026, 12, 1))
    assert not rp.is_done(done_late, D)          # done after the report date: not yet
    assert rp.is_overdue(done_late, D)
    cancelled = fact("d", dt.date(2026, 1, 1), "отменено")
    assert not rp.is_due(cancelled, D) and not rp.is_overdue(cancelled, D)


def test_progress_counts_done_over_due_and_ahead_separately():
    facts = [
        fact("1", dt.date(2026, 9, 1), "выполнено", dt.date(2026, 9, 1)),
        fact("2", dt.date(2026, 10, 1), "перенесено"),
        fact("3", dt.date(2026, 11, 1), "в работе"),
        fact("4", dt.date(2027, 3, 1), "выполнено", dt.date(2026, 11, 20)),
        fact("5", dt.date(2027, 4, 1)),
        fact("6", dt.date(2026, 5, 1), "отменено"),
    ]
    total = rp.progress_total(facts, D)
    assert (total.total, total.due, total.done, total.overdue, total.ahead, total.cancelled) \
        == (5, 3, 1, 2, 1, 1)
    assert total.percent == 33
    assert rp.progress_total([], D).percent is None


@pytest.mark.parametrize("deadline, status, done, early", [
    (dt.date(2026, 10, 15), "выполнено", dt.date(2026, 10, 14), True),   # deadline passed
    (dt.date(2026, 10, 15), "выполнено", dt.date(2026, 10, 15), False),  # on the day: in time
    (dt.date(2026, 10, 15), "выполнено", dt.date(2026, 10, 20), False),  # late
    (dt.date(2027, 1, 15), "выполнено", dt.date(2026, 11, 23), True),    # not due yet
    (dt.date(2027, 1, 15), "выполнено", dt.date(2026, 12, 1), False),    # done after D: not yet
    (dt.date(2027, 1, 15), "выполнено", None, True),      # no date: early while not due
    (dt.date(2026, 10, 15), "выполнено", None, False),    # ... unknown once it is due
    (dt.date(2027, 1, 15), "в работе", None, False),
])
def test_done_early_counts_after_the_deadline_has_passed(deadline, status, done, early):
    """«Досроч. 0» after a seminar held the day before its deadline: early stays early."""
    one = fact("a", deadline, status, done)
    assert rp.is_ahead(one, D) is early
    assert rp.progress_total([one], D).ahead == int(early)


def test_progress_by_task_keeps_task_order_and_empty_tasks():
    facts = [fact("1", dt.date(2026, 9, 1), "выполнено", dt.date(2026, 9, 1), task="t2"),
             fact("2", dt.date(2026, 9, 2), task="t2")]
    rows = rp.progress_by_task(facts, D, [("t1", "1. Первая"), ("t2", "2. Вторая")])
    assert [(r.label, r.total, r.due, r.done, r.percent) for r in rows] == [
        ("1. Первая", 0, 0, 0, None), ("2. Вторая", 2, 2, 1, 50)]


def test_progress_by_direction_and_person():
    facts = [fact("1", dt.date(2026, 9, 1), "выполнено", dt.date(2026, 9, 1),
                  direction="Наставничество", people=("p1", "p2")),
             fact("2", dt.date(2026, 9, 2), direction="", people=("p2",)),
             fact("3", dt.date(2026, 9, 3), direction="аттестация")]
    by_dir = rp.progress_by_direction(facts, D, other="(не указано)")
    assert [r.label for r in by_dir] == ["аттестация", "Наставничество", "(не указано)"]
    by_person = rp.progress_by_person(facts, D, [("p1", "Иванова"), ("p2", "Петров"),
                                                 ("p3", "Сидоров")], other="никто")
    assert [(r.label, r.total, r.done) for r in by_person] == [
        ("Иванова", 1, 1), ("Петров", 2, 1), ("никто", 1, 0)]


@pytest.mark.parametrize("deadline, status, bucket", [
    (dt.date(2026, 11, 22), "запланировано", "overdue"),
    (dt.date(2025, 1, 10), "перенесено", "overdue"),
    (dt.date(2026, 11, 23), "в работе", "this_month"),
    (dt.date(2026, 11, 30), "запланировано", "this_month"),
    (dt.date(2026, 12, 1), "запланировано", "next_month"),
    (dt.date(2026, 12, 31), "запланировано", "next_month"),
    (dt.date(2027, 1, 1), "запланировано", None),
    (dt.date(2026, 11, 1), "отменено", None),
])
def test_agenda_bucket(deadline, status, bucket):
    assert rp.agenda_bucket(fact("x", deadline, status), D) == bucket


def test_agenda_bounds_cross_the_year():
    assert rp.agenda_bounds(dt.date(2026, 12, 15)) == (
        dt.date(2026, 12, 1), dt.date(2026, 12, 31), dt.date(2027, 1, 31))
    assert rp.agenda_bounds(dt.date(2027, 1, 31))[2] == dt.date(2027, 2, 28)


def test_done_activity_is_not_in_the_agenda():
    assert rp.agenda_bucket(fact("x", dt.date(2026, 11, 1), "выполнено",
                                 dt.date(2026, 11, 2)), D) is None


def test_shifted_keeps_the_day_and_handles_29_february():
    assert rp.shifted(dt.date(2026, 3, 15)) == dt.date(2027, 3, 15)
    assert rp.shifted(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)
    assert rp.shifted(None) is None


def test_measure_date():
    assert rp.measure_date(2025, D) == dt.date(2025, 12, 31)
    assert rp.measure_date(2026, D) == D
    assert rp.measure_date(2027, D) is None


def person(id_, **kw):
    return rp.StaffFact(id_, id_, **kw)


SETTINGS = {"training_period_years": 3, "young_max_age": 35, "young_max_experience": 3}


def test_training_indicators_count_main_staff_only():
    staff = (
        person("fresh", last_training_end=dt.date(2024, 5, 1)),
        person("boundary", last_training_end=dt.date(2023, 11, 23)),   # exactly 3 years: counts
        person("old", last_training_end=dt.date(2023, 11, 22)),
        person("never"),
        person("external", employment="внешний совместитель"),
        person("gone", dismissal_date=dt.date(2026, 1, 1)),
        person("future", hire_date=dt.date(2027, 1, 1)),
    )
    inputs = rp.IndicatorInputs(D, SETTINGS, staff)
    late = rp.compute("training_overdue", inputs)
    assert (late.count, late.base, set(late.staff_ids)) == (2, 4, {"old", "never"})
    assert late.percent == 50.0
    fine = rp.compute("training_up_to_date", inputs)
    assert (fine.count, fine.base) == (2, 4)


def test_young_supported():
    young = dict(birth_date=dt.date(1999, 1, 1), ped_start_date=dt.date(2025, 9, 1))
    staff = (
        person("a", supported=True, **young),
        person("b", **young),
        person("c", supported=True, birth_date=dt.date(1980, 1, 1),
               ped_start_date=dt.date(2025, 9, 1)),       # not young: not in the base
        person("d", birth_date=dt.date(1999, 1, 1)),          # no experience date: not counted
    )
    value = rp.compute("young_supported", rp.IndicatorInputs(D, SETTINGS, staff))
    assert (value.count, value.base, value.percent) == (1, 2, 50.0)
    assert rp.compute("young_supported", rp.IndicatorInputs(D, SETTINGS, ())).percent is None


def test_programme_done_indicator_and_registry_extension():
    acts = (fact("1", dt.date(2026, 1, 1), "выполнено", dt.date(2026, 1, 1)),
            fact("2", dt.date(2026, 2, 1)), fact("3", dt.date(2027, 2, 1)))
    value = rp.compute("programme_done", rp.IndicatorInputs(D, SETTINGS, (), acts))
    assert (value.count, value.base) == (1, 2)
    assert rp.compute("no-such-key", rp.IndicatorInputs(D, SETTINGS)) is None
    extra = rp.register(rp.ComputedIndicator("test_all", "Все", lambda i: rp.IndicatorValue(
        len(i.staff), len(i.staff))))
    try:
        assert ("test_all", "Все") in rp.computed_choices()
    finally:
        rp.COMPUTED_INDICATORS.pop(extra.key)


def test_computed_actual_percent_or_count():
    value = rp.IndicatorValue(3, 8)
    assert rp.computed_actual(value, "%") == 37.5
    assert rp.computed_actual(value, "чел.") == 3.0
    assert rp.computed_actual(None, "%") is None


@pytest.mark.parametrize("text, number", [("30", 30.0), ("27,5", 27.5), (" 1 000 ", 1000.0),
                                          ("", None), (None, None), (12, 12.0)])
def test_parse_number(text, number):
    assert rp.parse_number(text) == number


def test_parse_number_error_is_russian():
    with pytest.raises(ValueError, match="Введите число"):
        rp.parse_number("много")


def test_format_number():
    assert [rp.format_number(v) for v in (30.0, 27.5, None, 0.0)] == ["30", "27,5", "", "0"]
    assert [rp.format_number(v) for v in (99.96, 4.22, 0.25)] == ["100", "4,2", "0,2"]


def test_format_target_keeps_every_decimal_it_was_set_with():
    assert [rp.format_target(v) for v in (4.25, 30.0, 0.25, None, 2.5)] == [
        "4,25", "30", "0,25", "", "2,5"]


@pytest.mark.parametrize("actual, target, baseline, key, short", [
    (25.0, 30.0, 20.0, None, True),          # more is better: below the target
    (31.0, 30.0, 20.0, None, False),
    (12.0, 10.0, 25.0, None, True),          # target below the baseline: fewer is better
    (8.0, 10.0, 25.0, None, False),
    (15.4, 10.0, None, "training_overdue", True),
    (75.0, 80.0, None, "young_supported", True),
    (None, 80.0, None, None, False),
    (50.0, None, None, None, False),
])
def test_falls_short(actual, target, baseline, key, short):
    assert rp.falls_short(actual, target, baseline, key) is short
