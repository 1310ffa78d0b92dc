"""Ctrl+W on Показатели: the staff development report over a period the user picks — the
screen's rolling months, a calendar year or a school year — then the usual folder
question. No figure is computed here: the periods come from reports/documents.py."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from metodkab import strings as S
from metodkab.reports.documents import ReportPeriod, report_periods
from metodkab.widgets.box import BoxDialog


class ReportPeriodDialog(BoxDialog[ReportPeriod | None]):
    """The periods to choose from; Enter picks, Esc cancels."""

    DEFAULT_CSS = """
    ReportPeriodDialog > Vertical { width: 72; }
    ReportPeriodDialog #period-title { text-style: bold; margin-bottom: 1; }
    ReportPeriodDialog OptionList { height: auto; }
    ReportPeriodDialog .hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", S.KEY_CANCEL, key_display="Esc")]

    def __init__(self, periods: list[ReportPeriod]) -> None:
        super().__init__()
        self.periods = periods

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(S.DOC_REPORT_PERIOD_TITLE, id="period-title")
            yield OptionList(*(Option(p.label, id=str(i)) for i, p in enumerate(self.periods)),
                             id="periods")
            yield Static(S.DOC_REPORT_PERIOD_HINT, classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#periods")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.periods[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)


def print_staff_report(screen, report) -> None:
    """From the Показатели screen (its ``report``): pick the period, then write the report
    through the usual export flow."""
    from metodkab.screens.documents_export import write_staff_report   # python-docx: on use
    from metodkab.screens.export import start_export

    def chosen(period: ReportPeriod | None) -> None:
        if period is not None:
            start_export(screen, write_staff_report, (period.start, period.end),
                         title=S.DOC_KEY_PRINT)

    months = int(report.settings.get("indicator_period_months") or 12)     # Настройки
    periods = report_periods(report.day, months, rolling=(report.period_start, report.period_end))
    screen.app.push_screen(ReportPeriodDialog(periods), chosen)
