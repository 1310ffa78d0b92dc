"""Обмен through the keyboard: the school loads the office's key, writes packets, loads a
receipt; the office loads packets (dry run, key confirmation, apply) and writes receipts."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from metodkab.clock import Clock
from metodkab.screens.dialogs import ConfirmDialog, MessageDialog
from metodkab.screens.exchange import ExchangeScreen, ExportDialog
from metodkab.screens.exchange_files import PathDialog
from metodkab.screens.exchange_municipal import (MunicipalIndicatorsScreen,
                                                 MunicipalSchoolsScreen, RowsScreen,
                                                 make_municipal_app)
from metodkab.screens.office_import import OfficeImportScreen
from metodkab.storage.db import open_store
from metodkab.sync.municipal import export_receipts, import_packets, init_municipality, open_municipal
from metodkab.sync.sample import sample_school
from metodkab.sync.school import export_packet, import_municipality_key
from tests.ui import TODAY, build_app

CLOCK = Clock(TODAY)


async def settle(pilot, times: int = 2) -> None:
    """tests.ui.settle without waiting for the folder tree's loader, which runs as long
    as a DirectoryTree is mounted (Textual's design)."""
    from textual.worker import WorkerCancelled, WorkerFailed

    for _ in range(times):
        await pilot.pause()
        for worker in [w for w in pilot.app.workers if w.group != "_loader"]:
            try:
                await worker.wait()
            except (WorkerCancelled, WorkerFailed):
                pass
    await pilot.pause()


async def choose_path(pilot, path: Path) -> None:
    """In the open PathDialog: type the path in its field and press Enter."""
    dialog = pilot.app.screen
    assert isinstance(dialog, PathDialog)
    field = dialog.query_one("#pd-path")
    field.value = str(path)
    field.focus()
    await pilot.press("enter")
    await settle(pilot)


async def test_school_loads_the_key_writes_packets_and_loads_a_receipt(tmp_path):
    school = sample_school(tmp_path / "school.sqlite", code="0412", staff=4)
    office = init_municipality(tmp_path / "office.sqlite", name="УО района", clock=CLOCK)
    out = tmp_path / "usb"
    out.mkdir()
    app = build_app(school)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExchangeScreen)
        assert "не загружен" in str(screen.query_one("#ex-keys").render())

        # Ctrl+E before the key: a message, nothing written.
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        await pilot.press("escape")
        await settle(pilot)

        # Ctrl+K: choose the key file, check the fingerprint, confirm.
        await pilot.press("ctrl+k")
        await settle(pilot)
        await choose_path(pilot, office.public_path)
        assert isinstance(app.screen, ConfirmDialog)
        assert office.fingerprint in app.screen.question
        await pilot.click("#yes")
        await settle(pilot)
        assert office.fingerprint in str(screen.query_one("#ex-keys").render())

        # Ctrl+E: the folder, Ctrl+S: the packet is written and listed.
        await pilot.press("ctrl+e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#ed-folder").value = str(out)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        assert "0412_1.mkp" in app.screen.message and "Создан ключ" in app.screen.message
        await pilot.press("escape")
        await settle(pilot)
        assert (out / "0412_1.mkp").exists()
        assert screen.query_one("#ex-packets").row_count == 1

        # The office takes it and writes a receipt; the school loads it with Ctrl+R.
        muni = open_municipal(office.db_path, clock=CLOCK)
        try:
            import_packets(muni, [out / "0412_1.mkp"], trusted=True)
            [receipt] = export_receipts(muni, out)
        finally:
            muni.close()
        await pilot.press("ctrl+r")
        await settle(pilot)
        await choose_path(pilot, receipt)
        assert isinstance(app.screen, MessageDialog)
        assert "подтвердило получение пакетов № 1" in app.screen.message
        await pilot.press("escape")
        await settle(pilot)
        acked = app.store.db.conn.execute(
            "SELECT acked_seq FROM sync_state").fetchone()[0]
        assert acked == 1


def _school_packets(tmp_path: Path, office, out: Path) -> list[Path]:
    paths = []
    for n, code in enumerate(("0412", "0413")):
        school = sample_school(tmp_path / f"s{code}.sqlite", code=code, staff=3, seed=n)
        store = open_store(school, clock=CLOCK, exclusive=False)
        try:
            import_municipality_key(store, office.public_path)
            paths.append(export_packet(store, out).path)
        finally:
            store.close()
    return paths


async def test_office_loads_packets_with_a_dry_run_and_confirmed_keys(tmp_path):
    office = init_municipality(tmp_path / "office.sqlite", name="УО района", clock=CLOCK)
    usb = tmp_path / "usb"
    usb.mkdir()
    _school_packets(tmp_path, office, usb)
    app = make_municipal_app(office.db_path, clock=CLOCK, blink=False, user="Тест")
    records = "SELECT count(*) FROM records"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MunicipalSchoolsScreen)

        # Ins: the folder of the stick; the dry run shows what would change, writes nothing.
        await pilot.press("insert")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PathDialog)
        dialog.query_one("#pd-path").value = str(usb)
        await pilot.press("ctrl+s")
        await settle(pilot, 4)
        screen = app.screen
        assert isinstance(screen, OfficeImportScreen)
        files = screen.query_one("#oi-files")
        assert files.row_count == 2
        assert "0412" in str(files.get_row_at(0)[1]) and "0413" in str(files.get_row_at(1)[1])
        detail = str(screen.query_one("#oi-detail-text").render())
        assert "Новая школа" in detail
        # new schools' packets stay sealed until their keys are confirmed
        assert "расшифрован и проверен только после подтверждения" in detail
        assert "будет применено: 2 · отклонено: 0" in str(screen.query_one("#oi-total").render())
        assert app.store.db.conn.execute(records).fetchone()[0] == 0

        # Ctrl+S: confirm the first school's key, refuse the second's.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and "0412" in app.screen.question
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and "0413" in app.screen.question
        await pilot.click("#no")
        await settle(pilot, 4)
        assert app.screen is screen
        total = str(screen.query_one("#oi-total").render())
        assert "применено: 1 · отклонено: 1" in total
        assert "не подтверждён" in str(screen.query_one("#oi-detail-text").render())
        assert "ничего не пишется" not in str(screen.query_one("#oi-head").render())
        codes = app.store.db.conn.execute(
            "SELECT DISTINCT school_code FROM records").fetchall()
        assert codes == [("0412",)]

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MunicipalSchoolsScreen)
        assert app.screen.query_one("#mu-schools").row_count == 1

        # Ctrl+R: receipts into a folder.
        await pilot.press("ctrl+r")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#pd-path").value = str(usb)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog) and "0412_1.mkr" in app.screen.message
        assert (usb / "0412_1.mkr").exists()

        # F8: the consolidated indicators; Enter — by school; Ctrl+L — a list; Ctrl+E — Excel.
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot, 3)
        screen = app.screen
        assert isinstance(screen, MunicipalIndicatorsScreen)
        table = screen.query_one("#mx-table")
        assert table.row_count == 2                     # the total and one school so far
        assert len(table.columns) > 20                  # a column per indicator
        await pilot.press("enter")                      # the people behind the total
        await settle(pilot)
        assert isinstance(app.screen, RowsScreen)
        assert app.screen.query_one(DataTable).row_count == screen.figures[0].base
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.click("#act-overdue")
        await settle(pilot)
        assert isinstance(app.screen, RowsScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        app.screen.query_one("#pd-path").value = str(tmp_path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog) and ".xlsx" in app.screen.message
        assert list(tmp_path.glob("Сводный отчёт *.xlsx"))
        assert list(tmp_path.glob("Аналитическая справка *.docx"))
