"""Group entry, shared by Повышение квалификации and Достижения (not a screen): one event
entered once for several people, a record per person tied by one group id.

- ``GroupEntry``: the group form's half — the people field counted in its label, Ctrl+G
  marks everyone employed, saving needs at least one person;
- ``GroupScope``: editing one record of a group asks whether the change is for this
  person only or for everyone of the group;
- ``ask_delete_grouped``: Del on a record asks for it alone or for its whole group.

Each register gives its own words and its storage calls (``GroupStore``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from textual.binding import Binding

from metodkab import strings as S
from metodkab.domain.models import Record
from metodkab.screens.base import CheckBeforeSave
from metodkab.screens.dialogs import ActionChoiceDialog, ConfirmDialog
from metodkab.storage.staff import staff_choices
from metodkab.widgets.fields import ChoiceField
from metodkab.widgets.form import FieldSpec


@dataclass(frozen=True)
class GroupStore:
    """A register's storage calls for its group entries."""

    size: Callable[[Any, str | None], int]
    changed: Callable[[Any, Any], bool]
    delete_one: Callable[[Any, str], Any]
    delete_group: Callable[[Any, str], int]


class GroupEntry:
    """A FormScreen mixin (before the FormScreen): the people of a group entry, in the
    field ``staff_ids``; the record is validated for the first of them."""

    PEOPLE_LABEL = ""
    GROUP_TITLE = ""
    EVERYONE_BINDING = Binding("ctrl+g", "everyone", S.TR_KEY_EVERYONE, key_display="Ctrl+G",
                               id="everyone")
    employed: Sequence[tuple[str, str]] = ()        # set when the form has loaded

    def people_spec(self) -> FieldSpec:
        return FieldSpec("staff_ids", self.PEOPLE_LABEL,
                         lambda: ChoiceField([], multiple=True, title=self.PEOPLE_LABEL),
                         kind="multi", required=True)

    def title_for(self, record: Record | None) -> str:
        return self.GROUP_TITLE

    def load_extra(self, store) -> dict[str, Any]:
        return {"staff": staff_choices(store)}

    def apply_extra(self: Any, extra: dict[str, Any]) -> None:
        self.employed = extra["staff"]
        self.form.widget("staff_ids").set_options(extra["staff"])

    def _loaded(self, result) -> None:
        super()._loaded(result)     # type: ignore[misc]
        self._count_people()

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        super().on_choice_field_changed(event)      # type: ignore[misc]
        if event.field.id == "field-staff_ids":
            self._count_people()

    def _count_people(self: Any) -> None:
        count = len(self.form.widget("staff_ids").value)
        label = S.TR_F_PEOPLE_COUNT.format(count=count) if count else self.PEOPLE_LABEL
        self.form.rows["staff_ids"].set_label(label)

    def action_everyone(self: Any) -> None:
        field = self.form.widget("staff_ids")
        everyone = [key for key, _ in self.employed]
        field.set_value([] if list(field.value) == everyone else everyone)

    def _data(self) -> dict[str, Any]:
        data = super()._data()      # type: ignore[misc]
        people = data.pop("staff_ids", None) or []
        data["staff_id"] = people[0] if people else "-"
        return data

    def validate_form(self: Any) -> tuple[Record | None, dict[str, str]]:
        record, errors = super().validate_form()       # type: ignore[misc]
        if not self.form.values()["staff_ids"]:
            return None, {"staff_ids": S.TR_GROUP_NEED_PEOPLE, **errors}
        return record, errors


class GroupScope(CheckBeforeSave):
    """A FormScreen mixin (before the FormScreen): saving a changed record of a group entry
    asks whether the change is for this person only (``scope`` "one") or for everyone
    (``scope`` "all"); ``SCOPE_TEXTS`` are the dialog's title, question, «one» and «all»
    (the question and «all» take ``count``)."""

    GROUP_STORE: GroupStore
    SCOPE_TEXTS: tuple[str, str, str, str]
    scope = "one"

    def facts_for(self, store, record: Record) -> tuple[int, bool]:
        group = self.GROUP_STORE
        return group.size(store, getattr(record, "group_id", None)), group.changed(store, record)

    def confirm_more(self, record: Record, facts: tuple[int, bool],
                     proceed: Callable[[], None]) -> None:
        size, changed = facts
        if size < 2 or not changed:
            self.scope = "one"
            proceed()
            return

        def chosen(scope: str | None) -> None:
            if scope:
                self.scope = scope
                proceed()

        title, question, one, everyone = self.SCOPE_TEXTS
        self.app.push_screen(ActionChoiceDialog(        # type: ignore[attr-defined]
            title, question.format(count=size),
            [("one", one), ("all", everyone.format(count=size))]), callback=chosen)


def ask_delete_grouped(screen: Any, row: Any, group: GroupStore, done: Callable[[], None], *,
                       confirm: str, question: str, deleted: str = "") -> None:
    """Del on a record ``row`` (with ``id``, ``group_id``, ``title``, ``name``): one record,
    or — for a group entry — the whole group. ``confirm`` takes ``title`` and ``name``,
    ``question`` ``name`` and ``count``; ``deleted`` (``count``), if given, is said after
    a group is deleted."""

    def delete_one() -> None:
        screen.app.push_screen(
            ConfirmDialog(confirm.format(title=row.title, name=row.name)),
            callback=lambda yes: yes and screen.run_db(group.delete_one, row.id,
                                                       done=lambda _: done()))

    def group_deleted(count: int) -> None:
        if deleted:
            screen.notify(deleted.format(count=count))
        done()

    def sized(size: int) -> None:
        if size < 2:
            delete_one()
            return

        def chosen(action: str | None) -> None:
            if action == "one":
                screen.run_db(group.delete_one, row.id, done=lambda _: done())
            elif action == "all":
                screen.run_db(group.delete_group, row.group_id, done=group_deleted)

        screen.app.push_screen(ActionChoiceDialog(
            row.title, question.format(name=row.name, count=size),
            [("one", S.TR_DELETE_ONE), ("all", S.TR_DELETE_ALL.format(count=size))]),
            callback=chosen)

    if not row.group_id:
        delete_one()
    else:
        screen.run_db(group.size, row.group_id, done=sized)
