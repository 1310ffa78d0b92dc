"""Snapshots of the mentorship register, a pair's card and the coverage screen (frozen date).

They run on the small school of tests/functional/test_mentorship_flow.py rather than the
demo school, so a change to the demo data does not move these pictures.
"""

import pytest

from tests.functional.test_mentorship_flow import mentorship_db
from tests.ui import build_app, settle

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.fixture
def ment_app(tmp_path):
    def build():
        path, _ = mentorship_db(tmp_path / "ment.sqlite")
        return build_app(path)

    return build


@pytest.mark.parametrize("size", SIZES)
def test_mentorship_register(snap_compare, ment_app, size):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)

    assert snap_compare(ment_app(), terminal_size=SIZES[size], run_before=ready)


def test_mentorship_card(snap_compare, ment_app):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press("down", "enter")       # Ёлкина → Сидорова: programme and log
        await settle(pilot)

    assert snap_compare(ment_app(), terminal_size=(80, 24), run_before=ready)


def test_mentorship_card_with_warnings(snap_compare, ment_app):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press("enter")               # the overdue pair without an order
        await settle(pilot)

    assert snap_compare(ment_app(), terminal_size=(80, 24), run_before=ready)


def test_mentorship_coverage(snap_compare, ment_app):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)

    assert snap_compare(ment_app(), terminal_size=(80, 24), run_before=ready)


def test_mentorship_suggested_mentors(snap_compare, ment_app):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        await pilot.press("down", "insert")      # Новикова: two suggested mentors
        await settle(pilot)

    assert snap_compare(ment_app(), terminal_size=(80, 24), run_before=ready)
