"""A small generic DOCX writer (python-docx) for documents to print and sign.

Every document is A4 with margins for filing (left 2.5 cm), Times New Roman 12 (a font
with Cyrillic that Word has everywhere and LibreOffice maps to Liberation Serif), tagged
Russian (ru-RU in the defaults, the styles and every run: spelling and hyphenation), black
headings, tables with borders whose header rows repeat on every page, page numbers in
the footer, and signature lines. Sections can turn landscape for wide tables.

The file is written by ``storage.files.atomic_write`` (a temporary name in the target
folder, fsync, rename, folder synced), so a half-written file never carries the final
name and an existing file is replaced only by a complete one. No textual here.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from metodkab import strings as S
from metodkab.reports.xlsx import DatedZip, property_time, safe_file_name
from metodkab.storage.files import atomic_write

FONT = "Times New Roman"
LANG = "ru-RU"
SIZE = 12
TABLE_SIZE = 10
A4 = (Cm(21.0), Cm(29.7))
MARGINS = {"left": Cm(2.5), "right": Cm(1.5), "top": Cm(2.0), "bottom": Cm(2.0)}
TABLE_STYLE = "Table Text"
TABLE_STYLE_ID = "TableText"       # the id python-docx gives the style added by that name
HEADER_SHADE = "E7E6E6"
SIGN_BLANK = "_" * 18
SHORT_BLANK = "_" * 12


# --- fonts and styles -------------------------------------------------------------------


def _set_fonts(rpr_owner, name: str) -> None:
    """Set a font for every script (Latin, Cyrillic, East Asian, complex) and drop the
    theme fonts that would otherwise win over it."""
    _set_rpr_fonts(rpr_owner.get_or_add_rPr(), name)


def _set_rpr_fonts(rpr, name: str) -> None:
    """The same on a ``w:rPr`` element itself (the document defaults have no owner)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


_AFTER_LANG = {qn(f"w:{n}") for n in ("eastAsianLayout", "specVanish", "oMath", "rPrChange")}


def set_language(rpr) -> None:
    """Tag run properties Russian (spelling and hyphenation in Word and LibreOffice), the
    ``w:lang`` element in its place in the schema's order."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        following = next((c for c in rpr if c.tag in _AFTER_LANG), None)
        if following is None:
            rpr.append(lang)
        else:
            following.addprevious(lang)
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)
    lang.set(qn("w:bidi"), "ar-SA")


def _document_defaults(doc: Document) -> None:
    """The defaults every style inherits: Times New Roman for every script, Russian."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_rpr_fonts(rpr, FONT)
    set_language(rpr)
    for other in styles.iter(qn("w:rFonts")):      # the template's styles: one font too
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            other.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            other.set(qn(attr), FONT)
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANG)


def tag_russian(doc: Document) -> None:
    """Every run of the body, the headers and the footers tagged Russian (a run's own tag
    wins over the style's, and Word tags typed text by the keyboard otherwise)."""
    parts = [doc.element.body]
    for section in doc.sections:
        parts += [section.header._element, section.footer._element]
    for part in parts:
        for run in part.iter(qn("w:r")):
            set_language(run.get_or_add_rPr())


def _style_font(style, size: float, bold: bool | None = None) -> None:
    _set_fonts(style.element, FONT)
    set_language(style.element.get_or_add_rPr())
    style.font.size = Pt(size)
    style.font.color.rgb = RGBColor(0, 0, 0)
    if bold is not None:
        style.font.bold = bold
    style.font.italic = False


def new_document(*, title: str = "", day: dt.date, landscape: bool = False) -> Document:
    """An empty A4 document with the house styles set up, dated ``day`` (the document's
    own date, by the app's clock) in its properties."""
    doc = docx.Document()
    _document_defaults(doc)
    styles = doc.styles
    normal = styles["Normal"]
    _style_font(normal, SIZE)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.0
    for name, size in (("Title", 15), ("Heading 1", 13), ("Heading 2", 12)):
        style = styles[name]
        _style_font(style, size, bold=True)
        fmt = style.paragraph_format
        fmt.space_before = Pt(10 if name != "Title" else 0)
        fmt.space_after = Pt(6)
        fmt.keep_with_next = True
        if name == "Title":
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
            # The template draws a blue rule under the title; a printed form has none.
            ppr = style.element.get_or_add_pPr()
            for border in ppr.findall(qn("w:pBdr")):
                ppr.remove(border)
    table_text = styles.add_style(TABLE_STYLE, 1)    # 1: a paragraph style
    table_text.base_style = normal
    _style_font(table_text, TABLE_SIZE)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.keep_with_next = False
    section = doc.sections[0]
    section.page_width, section.page_height = A4
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", value)
    if landscape:
        set_landscape(section)
    _page_numbers(section)
    props = doc.core_properties
    props.title = title
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.created = props.modified = property_time(day)
    return doc



def set_landscape(section, landscape: bool = True) -> None:
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)


def new_section(doc: Document, *, landscape: bool) -> None:
    """Start a new page with the given orientation (margins and footer carry over)."""
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    set_landscape(section, landscape)


def text_width(doc: Document) -> int:
    """The width between the margins of the last section, in EMU."""
    section = doc.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


def _field(paragraph: Paragraph, code: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _page_numbers(section) -> None:
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE")


# --- paragraphs -------------------------------------------------------------------------


def paragraph(doc: Document, text: str = "", *, bold: bool = False, italic: bool = False,
              align: str | None = None, size: float | None = None,
              indent_cm: float | None = None, space_after: float | None = None) -> Paragraph:
    """A paragraph of one run. ``align``: left, center, right, justify."""
    p = doc.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size is not None:
            run.font.size = Pt(size)
    if align:
        p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                       "right": WD_ALIGN_PARAGRAPH.RIGHT,
                       "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    if indent_cm is not None:
        p.paragraph_format.left_indent = Cm(indent_cm)
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def labelled(doc: Document, label: str, value: str) -> Paragraph:
    """«Label: value» with the label in bold."""
    p = doc.add_paragraph()
    p.add_run(f"{label} ").bold = True
    p.add_run(value)
    return p


def title(doc: Document, text: str) -> Paragraph:
    return doc.add_paragraph(text, style="Title")


def heading(doc: Document, text: str, level: int = 1) -> Paragraph:
    return doc.add_paragraph(text, style=f"Heading {min(max(level, 1), 2)}")


def numbered(doc: Document, items: Sequence[str], *, start: int = 1) -> list[Paragraph]:
    """A numbered list typed as «1. text» with a hanging indent (no Word numbering that
    would continue from one list into the next)."""
    result = []
    for number, item in enumerate(items, start=start):
        p = doc.add_paragraph(f"{number}.\t{item}")
        fmt = p.paragraph_format
        fmt.left_indent = Cm(1.0)
        fmt.first_line_indent = Cm(-1.0)
        fmt.tab_stops.add_tab_stop(Cm(1.0))
        fmt.space_after = Pt(2)
        result.append(p)
    return result


def approval_block(doc: Document, lines: Sequence[str], *, width_cm: float = 8.5) -> None:
    """A block at the right margin (УТВЕРЖДАЮ, директор, подпись, дата)."""
    indent = text_width(doc) - Cm(width_cm)
    for index, line in enumerate(lines):
        p = doc.add_paragraph()
        p.add_run(line).bold = index == 0 or None
        p.paragraph_format.left_indent = indent
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.keep_with_next = True
    doc.add_paragraph()


def approval_pair(doc: Document, left: Sequence[str], right: Sequence[str]) -> None:
    """Two approval blocks side by side at the top of a document: «СОГЛАСОВАНО» at the
    left margin, «УТВЕРЖДАЮ» at the right (a table without borders); the first line of
    each is bold."""
    width = text_width(doc)
    t = doc.add_table(rows=1, cols=2)
    t.autofit = False
    half = int(width / 2)
    _table_width(t, half * 2)
    for cell, lines in zip(t.rows[0].cells, (left, right)):
        cell.width = half
        for index, line in enumerate(lines):
            p = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            if cell is t.rows[0].cells[1]:
                p.paragraph_format.left_indent = Cm(2.5)
            p.add_run(line).bold = index == 0 or None
    doc.add_paragraph()


def signature_line(doc: Document, role: str, name: str = "", *,
                   date_line: bool = False) -> Paragraph:
    """«Role ____________ / Name /» with the blank and the name at fixed tab stops; a
    blank name is a line for the pen. A role too long for its column (an office's
    position) wraps there, the blank and the name beside its last line."""
    width = text_width(doc)
    sign_at = max(int(width * 0.45), Cm(6))
    signed = f"{SIGN_BLANK}\t/ {name or '_' * 16} /"
    if _role_fits(role, sign_at):
        p = doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.space_before = Pt(14)
        fmt.space_after = Pt(0)
        fmt.keep_together = True
        fmt.tab_stops.add_tab_stop(sign_at)
        fmt.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        p.add_run(role)
        p.add_run(f"\t{signed}")
    else:
        p = _signature_row(doc, role, signed, sign_at, width)
    if date_line:
        q = doc.add_paragraph(S.DOC_DATE_BLANK)
        q.paragraph_format.left_indent = sign_at
        q.paragraph_format.space_after = Pt(0)
    return p


def _role_fits(role: str, column: int) -> bool:
    """Whether ``role`` stays on one line before the blank (a Cyrillic letter of Times New
    Roman 12 is about half its size wide; the longest take more: estimate wide)."""
    return Pt(SIZE * 0.55) * len(role) + Cm(0.3) <= column


def _signature_row(doc: Document, role: str, signed: str, sign_at: int,
                   width: int) -> Paragraph:
    """The role wrapped in its column, «____ / name /» at the bottom of the next one: a
    table without borders or cell margins, lined up with the text and the other
    signatures."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    t = doc.add_table(rows=1, cols=2)
    t.autofit = False
    _table_width(t, width)
    tbl_pr = t._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        tbl_pr.append(margins)
    else:
        look.addprevious(margins)
    row = t.rows[0]
    _row_property(row, "cantSplit")
    left, right = row.cells
    for cell, cell_width in ((left, sign_at), (right, width - sign_at)):
        cell.width = cell_width
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        fmt = cell.paragraphs[0].paragraph_format
        fmt.space_before = Pt(14)
        fmt.space_after = Pt(0)
    left.paragraphs[0].paragraph_format.right_indent = Cm(0.3)
    left.paragraphs[0].add_run(role)
    p = right.paragraphs[0]
    p.paragraph_format.tab_stops.add_tab_stop(width - sign_at, WD_TAB_ALIGNMENT.RIGHT)
    p.add_run(signed)
    return p


def two_sides(doc: Document, left: str, right: str) -> Paragraph:
    """One line with text at the left margin and text at the right margin (an order's
    date and number)."""
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(text_width(doc), WD_TAB_ALIGNMENT.RIGHT)
    p.add_run(f"{left}\t{right}")
    return p


def acquaint_line(doc: Document, name: str) -> Paragraph:
    """«Name ____________ «__» ______ 20__ г.» — one person's mark of acquaintance."""
    width = text_width(doc)
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before = Pt(8)
    fmt.space_after = Pt(0)
    fmt.tab_stops.add_tab_stop(int(width * 0.45))
    fmt.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    p.add_run(f"{name}\t{SHORT_BLANK}\t{S.DOC_DATE_BLANK_SHORT}")
    return p


# --- tables -----------------------------------------------------------------------------


def _borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000")
        borders.append(edge)
    # Word wants the children of tblPr in the schema's order: borders before these.
    later = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
             "tblPrChange")
    following = next((c for c in tbl_pr if c.tag in {qn(f"w:{n}") for n in later}), None)
    if following is None:
        tbl_pr.append(borders)
    else:
        following.addprevious(borders)


def _table_width(table, width: int) -> None:
    """The table's width in twentieths of a point (Word lays fixed tables out by it)."""
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(int(width / 635)))     # 635 EMU in a twip


def _row_property(row, name: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement(f"w:{name}")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def set_cell(cell, text: object, *, bold: bool = False, align: str | None = None) -> None:
    """Put text into a cell (line breaks become separate lines) in the table style."""
    lines = ("" if text is None else str(text)).split("\n")
    p = cell.paragraphs[0]
    p._p.style = TABLE_STYLE_ID       # by id: looking the style up by name scans them all
    for index, line in enumerate(lines):
        run = p.add_run(line)
        run.bold = bold or None
        if index < len(lines) - 1:
            run.add_break()
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


UP = object()     # in a header row: this cell continues the one above (a merged title)


def table(doc: Document, headers: Sequence[str] | Sequence[Sequence[object]],
          rows: Sequence[Sequence[object]] = (), *, widths: Sequence[float] | None = None,
          align: Sequence[str | None] | None = None):
    """A bordered table filling the text width. ``headers`` is one row of titles, or
    several rows where None continues the cell to its left and ``UP`` the cell above
    (merged titles). Header rows are bold, shaded, repeated on every page and never
    split; ``widths`` are relative weights of the columns; ``align`` per column: None,
    "center" or "right"."""
    header_rows = ([list(headers)] if headers and isinstance(headers[0], str)
                   else [list(r) for r in headers])
    ncols = len(header_rows[0])
    t = doc.add_table(rows=0, cols=ncols)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _borders(t)
    weights = list(widths or [1] * ncols)
    total = text_width(doc)
    column_widths = _no_broken_words(
        [int(total * w / sum(weights)) for w in weights],
        [max((len(w) for t in titles if isinstance(t, str) for w in t.split()), default=0)
         for titles in zip(*header_rows)])
    for column, width in zip(t.columns, column_widths):
        column.width = width
    _table_width(t, sum(column_widths))
    t._column_widths = column_widths
    t._align = list(align or [None] * ncols)
    rows_added = []
    for titles in header_rows:
        row = t.add_row()
        _row_property(row, "tblHeader")
        _row_property(row, "cantSplit")
        for cell, width in zip(row.cells, column_widths):
            cell.width = width
        rows_added.append(row)
    for row, titles in zip(rows_added, header_rows):       # titles across columns
        start = 0
        for index in range(1, ncols + 1):
            if index == ncols or titles[index] is not None:
                if index > start + 1:
                    row.cells[start].merge(row.cells[index - 1])
                start = index
    for r, titles in enumerate(header_rows):                # titles down rows
        for c, text in enumerate(titles):
            if text is UP and r:
                top = r - 1
                while top and header_rows[top][c] is UP:
                    top -= 1
                t.cell(top, c).merge(t.cell(r, c))
    for r, titles in enumerate(header_rows):
        for c, text in enumerate(titles):
            if text is not None and text is not UP:
                cell = t.cell(r, c)
                set_cell(cell, text, bold=True, align="center")
                _shade(cell, HEADER_SHADE)
    for values in rows:
        add_row(t, values)
    return t


def _no_broken_words(widths: list[int], words: list[int]) -> list[int]:
    """Column widths (EMU) widened where a header word would not fit on one line (a bold
    Cyrillic letter of the table font is about 0.6 of its size), taken from the columns
    with room to spare, so no header breaks in the middle of a word."""
    need = [int(Pt(TABLE_SIZE * 0.62) * n + Cm(0.45)) for n in words]
    widths = list(widths)
    for i, wanted in enumerate(need):
        short = wanted - widths[i]
        if short <= 0:
            continue
        spare = {j: widths[j] - need[j] for j in range(len(widths)) if widths[j] > need[j]}
        room = sum(spare.values())
        if room <= 0:
            break
        take = min(short, room)
        for j, extra in spare.items():
            widths[j] -= int(take * extra / room)
        widths[i] += take
    return widths


def form_table(doc: Document, rows: Sequence[tuple[str, str]], *,
               widths: tuple[float, float] = (1, 2.6)):
    """A bordered table of «label | text» rows without a header (a programme's passport):
    the labels bold, each row kept on one page."""
    t = doc.add_table(rows=0, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _borders(t)
    total = text_width(doc)
    column_widths = [int(total * w / sum(widths)) for w in widths]
    for column, width in zip(t.columns, column_widths):
        column.width = width
    _table_width(t, sum(column_widths))
    for label, text in rows:
        row = t.add_row()
        _row_property(row, "cantSplit")
        for cell, width in zip(row.cells, column_widths):
            cell.width = width
        set_cell(row.cells[0], label, bold=True)
        set_cell(row.cells[1], text)
    return t


def add_row(t, values: Sequence[object], *, bold: bool = False):
    """A row of values (never split between pages: a row is a few lines at most)."""
    row = t.add_row()
    _row_property(row, "cantSplit")
    for index, value in enumerate(values):
        cell = row.cells[index]
        cell.width = t._column_widths[index]
        set_cell(cell, value, bold=bold, align=t._align[index])
    return row


def add_group_row(t, text: str):
    """A row across the whole table (a task heading in a plan)."""
    row = t.add_row()
    _row_property(row, "cantSplit")
    cells = row.cells
    merged = cells[0].merge(cells[-1]) if len(cells) > 1 else cells[0]
    set_cell(merged, text, bold=True)
    merged.paragraphs[0].paragraph_format.keep_with_next = True
    _shade(merged, "F2F2F2")
    return row


# --- saving -----------------------------------------------------------------------------


def write_docx(folder: Path | str, file_name: str, document: Document) -> Path:
    """Save ``document`` into ``folder/file_name`` (".docx" added) atomically; return the
    full path, owner-only (it names staff). The folder is created if needed; on any
    failure the temporary file is removed, an existing file of that name is left as it
    was and the message is Russian (FileProblem)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = safe_file_name(file_name)
    if not name.lower().endswith(".docx"):
        name += ".docx"
    target = folder / name
    tag_russian(document)
    # python-docx dates every member of the archive by the machine's clock: the document
    # is saved in memory and its members copied, dated by the document's own date.
    saved = io.BytesIO()
    document.save(saved)
    with (zipfile.ZipFile(saved) as source,
          atomic_write(target, private=True) as stream,
          DatedZip(stream, document.core_properties.modified) as archive):
        for member in source.infolist():
            archive.writestr(member.filename, source.read(member))
    return target.resolve()
