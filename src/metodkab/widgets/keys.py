"""Key bindings that many screens bind alike: one definition, one help text."""

from __future__ import annotations

from textual.binding import Binding

from metodkab import strings as S

OPEN_KEY = Binding("f4", "open", S.KEY_OPEN, key_display="Enter/F4", id="open", show=False)
REMOVE_KEY = Binding("delete", "remove", S.KEY_DELETE, key_display="Del", id="remove",
                     show=False)
# From the search box too (the focus on arriving): the search line's own Ctrl+K (delete to
# the end) took it, and the key did nothing and said nothing.
CARD_KEY = Binding("ctrl+k", "card", S.TR_KEY_CARD, key_display="Ctrl+K", id="card",
                   show=False, priority=True)
EXPORT_KEY = Binding("ctrl+e", "export", S.XLS_KEY_EXPORT, key_display="Ctrl+E", show=False,
                     id="export", priority=True)       # also from the search box
BACK_KEY = Binding("escape", "back", S.KEY_BACK, key_display="Esc", id="back", show=False)


def page_keys(*, priority: bool = False) -> list[Binding]:
    """Ctrl+PgDn / Ctrl+PgUp: the next and the previous page (``action_page``)."""
    return [Binding("ctrl+pagedown", "page(1)", S.KEY_NEXT_PAGE, key_display="Ctrl+PgDn",
                    show=False, priority=priority),
            Binding("ctrl+pageup", "page(-1)", S.KEY_PREV_PAGE, key_display="Ctrl+PgUp",
                    show=False, priority=priority)]
