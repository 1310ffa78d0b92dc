"""Snapshots of the spreadsheet import (issue 9) at 80x24 and 120x40: the preview of a
school's staff sheet (rows to add, a warning, errors with reasons) and the column mapping
opened from it with Ctrl+K."""

import shutil

import pytest

from metodkab.screens.import_file import ImportScreen
from tests.data import make_import_samples as samples
from tests.functional.test_import_flow import open_path
from tests.functional.test_import_flow import settle as settle_import
from tests.snapshots.conftest import SIZES
from tests.ui import build_app, school_db


@pytest.fixture
def import_app(tmp_path):
    """A school with no staff yet, and the committed sample sheet copied beside it (the
    preview names the file, not its folder)."""
    source = tmp_path / samples.STAFF_XLSX.name
    shutil.copyfile(samples.STAFF_XLSX, source)
    return build_app(school_db(tmp_path / "s.sqlite")), source


async def _preview(pilot, source):
    await settle_import(pilot)
    await pilot.app.push_screen(ImportScreen(source.parent))
    await settle_import(pilot)
    await open_path(pilot, source)


@pytest.mark.parametrize("size", SIZES)
def test_import_preview(snap_compare, import_app, size):
    app, source = import_app

    async def ready(pilot):
        await _preview(pilot, source)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_import_mapping(snap_compare, import_app, size):
    app, source = import_app

    async def ready(pilot):
        await _preview(pilot, source)
        await pilot.press("ctrl+k")
        await settle_import(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=ready)


@pytest.fixture
def site_app(tmp_path):
    """A school's website list in LibreOffice's format, copied beside an empty school."""
    source = tmp_path / samples.SITE_ODS.name
    shutil.copyfile(samples.SITE_ODS, source)
    return build_app(school_db(tmp_path / "s.sqlite")), source


def test_import_site_list_row_details(snap_compare, site_app):
    """The list's date and where it came from; Enter on Алиев: every fact and how it was
    read (sex from «оглы», pedagogical from the diploma, СЗД without a date, the year-only
    course)."""
    app, source = site_app

    async def ready(pilot):
        await _preview(pilot, source)
        await pilot.press("down", "down", "enter")
        await settle_import(pilot)

    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=ready)
