"""Where files live by default (platformdirs): the database and the documents folder."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "metodkab"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "metodkab.sqlite"


def documents_dir() -> Path:
    return Path(platformdirs.user_documents_dir())
