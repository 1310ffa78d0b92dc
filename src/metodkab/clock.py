"""An injectable clock: "today" and "now" are parameters, so tests are deterministic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Clock:
    """The real clock, or a frozen one when ``frozen`` is given."""

    frozen: dt.date | None = None

    def today(self) -> dt.date:
        return self.frozen or dt.date.today()

    def now(self) -> dt.datetime:
        if self.frozen is not None:
            return dt.datetime.combine(self.frozen, dt.time(12, 0))
        return dt.datetime.now().replace(microsecond=0)


SYSTEM_CLOCK = Clock()
