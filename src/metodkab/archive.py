"""The year-end archive (``metodkab export --out DIR``): every register workbook and every
document of the school in one folder, one file per kind and an ИОМ for each route in force.

It calls the very writers behind Ctrl+E and Ctrl+W, with the registers unfiltered (every
record, every status), so the archive holds what the screens would export. No textual.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from metodkab.screens import documents_export as de
from metodkab.screens import indicators_export as ie
from metodkab.screens import programme_export as pe
from metodkab.screens import tables_export as te
from metodkab.storage import documents as sd
from metodkab.storage import programme as store_p
from metodkab.storage.db import Store
from metodkab.storage.errors import NotFound
from metodkab.storage.indicators import load_report
from metodkab.storage.mentorship import MentorshipQuery
from metodkab.storage.settings import report_date
from metodkab.storage.staff import StaffQuery
from metodkab.storage.training import TrainingQuery

Step = Callable[[Store, Path], Path]


def _achievements(store: Store, folder: Path) -> Path:
    from metodkab.screens.growth_export import export_achievements
    from metodkab.storage.achievements import AchievementQuery

    return export_achievements(store, AchievementQuery(), folder=folder)


def _steps(store: Store) -> list[Step]:
    day = report_date(store)
    steps: list[Step] = [
        lambda s, f: ie.export_staff(s, StaffQuery(status="all"), folder=f),
        lambda s, f: ie.export_indicators(s, load_report(s), folder=f),
        lambda s, f: te.export_trainings(s, TrainingQuery(), folder=f),
        lambda s, f: te.export_overdue(s, folder=f),
        lambda s, f: te.export_schedule(s, folder=f),
        lambda s, f: te.export_mentorships(s, MentorshipQuery(status="all"), folder=f),
        lambda s, f: te.export_coverage(s, folder=f),
        lambda s, f: te.export_mentor_load(s, folder=f),
        lambda s, f: te.export_associations(s, folder=f),
        lambda s, f: te.export_alerts(s, folder=f),
        _achievements,
    ]
    programme_id = store_p.current_programme_id(store)
    if programme_id is not None:
        steps += [lambda s, f: pe.export_programme(s, programme_id, folder=f),
                  lambda s, f: de.write_programme(s, programme_id, folder=f)]
    if sd.order_candidates(store, day):            # pairs still waiting for an order
        steps.append(lambda s, f: de.write_mentorship_order(s, folder=f))
    steps.append(lambda s, f: de.write_staff_report(s, folder=f))
    for route_id in sd.active_route_ids(store, day):
        steps.append(lambda s, f, route_id=route_id: de.write_route(s, route_id, folder=f))
    return steps


def export_all(store: Store, folder: Path,
               progress: Callable[[int, int, Path], None] | None = None) -> list[Path]:
    """Write every file into ``folder`` (created if needed); return their paths. Each file
    is written atomically by its writer; a kind with nothing to write (no programme) is
    left out."""
    folder.mkdir(parents=True, exist_ok=True)
    steps = _steps(store)
    written = []
    for done, step in enumerate(steps, start=1):
        try:
            path = step(store, folder)
        except NotFound:
            continue
        written.append(path)
        if progress is not None:
            progress(done, len(steps), path)
    return written
