"""The first screen: the school, the report date, real counts and the to-do list."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from rich.table import Table

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.screens.base import AppScreen
from metodkab.storage.alerts import Alert, collect_alerts
from metodkab.storage.school import counts, school_names
from metodkab.storage.settings import report_date
from metodkab.widgets.text import Hanging

TODO_TITLES = S.TODO_TITLES
# Where an item of the to-do list leads: the person card's tab, or a section.
ALERT_TARGETS = {
    "category_expiring": ("attestation", None),
    "category_undated": ("attestation", None),
    "conformity_due": ("attestation", None),
    "route_steps_overdue": ("routes", None),
    "mentorship_past_end": ("mentorship", None),
    "mentor_dismissed": ("mentorship", None),
    "activities_overdue": ("main", "programme"),
}
COUNT_LABELS = (
    ("staff", S.DASH_COUNT_STAFF),
    ("staff_main", S.DASH_COUNT_MAIN),
    ("dismissed", S.DASH_COUNT_DISMISSED),
    ("trainings", S.DASH_COUNT_TRAININGS),
    ("mentorships", S.DASH_COUNT_MENTORSHIPS),
    ("routes", S.DASH_COUNT_ROUTES),
    ("associations", S.DASH_COUNT_ASSOCIATIONS),
    ("activities", S.DASH_COUNT_ACTIVITIES),
)


def todo_line(count: int, title: str) -> Hanging:
    """One to-do item: the count right-aligned (figure spaces survive the option list's
    trimming of leading blanks), then the title, wrapped under itself."""
    return Hanging(f"{count:>3}".replace(" ", "\u2007") + "  ", title)


def load_dashboard(store):
    from metodkab.storage.indicators import load_data

    day = report_date(store)
    data = load_data(store, day)
    return school_names(store), day, counts(store, day, data), collect_alerts(store, day, data)


class DashboardScreen(AppScreen):
    SCREEN_TITLE = S.SECTION_DASHBOARD
    DEFAULT_CSS = """
    DashboardScreen #school { text-style: bold; padding: 0 1; }
    DashboardScreen #date { padding: 0 1; color: $text-muted; }
    DashboardScreen #panels { height: 1fr; }
    DashboardScreen #counts { width: 36; padding: 0 1; }
    DashboardScreen #todo-panel { width: 1fr; }
    DashboardScreen #todo { height: 1fr; border: none; }
    """
    BINDINGS = [
        Binding("enter", "open_alert", S.KEY_OPEN, key_display="Enter", show=False),
        # Not F5: that is «Аттестация» everywhere, the dashboard included.
        Binding("ctrl+r", "refresh", S.EX_KEY_REFRESH, key_display="Ctrl+R", show=False),
        Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", show=False),
        Binding("ctrl+t", "import_table", S.IMP_KEY_OPEN, key_display="Ctrl+T", show=False,
                id="import"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, id="school")
        yield Static("", id="date")
        with Horizontal(id="panels"):
            yield Static("", id="counts")
            with Vertical(id="todo-panel"):
                yield Static(S.DASH_TODO, classes="section-title")
                yield OptionList(id="todo")
        yield Footer()

    def on_mount(self) -> None:
        self.alerts: list[Alert] = []
        self._load_pending = False
        self.action_refresh()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        # Start-up resumes the screen as it mounts: the load on_mount started is current.
        if getattr(self, "alerts", None) is not None and not self._load_pending:
            self.action_refresh()

    def on_screen_suspend(self) -> None:
        self._load_pending = False   # back on the dashboard: read again

    def action_refresh(self) -> None:
        self._load_pending = True
        self.run_db(load_dashboard, done=self._show, failed=self._failed, group="dashboard",
                    exclusive=True)

    def _failed(self) -> None:
        self._load_pending = False

    def _show(self, result) -> None:
        self._load_pending = False
        school, day, numbers, alerts = result
        if school is None:
            self.query_one("#school", Static).update(S.SCHOOL_NOT_SET)
            self.app.ask_school_if_missing()
        else:
            self.query_one("#school", Static).update(school.full_name)
            self.app.sub_title = school.short_name
        line = S.DASH_REPORT_DATE.format(date=format_date(day))
        today = self.app.store.clock.today()
        if day != today:
            # A date fixed in Настройки is easy to forget: every figure here is on it.
            line += S.DASH_REPORT_DATE_FIXED.format(today=format_date(today))
        self.query_one("#date", Static).update(line)
        table = Table(title=S.DASH_COUNTS, title_justify="left", box=None, expand=True,
                      show_header=False, title_style="bold")
        table.add_column(ratio=1)
        table.add_column(justify="right", width=5)
        for key, label in COUNT_LABELS:
            table.add_row(label, str(numbers[key]))
        self.query_one("#counts", Static).update(table)
        self.alerts = [a for a in alerts if a.count]
        todo = self.query_one("#todo", OptionList)
        highlighted = todo.highlighted
        todo.clear_options()
        if not numbers["staff"] and not numbers["dismissed"]:     # a new database: begin
            todo.add_options([Option(line, disabled=True) for line in S.DASH_START])
            return
        if not self.alerts:
            todo.add_option(Option(S.DASH_TODO_EMPTY, id="none", disabled=True))
            return
        todo.add_options([Option(todo_line(a.count, TODO_TITLES[a.key].format(**a.params)),
                                 id=a.key) for a in self.alerts])
        todo.highlighted = min(highlighted or 0, len(self.alerts) - 1)
        todo.focus()

    def action_export(self) -> None:
        """The whole to-do list, with the records of every item, to Excel."""
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_alerts

        start_export(self, export_alerts, title=S.XLS_KEY_EXPORT)

    def action_import_table(self) -> None:
        """Ctrl+T: a staff list (or courses) from a spreadsheet — the first step in a new
        database, offered here as well as in Кадры."""
        from metodkab.screens.import_file import ImportScreen

        self.app.push_screen(ImportScreen())

    @on(OptionList.OptionSelected, "#todo")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def action_open_alert(self) -> None:
        todo = self.query_one("#todo", OptionList)
        if todo.highlighted is not None:
            self._open(todo.get_option_at_index(todo.highlighted).id)

    def _open(self, key: str | None) -> None:
        alert = next((a for a in self.alerts if a.key == key), None)
        if alert is None:
            return
        if key == "overdue_training":
            self.app.open_staff_list(overdue=True)
        else:       # young_unsupported too: the staff filter «молодые» has no mentor rule
            from metodkab.screens.alert_list import AlertListScreen

            title = TODO_TITLES[alert.key].format(**alert.params)
            tab, section = ALERT_TARGETS.get(alert.key, ("main", None))
            self.app.push_screen(AlertListScreen(title, alert.items, tab=tab, section=section,
                                                 key=alert.key))
