"""The card of a mentorship: the pair, its warnings, the personalised programme (goals and
planned activities) and the log of meetings; completing or breaking it off.

Ins adds a meeting dated today; planned activities are events with the status
«запланировано».
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.reports import mentorship as rules
from metodkab.screens.base import TableScreen
from metodkab.screens.dialogs import ActionChoiceDialog, ConfirmDialog
from metodkab.screens.mentorship_card_forms import (CloseDialog, CloseResult, EventFormScreen,
                                                   TextDialog)
from metodkab.screens.mentorship_form import MentorshipFormScreen
from metodkab.storage import mentorship as store_m
from metodkab.storage.mentorship import EventRow, MentorshipCard
from metodkab.storage.settings import report_date
from metodkab.widgets.keys import BACK_KEY
from metodkab.widgets.table import column_widths, current_key, move_to_key, set_columns, shorten
from metodkab.widgets.text import plain_row, say

EVENT_FIXED = {"date": 10, "form": 14, "status": 9}
EVENT_SHARES = {"topic": 0.55, "outcome": 0.45}
EVENT_TITLES = {"date": S.MENT_EV_COL_DATE, "topic": S.MENT_EV_COL_TOPIC,
                "form": S.MENT_EV_COL_FORM, "status": S.MENT_EV_COL_STATUS,
                "outcome": S.MENT_EV_COL_OUTCOME}
EVENT_STATUS_SHORT = {"проведено": S.MENT_EV_HELD, "запланировано": S.MENT_EV_PLANNED,
                      "отменено": S.MENT_EV_CANCELLED}


def event_columns(width: int) -> tuple[str, ...]:
    if width >= 110:
        return ("date", "topic", "form", "status", "outcome")
    return ("date", "topic", "form", "status")


def pair_title(card: MentorshipCard) -> str:
    if len(card.mentees) == 1:
        mentees = shorten(card.mentees[0])
    else:
        mentees = S.MENT_GROUP_OF.format(count=len(card.mentees))
    return S.MENT_CARD_TITLE.format(mentor=shorten(card.mentor), mentees=mentees)


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters, with an ellipsis when cut."""
    return text if len(text) <= width else text[:max(width - 1, 0)].rstrip() + "…"


def info_text(card: MentorshipCard, width: int) -> Text:
    """The pair's details, a line each, as the card shows them."""
    r = card.record
    text = Text(no_wrap=True, overflow="ellipsis")

    def line(label: str, value: str | Text, style: str = "") -> None:
        text.append(f"{label}: ", style="dim")
        text.append(value if isinstance(value, Text) else Text(value, style=style))
        text.append("\n")

    mentor = card.mentor + (S.MENT_CARD_LOAD.format(count=card.mentor_load)
                            if card.mentor_load else "")
    line(S.MENT_F_MENTOR, mentor)
    mentees = ", ".join(card.mentees)
    if len(mentees) > width - 16:
        mentees = ", ".join(shorten(n) for n in card.mentees)
    line(S.MENT_F_MENTEES if len(card.mentees) > 1 else S.MENT_F_MENTEE, mentees)
    line(S.MENT_F_FORM, r.form + (f" · {S.MENT_F_REASON.lower()}: {r.reason}" if r.reason else ""))
    period = S.MENT_CARD_PERIOD.format(start=format_date(r.start_date),
                                       end=format_date(r.planned_end), months=card.months)
    status = Text(period + " · ")
    if r.status == "действует" and card.state not in ("active", "not_started"):
        # as the register's «не учтена»: «действует» here contradicted the warning below
        status.append(S.MENT_CARD_NOT_COUNTED.format(why=S.MENT_STATE_SHORT[card.state]),
                      style="bold red")
    elif r.status == "действует":
        status.append(r.status, style="bold")
    else:
        status.append(S.MENT_CARD_CLOSED.format(status=r.status, date=format_date(r.actual_end)),
                      style="bold")
    line(S.MENT_CARD_TERM, status)
    order = (S.MENT_ORDER_LONG.format(number=r.order_number, date=format_date(r.order_date))
             if r.order_number else S.MENT_NO_ORDER_LONG)
    if card.curator:
        order += f" · {S.MENT_F_CURATOR.lower()}: {shorten(card.curator)}"
    line(S.MENT_CARD_ORDER, order, "" if r.order_number else "red")
    goals = clip("; ".join(" ".join(line.split()) for line in r.goals.splitlines()
                           if line.strip()), width - len(S.MENT_CARD_GOALS) - 4)
    line(S.MENT_CARD_GOALS, goals or S.MENT_NO_GOALS, "" if r.goals else "dim")
    if r.status != "действует" or r.result:
        line(S.MENT_CARD_RESULT,
             clip(" ".join(r.result.split()), width - len(S.MENT_CARD_RESULT) - 4) or "—")
    text.rstrip()
    return text


def load_card(store, mentorship_id: str) -> MentorshipCard:
    return store_m.load_card(store, mentorship_id, report_date(store), store.clock.today())


class MentorshipCardScreen(TableScreen):
    SCREEN_TITLE = S.MENT_TITLE
    DEFAULT_CSS = """
    MentorshipCardScreen #card-info { height: auto; padding: 0 1; }
    MentorshipCardScreen #card-findings { height: auto; max-height: 4; padding: 0 1;
                                          color: $warning; }
    MentorshipCardScreen #events-title { height: 1; padding: 0 1; background: $boost;
                                         text-style: bold; }
    MentorshipCardScreen #events { height: 1fr; }
    MentorshipCardScreen #events-empty { height: 1fr; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("insert", "add_meeting", S.MENT_KEY_ADD_MEETING, key_display="Ins",
                id="add-meeting"),
        Binding("ctrl+n", "add_planned", S.MENT_KEY_ADD_PLANNED, key_display="Ctrl+N",
                id="add-planned"),
        Binding("ctrl+k", "close_pair", S.MENT_KEY_CLOSE, key_display="Ctrl+K", id="close"),
        # The same key on a closed pair: change its result or reopen it (named so).
        Binding("ctrl+k", "closed_pair", S.MENT_KEY_CLOSED, key_display="Ctrl+K", id="closed"),
        Binding("f4", "open_event", S.MENT_KEY_OPEN_EVENT, key_display="Enter/F4",
                id="open-event", show=False),
        Binding("delete", "delete_event", S.MENT_KEY_DELETE_EVENT, key_display="Del",
                id="delete-event", show=False),
        Binding("ctrl+e", "edit_pair", S.MENT_KEY_EDIT_PAIR, key_display="Ctrl+E",
                id="edit-pair", show=False),
        Binding("ctrl+t", "goals", S.MENT_KEY_GOALS, key_display="Ctrl+T", id="goals",
                show=False),
        BACK_KEY,
    ]

    def __init__(self, mentorship_id: str) -> None:
        super().__init__()
        self.mentorship_id = mentorship_id
        self.card: MentorshipCard | None = None
        self._keep_id: str | None = None
        self._columns: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(S.LOADING, classes="section-title", id="card-title")
        yield Static("", id="card-info")
        yield Static("", id="card-findings")
        yield Static("", id="events-title")
        yield DataTable(id="events", cursor_type="row", zebra_stripes=True)
        yield Static(S.MENT_EVENTS_EMPTY, id="events-empty")
        yield Footer()

    def on_resize(self) -> None:
        if self.card is not None:
            self._show(self.card)

    def reload(self) -> None:
        if self._keep_id is None:
            self._keep_id = current_key(self.query_one(DataTable))
        self.run_db(load_card, self.mentorship_id, done=self._show, group="ment-card",
                    exclusive=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("close_pair", "closed_pair"):
            active = self.card is None or self.card.record.status == "действует"
            return active == (action == "close_pair")
        return True

    def action_closed_pair(self) -> None:
        self.action_close_pair()

    def _show(self, card: MentorshipCard) -> None:
        self.card = card
        self.refresh_bindings()
        width = self.size.width or 80
        self.query_one("#card-title", Static).update(pair_title(card))
        self.query_one("#card-info", Static).update(info_text(card, width))
        findings = self.query_one("#card-findings", Static)
        findings.update("\n".join(f"⚠ {f.message}" for f in card.findings))
        findings.display = bool(card.findings)
        self.query_one("#events-title", Static).update(S.MENT_EVENTS_TITLE.format(
            held=card.held, planned=card.planned, cancelled=card.cancelled))
        self._fill(card, width)

    def _fill(self, card: MentorshipCard, width: int) -> None:
        table = self.query_one(DataTable)
        self._columns = event_columns(width)
        widths = column_widths(width, EVENT_FIXED, EVENT_SHARES, self._columns)
        set_columns(table, self._columns, EVENT_TITLES, widths)
        for event in card.events:
            style = "dim" if event.status == "отменено" else ""
            status_style = ("bold red" if event.overdue else
                            "green" if event.status == "проведено" else style)
            cells = {
                "date": Text(format_date(event.date), style=style),
                "topic": Text(event.topic, style=style),
                "form": Text(event.form, style=style),
                "status": Text(EVENT_STATUS_SHORT.get(event.status, event.status)
                               + ("!" if event.overdue else ""), style=status_style),
                "outcome": Text(event.outcome, style=style),
            }
            table.add_row(*plain_row(*(cells[k] for k in self._columns)), key=event.id)
        table.display = bool(card.events)
        self.query_one("#events-empty").display = not card.events
        move_to_key(table, self._keep_id)
        self._keep_id = None

    # --- events -----------------------------------------------------------------------------
    def _current_event(self) -> EventRow | None:
        key = current_key(self.query_one(DataTable))
        if self.card is None or key is None:
            return None
        return next((e for e in self.card.events if e.id == key), None)

    def _event_saved(self, event_id: str | None) -> None:
        if event_id:
            self._keep_id = event_id

    def action_add_meeting(self) -> None:
        """One keystroke: a meeting held today."""
        if self.card is None:
            return
        initial = {"mentorship_id": self.mentorship_id, "date": self.card.today,
                   "status": "проведено"}
        self.app.push_screen(EventFormScreen(initial=initial, pair=pair_title(self.card)),
                             callback=self._event_saved)

    def action_add_planned(self) -> None:
        """An activity of the personalised programme, planned for a date."""
        if self.card is None:
            return
        initial = {"mentorship_id": self.mentorship_id, "status": "запланировано"}
        self.app.push_screen(EventFormScreen(initial=initial, pair=pair_title(self.card)),
                             callback=self._event_saved)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open_event()

    def action_open_event(self) -> None:
        event = self._current_event()
        if event is None or self.card is None:
            return
        self._keep_id = event.id
        self.app.push_screen(EventFormScreen(event.id, pair=pair_title(self.card)),
                             callback=self._event_saved)

    def action_delete_event(self) -> None:
        event = self._current_event()
        if event is None:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.run_db(store_m.delete_event, event.id, done=lambda _: self.reload())

        self.app.push_screen(ConfirmDialog(S.MENT_EV_DELETE_CONFIRM.format(
            date=format_date(event.date), topic=event.topic)), callback=answer)

    # --- the pair ---------------------------------------------------------------------------
    def action_edit_pair(self) -> None:
        self.app.push_screen(MentorshipFormScreen(self.mentorship_id))

    def action_goals(self) -> None:
        if self.card is None:
            return

        def edited(text: str | None) -> None:
            if text is not None:
                self.run_db(store_m.set_goals, self.mentorship_id, text,
                            done=lambda _: (self.notify(S.SAVED), self.reload()))

        self.app.push_screen(TextDialog(S.MENT_GOALS_TITLE.format(pair=pair_title(self.card)),
                                        self.card.record.goals, hint=S.MENT_GOALS_HINT),
                             callback=edited)

    def action_close_pair(self) -> None:
        card = self.card
        if card is None:
            return
        if card.record.status == "действует":
            self.run_db(store_m.closing_facts, self.mentorship_id, done=self._ask_close)
            return

        def chosen(action: str | None) -> None:
            if action == "reopen":
                self.app.push_screen(ConfirmDialog(S.MENT_REOPEN_CONFIRM), callback=lambda yes: (
                    yes and self.run_db(store_m.reopen_mentorship, self.mentorship_id,
                                        done=lambda _: self.reload())))
            elif action == "result":
                self.app.push_screen(
                    TextDialog(S.MENT_RESULT_TITLE, card.record.result),
                    callback=lambda text: text is not None and self.run_db(
                        store_m.set_result, self.mentorship_id, text,
                        done=lambda _: self.reload()))

        self.app.push_screen(ActionChoiceDialog(
            pair_title(card), S.MENT_CLOSED_QUESTION.format(
                status=card.record.status, date=format_date(card.record.actual_end)),
            [("result", S.MENT_EDIT_RESULT), ("reopen", S.MENT_REOPEN)]), callback=chosen)

    def _ask_close(self, facts: tuple[rules.PairFacts, int, int]) -> None:
        pair, held, planned = facts
        card = self.card
        if card is None:
            return

        def closed(result: CloseResult | None) -> None:
            if result is None:
                return

            def done(_: None) -> None:
                say(self, S.MENT_CLOSED_DONE.format(status=result.status,
                                                      date=format_date(result.day)))
                self.reload()

            self.run_db(store_m.close_mentorship, self.mentorship_id, result.status, result.day,
                        result.result, done=done)

        self.app.push_screen(CloseDialog(pair_title(card), pair, held, planned, card.today,
                                         card.record.result), callback=closed)

    def action_back(self) -> None:
        self.dismiss()
