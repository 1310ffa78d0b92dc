"""Snapshots of the ИОМ editor and a card's «Диагностика и дефициты» and «ИОМ» tabs, on the
small school of tests/functional/test_card_flow.py (frozen date)."""

import pytest

from tests.functional.test_card_flow import dev_school_db
from tests.ui import build_app, settle

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
EGOROVA = ("down",) * 6


@pytest.fixture
def dev_app(tmp_path):
    def build():
        path, _ = dev_school_db(tmp_path / "dev.sqlite")
        return build_app(path)

    return build


async def card(pilot, tab: str) -> None:
    await settle(pilot)
    await pilot.press("f2")
    await settle(pilot)
    await pilot.press(*EGOROVA, "enter", tab)
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_route_editor(snap_compare, dev_app, size):
    async def ready(pilot):
        await card(pilot, "5")
        await pilot.press("enter", "down")               # the overdue step
        await settle(pilot)

    assert snap_compare(dev_app(), terminal_size=SIZES[size], run_before=ready)


def test_route_steps_from_deficits(snap_compare, dev_app):
    async def ready(pilot):
        await card(pilot, "5")
        await pilot.press("enter", "ctrl+n")
        await settle(pilot)

    assert snap_compare(dev_app(), terminal_size=(80, 24), run_before=ready)


@pytest.mark.parametrize("tab", ["1", "4", "5"])
def test_card_development_tabs(snap_compare, dev_app, tab):
    async def ready(pilot):
        await card(pilot, tab)

    assert snap_compare(dev_app(), terminal_size=(80, 24), run_before=ready)
