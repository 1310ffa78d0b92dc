"""The generic repository: one transaction per call, versions, change_seq and the audit log."""

import datetime as dt
import json
import sqlite3

import pytest

from metodkab.domain.models import (
    Association,
    Deficit,
    Mentorship,
    School,
    Staff,
    Training,
)
from metodkab.storage import repo
from metodkab.storage.errors import Conflict, NotFound

LINK_TABLES = ("staff_position", "staff_subject", "association_member", "mentorship_mentee",
               "training_deficit")


def person(**changes) -> Staff:
    data = {"last_name": "Иванова", "first_name": "Мария", "middle_name": "Петровна",
            "birth_date": "05.03.1985", "positions": ["учитель", "методист"],
            "subjects": ["математика"]}
    return Staff.model_validate({**data, **changes})


def edited(record, **changes):
    """The record as a form would return it after editing (same id and version)."""
    return type(record).model_validate({**record.model_dump(), **changes})


def seq(store) -> int:
    return repo.current_seq(store.db)


def rows(store, table: str, where: str = "1", params=()) -> list[dict]:
    cur = store.db.conn.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY rowid", params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def audit_rows(store, table: str | None = None) -> list[dict]:
    found = rows(store, "audit_log", "table_name = ?" if table else "1", (table,) if table else ())
    for row in found:
        row["changes"] = json.loads(row["changes"])
    return found


def all_counts(store) -> dict[str, int]:
    tables = [r[0] for r in store.db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: store.db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


# --- create / get -------------------------------------------------------------------------


def test_create_and_get(fresh_db):
    staff_id = repo.create(fresh_db, person())
    got = repo.get(fresh_db, Staff, staff_id)
    assert got.id == staff_id
    assert got.version == 1
    assert got.model_dump(exclude={"id", "version"}) == person().model_dump(
        exclude={"id", "version"})


def test_create_stamps_the_row(fresh_db):
    staff_id = repo.create(fresh_db, person())
    row = rows(fresh_db, "staff", "id = ?", (staff_id,))[0]
    assert row["version"] == 1
    assert row["deleted"] == 0
    assert row["updated_at"] == "2026-11-23T12:00:00"
    assert row["name_norm"] == "иванова мария петровна"
    assert row["birth_date"] == "1985-03-05"


def test_create_with_given_id(fresh_db):
    assert repo.create(fresh_db, person(), record_id="fixed-id") == "fixed-id"
    assert repo.create(fresh_db, person(id="other-id")) == "other-id"
    assert repo.get(fresh_db, Staff, "other-id").last_name == "Иванова"


def test_create_writes_link_rows_in_order(fresh_db):
    staff_id = repo.create(fresh_db, person())
    positions = rows(fresh_db, "staff_position", "staff_id = ?", (staff_id,))
    assert [(r["position"], r["is_main"], r["sort_order"]) for r in positions] == [
        ("учитель", 1, 0), ("методист", 0, 1)]
    assert all(r["version"] == 1 and r["deleted"] == 0 for r in positions)


def test_get_missing_or_deleted_is_not_found(fresh_db):
    with pytest.raises(NotFound, match="Запись не найдена"):
        repo.get(fresh_db, Staff, "no-such-id")
    staff_id = repo.create(fresh_db, person())
    repo.soft_delete(fresh_db, Staff, staff_id)
    with pytest.raises(NotFound):
        repo.get(fresh_db, Staff, staff_id)


def test_create_is_audited_with_values(fresh_db):
    fresh_db.user = "Петрова А. С."
    staff_id = repo.create(fresh_db, person())
    [entry] = audit_rows(fresh_db, "staff")
    assert (entry["record_id"], entry["action"], entry["user_name"]) == (
        staff_id, "insert", "Петрова А. С.")
    assert entry["at"] == "2026-11-23T12:00:00"
    assert entry["changes"]["last_name"] == "Иванова"
    assert entry["changes"]["positions"] == ["учитель", "методист"]


# --- change_seq ---------------------------------------------------------------------------


def test_change_seq_increases_across_tables_and_links(fresh_db):
    school_id = repo.create(fresh_db, School(full_name="МБОУ СОШ № 1", short_name="СОШ № 1"))
    staff_id = repo.create(fresh_db, person())
    assoc_id = repo.create(fresh_db, Association(name="ШМО учителей математики"))
    school = rows(fresh_db, "school", "id = ?", (school_id,))[0]["change_seq"]
    staff = rows(fresh_db, "staff", "id = ?", (staff_id,))[0]["change_seq"]
    links = [r["change_seq"] for r in rows(fresh_db, "staff_position")]
    links += [r["change_seq"] for r in rows(fresh_db, "staff_subject")]
    assoc = rows(fresh_db, "association", "id = ?", (assoc_id,))[0]["change_seq"]
    every = [school, staff, *links, assoc]
    assert len(set(every)) == len(every)
    assert school < staff < min(links) and max(links) < assoc
    assert seq(fresh_db) == assoc == 6


def test_update_restamps_change_seq_of_record_and_new_links(fresh_db):
    staff_id = repo.create(fresh_db, person())
    before = seq(fresh_db)
    got = repo.get(fresh_db, Staff, staff_id)
    repo.update(fresh_db, edited(got, subjects=["математика", "информатика"]))
    staff = rows(fresh_db, "staff", "id = ?", (staff_id,))[0]
    new_link = rows(fresh_db, "staff_subject", "subject = 'информатика'")[0]
    assert staff["change_seq"] > before and new_link["change_seq"] > before
    assert staff["change_seq"] != new_link["change_seq"]
    old_link = rows(fresh_db, "staff_subject", "subject = 'математика'")[0]
    assert old_link["change_seq"] <= before       # untouched rows keep their stamp


# --- update ---------------------------------------------------------------------------------


def test_update_bumps_version_and_audits_diff(fresh_db):
    staff_id = repo.create(fresh_db, person())
    got = repo.get(fresh_db, Staff, staff_id)
    assert repo.update(fresh_db, edited(got, last_name="Петрова", notes="замужем")) == 2
    again = repo.get(fresh_db, Staff, staff_id)
    assert again.version == 2
    assert again.last_name == "Петрова"
    assert rows(fresh_db, "staff", "id = ?", (staff_id,))[0]["name_norm"] == (
        "петрова мария петровна")
    entry = audit_rows(fresh_db, "staff")[-1]
    assert entry["action"] == "update"
    assert entry["changes"] == {"last_name": ["Иванова", "Петрова"], "notes": ["", "замужем"],
                                "name_norm": ["иванова мария петровна",
                                              "петрова мария петровна"]}


def test_update_of_unchanged_record_changes_nothing(fresh_db):
    staff_id = repo.create(fresh_db, person())
    got = repo.get(fresh_db, Staff, staff_id)
    before = (seq(fresh_db), all_counts(fresh_db), rows(fresh_db, "staff"))
    assert repo.update(fresh_db, got) == 1
    assert (seq(fresh_db), all_counts(fresh_db), rows(fresh_db, "staff")) == before
    # Re-validated from the form (dates as text) is unchanged too.
    assert repo.update(fresh_db, edited(got, birth_date="05.03.1985")) == 1
    assert seq(fresh_db) == before[0]


def test_update_of_links_only_bumps_the_record(fresh_db):
    staff_id = repo.create(fresh_db, person())
    got = repo.get(fresh_db, Staff, staff_id)
    assert repo.update(fresh_db, edited(got, positions=["методист", "учитель"])) == 2
    positions = rows(fresh_db, "staff_position", "staff_id = ? AND deleted = 0", (staff_id,))
    by_name = {r["position"]: r for r in positions}
    assert (by_name["методист"]["is_main"], by_name["методист"]["sort_order"]) == (1, 0)
    assert (by_name["учитель"]["is_main"], by_name["учитель"]["sort_order"]) == (0, 1)
    assert repo.get(fresh_db, Staff, staff_id).positions == ["методист", "учитель"]
    entry = audit_rows(fresh_db, "staff")[-1]
    assert entry["changes"] == {"positions": [["учитель", "методист"], ["методист", "учитель"]]}


def test_another_order_of_a_set_of_ids_is_not_a_change(fresh_db):
    first = repo.create(fresh_db, Association(name="ШМО математиков"))
    second = repo.create(fresh_db, Association(name="Творческая группа"))
    staff_id = repo.create(fresh_db, person(association_ids=[second, first]))
    got = repo.get(fresh_db, Staff, staff_id)
    before = (seq(fresh_db), all_counts(fresh_db))
    assert repo.update(fresh_db, edited(got, association_ids=[first, second])) == 1
    assert (seq(fresh_db), all_counts(fresh_db)) == before
    assert sorted(repo.get(fresh_db, Staff, staff_id).association_ids) == sorted([first, second])
    # Adding one in the middle is a change, and only the new row is written.
    third = repo.create(fresh_db, Association(name="Методический совет"))
    got = repo.get(fresh_db, Staff, staff_id)
    assert repo.update(fresh_db, edited(got, association_ids=[first, third, second])) == 2
    assert rows(fresh_db, "association_member", "version > 1") == []
    assert sorted(repo.get(fresh_db, Staff, staff_id).association_ids) == sorted(
        [first, second, third])


def test_removed_link_is_soft_deleted_and_readded_as_new_row(fresh_db):
    staff_id = repo.create(fresh_db, person())
    got = repo.get(fresh_db, Staff, staff_id)
    repo.update(fresh_db, edited(got, subjects=[]))
    [row] = rows(fresh_db, "staff_subject")
    assert (row["deleted"], row["version"]) == (1, 2)
    got = repo.get(fresh_db, Staff, staff_id)
    assert got.subjects == []
    repo.update(fresh_db, edited(got, subjects=["математика"]))
    assert [r["deleted"] for r in rows(fresh_db, "staff_subject")] == [1, 0]
    assert repo.get(fresh_db, Staff, staff_id).subjects == ["математика"]


def test_stale_version_is_a_conflict(fresh_db):
    staff_id = repo.create(fresh_db, person())
    first = repo.get(fresh_db, Staff, staff_id)
    second = repo.get(fresh_db, Staff, staff_id)
    repo.update(fresh_db, edited(first, notes="первое окно"))
    before = (seq(fresh_db), all_counts(fresh_db))
    with pytest.raises(Conflict, match="изменена в другом окне"):
        repo.update(fresh_db, edited(second, notes="второе окно"))
    assert (seq(fresh_db), all_counts(fresh_db)) == before
    assert repo.get(fresh_db, Staff, staff_id).notes == "первое окно"


def test_update_of_deleted_record_is_refused(fresh_db):
    staff_id = repo.create(fresh_db, person())
    got = repo.get(fresh_db, Staff, staff_id)
    repo.soft_delete(fresh_db, Staff, staff_id)
    with pytest.raises(NotFound):
        repo.update(fresh_db, edited(got, notes="x"))


def test_update_needs_an_id(fresh_db):
    with pytest.raises(ValueError):
        repo.update(fresh_db, person())


# --- soft delete --------------------------------------------------------------------------


def test_soft_delete_marks_record_and_links(fresh_db):
    staff_id = repo.create(fresh_db, person())
    before = seq(fresh_db)
    repo.soft_delete(fresh_db, Staff, staff_id)
    [row] = rows(fresh_db, "staff")
    assert (row["deleted"], row["version"]) == (1, 2)
    assert row["change_seq"] > before
    links = rows(fresh_db, "staff_position") + rows(fresh_db, "staff_subject")
    assert all(r["deleted"] == 1 and r["change_seq"] > before for r in links)
    entry = audit_rows(fresh_db, "staff")[-1]
    assert (entry["record_id"], entry["action"]) == (staff_id, "delete")
    assert repo.count(fresh_db, "staff") == 0
    with pytest.raises(NotFound):
        repo.soft_delete(fresh_db, Staff, staff_id)


def test_soft_delete_where(fresh_db):
    ids = [repo.create(fresh_db, Association(name=name)) for name in ("А", "Б", "В")]
    assert repo.soft_delete_where(fresh_db, "association", "name <> ?", ("Б",)) == 2
    assert [a.id for a in repo.find(fresh_db, Association)] == [ids[1]]
    assert len([e for e in audit_rows(fresh_db, "association") if e["action"] == "delete"]) == 2


# --- find / count ---------------------------------------------------------------------------


def test_find_and_count(fresh_db):
    a = repo.create(fresh_db, person(last_name="Андреева"))
    b = repo.create(fresh_db, person(last_name="Борисова"))
    c = repo.create(fresh_db, person(last_name="Васильева"))
    repo.soft_delete(fresh_db, Staff, b)
    assert [s.id for s in repo.find(fresh_db, Staff)] == [a, c]
    found = repo.find(fresh_db, Staff, "last_name = ?", ("Васильева",))
    assert [s.id for s in found] == [c]
    assert found[0].positions == ["учитель", "методист"]
    assert [s.last_name for s in repo.find(fresh_db, Staff, order_by="last_name DESC")] == [
        "Васильева", "Андреева"]
    assert repo.count(fresh_db, "staff") == 2
    assert repo.count(fresh_db, "staff", "last_name LIKE ?", ("А%",)) == 1
    assert repo.count(fresh_db, "staff_position") == 4


# --- one transaction ------------------------------------------------------------------------


def test_failing_link_write_leaves_nothing_behind(fresh_db):
    repo.create(fresh_db, person(last_name="Сидорова"))
    before = (seq(fresh_db), all_counts(fresh_db))
    with pytest.raises(sqlite3.IntegrityError):
        repo.create(fresh_db, person(association_ids=["no-such-association"]))
    assert (seq(fresh_db), all_counts(fresh_db)) == before
    assert not fresh_db.db.conn.in_transaction


def test_failing_update_leaves_nothing_behind(fresh_db):
    staff_id = repo.create(fresh_db, person())
    got = repo.get(fresh_db, Staff, staff_id)
    before = (seq(fresh_db), all_counts(fresh_db), rows(fresh_db, "staff"),
              rows(fresh_db, "staff_subject"))
    with pytest.raises(sqlite3.IntegrityError):
        repo.update(fresh_db, edited(got, notes="x", subjects=["физика"],
                                     association_ids=["no-such-association"]))
    after = (seq(fresh_db), all_counts(fresh_db), rows(fresh_db, "staff"),
             rows(fresh_db, "staff_subject"))
    assert after == before


def test_failure_inside_an_outer_transaction_rolls_back_everything(fresh_db):
    before = (seq(fresh_db), all_counts(fresh_db))
    with pytest.raises(sqlite3.IntegrityError), fresh_db.atomic():
        repo.create(fresh_db, person())
        repo.create(fresh_db, person(association_ids=["no-such-association"]))
    assert (seq(fresh_db), all_counts(fresh_db)) == before


def test_save_creates_a_new_record_and_updates_one_read(fresh_db):
    new_id = repo.save(fresh_db, person())
    stored = repo.get(fresh_db, Staff, new_id)
    assert (stored.last_name, stored.version) == ("Иванова", 1)
    changed = stored.model_copy(update={"last_name": "Петрова"})
    assert repo.save(fresh_db, changed) == new_id
    again = repo.get(fresh_db, Staff, new_id)
    assert (again.last_name, again.version) == ("Петрова", 2)
    assert [r["action"] for r in rows(fresh_db, "audit_log")
            if r["record_id"] == new_id] == ["insert", "update"]
    assert len(rows(fresh_db, "staff")) == 1
    with pytest.raises(Conflict):                   # the version read is stale now
        repo.save(fresh_db, changed)


def test_a_write_a_failed_call_left_open_is_rolled_back(fresh_db):
    """``run_db`` calls ``roll_back_open`` after a failed call: a write outside ``atomic``
    (an implicit transaction) does not wait for the next commit."""
    repo.create(fresh_db, person())
    before = (seq(fresh_db), all_counts(fresh_db), rows(fresh_db, "staff"))
    fresh_db.conn.execute("UPDATE staff SET last_name = 'Полузаписанная'")
    assert fresh_db.conn.in_transaction
    fresh_db.roll_back_open()
    assert not fresh_db.conn.in_transaction
    fresh_db.roll_back_open()                          # nothing open: nothing happens
    assert (seq(fresh_db), all_counts(fresh_db), rows(fresh_db, "staff")) == before


def test_mentorship_links_mentees(fresh_db):
    mentor = repo.create(fresh_db, person(last_name="Наставникова"))
    mentee = repo.create(fresh_db, person(last_name="Молодая"))
    pair_id = repo.create(fresh_db, Mentorship(
        mentor_id=mentor, form="педагог – педагог", start_date="01.09.2025",
        planned_end="31.05.2026", mentee_ids=[mentee]))
    assert repo.get(fresh_db, Mentorship, pair_id).mentee_ids == [mentee]
    [link] = rows(fresh_db, "mentorship_mentee")
    assert (link["mentorship_id"], link["staff_id"]) == (pair_id, mentee)


# --- insert_many ----------------------------------------------------------------------------


def test_insert_many(fresh_db):
    assoc = repo.create(fresh_db, Association(name="ШМО"))
    before = seq(fresh_db)
    people = [person(last_name=name, association_ids=[assoc])
              for name in ("Андреева", "Борисова", "Васильева")]
    ids = repo.insert_many(fresh_db, people, audit_note="демо")
    assert len(set(ids)) == 3
    for staff_id, record in zip(ids, people):
        got = repo.get(fresh_db, Staff, staff_id)
        assert got.model_dump(exclude={"id", "version"}) == record.model_dump(
            exclude={"id", "version"})
        assert got.version == 1
    # 3 people + 6 positions + 3 subjects + 3 memberships, each with its own change_seq.
    stamps = [r["change_seq"] for t in ("staff", "staff_position", "staff_subject",
                                        "association_member") for r in rows(fresh_db, t)
              if r["change_seq"] > before]
    assert sorted(stamps) == list(range(before + 1, before + 16))
    assert seq(fresh_db) == before + 15
    notes = {e["table_name"]: e["changes"] for e in audit_rows(fresh_db) if e["record_id"] == "*"}
    assert notes["staff"] == {"note": "демо", "rows": 3}
    assert notes["staff_position"] == {"note": "демо", "rows": 6}
    assert rows(fresh_db, "staff", "id = ?", (ids[0],))[0]["name_norm"] == (
        "андреева мария петровна")


def test_insert_many_of_several_tables_and_empty(fresh_db):
    assert repo.insert_many(fresh_db, []) == []
    staff_id = repo.create(fresh_db, person())
    deficit = Deficit(staff_id=staff_id, area="цифровая", description="ЭОР", id="d1")
    training = Training(staff_id=staff_id, title="Цифровая школа", hours=36,
                        end_date=dt.date(2025, 3, 20), deficit_ids=["d1"], topics=["цифровая среда"])
    ids = repo.insert_many(fresh_db, [deficit, training])
    assert ids[0] == "d1"
    got = repo.get(fresh_db, Training, ids[1])
    assert got.deficit_ids == ["d1"] and got.topics == ["цифровая среда"]


def test_insert_many_is_one_transaction(fresh_db):
    before = (seq(fresh_db), all_counts(fresh_db))
    with pytest.raises(sqlite3.IntegrityError):
        repo.insert_many(fresh_db, [person(), person(association_ids=["no-such-association"])])
    assert (seq(fresh_db), all_counts(fresh_db)) == before
