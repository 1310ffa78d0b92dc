"""The office's consolidated report as files: the workbook (the one writer of
reports/xlsx.py) and the analytical note (аналитическая справка, the Word helpers of
reports/docx.py). Both are built from one ``Consolidated`` (sync/consolidated.py): every
figure there comes from the schools' own rule functions; nothing here counts anything
but the rows it writes.

Workbook sheets: «Показатели» (schools × indicators: count, base and percent, the targets
row, met / not met coloured, the total over the pooled staff), «Распределения» (the same
for the ОО-1 bands), «Диаграммы» (a bar chart per federal indicator, the schools against
the target line), «Школы» (packets, data date, level, gaps, the register's silent
schools), «Программы развития» (done / due by direction per school), and the four lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from metodkab import strings as S
from metodkab.domain.parse import format_date
from metodkab.reports import indicators as ri
from metodkab.reports.indicator_sheet import number_text, target_text
from metodkab.reports.xlsx import (LANDSCAPE_WIDTH, Column, Sheet, free_name, title_over,
                                   write_xlsx)
from metodkab.sync.consolidated import (
    DISTRIBUTION_GROUPS, MATRIX_GROUPS, Consolidated, Person,
)
from metodkab.sync.office import NoteSigners, format_moment

PROGRAMME_DIRECTION = "programme_direction_"
NOTE_LIST_SCHOOLS = 15      # the note names the schools with the most people on a list


def _municipality(report: Consolidated) -> str:
    return report.municipality or S.MX_MUNICIPALITY


def _figure_columns(result: ri.Result) -> list[Column]:
    """A count alone for a count (active pairs); count, base and percent for a share;
    count, base and the ratio for a ratio."""
    if result.kind == ri.COUNT:
        return [Column(S.MX_COL_NUMBER, 11)]
    last = (Column(S.MX_COL_RATIO, 8, "0.00") if result.kind == ri.RATIO
            else Column(S.MX_COL_PERCENT, 7, percent=True))
    count = S.MX_COL_NUMBER if result.kind == ri.RATIO or result.group == "school" \
        else S.MX_COL_COUNT
    return [Column(count, 7), Column(S.MX_COL_BASE, 7), last]


def _figure_cells(result: ri.Result | None, width: int) -> list:
    if result is None:
        return [None] * width
    if result.kind == ri.COUNT:
        return [result.count]
    return [result.count, result.base, result.value]


def _mark(result: ri.Result | None) -> str | None:
    if result is None or result.achieved is None:
        return None
    return "good" if result.achieved else "bad"


def matrix_sheet(report: Consolidated, groups: Sequence[str], name: str, title: str,
                 *, targets: bool = True) -> Sheet:
    """Schools as rows, the indicators of ``groups`` as columns (with a band of their
    names above), the targets row first, the total over the pooled staff last."""
    figures = [t for t in report.totals if t.group in groups]
    columns = [Column(S.MX_COL_CODE, 8), Column(S.MX_COL_SCHOOL, 28),
               Column(S.MX_COL_DATA_AS_OF, 16), Column(S.MX_COL_LEVEL, 13)]
    bands: list[tuple[str, int]] = [("", len(columns))]
    value_at: list[int] = []               # the column of each figure's value
    for figure in figures:
        own = _figure_columns(figure)
        columns += own
        bands.append((figure.name, len(own)))
        value_at.append(len(columns) - 1)
    rows: list[list] = []
    fills: dict[tuple[int, int], str] = {}
    bold: set[int] = set()
    if targets:
        row: list = ["", S.MX_TARGETS_ROW, "", ""]
        for figure in figures:
            width = len(_figure_columns(figure))
            row += [None] * (width - 1) + [target_text(figure) or None]
        rows.append(row)
        bold.add(0)
    for school in report.schools:
        row = [school.code, school.name, format_moment(school.made_at), school.level_text]
        for figure, at in zip(figures, value_at):
            mine = report.result_named(school.code, figure.key)
            row += _figure_cells(mine, len(_figure_columns(figure)))
            mark = _mark(mine)
            if mark:
                fills[(len(rows), at)] = mark
        rows.append(row)
    total_row = ["", S.MX_TOTAL_ROW.format(count=len(report.schools)), "", ""]
    for figure, at in zip(figures, value_at):
        total_row += _figure_cells(figure, len(_figure_columns(figure)))
        mark = _mark(figure)
        if mark:
            fills[(len(rows), at)] = mark
    bold.add(len(rows))
    rows.append(total_row)
    notes = report.footnotes(figures)

    def after(ws, first_row: int) -> None:
        _pages_across(ws, first_row)
        _footnotes(ws, notes)

    return Sheet(name, title, columns, rows, bands=bands, fills=fills,
                 bold_rows=frozenset(bold), keep_columns=True, frozen=2, after=after)


def _footnotes(ws, notes: Sequence[str]) -> None:
    """Under the matrix, one merged paragraph each: a column whose schools count with
    different settings names which school counts what (Consolidated.footnotes)."""
    from openpyxl.styles import Alignment, Font

    from metodkab.reports.xlsx import FONT, SIZE

    width = max(ws.max_column, 1)
    row = ws.max_row + 2
    for note in notes:
        cell = ws.cell(row=row, column=1, value=note)       # our words: a value, not a formula
        cell.font = Font(name=FONT, size=SIZE, italic=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=min(width, 16))
        ws.row_dimensions[row].height = 15 * (1 + len(note) // 140)
        row += 1


def _pages_across(ws, _first_row: int) -> None:
    """A matrix is printed on as many landscape pages across as it needs to stay readable,
    the school's code and name repeated on each."""
    from openpyxl.utils import get_column_letter

    width = sum(ws.column_dimensions[get_column_letter(i)].width or 8
                for i in range(1, ws.max_column + 1))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = max(1, -(-int(width) // (LANDSCAPE_WIDTH + 40)))
    ws.print_title_cols = "A:B"
    title_over(ws, 2)                       # the whole title on every page, not a slice


def _person_rows(people: Sequence[Person]) -> list[tuple]:
    return [(p.school_code, p.school_name, p.name, p.positions, p.detail) for p in people]


def _list_sheet(name: str, title: str, people: Sequence[Person],
                who: str = S.MX_COL_PERSON) -> Sheet:
    return Sheet(name, title, [Column(S.MX_COL_CODE, 8), Column(S.MX_COL_SCHOOL, 28),
                               Column(who, 36), Column(S.MX_COL_POSITIONS, 30),
                               Column(S.MX_COL_DETAIL, 40)], _person_rows(people))


def schools_sheet(report: Consolidated, title: str) -> Sheet:
    """Every school that sent packets, then the register's schools that sent nothing."""
    silent = {s.code: s for s in report.silent}
    rows = []
    for school in report.schools:
        if school.code in silent:
            state = S.MX_STATE_SILENT.format(days=report.silent_days,
                                             date=format_moment(school.imported_at))
        else:
            state = S.MX_STATE_SENT
        rows.append((school.code, school.name, school.last_seq or None,
                     format_moment(school.made_at), format_moment(school.imported_at),
                     school.level_text, school.gaps,
                     S.MX_SETTINGS_DEFAULT if school.default_settings else S.MX_SETTINGS_OWN,
                     state))
    seen = {s.code for s in report.schools}
    for s in report.silent:
        if s.code not in seen:
            rows.append((s.code, s.name, None, "", "", "", None, "", S.MX_STATE_NEVER))
    return Sheet(S.MX_SHEET_SCHOOLS, title, [
        Column(S.MX_COL_CODE, 8), Column(S.MX_COL_SCHOOL, 30), Column(S.MX_COL_LAST_SEQ, 10),
        Column(S.MX_COL_MADE_AT, 17), Column(S.MX_COL_IMPORTED_AT, 17),
        Column(S.MX_COL_LEVEL, 13), Column(S.MX_COL_GAPS, 10),
        Column(S.MX_COL_SETTINGS, 22), Column(S.MX_COL_STATE, 40)], rows)


def programme_rows(report: Consolidated) -> list[tuple]:
    """Per school: done / due by direction (the school's own programme_breakdown), then
    the programme in all (programme_done)."""
    rows = []
    prefix = f"{S.IND_BY_DIRECTION}: "
    for school in report.schools:
        results = report.results.get(school.code, ())
        for r in results:
            if r.key.startswith(PROGRAMME_DIRECTION):
                label = r.name[len(prefix):] if r.name.startswith(prefix) else r.name
                rows.append((school.code, school.name, label, r.count, r.base, r.percent))
        total = next((r for r in results if r.key == "programme_done"), None)
        if total is not None and total.base:
            rows.append((school.code, school.name, S.MX_PROGRAMME_TOTAL, total.count,
                         total.base, total.percent))
    return rows


def programme_sheet(report: Consolidated, title: str) -> Sheet:
    return Sheet(S.MX_SHEET_PROGRAMME, title, [
        Column(S.MX_COL_CODE, 8), Column(S.MX_COL_SCHOOL, 30), Column(S.MX_COL_DIRECTION, 40),
        Column(S.MX_COL_DONE, 11), Column(S.MX_COL_DUE, 11),
        Column(S.MX_COL_PERCENT, 8, percent=True)], programme_rows(report))


def federal_shares(report: Consolidated) -> list[ri.Result]:
    """The federal indicators that are shares (the charts and the note)."""
    return [t for t in report.totals if t.group == "federal" and t.kind == ri.SHARE]


def charts_sheet(report: Consolidated, title: str) -> Sheet:
    """The percent of each school on each federal indicator beside its target, and a bar
    chart per indicator drawn from those cells: the schools' bars against the target
    line."""
    figures = federal_shares(report)
    columns = [Column(S.MX_COL_SCHOOL, 28)]
    for figure in figures:
        columns += [Column(f"{figure.name}, %", 12, percent=True),
                    Column(f"{S.MX_CHART_TARGET}, %", 8, percent=True)]
    rows = []
    for school in report.schools:
        by_key = {r.key: r for r in report.results.get(school.code, ())}
        row: list = [school.name]
        for figure in figures:
            mine = by_key.get(figure.key)
            row += [mine.percent if mine else None,       # the school's own target
                    mine.target if mine else figure.target]
        rows.append(row)

    def draw(ws, first_row: int) -> None:
        from openpyxl.chart import BarChart, LineChart, Reference

        if not rows:
            return
        last_row = first_row + len(rows) - 1
        anchor_col = len(columns) + 2
        for index, figure in enumerate(figures):
            column = 2 + 2 * index
            bar = BarChart()
            bar.type = "col"
            bar.title = figure.name
            bar.y_axis.title = S.MX_CHART_VALUE
            bar.y_axis.numFmt = "0%"
            bar.y_axis.scaling.min = 0
            bar.add_data(Reference(ws, min_col=column, min_row=first_row - 1,
                                   max_row=last_row), titles_from_data=True)
            categories = Reference(ws, min_col=1, min_row=first_row, max_row=last_row)
            bar.set_categories(categories)
            if figure.target is not None:
                line = LineChart()
                line.add_data(Reference(ws, min_col=column + 1, min_row=first_row - 1,
                                        max_row=last_row), titles_from_data=True)
                line.set_categories(categories)
                line.series[0].marker.symbol = "none"
                line.series[0].graphicalProperties.line.solidFill = "C00000"
                line.series[0].graphicalProperties.line.width = 28575
                bar += line
            bar.x_axis.delete = False
            bar.y_axis.delete = False
            bar.legend.position = "b"
            bar.height = 8
            bar.width = max(16, min(0.6 * len(rows), 60))
            ws.add_chart(bar, f"{_letter(anchor_col)}{first_row + 17 * index}")

    return Sheet(S.MX_SHEET_CHARTS, title, columns, rows, keep_columns=True, frozen=1,
                 after=draw)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def write_workbook(report: Consolidated, folder: Path) -> Path:
    """Every sheet of the consolidated report in one workbook; a second report of the same
    day is written beside the first («… (2)»), never over it."""
    date = format_date(report.day)
    town = _municipality(report)
    terms = report.terms            # «более 3 лет», or «по настройкам школы» where they differ
    sheets = [
        matrix_sheet(report, MATRIX_GROUPS, S.MX_SHEET_MATRIX,
                     S.MX_TITLE.format(municipality=town, date=date)),
        charts_sheet(report, S.MX_TITLE_CHARTS.format(municipality=town, date=date)),
        schools_sheet(report, S.MX_TITLE_SCHOOLS.format(municipality=town, date=date)),
        _list_sheet(S.MX_SHEET_OVERDUE, S.MX_TITLE_OVERDUE.format(
            municipality=town, date=date, **terms), report.overdue),
        _list_sheet(S.MX_SHEET_YOUNG, S.MX_TITLE_YOUNG.format(municipality=town, date=date),
                    report.young_unsupported),
        _list_sheet(S.MX_SHEET_EXPIRING,
                    S.MX_TITLE_EXPIRING.format(municipality=town, date=date, **terms),
                    report.expiring),
        _list_sheet(S.MX_SHEET_NO_ORDER,
                    S.MX_TITLE_NO_ORDER.format(municipality=town, date=date), report.no_order,
                    S.MX_COL_MENTOR),
        programme_sheet(report, S.MX_TITLE_PROGRAMME.format(municipality=town, date=date)),
        matrix_sheet(report, DISTRIBUTION_GROUPS, S.MX_SHEET_DISTRIBUTIONS,
                     S.MX_TITLE_DISTRIBUTIONS.format(municipality=town, date=date),
                     targets=False),
    ]
    name = free_name(folder, S.MX_FILE.format(date=report.day.isoformat()))
    return write_xlsx(folder, name, sheets, day=report.day)


# --- the analytical note ------------------------------------------------------------------


def _value_text(result: ri.Result) -> str:
    if result.value is None:
        return "—"
    unit = " %" if result.kind == ri.SHARE else ""
    return f"{number_text(result.value)}{unit}"


def note_document(report: Consolidated, signers: NoteSigners = NoteSigners()):
    """The analytical note the office sends up: the municipality and date, how many
    schools reported, the totals against their targets, the schools below target on each
    federal indicator, the lists by school, the silent schools and the signatures of the
    head and the specialist (Настройки of the office: «должность ____ / И. О. Фамилия /»,
    a blank line where no name is set)."""
    from metodkab.reports import docx as d
    from metodkab.reports.documents import initials_first

    date = format_date(report.day)
    town = _municipality(report)
    doc = d.new_document(title=S.MX_NOTE_TITLE, day=report.day)
    d.title(doc, S.MX_NOTE_TITLE)
    d.paragraph(doc, S.MX_NOTE_SUBTITLE.format(municipality=town, date=date), align="center",
                bold=True)
    full = sum(1 for s in report.schools if s.level == "full")
    d.paragraph(doc, S.MX_NOTE_INTRO.format(
        schools=len(report.schools), full=full, deidentified=len(report.schools) - full,
        silent=len(report.silent)), align="justify")
    defaults = [f"{s.name} ({s.code})" for s in report.schools if s.default_settings]
    d.paragraph(doc, S.MX_NOTE_SETTINGS + (S.MX_NOTE_DEFAULT_SETTINGS.format(
        schools=", ".join(defaults)) if defaults else ""), align="justify")

    d.heading(doc, S.MX_NOTE_TOTALS)
    t = d.table(doc, S.MX_NOTE_TOTAL_COLUMNS, widths=[8, 2, 2, 2, 2, 3],
                align=[None, "right", "right", "right", "center", None])
    for group in MATRIX_GROUPS:
        for r in (x for x in report.totals if x.group == group):
            d.add_row(t, [r.name, r.count, "" if r.kind == ri.COUNT else r.base,
                          _value_text(r), target_text(r), r.status])
    for note in report.footnotes([x for x in report.totals if x.group in MATRIX_GROUPS]):
        d.paragraph(doc, note, italic=True, size=10, align="justify")

    d.heading(doc, S.MX_NOTE_BELOW)
    for figure in federal_shares(report):
        if figure.target is None:
            continue
        below = [(s, r) for s in report.schools
                 for r in [next((x for x in report.results.get(s.code, ())
                                 if x.key == figure.key), None)]
                 if r is not None and r.achieved is False]
        d.paragraph(doc, S.MX_NOTE_BELOW_ONE.format(name=figure.name,
                                                   target=target_text(figure),
                                                   total=_value_text(figure),
                                                   count=len(below)), bold=True)
        if below:          # one paragraph: a thousand schools would be pages of rows
            d.paragraph(doc, "; ".join(
                (S.MX_NOTE_BELOW_SCHOOL if r.target == figure.target   # its own target
                 else S.MX_NOTE_BELOW_SCHOOL_OWN).format(
                    name=school.name, code=school.code, value=_value_text(r),
                    target=target_text(r)) for school, r in below) + ".", align="justify")
        else:
            d.paragraph(doc, S.MX_NOTE_ALL_MET)

    d.heading(doc, S.MX_NOTE_LISTS)
    terms = report.terms
    for label, sheet, people in ((S.MX_TITLE_LIST_OVERDUE.format(**terms), S.MX_SHEET_OVERDUE,
                                  report.overdue),
                                 (S.MX_TITLE_LIST_YOUNG, S.MX_SHEET_YOUNG,
                                  report.young_unsupported),
                                 (S.MX_TITLE_LIST_EXPIRING.format(**terms), S.MX_SHEET_EXPIRING,
                                  report.expiring),
                                 (S.MX_TITLE_LIST_NO_ORDER, S.MX_SHEET_NO_ORDER,
                                  report.no_order)):
        d.paragraph(doc, S.MX_NOTE_LIST_ONE.format(label=label, count=len(people),
                                                  sheet=sheet), bold=True)
        counts: dict[tuple[str, str], int] = {}
        for p in people:
            counts[(p.school_code, p.school_name)] = counts.get(
                (p.school_code, p.school_name), 0) + 1
        if counts:
            t = d.table(doc, S.MX_NOTE_LIST_COLUMNS, widths=[2, 8, 3],
                        align=[None, None, "right"])
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            for (code, name), count in ranked[:NOTE_LIST_SCHOOLS]:
                d.add_row(t, [code, name, count])
            if len(ranked) > NOTE_LIST_SCHOOLS:
                rest = ranked[NOTE_LIST_SCHOOLS:]
                d.paragraph(doc, S.MX_NOTE_LIST_REST.format(
                    schools=len(rest), people=sum(c for _, c in rest)), italic=True)

    d.heading(doc, S.MX_NOTE_SILENT)
    if report.silent:
        d.paragraph(doc, S.MX_NOTE_SILENT_TEXT.format(days=report.silent_days))
        t = d.table(doc, S.MX_NOTE_SILENT_COLUMNS, widths=[2, 8, 4])
        for s in report.silent:
            d.add_row(t, [s.code, s.name, format_moment(s.last_imported_at) or S.MX_NEVER])
    else:
        d.paragraph(doc, S.MX_NOTE_NO_SILENT)

    d.paragraph(doc)
    d.signature_line(doc, signers.head_position or S.MX_NOTE_HEAD,
                     initials_first(signers.head_name))
    d.signature_line(doc, signers.specialist_position or S.MX_NOTE_SIGNER,
                     initials_first(signers.specialist_name), date_line=True)
    return doc


def write_note(report: Consolidated, folder: Path,
               signers: NoteSigners = NoteSigners()) -> Path:
    from metodkab.reports.docx import write_docx

    name = free_name(folder, S.MX_NOTE_FILE.format(date=report.day.isoformat()), ".docx")
    return write_docx(folder, name, note_document(report, signers))


def write_report(report: Consolidated, folder: Path,
                 signers: NoteSigners = NoteSigners()) -> tuple[Path, Path]:
    """The workbook and the note together (``municipality report`` and the office's F8);
    ``signers``: sync.office.note_signers of the office's database."""
    return write_workbook(report, folder), write_note(report, folder, signers)
