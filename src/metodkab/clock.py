"""An injectable clock: "today" and "now" are parameters, so tests are deterministic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Clock:
    """The real clock, or a frozen one when ``frozen`` is given.

    ``wall_time``: the day is frozen (``--today``, a demo built now) but the journal's
    time of a change (``stamp()``) stays the real time — who changed what and when is a
    fact, never a made-up «12:00» of the chosen day. Tests freeze both for deterministic
    screens."""

    frozen: dt.date | None = None
    wall_time: bool = False

    def today(self) -> dt.date:
        return self.frozen or dt.date.today()

    def now(self) -> dt.datetime:
        if self.frozen is not None:
            return dt.datetime.combine(self.frozen, dt.time(12, 0))
        return dt.datetime.now().replace(microsecond=0)

    def stamp(self) -> dt.datetime:
        """The time the journal records a change at."""
        return dt.datetime.now().replace(microsecond=0) if self.wall_time else self.now()


SYSTEM_CLOCK = Clock()
