"""Two assessments of one client side by side: what changed, and what did not.

The numbers and sentences come from the reports' comparison model
(`coach.report.compare.build_comparison`), so the screen and `coach report
--compare` never disagree. By default only the rows that changed are listed; `a`
shows every row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from coach.report.compare import Change, Comparison, WarningChange, build_comparison
from coach.report.labels import labels
from coach.textsafe import clean
from coach.tui.i18n import N_, _, current_lang, ngettext
from coach.tui.screens.base import CoachScreen, Desk
from coach.tui.widgets.footer import CoachFooter


def _t(value: str, style: str = "") -> Text:
    return Text(clean(value), style=style)


class ComparisonScreen(CoachScreen):
    HELP_TOPIC = "compare"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Back"), id="compare.back"),
        Binding("a", "toggle_all", N_("All rows"), id="compare.all"),
    ]

    def __init__(self, desk: Desk, client_id: str, old_id: int, new_id: int) -> None:
        super().__init__(desk, classes="comparison-screen")
        self.client_id: str = client_id
        self.old_id = old_id
        self.new_id = new_id
        self.show_all = False
        self.comparison: Comparison | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="compare", classes="step"):
            yield Static("", classes="step-title", id="compare-title")
            yield Static("", classes="step-intro", id="compare-dates")
            for part in ("focus", "time", "verdicts", "gone", "new", "results"):
                yield Static("", classes="plan-head", id=f"compare-{part}-head")
                yield Static("", id=f"compare-{part}", classes="compare-part")
        yield CoachFooter()

    def on_mount(self) -> None:
        ws = self.workspace
        old = ws.assessment(self.client_id, self.old_id)
        new = ws.assessment(self.client_id, self.new_id)
        self.comparison = build_comparison(old.plan, new.plan,
                                           lang=current_lang())
        name = clean(ws.client(self.client_id).name, single_line=True)
        self.sub_title = name
        self.show()
        self.query_one("#compare").focus()

    def show(self) -> None:
        c = self.comparison
        if c is None:
            return
        lab = labels(c.lang)
        self.query_one("#compare-title", Static).update(Content(
            _("Comparison: assessment {old} and {new}").format(old=self.old_id,
                                                                new=self.new_id)))
        self.query_one("#compare-dates", Static).update(Content(
            clean(f"{c.old_date} → {c.new_date}")))
        heads = {"focus": lab.focus, "time": lab.time, "verdicts": lab.verdicts,
                 "gone": lab.warnings_gone, "new": lab.warnings_new, "results": lab.results}
        for part, title in heads.items():
            self.query_one(f"#compare-{part}-head", Static).update(Content(title))
        if c.focus_changed:
            focus = Text.assemble(_t(c.focus_old), " → ", _t(c.focus_new, "bold"), "\n",
                                  _t(lab.focus_changed))
        else:
            focus = Text.assemble(_t(c.focus_new), "\n", _t(lab.focus_same, "dim"))
        self.query_one("#compare-focus", Static).update(focus)
        self.query_one("#compare-time", Static).update(self._table(c.time, ""))
        self.query_one("#compare-verdicts", Static).update(self._table(c.verdicts,
                                                                       lab.platform))
        self.query_one("#compare-gone", Static).update(self._warnings(c.warnings_gone))
        self.query_one("#compare-new", Static).update(self._warnings(c.warnings_new))
        self.query_one("#compare-results", Static).update(self._table(c.results, lab.platform))

    def _table(self, rows: list[Change], first: str) -> Table | Text:
        lab = labels(current_lang())
        shown = rows if self.show_all else [r for r in rows if r.changed]
        hidden = len(rows) - len(shown)
        note = ngettext("{n} row unchanged (a: show all)", "{n} rows unchanged (a: show all)",
                        hidden).format(n=hidden) if hidden else ""
        if not shown:
            return _t(note or lab.none, "dim")
        table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0), expand=False,
                      caption=_t(note, "dim") if note else None, caption_justify="left")
        for title, justify in ((first, "left"), (lab.before, "left"), (lab.after, "left"),
                               (lab.change, "right")):
            table.add_column(_t(title), justify=justify, overflow="fold")  # type: ignore[arg-type]
        for r in shown:
            style = "bold" if r.changed else "dim"
            change = (r.delta or lab.changed) if r.changed else lab.unchanged
            table.add_row(_t(r.label), _t(r.old), _t(r.new, style), _t(change, style))
        return table

    @staticmethod
    def _warnings(items: list[WarningChange]) -> Text:
        lab = labels(current_lang())
        if not items:
            return _t(lab.none, "dim")
        lines = []
        for w in items:
            where = f" ({w.platform})" if w.platform else ""
            lines.append(f"• {w.title}{where}: {w.message}")
        return _t("\n".join(lines))

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.show()

    def action_close(self) -> None:
        self.app.pop_screen()

    def commands(self) -> Iterator[SystemCommand]:
        if self.show_all:
            yield SystemCommand(_("Comparison: only what changed"),
                                _("Hide the rows that stayed the same (a)"),
                                self.action_toggle_all)
        else:
            yield SystemCommand(_("Comparison: every row"),
                                _("Show the rows that stayed the same too (a)"),
                                self.action_toggle_all)
