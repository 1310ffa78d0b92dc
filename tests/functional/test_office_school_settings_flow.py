"""The office at 80x24 with the schools' own settings: a school that changed its settings
is counted with them (F8) and its card names them; a packet of an older program says in
the loading summary and on the card that the defaults are used; a packet with a second
card of one person is refused in the summary with the person named and what to ask."""

from __future__ import annotations

import json
import uuid

from metodkab.screens.office_import import KeyQuestion
from metodkab.storage.db import open_store
from metodkab.storage.settings import set_settings
from metodkab.sync import packet
from tests.functional.test_exchange_flow import settle
from tests.functional.test_office_daily import (  # noqa: F401  (office: a fixture)
    SIZE, export, load_folder, office, row_texts, text_of)
from tests.unit.test_office_school_settings import old_program_packet
from tests.unit.test_office_same_person import line
from tests.unit.test_sync_support import Exchange

OWN = {"young_max_age": 30, "support_mentorship": False, "target_young_supported": 50}


def exchange(office, school) -> Exchange:
    return Exchange(office.folder, school, office.db, office.public, office.folder / "usb")


async def apply_all(pilot, screen) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot, 4)
    if isinstance(pilot.app.screen, KeyQuestion):
        await pilot.click("#yes")
        await settle(pilot, 4)
    assert screen.applied


async def test_a_school_is_counted_with_its_own_settings_and_its_card_names_them(office):
    school = office.school("0412", staff=4, registered=False)
    store = open_store(school, exclusive=False)
    try:
        set_settings(store, OWN)
    finally:
        store.close()
    export(school, office.folder / "usb")
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await load_folder(pilot, office.folder / "usb")
        assert "по умолчанию" not in text_of(screen, "#oi-detail-text")
        await apply_all(pilot, screen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")                      # the school's card
        await settle(pilot)
        info = text_of(app.screen, "#sc-text")
        assert "по настройкам школы" in info
        assert "Молодой педагог: моложе, лет — 30 (по умолчанию 35)" in info
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot, 3)
        report = app.screen.report
        assert report.result("0412", "young_supported").target == 50
        assert report.total("young_supported").target == 70


async def test_an_old_programs_packet_loads_and_the_defaults_are_named(office):
    school = office.school("0412", staff=3, registered=False)
    path = export(school, office.folder / "usb")
    path.write_bytes(old_program_packet(exchange(office, school), path))
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await load_folder(pilot, office.folder / "usb")
        await apply_all(pilot, screen)
        assert "по настройкам по умолчанию" in text_of(screen, "#oi-detail-text")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Настройки школы не пришли" in text_of(app.screen, "#sc-text")


async def test_a_second_card_of_one_person_is_refused_in_the_summary(office):
    school = office.school("0412", staff=3)
    ex = exchange(office, school)
    path = export(school, office.folder / "usb", "правка")
    raw = packet.read_packet(path)
    lines = packet.open_payload(raw, ex.office.box).decode().split("\n")
    staff = next(json.loads(x)["r"] for x in lines[1:] if json.loads(x)["t"] == "staff")
    from tests.unit.test_sync_support import forge

    m = raw.manifest
    path.write_bytes(forge(ex, [*lines[1:], line(str(uuid.uuid4()), staff)],
                           header=json.loads(lines[0]), packet_uuid=m.packet_uuid,
                           seq=m.seq, kind="delta", change_seq_from=m.change_seq_from,
                           created_at=m.created_at, schema_version=m.schema_version,
                           prev_hash=m.prev_hash))
    app = office.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await load_folder(pilot, office.folder / "usb")
        [row] = row_texts(screen.query_one("#oi-files"))
        assert row[3] == "ОТКЛОНЁН"
        detail = text_of(screen, "#oi-detail-text")
        assert staff["last_name"] in detail and "вторая карточка" in detail
        assert "Кадры" in detail
