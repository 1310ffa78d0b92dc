"""The ИОМ editor: one person's individual route for a period — its steps in order, the
details of the step under the cursor, steps added from the person's open deficits in one
go, steps marked done (offering to mark a deficit «устранён» once all its steps are done).
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.domain.checks import done_problem
from metodkab.domain.parse import format_date
from metodkab.screens.base import TableScreen
from metodkab.screens.dialogs import ChooserScreen, ConfirmDialog, DateDialog, MessageDialog
from metodkab.screens.export import start_export
from metodkab.screens.route_forms import RouteFormScreen, StepFormScreen
from metodkab.storage import development as store_d
from metodkab.storage.development import RouteView, StepRow
from metodkab.storage.settings import report_date
from metodkab.widgets.keys import BACK_KEY, OPEN_KEY, REMOVE_KEY
from metodkab.widgets.table import column_widths, current_key, move_to_key, set_columns, shorten
from metodkab.widgets.text import plain_row

STEP_FIXED = {"number": 2, "form": 15, "deadline": 10, "done": 10}
STEP_SHARES = {"goal": 1.0}
STEP_SHARES_WIDE = {"goal": 0.55, "deficit": 0.45}
STEP_TITLES = {"number": "№", "goal": S.DEV_COL_GOAL, "deficit": S.DEV_COL_DEFICIT,
               "form": S.DEV_COL_FORM, "deadline": S.DEV_COL_DEADLINE, "done": S.DEV_COL_DONE}


def step_columns(width: int) -> tuple[str, ...]:
    if width >= 110:
        return ("number", "goal", "deficit", "form", "deadline", "done")
    return ("number", "goal", "form", "deadline", "done")


def load(store, route_id: str) -> RouteView:
    return store_d.load_route(store, route_id, report_date(store))


def route_title(view: RouteView) -> str:
    r = view.route
    return S.DEV_ROUTE_HEADER.format(name=shorten(view.name), start=format_date(r.period_start),
                                     end=format_date(r.period_end), status=r.status)


def step_detail(step: StepRow | None) -> Text:
    """The fields of the step under the cursor that the table has no room for."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if step is None:
        return text

    def line(label: str, value: str, style: str = "") -> None:
        if value:
            text.append(f"{label}: ", style="dim")
            text.append(value, style=style)
            text.append("\n")

    line(S.DEV_F_STEP_DEFICIT, step.deficit)
    line(S.DEV_F_ACTION, step.action)
    line(S.DEV_F_PRODUCT, step.expected_product)
    line(S.DEV_F_EVIDENCE, step.evidence, "green")
    line(S.DEV_F_TRAINING, step.training)
    line(S.DEV_F_MENTORSHIP, step.mentorship)
    line(S.GR_F_STEP_LEARNING, step.learning)
    text.rstrip()
    return text


class RouteScreen(TableScreen):
    SCREEN_TITLE = S.DEV_ROUTE_TITLE
    DEFAULT_CSS = """
    RouteScreen #route-info { height: 1; padding: 0 1; }
    RouteScreen #steps { height: 1fr; overflow-x: hidden; }
    RouteScreen #steps-empty { height: 1fr; padding: 0 1; color: $text-muted; }
    RouteScreen #step-detail { height: auto; max-height: 6; padding: 0 1;
                               border-top: solid $primary-background; }
    """
    BINDINGS = [
        Binding("insert", "add", S.DEV_KEY_ADD_STEP, key_display="Ins", id="add"),
        Binding("ctrl+n", "from_deficits", S.DEV_KEY_FROM_DEFICITS, key_display="Ctrl+N",
                id="from-deficits"),
        Binding("ctrl+d", "done", S.DEV_KEY_DONE, key_display="Ctrl+D", id="done"),
        Binding("ctrl+e", "edit_route", S.DEV_KEY_EDIT_ROUTE, key_display="Ctrl+E",
                id="edit-route"),
        Binding("ctrl+w", "print", S.DOC_KEY_PRINT_ROUTE, key_display="Ctrl+W", id="print",
                show=False, priority=True),
        OPEN_KEY,
        REMOVE_KEY,
        Binding("ctrl+up", "move(-1)", S.DEV_KEY_MOVE_UP, key_display="Ctrl+↑", show=False),
        Binding("ctrl+down", "move(1)", S.DEV_KEY_MOVE_DOWN, key_display="Ctrl+↓", show=False),
        BACK_KEY,
    ]

    def __init__(self, route_id: str) -> None:
        super().__init__()
        self.route_id = route_id
        self.view: RouteView | None = None
        self._keep_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, classes="section-title", id="route-title")
        yield Static("", id="route-info")
        yield DataTable(id="steps", cursor_type="row", zebra_stripes=True)
        yield Static(S.DEV_STEPS_EMPTY, id="steps-empty")
        yield Static("", id="step-detail")
        yield Footer()

    def on_resize(self) -> None:
        if self.view is not None:
            self._show(self.view, current_key(self.query_one(DataTable)))

    def reload(self, then=None) -> None:
        # The row to keep is taken now: two reloads may overlap (a dialog closing and a
        # change saved), and each must put the cursor back where it was.
        keep = self._keep_id or current_key(self.query_one(DataTable))
        self._keep_id = None

        def shown(view: RouteView) -> None:
            self._show(view, keep)
            if then is not None:
                then()

        self.run_db(load, self.route_id, done=shown, group="route", exclusive=True)

    def _show(self, view: RouteView, keep: str | None = None) -> None:
        self.view = view
        self.query_one("#route-title", Static).update(route_title(view))
        done, total, late = view.progress
        r = view.route
        info = Text(S.DEV_ROUTE_INFO.format(
            developed=r.developed_by, approved=format_date(r.approved_date) or "—",
            done=done, total=total))
        if late:
            info.append(S.DEV_ROUTE_LATE.format(count=late), style="bold red")
        self.query_one("#route-info", Static).update(info)
        table = self.query_one(DataTable)
        width = self.size.width or 80
        columns = step_columns(width)
        shares = STEP_SHARES_WIDE if "deficit" in columns else STEP_SHARES
        widths = column_widths(width, STEP_FIXED, shares, columns)
        set_columns(table, columns, STEP_TITLES, widths)
        for step in view.steps:
            done_style = "green" if step.done_date else ""
            cells = {
                "number": Text(str(step.number), justify="right"),
                "goal": Text(step.goal, style="dim" if step.done_date else ""),
                "deficit": Text(step.deficit),
                "form": Text(step.form),
                "deadline": Text(format_date(step.deadline),
                                 style="bold red" if step.overdue else ""),
                "done": Text(format_date(step.done_date) or ("!" if step.overdue else ""),
                             style=done_style or ("bold red" if step.overdue else "")),
            }
            table.add_row(*plain_row(*(cells[k] for k in columns)), key=step.id)
        table.display = bool(view.steps)
        self.query_one("#steps-empty").display = not view.steps
        move_to_key(table, keep)
        self._detail()

    def _current(self) -> StepRow | None:
        key = current_key(self.query_one(DataTable))
        if self.view is None or key is None:
            return None
        return next((s for s in self.view.steps if s.id == key), None)

    def _detail(self) -> None:
        detail = step_detail(self._current())
        widget = self.query_one("#step-detail", Static)
        widget.update(detail)
        widget.display = bool(detail.plain)

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._detail()

    # --- steps ------------------------------------------------------------------------------
    def _saved(self, step_id: str | None) -> None:
        if step_id:
            self._keep_id = step_id
            self._after_done(step_id)

    def action_add(self) -> None:
        self.app.push_screen(StepFormScreen(initial={"route_id": self.route_id}),
                             callback=self._saved)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        step = self._current()
        if step is not None:
            self._keep_id = step.id
            self.app.push_screen(StepFormScreen(step.id), callback=self._saved)

    def action_remove(self) -> None:
        step = self._current()
        if step is None:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.run_db(store_d.delete_step, step.id, done=lambda _: self.reload())

        self.app.push_screen(ConfirmDialog(S.DEV_STEP_DELETE.format(number=step.number,
                                                                    goal=step.goal)),
                             callback=answer)

    def action_move(self, offset: int) -> None:
        step = self._current()
        if step is not None:
            self._keep_id = step.id
            self.run_db(store_d.move_step, step.id, offset, done=lambda _: self.reload())

    def action_from_deficits(self) -> None:
        """Steps for several open deficits of the person in one go."""
        if self.view is None:
            return
        if not self.view.open_deficits:
            self.app.push_screen(MessageDialog(S.DEV_NO_OPEN_DEFICITS, title=S.DEV_ROUTE_TITLE))
            return

        def chosen(ids: list[str] | None) -> None:
            if ids == []:
                self.notify(S.DEV_NOTHING_CHOSEN, severity="warning")
            if ids:
                self.run_db(store_d.add_steps_from_deficits, self.route_id, ids,
                            done=lambda made: (self.notify(S.DEV_STEPS_ADDED.format(
                                count=len(made))), self.reload()))

        self.app.push_screen(ChooserScreen(S.DEV_FROM_DEFICITS_TITLE, self.view.open_deficits,
                                           multiple=True), callback=chosen)

    def action_done(self) -> None:
        """Ctrl+D: the step is done on a date (or, if done, back to not done)."""
        step = self._current()
        if step is None or self.view is None:
            return
        self._keep_id = step.id
        if step.done_date is not None:
            self.app.push_screen(ConfirmDialog(S.DEV_STEP_UNDO.format(
                date=format_date(step.done_date))), callback=lambda yes: yes and self.run_db(
                    store_d.set_step_done, step.id, None, done=lambda _: self.reload()))
            return

        def dated(day: dt.date | None) -> None:
            if day is not None:
                self.run_db(store_d.set_step_done, step.id, day,
                            done=lambda _: self.reload(then=lambda: self._after_done(step.id)))

        today = self.app.store.clock.today()
        self.app.push_screen(DateDialog(S.DEV_STEP_DONE_TITLE.format(number=step.number),
                                        S.DEV_STEP_DONE_DATE, min(self.view.day, today),
                                        check=lambda day: done_problem(day, today)),
                             callback=dated)

    def _after_done(self, step_id: str) -> None:
        """Every step of the step's deficit done: offer to mark the deficit «устранён»."""

        def found(deficit: tuple[str, str] | None) -> None:
            if deficit is None:
                return
            deficit_id, description = deficit

            def answer(yes: bool | None) -> None:
                if yes:
                    self.run_db(store_d.resolve_deficit, deficit_id, done=lambda _: (
                        self.notify(S.DEV_DEFICIT_RESOLVED), self.reload()))

            self.app.push_screen(ConfirmDialog(S.DEV_RESOLVE_QUESTION.format(text=description),
                                               yes=S.DEV_RESOLVE_YES, no=S.DEV_RESOLVE_NO),
                                 callback=answer)

        self.run_db(store_d.deficit_to_resolve, step_id, done=found)

    # --- the route --------------------------------------------------------------------------
    def action_edit_route(self) -> None:
        self.app.push_screen(RouteFormScreen(self.route_id))

    def action_print(self) -> None:
        """The ИОМ as a Word document to print and sign."""
        from metodkab.screens.documents_export import write_route   # python-docx: on use

        start_export(self, write_route, self.route_id, title=S.DOC_KEY_PRINT)

    def action_back(self) -> None:
        self.dismiss()
