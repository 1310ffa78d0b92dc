"""The command line: opens the database and builds the app through the factory.

Errors are one clear Russian line and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from metodkab import __version__
from metodkab import strings as S
from metodkab.clock import Clock
from metodkab.domain.jsonio import JsonRefused
from metodkab.domain.parse import parse_date
from metodkab.paths import default_db_path
from metodkab.storage.errors import StorageError


class CliError(Exception):
    """A failure to report as one Russian line."""


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, prefix=S.CLI_USAGE_PREFIX if prefix is None
                          else prefix)


# argparse's own messages, which it writes in English, as Russian (see _Parser.error).
_ARGPARSE_MESSAGES = (
    (re.compile(r"unrecognized arguments: (.*)"), S.CLI_ARG_UNRECOGNIZED),
    (re.compile(r"the following arguments are required: (.*)"), S.CLI_ARG_REQUIRED),
    (re.compile(r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)"),
     S.CLI_ARG_CHOICE),
    (re.compile(r"argument (\S+): invalid (?:int|float) value: '([^']*)'"), S.CLI_ARG_NUMBER),
    (re.compile(r"argument (\S+): expected one argument"), S.CLI_ARG_VALUE),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), S.CLI_ARG_EXCLUSIVE),
    (re.compile(r"argument (\S+): ignored explicit argument '([^']*)'"), S.CLI_ARG_IGNORED),
)


def russian_argparse_message(message: str) -> str:
    """argparse's English error message in Russian (unknown ones as they are)."""
    for pattern, text in _ARGPARSE_MESSAGES:
        if m := pattern.fullmatch(message):
            return text.format(*(S.CLI_ARG_NAMES.get(g, g).replace("'", "")
                                 for g in m.groups()))
    return message


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Russian: usage, section titles, -h and errors."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = S.CLI_POSITIONALS
        self._optionals.title = S.CLI_OPTIONALS
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=S.CLI_HELP_HELP)

    def add_argument(self, *names, **kwargs):
        if "metavar" not in kwargs and names and names[0] in S.CLI_METAVARS:
            kwargs["metavar"] = S.CLI_METAVARS[names[0]]
        return super().add_argument(*names, **kwargs)

    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        raise CliError(f"{S.CLI_BAD_ARGS}: {russian_argparse_message(message)}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="metodkab", description=S.CLI_DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"metodkab {__version__}",
                        help=S.CLI_HELP_VERSION)
    parser.add_argument("--db", type=Path, help=S.CLI_HELP_DB)
    parser.add_argument("--demo", action="store_true", help=S.CLI_HELP_DEMO_RUN)
    parser.add_argument("--today", help=S.CLI_HELP_TODAY)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, title=S.CLI_COMMANDS)

    check = sub.add_parser("check", help=S.CLI_HELP_CHECK)
    backup = sub.add_parser("backup", help=S.CLI_HELP_BACKUP)
    backup.add_argument("--out", type=Path, default=None, help=S.OB_CLI_OUT)
    restore = sub.add_parser("restore", help=S.CLI_HELP_RESTORE)
    restore.add_argument("file", type=Path)
    restore.add_argument("--without-checksum", action="store_true",
                         help=S.CLI_HELP_RESTORE_NO_CHECKSUM)
    for command in (check, backup, restore):    # --db after the command too, as in the others
        command.add_argument("--db", dest="sub_db", type=Path, default=None, help=S.CLI_HELP_DB)
    demo = sub.add_parser("demo", help=S.CLI_HELP_DEMO)
    demo.add_argument("--out", type=Path, required=True)
    demo.add_argument("--staff", type=int, default=None, help=S.CLI_HELP_DEMO_STAFF)
    demo.add_argument("--seed", type=int, default=2026)
    export = sub.add_parser("export", help=S.CLI_HELP_EXPORT)
    export.add_argument("--out", type=Path, required=True, help=S.CLI_HELP_EXPORT_OUT)
    export.add_argument("--date", default=None, help=S.CLI_HELP_EXPORT_DATE)
    export.add_argument("--db", dest="sub_db", type=Path, default=None, help=S.CLI_HELP_DB)
    from metodkab.importing.commands import add_parser as add_import_parser

    add_import_parser(sub)
    from metodkab.sync.commands import add_parsers as add_exchange_parsers

    add_exchange_parsers(sub)
    return parser


def _clock(args: argparse.Namespace) -> Clock:
    if not args.today:
        return Clock()
    try:
        return Clock(parse_date(args.today), wall_time=True)   # the journal's times real
    except ValueError as exc:
        raise CliError(f"--today: {exc}") from None


def main(argv: list[str] | None = None) -> int:
    args = None
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except CliError as exc:
        print(f"{S.CLI_ERROR}: {exc}", file=sys.stderr)
        return 2
    except StorageError as exc:
        print(f"{S.CLI_ERROR}: {exc}", file=sys.stderr)
        return 1
    except JsonRefused as exc:
        print(f"{S.CLI_ERROR}: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        from metodkab.storage.files import sqlite_message

        where = getattr(args, "sub_db", None) or getattr(args, "db", None) or default_db_path()
        print(f"{S.CLI_ERROR}: {sqlite_message(exc, where) or S.CLI_SQLITE_ERROR}",
              file=sys.stderr)
        return 1
    except OSError as exc:
        from metodkab.storage.files import os_message

        print(f"{S.CLI_ERROR}: {os_message(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    clock = _clock(args)
    db_path: Path = getattr(args, "sub_db", None) or args.db or default_db_path()
    if args.command == "check":
        return _check(db_path)
    explicit = bool(getattr(args, "sub_db", None) or args.db)
    if args.command == "backup":
        return _backup(db_path if explicit else _default_for_backup(db_path), clock, args.out)
    if args.command == "restore":
        return _restore(args.file, db_path, clock, explicit=explicit,
                        checksum=not args.without_checksum)
    if args.command in ("municipality", "keys", "packet", "receipt"):
        from metodkab.sync.commands import run as run_exchange

        return run_exchange(args, clock)
    if args.command == "import":
        from metodkab.importing.commands import run as run_import

        return run_import(args, clock, db_path)
    if args.command == "demo":
        return _demo(args.out, args.staff, args.seed, clock)
    if args.command == "export":
        return _export(db_path, args.out, args.date, clock)
    return _run_app(db_path, clock, demo=args.demo)


def _check(db_path: Path) -> int:
    from metodkab.storage.maintenance import check_database
    from metodkab.sync.municipal import check_office_database, is_municipal_db

    check = check_office_database if is_municipal_db(db_path) else check_database
    report = check(db_path)
    for line in report.lines:
        print(line)
    return 0 if report.healthy else 1


def _office_default() -> Path:
    from metodkab.sync.commands import municipal_default_path

    return municipal_default_path()


def _default_for_backup(school: Path) -> Path:
    """Without --db on the office's PC (no school database, the office's one in the user
    data folder): the office's database, as the ``municipality`` commands take it."""
    office = _office_default()
    return office if not school.exists() and office.exists() else school


def _passphrase(*, twice: bool) -> str:
    """The passphrase of the office key's sealed copy: METODKAB_PASSPHRASE for scripts,
    else asked on the terminal (twice when sealing, so a typo is not locked in)."""
    import getpass

    if os.environ.get("METODKAB_PASSPHRASE") is not None:
        return os.environ["METODKAB_PASSPHRASE"]
    if not sys.stdin.isatty():
        raise CliError(S.OB_PASSPHRASE_TTY)
    first = getpass.getpass(S.OB_ASK_PASSPHRASE)
    if twice and getpass.getpass(S.OB_ASK_AGAIN) != first:
        raise CliError(S.OB_PASSPHRASES_DIFFER)
    return first


def _backup(db_path: Path, clock: Clock, out: Path | None = None) -> int:
    from metodkab.storage.backup import make_backup
    from metodkab.storage.db import open_store
    from metodkab.sync.municipal import backup_office_database, is_municipal_db

    if is_municipal_db(db_path):                   # the municipal office's database
        if out is None:
            print(S.CLI_BACKUP_DONE.format(path=backup_office_database(db_path, clock=clock)))
            return 0
        from metodkab.sync.office_backup import backup_office_to

        done = backup_office_to(db_path, out, _passphrase(twice=True), clock=clock)
        print(S.CLI_BACKUP_DONE.format(path=done.copy))
        print(S.OB_SEALED_DONE.format(path=done.sealed, fp=done.fingerprint))
        return 0
    if out is not None and not out.is_dir():
        raise CliError(S.EX_NO_FOLDER.format(path=out))
    store = open_store(db_path, clock=clock, exclusive=False, create=False)
    try:
        target = make_backup(store.db, db_path, clock=clock, reason="manual", folder=out,
                             **({"keep": None} if out else {}))     # no rotation on a stick
    finally:
        store.close()
    print(S.CLI_BACKUP_DONE.format(path=target))
    return 0


def _newest_copy(folder: Path) -> Path:
    """A folder given to restore: the newest database copy in it (a USB stick)."""
    copies = [p for p in folder.glob("*.sqlite") if p.is_file()]
    if not copies:
        raise CliError(S.OB_NO_COPY_IN.format(path=folder))
    return max(copies, key=lambda p: (p.stat().st_mtime, p.name))


def _restore(backup: Path, db_path: Path, clock: Clock, *, explicit: bool = True,
             checksum: bool = True) -> int:
    from filelock import FileLock, Timeout

    from metodkab.storage.backup import restore
    from metodkab.storage.db import lock_path
    from metodkab.sync.municipal import is_municipal_db

    if backup.is_dir():
        backup = _newest_copy(backup)
    if not explicit and is_municipal_db(backup):   # the office's copy: its default place
        db_path = _office_default()
    db_path.parent.mkdir(parents=True, exist_ok=True)      # a new PC: an empty folder
    lock = FileLock(str(lock_path(db_path)))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise CliError(S.CLI_RESTORE_BUSY) from None
    try:
        if is_municipal_db(backup):
            return _restore_office(backup, db_path, clock, checksum=checksum)
        kept = restore(backup, db_path, clock=clock, checksum=checksum, user=_os_user())
    finally:
        lock.release()
    print(S.CLI_RESTORE_DONE.format(path=db_path))
    if kept is not None:
        print(S.CLI_RESTORE_KEPT.format(path=kept))
    return 0


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:                   # no login name in the environment: none made up
        return ""


def _restore_office(backup: Path, db_path: Path, clock: Clock, *,
                    checksum: bool = True) -> int:
    from metodkab.sync import crypto
    from metodkab.sync.office_backup import restore_office, sealed_path

    need = sealed_path(backup).exists() and not crypto.municipality_key_path(db_path).exists()
    done = restore_office(backup, db_path, _passphrase(twice=False) if need else None,
                          clock=clock, checksum=checksum)
    print(S.CLI_RESTORE_DONE.format(path=db_path))
    if done.kept is not None:
        print(S.CLI_RESTORE_KEPT.format(path=done.kept))
    if done.key_restored:
        print(S.OB_KEY_RESTORED.format(path=crypto.municipality_key_path(db_path)))
    if done.public is not None:
        print(S.OB_PUBLIC_WRITTEN.format(path=done.public))
    if done.key_missing:
        print(S.OB_KEY_MISSING)
    return 0


def _demo(out: Path, staff: int | None, seed: int, clock: Clock) -> int:
    from metodkab.demo import build_demo

    if staff is not None and staff < 1:
        raise CliError(S.CLI_DEMO_STAFF_POSITIVE)
    if out.exists():
        raise CliError(S.CLI_DEMO_EXISTS.format(path=out))
    from metodkab.storage.files import clean_stale_temps

    clean_stale_temps(out.parent)           # a demo build killed half-way
    build_demo(out, staff=staff, seed=seed, today=clock.today(), wall_time=True)
    print(S.CLI_DEMO_DONE.format(path=out))
    return 0


def _export(db_path: Path, out: Path, date: str | None, clock: Clock) -> int:
    """Every register workbook and document of the school into ``out`` (the year-end
    archive); ``date`` is the report date of this export only (the database is not
    changed)."""
    from metodkab.archive import export_all
    from metodkab.storage.db import open_store
    from metodkab.sync.municipal import is_municipal_db

    try:
        day = parse_date(date) if date else None
    except ValueError as exc:
        raise CliError(f"--date: {exc}") from None
    if is_municipal_db(db_path):
        raise CliError(S.CLI_EXPORT_NOT_SCHOOL.format(path=db_path))
    store = open_store(db_path, clock=clock, exclusive=False, create=False)
    store.report_day = day
    try:
        written = export_all(store, out)
    finally:
        store.close()
    for path in written:
        print(S.CLI_EXPORT_FILE.format(path=path.name))
    print(S.CLI_EXPORT_DONE.format(count=len(written), folder=out.resolve()))
    return 0


def _run_app(db_path: Path, clock: Clock, *, demo: bool) -> int:
    from metodkab.app import make_app
    from metodkab.sync.municipal import is_municipal_db

    if not demo and is_municipal_db(db_path):      # the municipal office's mode
        from metodkab.screens.exchange_municipal import make_municipal_app

        office = make_municipal_app(db_path, clock=clock, auto_backup=True)
        office.run()
        return office.return_code or 0

    tmpdir = None
    try:
        if demo:
            from metodkab.demo import build_demo

            tmpdir = Path(tempfile.mkdtemp(prefix="metodkab-demo-"))
            db_path = tmpdir / "demo.sqlite"
            build_demo(db_path, today=clock.today(), wall_time=True)
        app = make_app(db_path, clock=clock, auto_backup=not demo)
        app.run()
        return app.return_code or 0
    finally:
        if tmpdir is not None:
            shutil.rmtree(tmpdir, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
