"""Программа развития on the register pattern (widgets/register.py): one search box over the
activities — part of a title, of a responsible person's name or of a task's title — that
typing in the outline or the agenda reaches; the found activities are listed in «2 Сроки»
(every deadline, not only the next two months), the status line counts them and what is
overdue, and ends with what to do first on an empty programme. A mixin of ProgrammeScreen.
"""

from __future__ import annotations

from dataclasses import replace

from textual import events
from textual.widgets import DataTable, TabbedContent

from metodkab import strings as S
from metodkab.reports import programme as rp
from metodkab.storage import programme as ps
from metodkab.widgets.register import Register, search_keys


def load(store, query: ps.ActivityQuery) -> tuple[ps.ProgrammeView, set[str] | None]:
    """The programme shown and the ids of the activities its search finds (None: all)."""
    view = ps.load_view(store, query.programme_id, total_label=S.PROG_PROGRESS_TOTAL,
                        task_label=S.PROG_TASK_SHORT,
                        no_direction=S.PROG_PROGRESS_NO_DIRECTION, nobody=S.PROG_NOBODY)
    found = (None if view.programme is None else
             ps.find_activities(store, view.programme.id, query.search))
    return view, found


class ProgrammeRegister(Register):
    """The activity search of ProgrammeScreen (the list is the agenda table)."""

    REGISTER_GROUP = "programme"
    found: set[str] | None = None      # the activities the search finds; None: no search

    @property
    def programme_id(self) -> str | None:
        return self.query_state.programme_id

    @programme_id.setter
    def programme_id(self, value: str | None) -> None:
        self.query_state = replace(self.query_state, programme_id=value)

    @property
    def table(self) -> DataTable:
        return self.query_one("#agenda-table", DataTable)

    def load_register(self, store, query: ps.ActivityQuery):
        return load(store, query)

    def take_result(self, result) -> None:
        data, self.found = result
        self.data = data
        self.refresh_bindings()
        if data.programme is not None:
            self.query_state = replace(self.query_state, programme_id=data.programme.id)
            years = data.programme.years
            if self.indicator_year not in years:
                self.indicator_year = min(max(data.day.year, years[0]), years[-1])

    def fill_table(self, table: DataTable) -> None:
        self._fill()
        self.keep = {}

    def shown_activities(self) -> list[ps.ActivityRow]:
        """The activities the search finds (every one without a search), by deadline."""
        data = self.data
        if data is None or data.programme is None:
            return []
        acts = [a for a in data.activities if self.found is None or a.id in self.found]
        return sorted(acts, key=lambda a: (a.deadline, a.task_number, a.title.lower()))

    @property
    def register_total(self) -> int:
        return len(self.shown_activities())

    @property
    def register_empty(self) -> bool:
        return self.data is not None and self.data.programme is not None \
            and not self.shown_activities()

    def status_text(self) -> str:
        data = self.data
        if data is None or data.programme is None:
            return ""
        shown = self.shown_activities()
        if not data.activities:
            return S.PROG_EMPTY_NO_ACTIVITIES if data.tasks else S.PROG_EMPTY_NO_TASKS
        if self.found is None:
            return S.PROG_STATUS.format(total=len(shown), overdue=overdue_count(shown, data.day))
        text = S.PROG_STATUS_FOUND.format(shown=len(shown), total=len(data.activities),
                                          overdue=overdue_count(shown, data.day))
        return text if shown else text + ". " + S.PROG_NOT_FOUND

    def set_query(self, **changes) -> None:
        # What is found is listed in «2 Сроки»; the focus stays in the search box.
        if changes.get("search", "").strip() and self.data is not None \
                and self.data.programme is not None:
            self.query_one("#views", TabbedContent).active = "agenda"
        super().set_query(**changes)

    def _enter_from_search(self) -> None:
        if self.search_box.value.strip() and self.active_view == "agenda":
            super()._enter_from_search()
        else:
            self._focus_view()

    def register_keys(self, event: events.Key) -> None:
        # 1–5 stay the view keys in the lists; a title's digits go on once in the box.
        if self.data is None or self.data.programme is None or \
                (event.character or "").isdigit():
            return
        if event.key == "down" and self.focused is self.search_box:
            self._focus_view()
            event.stop()
            return
        if self.active_view == "agenda":
            search_keys(event, self.search_box, self.table)
        elif self.active_view == "outline" and event.key != "up":
            search_keys(event, self.search_box, self.query_one("#outline-tree"))


def overdue_count(activities: list[ps.ActivityRow], day) -> int:
    return sum(rp.is_overdue(a.fact, day) for a in activities)
