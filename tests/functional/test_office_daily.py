"""The office's daily work at 80x24, one test per item of issue 21: the loading summary,
figures that never go stale, the school card and its key, a code clash, a restored
school, the office's own backup, and the smaller items of point 8."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from metodkab.clock import Clock
from metodkab.domain.models import Staff
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.screens.exchange_files import PathDialog
from metodkab.screens.exchange_municipal import (MunicipalIndicatorsScreen,
                                                 MunicipalSchoolsScreen, make_municipal_app)
from metodkab.screens.office_import import KeyQuestion, OfficeImportScreen
from metodkab.screens.office_school import SchoolCardScreen
from metodkab.storage import repo
from metodkab.storage.backup import list_backups
from metodkab.storage.db import open_store
from metodkab.sync import crypto
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.sample import sample_school
from metodkab.sync.school import export_packet, import_municipality_key, import_receipt, seq_path
from tests.functional.test_exchange_flow import settle
from tests.ui import TODAY

CLOCK = Clock(TODAY)
SIZE = (80, 24)


@dataclass
class Office:
    folder: Path
    db: Path
    public: Path

    def school(self, code: str, *, name: str | None = None, staff: int = 3, seed: int = 0,
               registered: bool = True) -> Path:
        """A school with the office's key; with ``registered`` its first packet is loaded."""
        path = sample_school(self.folder / f"{code}-{seed}.sqlite", code=code, staff=staff,
                             seed=seed, name=name)
        store = open_store(path, clock=CLOCK, exclusive=False)
        try:
            import_municipality_key(store, self.public)
        finally:
            store.close()
        if registered:
            self.load(export(path, self.folder / "sent"))
        return path

    def load(self, *packets: Path):
        store = open_municipal(self.db, clock=CLOCK)
        try:
            return import_packets(store, list(packets), trusted=True).outcomes
        finally:
            store.close()

    def app(self, **kwargs):
        return make_municipal_app(self.db, clock=CLOCK, blink=False, user="Тест", **kwargs)


def export(school: Path, out: Path, note: str | None = None, **kwargs) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    store = open_store(school, clock=CLOCK, exclusive=False)
    try:
        if note:
            person = repo.find(store, Staff)[0]
            repo.update(store, person.model_copy(update={"notes": note}))
        return export_packet(store, out, **kwargs).path
    finally:
        store.close()


@pytest.fixture
def office(tmp_path) -> Office:
    result = init_municipality(tmp_path / "office.sqlite", name="УО района", clock=CLOCK)
    return Office(tmp_path, result.db_path, result.public_path)


async def load_folder(pilot, folder: Path) -> OfficeImportScreen:
    """F9 → Ins → the folder → Ctrl+S: the dry-run summary."""
    await pilot.press("f9")
    await settle(pilot)
    await pilot.press("insert")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PathDialog)
    pilot.app.screen.query_one("#pd-path").value = str(folder)
    await pilot.press("ctrl+s")
    await settle(pilot, 4)
    screen = pilot.app.screen
    assert isinstance(screen, OfficeImportScreen)
    return screen


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def row_texts(table) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


# --- 1. the loading summary ---------------------------------------------------------------


async def test_loading_summary_shows_every_file_refusals_first(office):
    school = office.school("0412")
    usb = office.folder / "usb"
    good = export(school, usb, "вторая правка")
    other = office.school("0413", seed=1)
    cut = export(other, usb, "правка")
    cut.write_bytes(cut.read_bytes()[:-40])                 # cut short on the way
    (usb / "readme.mkp").write_text("Это просто текст, а не пакет", encoding="utf-8")
    (usb / "photo.jpg").write_bytes(b"\xff\xd8")
    (usb / "old").mkdir()
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await load_folder(pilot, usb)
        table = screen.query_one("#oi-files")
        rows = row_texts(table)
        assert [r[0] for r in rows[:2]] == [cut.name, "readme.mkp"]       # refusals first
        assert rows[0][1].startswith("0413") and rows[0][2] == "2"
        assert all(r[3] == "ОТКЛОНЁН" for r in rows[:2])
        assert "red" in str(table.get_row_at(0)[3].style)
        assert rows[2][0] == good.name and rows[2][3] == "будет применён"
        assert {r[0] for r in rows[3:]} == {"photo.jpg", "old"}
        total = text_of(screen, "#oi-total")
        assert "Итого файлов: 5" in total and "отклонено: 2" in total and "пропущено: 2" in total
        detail = text_of(screen, "#oi-detail-text")
        assert "файл обрезан" in detail and "Попросите школу выгрузить пакет заново" in detail
        assert "байт" not in detail
        await pilot.press("down")
        await settle(pilot)
        assert "Это не пакет" in text_of(screen, "#oi-detail-text")
        await pilot.press("down")
        await settle(pilot)
        assert "Сотрудники" in text_of(screen, "#oi-detail-text")   # what would change
        assert "ничего не пишется" in text_of(screen, "#oi-head")

        await pilot.press("ctrl+s")
        await settle(pilot, 4)
        assert screen.applied
        assert "ничего не пишется" not in text_of(screen, "#oi-head")
        assert "записаны" in text_of(screen, "#oi-head")
        assert row_texts(screen.query_one("#oi-files"))[2][3] == "применён"
        assert "применено: 1 · отклонено: 2" in text_of(screen, "#oi-total")


# --- 2. every figure recomputes after anything is applied --------------------------------


async def test_f8_and_the_list_recompute_after_applying(office):
    office.school("0412", staff=3)
    usb = office.folder / "usb"
    export(office.school("0413", seed=1, staff=4, registered=False), usb)
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot, 3)
        indicators = app.screen
        assert isinstance(indicators, MunicipalIndicatorsScreen)
        before = indicators.report.totals[0].base
        assert len(indicators.report.schools) == 1

        screen = await load_folder(pilot, usb)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, KeyQuestion)
        await pilot.click("#yes")
        await settle(pilot, 4)
        assert screen.applied
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#mu-schools").row_count == 2

        await pilot.press("f8")                         # no Ctrl+D needed: already recomputed
        await settle(pilot, 3)
        assert app.screen is indicators
        assert len(indicators.report.schools) == 2
        assert indicators.report.totals[0].base > before
        assert indicators.version == app.data_version == 1
        from metodkab.sync.office import list_schools        # «Педаг.» is the F8 base
        assert sum(r.staff for r in list_schools(app.store)) == indicators.report.totals[0].base
        assert not indicators.query_one("#mx-progress").display
        head = text_of(indicators, "#mx-head")
        assert "школ: 2" in head


# --- 3. the school card and its key ------------------------------------------------------


async def test_school_card_replaces_the_key_and_keeps_the_history(office):
    school = office.school("0412")
    key = crypto.school_key_path(school)
    key.unlink()                                       # the school moved to a new computer
    usb = office.folder / "usb"
    moved = export(school, usb, "после переезда")
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await load_folder(pilot, usb)
        assert "карточке школы" in text_of(screen, "#oi-detail-text")
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("enter")                     # the school's card
        await settle(pilot)
        card = app.screen
        assert isinstance(card, SchoolCardScreen)
        assert card.query_one("#sc-packets").row_count == 1
        old = card.card.active_key.fingerprint
        info = text_of(card, "#sc-text")
        assert "Орлова Анна Сергеевна" in info and old in info

        await pilot.press("f2")                        # the phone for the call
        await settle(pilot)
        app.screen.query_one("#ask-value").value = "+7 (48234) 2-17-05"
        await pilot.press("enter")
        await settle(pilot)
        assert "2-17-05" in text_of(card, "#sc-text")

        await pilot.press("ctrl+k")
        await settle(pilot)
        assert isinstance(app.screen, PathDialog)
        assert app.screen.folder == usb                # the folder used last
        app.screen.query_one("#pd-path").value = str(moved)
        app.screen.query_one("#pd-path").focus()
        await pilot.press("enter")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        new_fp = crypto.school_fingerprint(bytes(crypto.load_or_create_school_key(key)[0]
                                                 .verify_key))
        assert new_fp in question.question and old in question.question
        assert "2-17-05" in question.question
        await pilot.click("#yes")
        await settle(pilot, 3)
        info = text_of(card, "#sc-text")
        assert f"Ключ: {new_fp}" in info and f"Прежний ключ: {old}" in info

        await pilot.press("escape")
        await settle(pilot)
        screen = await load_folder(pilot, usb)
        assert "впервые" not in text_of(screen, "#oi-detail-text")
        await pilot.press("ctrl+s")                    # no key question: it is registered
        await settle(pilot, 4)
        assert app.screen is screen and screen.applied
        assert "применено: 1 · отклонено: 0" in text_of(screen, "#oi-total")
        await pilot.press("escape")
        await settle(pilot)
        row = row_texts(app.screen.query_one("#mu-schools"))[0]
        assert row[2] == "2" and row[6] == ""          # № 2, nothing missing
        assert "2-17-05" in text_of(app.screen, "#mu-contact")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#sc-packets").row_count == 2
        assert "Пропущенных пакетов нет" in text_of(app.screen, "#sc-text")


async def test_the_key_is_replaced_right_from_the_loading_summary(office):
    school = office.school("0412")
    crypto.school_key_path(school).unlink()            # a new computer
    usb = office.folder / "usb"
    export(school, usb, "после переезда")
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await load_folder(pilot, usb)
        actions = {b.binding.action for b in app.active_bindings.values()}
        assert "replace_key" in actions and "apply" not in actions
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and "Прежний ключ" in app.screen.question
        await pilot.click("#yes")
        await settle(pilot, 4)
        assert app.screen is screen
        assert "будет применено: 1 · отклонено: 0" in text_of(screen, "#oi-total")
        await pilot.press("ctrl+s")
        await settle(pilot, 4)
        assert screen.applied and app.data_version == 2     # the key, then the packet


async def test_the_card_shows_the_numbers_actually_missing(office):
    school = office.school("0412")
    sent = office.folder / "sent"
    export(school, sent / "2", "вторая")               # № 2 lost on the way…
    third = export(school, sent / "3", "третья")       # …but № 3 carries its changes
    office.load(third)
    export(school, sent / "4", "четвёртая")            # № 4 lost…
    data = open_store(school, clock=CLOCK, exclusive=False)
    try:                                               # …and acknowledged by mistake, so
        data.db.conn.execute(                          # № 5 starts after its changes
            "UPDATE sync_state SET acked_change_seq = "
            "(SELECT change_seq_to FROM sync_packet WHERE seq = 4)")
        data.db.conn.commit()
    finally:
        data.close()
    office.load(export(school, sent / "5", "пятая"))
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = row_texts(app.screen.query_one("#mu-schools"))[0]
        assert row[6] == "1"
        await pilot.press("enter")
        await settle(pilot)
        info = text_of(app.screen, "#sc-text")
        assert "Не хватает пакетов № 4" in info and "№ 2 (с № 3)" in info


# --- 4. a code clash ----------------------------------------------------------------------


async def test_another_school_with_the_same_code_is_refused_as_a_clash(office):
    office.school("0412")
    usb = office.folder / "usb"
    stranger = office.school("0412", name="Лицей № 3", seed=7, registered=False)
    export(stranger, usb)
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await load_folder(pilot, usb)
        [row] = row_texts(screen.query_one("#oi-files"))
        assert row[3] == "ОТКЛОНЁН"
        detail = text_of(screen, "#oi-detail-text")
        assert "другая школа с тем же кодом" in detail
        assert "«Лицей № 3»" in detail and "«СОШ № 0412»" in detail
        assert "карточке школы" not in detail and "forget-key" not in detail
        assert "apply" not in {b.binding.action for b in app.active_bindings.values()}


# --- 5. a school restored from an old copy -----------------------------------------------


async def test_a_restored_school_is_refused_and_resynced_by_a_receipt(office):
    school = office.school("0412")
    copy = office.folder / "copy.sqlite"
    shutil.copy(school, copy)                          # the school's backup after № 1
    office.load(export(school, office.folder / "sent2", "вторая"))
    shutil.copy(copy, school)                          # restored from it…
    seq_path(crypto.school_key_path(school)).unlink()  # …and the number file lost too
    usb = office.folder / "usb"
    export(school, usb, "после восстановления")         # № 2 again, other contents
    receipts = office.folder / "receipts"
    receipts.mkdir()
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await load_folder(pilot, usb)
        assert row_texts(screen.query_one("#oi-files"))[0][3] == "ОТКЛОНЁН"
        detail = text_of(screen, "#oi-detail-text")
        assert "восстановлена из старой копии" in detail and "Ctrl+R" in detail
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")                     # the school's card: its receipt
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        app.screen.query_one("#pd-path").value = str(receipts)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "0412_2.mkr" in app.screen.message        # up to the last loaded, № 2
        [receipt] = receipts.glob("*.mkr")
    store = open_store(school, clock=CLOCK, exclusive=False)
    try:
        assert import_receipt(store, receipt).resynced
    finally:
        store.close()
    fresh = export(school, office.folder / "usb2")
    [outcome] = office.load(fresh)
    assert outcome.outcome == "applied" and outcome.seq == 3 and outcome.kind == "full"


async def test_a_restored_school_is_told_its_numbering_went_on(office):
    """The school's side: its database restored from a copy older than its last packet,
    Обмен → Ctrl+E says so and writes the next number as a full packet."""
    from metodkab.screens.dialogs import MessageDialog
    from metodkab.screens.exchange import ExportDialog
    from tests.ui import build_app

    school = office.school("0412")
    copy = office.folder / "copy.sqlite"
    shutil.copy(school, copy)
    office.load(export(school, office.folder / "sent2", "вторая"))
    shutil.copy(copy, school)                          # restored; the number file is kept
    usb = office.folder / "usb"
    usb.mkdir()
    app = build_app(school)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#ed-folder").value = str(usb)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        assert "База восстанавливалась из копии" in app.screen.message
        assert "№ 3" in app.screen.message
    [packet] = usb.glob("*.mkp")
    assert packet.name == "0412_3.mkp"
    [outcome] = office.load(packet)
    assert outcome.outcome == "applied" and outcome.missing == ()


# --- 6. the office's own daily backup ----------------------------------------------------


async def test_the_office_app_backs_up_once_a_day_on_start(office):
    for _ in range(2):
        app = office.app(auto_backup=True)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
    [copy] = list_backups(office.db)
    assert copy.name.endswith("-auto.sqlite")


async def test_ctrl_b_copies_the_database_and_the_sealed_key_to_a_stick(office):
    from metodkab.screens.office_backup import PassphraseDialog
    from metodkab.sync.office_backup import open_sealed_key, sealed_path

    office.school("0412")
    stick = office.folder / "stick"
    stick.mkdir()
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        app.screen.query_one("#pd-path").value = str(stick)
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PassphraseDialog)
        await pilot.press(*"фраза-2026", "enter", *"фраза-2027", "enter")
        await settle(pilot)
        assert "не совпадают" in text_of(dialog, "#pp-error")
        dialog.query_one("#pp-first").value = "коротко"
        dialog.query_one("#pp-second").value = "коротко"
        dialog.query_one("#pp-second").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "короткая" in text_of(dialog, "#pp-error") and not list(stick.iterdir())
        dialog.query_one("#pp-first").value = "фраза-2026"
        dialog.query_one("#pp-second").value = "фраза-2026"
        await pilot.press("enter")
        await settle(pilot, 3)
        assert "запечатан" in app.screen.message
    [copy] = stick.glob("*.sqlite")
    secret, _ = open_sealed_key(sealed_path(copy), "фраза-2026")
    assert secret.fingerprint == crypto.load_municipality_secret(
        crypto.municipality_key_path(office.db)).fingerprint


async def test_an_office_without_its_key_still_lists_its_schools_and_says_why(office):
    office.school("0412")
    crypto.municipality_key_path(office.db).unlink()   # restored without the key
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#mu-schools").row_count == 1
        head = text_of(app.screen, "#mu-office")
        assert "Пакеты школ не прочитать" in head and "Ctrl+B" in head


# --- 7. the smaller items of point 8 -------------------------------------------------------


async def test_schools_list_columns_and_contacts(office):
    office.school("0412")
    deid = office.school("0413", seed=1, registered=False)
    office.load(export(deid, office.folder / "d", level="deidentified"))
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MunicipalSchoolsScreen)
        rows = row_texts(screen.query_one("#mu-schools"))
        assert [r[3] for r in rows] == ["полные", "обезл."]
        assert rows[0][4] == "23.11.26"                # the day the school made its data
        assert "Директор: Орлова Анна Сергеевна" in text_of(screen, "#mu-contact")
        assert "база показателей F8" in text_of(screen, "#mu-note")


async def test_esc_on_a_key_question_cancels_the_whole_apply(office):
    usb = office.folder / "usb"
    export(office.school("0412", registered=False), usb)
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await load_folder(pilot, usb)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, KeyQuestion)
        await pilot.press("escape")
        await settle(pilot, 3)
        assert app.screen is screen and not screen.applied
        assert app.store.db.conn.execute("SELECT count(*) FROM packets").fetchone()[0] == 0
        assert "apply" in {b.binding.action for b in app.active_bindings.values()}


async def test_pickers_open_at_the_last_folder_and_empty_f8_has_no_stuck_percent(office):
    usb = office.folder / "usb"
    usb.mkdir()
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot, 3)
        assert not app.screen.query_one("#mx-progress").display      # nothing to show
        await pilot.press("f9")
        await settle(pilot)
        await pilot.press("insert")
        await settle(pilot)
        (usb / "report.docx").write_bytes(b"PK")
        app.screen.query_one("#pd-path").value = str(usb)
        await pilot.press("ctrl+s")
        await settle(pilot, 3)
        assert isinstance(app.screen, OfficeImportScreen)  # no packets: the file is listed
        assert row_texts(app.screen.query_one("#oi-files")) == [
            ["report.docx", "", "", "пропущен"]]
        assert "Применять нечего" not in text_of(app.screen, "#oi-total")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, PathDialog) and app.screen.folder == usb


async def test_f10_refuses_a_school_code_the_exchange_cannot_carry(tmp_path):
    from metodkab.screens.settings import SettingsScreen
    from metodkab.storage.school import get_school
    from tests.ui import build_app, school_db

    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f10")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SettingsScreen)
        form.form.widget("code").value = "№ 7"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "без пробелов и «№»" in str(form.query_one("#error-code").render())
        assert get_school(app.store).code == "0412"
        form.form.widget("code").value = "0415"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert get_school(app.store).code == "0415"
