"""Snapshot of Методические объединения (Ctrl+O) at 80x24: the register with a search typed
(two of three associations left, counted in the status line), frozen date."""

from tests.functional.test_associations_register import with_associations
from tests.ui import build_app, settle


def test_associations_register_searched(snap_compare, tmp_path):
    path, _ = with_associations(tmp_path / "dev.sqlite")

    async def ready(pilot):
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press(*"шмо")
        await settle(pilot)

    assert snap_compare(build_app(path), terminal_size=(80, 24), run_before=ready)
