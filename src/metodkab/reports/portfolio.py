"""Портфолио к аттестации: the dossier a teacher attaches to a category application
(Приказ Минпросвещения № 196), built from what the school keeps — the person's data and
categories, and for the period since the last attestation (or 5 years) the courses, short
learning, achievements, ИОМ steps done, mentorship as mentor or mentee and diagnostics;
for «педагог-наставник» the mentees and their results, for «педагог-методист» the
methodical work.

Pure: storage/portfolio.py fetches the data; reports/docx.py holds the layout helpers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docx.document import Document

from metodkab import strings as S
from metodkab.domain.parse import add_years, format_date
from metodkab.reports import docx as W
from metodkab.reports.documents import Signers, initials_first
from metodkab.reports.names import GENITIVE, declined

YEARS_WITHOUT_ATTESTATION = 5
MENTOR, METHODIST = "педагог-наставник", "педагог-методист"

Rows = tuple[tuple[str, ...], ...]


def portfolio_period(day: dt.date, attestations: list[dt.date]) -> tuple[dt.date, bool]:
    """The period the dossier covers: from the last attestation on or before ``day`` (a
    category's decision or a СЗД), else the ``YEARS_WITHOUT_ATTESTATION`` years before
    ``day``. Returns (start, whether it is the last attestation)."""
    past = [d for d in attestations if d <= day]
    if past:
        return max(past), True
    return add_years(day, -YEARS_WITHOUT_ATTESTATION) + dt.timedelta(days=1), False


@dataclass(frozen=True)
class PortfolioDocument:
    signers: Signers
    day: dt.date
    period_start: dt.date
    since_attestation: bool
    person: str
    sex: str | None
    profile: tuple[tuple[str, str], ...]          # label, value
    categories: Rows                              # category, position, decided, until, order
    conformity: Rows                              # date, position, result, order
    courses: Rows                                 # end, title, provider, kind (short), hours, doc
    learning: Rows                                # date, kind, title, platform, hours
    achievements: Rows                            # date, kind, level, title, result, evidence
    steps: Rows                                   # done, goal, form, evidence
    as_mentor: Rows                               # mentees, form, dates, status, result
    as_mentee: Rows                               # mentor, form, dates, status
    diagnostics: Rows                             # date, kind, operator, result
    applies_for: tuple[str, ...] = ()             # categories held or open to the person
    methodical: Rows = ()                         # what, role/date for «педагог-методист»
    methodical_achievements: int = 0              # talks, publications … (in achievements)
    learning_hours: str = ""


def _table(out: Document, title: str, headers: tuple[str, ...], rows: Rows,
           widths: tuple[float, ...], align: tuple[str | None, ...] | None = None,
           empty: str = S.PF_NONE) -> None:
    W.heading(out, title, 2)
    if not rows:
        W.paragraph(out, empty, italic=True)
        return
    table = W.table(out, headers, widths=widths, align=align)
    for row in rows:
        W.add_row(table, list(row))


def portfolio_docx(doc: PortfolioDocument) -> Document:
    """The dossier: the person, the categories, then each kind of work in the period, and
    the signatures of the person and the deputy director."""
    out = W.new_document(title=S.PF_TITLE, day=doc.day)
    if doc.signers.school:
        W.paragraph(out, doc.signers.school, bold=True, align="center", space_after=12)
    W.title(out, S.PF_TITLE)
    W.paragraph(out, S.PF_OF.format(name=declined(doc.person, GENITIVE, doc.sex)),
                align="center", bold=True)
    period = S.PF_PERIOD_SINCE if doc.since_attestation else S.PF_PERIOD_YEARS
    W.paragraph(out, period.format(start=format_date(doc.period_start),
                                   end=format_date(doc.day), years=YEARS_WITHOUT_ATTESTATION),
                align="center", space_after=10)

    W.heading(out, S.PF_ABOUT)
    for label, value in doc.profile:
        W.labelled(out, f"{label}:", value)
    _table(out, S.PF_CATEGORIES, S.PF_CATEGORY_COLUMNS, doc.categories, (3, 4, 2.4, 2.4, 4),
           ("center", None, "center", "center", None), empty=S.PF_NO_CATEGORY)
    if doc.conformity:
        _table(out, S.PF_CONFORMITY, S.PF_CONFORMITY_COLUMNS, doc.conformity, (2.4, 4, 5, 4),
               ("center", None, None, None))

    W.heading(out, S.PF_WORK)
    _table(out, S.PF_COURSES, S.PF_COURSE_COLUMNS, doc.courses, (2.5, 6.5, 4, 1.4, 1.6, 3.5),
           ("center", None, None, "center", "center", None))
    _table(out, S.PF_LEARNING + (f" ({doc.learning_hours})" if doc.learning else ""),
           S.PF_LEARNING_COLUMNS, doc.learning, (2.5, 2.8, 7, 4, 1.6),
           ("center", None, None, None, "center"))
    _table(out, S.PF_ACHIEVEMENTS, S.PF_ACHIEVEMENT_COLUMNS, doc.achievements,
           (2.8, 3.9, 3.6, 4.8, 2.3, 3.4), ("center", None, None, None, None, None))
    _table(out, S.PF_STEPS, S.PF_STEP_COLUMNS, doc.steps, (2.5, 7, 3, 5),
           ("center", None, None, None))
    _table(out, S.PF_DIAGNOSTICS, S.PF_DIAGNOSTIC_COLUMNS, doc.diagnostics, (2.5, 5, 4, 4),
           ("center", None, None, None))
    if doc.as_mentee:
        _table(out, S.PF_AS_MENTEE, S.PF_MENTEE_COLUMNS, doc.as_mentee, (5, 4, 4, 3),
               (None, None, "center", None))
    mentor_title = S.PF_AS_MENTOR + (S.PF_FOR_CATEGORY.format(category=MENTOR)
                                     if MENTOR in doc.applies_for else "")
    if doc.as_mentor or MENTOR in doc.applies_for:
        _table(out, mentor_title, S.PF_MENTOR_COLUMNS, doc.as_mentor, (4.5, 3, 3.4, 2.2, 5),
               (None, None, "center", None, None))
    if doc.methodical or doc.methodical_achievements or METHODIST in doc.applies_for:
        # Each record once: talks, publications, master classes … stay under «Достижения»
        # (they are achievement records); this section names how many and where.
        elsewhere = (S.PF_METHODICAL_ELSEWHERE.format(count=doc.methodical_achievements,
                                                      section=S.PF_ACHIEVEMENTS)
                     if doc.methodical_achievements else "")
        _table(out, S.PF_METHODICAL + (S.PF_FOR_CATEGORY.format(category=METHODIST)
                                       if METHODIST in doc.applies_for else ""),
               S.PF_METHODICAL_COLUMNS, doc.methodical, (7, 4, 4), (None, None, "center"),
               empty=elsewhere or S.PF_NONE)
        if doc.methodical and elsewhere:
            W.paragraph(out, elsewhere, italic=True)

    W.paragraph(out, S.PF_SOURCE.format(date=format_date(doc.day)), italic=True, size=10)
    W.signature_line(out, S.PF_SIGN_PERSON, initials_first(doc.person), date_line=True)
    W.signature_line(out, S.DOC_ROLE_DEPUTY, initials_first(doc.signers.deputy),
                     date_line=True)
    return out
