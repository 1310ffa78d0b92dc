import datetime as dt

import pytest

from metodkab.clock import Clock
from metodkab.storage.db import open_memory, open_store

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def clock() -> Clock:
    return Clock(TODAY)


@pytest.fixture
def fresh_db(clock):
    """A fresh in-memory database with the whole schema."""
    store = open_memory(clock=clock, user="Тестовый пользователь")
    yield store
    store.db.close()


@pytest.fixture
def file_db(tmp_path, clock):
    """A fresh database file (WAL, lock) in a temporary folder."""
    store = open_store(tmp_path / "school.sqlite", clock=clock, user="Тестовый пользователь")
    yield store
    store.close()
