"""The one reader of JSON that comes from outside: packets, receipts, key files, settings.

``json.loads`` recurses once per level of nesting: a file of ``[[[[…]]]]`` 100,000 deep
ends in RecursionError, a traceback instead of a message. ``read_json`` checks the size
first, then the nesting depth without recursing (strings are cut out, the brackets that
remain are summed as a running depth by C-level loops), and only then parses. NaN and
Infinity are refused (they are not JSON). Every failure is ``JsonRefused``: a ValueError
whose text is one Russian line, so callers that already turn ValueError into their own
message keep working and the others can show it as it is.

Nothing else parses JSON from outside; a test greps the sources for ``json.loads``.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from metodkab import strings as S

MAX_BYTES = 1 << 20          # a key file, a settings value, a manifest: far below this
MAX_DEPTH = 32               # our own files nest 5 levels at most

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class JsonRefused(ValueError):
    """JSON from outside that is too big, too deep or not JSON; the text is Russian."""


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)


def nesting_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in ``text`` (brackets inside strings do
    not count); computed without recursion."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if not brackets:
        return 0
    return max(accumulate(map(_STEP.__getitem__, brackets)))


def read_json(data: bytes | str, *, what: str = S.JSON_WHAT_DATA, max_bytes: int = MAX_BYTES,
              max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON from outside within the limits; JsonRefused (Russian) otherwise.

    ``what`` names the thing in the message («файл ключа», «квитанция» …).
    """
    size = len(data)
    if size > max_bytes:
        raise JsonRefused(S.JSON_TOO_BIG.format(what=what, size=size, limit=max_bytes))
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise JsonRefused(S.JSON_NOT_UTF8.format(what=what)) from None
    else:
        text = data
    if text.count("[") + text.count("{") > max_depth and nesting_depth(text) > max_depth:
        raise JsonRefused(S.JSON_TOO_DEEP.format(what=what, limit=max_depth))
    try:
        return _DECODER.decode(text)
    except (ValueError, RecursionError):
        raise JsonRefused(S.JSON_BAD.format(what=what)) from None


def read_json_object(data: bytes | str, *, what: str = S.JSON_WHAT_DATA,
                     max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """``read_json`` of something that must be a JSON object."""
    value = read_json(data, what=what, max_bytes=max_bytes, max_depth=max_depth)
    if not isinstance(value, dict):
        raise JsonRefused(S.JSON_BAD.format(what=what))
    return value
