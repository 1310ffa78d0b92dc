"""A form's date that its source gave only by its year («курсы …, 2023», «первая 2019»,
«СЗД 2021»; the record's precision field is "year" and the date its 1 January).

The field stays empty with «2023 г.» as its placeholder — never «01.01.2023», a day nobody
stated — and the year is kept while nothing is typed; a full date typed and saved sets the
precision to "day" (the date is now known)."""

from __future__ import annotations

from typing import Any

from metodkab import strings as S


class YearOnlyDates:
    """A FormScreen mixin (before FormScreen in the bases): ``YEAR_ONLY_FIELDS`` pairs a
    date field with the record's precision field."""

    YEAR_ONLY_FIELDS: tuple[tuple[str, str], ...] = ()

    def _year_only_fields(self: Any) -> list[str]:
        record = self.record
        return [name for name, precision in self.YEAR_ONLY_FIELDS
                if record is not None and getattr(record, precision) == "year"
                and getattr(record, name) is not None]

    def _loaded(self: Any, result) -> None:
        super()._loaded(result)     # type: ignore[misc]
        for name in YearOnlyDates._year_only_fields(self):
            field = self.form.widget(name)
            field.value = ""
            field.placeholder = S.YEAR_ONLY.format(year=getattr(self.record, name).year)
        self.saved_snapshot = self.form.values()

    def _data(self: Any) -> dict[str, Any]:
        data = super()._data()      # type: ignore[misc]
        precisions = dict(self.YEAR_ONLY_FIELDS)
        for name in YearOnlyDates._year_only_fields(self):
            if str(data.get(name) or "").strip():
                data[precisions[name]] = "day"           # the day is now known
            else:
                data[name] = getattr(self.record, name)  # still only the year
        return data
