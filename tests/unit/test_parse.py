"""Parsers and formatters of values as Russian users type them (domain/parse.py)."""

import datetime as dt

import pytest

from metodkab.domain.parse import (
    add_months,
    add_years,
    clean_name_part,
    clean_snils,
    format_date,
    full_name,
    norm,
    parse_date,
    short_name,
    years_between,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05.03.2024", D(2024, 3, 5)),
        ("5.3.2024", D(2024, 3, 5)),
        (" 05.03.2024 ", D(2024, 3, 5)),
        ("05/03/2024", D(2024, 3, 5)),
        ("05-03-2024", D(2024, 3, 5)),
        ("2024-03-05", D(2024, 3, 5)),
        ("29.02.2024", D(2024, 2, 29)),
        ("05.03.24", D(2024, 3, 5)),
        ("31.12.99", D(1999, 12, 31)),          # a sliding century: 99 is 1999
        ("01.09.21", D(2021, 9, 1)),
    ],
)
def test_parse_date_accepts_russian_and_iso_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("value", [None, "", "   "])
def test_parse_date_empty_is_none(value):
    assert parse_date(value) is None


def test_parse_date_passes_dates_through():
    assert parse_date(D(2024, 3, 5)) == D(2024, 3, 5)
    assert parse_date(dt.datetime(2024, 3, 5, 14, 30)) == D(2024, 3, 5)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31.02.2024", "Такой даты нет в календаре"),
        ("29.02.2023", "Такой даты нет в календаре"),
        ("00.01.2024", "Такой даты нет в календаре"),
        ("01.13.2024", "Такой даты нет в календаре"),
        ("2024-02-30", "Такой даты нет в календаре"),
        ("01.01.1899", "Год должен быть от 1900 до 2100"),
        ("01.01.2101", "Год должен быть от 1900 до 2100"),
        ("вчера", "Дата вводится как ДД.ММ.ГГГГ"),
        ("2024.03.05", "Дата вводится как ДД.ММ.ГГГГ"),
        ("05.03.202", "Дата вводится как ДД.ММ.ГГГГ"),
        ("05.03", "Укажите год: дата вводится как ДД.ММ.ГГГГ"),
    ],
)
def test_parse_date_rejects_with_russian_message(text, message):
    with pytest.raises(ValueError) as info:
        parse_date(text)
    assert str(info.value) == message


def test_parse_date_day_and_month_with_default_year():
    assert parse_date("05.03", default_year=2026) == D(2026, 3, 5)
    assert parse_date("5.3", default_year=2026) == D(2026, 3, 5)
    # A full date keeps its own year.
    assert parse_date("05.03.2024", default_year=2026) == D(2024, 3, 5)
    with pytest.raises(ValueError, match="Такой даты нет"):
        parse_date("29.02", default_year=2026)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(D(2024, 3, 5), "05.03.2024"), ("2024-03-05", "05.03.2024"), (None, ""), ("", "")],
)
def test_format_date(value, expected):
    assert format_date(value) == expected


def test_format_and_parse_are_inverse():
    day = D(1987, 12, 1)
    assert parse_date(format_date(day)) == day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ёлкина Алёна", "елкина алена"),
        ("ЁЛКИНА  АЛЁНА ", "елкина алена"),
        ("  Иванова\tМария  ", "иванова мария"),
        ("", ""),
        (None, ""),
    ],
)
def test_norm_lower_case_yo_and_spaces(text, expected):
    assert norm(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("иванова", "Иванова"),
        ("ИВАНОВА", "Иванова"),
        ("  Иванова  ", "Иванова"),
        ("римский-корсаков", "Римский-Корсаков"),
        ("РИМСКИЙ - КОРСАКОВ", "Римский-Корсаков"),
        ("оглы", "Оглы"),
        ("МакДональд", "МакДональд"),     # mixed case is kept as typed
        ("Ёлкина", "Ёлкина"),
        ("мамед  оглы", "Мамед Оглы"),
    ],
)
def test_clean_name_part_normalises_capitals(text, expected):
    assert clean_name_part(text) == expected


@pytest.mark.parametrize("text", ["Иванов1", "Иванов!", "-Иванов", "Иванов-", "Ива_нов", "И.И."])
def test_clean_name_part_rejects_bad_characters(text):
    with pytest.raises(ValueError, match="Только буквы, дефис и пробел"):
        clean_name_part(text)


def test_clean_name_part_required_and_optional():
    with pytest.raises(ValueError, match="Заполните поле"):
        clean_name_part("   ")
    assert clean_name_part("", required=False) == ""


def test_full_and_short_name():
    assert full_name("Иванова", "Мария", "Петровна") == "Иванова Мария Петровна"
    assert full_name("Смит", "Джон") == "Смит Джон"
    assert short_name("Иванова", "Мария", "Петровна") == "Иванова М. П."
    assert short_name("Смит", "Джон") == "Смит Д."


@pytest.mark.parametrize("text", ["112-233-445 95", "11223344595", " 112 233 445 95 "])
def test_clean_snils_valid_formats(text):
    assert clean_snils(text) == "112-233-445 95"


def test_clean_snils_empty():
    assert clean_snils("") == ""
    assert clean_snils(None) == ""


def test_clean_snils_control_number_rules():
    # Weights 9..1: under 100 the sum is the control number; over 101 it is taken mod 101.
    assert clean_snils("112-233-445 95") == "112-233-445 95"          # sum 95 < 100
    assert clean_snils("123-456-789 64") == "123-456-789 64"          # sum 165 → 165 % 101 = 64
    assert clean_snils("001-508-815 00") == "001-508-815 00"          # sum 100 → 00
    assert clean_snils("001-437-544 00") == "001-437-544 00"          # sum 101 → 00
    assert clean_snils("001-318-759 01") == "001-318-759 01"          # sum 102 → 1
    assert clean_snils("006-996-682 00") == "006-996-682 00"          # sum 201 → 100 → 00
    with pytest.raises(ValueError):
        clean_snils("001-508-815 99")
    # Numbers up to 001-001-998 are not checked.
    assert clean_snils("001-001-998 00") == "001-001-998 00"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("112-233-445 96", "Неверное контрольное число СНИЛС"),
        ("123-456-789 00", "Неверное контрольное число СНИЛС"),
        ("112-233-445", "СНИЛС — 11 цифр: ХХХ-ХХХ-ХХХ ХХ"),
        ("112-233-445 9A", "СНИЛС — 11 цифр: ХХХ-ХХХ-ХХХ ХХ"),
        ("112-233-445 951", "СНИЛС — 11 цифр: ХХХ-ХХХ-ХХХ ХХ"),
    ],
)
def test_clean_snils_rejects(text, message):
    with pytest.raises(ValueError) as info:
        clean_snils(text)
    assert str(info.value) == message


def _snils_control(number: str) -> int:
    total = sum(int(d) * (9 - i) for i, d in enumerate(number))
    while total > 101:
        total %= 101
    return 0 if total in (100, 101) else total


@pytest.mark.parametrize("number", ["100000009", "111111111", "999999999", "000100000"])
def test_clean_snils_against_reference_checksum(number):
    control = _snils_control(number)
    text = f"{number}{control:02d}"
    assert clean_snils(text).replace("-", "").replace(" ", "") == text


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (D(1990, 5, 10), D(2025, 5, 9), 34),
        (D(1990, 5, 10), D(2025, 5, 10), 35),
        (D(1990, 5, 10), D(2025, 5, 11), 35),
        (D(2000, 2, 29), D(2025, 2, 28), 24),
        (D(2000, 2, 29), D(2025, 3, 1), 25),
        (D(2000, 2, 29), D(2024, 2, 29), 24),
        (D(2025, 1, 1), D(2024, 1, 1), 0),
    ],
)
def test_years_between(start, end, years):
    assert years_between(start, end) == years


def test_add_years_on_29_february():
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert add_years(D(2024, 2, 29), -3) == D(2021, 2, 28)
    assert add_years(D(2024, 3, 1), -3) == D(2021, 3, 1)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2025, 3, 31), 1, D(2025, 4, 30)),
        (D(2025, 8, 31), 6, D(2026, 2, 28)),
        (D(2025, 11, 15), 2, D(2026, 1, 15)),
        (D(2025, 3, 31), -1, D(2025, 2, 28)),
        (D(2026, 1, 15), -13, D(2024, 12, 15)),
        (D(2025, 5, 20), 0, D(2025, 5, 20)),
    ],
)
def test_add_months_keeps_end_of_month(day, months, expected):
    assert add_months(day, months) == expected
