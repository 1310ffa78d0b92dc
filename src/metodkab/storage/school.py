"""The school (one per database) and the dashboard counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from metodkab.storage.db import Store

if TYPE_CHECKING:   # the dashboard reads the names and the counts without the models
    from metodkab.domain.models import School


@dataclass(frozen=True)
class SchoolNames:
    full_name: str
    short_name: str


def get_school(store: Store) -> School | None:
    from metodkab.domain.models import School
    from metodkab.storage import repo

    found = repo.find(store, School, order_by="rowid LIMIT 1")
    return found[0] if found else None


def school_names(store: Store) -> SchoolNames | None:
    """The school's full and short names (the dashboard's heading), or None before the
    school is entered: the school ``get_school`` returns, read without building it."""
    with store.mutex:
        row = store.conn.execute("SELECT full_name, short_name FROM school WHERE deleted = 0 "
                                 "ORDER BY rowid LIMIT 1").fetchone()
    return SchoolNames(*row) if row else None


def save_school(store: Store, school: School) -> str:
    """Create the school on first run, or update it."""
    from metodkab.storage import repo

    if school.id is None:
        existing = get_school(store)
        if existing is not None:
            school = school.model_copy(update={"id": existing.id, "version": existing.version})
    return repo.save(store, school)


def counts(store: Store, report_date: dt.date, data=None) -> dict[str, int]:
    """Real counts for the dashboard on the report date: staff employed on it (and of
    them P(D)), pairs and ИОМ active on it — by the rules of reports/ (``data``: the
    indicators' facts on that date, when the caller has them)."""
    from metodkab.reports import indicators as ri
    from metodkab.storage.indicators import load_data
    from metodkab.storage.rulesql import employed, in_p

    data = data if data is not None else load_data(store, report_date)
    d = report_date.isoformat()
    sql = {
        "staff": f"SELECT count(*) FROM staff s WHERE {employed('s')}",
        "staff_main": f"SELECT count(*) FROM staff s WHERE {in_p('s')}",
        "dismissed": "SELECT count(*) FROM staff WHERE deleted = 0 AND dismissal_date < :d",
        # courses finished by the date (a planned course is not counted yet)
        "trainings": "SELECT count(*) FROM training WHERE deleted = 0 AND end_date <= :d",
        "associations": "SELECT count(*) FROM association WHERE deleted = 0",
        "activities": "SELECT count(*) FROM programme_activity WHERE deleted = 0",
    }
    with store.mutex:
        found = {k: store.conn.execute(q, {"d": d}).fetchone()[0] for k, q in sql.items()}
    found["mentorships"] = len(ri.active_pairs(data))     # reports.mentorship.active_on
    found["routes"] = len(ri.active_routes(data))         # reports.training.route_active_on
    return found


def save_school_and_settings(store: Store, school: School, values: dict) -> str:
    """The settings screen saves the school and the settings as one change."""
    from metodkab.storage.settings import set_settings

    with store.atomic():
        school_id = save_school(store, school)
        set_settings(store, values)
    return school_id
