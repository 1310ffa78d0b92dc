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
    if school.id is None:
        return repo.create(store, school)
    repo.update(store, school)
    return school.id


def counts(store: Store, report_date: dt.date) -> dict[str, int]:
    """Real counts for the dashboard on the report date."""
    d = report_date.isoformat()
    sql = {
        "staff": "SELECT count(*) FROM staff WHERE deleted = 0 AND (hire_date IS NULL OR hire_date <= :d)"
                 " AND (dismissal_date IS NULL OR dismissal_date > :d)",
        "staff_main": "SELECT count(*) FROM staff WHERE deleted = 0 AND employment = 'основной'"
                      " AND (hire_date IS NULL OR hire_date <= :d)"
                      " AND (dismissal_date IS NULL OR dismissal_date > :d)",
        "dismissed": "SELECT count(*) FROM staff WHERE deleted = 0 AND dismissal_date <= :d",
        # courses finished by the date (a planned course is not counted yet)
        "trainings": "SELECT count(*) FROM training WHERE deleted = 0 AND end_date <= :d",
        # pairs running on the date (reports.mentorship.active_on), as the to-do list counts
        "mentorships": "SELECT count(*) FROM mentorship WHERE deleted = 0 AND start_date <= :d"
                       " AND (actual_end IS NULL OR actual_end > :d)",
        "routes": "SELECT count(*) FROM individual_route WHERE deleted = 0"
                  " AND status IN ('утверждён', 'выполняется') AND period_start <= :d",
        "associations": "SELECT count(*) FROM association WHERE deleted = 0",
        "activities": "SELECT count(*) FROM programme_activity WHERE deleted = 0",
    }
    with store.mutex:
        return {k: store.conn.execute(q, {"d": d}).fetchone()[0] for k, q in sql.items()}


def save_school_and_settings(store: Store, school: School, values: dict) -> str:
    """The settings screen saves the school and the settings as one change."""
    from metodkab.storage.settings import set_settings

    with store.atomic():
        school_id = save_school(store, school)
        set_settings(store, values)
    return school_id
