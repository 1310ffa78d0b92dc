"""Fields for fast keyboard entry: a date typed as ДД.ММ, people chosen by typing a surname."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.validation import ValidationResult, Validator

from metodkab import strings as S
from metodkab.domain.parse import add_months, format_date, norm, parse_date, short_name
from metodkab.widgets.fields import ChoiceField, TextField, summary


_SHORT_DATE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-]?\s*$")
_LEAP_YEAR = 2000           # checks a typed day and month: 29.02 exists in some year


def nearest_date(day: int, month: int, near: dt.date, *, back: int = 3,
                 past: bool = False) -> dt.date:
    """The date of a day and month typed without a year.

    Ahead (deadlines, starts): the first such date on or after ``back`` months before
    ``near`` — typed in November, «15.03» is next March, «01.09» the last September.
    ``past`` (done dates): the latest such date on or before ``near``. 29.02 takes the
    nearest leap year in that direction."""
    if past:
        years = range(near.year, near.year - 8, -1)
    else:
        start = add_months(near, -back)
        years = range(start.year, start.year + 8)
    for year in years:
        try:
            candidate = dt.date(year, month, day)
        except ValueError:           # 29.02 in a year without it
            continue
        if (candidate <= near) if past else (candidate >= start):
            return candidate
    raise ValueError(S.PARSE_NO_SUCH_DATE)


class _ShortDateValidator(Validator):
    """The field's own reading of its text (``ShortDateField.parsed``), and «required»."""

    def __init__(self, field: ShortDateField, required: bool) -> None:
        super().__init__()
        self.field = field
        self.required = required

    def validate(self, value: str) -> ValidationResult:
        try:
            parsed = self.field.parse(value)
        except ValueError as exc:
            return self.failure(str(exc))
        if parsed is None and self.required:
            return self.failure(S.PROG_DATE_REQUIRED)
        return self.success()


class ShortDateField(TextField):
    """A date typed as ДД.ММ or in full as ДД.ММ.ГГГГ.

    A short date is read by ``nearest_date`` around ``near`` (today, or for a deadline
    being moved the later of it and today); with ``past`` (a done date) it is the latest
    such date up to ``near``. Without ``near`` the year is ``default_year``.
    On leaving the field a short date is written out in full, so the user sees the year.
    """

    def __init__(self, value: str = "", *, default_year: int, required: bool = False,
                 near: dt.date | None = None, back: int = 3, past: bool = False,
                 **kwargs) -> None:
        kwargs.setdefault("placeholder", S.PROG_DATE_PLACEHOLDER)
        kwargs.setdefault("max_length", 10)
        self.default_year = default_year
        self.near = near
        self.back = back
        self.past = past
        super().__init__(value, validators=[_ShortDateValidator(self, required)],
                         validate_on=["blur", "submitted"], **kwargs)

    def parse(self, text: str) -> dt.date | None:
        """``text`` as a date (None when empty); raises ValueError with a Russian message."""
        short = _SHORT_DATE.match(text)
        if short is None or self.near is None:
            return parse_date(text, default_year=self.default_year)
        parse_date(text, default_year=_LEAP_YEAR)          # day and month exist at all
        return nearest_date(int(short.group(1)), int(short.group(2)), self.near,
                            back=self.back, past=self.past)

    def parsed(self) -> dt.date | None:
        """The date typed (None when empty); raises ValueError with a Russian message."""
        return self.parse(self.value)

    def complete(self) -> None:
        """Write a valid short date out in full (ДД.ММ → ДД.ММ.ГГГГ)."""
        try:
            day = self.parsed()
        except ValueError:
            return
        if day is not None and self.value.strip() != format_date(day):
            self.value = format_date(day)

    def _on_blur(self, event: events.Blur) -> None:
        # Handlers run down the class hierarchy: Input validates the completed value next.
        self.complete()

    async def action_submit(self) -> None:
        self.complete()
        await super().action_submit()


def _short(full: str) -> str:
    parts = (full.split(" ", 2) + ["", ""])[:3]
    return short_name(*parts)


class PeopleField(ChoiceField):
    """One or more people, chosen by typing part of a surname.

    Type «ива»: the best match is shown beside the typed text; ↑/↓ go through the other
    matches, Enter adds the person. Backspace on an empty entry removes the last person,
    Del removes all, F4 opens the whole list. Enter with nothing typed goes to the next
    field. ``value`` is the tuple of chosen ids, as in a multiple ChoiceField.
    """

    BINDINGS = [
        Binding("f4", "choose", S.PROG_KEY_PEOPLE_LIST, key_display="F4"),
        Binding("enter", "accept", show=False),
        Binding("backspace", "backspace", show=False),
        Binding("delete", "clear", show=False),
        Binding("down", "next_match", show=False),
        Binding("up", "previous_match", show=False),
        Binding("escape", "drop_query", show=False),
    ]

    def __init__(self, options: Sequence[tuple[str, str]] = (), *,
                 names: Mapping[str, str] | None = None, value: Sequence[str] = (),
                 title: str = "", **kwargs) -> None:
        super().__init__(options, value=value, multiple=True, title=title, **kwargs)
        self.names: dict[str, str] = dict(names or {})
        self.typed = ""
        self.match_index = 0

    def on_mount(self) -> None:
        # Names and the match need more room than other fields of a form row.
        self.styles.width = "3fr"
        self.styles.max_width = 72

    # --- options ------------------------------------------------------------------------
    def set_people(self, options: Sequence[tuple[str, str]],
                   names: Mapping[str, str] | None = None) -> None:
        """``options``: who can be chosen; ``names``: names of everybody (dismissed too)."""
        self.names = dict(names or {})
        self.set_options(options)

    def label_of(self, key: str) -> str:
        return self.names.get(key) or super().label_of(key)

    def matches(self) -> list[tuple[str, str]]:
        """People whose surname (or another part of the name) contains the typed text;
        surnames that start with it first."""
        needle = norm(self.typed)
        if not needle:
            return []
        ranked = []
        for key, label in self.options:
            if key in self.value:
                continue
            words = norm(label).split()
            if not words:
                continue
            if words[0].startswith(needle):
                rank = 0
            elif any(w.startswith(needle) for w in words[1:]):
                rank = 2
            elif needle in words[0]:
                rank = 1
            elif needle in norm(label):
                rank = 3
            else:
                continue
            ranked.append((rank, norm(label), key, label))
        return [(key, label) for _, _, key, label in sorted(ranked)]

    # --- display ------------------------------------------------------------------------
    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        chosen = [_short(self.label_of(k)) for k in self.value]
        typing = Text()
        if self.typed:
            typing.append(self.typed, style="bold underline")
            found = self.matches()
            if found:
                index = min(self.match_index, len(found) - 1)
                typing.append(f" → {_short(found[index][1])}", style="italic")
                if len(found) > 1:
                    typing.append(f" ({index + 1}/{len(found)} ↑↓)", style="dim")
            else:
                typing.append(f" — {S.PROG_PEOPLE_NO_MATCH}", style="bold red")
        # The people chosen as many as fit («… и ещё N»), leaving room for what is typed.
        width = (self.content_size.width or 1000) - (typing.cell_len + 2 if self.typed else 0)
        text.append(summary(chosen, max(width, 12)))
        if self.typed:
            if chosen:
                text.append(", ")
            text.append_text(typing)
        elif not chosen:
            text.append(S.PROG_PEOPLE_HINT if self.has_focus else S.NOT_SELECTED, style="dim")
        return text

    def _on_blur(self, event: events.Blur) -> None:
        # Leaving with a surname typed: a single match is taken, anything else dropped.
        if self.typed:
            found = self.matches()
            self.typed = ""
            if len(found) == 1:
                self.set_value([*self.value, found[0][0]])
            self.refresh()

    # --- typing ---------------------------------------------------------------------------
    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character and (event.character != " " or self.typed):
            event.stop()
            event.prevent_default()
            self.typed += event.character
            self.match_index = 0
            self.refresh()

    def action_accept(self) -> None:
        if not self.typed:
            self.app.action_focus_next()
            return
        found = self.matches()
        if not found:
            self.app.bell()
            return
        key = found[min(self.match_index, len(found) - 1)][0]
        self.typed = ""
        self.match_index = 0
        self.set_value([*self.value, key])
        self.refresh()

    def action_backspace(self) -> None:
        if self.typed:
            self.typed = self.typed[:-1]
            self.match_index = 0
        elif self.value:
            self.set_value(self.value[:-1])
        self.refresh()

    def action_clear(self) -> None:
        self.typed = ""
        self.set_value([])
        self.refresh()

    def action_next_match(self) -> None:
        if not self.typed:
            raise SkipAction()
        count = len(self.matches())
        if count:
            self.match_index = (self.match_index + 1) % count
            self.refresh()

    def action_previous_match(self) -> None:
        if not self.typed:
            raise SkipAction()
        count = len(self.matches())
        if count:
            self.match_index = (self.match_index - 1) % count
            self.refresh()

    def action_drop_query(self) -> None:
        if not self.typed:
            raise SkipAction()
        self.typed = ""
        self.refresh()

    def action_choose(self) -> None:
        """F4: the whole list, with the chosen people ticked."""
        from metodkab.screens.dialogs import ChooserScreen

        options = list(self.options)
        known = {k for k, _ in options}
        options += [(k, self.label_of(k)) for k in self.value if k not in known]

        def chosen(result: list[str] | None) -> None:
            if result is not None:
                self.typed = ""
                self.set_value(result)
            self.refresh()
            self.focus()

        self.app.push_screen(ChooserScreen(self.title, options, selected=self.value,
                                           multiple=True), callback=chosen)
