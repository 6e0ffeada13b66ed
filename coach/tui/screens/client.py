"""One client: assessments over time, a small chart, and what to do next.

Enter opens a past plan (read only); f starts a follow-up from the last answers
(or resumes the draft in progress); m marks an assessment and c compares it with
the highlighted one (without a mark: the highlighted one with the one before it);
n edits the session notes of the highlighted assessment; d discards the draft.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from coach.textsafe import clean
from coach.tui.i18n import N_, _, current_lang, ngettext
from coach.tui.screens.base import CoachScreen, Desk
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.history import AssessmentRow, assessment_row, chart_lines, hours_text

if TYPE_CHECKING:
    from coach.store.records import AssessmentRecord


class ClientScreen(CoachScreen):
    HELP_TOPIC = "client"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "follow_up", N_("Follow-up"), id="client.follow_up"),
        Binding("c", "compare", N_("Compare"), id="client.compare"),
        Binding("m", "mark", N_("Mark"), id="client.mark"),
        Binding("n", "notes", N_("Notes"), id="client.notes"),
        Binding("l", "log_results", N_("Log results"), id="client.log"),
        Binding("d", "discard", N_("Discard draft"), id="client.discard"),
        Binding("escape", "back", N_("Clients"), id="client.clients"),
    ]

    def __init__(self, desk: Desk, client_id: str) -> None:
        super().__init__(desk, classes="client-screen")
        self.client_id: str = client_id
        self.name_shown = ""
        self.assessments: list[AssessmentRecord] = []
        self.rows: list[AssessmentRow] = []
        self.marked: int | None = None     # assessment id marked for a comparison
        self.has_draft = False
        self._width = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="client", classes="step"):
            yield Static("", classes="step-title", id="client-name")
            yield Static("", classes="step-intro", id="client-status")
            yield Static("", id="client-gate")
            yield DataTable(id="client-history", cursor_type="row", zebra_stripes=True)
            yield Static("", id="client-chart")
            yield Static("", id="client-hint")
        yield CoachFooter()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#client-history").focus()

    def reload(self) -> None:
        ws = self.workspace
        entry = ws.client(self.client_id)
        self.name_shown = clean(entry.name, single_line=True)
        self.sub_title = self.name_shown
        self.assessments = ws.assessments(self.client_id)
        self.has_draft = ws.load_draft(self.client_id) is not None
        names = self.desk.platform_names()
        self.rows = [assessment_row(a, names) for a in self.assessments]
        self.query_one("#client-name", Static).update(Content(self.name_shown))
        n = len(self.rows)
        status = ngettext("{n} assessment", "{n} assessments", n).format(n=n)
        if self.has_draft:
            status += " · " + _("an assessment is in progress (f resumes it, d discards it)")
        elif not n:
            status += " · " + _("press f to start the first one")
        self.query_one("#client-status", Static).update(Content(status))
        self._show_gate()
        self._fill_table()
        chart = chart_lines(self.rows)
        box = self.query_one("#client-chart", Static)
        box.display = bool(chart)
        box.update(Content("\n".join(chart)))
        self._hint()
        self.refresh_bindings()

    def _progress(self) -> Any:
        """The gate measured since the latest assessment (None without one)."""
        from coach import clock
        from coach.engine.plan import rules_of
        from coach.report.progress import measure
        from coach.store.results_log import results

        if not self.assessments:
            return None
        latest = self.assessments[-1]
        rules = rules_of(self.desk.bank)
        return measure(latest.plan, latest.date, results(self.workspace, self.client_id),
                       clock.today(), goal_results=dict(rules.goal_results),
                       min_results=rules.gate.min_results)

    def _show_gate(self) -> None:
        """The gate as a bar: "Gate ████░░ 4 of 6 sales, 5 weeks left (l: log results)"."""
        from coach.report.progress import gate_line

        box = self.query_one("#client-gate", Static)
        p = self._progress()
        box.display = p is not None
        if p is None:
            return
        width = 12
        done = width if p.met or not p.gate.needed else min(width, width * p.have
                                                             // p.gate.needed)
        bar = "█" * done + "░" * (width - done)
        box.update(Content(_("Gate {bar} {line} (l: log results)").format(
            bar=bar, line=gate_line(p, current_lang()))))

    def on_resize(self) -> None:
        if self.is_mounted and self.rows and self.app.size.width != self._width:
            self._fill_table()

    def _fill_table(self) -> None:
        table = self.query_one("#client-history", DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        self._width = self.app.size.width
        widths = {"id": 3, "date": 10, "focus": 0, "hours": 13, "warnings": 6, "results": 9,
                  "notes": 5}
        # The focus takes what is left (less while presenting: wider margins).
        margin = 10 if self.nav.presenting else 2
        widths["focus"] = max(10, self.app.size.width - margin - 2 - 2 * len(widths)
                              - sum(widths.values()))
        titles = {"id": "#", "date": _("Date"), "focus": _("Focus"), "hours": _("Hours/budget"),
                  "warnings": _("Warn."), "results": _("Results"), "notes": _("Notes")}
        for key, width in widths.items():
            table.add_column(Text(titles[key]), width=width, key=key)
        for row in self.rows:
            mark = "◆" if row.id == self.marked else ""
            table.add_row(Text(f"{mark}{row.id}", justify="right"), Text(row.date),
                          Text(row.focus, no_wrap=True, overflow="ellipsis"),
                          Text(hours_text(row)), Text(str(row.warnings), justify="right"),
                          Text(str(row.results), justify="right"),
                          Text("✎" if row.notes else ""), key=str(row.id))
        if self.rows:
            target = keep if 0 <= keep < len(self.rows) and keep else len(self.rows) - 1
            table.move_cursor(row=target, animate=False)

    def _hint(self) -> None:
        hint = self.query_one("#client-hint", Static)
        self.query_one("#client-history").display = bool(self.rows)
        if not self.rows:
            hint.update("")
        elif len(self.rows) < 2:
            hint.update(Content(_("Enter: open the plan · f: follow-up")))
        elif self.marked is not None:
            hint.update(Content(_("Assessment {id} is marked: highlight another and press c "
                                  "to compare them.").format(id=self.marked)))
        else:
            hint.update(Content(_("Enter: open the plan · c: compare with the one before · "
                                  "m: mark one to compare with any other")))

    def current(self) -> AssessmentRecord | None:
        table = self.query_one("#client-history", DataTable)
        if not self.assessments or not 0 <= table.cursor_row < len(self.assessments):
            return None
        return self.assessments[table.cursor_row]

    # -- actions ----------------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        found = self.current()
        if found is not None:
            from coach.tui.screens.pastplan import PastPlanScreen

            self.app.push_screen(PastPlanScreen(self.desk, self.client_id, found.id))

    def action_back(self) -> None:
        self.nav.to_clients()

    def action_follow_up(self) -> None:
        self.nav.start_assessment(self.client_id)

    def action_discard(self) -> None:
        self.nav.discard_draft(self.client_id)

    def action_log_results(self) -> None:
        """A small form, the focus platform and space preselected."""
        from coach import clock
        from coach.engine.plan import rules_of
        from coach.report.labels import RESULT_NAMES, translate
        from coach.report.week import focus_of, gate_of
        from coach.tui.screens.logresults import LogResultsScreen, kinds_for

        lang = current_lang()
        names = self.desk.platform_names()
        latest = self.assessments[-1] if self.assessments else None
        plan = latest.plan if latest else {}
        answers = latest.answers if latest else {}
        ids = [str(e.get("id")) for e in answers.get("platforms") or [] if e.get("id")]
        ids = list(dict.fromkeys(ids)) or list(names)
        platform, space = focus_of(plan)
        tracked: dict[str, Any] = {}
        for entry in answers.get("platforms") or []:
            tracked.update(entry.get("results_90d") or {})
        labels = {k: translate(lang, RESULT_NAMES, k) for k in RESULT_NAMES}
        rules = rules_of(self.desk.bank)
        gate = gate_of(plan, dict(rules.goal_results), rules.gate.min_results)
        kinds = kinds_for(gate.kinds if plan else (), tracked, labels)
        if len(kinds) > 5:  # a small form: the gate's kinds, then a few more
            kinds = kinds[:5]

        def done(values: dict[str, Any] | None) -> None:
            if not values:
                return
            from coach.store import StoreError
            from coach.store.results_log import add_result

            try:
                add_result(self.workspace, self.client_id, **values)
            except StoreError as exc:
                self.tell(_("Not logged"), exc.said(current_lang()))
                return
            self.notify(_("Results logged for {name}.").format(name=self.name_shown),
                        markup=False)
            self.reload()

        self.app.push_screen(LogResultsScreen(
            platforms=[(pid, names.get(pid, pid)) for pid in ids],
            platform=platform if platform in ids else None,
            space=space["name"] if space else None, kinds=kinds, today=clock.today()),
            callback=done)

    def action_mark(self) -> None:
        found = self.current()
        if found is None:
            return
        self.marked = None if self.marked == found.id else found.id
        self._fill_table()
        self._hint()

    def action_compare(self) -> None:
        found = self.current()
        if found is None:
            return
        index = self.assessments.index(found)
        if self.marked is not None and self.marked != found.id:
            other = next(a for a in self.assessments if a.id == self.marked)
        elif index > 0:
            other = self.assessments[index - 1]
        elif len(self.assessments) > 1:
            other = self.assessments[1]
        else:
            self.notify(_("There is only one assessment: nothing to compare yet."),
                        severity="warning")
            return
        old, new = sorted([found, other], key=lambda a: a.id)
        from coach.tui.screens.comparison import ComparisonScreen

        self.app.push_screen(ComparisonScreen(self.desk, self.client_id, old.id, new.id))

    def action_notes(self) -> None:
        found = self.current()
        if found is None:
            return
        from coach.tui.screens.notes import edit_notes

        edit_notes(self, self.workspace, self.client_id, found.id, on_saved=self.reload)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            # Presenting: the client list (other clients' names) is out of reach.
            return not self.nav.presenting
        if action == "discard":
            return self.has_draft
        if action in ("compare", "mark", "notes"):
            return bool(self.rows) or None
        return True

    def commands(self) -> Iterator[SystemCommand]:
        if self.has_draft:
            yield SystemCommand(_("Client: resume the assessment in progress"),
                                _("Back to where it stopped (f)"), self.action_follow_up)
        else:
            yield SystemCommand(_("Client: start a follow-up"),
                                _("A new assessment from the last answers (f)"),
                                self.action_follow_up)
        yield SystemCommand(_("Client: log results"),
                            _("What a platform brought, for the gate and the next "
                              "follow-up (l)"), self.action_log_results)
        if self.rows:
            yield SystemCommand(_("Client: edit the session notes"),
                                _("Notes of the highlighted assessment (n)"),
                                self.action_notes)
        if len(self.rows) > 1:
            yield SystemCommand(_("Client: compare two assessments"),
                                _("The highlighted one with the marked one, or the one "
                                  "before (c)"), self.action_compare)
