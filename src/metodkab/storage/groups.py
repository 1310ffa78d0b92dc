"""Group entry, shared by trainings and achievements: one event entered once for several
people is a record per person tied by one ``group_id``; editing a record may carry the
fields the group shares to the others. Each register says which fields those are."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from metodkab.domain.models import Record
from metodkab.storage import repo
from metodkab.storage.db import Store

R = TypeVar("R", bound=Record)


def save_group(store: Store, template: R, staff_ids: list[str], *,
               personal: Iterable[str] = ()) -> str:
    """A record per person (each person once), tied by one group id, written in one
    transaction; ``personal`` fields of the template are not copied. Returns the group id."""
    people = list(dict.fromkeys(staff_ids))
    if not people:
        raise ValueError("save_group needs at least one person")
    group_id = repo.new_id()
    data = template.model_dump(exclude={"id", "version", "staff_id", "group_id", *personal})
    with store.atomic():
        for staff_id in people:
            repo.create(store, type(template)(**data, staff_id=staff_id, group_id=group_id))
    return group_id


def group_size(store: Store, model: type[Record], group_id: str | None) -> int:
    if not group_id:
        return 0
    return repo.count(store, model.TABLE, "group_id = ?", (group_id,))


def group_changed(store: Store, record: Record, fields: Iterable[str]) -> bool:
    """The edited record differs from the stored one in a field the group shares."""
    if record.id is None or not getattr(record, "group_id", None):
        return False
    old = repo.get(store, type(record), record.id)
    return any(getattr(old, f) != getattr(record, f) for f in fields)


def update_group(store: Store, record: R, fields: Iterable[str],
                 save: Callable[[Store, R], str]) -> str:
    """Save ``record`` (with ``save``) and copy its shared ``fields`` to the other records
    of its group, in one transaction."""
    with store.atomic():
        save(store, record)
        group_id = getattr(record, "group_id", None)
        if group_id:
            shared = {f: getattr(record, f) for f in fields}
            for other in repo.find(store, type(record), "group_id = ? AND id <> ?",
                                   (group_id, record.id)):
                repo.update(store, other.model_copy(update=shared))
    return record.id or ""
