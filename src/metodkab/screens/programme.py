"""Программа развития (F7): the programme as an outline, the agenda, who is responsible
for what, progress, and the target indicators — five views of one programme.

Ins adds what fits the cursor (a task on the goal, an activity on a task or an activity),
Enter/F4 opens, Del deletes after a question, Ctrl+D marks done, Ctrl+R moves a deadline,
Ctrl+Y copies a year's activities into the next year, Ctrl+L lists the programmes,
Ctrl+W writes the programme as a Word document to print, Ctrl+E exports every view to
Excel. Keys 1–5 switch the view.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (DataTable, Footer, Header, Input, OptionList, Static, TabbedContent,
                             TabPane, Tree)
from textual.widgets.option_list import Option

from metodkab import strings as S
from metodkab.domain.parse import format_date, norm
from metodkab.reports import programme as rp
from metodkab.screens.base import AppScreen
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.screens.export import start_export
from metodkab.screens.programme_dialogs import (ActivityDateDialog, CopyYearDialog, DatedAnswer,
                                                ProgrammeListScreen)
from metodkab.screens.programme_forms import (ActivityFormScreen, IndicatorFormScreen,
                                              ProgrammeFormScreen, TaskFormScreen,
                                              new_programme_values)
from metodkab.storage import programme as ps
from metodkab.widgets.fields import TextField
from metodkab.widgets.text import say

VIEWS = ("outline", "agenda", "people", "progress", "indicators")
STATUS_STYLES = {"выполнено": "green", "отменено": "dim", "перенесено": "yellow",
                 "в работе": "cyan", "запланировано": ""}
NUMBER_COLUMNS = (("total", S.PROG_COL_TOTAL), ("due", S.PROG_COL_DUE),
                  ("done", S.PROG_COL_DONE), ("overdue", S.PROG_COL_OVERDUE),
                  ("ahead", S.PROG_COL_AHEAD), ("percent", S.PROG_COL_PERCENT))


def load(store, programme_id: str | None) -> ps.ProgrammeView:
    return ps.load_view(store, programme_id, total_label=S.PROG_PROGRESS_TOTAL,
                        task_label=S.PROG_TASK_SHORT, no_direction=S.PROG_PROGRESS_NO_DIRECTION,
                        nobody=S.PROG_NOBODY)


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


class ProgrammeScreen(AppScreen):
    SCREEN_TITLE = S.SECTION_PROGRAMME
    DEFAULT_CSS = """
    ProgrammeScreen #prog-header { height: 1; padding: 0 1; background: $primary-background;
                                   text-style: bold; }
    ProgrammeScreen #empty { padding: 1 2; height: 1fr; }
    ProgrammeScreen TabbedContent { height: 1fr; }
    ProgrammeScreen TabPane { padding: 0; height: 1fr; }
    ProgrammeScreen #outline-tree { height: 1fr; overflow-x: hidden; }
    ProgrammeScreen #detail { height: 6; padding: 0 1; border-top: solid $primary-background;
                              color: $text-muted; }
    ProgrammeScreen #people-left { width: 24; height: 1fr; }
    ProgrammeScreen #people-search { margin: 0 1 0 0; }
    ProgrammeScreen #people-list { height: 1fr; border: none; }
    ProgrammeScreen #person-title { height: 1; padding: 0 1; color: $text-muted; }
    ProgrammeScreen .hint-line { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    ProgrammeScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("insert", "add", S.KEY_ADD, key_display="Ins", id="add"),
        Binding("f4", "open", S.KEY_OPEN, key_display="Enter/F4", id="open"),
        Binding("delete", "remove", S.KEY_DELETE, key_display="Del", id="remove"),
        Binding("ctrl+d", "done", S.PROG_KEY_DONE, key_display="Ctrl+D", id="done"),
        Binding("ctrl+r", "postpone", S.PROG_KEY_POSTPONE, key_display="Ctrl+R", id="postpone"),
        Binding("ctrl+n", "add_task", S.PROG_KEY_ADD_TASK, key_display="Ctrl+N", show=False),
        Binding("ctrl+y", "copy_year", S.PROG_KEY_COPY_YEAR, key_display="Ctrl+Y", show=False),
        Binding("ctrl+l", "programmes", S.PROG_KEY_PROGRAMMES, key_display="Ctrl+L",
                show=False),
        Binding("ctrl+w", "print", S.DOC_KEY_PRINT, key_display="Ctrl+W", show=False,
                priority=True),
        Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", show=False,
                priority=True),     # also from the people search box
        *(Binding(str(i), f"view('{v}')", S.PROG_KEY_VIEW[v], key_display=str(i), show=False)
          for i, v in enumerate(VIEWS, 1)),
        Binding("ctrl+pagedown", "next_view(1)", S.PROG_KEY_NEXT_VIEW, key_display="Ctrl+PgDn",
                show=False),
        Binding("ctrl+pageup", "next_view(-1)", S.PROG_KEY_PREV_VIEW, key_display="Ctrl+PgUp",
                show=False),
        Binding("ctrl+left", "year(-1)", S.PROG_KEY_PREV_YEAR, key_display="Ctrl+←",
                show=False),
        Binding("ctrl+right", "year(1)", S.PROG_KEY_NEXT_YEAR, key_display="Ctrl+→",
                show=False),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.programme_id: str | None = None      # shown programme; None: the current one
        self.data: ps.ProgrammeView | None = None
        self.collapsed: set[str] = set()
        self.keep: dict[str, object] = {}
        self.indicator_year: int | None = None
        self.person_id: str | None = None
        self._width = 0

    # --- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, id="prog-header")
        yield Static(S.PROG_NONE, id="empty")
        with TabbedContent(id="views", initial="outline"):
            with TabPane(S.PROG_TAB_OUTLINE, id="outline"):
                yield Tree("", id="outline-tree")
                yield Static("", id="detail")
            with TabPane(S.PROG_TAB_AGENDA, id="agenda"):
                yield DataTable(id="agenda-table", cursor_type="row")
            with TabPane(S.PROG_TAB_PEOPLE, id="people"):
                with Horizontal():
                    with Vertical(id="people-left"):
                        yield TextField(placeholder=S.PROG_PEOPLE_SEARCH, id="people-search")
                        yield OptionList(id="people-list")
                    with Vertical():
                        yield Static("", id="person-title")
                        yield DataTable(id="person-table", cursor_type="row")
            with TabPane(S.PROG_TAB_PROGRESS, id="progress"):
                yield DataTable(id="progress-table", cursor_type="row")
                yield Static("", id="progress-hint", classes="hint-line")
            with TabPane(S.PROG_TAB_INDICATORS, id="indicators"):
                yield Static("", id="ind-year", classes="hint-line")
                yield DataTable(id="ind-table", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        tree = self.query_one("#outline-tree", Tree)
        tree.auto_expand = False
        tree.guide_depth = 3
        self.query_one("#empty").display = False
        self.query_one("#views").display = False

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.size.width != self._width and self.data is not None:
            self._fill()

    # --- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        self._remember()
        self.run_db(load, self.programme_id, done=self._loaded, group="programme",
                    exclusive=True)

    def _remember(self) -> None:
        """Note where the cursors are, to put them back after a reload."""
        if self.data is None:
            return
        node = self.query_one("#outline-tree", Tree).cursor_node
        if node is not None and node.data is not None and "outline" not in self.keep:
            self.keep["outline"] = node.data
        for table_id in ("agenda-table", "person-table", "progress-table", "ind-table"):
            key = self._row_key(table_id)
            if key is not None and table_id not in self.keep:
                self.keep[table_id] = key

    NEEDS_PROGRAMME = {"open", "remove", "done", "postpone", "add_task", "copy_year", "print",
                       "export", "view", "next_view", "year"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Before a programme exists only Ins (create one), the list of programmes and Esc
        act: the footer no longer offers Открыть, Удалить, Выполнено on an empty screen."""
        data = getattr(self, "data", None)
        if action in self.NEEDS_PROGRAMME and (data is None or data.programme is None):
            return False
        return True

    def _loaded(self, data: ps.ProgrammeView) -> None:
        self.data = data
        self.refresh_bindings()
        if data.programme is not None:
            self.programme_id = data.programme.id
            years = data.programme.years
            if self.indicator_year not in years:
                self.indicator_year = min(max(data.day.year, years[0]), years[-1])
        self._fill()
        self.keep = {}

    def _fill(self) -> None:
        data = self.data
        assert data is not None
        self._width = self.size.width
        header = self.query_one("#prog-header", Static)
        has = data.programme is not None
        self.query_one("#empty").display = not has
        self.query_one("#views").display = has
        if not has:
            header.update(S.PROG_TITLE)
            return
        p = data.programme
        text = S.PROG_HEADER.format(title=p.title, period=p.period,
                                    date=format_date(data.day))
        header.update(text + ("" if p.is_current else S.PROG_HEADER_OTHER))
        self._fill_outline()
        self._fill_agenda()
        self._fill_people()
        self._fill_progress()
        self._fill_indicators()
        focused = self.focused
        if focused is None or not focused.display or focused.id is None:
            self._focus_view()          # first load: the view, not the tab strip

    # --- the outline ------------------------------------------------------------------------
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
        for task in data.tasks:
            acts = [a for a in data.activities if a.task_id == task.id]
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
            for a in acts:
                leaf = node.add_leaf(activity_label(a, data.day), data=("activity", a.id))
                if keep == ("activity", a.id):
                    target = leaf
        if keep is None and tree.root.children:
            target = tree.root.children[0]
        tree.call_after_refresh(tree.move_cursor, target)
        self._show_detail(target.data)

    @on(Tree.NodeHighlighted, "#outline-tree")
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        self._show_detail(event.node.data)

    @on(Tree.NodeSelected, "#outline-tree")
    def _selected(self, event: Tree.NodeSelected) -> None:
        self.action_open()

    @on(Tree.NodeCollapsed, "#outline-tree")
    def _collapsed(self, event: Tree.NodeCollapsed) -> None:
        if event.node.data and event.node.data[0] == "task":
            self.collapsed.add(event.node.data[1])

    @on(Tree.NodeExpanded, "#outline-tree")
    def _expanded(self, event: Tree.NodeExpanded) -> None:
        if event.node.data and event.node.data[0] == "task":
            self.collapsed.discard(event.node.data[1])

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
                lines.append(Text(S.PROG_DETAIL_ORDER.format(order=order)))
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

    # --- the agenda -------------------------------------------------------------------------
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
                a = item.activity
                title = Text(no_wrap=True, overflow="ellipsis")
                if a.status != "запланировано":
                    title.append(S.PROG_STATUS_MARKS.get(a.status, "") + " ",
                                 style=STATUS_STYLES.get(a.status, ""))
                title.append(a.title)
                table.add_row(Text(format_date(a.deadline),
                                   style="red" if bucket == "overdue" else ""),
                              str(a.task_number), title,
                              Text(a.responsible_text, no_wrap=True, overflow="ellipsis"),
                              key=a.id)
                first_item = first_item or a.id
        self._move_to(table, keep or first_item)

    # --- people -----------------------------------------------------------------------------
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

    @on(Input.Changed, "#people-search")
    def _people_search(self) -> None:
        if self.data is not None and self.data.programme is not None:
            self._fill_people()

    @on(Input.Submitted, "#people-search")
    def _people_search_done(self) -> None:
        self.query_one("#people-list").focus()

    @on(OptionList.OptionHighlighted, "#people-list")
    def _person_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != "\0" and event.option.id != self.person_id:
            self.person_id = event.option.id
            self._fill_person()

    @on(OptionList.OptionSelected, "#people-list")
    def _person_selected(self) -> None:
        self.query_one("#person-table").focus()

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
        title.update(S.PROG_PERSON_TITLE.format(name=person.full_name, total=person.total,
                                                open=person.open))
        for a in data.activities:
            if person.staff_id in a.responsible_ids:
                overdue = rp.is_overdue(a.fact, data.day)
                table.add_row(Text(format_date(a.deadline), style="red" if overdue else ""),
                              Text(f"{a.task_number}. {a.title}", no_wrap=True,
                                   overflow="ellipsis"),
                              Text(a.status, style=STATUS_STYLES.get(a.status, "")), key=a.id)
        self._move_to(table, keep)

    # --- progress ---------------------------------------------------------------------------
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

    # --- indicators -------------------------------------------------------------------------
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

    # --- cursors and focus ------------------------------------------------------------------
    def _row_key(self, table_id: str) -> str | None:
        table = self.query_one(f"#{table_id}", DataTable)
        if not table.row_count or table.cursor_row is None:
            return None
        try:
            return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        except Exception:
            return None

    @staticmethod
    def _move_to(table: DataTable, key: object) -> None:
        if isinstance(key, str):
            try:
                table.move_cursor(row=table.get_row_index(key), animate=False)
            except Exception:
                pass

    @property
    def active_view(self) -> str:
        return self.query_one("#views", TabbedContent).active or "outline"

    def _focus_view(self) -> None:
        target = {"outline": "#outline-tree", "agenda": "#agenda-table",
                  "people": "#people-list", "progress": "#progress-table",
                  "indicators": "#ind-table"}[self.active_view]
        if self.data is not None and self.data.programme is not None:
            self.query_one(target).focus()

    @on(TabbedContent.TabActivated, "#views")
    def _tab(self) -> None:
        self._focus_view()

    def action_view(self, view: str) -> None:
        if self.data is None or self.data.programme is None:
            return
        self.query_one("#views", TabbedContent).active = view
        self._focus_view()

    def action_next_view(self, step: int) -> None:
        index = VIEWS.index(self.active_view)
        self.action_view(VIEWS[(index + step) % len(VIEWS)])

    def action_year(self, step: int) -> None:
        data = self.data
        if data is None or data.programme is None or self.indicator_year is None:
            return
        years = data.programme.years
        year = self.indicator_year + step
        if year in years:
            self.indicator_year = year
            self._fill_indicators()
        if self.active_view != "indicators":
            self.action_view("indicators")

    # --- what is under the cursor ----------------------------------------------------------
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

    # --- adding and opening -------------------------------------------------------------------
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

    def action_open(self) -> None:
        data = self.data
        if data is None or data.programme is None:
            return
        view = self.active_view
        if view == "outline":
            node = self._node()
            if node is None:
                return
            kind, key = node
            if kind == "programme":
                self.app.push_screen(ProgrammeFormScreen(key))
            elif kind == "task":
                self.app.push_screen(TaskFormScreen(key))
            else:
                self.app.push_screen(ActivityFormScreen(key, programme_id=data.programme.id))
            return
        if view == "indicators":
            key = self._row_key("ind-table")
            if key and not key.startswith("h:"):
                self.app.push_screen(IndicatorFormScreen(key, programme=data.programme))
            return
        if view == "progress":
            self._jump_from_progress()
            return
        activity = self._activity()
        if activity is not None:
            self.app.push_screen(ActivityFormScreen(activity.id, programme_id=data.programme.id))

    def _jump_from_progress(self) -> None:
        key = self._row_key("progress-table") or ""
        if key.startswith("task:"):
            self.keep["outline"] = ("task", key.removeprefix("task:"))
            self.action_view("outline")
            self._fill_outline()
        elif key.startswith("person:") and key != "person:":
            self.person_id = key.removeprefix("person:")
            self.query_one("#people-search", TextField).value = ""
            self.action_view("people")
            self._fill_people()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    # --- deleting -----------------------------------------------------------------------------
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

    # --- done, postponed -----------------------------------------------------------------------
    def action_done(self) -> None:
        activity = self._activity()
        if activity is None:
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
            if activity is not None:
                self.app.bell()
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

    # --- the programme as a whole --------------------------------------------------------------
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
        """Every view of the programme shown into one workbook, a sheet per view."""
        data = self.data
        if data is None or data.programme is None:
            return
        from metodkab.screens.tables_export import export_programme

        search = self.query_one("#people-search", TextField).value
        start_export(self, export_programme, data.programme.id, search,
                     title=S.XLS_KEY_EXPORT)

    def action_back(self) -> None:
        search = self.query_one("#people-search", TextField)
        if self.active_view == "people" and search.value:
            search.value = ""
            return
        self.app.action_section("dashboard")
