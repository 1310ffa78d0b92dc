"""Программа развития: what the keys do to the programme — Ins, Del, Ctrl+D (done), Ctrl+R
(move a deadline), Ctrl+Y (copy a year), Ctrl+L (the programmes), Ctrl+W and Ctrl+E (a
mixin of ProgrammeScreen)."""

from __future__ import annotations

import datetime as dt


from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.reports import programme as rp
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.screens.export import start_export
from metodkab.screens.programme_dialogs import (ActivityDateDialog, CopyYearDialog, DatedAnswer,
                                                ProgrammeListScreen)
from metodkab.screens.programme_forms import (ActivityFormScreen, IndicatorFormScreen,
                                              ProgrammeFormScreen, TaskFormScreen,
                                              new_programme_values)
from metodkab.storage import programme as ps
from metodkab.widgets.text import say
from metodkab.widgets.fields import TextField



class ProgrammeActions:
    """Adding, deleting, marking done, postponing and the programme as a whole."""

    def _after_save(self, new_id: str | None, kind: str | None = None) -> None:
        if new_id and kind:
            self.keep["outline"] = (kind, new_id)
            self.keep["agenda-table"] = new_id
            self.keep["person-table"] = new_id
            self.keep["ind-table"] = new_id

    def action_add(self) -> None:
        data = self.data
        if data is None:
            return
        if data.programme is None:
            self._new_programme()
            return
        view = self.active_view
        if view == "indicators":
            self._new_indicator()
            return
        if view == "outline":
            node = self._node()
            if node is None or node[0] == "programme":
                self.action_add_task()
                return
        if not data.tasks:
            self.action_add_task()
            return
        initial = {"task_id": self._task_id()}
        if view == "people" and self.person_id:
            initial["responsible_ids"] = [self.person_id]
        self.app.push_screen(
            ActivityFormScreen(programme_id=data.programme.id, initial=initial),
            callback=lambda new_id: self._after_save(new_id, "activity"))

    def action_add_task(self) -> None:
        data = self.data
        if data is None or data.programme is None:
            return
        programme_id = data.programme.id

        def open_form(number: int) -> None:
            self.app.push_screen(
                TaskFormScreen(initial={"programme_id": programme_id, "number": str(number)}),
                callback=lambda new_id: self._after_save(new_id, "task"))

        self.run_db(ps.next_task_number, programme_id, done=open_form)

    def _new_programme(self) -> None:
        initial = new_programme_values(self.app.store.clock.today())

        def saved(new_id: str | None) -> None:
            if new_id:
                self.programme_id = new_id
                self.reload()

        self.app.push_screen(ProgrammeFormScreen(initial=initial), callback=saved)

    def _new_indicator(self) -> None:
        programme = self.data.programme

        def open_form(number: int) -> None:
            self.app.push_screen(
                IndicatorFormScreen(programme=programme,
                                    initial={"programme_id": programme.id, "number": number}),
                callback=lambda new_id: self._after_save(new_id, "indicator"))

        self.run_db(ps.next_indicator_number, programme.id, done=open_form)

    def _confirm(self, question: str, fn, *args) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                self.run_db(fn, *args, done=lambda _: self.reload())

        self.app.push_screen(ConfirmDialog(question), callback=answer)

    def action_remove(self) -> None:
        data = self.data
        if data is None or data.programme is None:
            return
        view = self.active_view
        if view == "indicators":
            key = self._row_key("ind-table")
            ind = next((i for i in data.indicators if i.id == key), None)
            if ind is not None:
                self._confirm(S.PROG_IND_DELETE_CONFIRM.format(name=ind.name),
                              ps.delete_indicator, ind.id)
            return
        if view == "outline":
            node = self._node()
            if node and node[0] == "task":
                task = next(t for t in data.tasks if t.id == node[1])
                count = sum(a.task_id == task.id for a in data.activities)
                question = (S.PROG_DELETE_TASK_WITH if count else S.PROG_DELETE_TASK).format(
                    number=task.number, title=task.title, count=count)
                self._confirm(question, ps.delete_task, task.id)
                return
            if node and node[0] == "programme":
                self._confirm(S.PROG_DELETE_PROGRAMME.format(
                    title=data.programme.title, year_from=data.programme.year_from,
                    year_to=data.programme.year_to,
                    current=S.PROG_DELETE_CURRENT if data.programme.is_current else ""),
                              ps.delete_programme, data.programme.id)
                self.programme_id = None
                return
        activity = self._activity()
        if activity is not None:
            self._confirm(S.PROG_DELETE_ACTIVITY.format(title=activity.title),
                          ps.delete_activity, activity.id)

    def action_done(self) -> None:
        activity = self._activity()
        if activity is None:
            self.notify(S.PROG_DONE_NEEDS_ACTIVITY, severity="warning")
            return
        if activity.status == rp.DONE:
            self._confirm(S.PROG_REOPEN_CONFIRM, ps.reopen, activity.id)
            return

        def complete(day: dt.date) -> None:
            self.run_db(ps.complete, activity.id, day, done=lambda _: (
                say(self, S.PROG_DONE_NOTICE.format(title=activity.title)),
                self.reload()))

        def answer(result: DatedAnswer | None) -> None:
            if result is None:
                return
            start = activity.start_date
            if start is not None and result.day < start:
                # Real plans have exceptions (held earlier than planned): ask, don't refuse.
                self.app.push_screen(ConfirmDialog(S.PROG_DONE_BEFORE_START.format(
                    done=format_date(result.day), start=format_date(start))),
                    callback=lambda yes: yes and complete(result.day))
                return
            complete(result.day)

        self.app.push_screen(ActivityDateDialog(
            S.PROG_DONE_TITLE.format(title=activity.title), S.PROG_DONE_DATE,
            min(self.data.day, self.app.store.clock.today()),
            default_year=self.app.store.clock.today().year,
            near=self.app.store.clock.today(), latest=self.app.store.clock.today()),
            callback=answer)

    def action_postpone(self) -> None:
        activity = self._activity()
        if activity is None or activity.status == rp.DONE:
            self.notify(S.PROG_POSTPONE_DONE if activity is not None
                        else S.PROG_POSTPONE_NEEDS_ACTIVITY, severity="warning")
            return

        def answer(result: DatedAnswer | None) -> None:
            if result is not None:
                self.run_db(ps.postpone, activity.id, result.day, result.reason,
                            done=lambda _: (say(self, S.PROG_POSTPONED_NOTICE.format(
                                date=format_date(result.day), title=activity.title)),
                                self.reload()))

        self.app.push_screen(ActivityDateDialog(
            S.PROG_POSTPONE_TITLE.format(title=activity.title), S.PROG_POSTPONE_NEW,
            activity.deadline, default_year=self.app.store.clock.today().year,
            near=max(activity.deadline, self.app.store.clock.today()),
            info=S.PROG_POSTPONE_WAS.format(date=format_date(activity.deadline)), reason=True),
            callback=answer)

    def action_copy_year(self) -> None:
        data = self.data
        if data is None or data.programme is None:
            return
        programme = data.programme

        def ask(years: list[int]) -> None:
            if not years:
                self.notify(S.PROG_COPY_NOTHING.format(year=data.day.year), severity="warning")
                return
            before_end = [y for y in years if y < programme.year_to] or years
            year = data.day.year if data.day.year in before_end else before_end[-1]

            def copied(count: int | None) -> None:
                if count:
                    self.notify(S.PROG_COPY_DONE.format(count=count, year=year + 1))
                self.reload()

            self.app.push_screen(CopyYearDialog(programme, years, year), callback=copied)

        self.run_db(ps.activity_years, programme.id, done=ask)

    def action_programmes(self) -> None:
        def chosen(programme_id: str | None) -> None:
            if programme_id:
                self.programme_id = programme_id
                self.keep = {}
                self.collapsed = set()
                self.reload()

        self.app.push_screen(ProgrammeListScreen(self.programme_id), callback=chosen)

    def action_print(self) -> None:
        data = self.data
        if data is None or data.programme is None:
            return
        from metodkab.screens.documents_export import write_programme   # python-docx: on use

        start_export(self, write_programme, data.programme.id, title=S.DOC_KEY_PRINT)

    def action_export(self) -> None:
        """Every view of the programme shown into one workbook, a sheet per view (the outline
        and the agenda narrowed to what the search finds, as «2 Сроки» shows it)."""
        data = self.data
        if data is None or data.programme is None:
            return
        from metodkab.screens.programme_export import export_programme

        people = self.query_one("#people-search", TextField).value
        start_export(self, export_programme, data.programme.id, people,
                     self.search_box.value, title=S.XLS_KEY_EXPORT)
