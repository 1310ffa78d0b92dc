"""The teacher's growth as rules over plain facts: who of the pedagogical staff has an
achievement at municipal level or higher, took part in or won a professional contest,
shared their practice (an open lesson, a master class, a talk), or learnt in short
formats (самообразование) in a period.

Each rule returns the ids of the people it counts; reports/indicators.py turns them into
figures over P(D) (its registry is the one every screen, export, packet and the office
reads). Short learning is kept apart from training: no rule here or in reports/training.py
counts it as ПК. Nothing here touches the database or the UI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from metodkab.domain import values as V

CONTEST = "конкурс профмастерства"
SHARING_KINDS = ("открытый урок", "мастер-класс", "выступление")
WINNING_RESULTS = ("победитель", "призёр", "лауреат")
MUNICIPAL_OR_HIGHER = V.ACHIEVEMENT_LEVELS[1:]        # муниципальный … международный


@dataclass(frozen=True)
class AchievementFact:
    staff_id: str
    kind: str
    level: str
    date: dt.date
    result: str = ""


@dataclass(frozen=True)
class LearningFact:
    staff_id: str
    date: dt.date
    hours: float


def in_period(day: dt.date, start: dt.date, end: dt.date, report_day: dt.date) -> bool:
    """Within [start, end] and not after the report date (a record dated ahead is a plan)."""
    return start <= day <= end and day <= report_day


def _ids(facts: Iterable, start: dt.date, end: dt.date, day: dt.date, test) -> set[str]:
    return {f.staff_id for f in facts if in_period(f.date, start, end, day) and test(f)}


def municipal_or_higher(facts: Iterable[AchievementFact], start: dt.date, end: dt.date,
                        day: dt.date) -> set[str]:
    """People with an achievement of any kind at municipal level or higher in the period."""
    return _ids(facts, start, end, day, lambda f: f.level in MUNICIPAL_OR_HIGHER)


def contest_participants(facts: Iterable[AchievementFact], start: dt.date, end: dt.date,
                         day: dt.date) -> set[str]:
    """People who took part in a professional contest (any level, any result) in the period."""
    return _ids(facts, start, end, day, lambda f: f.kind == CONTEST)


def contest_winners(facts: Iterable[AchievementFact], start: dt.date, end: dt.date,
                    day: dt.date) -> set[str]:
    """People who won a professional contest in the period: winner, prize-winner or
    laureate (a participant is not a winner)."""
    return _ids(facts, start, end, day,
                lambda f: f.kind == CONTEST and f.result in WINNING_RESULTS)


def shared_practice(facts: Iterable[AchievementFact], start: dt.date, end: dt.date,
                    day: dt.date) -> set[str]:
    """People who shared their practice with colleagues in the period: an open lesson, a
    master class or a talk (any level)."""
    return _ids(facts, start, end, day, lambda f: f.kind in SHARING_KINDS)


def short_learners(facts: Iterable[LearningFact], start: dt.date, end: dt.date,
                   day: dt.date) -> set[str]:
    """People with any short learning (lecture, webinar, seminar, online course under
    16 hours) in the period."""
    return _ids(facts, start, end, day, lambda f: True)


def learning_hours(facts: Iterable[LearningFact], start: dt.date, end: dt.date,
                   day: dt.date, people: Iterable[str]) -> float:
    """Hours of short learning of ``people`` in the period."""
    wanted = set(people)
    return sum(f.hours for f in facts
               if f.staff_id in wanted and in_period(f.date, start, end, day))
