"""The office's Настройки (F10) at 80x24: who signs the analytical note. The names typed
there sign the note F8 → Ctrl+E writes, «должность ____ / И. О. Фамилия /»; a name left
blank is a line for the pen, never a made-up name."""

from __future__ import annotations

import docx

from metodkab import strings as S
from metodkab.screens.exchange_files import PathDialog
from metodkab.screens.office_matrix import MatrixScreen
from metodkab.screens.office_settings import OfficeSettingsScreen
from metodkab.sync.municipal import open_municipal
from metodkab.sync.office import NoteSigners, note_signers
from tests.functional.test_exchange_flow import settle
from tests.functional.test_office_matrix import _office


def _signature_text(path) -> str:
    """The text after the last heading's content: the signature rows of the note."""
    document = docx.Document(path)
    rows = [" ".join(c.text for c in t.rows[0].cells) for t in document.tables
            if len(t.rows) == 1 and len(t.columns) == 2]
    return "\n".join(rows)


async def test_f10_sets_who_signs_and_the_note_prints_it(tmp_path):
    from metodkab.screens.exchange_municipal import make_municipal_app

    db, clock = _office(tmp_path)
    app = make_municipal_app(db, clock=clock, blink=False, user="Тест")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, OfficeSettingsScreen)
        assert app.focused.id == "os-head_position"
        await pilot.press(*"Начальник управления образования")
        await pilot.press("tab", *"Соколова  Ирина Петровна", "tab", "tab")
        await pilot.press(*"Ветрова Анна Сергеевна", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, OfficeSettingsScreen)
        assert note_signers(app.store) == NoteSigners(
            "Начальник управления образования", "Соколова Ирина Петровна", "",
            "Ветрова Анна Сергеевна")

        await pilot.press("f10")                # shown again as saved; Esc changes nothing
        await settle(pilot)
        assert app.screen.query_one("#os-head_name").value == "Соколова Ирина Петровна"
        app.screen.query_one("#os-specialist_name").value = "Другая"
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("f8")
        await settle(pilot, 3)
        assert isinstance(app.screen, MatrixScreen)
        out = tmp_path / "out"
        out.mkdir()
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one("#pd-path").value = str(out)
        await pilot.press("ctrl+s")
        await settle(pilot, 3)
    [note] = out.glob("*.docx")
    signed = _signature_text(note)
    assert "Начальник управления образования" in signed
    assert "/ И. П. Соколова /" in signed
    assert S.MX_NOTE_SIGNER in signed               # no position set: the general role
    assert "/ А. С. Ветрова /" in signed and "Другая" not in signed


def test_without_names_the_note_leaves_lines_for_the_pen(tmp_path):
    from metodkab.sync.consolidated import consolidate
    from metodkab.sync.consolidated_files import write_note

    db, clock = _office(tmp_path)
    muni = open_municipal(db, clock=clock)
    try:
        note = write_note(consolidate(muni, clock.today()), tmp_path, note_signers(muni))
    finally:
        muni.close()
    signed = _signature_text(note)
    assert S.MX_NOTE_HEAD in signed and S.MX_NOTE_SIGNER in signed
    assert signed.count("/ " + "_" * 16 + " /") == 2
