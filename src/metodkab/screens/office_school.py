"""A school's card in the office (Enter on the schools list).

What the office knows of one school: its contacts (the director from the school's own
data, the phone the office keeps for the fingerprint call, F2), the level of its data,
the numbers actually missing (a number whose changes a later cumulative packet brought
is not missing), its key and the keys before it, and every packet loaded with the date
the school made it and the date it was loaded.

Ctrl+K replaces the school's key when it moved to a new computer: the new key is read
from the school's new packet, its fingerprint shown for the specialist to compare by
phone, and only after «Да» registered in place of the old one. The school's history —
packets, numbers, records — stays: its next packet is neither «впервые» nor a gap.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from metodkab import strings as S
from metodkab.domain.parse import format_date, quoted
from metodkab.screens.base import DbCalls
from metodkab.screens.dialogs import ConfirmDialog
from metodkab.screens.office_pick import pick_path
from metodkab.sync.packet import PACKET_SUFFIX
from metodkab.widgets.ask import AskDialog
from metodkab.widgets.text import plain


def _numbers(numbers) -> str:
    return ", ".join(str(n) for n in numbers)


def card_text(card) -> Text:
    """The card's upper part as plain text (names and numbers come from packets)."""
    school = card.school
    lines = [
        S.OF_CARD_NAME.format(code=card.code, name=quoted(card.name),
                              full=school.get("full_name") or "—"),
        S.OF_CARD_CONTACTS.format(director=school.get("director") or "—",
                                  phone=card.phone or S.OF_NO_PHONE),
        S.OF_CARD_LEVEL.format(level=S.EX_LEVEL_SHORT.get(card.level, "—"),
                               base=card.staff_base, date=format_date(card.day),
                               every=card.staff_all),
    ]
    active = card.active_key
    if active is not None:
        lines.append(S.OF_CARD_KEY.format(fp=active.fingerprint,
                                          at=format_date(active.registered_at[:10])))
    else:
        lines.append(S.OF_CARD_NO_KEY)
    for key in card.keys:
        if key.revoked_at:
            lines.append(S.OF_CARD_OLD_KEY.format(fp=key.fingerprint,
                                                  since=format_date(key.registered_at[:10]),
                                                  until=format_date(key.revoked_at[:10])))
    text = plain("\n".join(lines))
    if card.gaps.missing:
        text.append("\n" + S.OF_CARD_MISSING.format(numbers=_numbers(card.gaps.missing)),
                    style="bold red")
    else:
        text.append("\n" + S.OF_CARD_NOTHING_MISSING)
    if card.gaps.covered:
        covered = ", ".join(S.OF_CARD_COVERED_ONE.format(number=n, by=by)
                            for n, by in sorted(card.gaps.covered.items()))
        text.append("\n" + S.OF_CARD_COVERED.format(numbers=covered))
    from metodkab.sync.office import settings_note

    note = settings_note(card)          # the settings the school's figures are counted with
    if note:
        text.append("\n" + note)
    return text


def replace_key_from(screen, code: str, path: Path, done) -> None:
    """Read the new key from the school's packet ``path``, show its fingerprint beside the
    old one and the school's contacts, and replace the key after «Да, заменить»; then
    announce the change and call ``done()``. Used by the card and the loading summary."""
    from metodkab.sync.office import read_new_key, replace_key, school_card

    def loaded(result) -> None:
        card, key = result
        active = card.active_key
        question = plain(S.OF_CONFIRM_REPLACE.format(
            code=card.code, name=quoted(card.name), file=key.file_name, seq=key.seq,
            fp=key.fingerprint, old=active.fingerprint if active else "—",
            director=card.school.get("director") or "—", phone=card.phone or S.OF_NO_PHONE))

        def replaced(_old: str) -> None:
            screen.notify(S.OF_KEY_REPLACED.format(code=code))
            screen.app.data_changed()
            done()

        def answered(yes: bool | None) -> None:
            if yes:
                screen.run_db(replace_key, key, done=replaced)

        screen.app.push_screen(ConfirmDialog(question, yes=S.OF_YES_REPLACE), callback=answered)

    screen.run_db(lambda store: (school_card(store, code), read_new_key(store, code, path)),
                  done=loaded)


class SchoolCardScreen(DbCalls, Screen):
    DEFAULT_CSS = """
    SchoolCardScreen #sc-info { height: auto; max-height: 10; padding: 0 1; }
    SchoolCardScreen #sc-packets-title { height: 1; padding: 0 1; text-style: bold; }
    SchoolCardScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+k", "replace_key", S.OF_KEY_REPLACE, key_display="Ctrl+K", id="key"),
        Binding("f2", "phone", S.OF_KEY_PHONE, key_display="F2", id="phone"),
        Binding("ctrl+r", "receipt", S.OF_KEY_RECEIPT, key_display="Ctrl+R", id="receipt"),
        Binding("escape", "close", S.KEY_BACK, key_display="Esc", id="back"),
    ]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.card = None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with VerticalScroll(id="sc-info"):
            yield Static(S.LOADING, id="sc-text")
        yield Static(S.OF_CARD_PACKETS, id="sc-packets-title")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="sc-packets")
        yield Footer()

    def on_mount(self) -> None:
        self.app.sub_title = S.OF_CARD_TITLE
        table = self.query_one(DataTable)
        for label, width in zip(S.OF_PACKET_COLUMNS, (4, 9, 10, 16, 16, 7)):
            table.add_column(label, width=width)
        self.reload()

    def reload(self) -> None:
        from metodkab.sync.office import school_card

        self.run_db(school_card, self.code, done=self._show)

    def _show(self, card) -> None:
        from metodkab.sync.office import format_moment

        self.card = card
        self.query_one("#sc-text", Static).update(card_text(card))
        table = self.query_one(DataTable)
        table.clear()
        for p in sorted(card.packets, key=lambda p: p.seq, reverse=True):
            table.add_row(str(p.seq), S.EX_KIND_WORD.get(p.kind, p.kind),
                          S.EX_LEVEL_SHORT.get(p.level, p.level), format_moment(p.created_at),
                          format_moment(p.imported_at), str(p.rows))
        table.focus()

    def action_phone(self) -> None:
        if self.card is None:
            return
        from metodkab.sync.office import set_phone

        def entered(phone: str | None) -> None:
            if phone is not None:
                self.run_db(set_phone, self.code, phone, done=lambda _r: self._changed())

        self.app.push_screen(AskDialog(S.OF_PHONE_TITLE, self.card.phone, max_length=60),
                             callback=entered)

    def _changed(self) -> None:
        self.app.data_changed()
        self.reload()

    def action_replace_key(self) -> None:
        if self.card is None:
            return

        def picked(path: Path) -> None:
            replace_key_from(self, self.code, path, self.reload)

        pick_path(self, S.OF_PICK_NEW_KEY, picked, want="file", suffixes=(PACKET_SUFFIX,),
                  hint=S.OF_PICK_NEW_KEY_HINT)

    def action_receipt(self) -> None:
        """This school's receipt into a folder (a restored school continues after it)."""
        from metodkab.screens.dialogs import MessageDialog
        from metodkab.sync.municipal import export_receipts

        def written(paths: list[Path]) -> None:
            text = "\n".join(S.EX_RECEIPT_WRITTEN.format(path=p) for p in paths)
            self.app.push_screen(MessageDialog(text or S.EX_NO_RECEIPTS,
                                               title=S.EX_RECEIPTS_TITLE, notice=bool(paths)))

        def picked(folder: Path) -> None:
            self.run_db(lambda store: export_receipts(store, folder, school_code=self.code),
                        done=written)

        pick_path(self, S.EX_PICK_FOLDER, picked, want="folder")

    def action_close(self) -> None:
        self.dismiss(None)
