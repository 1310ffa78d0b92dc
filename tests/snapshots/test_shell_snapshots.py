"""Snapshots of the shell and the staff register at 80x24 and 120x40 (frozen date)."""

import pytest

from tests.snapshots.conftest import SIZES
from tests.ui import settle


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(snap_compare, demo_app, size):
    async def ready(pilot):
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=SIZES[size], run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_staff_list(snap_compare, demo_app, size):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=SIZES[size], run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_staff_form_with_error(snap_compare, demo_app, size):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("insert")
        await settle(pilot)
        await pilot.press(*"Ёлкина", "enter", *"Анна", "enter", "enter", *"31.02.1995")
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=SIZES[size], run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, demo_app, size):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=SIZES[size], run_before=ready)
