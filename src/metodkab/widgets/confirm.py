"""Ask, then do: the yes/no question before a deletion, and the storage call after a yes."""

from __future__ import annotations

from typing import Any, Callable


def confirm_then(screen: Any, question: str, work: Callable[..., Any], *args: Any,
                 done: Callable[[Any], None]) -> None:
    """Ask ``question`` (Esc or «Нет» changes nothing); on «Да» run ``work(store, *args)``
    in the screen's database worker and call ``done`` with its result."""
    from metodkab.screens.dialogs import ConfirmDialog

    def answer(yes: bool | None) -> None:
        if yes:
            screen.run_db(work, *args, done=done)

    screen.app.push_screen(ConfirmDialog(question), callback=answer)
