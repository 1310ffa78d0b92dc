"""The office's register of schools in SQL (sync/office.schools_page): the silent rule at its
boundary, the SQL count of silent schools against the rule, search by code or name with
ё = е and LIKE's own characters taken literally, the orders and the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metodkab.clock import Clock
from metodkab.sync.municipal import init_municipality, open_municipal
from metodkab.sync.office import SchoolQuery, is_silent, schools_page, set_setting

DAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    made = init_municipality(tmp_path_factory.mktemp("office") / "office.sqlite",
                             name="УО", clock=Clock(DAY))
    store = open_municipal(made.db_path, clock=Clock(DAY))
    yield store
    store.close()


def fill(store, seen: list[tuple[str, str, str]], listed: list[tuple[str, str]]) -> None:
    """Schools that sent packets (code, name, imported at) and the municipality's list."""
    with store.atomic():
        conn = store.db.conn
        conn.execute("DELETE FROM schools")
        conn.execute("DELETE FROM school_register")
        conn.executemany("INSERT INTO schools (code, name, first_seen, last_import_at) "
                         "VALUES (?, ?, '2026-01-01', nullif(?, ''))", seen)
        conn.executemany("INSERT INTO school_register (code, name) VALUES (?, ?)", listed)


def test_silent_boundary():
    assert is_silent("", DAY, 30)
    assert not is_silent("2026-10-24T08:00:00", DAY, 30)       # exactly 30 days ago: in time
    assert is_silent("2026-10-23T23:59:59", DAY, 30)
    assert not is_silent("2026-11-23T12:00:00", DAY, 1)


def test_search_sort_and_pages(store):
    fill(store, [("0412", "СОШ № 1", "2026-11-20T10:00:00"),
                 ("0413", "Лицей «Ёлочка»", "2026-09-01T10:00:00"),
                 ("0414", "Школа 100%_лучшая", "2026-11-22T10:00:00")],
         [("0412", "СОШ № 1 (по списку)"), ("0500", "ООШ Заречная")])
    page = schools_page(store, SchoolQuery(), DAY)
    assert [r.code for r in page.rows] == ["0412", "0413", "0414", "0500"]
    assert (page.total, page.every, page.silent, page.days) == (4, 4, 2, 30)
    assert [r.silent for r in page.rows] == [False, True, False, True]
    assert [r.seen for r in page.rows] == [True, True, True, False]
    assert page.rows[0].name == "СОШ № 1"                        # the school's own name wins

    def found(search: str) -> list[str]:
        return [r.code for r in schools_page(store, SchoolQuery(search=search), DAY).rows]

    assert found("ЕЛОЧ") == ["0413"] and found("ёлочка") == ["0413"]
    assert found("05") == ["0500"] and found("041") == ["0412", "0413", "0414"]
    assert found("100%") == ["0414"] and found("%") == ["0414"] and found("_") == ["0414"]
    assert found("нет такой") == []

    def order(sort: str) -> list[str]:
        return [r.code for r in schools_page(store, SchoolQuery(sort=sort), DAY).rows]

    assert order("name") == ["0413", "0500", "0412", "0414"]
    assert order("last") == ["0414", "0412", "0413", "0500"]
    assert order("silent") == ["0500", "0413", "0412", "0414"]

    pages = [schools_page(store, SchoolQuery(sort="name", offset=o, limit=3), DAY)
             for o in (0, 3)]
    assert [len(p.rows) for p in pages] == [3, 1] and {p.total for p in pages} == {4}
    assert [r.code for p in pages for r in p.rows] == order("name")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ages=st.lists(st.one_of(st.none(), st.integers(0, 60)), min_size=1, max_size=8),
       days=st.integers(1, 40), unlisted=st.integers(0, 3))
def test_sql_counts_silent_schools_by_the_rule(store, ages, days, unlisted):
    """The status line's count (SQL) against ``is_silent`` on every row."""
    seen = [(f"{i:04}", f"Школа {i}",
             "" if age is None else (DAY - dt.timedelta(days=age)).isoformat() + "T09:30:00")
            for i, age in enumerate(ages)]
    fill(store, seen, [(f"9{i:03}", f"Нет пакетов {i}") for i in range(unlisted)])
    set_setting(store, "silent_days", str(days))
    page = schools_page(store, SchoolQuery(), DAY)
    expected = sum(is_silent(at, DAY, days) for _c, _n, at in seen) + unlisted
    assert page.silent == expected == sum(r.silent for r in page.rows)
    assert page.total == len(ages) + unlisted
