"""Показатели и отчёты (F8): every indicator on the report date with its bar and status;
Enter drills down to the people counted and those in the base but not counted."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date, short_name
from metodkab.reports import indicators as ri
from metodkab.reports.indicator_sheet import target_text
from metodkab.screens.base import AppScreen, TableScreen
from metodkab.screens.export import start_export
from metodkab.screens.indicators_export import export_drill, export_indicators, format_value
from metodkab.storage.indicators import Report, load_report, names_of
from metodkab.widgets.text import plain_row

BAR_WIDTH = 10
GROUP_PREFIX = "group:"


def bar(result: ri.Result, width: int = BAR_WIDTH) -> Text:
    """A bar of the percent with the target marked «┃» (shares only)."""
    if result.kind != ri.SHARE or result.value is None:
        return Text("")
    filled = round(result.value / 100 * width)
    cells = ["█"] * filled + ["░"] * (width - filled)
    good = result.achieved
    style = {True: "green", False: "red"}.get(good, "")
    text = Text("".join(cells), style=style)
    if result.target is not None:
        at = min(width - 1, max(0, round(result.target / 100 * width)))
        text = Text("".join(cells[:at]), style=style)
        text.append("┃", style="bold yellow")
        text.append("".join(cells[at + 1:]), style=style)
    return text


def column_widths(total: int) -> dict[str, int]:
    fixed = {"value": 6, "count": 8, "bar": BAR_WIDTH, "status": 13}
    if total >= 100:
        fixed["target"] = 5
    padding = 2 * (len(fixed) + 1) + 2
    return {"name": max(total - padding - sum(fixed.values()), 20), **fixed}


def _status(result: ri.Result) -> Text:
    return Text(result.status, style={True: "green", False: "bold red"}.get(result.achieved, ""))


def _count(result: ri.Result) -> str:
    if result.kind == ri.COUNT:
        return str(result.count)
    return f"{result.count}/{result.base}"


def _target(result: ri.Result) -> str:
    if result.target is None:
        return ""
    sign = "≤" if result.lower_is_better else "≥"
    from metodkab.reports.programme import format_target

    return f"{sign}{format_target(result.target)}"        # «≥2,5», «≥4,25»: as it was set


class IndicatorsScreen(TableScreen):
    SCREEN_TITLE = S.IND_TITLE
    DEFAULT_CSS = """
    IndicatorsScreen #ind-date { height: 1; padding: 0 1; color: $text-muted; }
    IndicatorsScreen #ind-table { height: 1fr; }
    IndicatorsScreen #ind-detail { height: auto; max-height: 5; padding: 0 1;
                                   background: $boost; }
    """
    BINDINGS = [
        Binding("f4", "drill", S.IND_KEY_DRILL, key_display="Enter/F4", id="drill"),
        Binding("ctrl+e", "export", S.IND_KEY_EXPORT, key_display="Ctrl+E", id="export"),
        Binding("ctrl+w", "print", S.DOC_KEY_PRINT_REPORT, key_display="Ctrl+W", id="print",
                show=False, priority=True),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report: Report | None = None
        self._widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, id="ind-date")
        yield DataTable(id="ind-table", cursor_type="row")
        yield Static("", id="ind-detail")
        yield Footer()

    def on_resize(self) -> None:
        if column_widths(self.size.width) != self._widths:
            self._fill()

    def reload(self) -> None:
        self.run_db(load_report, done=self._loaded, group="indicators", exclusive=True)

    def _loaded(self, report: Report) -> None:
        self.report = report
        self.query_one("#ind-date", Static).update(S.IND_HEADER.format(
            date=format_date(report.day), start=format_date(report.period_start),
            end=format_date(report.period_end)))
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row if table.row_count else 0
        self._widths = column_widths(self.size.width or 80)
        table.clear(columns=True)
        labels = {"name": S.IND_COL_NAME, "value": S.IND_COL_VALUE_SHORT, "count": S.IND_COL_COUNT,
                  "target": S.IND_COL_TARGET, "bar": S.IND_COL_BAR, "status": S.IND_COL_STATUS}
        for key in ("name", "value", "count", "target", "bar", "status"):
            if key in self._widths:
                table.add_column(labels[key], key=key, width=self._widths[key])
        if self.report is None:
            return
        group = None
        for index, r in enumerate(self.report.results):
            if r.group != group:
                group = r.group
                cells = [Text(S.IND_GROUPS.get(group, group), style="bold")]
                cells += [""] * (len(self._widths) - 1)
                table.add_row(*cells, key=f"{GROUP_PREFIX}{group}")
            cells = [f" {r.name}", format_value(r), _count(r)]
            if "target" in self._widths:
                cells.append(_target(r))
            cells += [bar(r), _status(r)]
            table.add_row(*plain_row(*cells), key=str(index))   # names may quote user text
        if table.row_count:
            table.move_cursor(row=min(max(keep, 1), table.row_count - 1))
        self._show_detail()

    def _current(self) -> ri.Result | None:
        table = self.query_one(DataTable)
        if self.report is None or not table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value or ""
        if key.startswith(GROUP_PREFIX):
            return None
        return self.report.results[int(key)]

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        result = self._current()
        detail = self.query_one("#ind-detail", Static)
        if result is None:
            detail.update("")
            return
        line = S.IND_DRILL_HINT.format(name=result.name, value=format_value(result),
                                       count=result.count, base=result.base)
        if result.target is not None:
            line += f" · {S.IND_COL_TARGET.lower()} {target_text(result)}"     # «≥ 30 %»
        # the figure on one line, then its rule with the boundaries, wrapped (up to 4 lines)
        from rich.console import Group

        detail.update(Group(Text(line, no_wrap=True, overflow="ellipsis"),
                            Text(self.report.explain(result))))

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_drill()

    def action_drill(self) -> None:
        result = self._current()
        if result is not None and self.report is not None:
            self.app.push_screen(IndicatorDrillScreen(self.report, result))

    def action_export(self) -> None:
        if self.report is not None:
            start_export(self, export_indicators, self.report, title=S.IND_KEY_EXPORT)

    def action_print(self) -> None:
        """The staff development report (indicators and short lists) as a Word document,
        over the period picked: the screen's months, a calendar or a school year."""
        from metodkab.screens.report_period import print_staff_report

        if self.report is not None:
            print_staff_report(self, self.report)

    def action_back(self) -> None:
        self.app.action_section("dashboard")


class IndicatorDrillScreen(AppScreen):
    """The people behind one figure: counted on the left, in the base but not counted on
    the right. Enter opens the person's card."""

    SCREEN_TITLE = S.IND_TITLE
    DEFAULT_CSS = """
    IndicatorDrillScreen #drill-title { height: auto; padding: 0 1; text-style: bold; }
    IndicatorDrillScreen #drill-doc { height: auto; max-height: 3; padding: 0 1;
                                      color: $text-muted; }
    IndicatorDrillScreen #drill-lists { height: 1fr; }
    IndicatorDrillScreen #drill-lists > Vertical { width: 1fr; }
    IndicatorDrillScreen .drill-head { height: 1; padding: 0 1; background: $boost;
                                       text-style: bold; }
    IndicatorDrillScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("f4", "open", S.IND_KEY_PERSON, key_display="Enter/F4", id="open"),
        Binding("ctrl+e", "export", S.IND_KEY_EXPORT, key_display="Ctrl+E", id="export"),
        Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back"),
    ]

    def __init__(self, report: Report, result: ri.Result) -> None:
        super().__init__()
        self.report = report
        self.result = result

    def compose(self) -> ComposeResult:
        r = self.result
        yield Header(icon="≡")
        yield Static(S.IND_DRILL_HINT.format(name=r.name, value=format_value(r), count=r.count,
                                             base=r.base), id="drill-title")
        yield Static(self.report.explain(r), id="drill-doc")
        with Horizontal(id="drill-lists"):
            with Vertical():
                yield Static(S.IND_DRILL_COUNTED.format(count=len(r.ids)), classes="drill-head")
                yield DataTable(id="drill-in", cursor_type="row", show_header=False)
            with Vertical():
                yield Static(S.IND_DRILL_NOT_COUNTED.format(count=len(r.other_ids)),
                             classes="drill-head")
                yield DataTable(id="drill-out", cursor_type="row", show_header=False)
        yield Footer()

    def on_mount(self) -> None:
        for table_id, ids in (("#drill-in", self.result.ids),
                              ("#drill-out", self.result.other_ids)):
            table = self.query_one(table_id, DataTable)
            table.add_column(S.IND_COL_PERSON, key="name")
            people = names_of(self.report, ids)
            for staff_id, name, positions in people:
                parts = (name.split(" ", 2) + ["", ""])[:3]
                label = Text(short_name(*parts))
                note = self.result.note(staff_id)        # e.g. the support form (§6)
                if note:
                    label.append(f" · {note}", style="green")
                table.add_row(label, key=staff_id)
            if not people:
                table.add_row(Text(S.IND_DRILL_EMPTY, style="dim"), key="")
        first = self.query_one("#drill-in" if self.result.ids else "#drill-out", DataTable)
        first.focus()

    def _person_id(self) -> str | None:
        table = self.focused if isinstance(self.focused, DataTable) else None
        if table is None or not table.row_count:
            return None
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value or None

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        staff_id = self._person_id()
        if not staff_id:
            return
        from metodkab.screens.person_card import PersonCardScreen

        self.app.push_screen(PersonCardScreen(staff_id))

    def action_export(self) -> None:
        start_export(self, export_drill, self.report, self.result, title=S.IND_KEY_EXPORT)

    def action_back(self) -> None:
        self.dismiss()
