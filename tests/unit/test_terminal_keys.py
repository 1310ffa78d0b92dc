"""No key binding of the app uses a key a terminal cannot deliver as itself. A Pilot test
presses "ctrl+h" as its own key and passes, while a real terminal never sends it; so the
bindings are read here, from the source (every Binding(...) with a literal key) and from
the app class (the section keys built in a loop)."""

from __future__ import annotations

import ast
from pathlib import Path

import metodkab
from metodkab.app import MetodkabApp

# Keys a terminal sends as another key (the same control byte) or keeps for itself.
# Ctrl+S and Ctrl+Q are not here: Textual turns the tty's flow control (IXON) off, and
# the Windows console passes them (checked in tmux with the real app).
UNDELIVERABLE = {
    "ctrl+h": "0x08 — Textual reads it as Backspace, which an input line takes",
    "ctrl+i": "0x09 — Tab",
    "ctrl+m": "0x0D — Enter",
    "ctrl+left_square_bracket": "0x1B — Escape",
    "ctrl+c": "copy in the Windows console and Textual's own copy / quit hint",
    "f11": "full screen in Windows Terminal and most Linux terminal windows",
}

SOURCE = Path(metodkab.__file__).parent


def literal_bindings() -> list[tuple[str, int, str]]:
    """(file, line, key string) of every Binding("keys", ...) in the source."""
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Binding"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.append((path.name, node.lineno, node.args[0].value))
    return found


def test_the_source_has_bindings_to_check():
    keys = {key for _, _, key in literal_bindings()}
    assert "ctrl+z" in keys and "ctrl+s" in keys


def test_no_binding_uses_a_key_a_terminal_cannot_deliver():
    bad = [f"{name}:{line} {key}: {UNDELIVERABLE[part]}"
           for name, line, key in literal_bindings()
           for part in key.split(",") if part.strip() in UNDELIVERABLE]
    assert bad == []


def test_no_app_key_is_undeliverable():
    keys = {part.strip() for binding in MetodkabApp.BINDINGS
            for part in binding.key.split(",")}
    assert "ctrl+z" in keys and "f12" in keys
    assert keys.isdisjoint(UNDELIVERABLE)
    # Backspace edits a list's search (Ctrl+H arrives as Backspace): it opens no history.
    assert "backspace" not in keys
