"""The office's file and folder pickers open at the folder used last (kept in the office's
database), not at the home folder every time."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from metodkab.screens.exchange_files import PathDialog, start_folder

FOLDER_SETTING = "last_folder"


def pick_path(screen, title: str, done: Callable[[Path], None], *, want: str = "file",
              suffixes: Iterable[str] = (), hint: str = "") -> None:
    """Open a PathDialog at the remembered folder; remember the folder of the choice and
    hand the chosen path to ``done`` (nothing happens on Esc)."""
    from metodkab.sync.office import get_setting, set_setting

    def chosen(path: Path | None) -> None:
        if path is None:
            return
        folder = path if path.is_dir() else path.parent
        screen.run_db(set_setting, FOLDER_SETTING, str(folder))
        done(path)

    def opened(remembered: str) -> None:
        screen.app.push_screen(PathDialog(title, want=want, suffixes=suffixes, hint=hint,
                                          folder=start_folder(remembered or None)),
                               callback=chosen)

    screen.run_db(get_setting, FOLDER_SETTING, done=opened)
