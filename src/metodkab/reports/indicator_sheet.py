"""Indicators as a sheet of the one workbook writer (the school's Показатели export and the
office's consolidated report): a share is a percent column of its own, never mixed with
counts; a count and its base are numbers; a ratio (pairs per mentor) has its own column;
the target is written as it reads, «≥ 30 %» or «≤ 10 %»."""

from __future__ import annotations

from metodkab import strings as S
from metodkab.reports import indicators as ri
from metodkab.reports.xlsx import Column


def number_text(value: float) -> str:
    """27,5 · 4 (a whole number without a decimal), with a decimal comma."""
    return (f"{value:.1f}" if not float(value).is_integer() else str(int(value))).replace(".", ",")


def target_text(result: ri.Result) -> str:
    """«≥ 30 %», «≤ 10 %», «≥ 4,25» — the target with its direction and every decimal it
    was set with; blank without one."""
    from metodkab.reports.programme import format_target

    if result.target is None:
        return ""
    sign = "≤" if result.lower_is_better else "≥"
    unit = " %" if result.kind == ri.SHARE else ""
    return f"{sign} {format_target(result.target)}{unit}"


def figure_columns() -> list[Column]:
    """Доля (%), Число, Из, Среднее, Цель, Статус — after the caller's own columns."""
    return [Column(S.XLS_IND_SHARE, 9, percent=True), Column(S.IND_COL_COUNT, 8),
            Column(S.IND_COL_BASE, 8), Column(S.XLS_IND_RATIO, 9, "0.0"),
            Column(S.IND_COL_TARGET, 9), Column(S.IND_COL_STATUS, 14)]


def figure_cells(result: ri.Result) -> list:
    """The cells under ``figure_columns``: the share only for a share, the base only where
    the figure has one, the ratio only for a ratio."""
    share = result.percent if result.kind == ri.SHARE else None
    ratio = result.value if result.kind == ri.RATIO else None
    base = result.base if result.kind != ri.COUNT else None
    return [share, result.count, base, ratio, target_text(result), result.status]
