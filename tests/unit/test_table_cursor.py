"""widgets/table.py: where each list's cursor is (or should go), and back on its row after
the lists are filled again — the person's card and its «Рост» tab keep their cursors so."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from metodkab.widgets.table import cursor_keys, restore_cursor


class Lists(App):
    def compose(self) -> ComposeResult:
        yield DataTable(id="a")
        yield DataTable(id="b")

    def fill(self, rows: dict[str, list[str]]) -> None:
        for table in self.query(DataTable):
            table.clear(columns=True)
            table.add_column("x")
            for key in rows[table.id]:
                table.add_row(key, key=key)


async def test_cursors_kept_by_key_and_a_pending_record_wins():
    app = Lists()
    async with app.run_test(size=(80, 24)):
        app.fill({"a": ["a1", "a2", "a3"], "b": ["b1", "b2"]})
        a, b = app.query_one("#a", DataTable), app.query_one("#b", DataTable)
        a.move_cursor(row=2)
        b.move_cursor(row=1)
        pending = {"b": "b1"}                        # a record just added to «b»
        keys = cursor_keys(app.query(DataTable), pending)
        assert keys == {"a": "a3", "b": "b1"} and pending == {}
        # filled again, a row more before the kept one, one of «b» gone
        app.fill({"a": ["a0", "a1", "a2", "a3"], "b": ["b2"]})
        for table in (a, b):
            restore_cursor(table, keys)
        assert a.cursor_row == 3                     # still on «a3»
        assert b.cursor_row == 0                     # «b1» is gone: the cursor stays
        assert cursor_keys([a, b]) == {"a": "a3", "b": "b2"}
        restore_cursor(a, {})                        # nothing kept: nothing moves
        assert a.cursor_row == 3
