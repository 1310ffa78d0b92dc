"""Fast-entry fields of the programme forms: ДД.ММ dates and people by part of a surname."""

import datetime as dt

import pytest

from textual.app import App
from textual.widgets import Input

from metodkab.widgets.quickentry import PeopleField, ShortDateField

PEOPLE = [("1", "Иванова Анна Петровна"), ("2", "Ивашкина Ольга Юрьевна"),
          ("3", "Петров Илья Сергеевич"), ("4", "Сидоренко Мария Ивановна"),
          ("5", "Ёлкина Вера Павловна")]


def matches(typed, chosen=()):
    field = PeopleField(PEOPLE, value=chosen)
    field.typed = typed
    return [key for key, _ in field.matches()]


def test_surname_start_first_then_inside_then_other_names():
    assert matches("ива") == ["1", "2", "4"]          # Сидоренко Мария Ивановна last
    assert matches("ивано") == ["1", "4"]
    assert matches("дор") == ["4"]                    # inside a surname
    assert matches("") == []


def test_case_and_yo_do_not_matter_and_chosen_are_left_out():
    assert matches("ЕЛК") == ["5"]
    assert matches("ива", chosen=("1",)) == ["2", "4"]


def test_dismissed_names_are_still_shown():
    field = PeopleField(PEOPLE[:1], names={"9": "Уволенная Нина Ивановна"}, value=("9",))
    assert field.label_of("9") == "Уволенная Нина Ивановна"
    assert "Уволенная Н. И." in field.render().plain


class DateApp(App):
    def compose(self):
        yield ShortDateField(default_year=2026)
        yield Input(id="other")


async def test_short_date_accepts_day_month_of_the_default_year():
    app = DateApp()
    async with app.run_test() as pilot:
        field = app.query_one(ShortDateField)
        for typed, day in (("15.03", dt.date(2026, 3, 15)), ("1.9", dt.date(2026, 9, 1)),
                           ("15.03.2027", dt.date(2027, 3, 15)),
                           ("2027-03-15", dt.date(2027, 3, 15)), ("", None)):
            field.value = typed
            assert field.parsed() == day
        field.value = "31.02"
        with pytest.raises(ValueError, match="нет в календаре"):
            field.parsed()
        # Leaving the field writes a short date out in full; a wrong one stays as typed.
        field.focus()
        field.value = "5.10"
        await pilot.press("tab")
        assert field.value == "05.10.2026"
        field.focus()
        field.value = "31.02"
        await pilot.press("tab")
        assert field.value == "31.02"


# --- a date typed as ДД.ММ (nearest_date) --------------------------------------------------


def test_nearest_date_ahead_and_past():
    import datetime as dt

    from metodkab.widgets.quickentry import nearest_date

    today = dt.date(2026, 11, 23)
    assert nearest_date(15, 3, today) == dt.date(2027, 3, 15)        # next March
    assert nearest_date(1, 9, today) == dt.date(2026, 9, 1)          # within 3 months back
    assert nearest_date(23, 8, today) == dt.date(2026, 8, 23)        # exactly 3 months back
    assert nearest_date(22, 8, today) == dt.date(2027, 8, 22)
    # a done date: the latest on or before today, never in the future
    assert nearest_date(10, 12, today, past=True) == dt.date(2025, 12, 10)
    assert nearest_date(23, 11, today, past=True) == today
    assert nearest_date(1, 2, today, past=True) == dt.date(2026, 2, 1)


def test_nearest_date_of_29_february_takes_a_leap_year():
    import datetime as dt

    from metodkab.widgets.quickentry import nearest_date

    assert nearest_date(29, 2, dt.date(2027, 11, 23)) == dt.date(2028, 2, 29)
    assert nearest_date(29, 2, dt.date(2027, 11, 23), past=True) == dt.date(2024, 2, 29)
