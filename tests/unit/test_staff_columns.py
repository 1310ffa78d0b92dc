"""Кадры at any width: the columns share the width, long cells use the school's short
forms and an ellipsis, never a silent cut."""

import pytest

from metodkab.screens.staff import column_widths, fit_cell


def test_a_cell_that_fits_is_kept_whole():
    assert fit_cell("учитель, заместитель директора", 40) == "учитель, заместитель директора"


def test_short_forms_when_the_full_text_does_not_fit():
    assert fit_cell("заместитель директора", 15) == "зам. директора"
    assert fit_cell("русский язык, литература", 18) == "рус. яз., лит-ра"
    assert fit_cell("социальный педагог", 15) == "соц. педагог"


def test_an_ellipsis_when_even_the_short_forms_do_not_fit():
    cell = fit_cell("заместитель директора, учитель", 15)
    assert cell == "зам. директора…" and len(cell) == 15
    cell = fit_cell("математика, информатика", 11)
    assert cell == "матем., ин…" and len(cell) == 11
    assert fit_cell("химия, биология", 7) == "химия…"     # no dangling comma


@pytest.mark.parametrize("total", [80, 100, 120, 200])
def test_columns_fill_the_width(total):
    widths = column_widths(total)
    assert sum(widths.values()) + 2 * len(widths) + 4 == total
    assert widths["name"] >= 16 and widths["positions"] >= len("зам. директора")


def test_narrower_than_80_keeps_every_column_readable():
    assert min(column_widths(50).values()) >= 4


def test_wide_terminals_give_subjects_room():
    assert column_widths(120)["subjects"] >= 24
