"""The exchange on the command line: ``municipality``, ``keys``, ``packet``, ``receipt``.

Everything the Обмен screens do is also a command, for scripts and the office's own
routines. ``cli.py`` registers these parsers and hands the parsed arguments here; the
output is Russian, one fact per line; errors are raised as ``StorageError`` and printed
by ``cli.main`` as one line with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from metodkab import strings as S
from metodkab.clock import Clock
from metodkab.domain.parse import quoted

COMMANDS = ("municipality", "keys", "packet", "receipt")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register the exchange commands on the main parser's subcommands."""

    def with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--db", dest="sub_db", type=Path, default=None, help=S.CLI_HELP_DB)
        return parser

    muni = sub.add_parser("municipality", help=S.EX_CLI_MUNICIPALITY)
    muni_sub = muni.add_subparsers(dest="action", required=True, parser_class=type(muni))
    init = with_db(muni_sub.add_parser("init", help=S.EX_CLI_MUNI_INIT))
    init.add_argument("--name", default="", help=S.EX_CLI_MUNI_NAME)
    init.add_argument("--pub", type=Path, default=None, help=S.EX_CLI_MUNI_PUB)
    with_db(muni_sub.add_parser("schools", help=S.EX_CLI_MUNI_SCHOOLS))
    forget = with_db(muni_sub.add_parser("forget-key", help=S.EX_CLI_MUNI_FORGET))
    forget.add_argument("code")
    forget.add_argument("--packet", type=Path, default=None, help=S.OF_CLI_FORGET_PACKET)
    forget.add_argument("--trust", action="store_true", help=S.EX_CLI_TRUST)
    report = with_db(muni_sub.add_parser("report", help=S.EX_CLI_MUNI_REPORT))
    report.add_argument("--out", type=Path, required=True, help=S.EX_CLI_OUT)
    report.add_argument("--date", default=None, help=S.EX_CLI_REPORT_DATE)
    register = with_db(muni_sub.add_parser("register", help=S.MX_CLI_REGISTER))
    register.add_argument("file", type=Path, nargs="?", default=None, help=S.MX_CLI_REGISTER_FILE)
    register.add_argument("--days", type=int, default=None, help=S.MX_CLI_REGISTER_DAYS)

    keys = sub.add_parser("keys", help=S.EX_CLI_KEYS)
    keys_sub = keys.add_subparsers(dest="action", required=True, parser_class=type(keys))
    key_import = with_db(keys_sub.add_parser("import", help=S.EX_CLI_KEYS_IMPORT))
    key_import.add_argument("file", type=Path)
    key_import.add_argument("--replace", action="store_true", help=S.EX_CLI_KEYS_REPLACE)
    with_db(keys_sub.add_parser("show", help=S.EX_CLI_KEYS_SHOW))

    pkt = sub.add_parser("packet", help=S.EX_CLI_PACKET)
    pkt_sub = pkt.add_subparsers(dest="action", required=True, parser_class=type(pkt))
    export = with_db(pkt_sub.add_parser("export", help=S.EX_CLI_PACKET_EXPORT))
    export.add_argument("--full", action="store_true", help=S.EX_CLI_FULL)
    export.add_argument("--level", choices=("full", "deidentified"), default="full",
                        help=S.EX_CLI_LEVEL)
    export.add_argument("--out", type=Path, required=True, help=S.EX_CLI_OUT)
    inspect = pkt_sub.add_parser("inspect", help=S.EX_CLI_PACKET_INSPECT)
    inspect.add_argument("file", type=Path)
    imp = with_db(pkt_sub.add_parser("import", help=S.EX_CLI_PACKET_IMPORT))
    imp.add_argument("files", type=Path, nargs="+")
    imp.add_argument("--dry-run", action="store_true", help=S.EX_CLI_DRY_RUN)
    imp.add_argument("--trust", action="store_true", help=S.EX_CLI_TRUST)

    rcp = sub.add_parser("receipt", help=S.EX_CLI_RECEIPT)
    rcp_sub = rcp.add_subparsers(dest="action", required=True, parser_class=type(rcp))
    rexport = with_db(rcp_sub.add_parser("export", help=S.EX_CLI_RECEIPT_EXPORT))
    rexport.add_argument("--out", type=Path, required=True, help=S.EX_CLI_OUT)
    rexport.add_argument("--school", default=None, help=S.EX_CLI_SCHOOL)
    rimport = with_db(rcp_sub.add_parser("import", help=S.EX_CLI_RECEIPT_IMPORT))
    rimport.add_argument("file", type=Path)


def municipal_default_path() -> Path:
    from metodkab.paths import default_db_path

    return default_db_path().with_name("municipality.sqlite")


def run(args: argparse.Namespace, clock: Clock, *, ask: Callable[[str], str] | None = None,
        out=None) -> int:
    """Run one exchange command; return the exit code."""
    out = out or sys.stdout
    say = lambda text="": print(text, file=out)  # noqa: E731
    db = getattr(args, "sub_db", None) or args.db
    handler = {
        ("municipality", "init"): _muni_init,
        ("municipality", "schools"): _muni_schools,
        ("municipality", "forget-key"): _muni_forget,
        ("municipality", "report"): _muni_report,
        ("municipality", "register"): _muni_register,
        ("keys", "import"): _keys_import,
        ("keys", "show"): _keys_show,
        ("packet", "export"): _packet_export,
        ("packet", "inspect"): _packet_inspect,
        ("packet", "import"): _packet_import,
        ("receipt", "export"): _receipt_export,
        ("receipt", "import"): _receipt_import,
    }[(args.command, args.action)]
    return handler(args, db, clock, say, ask or _ask_tty)


def _ask_tty(question: str) -> str:
    if not sys.stdin.isatty():
        return ""
    try:
        return input(question)
    except EOFError:
        return ""


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return ""


# --- the office ------------------------------------------------------------------------


def _muni_db(db: Path | None) -> Path:
    return db or municipal_default_path()


def _open_muni(db: Path | None, clock: Clock):
    from metodkab.sync.municipal import open_municipal

    return open_municipal(_muni_db(db), clock=clock, user=_user())


def _muni_init(args, db, clock, say, ask) -> int:
    from metodkab.sync.municipal import init_municipality

    result = init_municipality(_muni_db(db), name=args.name, public_path=args.pub, clock=clock,
                               user=_user())
    if result.set_aside is not None:
        say(S.EX_INIT_KEY_SET_ASIDE.format(path=result.set_aside))
    say(S.EX_INIT_DONE.format(path=result.db_path))
    say(S.EX_INIT_KEY.format(path=result.key_path))
    say(S.EX_INIT_PUBLIC.format(path=result.public_path))
    say(S.EX_FINGERPRINT.format(fp=result.fingerprint))
    return 0


def _muni_schools(args, db, clock, say, ask) -> int:
    from metodkab.sync.office import format_moment, list_schools

    store = _open_muni(db, clock)
    try:
        rows = list_schools(store)
    finally:
        store.close()
    if not rows:
        say(S.EX_NO_SCHOOLS)
        return 0
    say(S.EX_SCHOOLS_HEADER)
    for r in rows:
        say(S.EX_SCHOOLS_LINE.format(
            code=r.code, name=r.name, seq=r.last_seq, level=S.OF_LEVEL_SHORT.get(r.level, "—"),
            made=format_moment(r.last_created_at) or "—", gaps=r.gaps, staff=r.staff,
            at=format_moment(r.last_imported_at) or "—"))
    return 0


def _muni_forget(args, db, clock, say, ask) -> int:
    """Forget a school's key; with ``--packet`` replace it at once by the key of the
    school's new packet after its fingerprint is confirmed (as Ctrl+K on the school card).
    Either way the school keeps its history: its next packet is not «впервые», no gap."""
    from metodkab.sync.municipal import revoke_key
    from metodkab.sync.office import read_new_key, replace_key

    store = _open_muni(db, clock)
    try:
        if args.packet is None:
            fingerprint = revoke_key(store, args.code)
            say(S.EX_KEY_FORGOTTEN.format(code=args.code, fp=fingerprint))
            return 0
        key = read_new_key(store, args.code, args.packet)
        say(S.OF_CLI_NEW_KEY.format(code=args.code, name=quoted(key.school_name), fp=key.fingerprint))
        if not (args.trust or _yes(ask(S.OF_CLI_ASK_REPLACE))):
            say(S.OF_CLI_NOT_REPLACED)
            return 1
        old = replace_key(store, key)
    finally:
        store.close()
    say(S.OF_CLI_REPLACED.format(code=args.code, old=old or "—", fp=key.fingerprint))
    return 0


def _muni_report(args, db, clock, say, ask) -> int:
    from metodkab.domain.parse import parse_date
    from metodkab.storage.errors import StorageError
    from metodkab.sync.consolidated import consolidate
    from metodkab.sync.consolidated_files import write_report
    from metodkab.sync.office import note_signers

    try:
        day = parse_date(args.date) if args.date else clock.today()
    except ValueError as exc:
        raise StorageError(f"--date: {exc}") from None
    if not args.out.is_dir():
        raise StorageError(S.EX_NO_FOLDER.format(path=args.out))
    store = _open_muni(db, clock)
    try:
        report = consolidate(store, day)
        signers = note_signers(store)
    finally:
        store.close()
    xlsx, note = write_report(report, args.out, signers)
    say(S.MX_CLI_DONE.format(xlsx=xlsx, docx=note))
    say(S.EX_REPORT_SUMMARY.format(schools=len(report.schools), overdue=len(report.overdue),
                                   young=len(report.young_unsupported)))
    return 0


def _muni_register(args, db, clock, say, ask) -> int:
    """Load the municipality's list of schools from a table and/or set after how many days
    without a packet a school is named; print the list's silent schools."""
    from metodkab.sync.consolidated import (
        read_register, register, replace_register, set_silent_days, silent_days,
        silent_schools,
    )

    schools = read_register(args.file) if args.file else None
    store = _open_muni(db, clock)
    try:
        if schools is not None:
            say(S.MX_CLI_REGISTER_LOADED.format(count=replace_register(store, schools)))
        if args.days is not None:
            set_silent_days(store, args.days)
        days = silent_days(store)
        silent = silent_schools(store, clock.today(), days)
        say(S.MX_CLI_REGISTER_STATE.format(count=len(register(store)), days=days,
                                           silent=len(silent)))
        for s in silent:
            say(f"  {s.code}  {s.name}")
    finally:
        store.close()
    return 0


# --- the school: keys -----------------------------------------------------------------


def _open_school(db: Path | None, clock: Clock):
    from metodkab.paths import default_db_path
    from metodkab.storage.db import open_store
    from metodkab.storage.errors import StorageError
    from metodkab.sync.municipal import is_municipal_db

    path = db or default_db_path()
    if is_municipal_db(path):
        raise StorageError(S.EX_IS_MUNICIPAL.format(name=path.name))
    return open_store(path, clock=clock, user=_user(), create=False)


def _keys_import(args, db, clock, say, ask) -> int:
    from metodkab.sync.school import import_municipality_key

    store = _open_school(db, clock)
    try:
        key = import_municipality_key(store, args.file, replace=args.replace)
    finally:
        store.close()
    say(S.EX_KEY_IMPORTED.format(name=key.name or "—"))
    say(S.EX_FINGERPRINT.format(fp=key.fingerprint))
    say(S.EX_CHECK_BY_PHONE)
    return 0


def _keys_show(args, db, clock, say, ask) -> int:
    from metodkab.sync.school import get_state, own_fingerprint

    store = _open_school(db, clock)
    try:
        state = get_state(store)
        own = own_fingerprint(store)
    finally:
        store.close()
    if state.municipality is None:
        say(S.EX_NO_MUNICIPALITY_KEY)
    else:
        say(S.EX_KEY_IMPORTED.format(name=state.municipality.name or "—"))
        say(S.EX_FINGERPRINT.format(fp=state.municipality.fingerprint))
    say(S.EX_OWN_KEY.format(fp=own or S.EX_OWN_KEY_NONE))
    return 0


# --- packets ---------------------------------------------------------------------------


def _packet_export(args, db, clock, say, ask) -> int:
    from metodkab.sync.school import export_packet

    store = _open_school(db, clock)
    try:
        result = export_packet(store, args.out, full=args.full, level=args.level)
    finally:
        store.close()
    m = result.manifest
    if result.key_created:
        say(S.EX_KEY_CREATED)
    if result.key_changed:
        say(S.EX_KEY_CHANGED)
    if result.restored_after:
        say(S.EX_EXPORT_RESTORED.format(last=result.restored_after, seq=m.seq))
    say(S.EX_EXPORT_DONE.format(path=result.path))
    say(describe_kind(m.kind, result.after_seq) + "; " + S.EX_LEVEL_PREFIX
        + describe_level(m.level, m.bands_on) + "; "
        + S.EX_ROWS.format(rows=m.rows))
    say(S.EX_OWN_KEY.format(fp=m.sender_fp))
    return 0


def describe_kind(kind: str, after_seq: int = 0) -> str:
    """The packet's content in the user's words: a full packet, or the changes made
    since the packet number ``after_seq`` the office acknowledged (0: not known here)."""
    if kind == "full":
        return S.EX_KIND_FULL
    return S.EX_KIND_DELTA.format(after=after_seq) if after_seq else S.EX_KIND_DELTA_ANY


def describe_level(level: str, bands_on: str = "") -> str:
    if level == "full":
        return S.EX_LEVEL_FULL
    from metodkab.domain.parse import format_date

    return S.EX_LEVEL_DEID.format(date=format_date(bands_on) if bands_on else "")


def table_label(table: str) -> str:
    return S.EX_TABLES.get(table, table)


def _packet_inspect(args, db, clock, say, ask) -> int:
    from metodkab.sync import packet
    from metodkab.sync.errors import PacketRefused

    name = args.file.name
    try:
        raw = packet.read_packet(args.file)
    except PacketRefused as exc:
        say(str(exc))
        return 1
    m = raw.manifest
    say(S.EX_INSPECT_FILE.format(file=name))
    say(S.EX_INSPECT_FORMAT.format(format=m.format_version, schema=m.schema_version))
    say(S.EX_INSPECT_UUID.format(uuid=m.packet_uuid))
    say(S.EX_INSPECT_SCHOOL.format(code=m.school_code, name=quoted(m.school_name)))
    say(S.EX_INSPECT_SEQ.format(seq=m.seq, prev=m.prev_hash[:16] + "…" if m.prev_hash else "—"))
    say(S.EX_INSPECT_KIND.format(kind=describe_kind(m.kind)))
    say(S.EX_INSPECT_LEVEL.format(level=describe_level(m.level, m.bands_on)))
    order = list(S.EX_TABLES)
    tables = sorted(m.counts, key=lambda t: order.index(t) if t in order else len(order))
    say(S.EX_INSPECT_ROWS.format(rows=m.rows, tables=", ".join(
        f"{table_label(t)} {m.counts[t]}" for t in tables) or "—"))
    say(S.EX_INSPECT_SENDER.format(fp=m.sender_fp))
    say(S.EX_INSPECT_RECIPIENT.format(fp=m.recipient_fp))
    say(S.EX_INSPECT_CREATED.format(at=m.created_at))
    say(S.EX_INSPECT_PAYLOAD.format(size=m.payload_size, hash=m.payload_hash))
    try:
        packet.self_check(raw)
    except PacketRefused as exc:
        say(str(exc))
        return 1
    say(S.EX_INSPECT_OK)
    return 0


def _yes(answer: str) -> bool:
    return answer.strip().lower() in ("д", "да", "y", "yes")


def _packet_import(args, db, clock, say, ask) -> int:
    from metodkab.sync.municipal import ImportReport, apply_packets, check_packets
    from metodkab.sync.office import had_key

    store = _open_muni(db, clock)
    try:
        ready, refused = check_packets(store, args.files, full=False)
        approved: set[tuple[str, str]] = set()
        if not args.dry_run:
            asked: set[tuple[str, str]] = set()
            for item in ready:
                m = item.manifest
                pair = (m.school_code, m.sender_fp)
                if item.registered or item.status != "new" or pair in asked:
                    continue
                asked.add(pair)
                if args.trust:
                    approved.add(pair)
                    continue
                say((S.OF_CLI_CHANGED_KEY if had_key(store, m.school_code)
                     else S.EX_NEW_SCHOOL_KEY).format(
                    code=m.school_code, name=quoted(m.school_name), fp=m.sender_fp))
                if _yes(ask(S.EX_ASK_REGISTER)):
                    approved.add(pair)
        outcomes = apply_packets(
            store, ready, dry_run=args.dry_run,
            trusted=lambda c: (c.manifest.school_code, c.manifest.sender_fp) in approved)
    finally:
        store.close()
    report = ImportReport([o for o in outcomes if o.outcome != "refused"] + refused
                          + [o for o in outcomes if o.outcome == "refused"], args.dry_run)
    for line in report_lines(report):
        say(line)
    return 1 if report.refused else 0


def report_lines(report) -> list[str]:
    """The import report as text: one block per file (refusals first, with what to do),
    a table per school's packet, and a total line that counts the refusals."""
    lines: list[str] = []
    refused = ("refused", "untrusted")
    for o in sorted(report.outcomes, key=lambda o: o.outcome not in refused):
        if o.outcome in ("refused", "untrusted"):
            lines.append(o.message)
            if o.outcome == "untrusted":
                lines.append(S.EX_HINT_TRUST)
            elif o.advice:
                lines.append("  " + S.OF_DETAIL_WHAT.format(advice=o.advice))
            continue
        if o.outcome in ("duplicate", "older"):
            lines.append(o.message)
            continue
        lines.append(S.EX_PACKET_LINE.format(
            file=o.file_name, code=o.school_code, name=quoted(o.school_name), seq=o.seq,
            kind=S.EX_KIND_WORD[o.kind], level=S.EX_LEVEL_WORD[o.level], rows=o.rows))
        if o.new_key_fp:
            lines.append((S.EX_KEY_WOULD_REGISTER if report.dry_run
                          else S.EX_KEY_REGISTERED).format(fp=o.new_key_fp))
        if o.unverified:
            lines.append(S.EX_NOT_OPENED.format(rows=o.rows))
            lines.append(S.EX_DRY_RUN_DONE)
            continue
        if o.missing:
            lines.append(S.EX_GAP.format(missing=", ".join(str(n) for n in o.missing))
                         + " " + (S.EX_GAP_COVERED if o.covered else S.EX_GAP_NOT_COVERED))
        if o.chain_broken:
            lines.append(S.EX_CHAIN_BROKEN)
        if o.default_settings:
            lines.append(S.EX_DEFAULT_SETTINGS.format(code=o.school_code))
        lines.append("  " + _summary_row(S.EX_SUMMARY_TABLE, S.EX_SUMMARY_COLUMNS))
        for table, c in o.tables.items():
            lines.append("  " + _summary_row(table_label(table), c))
        lines.append("  " + _summary_row(S.EX_TOTAL, o.totals))
        lines.append(S.EX_DRY_RUN_DONE if report.dry_run else S.EX_APPLIED)
    outcomes = report.outcomes
    lines.append(S.OF_CLI_TOTAL.format(
        files=len(outcomes), good=S.OF_TOTAL_GOOD_DRY if report.dry_run else S.OF_TOTAL_GOOD,
        applied=sum(o.outcome == "applied" for o in outcomes),
        refused=sum(o.outcome in refused for o in outcomes),
        same=sum(o.outcome in ("duplicate", "older") for o in outcomes)))
    return lines


def _summary_row(label: str, counts) -> str:
    values = counts if isinstance(counts, tuple) else (
        counts.added, counts.updated, counts.unchanged, counts.deleted, counts.conflicts)
    return f"{label[:24]:<24}" + "".join(f"{v:>11}" for v in values)


# --- receipts --------------------------------------------------------------------------


def _receipt_export(args, db, clock, say, ask) -> int:
    from metodkab.sync.municipal import export_receipts

    store = _open_muni(db, clock)
    try:
        written = export_receipts(store, args.out, school_code=args.school)
    finally:
        store.close()
    if not written:
        say(S.EX_NO_RECEIPTS)
    for path in written:
        say(S.EX_RECEIPT_WRITTEN.format(path=path))
    return 0


def _receipt_import(args, db, clock, say, ask) -> int:
    from metodkab.sync.school import import_receipt

    store = _open_school(db, clock)
    try:
        result = import_receipt(store, args.file)
    finally:
        store.close()
    say(receipt_message(result))
    return 0


def receipt_message(result) -> str:
    if result.resynced:
        return S.EX_RECEIPT_RESYNCED.format(seq=result.continues_after or result.acked_seq)
    if result.already:
        return S.EX_RECEIPT_ALREADY.format(seq=result.acked_seq)
    return S.EX_RECEIPT_DONE.format(seqs=", ".join(str(s) for s in result.acknowledged),
                                    upto=result.next_from)
