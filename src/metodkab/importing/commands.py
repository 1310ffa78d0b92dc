"""``metodkab import staff|trainings FILE``: the preview printed, then the good rows written
(``--dry-run``: only the preview). Failures are one Russian line (raised as ``CliError``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from metodkab import strings as S
from metodkab.clock import Clock
from metodkab.domain.parse import format_date, parse_date
from metodkab.importing.mapping import (KINDS, STAFF, describe, guess_mapping, header_score,
                                        load_mapping)
from metodkab.importing.plan import Plan, PlanError, apply_plan, build_plan
from metodkab.importing.reader import ImportFileError, Sheet, read_table


def add_parser(sub) -> None:
    command = sub.add_parser("import", help=S.CLI_HELP_IMPORT)
    command.add_argument("what", choices=KINDS, help=S.IMP_CLI_HELP_WHAT)
    command.add_argument("file", type=Path, help=S.IMP_CLI_HELP_FILE)
    command.add_argument("--db", type=Path, dest="import_db", metavar="PATH", help=S.CLI_HELP_DB)
    command.add_argument("--dry-run", action="store_true", help=S.IMP_CLI_HELP_DRY)
    command.add_argument("--mapping", metavar="NAME", help=S.IMP_CLI_HELP_MAPPING)
    command.add_argument("--report", type=Path, metavar="PATH", help=S.IMP_CLI_HELP_REPORT)
    command.add_argument("--date", metavar="ДД.ММ.ГГГГ", dest="list_date",
                         help=S.IMP_CLI_HELP_DATE)


def sheet_line(sheet: Sheet) -> str:
    name = S.IMP_CLI_SHEET_NAME.format(sheet=sheet.sheet_name) if sheet.sheet_name else ""
    encoding = (S.IMP_CLI_ENCODING.format(encoding=sheet.encoding, delimiter=sheet.delimiter)
                if sheet.delimiter else "")
    return S.IMP_CLI_SHEET.format(file=sheet.path.name, sheet=name, row=sheet.header_row,
                                  encoding=encoding)


def list_date_line(plan: Plan, *, given: bool) -> str:
    """«Дата списка 01.09.2025 (из заголовка «…»)»: the day «N лет» count back from."""
    sheet = plan.sheet
    if given:
        source = S.IMP_CLI_DATE_GIVEN
    elif sheet.list_date is not None:
        source = sheet.list_date_source
    else:
        source = S.IMP_LIST_DATE_NONE
    return S.IMP_CLI_LIST_DATE.format(day=format_date(plan.day), source=source)


def print_plan(plan: Plan) -> None:
    for row in plan.rows:
        what = row.summary
        print(S.IMP_CLI_ROW.format(row=row.number, status=S.IMP_STATUS_LABELS[row.status],
                                   name=row.name or "—", what=f": {what}" if what else ""))
    print(plan.summary())


def run(args: argparse.Namespace, clock: Clock, db_path: Path) -> int:
    from metodkab.cli import CliError
    from metodkab.storage.db import open_store
    from metodkab.storage.settings import get_setting

    db_path = args.import_db or db_path
    day = None
    if args.list_date:
        try:
            day = parse_date(args.list_date)
        except ValueError as exc:
            raise CliError(f"--date: {exc}") from None
    try:
        sheet = read_table(args.file, score=header_score(args.what))
    except ImportFileError as exc:
        raise CliError(str(exc)) from None
    store = open_store(db_path, clock=clock)
    try:
        store.user = get_setting(store, "user_name") or _login()
        if args.mapping:
            try:
                saved = load_mapping(store, args.mapping, args.what)
            except ValueError as exc:
                raise CliError(str(exc)) from None
            mapping, source = saved.apply(sheet.headers), S.IMP_CLI_SAVED.format(name=saved.name)
        else:
            mapping, source = guess_mapping(sheet.headers, args.what), S.IMP_CLI_GUESSED
        print(sheet_line(sheet))
        print(S.IMP_CLI_MAPPING.format(source=source))
        for line in describe(mapping, sheet.headers, letters=not sheet.delimiter):
            print(f"  {line}")
        try:
            plan = build_plan(store, sheet, mapping, args.what, day=day)
        except PlanError as exc:
            raise CliError(str(exc)) from None
        if args.what == STAFF:
            print(list_date_line(plan, given=day is not None))
        print_plan(plan)
        applied = False
        if args.dry_run:
            print(S.IMP_CLI_DRY_RUN)
        elif not plan.good_rows:
            print(S.IMP_CLI_NOTHING)
        else:
            print(apply_plan(store, plan).summary())
            applied = True
        if args.report is not None and plan.report_rows:
            print(S.IMP_CLI_REPORT.format(path=_write_report(plan, args.report, clock,
                                                             applied)))
    finally:
        store.close()
    return 0


def _write_report(plan: Plan, target: Path, clock: Clock, applied: bool) -> Path:
    from metodkab.importing.report import write_report

    if target.suffix.lower() == ".xlsx":
        return write_report(plan, target.parent, now=clock.now(), name=target.name,
                            applied=applied)
    return write_report(plan, target, now=clock.now(), applied=applied)


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return ""
