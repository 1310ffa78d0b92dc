"""Snapshots of the change journal at 80x24 on a school of its own (frozen dates): Ctrl+J,
the whole journal (a staff list loaded, then edits by two users, one whose name looks like
markup), and Ctrl+Z on a person loaded from the list and then edited."""

import datetime as dt

from metodkab.clock import Clock
from metodkab.domain.models import Staff, Training
from metodkab.importing import mapping as m
from metodkab.importing.plan import apply_plan, build_plan
from metodkab.importing.reader import read_table
from metodkab.storage import repo
from metodkab.storage.db import open_store
from tests.data import make_import_samples as samples
from tests.ui import build_app, school_db, settle

D = dt.date


def journal_db(path):
    school_db(path, clock=Clock(D(2026, 11, 2)))
    store = open_store(path, clock=Clock(D(2026, 11, 2)), user="Морозова Е. Н.",
                       exclusive=False)
    sheet = read_table(samples.STAFF_XLSX, score=m.header_score(m.STAFF))
    apply_plan(store, build_plan(store, sheet, m.guess_mapping(sheet.headers, m.STAFF),
                                 m.STAFF), source="кадры на 01.09.2026.xlsx")
    [person] = repo.find(store, Staff, "last_name = ?", ["Иванова"])
    store.clock, store.user = Clock(D(2026, 11, 16)), "[bold]Соколов[/bold]"
    repo.update(store, person.model_copy(update={"first_name": "Анастасия",
                                                 "hire_date": D(2014, 9, 1)}))
    store.clock, store.user = Clock(D(2026, 11, 20)), "Морозова Е. Н."
    repo.create(store, Training(staff_id=person.id, title="Наставничество в школе",
                                hours=36, end_date=D(2026, 11, 13)))
    store.close()
    return path


def test_journal_whole(snap_compare, tmp_path):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("ctrl+j")
        await settle(pilot)

    app = build_app(journal_db(tmp_path / "j.sqlite"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_journal_history_of_an_imported_then_edited_person(snap_compare, tmp_path):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+z")         # Кадры, typing in the search: the row under the cursor
        await settle(pilot)

    app = build_app(journal_db(tmp_path / "j.sqlite"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
