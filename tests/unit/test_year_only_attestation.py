"""A category or an СЗД a list gives only by its year («первая 2019», «СЗД 2021») is stored
as that year (precision "year", the date its 1 January, no term made up), shown «2019 г.»,
and the rules read it conservatively: where only the unknown day decides a list, the
person is listed «уточнить дату решения» (reports/attestation.py). Also: a course known
only by its year may have started in that year."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from metodkab.domain.models import ConformityAttestation, QualificationCategory, Staff, Training
from metodkab.domain.models import validate as validate_model
from metodkab.domain.parse import add_months, add_years
from metodkab.importing import mapping as m
from metodkab.importing.plan import apply_plan, build_plan
from metodkab.importing.reader import read_table
from metodkab.reports import attestation as ra
from metodkab.storage import repo
from metodkab.storage.attestation import person_attestation, schedule
from metodkab.sync.records import row_models
from tests.data.make_import_samples import SITE_HEADER

D = dt.date
DAY = D(2026, 11, 23)
T = "учитель"
ROWS = [
    [1, "Орлова Мария Ивановна", "Учитель", "Русский язык", "высшее", "учитель русского языка",
     "20 лет", "20 лет", "первая 2021", "Читательская грамотность, 36 ч., 2023"],
    [2, "Белов Антон Сергеевич", "Учитель", "История", "высшее", "учитель истории",
     "12 лет", "12 лет", "СЗД 2021", ""],
]


def write_list(path):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Педагогический состав на 01.09.2025"] + [""] * (len(SITE_HEADER) - 1))
    writer.writerow(SITE_HEADER)
    writer.writerows(ROWS)
    path.write_bytes(out.getvalue().encode("cp1251"))
    return path


def import_list(store, tmp_path):
    path = write_list(tmp_path / "list.csv")
    sheet = read_table(path, score=m.header_score(m.STAFF))
    plan = build_plan(store, sheet, m.guess_mapping(sheet.headers, m.STAFF), m.STAFF)
    apply_plan(store, plan)
    return plan


def person(store, last):
    return repo.find(store, Staff, "last_name = ?", [last])[0]


# --- import → stored values ---------------------------------------------------------------


def test_a_year_only_category_and_szd_are_stored_as_their_year(fresh_db, tmp_path):
    plan = import_list(fresh_db, tmp_path)
    orlova, belov = person(fresh_db, "Орлова"), person(fresh_db, "Белов")
    (cat,) = repo.find(fresh_db, QualificationCategory, "staff_id = ?", [orlova.id])
    assert (cat.decision_date, cat.decision_precision, cat.valid_until) == (
        D(2021, 1, 1), "year", None)                  # no term counted from a made-up day
    (szd,) = repo.find(fresh_db, ConformityAttestation, "staff_id = ?", [belov.id])
    assert (szd.date, szd.date_precision, szd.result) == (D(2021, 1, 1), "year", "соответствует")
    rows = {r.name.split()[0]: r for r in plan.rows}
    assert "категория первая (учитель) от 2021 г." in rows["Орлова"].changes
    assert "СЗД: соответствует (2021 г.)" in rows["Белов"].changes
    assert any("записан «2021 г.»" in n for n in rows["Орлова"].notes)
    # on 23.11.2026 the term (from 2021: ends in 2026) may have ended or not: «уточнить»
    att = person_attestation(fresh_db, orlova.id, DAY)
    (row,) = att.categories
    assert (row.clarify, row.level, row.current) == (True, None, False)
    (listed,) = schedule(fresh_db, DAY).expiring
    assert (listed.name.split()[0], listed.clarify, listed.valid_until, listed.year_only) == (
        "Орлова", True, D(2026, 1, 1), True)
    # the СЗД owed once that category ends: when is the unknown day — «уточнить», no 01.01.2026
    owed = att.conformity_state
    assert (owed.state, owed.due, owed.last, owed.year_only) == (
        "clarify", D(2026, 1, 1), None, True)
    from metodkab.storage.alerts import collect_alerts, conformity_items
    texts = [i.text for i in conformity_items(fresh_db, DAY)]
    assert texts == ["Белов Антон Сергеевич: СЗД известна только годом (следующая — 2026 г.): "
                     "уточните дату"]
    assert "01.01.20" not in repr(collect_alerts(fresh_db, DAY))
    # the next СЗД is due in 2026 — before 23.11 or after: «уточнить», neither «пора» nor «скоро»
    state = person_attestation(fresh_db, belov.id, DAY).conformity_state
    assert (state.state, state.due, state.year_only) == ("clarify", D(2026, 1, 1), True)


def test_saving_a_full_date_makes_it_a_day(fresh_db, tmp_path):
    import_list(fresh_db, tmp_path)
    orlova = person(fresh_db, "Орлова")
    (cat,) = repo.find(fresh_db, QualificationCategory, "staff_id = ?", [orlova.id])
    record, errors = validate_model(QualificationCategory, {
        **cat.model_dump(), "decision_date": "15.03.2021", "decision_precision": "day",
        "valid_until": "15.03.2026"})
    assert errors == {}
    repo.update(fresh_db, record)
    att = person_attestation(fresh_db, orlova.id, DAY)
    assert (att.categories[0].clarify, att.held) == (False, [])       # ended on 15.03.2026
    assert schedule(fresh_db, DAY).expiring == []


def test_a_year_is_stored_as_its_first_of_january():
    _, errors = validate_model(QualificationCategory, {
        "staff_id": "s", "position": T, "category": "первая", "decision_date": D(2019, 3, 1),
        "decision_precision": "year"})
    assert "decision_date" in errors
    _, errors = validate_model(ConformityAttestation, {
        "staff_id": "s", "date": None, "result": "соответствует", "date_precision": "year"})
    assert "date" in errors


# --- a course known by its year may start in that year ------------------------------------


@pytest.mark.parametrize("start, ok", [(D(2023, 3, 10), True), (D(2023, 12, 31), True),
                                       (D(2022, 9, 1), True), (D(2024, 1, 10), False)])
def test_year_only_course_started_in_its_year(start, ok):
    _, errors = validate_model(Training, {
        "staff_id": "s", "title": "Курс", "hours": 36, "start_date": start,
        "end_date": D(2023, 1, 1), "end_precision": "year"})
    assert ("end_date" not in errors) is ok
    _, errors = validate_model(Training, {             # a stated day still may not precede
        "staff_id": "s", "title": "Курс", "hours": 36, "start_date": D(2023, 3, 10),
        "end_date": D(2023, 3, 1)})
    assert "end_date" in errors


# --- the rules against a simple reading: every day of the year tried ------------------------


def days_of(year: int) -> list[dt.date]:
    first = D(year, 1, 1)
    return [first + dt.timedelta(days=i) for i in range((D(year + 1, 1, 1) - first).days)]


def one_of(outcomes: set[str]) -> str:
    """The list's answer: the outcome when every possible day gives it, else «уточнить»."""
    return outcomes.pop() if len(outcomes) == 1 else "clarify"


@settings(max_examples=60, deadline=None)
@given(year=st.integers(2012, 2025), offset=st.integers(-400, 2600),
       warn=st.integers(1, 14))
def test_expiring_lists_only_what_every_possible_day_agrees_on(year, offset, warn):
    day = D(year + 3, 1, 1) + dt.timedelta(days=offset)
    cat = ra.CategoryFacts("c", T, "первая", D(year, 1, 1), None, "year")

    def outcome(decided: dt.date) -> str:
        end = ra.default_valid_until(decided)           # the term of a day-exact decision
        if end is None or end > add_months(day, warn):
            return "later"
        return "ended" if end < day else "ending"

    expected = one_of({outcome(d) for d in days_of(year)})
    listed = ra.expiring([cat], day, warn, min(warn, 3))
    got = ("clarify" if listed and listed[0].clarify else "ending" if listed
           else "not listed")
    assert got == {"later": "not listed", "ended": "not listed"}.get(expected, expected)


@settings(max_examples=60, deadline=None)
@given(year=st.integers(2024, 2030), offset=st.integers(0, 1500))
def test_higher_category_candidates_against_every_possible_day(year, offset):
    day = D(year, 1, 1) + dt.timedelta(days=offset)
    cat = ra.CategoryFacts("c", T, "первая", D(year, 1, 1), None, "year")
    expected = one_of({add_years(d, 2) <= day for d in days_of(year)})
    found = ra.eligibility([cat], day)
    got = "clarify" if found and found[0].clarify else bool(found)
    assert got == expected


def test_a_candidate_known_by_the_year_is_not_counted_either_way(fresh_db):
    staff_id = repo.create(fresh_db, Staff(last_name="Годова", first_name="Анна", positions=[T],
                                           birth_date=D(1980, 1, 1), hire_date=D(2005, 9, 1)))
    repo.create(fresh_db, QualificationCategory(staff_id=staff_id, position=T, category="первая",
                                                decision_date=D(2024, 1, 1),
                                                decision_precision="year"))
    plan = schedule(fresh_db, DAY)                  # 2 years from 2024: sometime in 2026
    assert [(r.since_precision, r.clarify) for r in plan.eligible] == [("year", True)]
    assert (plan.candidates, plan.unclear) == (0, 1)
    assert (schedule(fresh_db, D(2027, 1, 1)).candidates,
            schedule(fresh_db, D(2027, 1, 1)).unclear) == (1, 0)


@settings(max_examples=60, deadline=None)
@given(year=st.integers(2012, 2026), offset=st.integers(0, 3000), warn=st.integers(1, 14))
def test_next_szd_against_every_possible_day(year, offset, warn):
    day = D(year, 1, 1) + dt.timedelta(days=offset)
    facts = [ra.ConformityFacts(D(year, 1, 1), "соответствует", precision="year")]

    def state(done: dt.date) -> str:
        due = add_years(done, 5)
        return "due" if due <= day else "soon" if due <= add_months(day, warn) else "ok"

    expected = one_of({state(d) for d in days_of(year)})
    got = ra.conformity_state(facts, D(2000, 9, 1), day, 5, warn)
    assert got.state == expected
    assert got.due == D(year + 5, 1, 1)               # as counted: from 1 January


def test_figures_read_a_year_from_its_first_of_january():
    cat = ra.CategoryFacts("c", T, "высшая", D(2019, 1, 1), None, "year")
    assert ra.term_end(cat.decision_date, None, "year") == D(2024, 1, 1)
    assert ra.valid_on(cat, D(2024, 1, 1)) and not ra.valid_on(cat, D(2024, 1, 2))
    assert ra.term_span(cat) == (D(2024, 1, 1), D(2024, 12, 31))
    late = ra.CategoryFacts("c", T, "высшая", D(2023, 1, 1), None, "year")
    assert ra.term_span(late) == (D(2028, 1, 1), None)    # before or after 01.09.2023
    assert ra.until_text(D(2019, 1, 1), None, "year") == "2024 г."
    assert ra.decision_text(D(2019, 1, 1), "year") == "2019 г."
    stated = ra.CategoryFacts("c", T, "высшая", D(2019, 1, 1), D(2024, 6, 30), "year")
    assert ra.until_text(D(2019, 1, 1), D(2024, 6, 30), "year") == "30.06.2024"
    assert not ra.term_unsure(stated, D(2024, 3, 1))      # a stated end decides alone


# --- migration -----------------------------------------------------------------------------


def test_version_9_adds_the_precisions_and_keeps_old_rows_as_days(tmp_path, clock):
    from metodkab.storage.db import open_store
    from tests.unit.test_migrations import build_v1

    path = tmp_path / "school.sqlite"
    build_v1(path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO qualification_category (id, change_seq, updated_at, staff_id, "
                 "position, category, decision_date, valid_until) VALUES ('cat-1', 98, "
                 "'2026-01-01', 'staff-1', 'учитель', 'первая', '2019-01-01', '2024-01-01')")
    conn.execute("INSERT INTO conformity_attestation (id, change_seq, updated_at, staff_id, "
                 "date, result) VALUES ('szd-1', 99, '2026-01-01', 'staff-1', '2021-01-01', "
                 "'соответствует')")
    conn.commit()
    conn.close()
    store = open_store(path, clock=clock)
    try:
        assert repo.get(store, QualificationCategory, "cat-1").decision_precision == "day"
        assert repo.get(store, ConformityAttestation, "szd-1").date_precision == "day"
        year = repo.create(store, QualificationCategory(
            staff_id="staff-1", position=T, category="высшая", decision_date=D(2020, 1, 1),
            decision_precision="year"))
        assert repo.get(store, QualificationCategory, year).decision_precision == "year"
        for sql in ("UPDATE qualification_category SET decision_precision = 'month'",
                    "UPDATE conformity_attestation SET date_precision = ''"):
            with pytest.raises(sqlite3.IntegrityError):
                store.db.conn.execute(sql)
    finally:
        store.close()


# --- packets -------------------------------------------------------------------------------


def test_packet_fields_are_checked_and_old_packets_read():
    models = row_models("full")
    category = {"staff_id": "s-1", "position": T, "category": "первая",
                "decision_date": "2019-01-01", "valid_until": None}
    assert models["qualification_category"].model_validate(category).decision_precision == "day"
    read = models["qualification_category"].model_validate(
        {**category, "decision_precision": "year"})
    assert read.decision_precision == "year"
    szd = {"staff_id": "s-1", "date": "2021-01-01", "result": "соответствует"}
    assert models["conformity_attestation"].model_validate(szd).date_precision == "day"
    for table, row, name in (("qualification_category", category, "decision_precision"),
                             ("conformity_attestation", szd, "date_precision")):
        for hostile in ("month", "YEAR", "", 1, None, ["year"]):
            with pytest.raises(ValidationError):
                models[table].model_validate({**row, name: hostile})
        with pytest.raises(ValidationError):      # a year that is not its 1 January
            models[table].model_validate({**row, name: "year", **(
                {"decision_date": "2019-05-01"} if table == "qualification_category"
                else {"date": "2021-05-01"})})


def test_packet_round_trip_school_and_office_list_the_same(tmp_path):
    from metodkab.reports import indicators as ri
    from metodkab.storage.db import open_store
    from metodkab.storage.indicators import load_data
    from metodkab.sync.consolidated import consolidate
    from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
    from metodkab.sync.sample import TODAY, sample_school
    from metodkab.sync.school import export_packet, import_municipality_key
    from tests.unit.test_sync_support import CLOCK, municipal_rows, school_rows

    office = init_municipality(tmp_path / "office.sqlite", name="Управление", clock=CLOCK)
    out = tmp_path / "out"
    out.mkdir()
    path = sample_school(tmp_path / "school.sqlite", code="0502", staff=4, seed=5)
    store = open_store(path, clock=CLOCK)
    try:
        ids = {}
        for last, decided, precision in (("Годова", D(TODAY.year - 5, 1, 1), "year"),
                                         ("Безденова", None, "day")):
            staff_id = repo.create(store, Staff(
                last_name=last, first_name="Анна", positions=[T],
                birth_date=D(1980, 1, 1), ped_start_date=D(2000, 9, 1),
                hire_date=D(2005, 9, 1)))
            ids[last] = repo.create(store, QualificationCategory(
                staff_id=staff_id, position=T, category="высшая", decision_date=decided,
                decision_precision=precision))
        import_municipality_key(store, office.public_path)
        export_packet(store, out, level="full")
        own = ri.compute_all(load_data(store, TODAY))
        at_school = {r.name.split()[0] for r in schedule(store, TODAY).expiring if r.clarify}
        sent = school_rows(store)
    finally:
        store.close()
    muni = open_municipal(office.db_path, clock=CLOCK)
    try:
        report = import_packets(muni, sorted(out.glob("*.mkp")), trusted=True)
        assert [o.outcome for o in report.outcomes] == ["applied"]
        held = municipal_rows(muni, "0502")
        figures = consolidate(muni, TODAY)
    finally:
        muni.close()
    assert held == sent
    assert held[("qualification_category", ids["Годова"])][2]["decision_precision"] == "year"
    assert {r.key: (r.count, r.base) for r in figures.results["0502"]} == {
        r.key: (r.count, r.base) for r in own}
    clarify = {p.name.split()[0]: p.detail for p in figures.expiring
               if "уточнить дату решения" in p.detail}
    assert set(clarify) == at_school == {"Годова", "Безденова"}
    assert clarify["Годова"] == f"уточнить дату решения: высшая, {TODAY.year - 5} г."
    assert clarify["Безденова"] == "уточнить дату решения: высшая, дата не указана"


def test_saving_a_year_only_category_suggests_no_made_up_term():
    year = ra.CategoryFacts(None, T, "первая", D(2019, 1, 1), None, "year")
    assert "term" not in {f.code for f in ra.check_category(year, [])}
    day = ra.CategoryFacts(None, T, "первая", D(2019, 3, 1), None, "day")
    assert "term" in {f.code for f in ra.check_category(day, [])}


def test_version_10_lets_a_year_only_course_start_within_its_year(tmp_path, clock):
    from metodkab.storage.db import open_store
    from tests.unit.test_migrations import build_v1

    path = tmp_path / "school.sqlite"
    build_v1(path)
    store = open_store(path, clock=clock)
    try:
        kept = repo.get(store, Training, "training-1")          # the old course is as it was
        assert (kept.end_date, kept.end_precision) == (D(2025, 3, 20), "day")
        year = repo.create(store, Training(staff_id="staff-1", title="Курс", hours=36,
                                           start_date=D(2023, 3, 10), end_date=D(2023, 1, 1),
                                           end_precision="year"))
        assert repo.get(store, Training, year).start_date == D(2023, 3, 10)
        for start, precision in (("2024-02-01", "year"), ("2023-03-10", "day")):
            with pytest.raises(sqlite3.IntegrityError):
                store.db.conn.execute("UPDATE training SET start_date = ?, end_precision = ? "
                                      "WHERE id = ?", (start, precision, year))
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


def test_a_later_list_with_the_day_adds_no_second_decision(fresh_db, tmp_path):
    import_list(fresh_db, tmp_path)
    ROWS_DAY = [[*ROWS[0][:8], "первая 15.03.2021", ""], [*ROWS[1][:8], "СЗД 20.04.2021", ""]]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(SITE_HEADER)
    writer.writerows(ROWS_DAY)
    path = tmp_path / "later.csv"
    path.write_bytes(out.getvalue().encode("cp1251"))
    sheet = read_table(path, score=m.header_score(m.STAFF))
    apply_plan(fresh_db, build_plan(fresh_db, sheet, m.guess_mapping(sheet.headers, m.STAFF),
                                    m.STAFF))
    assert repo.count(fresh_db, "qualification_category") == 1
    assert repo.count(fresh_db, "conformity_attestation") == 1


def test_portfolio_and_route_profile_show_years(fresh_db):
    from metodkab.storage.documents import _profile
    from metodkab.storage.portfolio import load_portfolio

    staff_id = repo.create(fresh_db, Staff(last_name="Годова", first_name="Анна", positions=[T],
                                           birth_date=D(1980, 1, 1), hire_date=D(2005, 9, 1)))
    repo.create(fresh_db, QualificationCategory(staff_id=staff_id, position=T, category="первая",
                                                decision_date=D(2022, 1, 1),
                                                decision_precision="year"))
    repo.create(fresh_db, ConformityAttestation(staff_id=staff_id, position=T,
                                                date=D(2017, 1, 1), date_precision="year",
                                                result="соответствует"))
    dossier = load_portfolio(fresh_db, staff_id, DAY)
    assert [c[2:4] for c in dossier.categories] == [("2022 г.", "2027 г.")]
    assert [c[0] for c in dossier.conformity] == ["2017 г."]
    profile = dict(_profile(fresh_db, repo.get(fresh_db, Staff, staff_id), DAY))
    assert "первая (учитель), до 2027 г." in profile.values()


def test_a_failed_szd_known_by_its_year_is_said_by_its_year(fresh_db):
    from metodkab.storage.alerts import conformity_items

    staff_id = repo.create(fresh_db, Staff(last_name="Годова", first_name="Анна", positions=[T],
                                           birth_date=D(1980, 1, 1), hire_date=D(2005, 9, 1)))
    repo.create(fresh_db, ConformityAttestation(staff_id=staff_id, position=T,
                                                date=D(2025, 1, 1), date_precision="year",
                                                result="не соответствует"))
    state = person_attestation(fresh_db, staff_id, DAY).conformity_state
    assert (state.state, state.year_only) == ("failed", True)
    (item,) = conformity_items(fresh_db, DAY)
    assert "от 2025 г." in item.text and "01.01.2025" not in item.text


def test_the_journal_says_how_much_of_a_date_is_known():
    from metodkab.storage.journal import field_label, show_value

    assert field_label("qualification_category", "decision_precision") == "Дата решения известна"
    assert show_value("decision_precision", "year", None, set()) == "только год"
    assert show_value("end_precision", "day", None, set()) == "с точностью до дня"


@pytest.mark.parametrize("category, until, stored, note", [
    ("первая 2019", "2024", (D(2019, 1, 1), "year", None), None),       # the rules' own term
    ("первая 10.03.2019", "2024", (D(2019, 3, 10), "day", D(2024, 3, 10)), "срок действия до"),
    ("первая 10.03.2019", "2025", (D(2019, 3, 10), "day", D(2025, 1, 1)),   # its year: schema 11
     "записано «до 2025 г.»"),
])
def test_a_term_given_by_its_year(fresh_db, tmp_path, category, until, stored, note):
    path = tmp_path / "list.csv"
    path.write_bytes(("ФИО;Должность;Категория;Действует до\r\n"
                      f"Орлова Мария Ивановна;учитель;{category};{until}\r\n").encode("cp1251"))
    sheet = read_table(path, score=m.header_score(m.STAFF))
    plan = build_plan(fresh_db, sheet, m.guess_mapping(sheet.headers, m.STAFF), m.STAFF)
    apply_plan(fresh_db, plan)
    (cat,) = repo.find(fresh_db, QualificationCategory)
    assert (cat.decision_date, cat.decision_precision, cat.valid_until) == stored
    notes = " ".join(plan.rows[0].notes)
    assert note is None or note in notes
