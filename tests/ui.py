"""Helpers for tests that drive the real app through the keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.worker import WorkerCancelled

from metodkab.app import MetodkabApp, make_app
from metodkab.clock import Clock
from metodkab.domain.models import School
from metodkab.storage.db import open_store
from metodkab.storage.school import save_school

TODAY = dt.date(2026, 11, 23)


def school_db(path: Path, *, clock: Clock | None = None) -> Path:
    """A database file with the school filled in (no first-run form)."""
    store = open_store(path, clock=clock or Clock(TODAY), exclusive=False)
    save_school(store, School(full_name='МБОУ "Тестовая СОШ"', short_name="Тестовая СОШ",
                              code="0412", municipality="Тестовский район"))
    store.close()
    return path


def build_app(path: Path, *, today: dt.date = TODAY) -> MetodkabApp:
    return make_app(path, clock=Clock(today), blink=False, user="Тест")


async def settle(pilot, times: int = 2) -> None:
    """Let workers finish and the screen catch up.

    A folder tree (DirectoryTree) keeps a loader worker alive while it is on screen;
    that one is not waited for.
    """
    for _ in range(times):
        await pilot.pause()
        for _attempt in range(5):
            pending = [w for w in pilot.app.workers if w.group != "_loader"]
            if not pending:
                # wait_for_complete([]) waits for *every* worker, the folder tree's
                # loader too, which never ends while the tree is shown: a hang.
                break
            try:
                await pilot.app.workers.wait_for_complete(pending)
                break
            except WorkerCancelled:
                # An exclusive worker was replaced by a newer one (a second keypress
                # while the first load ran): wait for the newer one instead.
                await pilot.pause()
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)
