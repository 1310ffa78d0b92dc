"""The change journal shows a date a source gave only by its year as «2023 г.» (never
«01.01.2023», a day nobody gave), and the day typed later as a change of the date —
«Дата решения: 2023 г. → 15.03.2023» — never the precision's own values ('year'/'day')."""

import datetime as dt

import pytest

from metodkab.clock import Clock
from metodkab.domain.models import QualificationCategory, Staff, Training
from metodkab.storage import journal as sj
from metodkab.storage import repo
from metodkab.storage.db import open_memory
from metodkab.storage.journal import JournalQuery

D = dt.date
INTERNAL = ("year", "day", "известн", "точност", "только год")


def lines(entry) -> set[tuple[str, str, str]]:
    return {(c.field, c.old, c.new) for c in entry.changes}


def said(history) -> str:
    return " ".join(f"{c.field} {c.old} {c.new}" for e in history.entries for c in e.changes)


@pytest.fixture
def store():
    store = open_memory(clock=Clock(D(2026, 11, 20)), user="Морозова")
    yield store
    store.db.close()


def test_a_line_folds_the_precision_into_its_date():
    fold = sj._dated
    # a new record: the date with the precision of the same line
    assert fold("training", {"end_date": (None, "2023-01-01"), "end_precision": (None, "year")},
                {}, {}) == {"end_date": (None, "2023 г.")}
    assert fold("training", {"end_date": (None, "2023-05-20"), "end_precision": (None, "day")},
                {}, {}) == {"end_date": (None, "20.05.2023")}
    # the day typed later: both change in one line
    assert fold("qualification_category",
                {"decision_date": ("2021-01-01", "2021-03-15"),
                 "decision_precision": ("year", "day")}, {}, {}) == {
        "decision_date": ("2021 г.", "15.03.2021")}
    # the precision alone (the day typed was 1 January): the record's date then
    before = {"date": "2021-01-01", "date_precision": "year"}
    after = {"date": "2021-01-01", "date_precision": "day"}
    assert fold("conformity_attestation", {"date_precision": ("year", "day")},
                before, after) == {"date": ("2021 г.", "01.01.2021")}
    # another year from a list, the precision unchanged (not in the line)
    after = {"end_date": "2024-01-01", "end_precision": "year"}
    assert fold("training", {"end_date": ("2023-01-01", "2024-01-01")},
                {**after, "end_date": "2023-01-01"}, after) == {
        "end_date": ("2023 г.", "2024 г.")}
    # no date stated: its precision says nothing
    assert fold("qualification_category", {"until_precision": (None, "year")},
                {}, {"valid_until": None}) == {}
    # the record's values not known (the whole journal's list): said in words, by the date
    assert fold("qualification_category", {"decision_precision": ("year", "day")},
                None, None) == {"decision_date": ("только год", "с точностью до дня")}
    # other tables and fields are left as they are
    assert fold("achievement", {"date": (None, "2023-01-01")}, None, None) == {
        "date": (None, "2023-01-01")}


def test_history_and_whole_journal_of_a_year_only_category(store):
    person = repo.create(store, Staff(last_name="Орлова", first_name="Анна",
                                      positions=["учитель"]))
    cat_id = repo.create(store, QualificationCategory(
        staff_id=person, position="учитель", category="первая",
        decision_date=D(2021, 1, 1), decision_precision="year"))
    cat = repo.get(store, QualificationCategory, cat_id)
    repo.update(store, cat.model_copy(update={"decision_precision": "day"}))   # 01.01.2021
    cat = repo.get(store, QualificationCategory, cat_id)
    repo.update(store, cat.model_copy(update={"decision_date": D(2021, 3, 15)}))
    history = sj.load_history(store, cat_id)
    created, day_typed, moved = history.entries
    assert ("Дата решения", "", "2021 г.") in lines(created)
    assert lines(day_typed) == {("Дата решения", "2021 г.", "01.01.2021")}
    assert lines(moved) == {("Дата решения", "01.01.2021", "15.03.2021")}
    text = said(history)
    assert not any(word in text for word in INTERNAL), text

    course = repo.create(store, Training(staff_id=person, title="ФГ", hours=36,
                                         end_date=D(2023, 1, 1), end_precision="year"))
    old = repo.get(store, Training, course)
    repo.update(store, old.model_copy(update={"end_date": D(2023, 5, 20),
                                              "end_precision": "day"}))
    created, typed = sj.load_history(store, course).entries
    assert ("Окончание", "", "2023 г.") in lines(created)
    assert [(c.old, c.new) for c in typed.changes] == [("2023 г.", "20.05.2023")]
    assert "01.01.2023" not in said(sj.load_history(store, course))

    summaries = [r.summary for r in sj.list_journal(store, JournalQuery())]
    assert "Дата решения" in summaries            # the precision alone: the date changed
    assert not any(word in s for s in summaries for word in INTERNAL), summaries


def test_the_journal_in_excel_names_the_date_not_its_precision(store, tmp_path):
    import openpyxl

    from metodkab.screens.growth_export import export_journal

    person = repo.create(store, Staff(last_name="Орлова", first_name="Анна",
                                      positions=["учитель"]))
    cat_id = repo.create(store, QualificationCategory(
        staff_id=person, position="учитель", category="первая",
        decision_date=D(2021, 1, 1), decision_precision="year"))
    cat = repo.get(store, QualificationCategory, cat_id)
    repo.update(store, cat.model_copy(update={"decision_precision": "day"}))
    sheet = openpyxl.load_workbook(export_journal(store, JournalQuery(), folder=tmp_path)).active
    fields = [row[5] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert fields[0] == "Дата решения"                       # newest first: the day typed
    assert "Дата решения" in fields[1] and "Категория" in fields[1]
    assert not any(word in str(f) for f in fields for word in INTERNAL), fields
    assert not list(tmp_path.glob("*.tmp*"))
