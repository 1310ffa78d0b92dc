"""A category's «действует до» a list gives only by its year («до 2025») is stored as that
year — schema 11: qualification_category.until_precision 'year', valid_until its 1 January,
never the 31 December nobody stated — shown «2025 г.», read by the figures from 1 January
(the earliest) and listed «уточнить» where only the unknown day decides
(reports/attestation.py); packets carry it, old ones read 'day'."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from metodkab.domain.models import QualificationCategory, Staff
from metodkab.domain.parse import add_months
from metodkab.importing import mapping as m
from metodkab.importing.plan import apply_plan, build_plan
from metodkab.importing.reader import read_table
from metodkab.reports import attestation as ra
from metodkab.storage import repo
from metodkab.storage.attestation import person_attestation, schedule
from metodkab.sync.records import row_models
from tests.unit.test_year_only_attestation import days_of, one_of

D = dt.date
DAY = D(2026, 11, 23)
T = "учитель"


def import_row(store, tmp_path, category: str, until: str):
    path = tmp_path / "list.csv"
    path.write_bytes(("ФИО;Должность;Категория;Действует до\r\n"
                      f"Орлова Мария Ивановна;учитель;{category};{until}\r\n").encode("cp1251"))
    sheet = read_table(path, score=m.header_score(m.STAFF))
    plan = build_plan(store, sheet, m.guess_mapping(sheet.headers, m.STAFF), m.STAFF)
    apply_plan(store, plan)
    return plan


# --- import → stored value -------------------------------------------------------------------


@pytest.mark.parametrize("category, until, stored", [
    ("высшая 10.03.2022", "2026", (D(2022, 3, 10), "day", D(2026, 1, 1), "year")),
    ("первая 2019", "2025", (D(2019, 1, 1), "year", D(2025, 1, 1), "year")),
    ("первая 10.03.2019", "30.06.2025", (D(2019, 3, 10), "day", D(2025, 6, 30), "day")),
    ("первая 10.03.2019", "2024", (D(2019, 3, 10), "day", D(2024, 3, 10), "day")),  # the term
])
def test_an_end_given_by_its_year_is_stored_as_its_year(fresh_db, tmp_path, category, until,
                                                        stored):
    plan = import_row(fresh_db, tmp_path, category, until)
    (cat,) = repo.find(fresh_db, QualificationCategory)
    assert (cat.decision_date, cat.decision_precision, cat.valid_until,
            cat.until_precision) == stored
    notes = " ".join(plan.rows[0].notes)
    assert "31.12" not in notes and "последний день" not in notes
    if stored[3] == "year":      # the preview says what is stored
        assert f"записано «до {until} г.»" in notes


def test_the_card_and_the_schedule_show_the_year_and_ask_to_clarify(fresh_db, tmp_path):
    import_row(fresh_db, tmp_path, "высшая 10.03.2022", "2026")
    (orlova,) = repo.find(fresh_db, Staff)
    att = person_attestation(fresh_db, orlova.id, DAY)
    (row,) = att.categories
    assert row.clarify and row.until_precision == "year"
    assert ra.until_text(row.decision_date, row.valid_until, row.decision_precision,
                         row.until_precision) == "2026 г."
    (listed,) = schedule(fresh_db, DAY).expiring      # ended in 2026 or not yet: the day decides
    assert (listed.clarify, listed.year_only, listed.until_year) == (True, True, True)
    assert listed.apply_by is None
    assert not att.held                                # the figures: held through 01.01.2026
    from metodkab.screens.tables_export import schedule_sheets

    (excel_row,) = schedule_sheets(schedule(fresh_db, DAY), "СОШ")[0].rows   # as F5 shows it
    assert list(excel_row[2:5]) == ["высшая", "2026 г.", "уточнить срок действия"]


# --- the rules against a simple reading: every possible last day tried -----------------------


@settings(max_examples=60, deadline=None)
@given(year=st.integers(2020, 2032), offset=st.integers(-500, 900), warn=st.integers(1, 14))
def test_expiring_lists_only_what_every_possible_end_agrees_on(year, offset, warn):
    decided = D(2018, 6, 15)
    day = D(year, 1, 1) + dt.timedelta(days=offset)
    cat = ra.CategoryFacts("c", T, "первая", decided, D(year, 1, 1), "day", "year")

    def outcome(end: dt.date) -> str:
        if end > add_months(day, warn):
            return "later"
        return "ended" if end < day else "ending"

    expected = one_of({outcome(d) for d in days_of(year)})
    listed = ra.expiring([cat], day, warn, min(warn, 3))
    got = ("clarify" if listed and listed[0].clarify else "ending" if listed
           else "not listed")
    assert got == {"later": "not listed", "ended": "not listed"}.get(expected, expected)
    # the figures: held only while every possible end still holds it (from 1 January)
    assert ra.valid_on(cat, day) == all(decided <= day <= end for end in days_of(year))


@settings(max_examples=30, deadline=None)
@given(year=st.integers(2020, 2032), offset=st.integers(-400, 800))
def test_sql_reads_it_as_the_figures_do(year, offset):
    from metodkab.storage import rulesql

    day = D(year, 1, 1) + dt.timedelta(days=offset)
    cat = ra.CategoryFacts("c", T, "первая", D(2018, 6, 15), D(year, 1, 1), "day", "year")
    conn = sqlite3.connect(":memory:")
    rulesql.register(conn)
    (held,) = conn.execute(
        "SELECT category_valid_on(?, ?, ?, 'day')",
        ("2018-06-15", D(year, 1, 1).isoformat(), day.isoformat())).fetchone()
    assert bool(held) == ra.valid_on(cat, day)


def test_a_year_end_must_be_stored_as_its_first_of_january():
    with pytest.raises(ValidationError):
        QualificationCategory(staff_id="s", position=T, category="первая",
                              decision_date=D(2019, 3, 10), valid_until=D(2024, 12, 31),
                              until_precision="year")
    kept = QualificationCategory(staff_id="s", position=T, category="первая",
                                 decision_date=D(2019, 3, 10), valid_until=D(2024, 1, 1),
                                 until_precision="year")
    assert kept.until_precision == "year"


# --- migration -----------------------------------------------------------------------------


def test_version_11_adds_the_precision_and_keeps_old_rows_as_days(tmp_path, clock):
    from metodkab.storage.db import SCHEMA_VERSION, open_store, user_version
    from tests.unit.test_migrations import build_v1

    path = tmp_path / "school.sqlite"
    build_v1(path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO qualification_category (id, change_seq, updated_at, staff_id, "
                 "position, category, decision_date, valid_until) VALUES ('cat-1', 98, "
                 "'2026-01-01', 'staff-1', 'учитель', 'первая', '2019-03-10', '2024-12-31')")
    conn.commit()
    conn.close()
    store = open_store(path, clock=clock)
    try:
        assert user_version(store.db) == SCHEMA_VERSION == 11
        old = repo.get(store, QualificationCategory, "cat-1")
        assert (old.valid_until, old.until_precision) == (D(2024, 12, 31), "day")
        new = repo.create(store, QualificationCategory(
            staff_id="staff-1", position=T, category="высшая", decision_date=D(2020, 5, 1),
            valid_until=D(2025, 1, 1), until_precision="year"))
        assert repo.get(store, QualificationCategory, new).until_precision == "year"
        with pytest.raises(sqlite3.IntegrityError):
            store.db.conn.execute("UPDATE qualification_category SET until_precision = 'month'")
    finally:
        store.close()


# --- packets -------------------------------------------------------------------------------


def test_packet_field_is_checked_and_old_packets_read_day():
    model = row_models("full")["qualification_category"]
    row = {"staff_id": "s-1", "position": T, "category": "первая",
           "decision_date": "2019-03-10", "valid_until": "2025-01-01"}
    assert model.model_validate(row).until_precision == "day"          # an old packet
    assert model.model_validate({**row, "until_precision": "year"}).until_precision == "year"
    for hostile in ("month", "YEAR", "", 1, None, ["year"]):
        with pytest.raises(ValidationError):
            model.model_validate({**row, "until_precision": hostile})
    with pytest.raises(ValidationError):                # a year that is not its 1 January
        model.model_validate({**row, "valid_until": "2025-12-31", "until_precision": "year"})


def test_packet_round_trip_school_and_office_agree(tmp_path):
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
        for last, decided, until in (("Годова", D(TODAY.year - 4, 3, 10), TODAY.year),
                                     ("Позднова", D(TODAY.year - 3, 5, 10), TODAY.year + 1),
                                     ("Далёкова", D(TODAY.year - 3, 5, 10), TODAY.year + 4)):
            staff_id = repo.create(store, Staff(
                last_name=last, first_name="Анна", positions=[T],
                birth_date=D(1980, 1, 1), ped_start_date=D(2000, 9, 1),
                hire_date=D(2005, 9, 1)))
            ids[last] = repo.create(store, QualificationCategory(
                staff_id=staff_id, position=T, category="высшая", decision_date=decided,
                valid_until=D(until, 1, 1), until_precision="year"))
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
    assert held[("qualification_category", ids["Годова"])][2]["until_precision"] == "year"
    assert {r.key: (r.count, r.base) for r in figures.results["0502"]} == {
        r.key: (r.count, r.base) for r in own}
    clarify = {p.name.split()[0]: p.detail for p in figures.expiring
               if "уточнить срок действия" in p.detail}
    assert set(clarify) == at_school == {"Годова", "Позднова"}
    assert clarify["Годова"] == f"уточнить срок действия: высшая, до {TODAY.year} г."


def test_portfolio_and_route_profile_say_the_year(fresh_db):
    from metodkab.storage.documents import _profile
    from metodkab.storage.portfolio import load_portfolio

    staff_id = repo.create(fresh_db, Staff(last_name="Годова", first_name="Анна", positions=[T],
                                           birth_date=D(1980, 1, 1), hire_date=D(2005, 9, 1)))
    repo.create(fresh_db, QualificationCategory(staff_id=staff_id, position=T, category="первая",
                                                decision_date=D(2022, 3, 10),
                                                valid_until=D(2028, 1, 1), until_precision="year"))
    dossier = load_portfolio(fresh_db, staff_id, DAY)
    assert [c[2:4] for c in dossier.categories] == [("10.03.2022", "2028 г.")]
    profile = dict(_profile(fresh_db, repo.get(fresh_db, Staff, staff_id), DAY))
    assert "первая (учитель), до 2028 г." in profile.values()
