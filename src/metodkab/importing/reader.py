"""Reading a school's table: XLSX, XLS and ODS (python-calamine) or CSV (UTF-8 or
Windows-1251, ``;`` or ``,``).

``read_table(path)`` returns a ``Sheet``: the header found under any title rows, the data
rows with the row numbers the user sees in Excel, and what was detected (sheet,
encoding, separator). Merged cells are filled in as the user sees them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from metodkab import strings as S
from metodkab.domain.parse import norm
from metodkab.importing.values import cell_text

WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
SUPPORTED = (*WORKBOOKS, ".csv", ".txt")
SHOWN_IN_CHOOSER = (*WORKBOOKS, ".csv")
HEADER_SCAN_ROWS = 25
MAX_ROWS = 20000                 # filled rows a sheet may have; more is refused, never cut
MAX_COLUMNS = 60
MAX_FILE_BYTES = 200 * 1024 * 1024
PROGRESS_STEP = 500
MAX_EMPTY_RUN = 5000             # empty rows in a row after which a sheet is taken as ended
WORKBOOK_MEMORY = 2 * 1024 ** 3  # address space the workbook reading process may take
WORKBOOK_SECONDS = 600           # and the time

Progress = Callable[[str, int, int], None]     # (what is being done, done, total)


class ImportFileError(Exception):
    """A file that cannot be read; the message is one Russian sentence."""


@dataclass
class Sheet:
    """A table read from a file: header cells and data rows (as read, not yet parsed)."""

    path: Path
    headers: list[str]
    rows: list[tuple[int, list[object]]]        # (row number in the file, cells)
    sheet_name: str = ""
    encoding: str = ""
    delimiter: str = ""
    header_row: int = 0
    list_date: dt.date | None = None     # the date the list states above its header
    list_date_source: str = ""           # where: the title text or the cell

    @property
    def width(self) -> int:
        return len(self.headers)

    def column_label(self, index: int) -> str:
        """"B «Должность»" — the column letter (XLSX) or number (CSV) and its header."""
        letter = column_letter(index) if not self.delimiter else str(index + 1)
        header = self.headers[index] if index < len(self.headers) else ""
        return f"{letter} «{header}»" if header else letter

    def samples(self, index: int, count: int = 3) -> list[str]:
        """The first non-empty values of a column (shown beside the mapping)."""
        found: list[str] = []
        for _, cells in self.rows:
            if index < len(cells):
                text = cell_text(cells[index])
                if text and text not in found:
                    found.append(text)
                    if len(found) == count:
                        break
        return found


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_table(path: Path | str, *, score: Callable[[Sequence[str]], int],
               progress: Progress | None = None) -> Sheet:
    """Read a table; ``score(cells)`` says how much a row looks like a header
    (from the mapping module), so the header is found under any title rows.
    ``progress(what, done, total)`` is called now and then on a large file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ImportFileError(S.IMP_UNSUPPORTED.format(suffix=suffix or "?"))
    if not path.is_file():
        if path.is_dir():
            raise ImportFileError(S.FILE_IS_FOLDER.format(path=path))
        if path.exists():                       # a named pipe or a device: never read
            raise ImportFileError(S.FILE_NOT_REGULAR.format(path=path))
        raise ImportFileError(S.IMP_NOT_FOUND.format(path=path))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportFileError(S.IMP_FILE_TOO_BIG.format(mb=MAX_FILE_BYTES // (1024 * 1024)))
    if suffix in WORKBOOKS:
        candidates = _workbook_grids(path, progress)
    else:
        grid, encoding, delimiter = _csv_grid(path)
        candidates = [("", grid, encoding, delimiter)]
    if not any(any(cell_text(c) for c in row) for _, grid, _, _ in candidates for row in grid):
        raise ImportFileError(S.IMP_NO_HEADER)
    best: Sheet | None = None
    best_score = 0
    for name, grid, encoding, delimiter in candidates:
        found = _find_header(grid, score)
        if found is None:
            continue
        header_index, headers, points = found
        if points > best_score:
            best_score = points
            data_start = header_index + 1 + _sub_header_rows(grid, header_index, score)
            rows = [(number, cells) for number, cells in _numbered(grid, data_start)]
            best = Sheet(path=path, headers=headers, rows=rows, sheet_name=name,
                         encoding=encoding, delimiter=delimiter, header_row=data_start)
            best.list_date, best.list_date_source = list_date(grid[:header_index])
    if best is None:
        best = _first_row_as_header(path, candidates)
    return best


def _first_row_as_header(path: Path, candidates) -> Sheet:
    """No row looks like a header: the first filled row is taken as one, and the user
    says which column is which."""
    for name, grid, encoding, delimiter in candidates:
        for index, row in enumerate(grid):
            cells = [cell_text(c) for c in row]
            if any(cells):
                width = max((i + 1 for i, c in enumerate(cells) if c), default=0)
                for _, data in _numbered(grid, index + 1):
                    width = max(width, max((i + 1 for i, c in enumerate(data)
                                            if cell_text(c)), default=0))
                return Sheet(path=path, headers=(cells + [""] * width)[:width],
                             rows=_numbered(grid, index + 1), sheet_name=name,
                             encoding=encoding, delimiter=delimiter, header_row=index + 1)
    raise ImportFileError(S.IMP_NO_HEADER)


# --- header ----------------------------------------------------------------------------


def _find_header(grid: list[list[object]], score: Callable[[Sequence[str]], int]
                 ) -> tuple[int, list[str], int] | None:
    """The row among the first ones that looks most like a header (at least two known
    column names); a second header row below it ("ФИО" over "Фамилия | Имя | Отчество")
    is merged in."""
    best: tuple[int, list[str], int] | None = None
    for index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        cells = [cell_text(c) for c in row]
        points = score(cells)
        if points >= 2 and (best is None or points > best[2]):
            best = (index, cells, points)
    if best is None:
        return None
    index, cells, points = best
    if index > 0:
        above = [cell_text(c) for c in grid[index - 1]]
        if score(above) >= 2:          # the upper of two header rows: fill the gaps from it
            cells = [a or b for a, b in zip(cells, above + [""] * len(cells))]
    if _sub_header_rows(grid, index, score):
        below = [cell_text(c) for c in grid[index + 1]]
        cells = [b or a for a, b in zip(cells, below + [""] * len(cells))]
        points = max(points, score(cells))
    width = max((i + 1 for i, c in enumerate(cells) if c), default=0)
    for _, row in _numbered(grid, index + 1):
        width = max(width, max((i + 1 for i, c in enumerate(row) if cell_text(c)), default=0))
    headers = (cells + [""] * width)[:width]
    return index, headers, points


_TITLE_DATE = re.compile(
    r"(?<![\d.])(\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+[а-яё]+\s+\d{4})(?!\d)", re.IGNORECASE)


def list_date(title_rows: list[list[object]]) -> tuple[dt.date | None, str]:
    """The date a list states above its header: «Педагогический состав … на 01.09.2025»,
    «по состоянию на 1 сентября 2025 г.» or a date cell; (None, "") when it states none."""
    from metodkab.importing.values import parse_sheet_date

    for number, row in enumerate(title_rows, start=1):
        for column, value in enumerate(row):
            if isinstance(value, dt.date):
                day = value.date() if isinstance(value, dt.datetime) else value
                return day, S.IMP_LIST_DATE_CELL.format(cell=f"{column_letter(column)}{number}")
            text = cell_text(value)
            if not text or len(text) > 500:
                continue
            for m in _TITLE_DATE.finditer(text):
                try:
                    found = parse_sheet_date(m.group(1))
                except ValueError:
                    continue
                if found is not None and found.day is not None:
                    shown = text if len(text) <= 70 else "…" + text[max(0, m.start() - 40):
                                                                     m.end() + 10] + "…"
                    return found.day, S.IMP_LIST_DATE_TITLE.format(text=shown)
    return None, ""


def _sub_header_rows(grid: list[list[object]], index: int,
                     score: Callable[[Sequence[str]], int]) -> int:
    """1 when the row under the header is a second header row, else 0."""
    if index + 1 >= len(grid):
        return 0
    below = [cell_text(c) for c in grid[index + 1]]
    if score(below) < 2:
        return 0
    if any(re.search(r"\d{2}\.\d{2}\.\d{4}|\d{4}", c) for c in below):
        return 0
    return 1


def _is_numbering(cells: list[str]) -> bool:
    """The row "1 | 2 | 3 | 4" that Russian forms put under the header."""
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(c.isdigit() for c in filled) and \
        [int(c) for c in filled] == list(range(int(filled[0]), int(filled[0]) + len(filled)))


def _numbered(grid: list[list[object]], start: int) -> list[tuple[int, list[object]]]:
    """Data rows with their numbers in the file; empty rows and the column numbering
    row are left out."""
    rows = []
    for index in range(start, len(grid)):
        cells = grid[index]
        texts = [cell_text(c) for c in cells]
        if not any(texts):
            continue
        if index == start and _is_numbering(texts):
            continue
        rows.append((index + 1, list(cells)))
    return rows


# --- workbooks: XLSX, XLS, ODS (python-calamine) ----------------------------------------

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _is_encrypted_ooxml(path: Path) -> bool:
    """An .xlsx saved with a password is an OLE container holding «EncryptedPackage»."""
    with path.open("rb") as handle:
        head = handle.read(8)
        if head != OLE_SIGNATURE:
            return False
        return b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P" in handle.read(1 << 20)


def _workbook_grids(path: Path, progress: Progress | None = None
                    ) -> list[tuple[str, list[list[object]], str, str]]:
    """Every visible sheet of a workbook as rows of values (formulas read as their
    values); merged cells filled in as the user sees them.

    The native reader runs in a process of its own (``python -m
    metodkab.importing.reader FILE``) with a memory ceiling: a damaged 10 KB .xls made it
    ask for 20 GB and abort, which would have taken the application with it. Whatever
    happens there comes back as one Russian sentence."""
    import pickle
    import subprocess
    import sys
    import threading

    if _is_encrypted_ooxml(path):
        raise ImportFileError(S.IMP_PASSWORD)
    process = subprocess.Popen(
        [sys.executable, "-m", __name__, str(path)], stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    timer = threading.Timer(WORKBOOK_SECONDS, process.kill)
    timer.start()
    try:
        assert process.stdout is not None
        while True:
            try:
                message = pickle.load(process.stdout)     # our own child's words only
            except (EOFError, pickle.UnpicklingError, OSError, ValueError):
                break                                     # gone without a word: it crashed
            kind = message[0]
            if kind == "progress":
                if progress is not None:
                    progress(*message[1:])
            elif kind == "done":
                return message[1]
            elif kind == "error":
                raise ImportFileError(message[1])
            elif kind == "oserror":
                raise OSError(*message[1:])
    finally:
        timer.cancel()
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()
    raise ImportFileError(S.IMP_WORKBOOK_CRASHED.format(name=path.name))


def _workbook_child(path_text: str) -> None:
    """The reading process: the sheets, or why not, written to stdout as pickles."""
    import pickle
    import sys

    out = sys.stdout.buffer
    path = Path(path_text)
    _limit_memory(WORKBOOK_MEMORY)

    def send(*message: object) -> None:
        pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    try:
        send("done", _calamine_grids(path, lambda *a: send("progress", *a)))
    except ImportFileError as exc:
        send("error", str(exc))
    except OSError as exc:
        if exc.errno is not None:
            send("oserror", exc.errno, exc.strerror, exc.filename)
        else:
            send("error", _not_a_workbook(path, exc))
    except BaseException as exc:        # MemoryError, a Rust panic (a BaseException) …
        send("error", _not_a_workbook(path, exc))


def _limit_memory(limit: int) -> None:
    """A ceiling on the reading process's address space (POSIX); elsewhere none."""
    try:
        import resource
    except ImportError:
        return
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def _calamine_grids(path: Path, progress: Progress | None
                    ) -> list[tuple[str, list[list[object]], str, str]]:
    import python_calamine as pc

    try:
        workbook = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        raise ImportFileError(S.IMP_PASSWORD) from None
    except (pc.CalamineError, pc.ZipError, pc.XmlError, ValueError) as exc:
        raise ImportFileError(_not_a_workbook(path, exc)) from None
    except OSError as exc:
        if exc.errno is not None:
            raise                   # the disk's trouble (no access …), said by the caller
        raise ImportFileError(_not_a_workbook(path, exc)) from None    # a bad checksum
    result = []
    try:
        for meta in workbook.sheets_metadata:
            if meta.visible != pc.SheetVisibleEnum.Visible or \
                    meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = workbook.get_sheet_by_name(meta.name)
                merged = sheet.merged_cell_ranges
                if merged is None and path.suffix.lower() == ".ods":
                    merged = ods_merged_ranges(path, meta.name)
                grid = _sheet_grid(sheet, meta.name, progress, merged)
            except pc.PasswordError:
                raise ImportFileError(S.IMP_PASSWORD) from None
            except (pc.CalamineError, pc.XmlError, pc.ZipError, ValueError) as exc:
                raise ImportFileError(_not_a_workbook(path, exc)) from None
            except OSError as exc:
                if exc.errno is not None:
                    raise
                raise ImportFileError(_not_a_workbook(path, exc)) from None
            result.append((meta.name, grid, "", ""))
    finally:
        workbook.close()
    return result


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def ods_merged_ranges(path: Path, sheet_name: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Merged cells of an .ods sheet (python-calamine does not report them for ODS):
    ((top, left), (bottom, right)), 0-based, read from the spans in ``content.xml``."""
    import xml.etree.ElementTree as ET
    import zipfile
    import zlib

    found: list[tuple[tuple[int, int], tuple[int, int]]] = []
    row = col = 0
    inside = False
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
            for event, element in ET.iterparse(content, events=("start", "end")):
                tag = element.tag
                if tag == _ODS_TABLE + "table":
                    if event == "start":
                        inside = element.get(_ODS_TABLE + "name") == sheet_name
                        row = 0
                    elif inside:
                        break
                    continue
                if not inside:
                    if event == "end":
                        element.clear()
                    continue
                if tag == _ODS_TABLE + "table-row":
                    if event == "start":
                        col = 0
                    else:
                        row += int(element.get(_ODS_TABLE + "number-rows-repeated", "1"))
                        element.clear()
                elif tag in (_ODS_TABLE + "table-cell", _ODS_TABLE + "covered-table-cell") \
                        and event == "start":
                    rows = int(element.get(_ODS_TABLE + "number-rows-spanned", "1"))
                    cols = int(element.get(_ODS_TABLE + "number-columns-spanned", "1"))
                    if (rows > 1 or cols > 1) and row < MAX_ROWS * 4 and col < MAX_COLUMNS:
                        found.append(((row, col), (row + rows - 1, col + cols - 1)))
                    col += int(element.get(_ODS_TABLE + "number-columns-repeated", "1"))
    except (OSError, EOFError, KeyError, ValueError, RuntimeError, zipfile.BadZipFile,
            ET.ParseError, zlib.error):
        return []               # the values were read; only the merges are left out
    return found


def _not_a_workbook(path: Path, exc: Exception) -> str:
    """Why a workbook cannot be read; a web page or an XML table saved under .xls (as
    portals export them) is named as such, with what to do."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2048).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        head = b""
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")):
        return S.IMP_HTML_AS_WORKBOOK.format(name=path.name)
    if head.startswith(b"<?xml") and b"office:spreadsheet" in head:
        return S.IMP_XML_AS_WORKBOOK.format(name=path.name)
    kind = S.IMP_FORMAT_NAMES.get(path.suffix.lower(), path.suffix)
    return S.IMP_BAD_WORKBOOK.format(name=path.name, kind=kind)


def _sheet_grid(sheet, name: str, progress: Progress | None,
                merged_ranges=None) -> list[list[object]]:
    rows: list[list[object]] = []
    filled = empty_run = 0
    for cells in sheet.iter_rows():
        row = [None if c == "" else c for c in cells[:MAX_COLUMNS]]
        if any(c is not None for c in row):
            filled += 1
            empty_run = 0
            if filled > MAX_ROWS:
                raise ImportFileError(S.IMP_TOO_MANY_ROWS.format(
                    sheet=name, limit=f"{MAX_ROWS:,}".replace(",", " ")))
        else:
            empty_run += 1
            if empty_run > MAX_EMPTY_RUN:
                break           # a sheet formatted down to row 1 048 576: the rest is empty
        rows.append(row)
        if progress is not None and len(rows) % PROGRESS_STEP == 0:
            progress(S.IMP_PROGRESS_READING, len(rows), sheet.height or 0)
    while rows and not any(c is not None for c in rows[-1]):
        rows.pop()
    for (top, left), (bottom, right) in merged_ranges or ():
        if top >= len(rows) or left >= MAX_COLUMNS:
            continue
        value = rows[top][left] if left < len(rows[top]) else None
        for r in range(top, min(bottom + 1, len(rows))):
            row = rows[r]
            for c in range(left, min(right + 1, MAX_COLUMNS)):
                if c >= len(row):
                    row.extend([None] * (c + 1 - len(row)))
                row[c] = value
    return rows


# --- CSV -------------------------------------------------------------------------------

DELIMITERS = (";", ",", "\t")


def decode(data: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (with or without BOM), UTF-16 with BOM, else
    Windows-1251 (what Excel writes for «CSV (разделители — запятые)» in Russia)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace"), "Windows-1251"


def detect_delimiter(text: str) -> str:
    """The separator that splits the first lines into the most equal, widest rows."""
    lines = [line for line in text.splitlines()[:40] if line.strip()]
    best, best_key = ";", (-1, -1)
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        key = (wide.count(mode), mode)
        if key > best_key:
            best, best_key = delimiter, key
    return best


def _csv_grid(path: Path) -> tuple[list[list[object]], str, str]:
    data = path.read_bytes()
    if data.startswith((OLE_SIGNATURE, b"PK\x03\x04", b"%PDF")) or \
            (b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise ImportFileError(S.IMP_NOT_TEXT_TABLE.format(name=path.name))
    text, encoding = decode(data)
    delimiter = detect_delimiter(text)
    grid: list[list[object]] = []
    filled = 0
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for row in reader:
            grid.append(list(row[:MAX_COLUMNS]))
            if any(c.strip() for c in row):
                filled += 1
                if filled > MAX_ROWS:
                    raise ImportFileError(S.IMP_TOO_MANY_ROWS.format(
                        sheet=path.name, limit=f"{MAX_ROWS:,}".replace(",", " ")))
    except csv.Error:
        raise ImportFileError(S.IMP_BAD_CSV.format(line=reader.line_num)) from None
    return grid, encoding, delimiter


def normalise_header(text: str) -> str:
    """A header as the mapping compares it: lower case, ё → е, no punctuation runs."""
    low = norm(text).replace("\n", " ")
    low = re.sub(r"[\"«»:*()\[\]]", " ", low)
    return " ".join(low.split()).strip(" .,;")


__all__ = ["Sheet", "ImportFileError", "read_table", "decode", "detect_delimiter",
           "normalise_header", "column_letter", "SHOWN_IN_CHOOSER", "SUPPORTED"]


if __name__ == "__main__":          # the workbook reading process (see _workbook_grids)
    import sys

    _workbook_child(sys.argv[1])
