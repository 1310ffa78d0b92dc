"""Marks that read without colour: «[x]» chosen, «[ ]» not.

Textual draws a chosen and an unchosen entry of a multi-choice list (and a checkbox) as
the same «▐X▌», apart only by colour; on a monochrome or 16-colour terminal they looked
the same. These show the difference in the characters themselves.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import SelectionType

MARK_ON = "[x]"
MARK_OFF = "[ ]"


def mark(chosen: bool) -> str:
    return MARK_ON if chosen else MARK_OFF


class MarkedSelectionList(SelectionList[SelectionType]):
    """A SelectionList whose entries start with «[x]» or «[ ]» (chosen ones bold too)."""

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        index = self.scroll_offset[1] + y
        try:
            selection = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        chosen = selection.value in self._selected
        base = next(iter(line)).style or self.rich_style
        style = base + Style(bold=chosen, meta={"option": index})
        return Strip([Segment(mark(chosen), style), Segment(" ", base), *line])


class MarkCheckbox(Checkbox):
    """A Checkbox drawn as «[x]» / «[ ]»."""

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.styled(mark(self.value), style)
