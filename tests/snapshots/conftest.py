"""Snapshots run on a copy of the demo school, built once per session, with a frozen date."""

from __future__ import annotations

import shutil

import pytest

from metodkab.app import make_app
from metodkab.clock import Clock
from tests.ui import TODAY

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    from metodkab.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, today=TODAY)
    return path


@pytest.fixture
def demo_app(demo_template, tmp_path):
    """A factory: a fresh app on a fresh copy of the demo database, today frozen."""

    def build():
        path = tmp_path / "demo.sqlite"
        shutil.copyfile(demo_template, path)
        return make_app(path, clock=Clock(TODAY), blink=False, user="Тест")

    return build
