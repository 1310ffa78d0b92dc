"""Программа развития: how its five views are filled from the loaded programme — the
outline and the detail of the node under the cursor, the agenda, people, progress and the
indicators (a mixin of ProgrammeScreen, which keeps the event handlers)."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import DataTable, OptionList, Static, Tree
from textual.widgets.option_list import Option

from metodkab import strings as S
from metodkab.domain.parse import format_date, norm
from metodkab.reports import programme as rp
from metodkab.storage import programme as ps
from metodkab.widgets.fields import TextField
from metodkab.widgets.table import current_key
from metodkab.widgets.text import plain

STATUS_STYLES = {"выполнено": "green", "отменено": "dim", "перенесено": "yellow",
                 "в работе": "cyan", "запланировано": ""}
NUMBER_COLUMNS = (("total", S.PROG_COL_TOTAL), ("due", S.PROG_COL_DUE),
                  ("done", S.PROG_COL_DONE), ("overdue", S.PROG_COL_OVERDUE),
                  ("ahead", S.PROG_COL_AHEAD), ("percent", S.PROG_COL_PERCENT))


def activity_label(a: ps.ActivityRow, day: dt.date) -> Text:
    """One activity in the outline: status mark, deadline, title, people."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(S.PROG_STATUS_MARKS.get(a.status, "?") + " ", style=STATUS_STYLES.get(a.status, ""))
    overdue = rp.is_overdue(a.fact, day)
    text.append(format_date(a.deadline), style="bold red" if overdue else "")
    text.append(" ")
    text.append(a.title, style="dim strike" if a.status == rp.CANCELLED else "")
    if a.responsible:
        text.append(" · " + a.responsible_text, style="dim")
    return text


class ProgrammeViews:
    """The fill methods of ProgrammeScreen's views."""

    def _fill_outline(self) -> None:
        data = self.data
        tree = self.query_one("#outline-tree", Tree)
        keep = self.keep.get("outline") or (tree.cursor_node.data if tree.cursor_node else None)
        tree.clear()
        goal = data.programme.goal
        tree.root.set_label(Text(S.PROG_GOAL.format(goal=goal) if goal else S.PROG_GOAL_EMPTY,
                                 style="bold", no_wrap=True, overflow="ellipsis"))
        tree.root.data = ("programme", data.programme.id)
        tree.root.expand()
        target = tree.root
        found = self.found        # a search: only what it finds, in the tasks it is in
        for task in data.tasks:
            acts = [a for a in data.activities if a.task_id == task.id]
            shown = [a for a in acts if found is None or a.id in found]
            if found is not None and not shown:
                continue
            label = Text(S.PROG_TASK_LABEL.format(number=task.number, title=task.title),
                         style="bold", no_wrap=True, overflow="ellipsis")
            done = sum(rp.is_done(a.fact, data.day) for a in acts)
            counted = sum(a.status != rp.CANCELLED for a in acts)
            label.append("  (" + (S.PROG_TASK_COUNTS.format(done=done, total=counted) if acts
                                  else S.PROG_TASK_NO_ACTIVITIES) + ")", style="dim")
            node = tree.root.add(label, data=("task", task.id),
                                 expand=task.id not in self.collapsed)
            if keep == ("task", task.id):
                target = node
            for a in shown:
                leaf = node.add_leaf(activity_label(a, data.day), data=("activity", a.id))
                if keep == ("activity", a.id):
                    target = leaf
        if keep is None and tree.root.children:
            target = tree.root.children[0]
        tree.call_after_refresh(tree.move_cursor, target)
        self._show_detail(target.data)

    def _show_detail(self, node_data) -> None:
        data = self.data
        detail = self.query_one("#detail", Static)
        if data is None or data.programme is None or node_data is None:
            detail.update("")
            return
        kind, key = node_data
        lines: list[Text] = []

        def line(*parts: tuple[str, str]) -> None:
            text = Text(no_wrap=True, overflow="ellipsis")
            for i, (label, value) in enumerate(p for p in parts if p[1]):
                if i:
                    text.append(" · ")
                text.append(f"{label}: ", style="dim")
                text.append(value, style="")
            if text.plain:
                lines.append(text)

        if kind == "programme":
            p = data.programme
            lines.append(Text(S.PROG_GOAL.format(goal=p.goal) if p.goal else S.PROG_GOAL_EMPTY))
            if p.order_number or p.order_date:
                order = S.PROG_PRINT_LABELS["order"].format(number=p.order_number,
                                                            date=format_date(p.order_date))
                lines.append(Text(order))      # «Утверждена приказом № … от …», once
            total = data.progress.total
            lines.append(Text(S.PROG_DETAIL_TASK.format(total=total.total, due=total.due,
                                                        done=total.done, overdue=total.overdue)))
        elif kind == "task":
            task = next((t for t in data.tasks if t.id == key), None)
            row = next((r for r in data.progress.by_task if r.key == key), None)
            if task is not None:
                lines.append(Text(S.PROG_TASK_LABEL.format(number=task.number, title=task.title)))
            if row is not None:
                lines.append(Text(S.PROG_DETAIL_TASK.format(total=row.total, due=row.due,
                                                            done=row.done, overdue=row.overdue)))
        else:
            a = next((x for x in data.activities if x.id == key), None)
            if a is None:
                detail.update("")
                return
            line((S.PROG_DETAIL_DIRECTION, a.direction), (S.PROG_DETAIL_FORM, a.form))
            dates = format_date(a.deadline)
            if a.start_date and a.start_date != a.deadline:
                dates = f"{format_date(a.start_date)} – {dates}"
            moved = data.moved.get(a.id, [])
            if moved:
                was = ", ".join(format_date(m.old_deadline) +
                                (f" ({m.reason})" if m.reason else "") for m in moved)
                dates += " · " + S.PROG_DETAIL_MOVED.format(count=len(moved), dates=was)
            line((S.PROG_DETAIL_DATES, dates))
            line((S.PROG_DETAIL_RESPONSIBLE, a.responsible_text or S.PROG_NOBODY))
            line((S.PROG_DETAIL_RESULT, a.expected_result))
            status = a.status
            if a.done_date:
                status = S.PROG_DETAIL_DONE_ON.format(status=a.status, date=format_date(a.done_date))
            elif rp.is_overdue(a.fact, data.day):
                status += f" ({S.PROG_OVERDUE_MARK})"
            line((S.PROG_DETAIL_STATUS, status), (S.PROG_DETAIL_NOTE, a.note))
        detail.update(Text("\n").join(lines))

    def _flex(self, fixed: int, columns: int) -> int:
        return max(self.size.width - fixed - 2 * columns - 3, 16)

    def _fill_agenda(self) -> None:
        data = self.data
        table = self.query_one("#agenda-table", DataTable)
        keep = self.keep.get("agenda-table") or self._row_key("agenda-table")
        table.clear(columns=True)
        people_width = 22 if self.size.width >= 100 else 16
        table.add_column(S.PROG_COL_DEADLINE, key="deadline", width=10)
        table.add_column(S.PROG_COL_TASK, key="task", width=4)
        table.add_column(S.PROG_COL_ACTIVITY, key="title", width=self._flex(14 + people_width, 4))
        table.add_column(S.PROG_COL_RESPONSIBLE, key="people", width=people_width)
        if self.found is not None:      # a search: what it finds, every deadline
            for a in self.shown_activities():
                overdue = rp.is_overdue(a.fact, data.day)
                self._agenda_row(table, a, overdue)
            self._move_to(table, keep)
            return
        _, this_end, next_end = rp.agenda_bounds(data.day)
        titles = {
            "overdue": (S.PROG_AGENDA_OVERDUE, {}),
            "this_month": (S.PROG_AGENDA_THIS_MONTH, {"month": S.PROG_MONTHS[data.day.month - 1]}),
            "next_month": (S.PROG_AGENDA_NEXT_MONTH, {"month": S.PROG_MONTHS[next_end.month - 1]}),
        }
        first_item = None
        for bucket in rp.AGENDA_BUCKETS:
            items = [i for i in data.agenda if i.bucket == bucket]
            if not items and bucket == "overdue":
                continue
            template, params = titles[bucket]
            style = "bold red" if bucket == "overdue" else "bold"
            table.add_row("", "", Text(template.format(count=len(items), **params), style=style),
                          "", key=f"h:{bucket}")
            for item in items:
                self._agenda_row(table, item.activity, bucket == "overdue")
                first_item = first_item or item.activity.id
        self._move_to(table, keep or first_item)

    @staticmethod
    def _agenda_row(table: DataTable, a: ps.ActivityRow, overdue: bool) -> None:
        title = Text(no_wrap=True, overflow="ellipsis")
        if a.status != "запланировано":
            title.append(S.PROG_STATUS_MARKS.get(a.status, "") + " ",
                         style=STATUS_STYLES.get(a.status, ""))
        title.append(a.title)
        table.add_row(Text(format_date(a.deadline), style="red" if overdue else ""),
                      str(a.task_number), title,
                      Text(a.responsible_text, no_wrap=True, overflow="ellipsis"), key=a.id)

    def _fill_people(self) -> None:
        data = self.data
        needle = norm(self.query_one("#people-search", TextField).value)
        shown = [p for p in data.people if needle in norm(p.full_name).split(" ")[0]]
        options = self.query_one("#people-list", OptionList)
        options.clear_options()
        for p in shown:
            counts = S.PROG_PERSON_COUNTS.format(open=p.open, total=p.total)
            options.add_option(Option(Text.assemble(
                (f"{p.name:<{20 - len(counts)}}", ""), (counts, "dim"), no_wrap=True,
                overflow="ellipsis"), id=p.staff_id))
        if not data.people:
            options.add_option(Option(Text(S.PROG_PEOPLE_EMPTY, style="dim"), id="\0",
                                      disabled=True))
        ids = [p.staff_id for p in shown]
        if self.person_id not in ids:
            self.person_id = ids[0] if ids else None
        if self.person_id:
            options.highlighted = ids.index(self.person_id)
        self._fill_person()

    def _fill_person(self) -> None:
        data = self.data
        table = self.query_one("#person-table", DataTable)
        keep = self.keep.get("person-table") or self._row_key("person-table")
        table.clear(columns=True)
        table.add_column(S.PROG_COL_DEADLINE, key="deadline", width=10)
        table.add_column(S.PROG_COL_ACTIVITY, key="title", width=self._flex(24 + 10 + 13, 3))
        table.add_column(S.PROG_COL_STATUS, key="status", width=13)
        person = next((p for p in data.people if p.staff_id == self.person_id), None)
        title = self.query_one("#person-title", Static)
        if person is None:
            title.update("")
            return
        title.update(plain(S.PROG_PERSON_TITLE.format(name=person.full_name, total=person.total,
                                                      open=person.open)))
        for a in data.activities:
            if person.staff_id in a.responsible_ids:
                overdue = rp.is_overdue(a.fact, data.day)
                table.add_row(Text(format_date(a.deadline), style="red" if overdue else ""),
                              Text(f"{a.task_number}. {a.title}", no_wrap=True,
                                   overflow="ellipsis"),
                              Text(a.status, style=STATUS_STYLES.get(a.status, "")), key=a.id)
        self._move_to(table, keep)

    def _fill_progress(self) -> None:
        data = self.data
        table = self.query_one("#progress-table", DataTable)
        keep = self.keep.get("progress-table") or self._row_key("progress-table")
        table.clear(columns=True)
        widths = {"total": 5, "due": 5, "done": 5, "overdue": 6, "ahead": 7, "percent": 4}
        table.add_column(S.PROG_COL_NAME, key="name",
                         width=self._flex(sum(widths.values()), len(widths) + 1))
        for key, label in NUMBER_COLUMNS:
            table.add_column(label, key=key, width=widths[key])
        report = data.progress

        def add(row: rp.Progress, key: str, style: str = "") -> None:
            percent = "—" if row.percent is None else str(row.percent)
            table.add_row(Text(row.label, style=style, no_wrap=True, overflow="ellipsis"),
                          *(Text(str(v), style=style) for v in
                            (row.total, row.due, row.done, row.overdue, row.ahead)),
                          Text(percent, style=style), key=key)

        add(report.total, "total", "bold")
        for title, rows, prefix in ((S.PROG_PROGRESS_BY_TASK, report.by_task, "task"),
                                    (S.PROG_PROGRESS_BY_DIRECTION, report.by_direction, "dir"),
                                    (S.PROG_PROGRESS_BY_PERSON, report.by_person, "person")):
            if not rows:
                continue
            table.add_row(Text(title, style="bold"), "", "", "", "", "", "",
                          key=f"h:{prefix}")
            for row in rows:
                add(row, f"{prefix}:{row.key}")
        self.query_one("#progress-hint", Static).update(
            S.PROG_PROGRESS_HINT.format(date=format_date(data.day)))
        self._move_to(table, keep)

    def _fill_indicators(self) -> None:
        data = self.data
        year = self.indicator_year
        table = self.query_one("#ind-table", DataTable)
        keep = self.keep.get("ind-table") or self._row_key("ind-table")
        table.clear(columns=True)
        table.add_column("№", key="number", width=3)
        table.add_column(S.PROG_COL_IND_NAME, key="name", width=self._flex(3 + 5 + 7 + 6 + 6 + 7, 7))
        table.add_column(S.PROG_COL_UNIT, key="unit", width=5)
        table.add_column(S.PROG_COL_BASELINE, key="baseline", width=7)
        table.add_column(S.PROG_COL_TARGET, key="target", width=6)
        table.add_column(S.PROG_COL_ACTUAL, key="actual", width=6)
        table.add_column("", key="source", width=7)
        for ind in data.indicators:
            target, actual = ind.targets.get(year), ind.actuals.get(year)
            short = rp.falls_short(actual, target, ind.baseline, ind.computed_key)
            table.add_row(str(ind.number), Text(ind.name, no_wrap=True, overflow="ellipsis"),
                          ind.unit, Text(rp.format_number(ind.baseline), justify="right"),
                          Text(rp.format_number(target), justify="right"),
                          Text(rp.format_number(actual), justify="right",
                               style="red" if short else ""),
                          Text(S.PROG_SOURCE_COMPUTED if ind.computed else S.PROG_SOURCE_MANUAL,
                               style="dim"), key=ind.id)
        self.query_one("#ind-year", Static).update(
            S.PROG_IND_YEAR.format(year=year) if data.indicators else S.PROG_IND_EMPTY)
        self._move_to(table, keep)

    def _row_key(self, table_id: str) -> str | None:
        return current_key(self.query_one(f"#{table_id}", DataTable))

    @staticmethod
    def _move_to(table: DataTable, key: object) -> None:
        if isinstance(key, str):
            try:
                table.move_cursor(row=table.get_row_index(key), animate=False)
            except Exception:
                pass

    def _node(self) -> tuple[str, str] | None:
        node = self.query_one("#outline-tree", Tree).cursor_node
        return node.data if node is not None else None

    def _activity(self) -> ps.ActivityRow | None:
        """The activity under the cursor of the active view."""
        if self.data is None or self.data.programme is None:
            return None
        view = self.active_view
        key = None
        if view == "outline":
            node = self._node()
            key = node[1] if node and node[0] == "activity" else None
        elif view == "agenda":
            key = self._row_key("agenda-table")
        elif view == "people":
            key = self._row_key("person-table")
        return next((a for a in self.data.activities if a.id == key), None)

    def _task_id(self) -> str | None:
        """The task the cursor is in (for a new activity)."""
        data = self.data
        if data is None or not data.tasks:
            return None
        view = self.active_view
        if view == "outline":
            node = self._node()
            if node and node[0] == "task":
                return node[1]
        if view == "progress":
            key = self._row_key("progress-table") or ""
            if key.startswith("task:"):
                return key.removeprefix("task:")
        activity = self._activity()
        if activity is not None:
            return activity.task_id
        return data.tasks[0].id
