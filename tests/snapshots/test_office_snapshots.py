"""Snapshots of the office's screens at 80x24 (frozen date): the schools list (F9) with a
silent school and one of the municipality's list that sent nothing, its empty state, and
a school's card.

Keys are random in the product, so their fingerprints differed on every run: here, in the
test only, the key pairs come from a fixed seed (``seeded_keys``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools

import pytest
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from metodkab.clock import Clock
from metodkab.sync.consolidated import replace_register
from metodkab.sync.municipal import import_packets, init_municipality, open_municipal
from metodkab.sync.office import set_phone
from tests.functional.test_office_daily import Office, export
from tests.ui import settle

SIZE = (80, 24)


@pytest.fixture
def seeded_keys(monkeypatch):
    """Every key pair made during the test comes from the seed «metodkab-snapshots»."""
    counter = itertools.count()

    def seed() -> bytes:
        return hashlib.sha256(f"metodkab-snapshots-{next(counter)}".encode()).digest()

    monkeypatch.setattr(SigningKey, "generate", classmethod(lambda cls: cls(seed())))
    monkeypatch.setattr(PrivateKey, "generate", classmethod(lambda cls: cls(seed())))


@pytest.fixture
def office(tmp_path, seeded_keys) -> Office:
    made = init_municipality(tmp_path / "office.sqlite", name="УО Тестовского района",
                             clock=Clock(dt.date(2026, 11, 23)))
    return Office(tmp_path, made.db_path, made.public_path)


def fill(office: Office) -> None:
    """Three schools that sent packets (one last in September, so silent), one of the
    municipality's list that sent nothing, a phone for one of them."""
    office.school("0412", staff=4)
    office.school("0413", seed=1, staff=3, name="Гимназия № 2")
    old = export(office.school("0420", seed=2, staff=3, name="Лицей «Ёлочка»",
                               registered=False), office.folder / "old")
    store = open_municipal(office.db, clock=Clock(dt.date(2026, 9, 1)))
    try:
        import_packets(store, [old], trusted=True)
        replace_register(store, [("0412", ""), ("0413", ""), ("0420", ""),
                                 ("0500", "ООШ с. Заречное")])
        set_phone(store, "0412", "8 (800) 555-35-35")
    finally:
        store.close()


def test_office_schools_list(snap_compare, office):
    fill(office)

    async def ready(pilot):
        await settle(pilot)

    assert snap_compare(office.app(), terminal_size=SIZE, run_before=ready)


def test_office_schools_list_searched_silent_first(snap_compare, office):
    fill(office)

    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f6", "f6", "f6")          # молчащие первыми
        await settle(pilot)
        await pilot.press(*"ш")                      # typed in the list: the search box
        await settle(pilot)

    assert snap_compare(office.app(), terminal_size=SIZE, run_before=ready)


def test_office_schools_list_empty(snap_compare, office):
    async def ready(pilot):
        await settle(pilot)

    assert snap_compare(office.app(), terminal_size=SIZE, run_before=ready)


def test_office_school_card(snap_compare, office):
    fill(office)

    async def ready(pilot):
        await settle(pilot)
        await pilot.press("enter")                   # 0412, under the cursor
        await settle(pilot)

    assert snap_compare(office.app(), terminal_size=SIZE, run_before=ready)
