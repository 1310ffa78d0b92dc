"""What the tables of every screen share: column widths that fit the terminal, a person's
name that fits its column, and the row under the cursor."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from rich.cells import cell_len, set_cell_size
from textual.widgets import DataTable

from metodkab.domain.parse import short_name

T = TypeVar("T")


def shorten(name: str) -> str:
    """Фамилия Имя Отчество → Фамилия И. О."""
    parts = (name.split(" ", 2) + ["", ""])[:3]
    return short_name(*parts)


def fit_name(name: str, width: int) -> str:
    return name if len(name) <= width else shorten(name)


def fit_text(text: str, width: int) -> str:
    """One cell's text in ``width`` cells: as it is, or cut with «…» (a table crops a long
    course name or journal line silently, as if that were all of it)."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)).rstrip() + "…"


def _wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped at spaces into lines of ``width`` cells (a longer word alone)."""
    rows: list[str] = []
    for word in text.split():
        if rows and cell_len(rows[-1]) + 1 + cell_len(word) <= width:
            rows[-1] += " " + word
        else:
            rows.append(word)
    return rows


def fit_lines(text: str, width: int, lines: int) -> str:
    """``text`` in at most ``lines`` lines of ``width`` cells: as it is, or cut at a word
    boundary with «…» (a line cropped by its box stopped mid-word, as if that were all)."""
    rows = _wrap(text, width)
    if len(rows) <= lines and all(cell_len(row) <= width for row in rows):
        return text
    words = " ".join(rows[:lines]).split(" ")
    while words:                        # the words that fit, «…» after the last of them
        kept = " ".join(words).rstrip(";,:") + "…"
        wrapped = _wrap(kept, width)
        if len(wrapped) <= lines and all(cell_len(row) <= width for row in wrapped):
            return kept
        words.pop()
    return fit_text(text, width)


def fit_names(names: Iterable[str], width: int) -> list[str]:
    """A column of names alike: all in full, or all as «Фамилия И. О.» when one does not
    fit (a lone «Семёнова Е. А.» among full names read as another kind of entry)."""
    names = list(names)
    short = any(len(name) > width for name in names)
    return [shorten(name) if short else name for name in names]



def column_widths(total: int, fixed: dict[str, int], shares: dict[str, float],
                  order: tuple[str, ...], fit: dict[str, int] | None = None
                  ) -> dict[str, int]:
    """Widths of a table ``total`` cells wide: fixed columns as given, the rest shared.
    ``fit`` gives, for a fixed column, the widest text it holds now (its title and rows):
    the column narrows to it and the shared ones take what it leaves (a kind column 18
    wide for «ШМО» left the names cut with the line half empty)."""
    if fit:
        fixed = {k: min(width, max(fit.get(k, width), 1)) for k, width in fixed.items()}
    padding = 2 * len(order) + 2
    flex = max(total - padding - sum(fixed[k] for k in order if k in fixed), 20)
    share_sum = sum(shares[k] for k in order if k in shares) or 1
    widths = {k: max(int(flex * shares[k] / share_sum), 6) for k in order if k in shares}
    return {**widths, **{k: fixed[k] for k in order if k in fixed}}


def set_columns(table: DataTable, columns: Iterable[str], titles: dict[str, str],
                widths: dict[str, int]) -> None:
    """The table emptied and given ``columns`` (their keys), each titled and sized."""
    table.clear(columns=True)
    for key in columns:
        table.add_column(titles[key], key=key, width=widths[key])


def current_key(table: DataTable) -> str | None:
    if not table.row_count or table.cursor_row is None:
        return None
    try:
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
    except Exception:
        return None


def row_at_cursor(table: DataTable, rows: Iterable[T], key: str = "id") -> T | None:
    """The one of ``rows`` whose ``key`` attribute is the key of the row under the cursor."""
    current = current_key(table)
    return next((r for r in rows if getattr(r, key) == current), None)


def move_to_key(table: DataTable, key: str | None) -> None:
    """Put the cursor back on the row ``key`` if it is still in the table."""
    if key:
        try:
            table.move_cursor(row=table.get_row_index(key))
        except Exception:
            pass


def cursor_keys(tables: Iterable[DataTable], pending: dict[str, str] | None = None
                ) -> dict[str, str | None]:
    """Where each table's cursor is, by the table's id — or where it should go: a record
    just added or opened, taken out of ``pending`` (by table id)."""
    pending = {} if pending is None else pending
    return {table.id or "": pending.pop(table.id or "", None) or current_key(table)
            for table in tables}


def restore_cursor(table: DataTable, keys: dict[str, str | None]) -> None:
    """Put the cursor back on the row ``keys`` (from ``cursor_keys``) holds for ``table``."""
    move_to_key(table, keys.get(table.id or ""))
