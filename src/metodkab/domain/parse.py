"""Parsers and formatters for values as Russian users type them.

Every parser raises ``ValueError`` with a Russian message the forms show as is.
"""

from __future__ import annotations

import datetime as dt
import re

from metodkab import strings as S

DATE_FORMAT = "%d.%m.%Y"
_RU_DATE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
MIN_YEAR = 1900
MAX_YEAR = 2100


def parse_date(value: object, *, default_year: int | None = None) -> dt.date | None:
    """Read a date typed as ДД.ММ.ГГГГ or ГГГГ-ММ-ДД; '' and None give None.

    With ``default_year``, ДД.ММ is accepted too (the form of a deadline in the current year).
    A two-digit year is taken in a sliding century: up to ten years ahead of today it is
    20ГГ, otherwise 19ГГ (a birth date typed «15.03.85» is 1985).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if m := _ISO_DATE.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _RU_DATE.match(text):
        day, month = int(m.group(1)), int(m.group(2))
        if m.group(3) is None:
            if default_year is None:
                raise ValueError(S.PARSE_NEED_YEAR)
            year = default_year
        else:
            year = int(m.group(3))
            if len(m.group(3)) == 2:   # a sliding century: "85" is 1985, "21" is 2021
                year += 2000 if year <= dt.date.today().year % 100 + 10 else 1900
    else:
        raise ValueError(S.PARSE_DATE_FORMAT)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(S.PARSE_YEAR_RANGE.format(min=MIN_YEAR, max=MAX_YEAR))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(S.PARSE_NO_SUCH_DATE) from None


def format_date(value: dt.date | str | None) -> str:
    """ДД.ММ.ГГГГ for a date or an ISO string; '' for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return value.strftime(DATE_FORMAT)


def format_end(value: dt.date | str | None, precision: str = "day") -> str:
    """A course's end as its source stated it: ДД.ММ.ГГГГ, or «2023 г.» when only the
    year is known (``precision`` "year", models.Training.end_precision)."""
    if precision == "year" and value:
        year = value[:4] if isinstance(value, str) else value.year
        return S.YEAR_ONLY.format(year=year)
    return format_date(value)


def norm(text: str | None) -> str:
    """The search form of a text: lower case, ё → е, single spaces."""
    if not text:
        return ""
    return " ".join(text.lower().replace("ё", "е").split())


def quoted(name: str) -> str:
    """A school's name in «»: «Тестовая СОШ». A name that carries its own quotes (МБОУ
    «Берёзовская СОШ», МБОУ "СОШ № 1") stands as written — «МБОУ «Берёзовская СОШ»» read
    as a typo on the office's card and in every message about the school."""
    if any(mark in name for mark in '«»"“”„'):
        return name
    return f"«{name}»"


_NAME_PART = re.compile(r"^[А-ЯЁа-яёA-Za-z]+(?:[-' ][А-ЯЁа-яёA-Za-z]+)*$")


def clean_name_part(value: str, *, required: bool = True) -> str:
    """A part of ФИО: extra spaces removed; ИВАНОВА or иванова becomes Иванова."""
    text = " ".join((value or "").split())
    text = re.sub(r"\s*-\s*", "-", text)
    if not text:
        if required:
            raise ValueError(S.MODEL_FILL_FIELD)
        return ""
    if not _NAME_PART.match(text):
        raise ValueError(S.PARSE_NAME_LETTERS)
    if text.isupper() or text.islower():
        text = "-".join(
            " ".join(w[:1].upper() + w[1:].lower() for w in piece.split(" "))
            for piece in text.split("-")
        )
    return text


def full_name(last: str, first: str, middle: str = "") -> str:
    return " ".join(p for p in (last, first, middle) if p)


def short_name(last: str, first: str, middle: str = "") -> str:
    """Иванова А. П."""
    initials = " ".join(f"{p[0]}." for p in (first, middle) if p)
    return f"{last} {initials}".strip()


def clean_snils(value: str | None) -> str:
    """СНИЛС as ХХХ-ХХХ-ХХХ ХХ after checking its control number; '' when empty."""
    digits = re.sub(r"[\s-]", "", value or "")
    if not digits:
        return ""
    if not digits.isdigit() or len(digits) != 11:
        raise ValueError(S.PARSE_SNILS_DIGITS)
    number, control = digits[:9], int(digits[9:])
    if int(number) > 1001998:
        total = sum(int(d) * (9 - i) for i, d in enumerate(number))
        expected = total if total < 100 else (0 if total in (100, 101) else total % 101)
        if expected == 100:
            expected = 0
        if expected != control:
            raise ValueError(S.PARSE_SNILS_CONTROL)
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:9]} {digits[9:]}"


_PHONE_CHARS = re.compile(r"^\+?[0-9 ()\-]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")


def check_phone(value: str | None) -> str:
    """A phone number as typed («+7 (912) 345-67-89», «8-34241-2-15-67»): digits with a
    leading + allowed, spaces, brackets and dashes, 6 to 20 digits; '' when empty."""
    text = " ".join((value or "").split())
    if not text:
        return ""
    digits = sum(ch in "0123456789" for ch in text)
    if not _PHONE_CHARS.match(text) or not 6 <= digits <= 20:
        raise ValueError(S.FIELD_PHONE_FORMAT)
    return text


def check_email(value: str | None) -> str:
    """An e-mail address: one @, a dot in the domain, no spaces; '' when empty."""
    text = (value or "").strip()
    if text and not _EMAIL.match(text):
        raise ValueError(S.FIELD_EMAIL_FORMAT)
    return text


def years_between(start: dt.date, end: dt.date) -> int:
    """Whole years from ``start`` to ``end`` (age, experience); 0 if end is before start."""
    if end < start:
        return 0
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
