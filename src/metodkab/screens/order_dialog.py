"""Ctrl+W in the mentorship register: the order assigning mentors, for the pairs that have
no order yet. The dialog lists them all marked; Space unmarks a pair the order should not
name, Ctrl+S writes the order for the marked ones (the usual folder question follows)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, SelectionList, Static

from metodkab import strings as S
from metodkab.storage.documents import OrderCandidate, order_candidates
from metodkab.widgets.box import BoxDialog
from metodkab.widgets.marks import MarkedSelectionList
from metodkab.widgets.text import plain


class OrderPairsDialog(BoxDialog[list[str] | None]):
    """The pairs without an order, all marked. Dismisses with the marked ids (None: Esc)."""

    DEFAULT_CSS = """
    OrderPairsDialog > Vertical { width: 76; max-height: 90%; }
    OrderPairsDialog #order-title { text-style: bold; width: 1fr; margin-bottom: 1; }
    OrderPairsDialog #order-pairs { height: auto; max-height: 14; }
    OrderPairsDialog #order-error { color: $error; height: auto; }
    OrderPairsDialog .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "write", S.DOC_KEY_PRINT, key_display="Ctrl+S"),
        Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc"),
    ]

    def __init__(self, candidates: list[OrderCandidate]) -> None:
        super().__init__()
        self.candidates = candidates

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(S.DOC_ORDER_PICK_TITLE, id="order-title")
            yield MarkedSelectionList[str](*((plain(c.label), c.id, True)
                                             for c in self.candidates),
                                           id="order-pairs")
            yield Static("", id="order-error")
            yield Static(S.DOC_ORDER_PICK_HINT, classes="hint")

    def on_mount(self) -> None:
        self.query_one("#order-pairs", SelectionList).focus()

    @on(SelectionList.SelectedChanged, "#order-pairs")
    def _clear_error(self) -> None:
        self.query_one("#order-error", Static).update("")

    def action_write(self) -> None:
        marked = set(self.query_one("#order-pairs", SelectionList).selected)
        ids = [c.id for c in self.candidates if c.id in marked]     # in the list's order
        if not ids:
            self.query_one("#order-error", Static).update(S.DOC_ORDER_PICK_EMPTY)
            return
        self.dismiss(ids)

    def action_cancel(self) -> None:
        self.dismiss(None)


def print_order(screen) -> None:
    """From a screen with ``run_db``: load the pairs without an order, let the user unmark
    some, then write the order for the rest through the usual export flow."""
    from metodkab.screens.dialogs import MessageDialog
    from metodkab.screens.documents_export import write_mentorship_order
    from metodkab.screens.export import start_export

    app = screen.app

    def chosen(ids: list[str] | None) -> None:
        if ids:
            start_export(screen, write_mentorship_order, ids, title=S.DOC_KEY_PRINT)

    def loaded(candidates: list[OrderCandidate]) -> None:
        if not candidates:
            app.push_screen(MessageDialog(S.DOC_ORDER_PICK_NONE, title=S.DOC_KEY_PRINT,
                                          notice=True))
            return
        app.push_screen(OrderPairsDialog(candidates), chosen)

    screen.run_db(order_candidates, done=loaded)
