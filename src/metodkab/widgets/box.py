"""The box every modal dialog is: one ``Vertical`` in the middle of the screen, framed,
on the surface colour. A dialog's own CSS says only where it differs (its width, mostly;
a warning's or an error's border, a taller box, more padding)."""

from __future__ import annotations

from textual.screen import ModalScreen, ScreenResultType


class BoxDialog(ModalScreen[ScreenResultType]):
    """See the module's docstring."""

    DEFAULT_CSS = """
    BoxDialog { align: center middle; }
    BoxDialog > Vertical {
        width: 72; max-width: 98%; height: auto; border: thick $primary;
        background: $surface; padding: 0 1;
    }
    """
