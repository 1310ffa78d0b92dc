"""Property tests: random valid records go into the database and come back unchanged.

Each example gets a fresh in-memory store (function-scoped fixtures are not reset between
hypothesis examples) holding a small "world" with fixed ids, so that strategies can point
at existing staff, associations, programme tasks and so on.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metodkab.clock import Clock
from metodkab.domain import models as m
from metodkab.domain import values as v
from metodkab.storage import repo
from metodkab.storage.db import open_memory

SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

STAFF_IDS = ("staff-1", "staff-2", "staff-3", "staff-4")
ASSOCIATION_IDS = ("assoc-1", "assoc-2")


def world():
    """A fresh store with a few records of every kind that others refer to."""
    store = open_memory(clock=Clock(dt.date(2026, 11, 23)), user="Проверка")
    for staff_id in STAFF_IDS:
        repo.create(store, m.Staff(last_name="Иванова", first_name="Мария",
                                   positions=["учитель"]), record_id=staff_id)
    for assoc_id in ASSOCIATION_IDS:
        repo.create(store, m.Association(name="ШМО"), record_id=assoc_id)
    repo.create(store, m.Deficit(staff_id="staff-1", area="цифровая", description="ЭОР"),
                record_id="deficit-1")
    repo.create(store, m.Training(staff_id="staff-1", title="Курсы", hours=36,
                                  end_date=dt.date(2025, 3, 20)), record_id="training-1")
    repo.create(store, m.Mentorship(mentor_id="staff-1", form="педагог – педагог",
                                    start_date=dt.date(2025, 9, 1),
                                    planned_end=dt.date(2026, 5, 31),
                                    mentee_ids=["staff-2"]), record_id="pair-1")
    repo.create(store, m.IndividualRoute(staff_id="staff-1", period_start=dt.date(2025, 9, 1),
                                         period_end=dt.date(2026, 8, 31)), record_id="route-1")
    repo.create(store, m.Programme(title="Программа", year_from=2025, year_to=2028),
                record_id="prog-1")
    repo.create(store, m.ProgrammeTask(programme_id="prog-1", title="Задача"), record_id="task-1")
    repo.create(store, m.ProgrammeActivity(task_id="task-1", title="Семинар",
                                           deadline=dt.date(2026, 3, 1)), record_id="act-1")
    repo.create(store, m.TargetIndicator(programme_id="prog-1", name="Доля"),
                record_id="indicator-1")
    return store


# --- value strategies ----------------------------------------------------------------------

LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
UPPER = LOWER.upper()

# Any text a user could paste: every printable character of every script, no surrogates.
text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
# Required text: at least one letter or digit somewhere.
required_text = st.builds(lambda a, b, c: a + b + c, text,
                          st.characters(whitelist_categories=("L", "Nd")), text)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
opt_dates = st.none() | dates
days = st.integers(min_value=0, max_value=3000).map(lambda n: dt.timedelta(days=n))
numbers = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
staff_id = st.sampled_from(STAFF_IDS)


def opt(values):
    return st.none() | st.sampled_from(values)


def subset(values):
    return st.lists(st.sampled_from(values), unique=True, max_size=len(values))


def later(start: dt.date | None, delta: dt.timedelta) -> dt.date | None:
    """``start + delta`` kept within the years the forms accept."""
    if start is None:
        return None
    return min(start + delta, dt.date(2100, 12, 31))


word = st.builds(lambda first, rest: first + rest, st.sampled_from(UPPER),
                 st.text(LOWER, min_size=1, max_size=12))
name_part = word | st.builds(lambda a, b: f"{a}-{b}", word, word)
# contacts as the form accepts them: 6–20 digits with +, spaces, brackets, dashes; name@domain
phone = st.from_regex(r"\A(\+7 \([0-9]{3}\) [0-9]{3}-[0-9]{2}-[0-9]{2}|8-[0-9]{5}-[0-9]-[0-9]{2}-[0-9]{2}"
                      r"|[0-9]{6,20})?\Z")
email = st.from_regex(r"\A([a-z0-9._-]{1,12}@[a-zа-я0-9-]{1,12}\.(ru|рф|com))?\Z")


@st.composite
def snils(draw) -> str:
    number = draw(st.text("0123456789", min_size=9, max_size=9))
    total = sum(int(d) * (9 - i) for i, d in enumerate(number))
    control = total if total < 100 else (0 if total in (100, 101) else total % 101)
    control = 0 if control == 100 else control
    digits = f"{number}{control:02d}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:9]} {digits[9:]}"


# --- record strategies ---------------------------------------------------------------------


@st.composite
def staff(draw) -> m.Staff:
    birth = draw(st.none() | st.dates(dt.date(1940, 1, 1), dt.date(2008, 12, 31)))
    if birth is None:
        hire, ped_start = draw(opt_dates), draw(opt_dates)
    else:
        adult = dt.date(birth.year + 14, 1, 1)
        hire = draw(st.none() | st.dates(adult, dt.date(2100, 12, 31)))
        ped_start = draw(st.none() | st.dates(adult, dt.date(2100, 12, 31)))
    dismissal = later(hire, draw(days)) if hire else draw(opt_dates)
    return m.Staff.model_validate({
        "last_name": draw(name_part),
        "first_name": draw(name_part),
        "middle_name": draw(st.just("") | name_part),
        "birth_date": birth,
        "sex": draw(opt(v.SEXES)),
        "employment": draw(st.sampled_from(v.EMPLOYMENTS)),
        "hire_date": hire,
        "dismissal_date": draw(st.none() | st.just(dismissal)),
        "ped_start_date": ped_start,
        "education_level": draw(opt(v.EDUCATION_LEVELS)),
        "education_pedagogical": draw(st.booleans()),
        "management_team": draw(st.booleans()),
        "snils": draw(st.just("") | snils()),
        "phone": draw(phone),
        "email": draw(email),
        "notes": draw(text),
        "positions": draw(st.lists(st.sampled_from(v.POSITIONS) | required_text,
                                   min_size=1, max_size=3)),
        "subjects": draw(st.lists(st.sampled_from(v.SUBJECTS) | required_text, max_size=3)),
        "association_ids": draw(subset(ASSOCIATION_IDS)),
    })


@st.composite
def training(draw) -> m.Training:
    kind = draw(st.sampled_from(v.TRAINING_KINDS))
    minimum = v.TRAINING_MIN_HOURS.get(kind, 1)
    start = draw(opt_dates)
    end = later(start, draw(days)) if start else draw(dates)
    return m.Training.model_validate({
        "staff_id": draw(staff_id),
        "group_id": draw(st.none() | st.uuids().map(str)),
        "title": draw(required_text),
        "provider": draw(text),
        "provider_ownership": draw(opt(v.PROVIDER_OWNERSHIPS)),
        "kind": kind,
        "hours": draw(st.integers(minimum, 5000)),
        "form": draw(opt(v.TRAINING_FORMS)),
        "start_date": start,
        "end_date": end,
        "doc_kind": draw(opt(v.DOCUMENT_KINDS)),
        "doc_number": draw(text),
        "doc_date": draw(opt_dates),
        "federal_register": draw(st.booleans()),
        "by_diagnostics": draw(st.booleans()),
        "management": draw(st.booleans()),
        "topics": draw(st.lists(st.sampled_from(v.TRAINING_TOPICS) | text, max_size=4)),
        "deficit_ids": draw(subset(("deficit-1",))),
    })


@st.composite
def mentorship(draw) -> m.Mentorship:
    mentor = draw(staff_id)
    others = [s for s in STAFF_IDS if s != mentor]
    start = draw(dates)
    status = draw(st.sampled_from(v.MENTORSHIP_STATUSES))
    actual = later(start, draw(days))
    if status == "действует":
        actual = draw(st.none() | st.just(actual))
    return m.Mentorship.model_validate({
        "mentor_id": mentor,
        "form": draw(st.sampled_from(v.MENTORSHIP_FORMS) | required_text),
        "reason": draw(st.sampled_from(v.MENTORSHIP_REASONS) | text),
        "start_date": start,
        "planned_end": later(start, draw(days)),
        "actual_end": actual,
        "order_number": draw(text),
        "order_date": draw(opt_dates),
        "curator_id": draw(st.none() | staff_id),
        "goals": draw(text),
        "status": status,
        "result": draw(text),
        "mentee_ids": draw(st.lists(st.sampled_from(others), min_size=1, unique=True)),
    })


@st.composite
def diagnostic(draw) -> m.Diagnostic:
    max_score = draw(st.none() | st.floats(min_value=0.5, max_value=1000, allow_nan=False))
    top = max_score if max_score is not None else 1e6
    return m.Diagnostic.model_validate({
        "staff_id": draw(staff_id),
        "date": draw(dates),
        "kind": draw(st.sampled_from(v.DIAGNOSTIC_KINDS)),
        "operator": draw(st.sampled_from(("ЦНППМ", "школа")) | text),
        "score": draw(st.none() | st.floats(min_value=0, max_value=top, allow_nan=False)),
        "max_score": max_score,
        "percent": draw(st.none() | st.floats(min_value=0, max_value=100, allow_nan=False)),
        "notes": draw(text),
    })


@st.composite
def activity(draw) -> m.ProgrammeActivity:
    start = draw(opt_dates)
    deadline = later(start, draw(days)) if start else draw(dates)
    status = draw(st.sampled_from(v.ACTIVITY_STATUSES))
    done = draw(dates) if status == "выполнено" else draw(opt_dates)
    return m.ProgrammeActivity.model_validate({
        "task_id": "task-1",
        "direction": draw(text),
        "title": draw(required_text),
        "form": draw(text),
        "start_date": start,
        "deadline": deadline,
        "expected_result": draw(text),
        "status": status,
        "done_date": done,
        "note": draw(text),
        "responsible_ids": draw(subset(STAFF_IDS)),
    })


@st.composite
def category(draw) -> m.QualificationCategory:
    decision = draw(dates)
    return m.QualificationCategory.model_validate({
        "staff_id": draw(staff_id),
        "position": draw(st.sampled_from(v.POSITIONS) | required_text),
        "category": draw(st.sampled_from(v.CATEGORIES)),
        "decision_date": decision,
        "order_number": draw(text),
        "order_date": draw(opt_dates),
        "issuing_body": draw(text),
        "valid_until": draw(st.none() | st.just(later(decision, draw(days)))),
    })


@st.composite
def conformity(draw) -> m.ConformityAttestation:
    result = draw(opt(v.CONFORMITY_RESULTS))
    reason = draw(st.sampled_from(v.EXEMPTION_REASONS) | required_text) if result is None \
        else draw(text)
    return m.ConformityAttestation.model_validate({
        "staff_id": draw(staff_id), "position": draw(text), "date": draw(dates),
        "result": result, "order_number": draw(text), "order_date": draw(opt_dates),
        "exemption_reason": reason,
    })


@st.composite
def route(draw) -> m.IndividualRoute:
    start = draw(dates)
    return m.IndividualRoute.model_validate({
        "staff_id": draw(staff_id), "period_start": start,
        "period_end": later(start, draw(days)),
        "developed_by": draw(st.sampled_from(v.ROUTE_DEVELOPERS)),
        "approved_date": draw(opt_dates), "status": draw(st.sampled_from(v.ROUTE_STATUSES)),
    })


@st.composite
def route_step(draw) -> m.RouteStep:
    return m.RouteStep.model_validate({
        "route_id": "route-1", "deficit_id": draw(st.none() | st.just("deficit-1")),
        "goal": draw(required_text), "action": draw(text),
        "form": draw(st.sampled_from(v.ROUTE_STEP_FORMS) | text),
        "deadline": draw(opt_dates), "expected_product": draw(text),
        "done_date": draw(opt_dates), "evidence": draw(text),
        "training_id": draw(st.none() | st.just("training-1")),
        "mentorship_id": draw(st.none() | st.just("pair-1")),
        "sort_order": draw(st.integers(0, 10_000)),
    })


OTHER_RECORDS = st.one_of(
    st.builds(lambda full, short, code, muni, director, deputy, address: m.School(
        full_name=full, short_name=short, code=code, municipality=muni, director=director,
        deputy=deputy, address=address), required_text, required_text, text, text, text, text,
        text),
    st.builds(lambda name, kind, head, notes: m.Association(
        name=name, kind=kind, head_id=head, notes=notes),
        required_text, st.sampled_from(v.ASSOCIATION_KINDS), st.none() | staff_id, text),
    category(), conformity(), route(), route_step(),
    st.builds(lambda s, d, area, desc, status, found, resolved: m.Deficit(
        staff_id=s, diagnostic_id=d, area=area, description=desc, status=status,
        found_date=found, resolved_date=resolved),
        staff_id, st.none(), st.sampled_from(v.DEFICIT_AREAS), required_text,
        st.sampled_from(v.DEFICIT_STATUSES), opt_dates, opt_dates),
    st.builds(lambda day, topic, form, outcome, status: m.MentorshipEvent(
        mentorship_id="pair-1", date=day, topic=topic, form=form, outcome=outcome,
        status=status),
        dates, required_text, text, text, st.sampled_from(v.MENTORSHIP_EVENT_STATUSES)),
    st.builds(lambda s, kind, level, day, title, result, organiser, evidence: m.Achievement(
        staff_id=s, kind=kind, level=level, date=day, title=title, result=result,
        organiser=organiser, evidence=evidence),
        staff_id, st.sampled_from(v.ACHIEVEMENT_KINDS), st.sampled_from(v.ACHIEVEMENT_LEVELS),
        dates, required_text, st.sampled_from(("", *v.ACHIEVEMENT_RESULTS)), text, text),
    st.builds(lambda s, kind, title, platform, hours, day: m.ShortLearning(
        staff_id=s, kind=kind, title=title, platform=platform, hours=hours, date=day),
        staff_id, st.sampled_from(v.LEARNING_KINDS), required_text, text,
        st.floats(0.25, 15.75), dates),
    st.builds(lambda title, start, length, goal, number, order, current: m.Programme(
        title=title, year_from=start, year_to=min(start + length, 2100), goal=goal,
        order_number=number, order_date=order, is_current=current),
        required_text, st.integers(2000, 2100), st.integers(0, 10), text, text, opt_dates,
        st.booleans()),
    st.builds(lambda number, title: m.ProgrammeTask(programme_id="prog-1", number=number,
                                                    title=title),
              st.integers(1, 999), required_text),
    st.builds(lambda old, new, reason, changed: m.ActivityPostponement(
        activity_id="act-1", old_deadline=old, new_deadline=new, reason=reason,
        changed_on=changed), dates, dates, text, dates),
    st.builds(lambda number, name, unit, baseline, key: m.TargetIndicator(
        programme_id="prog-1", number=number, name=name, unit=unit, baseline=baseline,
        source="computed" if key else "manual", computed_key=key or None),
        st.integers(1, 999), required_text, text, st.none() | numbers,
        st.none() | st.sampled_from(("young_supported", "fl_diagnostics"))),
    st.builds(lambda year, target, actual: m.IndicatorTarget(
        indicator_id="indicator-1", year=year, target=target, actual=actual),
        st.integers(2000, 2100), st.none() | numbers, st.none() | numbers),
)


# --- properties ----------------------------------------------------------------------------


def fields(record: m.Record) -> dict:
    """The record's values; lists of ids in link tables are sets (their order is not kept)."""
    data = record.model_dump(exclude={"id", "version"})
    for name, spec in record.LINKS.items():
        if not spec.ordered:
            data[name] = sorted(data[name])
    return data


def assert_round_trip(record: m.Record) -> None:
    store = world()
    try:
        record_id = repo.create(store, record)
        got = repo.get(store, type(record), record_id)
        assert fields(got) == fields(record)
        assert got.version == 1
        # Saving what was read changes nothing.
        assert repo.update(store, got) == 1
        # And what comes back validates to the same record from its own dump.
        assert fields(type(record).model_validate(got.model_dump())) == fields(record)
    finally:
        store.db.close()


@SETTINGS
@given(staff())
def test_staff_round_trip(record):
    assert_round_trip(record)


@SETTINGS
@given(training())
def test_training_round_trip(record):
    assert_round_trip(record)


@SETTINGS
@given(mentorship())
def test_mentorship_round_trip(record):
    assert_round_trip(record)


@SETTINGS
@given(diagnostic())
def test_diagnostic_round_trip(record):
    assert_round_trip(record)


@SETTINGS
@given(activity())
def test_programme_activity_round_trip(record):
    assert_round_trip(record)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OTHER_RECORDS)
def test_other_records_round_trip(record):
    assert_round_trip(record)


@SETTINGS
@given(staff(), staff())
def test_staff_update_round_trip(first, second):
    """Any valid edit of a saved person reads back exactly as edited."""
    store = world()
    try:
        record_id = repo.create(store, first)
        saved = repo.get(store, m.Staff, record_id)
        edited = second.model_copy(update={"id": record_id, "version": saved.version})
        version = repo.update(store, edited)
        got = repo.get(store, m.Staff, record_id)
        assert fields(got) == fields(second)
        assert got.version == version == (1 if fields(first) == fields(second) else 2)
    finally:
        store.db.close()


@SETTINGS
@given(st.lists(staff(), min_size=1, max_size=5))
def test_insert_many_round_trip(records):
    store = world()
    try:
        ids = repo.insert_many(store, records)
        for record_id, record in zip(ids, records):
            assert fields(repo.get(store, m.Staff, record_id)) == fields(record)
    finally:
        store.db.close()
