"""One import as the screens run it: load a file into a preview, change the mapping,
import, save the error report. Every function takes the store first (for ``run_db``)
and turns the expected failures into a Russian message instead of raising."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from metodkab import strings as S
from metodkab.importing.mapping import (Mapping, guess_mapping, header_score, load_mapping,
                                        problems)
from metodkab.importing.plan import ImportResult, Plan, PlanError, apply_plan, build_plan
from metodkab.importing.reader import ImportFileError, Progress, Sheet, read_table
from metodkab.storage.db import Store
from metodkab.storage.files import os_message

AUTO = "*auto*"


@dataclass(frozen=True)
class Loaded:
    """A file read for import: its sheet, the mapping in use and the preview (or why not)."""

    path: Path
    kind: str
    sheet: Sheet | None = None
    mapping: Mapping | None = None
    plan: Plan | None = None
    message: str = ""
    template: str = ""
    day: dt.date | None = None        # the list's date as the user set it in the preview

    @property
    def ok(self) -> bool:
        return self.plan is not None


def load(store: Store, path: Path | str, kind: str, template: str = AUTO,
         progress: Progress | None = None) -> Loaded:
    """Read the file, take the saved mapping or guess one, build the preview.

    The file is read without holding the database (a large one takes a while); only the
    preview does. ``progress(what, done, total)`` is called now and then."""
    path = Path(path).expanduser()
    try:
        sheet = read_table(path, score=header_score(kind), progress=progress)
    except ImportFileError as exc:
        return Loaded(path=path, kind=kind, message=str(exc))
    except OSError as exc:
        return Loaded(path=path, kind=kind,
                      message=os_message(exc, path))
    name = ""
    if template and template != AUTO:
        try:
            saved = load_mapping(store, template, kind)
        except ValueError as exc:
            return Loaded(path=path, kind=kind, sheet=sheet, message=str(exc))
        mapping, name = saved.apply(sheet.headers), saved.name
    else:
        mapping = guess_mapping(sheet.headers, kind)
    return remap(store, Loaded(path=path, kind=kind, sheet=sheet, template=name), mapping,
                 progress=progress)


def remap(store: Store, loaded: Loaded, mapping: Mapping,
          progress: Progress | None = None) -> Loaded:
    """The preview again with another mapping (or after an import, or another list date)."""
    assert loaded.sheet is not None
    trouble = problems(mapping, loaded.kind)
    if trouble:
        return replace(loaded, mapping=mapping, plan=None,
                       message=S.IMP_MAP_PROBLEM.format(problem=" ".join(trouble)))
    try:
        plan = build_plan(store, loaded.sheet, mapping, loaded.kind, day=loaded.day,
                          progress=progress)
    except PlanError as exc:
        return replace(loaded, mapping=mapping, plan=None, message=str(exc))
    return replace(loaded, mapping=mapping, plan=plan, message="")


def run_import(store: Store, loaded: Loaded) -> tuple[ImportResult, Loaded]:
    """Write the good rows (one transaction); the preview rebuilt on what is now stored."""
    assert loaded.plan is not None and loaded.mapping is not None
    result = apply_plan(store, loaded.plan)
    return result, remap(store, loaded, loaded.mapping)


def save_report(store: Store, plan: Plan, folder: Path | str) -> tuple[Path | None, str]:
    """Write the error report into ``folder``: (its full path, '') or (None, why not)."""
    from metodkab.importing.report import write_report

    try:
        return write_report(plan, Path(folder), now=store.clock.now()), ""
    except OSError as exc:
        return None, os_message(exc, exc.filename or folder)
