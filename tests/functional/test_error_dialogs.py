"""A save that fails in the database, through the app at 80x24: the user reads a Russian
sentence (what happened, that nothing was saved, what to do), the exception's own words
only after «Для службы поддержки:», shown as text; the database is as it was."""

import sqlite3

import pytest

from metodkab import app as app_module
from metodkab.screens.dialogs import MessageDialog
from metodkab.screens.staff import StaffFormScreen
from metodkab.storage import repo
from tests.ui import build_app, school_db, settle, type_text

HOSTILE = "no such column: [b]x[/b] [red"


def snapshot(app):
    conn = app.store.db.conn
    return [conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in ("staff", "staff_position", "audit_log")]


async def save_new_person(pilot, app):
    await pilot.press("f2")
    await settle(pilot)
    await pilot.press("insert")
    await settle(pilot)
    assert isinstance(app.screen, StaffFormScreen)
    for text in ("Ёлкина", "Анна", "Петровна"):
        await type_text(pilot, text)
        await pilot.press("enter")
    await type_text(pilot, "28.02.1995")
    form = app.screen
    form.query_one("#field-positions").focus()
    await pilot.press("f4")
    await settle(pilot)
    await pilot.press("down", "space", "enter")
    await settle(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot, 3)
    return form


def shown_text(dialog: MessageDialog) -> str:
    return str(dialog.query_one("#message").render())


@pytest.mark.parametrize("error, says, support", [
    # a fault of the database: rolled back, the log and the backups named, details for support
    (sqlite3.OperationalError(HOSTILE), "Не удалось выполнить действие с базой данных", True),
    # the disk is full: says so, and never «повреждён»
    (sqlite3.OperationalError("database or disk is full"), "На диске нет места", False),
    # a fault of the program
    (KeyError(HOSTILE), "Внутренняя ошибка программы", True),
])
async def test_a_failed_save_says_in_russian_that_nothing_was_saved(
        tmp_path, monkeypatch, error, says, support):
    logs = tmp_path / "logs"
    monkeypatch.setattr(app_module.platformdirs, "user_log_dir", lambda *a, **k: str(logs))
    app = build_app(school_db(tmp_path / "s.sqlite"))
    before = snapshot(app)

    # the person's row and positions are written, then the journal line fails
    def broken_audit(*args, **kwargs):
        raise error

    monkeypatch.setattr(repo, "audit", broken_audit)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await save_new_person(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, MessageDialog)
        text = shown_text(dialog)
        assert says in text
        assert "Ничего не сохранено" in text
        assert "повреж" not in text
        if support:
            message, detail = text.split("\n\nДля службы поддержки: ")
            assert HOSTILE in detail                 # shown as typed: no markup read
            assert HOSTILE not in message and "no such" not in message
            assert str(logs / "metodkab.log") in message
            assert "Traceback" in (logs / "metodkab.log").read_text(encoding="utf-8")
            if isinstance(error, sqlite3.Error):
                assert str(tmp_path / "backups") in message
        else:
            assert "Для службы поддержки" not in text
            assert str(tmp_path) in text             # the folder to free
        # the whole dialog fits at 80x24 with its close button
        assert dialog.query_one("#close").region.bottom <= 24
        assert snapshot(app) == before
        assert not app.store.conn.in_transaction
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form                    # the typed values are still there
        assert form.form.values()["last_name"] == "Ёлкина"
