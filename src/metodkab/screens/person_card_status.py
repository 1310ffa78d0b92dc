"""The person card's «Аттестация» status: the categories held (their terms, as the
source stated them: «до 2026 г.» for a decision known only by its year), the СЗД state
of a person without a category and what the person may apply for — as text."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rich.text import Text

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.parse import format_date
from metodkab.reports import attestation as rules_a
from metodkab.storage.attestation import PersonAttestation


def attestation_text(att: PersonAttestation, day: dt.date, *, employed: bool = True) -> Text:
    """Categories held (with the application deadline when one is ending), the СЗД state
    of a person without a category, and what they may apply for — the last two only while
    the person is employed."""
    if not employed:
        att = dataclasses.replace(att, conformity_state=None, eligibility=[])
    text = Text()
    for cat in att.held:
        text.append(S.ATT_HOLDS.format(category=cat.category, position=cat.position))
        if rules_a.needs_date(cat):
            text.append(S.ATT_HOLDS_CLARIFY, style="bold yellow")
        end = rules_a.term_end(cat.decision_date, cat.valid_until, cat.decision_precision)
        if end is None:
            if not rules_a.needs_date(cat):
                text.append(S.ATT_INDEFINITE, style="dim")
        elif rules_a.term_unsure(cat, day):      # a year-only decision: the day decides
            text.append(S.ATT_UNTIL.format(date=rules_a.until_text(
                cat.decision_date, cat.valid_until, cat.decision_precision,
                cat.until_precision)), style="yellow")
            text.append(S.ATT_TERM_CLARIFY_UNTIL if rules_a.until_by_year(
                cat.valid_until, cat.until_precision) else S.ATT_TERM_CLARIFY, style="bold yellow")
        else:
            level = rules_a.expiry_level(end, day)
            style = {"red": "bold red", "warn": "yellow"}.get(level or "", "")
            text.append(S.ATT_UNTIL.format(date=rules_a.until_text(
                cat.decision_date, cat.valid_until, cat.decision_precision,
                cat.until_precision)), style=style)
            if level:
                text.append(S.ATT_APPLY_BY.format(
                    date=format_date(rules_a.apply_by(end))), style=style)
        text.append("\n")
    for row in att.categories:              # no longer counted held, the day may say it is
        if row.clarify and not row.current:
            text.append(S.ATT_HOLDS.format(category=row.category, position=row.position))
            text.append(S.ATT_UNTIL.format(date=rules_a.until_text(
                row.decision_date, row.valid_until, row.decision_precision,
                row.until_precision)), style="yellow")
            text.append((S.ATT_TERM_CLARIFY_UNTIL if rules_a.until_by_year(
                row.valid_until, row.until_precision) else S.ATT_TERM_CLARIFY) + "\n",
                style="bold yellow")
    state = att.conformity_state
    if state is not None:
        text.append(S.ATT_NO_CATEGORY, style="bold")
        if state.state == "exempt":
            text.append(S.ATT_EXEMPT.format(reason=state.reason), style="dim")
            if state.until:
                text.append(S.ATT_EXEMPT_UNTIL.format(date=format_date(state.until)),
                            style="dim")
        else:
            failed = False
            if state.last:
                text.append(S.ATT_LAST_CONFORMITY.format(date=rules_a.decision_text(
                    state.last, "year" if state.year_only else "day")))
                # «не соответствует» is not a pass: no green «следующая … до» five years on.
                result = next((r.result for r in att.conformity
                               if r.date == state.last and r.result), None)
                failed = result == V.CONFORMITY_RESULTS[1]
                if failed:
                    text.append(S.ATT_CONFORMITY_FAILED, style="bold red")
            if failed:
                pass                            # no next date to promise
            elif state.due and state.state == "clarify":    # known by its year: the day decides
                due = rules_a.decision_text(state.due, "year")
                if state.last is None:      # owed once a category known by its year ends
                    text.append(S.ATT_CONFORMITY_AFTER_TERM.format(date=due), style="bold yellow")
                else:
                    text.append(S.ATT_NEXT_CONFORMITY.format(date=due), style="yellow")
                    text.append(S.ATT_CONFORMITY_CLARIFY_DAY, style="bold yellow")
            elif state.due:
                style = {"due": "bold red", "soon": "yellow"}.get(state.state, "green")
                line = S.ATT_CONFORMITY_DUE_ON if state.state == "due" else S.ATT_NEXT_CONFORMITY
                text.append(line.format(date=rules_a.decision_text(
                    state.due, "year" if state.year_only else "day")), style=style)
            elif state.state == "due":
                text.append(S.ATT_CONFORMITY_NO_DATA, style="bold red")
            elif state.state == "clarify":
                text.append(S.ATT_CONFORMITY_CLARIFY, style="bold yellow")
        text.append("\n")
    for item in att.eligibility:
        text.append(S.ATT_MAY_APPLY.format(
            targets=", ".join(item.targets), position=item.position,
            holds=item.holds.category, since=rules_a.decision_text(
                item.holds.decision_date, item.holds.decision_precision)),
            style="yellow" if item.clarify else "green")
        if item.clarify:
            text.append(S.ATT_ELIGIBLE_CLARIFY, style="bold yellow")
        text.append("\n")
    text.rstrip()
    return text
