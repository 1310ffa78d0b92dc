"""What a register's search box becomes in SQL: ``column LIKE :search ESCAPE '\\'`` over
normalised text (``norm``: case and ё folded), the typed text's own ``%`` and ``_`` taken
literally."""

from __future__ import annotations

from metodkab.domain.parse import norm

LIKE = "LIKE :search ESCAPE '\\'"


def like_pattern(text: str) -> str:
    """«Ива» → ``%ива%``, escaped for ``LIKE … ESCAPE '\\'``."""
    escaped = norm(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
