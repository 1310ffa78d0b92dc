"""An injectable clock: "today" and "now" are parameters, so tests are deterministic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Clock:
    """The real clock, or a frozen one when ``frozen`` is given.

    ``wall_time`` freezes only the day: ``now()`` stays the real time (a demo built now is
    stamped in the journal when it was built, never at a made-up «12:00»); tests freeze
    both for deterministic screens."""

    frozen: dt.date | None = None
    wall_time: bool = False

    def today(self) -> dt.date:
        return self.frozen or dt.date.today()

    def now(self) -> dt.datetime:
        if self.frozen is not None and not self.wall_time:
            return dt.datetime.combine(self.frozen, dt.time(12, 0))
        return dt.datetime.now().replace(microsecond=0)


SYSTEM_CLOCK = Clock()
