"""The secondary screens of the office's F8 (screens/office_matrix.py): a table of rows
(the people behind a cell, a list across schools), one indicator as bars, a school a line,
against its target line, and the question after how many days without a packet a
registered school is named as silent."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.reports import indicators as ri
from metodkab.reports.indicator_sheet import target_text
from metodkab.reports.programme import format_number
from metodkab.widgets.text import plain, plain_row


def column_headers(figures: Sequence[ri.Result], width: int = 9) -> list[str]:
    """F8's column headers: each indicator's short form (strings.IND_SHORT), one the
    schools' settings split in two («ПК/ПП» of 3 and of 5 years) with its number — cut
    names read alike («Диагности», «Диагности»)."""
    heads = [S.IND_SHORT.get(f.key, f.name)[:width] for f in figures]
    repeated = {head for head in heads if heads.count(head) > 1}
    for i, (head, figure) in enumerate(zip(list(heads), figures)):
        if head in repeated:
            number = re.search(r"\d+", figure.name)
            mark = number.group() if number else str(i + 1)
            heads[i] = f"{head[:width - len(mark) - 1]} {mark}"
    return heads


def cell_text(result: ri.Result | None) -> str:
    """What a cell shows: «27,5» (a percent), «6» (a count), «1,25» (a ratio), «—»."""
    if result is None or result.value is None:
        return "—"
    return format_number(result.value)



BAR = 36                       # characters of a full bar (100 %, or the largest value)


def bar_text(result: ri.Result | None, target: float | None, top: float) -> Text:
    """A bar of the value (green when the target is met, red when not, plain without a
    target) on a scale of ``top``, with the target marked «┃»."""
    value = None if result is None else result.value
    filled = 0 if not value or not top else round(BAR * min(value, top) / top)
    mark = None if target is None or not top else min(BAR - 1, round(BAR * target / top))
    style = {True: "green", False: "red"}.get(result.achieved if result else None, "")
    text = Text()
    for i in range(BAR):
        if i == mark:
            text.append("┃", style="bold yellow")
        else:
            text.append("█" if i < filled else "·", style=style if i < filled else "dim")
    return text


class RowsScreen(Screen):
    """A read-only table under a title (the people behind a cell, a list across schools,
    an indicator as bars); Esc closes."""

    DEFAULT_CSS = """
    RowsScreen #rs-title { height: auto; padding: 0 1; text-style: bold; }
    RowsScreen DataTable { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "close", S.KEY_BACK, key_display="Esc", id="back")]

    def __init__(self, title: str, columns: Sequence[str], widths: Sequence[int],
                 rows: Sequence[Sequence[object]], *, heading: str | None = None) -> None:
        """``heading``: the line above the table (by default «title — N»)."""
        super().__init__()
        self.heading = heading or S.EX_ROWS_TITLE.format(title=title, count=len(rows))
        self.spec = (columns, widths, rows)

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(plain(self.heading), id="rs-title")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        columns, widths, rows = self.spec
        for label, width in zip(columns, widths):
            table.add_column(label, width=width)
        for row in rows:
            table.add_row(*plain_row(*row))
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)


class BarsScreen(RowsScreen):
    """One indicator as bars, a school a line, the total on top, the target line across."""

    def __init__(self, figure: ri.Result, rows: Sequence[tuple[str, ri.Result | None]]) -> None:
        values = [r.value for _, r in rows if r is not None and r.value is not None]
        top = 100.0 if figure.kind == ri.SHARE else max(values + [figure.target or 0, 1.0])
        lines = [(name, bar_text(result, figure.target, top), cell_text(result))
                 for name, result in [(S.MX_TOTAL_SHORT, figure), *rows]]
        super().__init__(figure.name, (S.MX_COL_SCHOOL, S.MX_COL_BARS, S.MX_COL_VALUE),
                         (18, BAR, 7), lines, heading=S.MX_BARS_TITLE.format(
                             name=figure.name, target=target_text(figure) or S.MX_NO_TARGET,
                             total=cell_text(figure)))
