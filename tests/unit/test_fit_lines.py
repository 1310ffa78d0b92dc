"""widgets.table.fit_lines: a line of text in N lines of a box, cut at a word with «…»."""

from hypothesis import given, settings
from hypothesis import strategies as st

from metodkab.widgets.table import fit_lines


def wrapped(text: str, width: int) -> list[str]:
    """A second, simple word wrap: greedy, one space between words."""
    rows: list[str] = []
    for word in text.split():
        if rows and len(rows[-1]) + 1 + len(word) <= width:
            rows[-1] = f"{rows[-1]} {word}"
        else:
            rows.append(word)
    return rows


words = st.lists(st.text("абвгд;", min_size=1, max_size=9), min_size=1, max_size=30)


@settings(max_examples=150)
@given(words, st.integers(10, 40), st.integers(1, 3))
def test_fits_or_is_cut_after_a_whole_word(parts, width, lines):
    text = " ".join(parts)
    shown = fit_lines(text, width, lines)
    rows = wrapped(shown, width)
    assert len(rows) <= lines and all(len(row) <= width for row in rows)
    if len(wrapped(text, width)) <= lines:
        assert shown == text
    else:
        assert shown.endswith("…")
        kept = shown[:-1]
        assert text.startswith(kept)
        assert text[len(kept)] in " ;"        # the cut falls between words


def test_the_columns_line():
    text = "Столбцы: B «Фамилия» → Фамилия; C «Имя» → Имя; D «Отчество» → Отчество"
    assert fit_lines(text, 40, 1) == "Столбцы: B «Фамилия» → Фамилия; C «Имя»…"
    assert fit_lines(text, 40, 2) == text
