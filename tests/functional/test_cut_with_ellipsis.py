"""At 80x24 a text too long for its place is cut with «…», never silently, and a wrapped
line goes on under its own start: the ПК register's course names (F3), the journal's lines
(Ctrl+J) and a to-do item on Главная that takes two lines — on the demo school."""

from rich.cells import cell_len
from textual.widgets import DataTable, OptionList

from metodkab.demo import build_demo
from metodkab.screens.journal import JournalScreen
from metodkab.screens.training import TrainingScreen
from tests.ui import TODAY, build_app, settle


def seen(widget, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


def check_cells_fit(table: DataTable, column: str) -> list[str]:
    """Every shown cell fits its column whole and is on the screen as it is; the cells of
    ``column`` that were cut, for the caller to check."""
    keys = [key.value for key in table.columns]
    cut = []
    for i in range(min(table.row_count, table.size.height - 2)):
        line = seen(table, i + 1)                               # under the header
        for key, cell in zip(keys, table.get_row_at(i)):
            text = str(cell)
            assert cell_len(text) <= table.columns[key].width, (key, text)
            assert text.rstrip() in line, (text, line)
            if key == column and text.endswith("…"):
                cut.append(text)
    return cut


def open_demo(tmp_path):
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    return build_app(path)


async def test_long_course_names_and_journal_lines_end_with_an_ellipsis(tmp_path):
    app = open_demo(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot, 3)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        table = screen.query_one(DataTable)
        cut = check_cells_fit(table, "title")
        titles = {row.title for row in screen.rows}
        assert cut and all(any(t.startswith(c[:-1]) for t in titles) for c in cut), cut

        await pilot.press("ctrl+j")
        await settle(pilot, 3)
        assert isinstance(app.screen, JournalScreen)
        table = app.screen.query_one(DataTable)
        assert check_cells_fit(table, "label")


async def test_a_wrapped_todo_item_goes_on_under_its_text(tmp_path):
    app = open_demo(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        todo = app.screen.query_one("#todo", OptionList)
        lines = [seen(todo, y) for y in range(todo.size.height)]
        starts = [i for i, text in enumerate(lines) if text.strip()[:1].isdigit()]
        wrapped = [i for i in range(len(lines) - 1)
                   if i in starts and i + 1 not in starts and lines[i + 1].strip()]
        assert wrapped, lines
        for i in wrapped:
            count = lines[i].strip().split()[0]
            title_at = lines[i].index(count) + len(count) + 2
            assert lines[i + 1][:title_at].strip() == "", (lines[i], lines[i + 1])
            assert lines[i + 1][title_at] != " ", (lines[i], lines[i + 1])
