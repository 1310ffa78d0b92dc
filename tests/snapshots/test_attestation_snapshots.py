"""Snapshots of the attestation schedule and a card's «Категории и аттестация» tab, on the
small school of tests/functional/test_card_flow.py (frozen date)."""

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


async def schedule(pilot, tab: str = "1") -> None:
    await settle(pilot)
    await pilot.press("f2")
    await settle(pilot)
    await pilot.press("f5", tab)
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_attestation_schedule(snap_compare, dev_app, size):
    assert snap_compare(dev_app(), terminal_size=SIZES[size], run_before=schedule)


@pytest.mark.parametrize("tab", ["2", "3"])
def test_attestation_schedule_tabs(snap_compare, dev_app, tab):
    async def ready(pilot):
        await schedule(pilot, tab)

    assert snap_compare(dev_app(), terminal_size=(80, 24), run_before=ready)


def test_card_attestation(snap_compare, dev_app):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "enter", "3")        # Андреева, «Аттестация»
        await settle(pilot)

    assert snap_compare(dev_app(), terminal_size=(80, 24), run_before=ready)


def test_attestation_schedule_searched(snap_compare, dev_app):
    """«Егор» typed in the list: every tab filtered, the tab in view empty and saying so."""
    async def ready(pilot):
        await schedule(pilot)
        await pilot.press(*"Егор")
        await settle(pilot)

    assert snap_compare(dev_app(), terminal_size=(80, 24), run_before=ready)
