"""Snapshots of the training register, the overdue list and a card's «Курсы» tab.

They run on the small school of tests/functional/test_card_flow.py (frozen date) rather
than the demo school, so a change to the demo data does not move these pictures.
"""

import pytest

from tests.functional.test_card_flow import dev_school_db
from tests.ui import build_app, settle

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.fixture
def dev_app(tmp_path):
    def build():
        path, _ = dev_school_db(tmp_path / "dev.sqlite")
        return build_app(path)

    return build


@pytest.mark.parametrize("size", SIZES)
def test_training_register(snap_compare, dev_app, size):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)

    assert snap_compare(dev_app(), terminal_size=SIZES[size], run_before=ready)


def test_training_overdue(snap_compare, dev_app):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)

    assert snap_compare(dev_app(), terminal_size=(80, 24), run_before=ready)


def test_card_courses(snap_compare, dev_app):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "enter", "2")        # Андреева, «Курсы»
        await settle(pilot)

    assert snap_compare(dev_app(), terminal_size=(80, 24), run_before=ready)
