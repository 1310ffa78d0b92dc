"""Программа развития (F7): the programme as an outline, the agenda, who is responsible
for what, progress, and the target indicators — five views of one programme.

Ins adds what fits the cursor (a task on the goal, an activity on a task or an activity),
Enter/F4 opens, Del deletes after a question, Ctrl+D marks done, Ctrl+R moves a deadline,
Ctrl+Y copies a year's activities into the next year, Ctrl+L lists the programmes,
Ctrl+W writes the programme as a Word document to print, Ctrl+E exports every view to
Excel. Keys 1–5 switch the view. Typing searches the activities (programme_search.py:
the register pattern, the found ones listed in «2 Сроки»); Esc clears the search first.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (DataTable, Footer, Header, Input, OptionList, Static, TabbedContent,
                             TabPane, Tree)

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.screens.base import AppScreen
from metodkab.screens.programme_actions import ProgrammeActions
from metodkab.screens.programme_forms import (ActivityFormScreen, IndicatorFormScreen,
                                              ProgrammeFormScreen, TaskFormScreen)
from metodkab.screens.programme_search import ProgrammeRegister
from metodkab.screens.programme_views import ProgrammeViews
from metodkab.storage import programme as ps
from metodkab.widgets.fields import TextField
from metodkab.widgets.keys import BACK_KEY, OPEN_KEY
from metodkab.widgets.text import fit_lines

VIEWS = ("outline", "agenda", "people", "progress", "indicators")


class ProgrammeScreen(ProgrammeViews, ProgrammeActions, ProgrammeRegister, AppScreen):
    SCREEN_TITLE = S.SECTION_PROGRAMME
    AUTO_FOCUS = ""         # the first load focuses the view (the search box is typed into)
    DEFAULT_CSS = """
    ProgrammeScreen #prog-header { height: auto; max-height: 2; padding: 0 1; background: $primary-background;
                                   text-style: bold; }
    ProgrammeScreen #empty { padding: 1 2; height: 1fr; }
    ProgrammeScreen #search-row { height: auto; }
    ProgrammeScreen #search { margin: 0 1; width: 34; }
    ProgrammeScreen #status { height: 1; width: 1fr; padding: 0 1 0 0; color: $text-muted; }
    ProgrammeScreen #status.-empty { height: auto; }
    ProgrammeScreen TabbedContent { height: 1fr; }
    ProgrammeScreen TabPane { padding: 0; height: 1fr; }
    ProgrammeScreen #outline-tree { height: 1fr; overflow-x: hidden; }
    ProgrammeScreen #detail { height: 6; padding: 0 1; border-top: solid $primary-background;
                              color: $text-muted; }
    ProgrammeScreen #people-left { width: 24; height: 1fr; }
    ProgrammeScreen #people-search { margin: 0 1 0 0; }
    ProgrammeScreen #people-list { height: 1fr; border: none; }
    ProgrammeScreen #person-title { height: auto; padding: 0 1; color: $text-muted; }
    ProgrammeScreen .hint-line { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    ProgrammeScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("insert", "add", S.KEY_ADD, key_display="Ins", id="add"),
        # Not in the footer (80 columns keep Ctrl+D, Ctrl+R and F1 whole); F1 lists them.
        OPEN_KEY,
        Binding("delete", "remove", S.KEY_DELETE, key_display="Del", id="remove"),
        Binding("ctrl+d", "done", S.PROG_KEY_DONE, key_display="Ctrl+D", id="done"),
        Binding("ctrl+r", "postpone", S.PROG_KEY_POSTPONE, key_display="Ctrl+R", id="postpone"),
        Binding("ctrl+n", "add_task", S.PROG_KEY_ADD_TASK, key_display="Ctrl+N", show=False),
        Binding("ctrl+y", "copy_year", S.PROG_KEY_COPY_YEAR, key_display="Ctrl+Y", show=False),
        Binding("ctrl+l", "programmes", S.PROG_KEY_PROGRAMMES, key_display="Ctrl+L",
                show=False),
        Binding("ctrl+w", "print", S.DOC_KEY_PRINT_PROGRAMME, key_display="Ctrl+W", show=False,
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
        BACK_KEY,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = ps.ActivityQuery()     # its programme_id: None, the current one
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
        with Horizontal(id="search-row"):
            yield TextField(placeholder=S.PROG_SEARCH, id="search")
            yield Static("", id="status")
        with TabbedContent(id="views", initial="outline"):
            with TabPane(S.PROG_TAB_OUTLINE, id="outline"):
                yield Tree("", id="outline-tree")
                yield Static("", id="detail")
            with TabPane(S.PROG_TAB_AGENDA, id="agenda"):
                yield DataTable(id="agenda-table", cursor_type="row")
            with TabPane(S.PROG_TAB_PEOPLE, id="people"):
                with Horizontal():
                    with Vertical(id="people-left"):
                        # Not selected on focus: a letter typed in the list goes on here.
                        yield TextField(placeholder=S.PROG_PEOPLE_SEARCH, id="people-search",
                                        select_on_focus=False)
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
        for widget in ("#empty", "#views", "#search-row"):
            self.query_one(widget).display = False

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.size.width != self._width and self.data is not None:
            self._fill()

    # --- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        self._remember()
        super().reload()        # the register: load, fill, the cursor, the status line

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

    def _fill(self) -> None:
        data = self.data
        assert data is not None
        self._width = self.size.width
        header = self.query_one("#prog-header", Static)
        has = data.programme is not None
        self.query_one("#empty").display = not has
        self.query_one("#views").display = has
        self.query_one("#search-row").display = has
        if not has:
            header.update(S.PROG_TITLE)
            return
        p = data.programme
        # The title last, on two lines at most (it was cut at 80 columns): a longer one
        # ends with «…»; the period, the date and «не текущая» always show.
        text = S.PROG_HEADER.format(title=p.title, period=p.period, date=format_date(data.day),
                                    other="" if p.is_current else S.PROG_HEADER_OTHER)
        header.update(fit_lines(text, self.size.width - 2, 2))
        self._fill_outline()
        self._fill_agenda()
        self._fill_people()
        self._fill_progress()
        self._fill_indicators()
        focused = self.focused
        if focused is None or not focused.display or focused.id is None:
            self._focus_view()          # first load: the view, not the tab strip

    # --- the outline ------------------------------------------------------------------------

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

    # --- people -----------------------------------------------------------------------------

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

    def on_key(self, event: events.Key) -> None:
        """«Ответственные»: a letter typed in the people list (where the view puts the
        focus) goes on in its search box «Фамилия…» — it did nothing; ↑ on the first
        person goes back to the box. Digits stay the views' keys."""
        people = self.query_one("#people-list", OptionList)
        if self.focused is not people:
            return
        search = self.query_one("#people-search", TextField)
        if event.key == "up" and not people.highlighted:
            search.focus()
        elif event.character and event.is_printable and event.character.isalpha():
            search.value += event.character      # typed faster than the focus moves: in order
            search.cursor_position = len(search.value)
            search.focus()
        else:
            return
        event.stop()
        event.prevent_default()

    @on(OptionList.OptionSelected, "#people-list")
    def _person_selected(self) -> None:
        self.query_one("#person-table").focus()

    # --- cursors and focus ------------------------------------------------------------------

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
        if self.focused is not self.search_box:     # a search shows «2 Сроки» as you type
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

    # --- adding and opening -------------------------------------------------------------------

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

    # --- the programme as a whole --------------------------------------------------------------

    def action_back(self) -> None:
        if self.clear_search():
            return
        search = self.query_one("#people-search", TextField)
        if self.active_view == "people" and search.value:
            search.value = ""
            return
        self.app.action_section("dashboard")
