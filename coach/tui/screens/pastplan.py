"""A saved plan, read only: the plan view of the assessment, with its notes.

Nothing here edits answers (a past plan is a record); `n` edits the session notes
and `x` writes the report (with the notes) to a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Header, Static

from coach.report.localfmt import long_date
from coach.textsafe import clean
from coach.tui.i18n import N_, _, current_lang
from coach.tui.screens.base import CoachScreen, Desk
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.planview import PlanStep

if TYPE_CHECKING:
    from coach.store.records import AssessmentRecord

REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".txt": "text",
                  ".json": "json"}


class PastPlanScreen(CoachScreen):
    HELP_TOPIC = "client"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Back"), id="past.back"),
        Binding("n", "notes", N_("Notes"), id="past.notes"),
        Binding("x", "report", N_("Write report"), id="past.report"),
        Binding("k", "calendar", N_("Add to my calendar"), id="past.calendar"),
    ]

    def __init__(self, desk: Desk, client_id: str, assessment_id: int) -> None:
        super().__init__(desk, classes="past-plan-screen")
        self.client_id: str = client_id
        self.assessment_id = assessment_id
        self.record: AssessmentRecord | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="past-notes", classes="card")
        yield PlanStep()
        yield CoachFooter()

    def on_mount(self) -> None:
        ws = self.workspace
        self.record = record = ws.assessment(self.client_id, self.assessment_id)
        self.sub_title = clean(ws.client(self.client_id).name, single_line=True)
        view = self.query_one(PlanStep)
        # A record, not a draft: no editing, no saving again.
        view.query_one(".plan-actions").display = False
        view.kind_names = self.desk.space_kind_names()
        view.show(record.plan, [])  # type: ignore[arg-type]
        view.query_one(".step-title", Static).update(Content(
            _("Plan of {date} (assessment {id}, read only)").format(
                date=long_date(record.date, current_lang()) if record.date else "—",
                id=self.assessment_id)))
        view.query_one("#plan-platforms-head", Static).update(Content(
            _("Platforms, best first")))
        self.show_notes()
        view.focus()

    def show_notes(self) -> None:
        notes = (self.record.notes or "").strip() if self.record else ""
        box = self.query_one("#past-notes", Static)
        box.border_title = _("Session notes (n: edit)")
        box.update(Content(clean(notes) if notes else _("No notes yet: press n to add some.")))

    def on_plan_step_edit_platform(self, event: PlanStep.EditPlatform) -> None:
        event.stop()  # read only: Enter on a platform does nothing here

    def action_close(self) -> None:
        self.app.pop_screen()

    def commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand(_("Client: edit the session notes"),
                            _("Notes of this assessment, shown in its reports (n)"),
                            self.action_notes)
        yield SystemCommand(_("Client: write this plan's report"),
                            _("HTML, Markdown, text or JSON, with the notes (x)"),
                            self.action_report)
        yield SystemCommand(_("Plan: add to my calendar"),
                            _("The weekly routine and the review as an .ics file (k)"),
                            self.action_calendar)

    def action_calendar(self) -> None:
        from coach.tui.screens.calendar import add_to_calendar

        if self.record is not None:
            add_to_calendar(self, self.record.plan,
                            self.workspace.client(self.client_id).name, self.desk.bank)

    def action_notes(self) -> None:
        from coach.tui.screens.notes import edit_notes

        def saved() -> None:
            self.record = self.workspace.assessment(self.client_id, self.assessment_id)
            self.show_notes()

        edit_notes(self, self.workspace, self.client_id, self.assessment_id, on_saved=saved)

    def action_report(self) -> None:
        from coach.tui.screens.home import export_name
        from coach.tui.screens.prompt import PromptScreen

        name = self.workspace.client(self.client_id).name
        stem = export_name(name).removesuffix(".coach.json")
        date = self.record.date if self.record else ""
        default = str(Path.cwd() / f"{stem}-{date}.html")

        def check(text: str) -> str | None:
            if Path(text).suffix.lower() not in REPORT_FORMATS:
                return _("End the file name with .html, .md, .txt or .json.")
            return None

        def done(typed: str | None) -> None:
            if typed:
                self.write_report(Path(typed).expanduser())

        self.app.push_screen(PromptScreen(
            _("Write the report"), _("File for this plan's report, with its notes "
                                     "(.html, .md, .txt or .json):"),
            value=default, check=check, ok=_("Write")), callback=done)

    def write_report(self, path: Path, *, force: bool = False) -> None:
        from coach.errors import CoachError, FileExists
        from coach.files import write_file
        from coach.report import render
        from coach.tui.screens.confirm import ConfirmScreen

        fmt = REPORT_FORMATS[path.suffix.lower()]
        record = self.record
        if record is None:
            return
        # The client's reports follow the client (a client in France reads fr-FR).
        lang = self.workspace.client(self.client_id).lang or current_lang()
        text = render(record.plan, fmt, lang=lang, notes=record.notes or None, color=False)
        try:
            write_file(path, text, force=force)
        except FileExists:
            self.app.push_screen(
                ConfirmScreen(_("{file} already exists. Replace it?").format(file=path)),
                callback=lambda yes: self.write_report(path, force=True) if yes else None)
            return
        except CoachError as exc:  # said in the language now (the palette may have changed it)
            self.tell(_("Not written"), exc.said(current_lang()))
            return
        self.notify(_("Report written: {file}").format(file=path), markup=False)
