"""Snapshots of the indicators screen (F8) and a drill-down at 80x24 (frozen date, demo school)."""

from tests.ui import settle


def test_indicators_screen(snap_compare, demo_app):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=ready)


def test_indicator_drill_down(snap_compare, demo_app):
    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        await pilot.press("down", "enter")          # «Диагностика ФГ пройдена»
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=ready)
