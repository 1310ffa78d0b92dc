"""Наставничество (F6): the register of pairs and groups.

Its filter and the pair form are in mentorship_form.py, the card of a pair in
mentorship_card.py; coverage, suggested mentors and mentor load in mentorship_coverage.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.screens.base import AppScreen
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.screens.mentorship_form import (STATUS_LABELS, MentorshipFilterDialog,
                                              MentorshipFormScreen)
from metodkab.storage import mentorship as store_m
from metodkab.storage.mentorship import MentorshipQuery, MentorshipRow, RegisterSummary
from metodkab.storage.settings import report_date
from metodkab.widgets.fields import TextField
from metodkab.widgets.keys import BACK_KEY, EXPORT_KEY, OPEN_KEY, REMOVE_KEY, page_keys
from metodkab.widgets.register import Register, shown_text
from metodkab.widgets.table import column_widths, fit_name, shorten
from metodkab.widgets.text import plain_row, say


def mentees_text(names: tuple[str, ...] | list[str], width: int, short: bool = False) -> str:
    """One mentee in full (short when ``short`` or narrow); a group as short names, or
    «Иванова А. П. и ещё 2» when narrow."""
    if not names:
        return ""
    if len(names) == 1:
        return shorten(names[0]) if short else fit_name(names[0], width)
    text = ", ".join(shorten(n) for n in names)
    if len(text) <= width:
        return text
    text = S.MENT_GROUP_MORE.format(first=shorten(names[0]), more=len(names) - 1)
    if len(text) > width:       # the 80-column register: «Егорова А. В. и ещ» was cut
        text = S.MENT_GROUP_PLUS.format(first=shorten(names[0]), more=len(names) - 1)
    return text


# --- the register ---------------------------------------------------------------------------

REGISTER_FIXED = {"flag": 1, "start": 10, "end": 10, "status": 9, "order": 10}
REGISTER_SHARES = {"mentor": 0.34, "mentees": 0.34, "form": 0.32}
REGISTER_TITLES = {"flag": "!", "mentor": S.MENT_COL_MENTOR, "mentees": S.MENT_COL_MENTEES,
                   "form": S.MENT_COL_FORM, "start": S.MENT_COL_START, "end": S.MENT_COL_END,
                   "status": S.MENT_COL_STATUS, "order": S.MENT_COL_ORDER}


def register_columns(width: int) -> tuple[str, ...]:
    if width >= 110:
        return ("flag", "mentor", "mentees", "form", "start", "end", "status", "order")
    return ("flag", "mentor", "mentees", "start", "end", "status")


def load_register(store, query: MentorshipQuery):
    day = report_date(store)
    return (store_m.list_mentorships(store, query, day), store_m.count_mentorships(store, query, day),
            store_m.register_summary(store, day), day)


class MentorshipListScreen(Register, AppScreen):
    """The register: search by any participant's name, filters, warnings marked with «!»."""

    SCREEN_TITLE = S.MENT_TITLE
    DEFAULT_CSS = """
    MentorshipListScreen #search { margin: 0 1; width: 1fr; }
    MentorshipListScreen #summary { height: 1; padding: 0 1; }
    MentorshipListScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    MentorshipListScreen #status.-empty { height: auto; }
    MentorshipListScreen #ment-table { height: 1fr; }
    """
    BINDINGS = [
        Binding("insert", "add", S.MENT_KEY_ADD, key_display="Ins", id="add"),
        OPEN_KEY, REMOVE_KEY,
        Binding("ctrl+f", "filter", S.KEY_FILTER, key_display="Ctrl+F", id="filter"),
        Binding("ctrl+g", "coverage", S.MENT_KEY_COVERAGE, key_display="Ctrl+G", id="coverage"),
        Binding("ctrl+l", "load", S.MENT_KEY_LOAD, key_display="Ctrl+L", id="load"),
        EXPORT_KEY,
        Binding("ctrl+w", "print", S.DOC_KEY_PRINT_ORDER, key_display="Ctrl+W", show=False,
                id="print", priority=True),
        *page_keys(), BACK_KEY,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = MentorshipQuery()
        self.rows: list[MentorshipRow] = []
        self.total = 0
        self.summary: RegisterSummary | None = None
        self.day: dt.date | None = None
        self.mentor_names: dict[str, str] = {}
        self._widths: dict[str, int] = {}
        self._columns: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield TextField(placeholder=S.MENT_SEARCH_PLACEHOLDER, id="search")
        yield Static("", id="summary")
        yield Static("", id="status")
        yield DataTable(id="ment-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self._build_columns()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        if register_columns(self.size.width) != self._columns or self._widths != column_widths(
                self.size.width, REGISTER_FIXED, REGISTER_SHARES, self._columns):
            self.refill()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.reload()

    # --- the register -----------------------------------------------------------------------
    REGISTER_GROUP = "ment-list"

    def load_register(self, store, query: MentorshipQuery):
        return load_register(store, query)

    def take_result(self, result) -> None:
        self.rows, self.total, self.summary, self.day = result

    @property
    def register_total(self) -> int:
        return self.total

    def _build_columns(self) -> None:
        table = self.table
        self._columns = register_columns(self.size.width or 80)
        self._widths = column_widths(self.size.width or 80, REGISTER_FIXED, REGISTER_SHARES,
                                     self._columns)
        table.clear(columns=True)
        for key in self._columns:
            table.add_column(REGISTER_TITLES[key], key=key, width=self._widths[key])

    def _cells(self, row: MentorshipRow, short: bool, short_mentees: bool) -> dict[str, Any]:
        w = self._widths
        dim = "dim" if row.status != "действует" else ""
        flag = Text("!", style="bold red") if row.flags or row.excluded else Text("")
        end = Text(format_date(row.end),
                   style="bold red" if "past_end" in row.flags else dim)
        order = (S.MENT_ORDER_SHORT.format(number=row.order_number)
                 if row.order_number else S.MENT_NO_ORDER_SHORT)
        return {
            "flag": flag,
            "mentor": Text(shorten(row.mentor) if short else row.mentor, style=dim),
            "mentees": Text(mentees_text(row.mentees, w["mentees"], short_mentees), style=dim),
            "form": Text(row.form, style=dim),
            "start": Text(format_date(row.start), style=dim),
            "end": end,
            # a pair «действует» that the figures leave out (reports.mentorship.pair_state)
            "status": (Text(S.MENT_NOT_COUNTED, style="bold red") if row.excluded
                       else Text(row.status, style=dim)),
            "order": Text(order, style=dim if row.order_number else "red"),
        }

    def fill_table(self, table: DataTable) -> None:
        self._build_columns()
        # One long name shortens the whole column (Фамилия И. О.), so the names line up.
        short = any(len(r.mentor) > self._widths["mentor"] for r in self.rows)
        short_mentees = any(len(", ".join(r.mentees)) > self._widths["mentees"]
                            for r in self.rows)
        for row in self.rows:
            cells = self._cells(row, short, short_mentees)
            table.add_row(*plain_row(*(cells[k] for k in self._columns)), key=row.id)

    def status_text(self) -> str:
        s = self.summary
        if s is not None:
            parts = [S.MENT_SUMMARY.format(active=s.active, mentees=s.mentees)]
            if s.past_end:
                parts.append(S.MENT_SUMMARY_PAST_END.format(count=s.past_end))
            if s.no_order:
                parts.append(S.MENT_SUMMARY_NO_ORDER.format(count=s.no_order))
            if s.mentor_gone:
                parts.append(S.MENT_SUMMARY_MENTOR_GONE.format(count=s.mentor_gone))
            if s.mentees_gone:
                parts.append(S.MENT_SUMMARY_MENTEES_GONE.format(count=s.mentees_gone))
            self.query_one("#summary", Static).update(" · ".join(parts))
        q = self.query_state
        parts = [STATUS_LABELS.get(q.status, q.status)]
        if q.form:
            parts.append(q.form)
        if q.mentor_id:
            parts.append(S.MENT_FILTER_MENTOR_IS.format(
                name=shorten(self.mentor_names.get(q.mentor_id, "?"))))
        if q.problems:
            parts.append(S.MENT_FILTER_PROBLEMS_SHORT)
        if q.no_order:
            parts.append(S.MENT_FILTER_NO_ORDER_SHORT)
        text = (S.MENT_FILTER_SUMMARY.format(text=", ".join(parts)) + " · "
                + shown_text(len(self.rows), self.total, q, S.MENT_SHOWN, S.MENT_PAGE))
        if not self.rows:
            text += " · " + S.MENT_EMPTY
        return text

    # --- actions --------------------------------------------------------------------------
    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_card(event.row_key.value)

    def open_card(self, mentorship_id: str | None) -> None:
        if mentorship_id:
            from metodkab.screens.mentorship_card import MentorshipCardScreen

            self.keep_cursor_on(mentorship_id)
            self.app.push_screen(MentorshipCardScreen(mentorship_id))

    def action_open(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_card(row.id)

    def action_add(self) -> None:
        def added(mentorship_id: str | None) -> None:
            if mentorship_id:
                self.open_card(mentorship_id)

        self.app.push_screen(MentorshipFormScreen(), callback=added)

    def action_remove(self) -> None:
        row = self.current_row()
        if row is None:
            return
        pair = S.MENT_PAIR_NAME.format(mentor=shorten(row.mentor),
                                       mentees=", ".join(shorten(n) for n in row.mentees))

        def answer(yes: bool | None) -> None:
            if yes:
                self.run_db(store_m.delete_mentorship, row.id, done=lambda _: (
                    say(self, S.MENT_DELETED_DONE.format(pair=pair)), self.reload()))

        self.app.push_screen(ConfirmDialog(S.MENT_DELETE_CONFIRM.format(pair=pair)),
                             callback=answer)

    def action_filter(self) -> None:
        def chosen(query: MentorshipQuery | None) -> None:
            if query is not None:
                self.query_state = replace(query, search=self.query_state.search, offset=0)
                self.reload()

        def options(result) -> None:
            forms, mentors = result
            self.mentor_names = dict(mentors)
            self.app.push_screen(MentorshipFilterDialog(self.query_state, forms, mentors),
                                 callback=chosen)

        self.run_db(lambda store: (store_m.form_options(store),
                                   store_m.mentor_filter_options(store)), done=options)

    def filter_by_mentor(self, mentor_id: str, name: str) -> None:
        """From the mentor-load screen: this mentor's pairs of any status."""
        self.mentor_names[mentor_id] = name
        self.query_state = MentorshipQuery(mentor_id=mentor_id, status="all")
        self.search_box.value = ""
        self.reload()

    def action_coverage(self) -> None:
        from metodkab.screens.mentorship_coverage import CoverageScreen

        self.app.push_screen(CoverageScreen())

    def action_load(self) -> None:
        from metodkab.screens.mentorship_load import MentorLoadScreen

        def chosen(result: tuple[str, str] | None) -> None:
            if result:
                self.filter_by_mentor(*result)

        self.app.push_screen(MentorLoadScreen(), callback=chosen)

    def action_export(self) -> None:
        """The register as searched and filtered — every page — into Excel."""
        from metodkab.screens.export import start_export
        from metodkab.screens.tables_export import export_mentorships

        start_export(self, export_mentorships, self.query_state, title=S.XLS_KEY_EXPORT)

    def action_print(self) -> None:
        """«Приказ о закреплении наставников» for the pairs without an order (all marked in
        a dialog; Space unmarks), ready to sign."""
        from metodkab.screens.order_dialog import print_order

        print_order(self)

    def action_back(self) -> None:
        if not self.clear_search():
            self.app.action_section("dashboard")
