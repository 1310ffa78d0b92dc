"""A file picked as the office's key that is not one: one clear Russian sentence naming
the file, saying what is wrong and what to do (it read «Файл не является открытым ключом
…: файл ключа: не читается (не JSON или неверная структура)»)."""

from __future__ import annotations

import pytest

from metodkab import strings as S
from metodkab.sync.crypto import MAX_KEY_FILE_BYTES
from metodkab.sync.errors import SyncError
from metodkab.sync.school import read_municipality_key

EXPECTED = ("Файл «ключ.mkkey» — не ключ управления образованием или повреждён: попросите "
            "в управлении образованием файл ключа (.mkkey) заново и загрузите его.")


@pytest.mark.parametrize("content", [
    b"not json at all",                                     # not JSON
    b"[1, 2, 3]",                                           # JSON, not an object
    b'{"format": "something-else"}',                        # another program's file
    b"\xff\xfe\x00",                                        # not text
    b" " * (MAX_KEY_FILE_BYTES + 1),                        # far too big for a key
])
def test_a_bad_key_file_reads_as_one_sentence(tmp_path, content):
    path = tmp_path / "ключ.mkkey"
    path.write_bytes(content)
    with pytest.raises(SyncError) as caught:
        read_municipality_key(path)
    message = str(caught.value)
    assert message == EXPECTED == S.EX_KEY_FILE_BAD_NAMED.format(name=path.name)
    assert "JSON" not in message and message.count(":") == 1
