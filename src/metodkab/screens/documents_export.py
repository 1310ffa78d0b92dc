"""The documents to print and sign (DOCX): the development programme, a person's ИОМ,
the order assigning mentors and the staff development report.

Plain functions run by the export flow (screens/export.py ``start_export``) in a worker:
``write_<doc>(store, *args, folder=..., progress=...)`` reads through storage, builds the
document in reports/documents.py and writes it atomically with reports/docx.py; it returns
the full path. ``progress(done, total)``, when given, is told how far it has got.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from metodkab import strings as S
from metodkab.reports import documents as rd
from metodkab.reports.docx import write_docx
from metodkab.reports.xlsx import free_name
from metodkab.storage import documents as sd

Progress = Callable[[int, int], None] | None
STEPS = 3                       # read, build, write


def _step(progress: Progress, done: int) -> None:
    if progress is not None:
        progress(done, STEPS)


def write_programme(store, programme_id: str, *, folder: Path, progress: Progress = None) -> Path:
    _step(progress, 0)
    doc, signers = sd.load_programme(store, programme_id)
    _step(progress, 1)
    document = rd.programme_docx(doc, signers)
    _step(progress, 2)
    period = f"{doc.year_from}–{doc.year_to}"
    path = write_docx(folder, S.DOC_PROG_FILE.format(period=period), document)
    _step(progress, 3)
    return path


def write_route(store, route_id: str, *, folder: Path, progress: Progress = None) -> Path:
    _step(progress, 0)
    doc = sd.load_route(store, route_id)
    _step(progress, 1)
    document = rd.route_docx(doc)
    _step(progress, 2)
    start, end = doc.period_start.year, doc.period_end.year
    period = str(start) if start == end else f"{start}–{end}"
    name = doc.person.short
    path = write_docx(folder, S.DOC_ROUTE_FILE.format(name=name, period=period), document)
    _step(progress, 3)
    return path


def write_mentorship_order(store, ids: list[str] | None = None, *, folder: Path,
                           progress: Progress = None) -> Path:
    """The order for the pairs ``ids`` (by default every pair without an order)."""
    _step(progress, 0)
    doc = sd.load_order(store, ids)
    _step(progress, 1)
    document = rd.order_docx(doc)
    _step(progress, 2)
    # A second order of the day (other pairs) is written beside the first, never over it.
    name = free_name(folder, S.DOC_ORDER_FILE.format(date=doc.day.isoformat()), ".docx")
    path = write_docx(folder, name, document)
    _step(progress, 3)
    return path


def write_staff_report(store, period: tuple | None = None, *, folder: Path,
                       progress: Progress = None) -> Path:
    """The staff development report over ``period`` (start, end; by default the rolling
    months of Настройки)."""
    _step(progress, 0)
    doc = sd.load_staff_report(store, period=period)
    _step(progress, 1)
    document = rd.staff_report_docx(doc)
    _step(progress, 2)
    # The period in the name: a calendar year and a school year that end on the same day
    # are two reports, not one file written over the other.
    path = write_docx(folder, S.DOC_REPORT_FILE.format(start=doc.period_start.isoformat(),
                                                       end=doc.period_end.isoformat()),
                      document)
    _step(progress, 3)
    return path
