"""One quick-mode run: pick the client, resume or start, ask, save, plan, report file.

The walk (coach.assessment) decides what comes next; the prompter asks; this module
glues them to the store (every answer is saved as a draft with its position, so ctrl+c
loses nothing and the next run, or the TUI, resumes there), the engine and the reports.
"""

from __future__ import annotations

import re
import shlex
import shutil
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from coach.assessment import Draft, Session
from coach.assessment.entries import entry_key
from coach.assessment.walk import Gaps, Step, Walker
from coach.bank.model import Bank, Question
from coach.i18n import Voice, is_french
from coach.quick import wording
from coach.quick.inputs import number_problem, parse_number, show_number, text_problem, tidy_number
from coach.quick.lang import _, current_lang, ngettext, say, speaking
from coach.quick.prompts import BACK, Option, Prompter, wrap
from coach.textsafe import clean

if TYPE_CHECKING:
    from coach.store import Workspace

SKIP = "\x00skip"
_DONE = "\x00done"
_CLEAR = "\x00clear"
REPORT_FORMATS: tuple[tuple[str, str], ...] = (("md", "md"), ("html", "html"),
                                              ("json", "json"), ("text", "txt"))


def _err(message: str) -> None:
    click.echo(message, err=True)


def slug(name: str) -> str:
    """A safe file name stem from a client name (never a path: no / or ..)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    return stem or "plan"


def name_problem(name: str) -> str | None:
    from coach.store.names import MAX_NAME, clean_name

    cleaned = clean_name(name)
    if not cleaned:
        return _("A name is needed: the client's or the organisation's.")
    if len(cleaned) > MAX_NAME:
        return _("A name can have at most {n} characters.").format(n=MAX_NAME)
    return None


class QuickSession:
    """The state of one run; `run()` returns the exit code (KeyboardInterrupt escapes)."""

    def __init__(self, *, bank: Bank, workspace: Workspace, lang: str, prompter: Prompter,
                 echo: Callable[[str], None], width: int) -> None:
        self.bank = bank
        self.ws = workspace
        self.lang = lang
        self.ask = prompter
        self.echo = echo
        self.width = width
        self.walker = Walker(bank)
        self.client_name = ""
        self.client_id: str | None = None
        self.session = Session(Draft(bank, {}))
        self.saved_answers = False      # something of this client is in the store as a draft
        self.finished = False           # the assessment is stored
        self._group: tuple[str, str | None] | None = None
        # Resuming: only the questions left to ask (None: every question, in order).
        self.gaps: Gaps | None = None
        # A follow-up's results from the client's log ("*": the kinds logged, 0 each).
        self.logged: dict[str, dict[str, int]] = {}

    # ------------------------------------------------------------ client
    def choose_client(self, name: str | None) -> None:
        """The client named on the command line, else asked for (an existing one resumes)."""
        from coach.errors import InputError

        if name is not None:
            problem = name_problem(name)
            if problem:
                raise InputError("--client: " + problem)
        else:
            name = self.ask.text(
                _("Whose assessment is it? (client or organisation name)"),
                help_text=_("Typing the name of an existing client picks up their "
                            "assessment in progress."),
                check=name_problem, back=False)
        self.client_name = clean(name, single_line=True)
        found = self.ws.find_client(self.client_name)
        if found is not None:
            self.client_id = found.id
            self.client_name = found.name

    def start_or_resume(self) -> Step | None:
        from coach.answers import blank_answers

        stored = self.ws.load_draft(self.client_id) if self.client_id else None
        if stored and stored[0]:
            # Whichever face saved it, and in whichever schema.
            resumed = Session.resume(self.bank, *stored, saver=self._store)
            answered = self.walker.answered(resumed.draft)
            choice = self.ask.select(
                _("{client} has an assessment in progress. Resume it or start over?").format(
                    client=self.client_name),
                [("resume", ngettext("Resume where I stopped ({n} answer kept)",
                                     "Resume where I stopped ({n} answers kept)",
                                     answered).format(n=answered), ""),
                 ("restart", _("Start over (the answers in progress are discarded)"), "")],
                back=False)
            if choice == "resume":
                self.session = resumed
                self.saved_answers = True
                self.gaps = self.walker.resume(resumed.draft, resumed.position)
                # None: every question was answered, straight to the plan.
                return self.gaps.start
            self.ws.discard_draft(self.client_id)
        answers = blank_answers()
        # blank_answers() holds placeholders (0 hours, empty choices) that would read as
        # answers here: start the profile empty, with the client's name as the default name.
        answers["profile"] = {"name": self.client_name, "extra": {}}
        self.session = Session(Draft(self.bank, answers), saver=self._store)
        self.logged = self._from_log()
        return self.walker.first(self.session.draft)

    def _from_log(self) -> dict[str, dict[str, int]]:
        """A follow-up: the last 90 days of the client's results log, when it covers
        them (platform id -> kind -> count); offered as the answers' defaults."""
        from coach import clock
        from coach.report.progress import covers_90_days, last_90_days
        from coach.store.results_log import results

        if self.client_id is None:
            return {}
        past = self.ws.assessments(self.client_id)
        if not past:
            return {}
        entries = results(self.ws, self.client_id)
        today = clock.today()
        if not covers_90_days(entries, past[-1].date, today):
            return {}
        logged = last_90_days(entries, today)
        kinds = {k for row in logged.values() for k in row}
        # Every platform brought 0 of a kind the person logs, unless the log says more.
        return {"*": dict.fromkeys(kinds, 0), **logged}

    def _logged_default(self, step: Step, field: str) -> int | None:
        kind = field.split(".", 1)[1]
        if not self.logged or kind not in self.logged["*"]:
            return None
        entry = self.session.draft.entry(step.platform) if step.platform else None
        pid = str(entry.get("id", "")) if entry else ""
        return self.logged.get(pid, {}).get(kind, 0)

    # ------------------------------------------------------------ saving
    def save(self, step: Step | None) -> None:
        """Keep the draft, with `step` as the next question to ask (None: all asked)."""
        self.session.position = self.walker.position_of(step, self.session.position)
        self.session.save()

    def _store(self, answers: dict[str, Any], position: dict[str, Any]) -> None:
        # The client is created with the first answer: a run stopped before any leaves
        # nothing behind.
        if self.client_id is None:
            self.client_id, _created = self.ws.ensure_client(self.client_name)
        self.ws.save_draft(self.client_id, answers, position)
        self.saved_answers = True

    # ------------------------------------------------------------ headers
    def _platform_name(self, key: str) -> str:
        return wording.platform_name(self.session.draft, key, self.lang)

    def _text(self, key: str, fallback: str) -> str:
        text = self.bank.texts.get(key)
        return text.get(self.lang) if text else fallback

    def header(self, step: Step) -> None:
        q = self.walker.question(step.question)
        group = (q.section, step.platform)
        if group == self._group:
            return
        self._group = group
        if q.section == "profile":
            # Someone assessing themselves reads "About you"; a consultant's client is
            # "the client" (the questions still say "you": they are asked with them).
            # Nobody has said yet who uses coach (the TUI's welcome asks; quick mode on
            # a new workspace does not): neither, just the step's name.
            role = self.ws.get_setting("role")
            if role in ("freelancer", "nonprofit"):
                title = self._text("section_profile", _("About you"))
            elif role == "consultant":
                title = _("About the client")
            else:
                title = _("Profile")
        elif step.platform is None:
            title = self._text("section_inventory", _("Your platforms"))
        elif q.section == "inventory":
            title = self._platform_name(step.platform)
        else:
            name = self._platform_name(step.platform)
            title = self._text("section_platform", _("Why am I on {platform}?")) \
                .replace("{platform}", name)
            pro = self.session.draft.professional()
            if step.platform in pro and len(pro) > 1:
                title += " " + _("(platform {n} of {total})").format(
                    n=pro.index(step.platform) + 1, total=len(pro))
        self.echo("")
        self.echo(clean(title, single_line=True))

    # ------------------------------------------------------------ asking
    def ask_step(self, step: Step) -> Any:
        """The answer to one step (None: skipped), or BACK."""
        q = self.walker.question(step.question)
        draft = self.session.draft
        message = wording.text(self.walker, draft, step, self.lang)
        help_text = wording.help_text(self.walker, step, self.lang)
        # Counted within the stage the header above names ("Why am I on LinkedIn?
        # (platform 2 of 3)"): the whole walk's count jumped as platforms were chosen.
        n, total = self.walker.stage_progress(draft, step)
        mark = f"[{n}/{total}]"
        current = self.walker.value(draft, step)
        common: dict[str, Any] = {"help_text": help_text, "mark": mark}
        options = wording.options(self.walker, draft, step, self.lang)
        if q.type == "single":
            if not q.required:
                options = [*options, (SKIP, _("Skip this question"), "")]
            result = self.ask.select(message, options, default=current, **common)
            return None if result == SKIP else result
        if q.type == "yesno":
            yes_no: list[Option] = [("yes", _("Yes"), ""), ("no", _("No"), "")]
            if not q.required:
                yes_no.append((SKIP, _("Skip this question"), ""))
            default = None if current is None else ("yes" if current else "no")
            result = self.ask.select(message, yes_no, default=default, **common)
            if result in (BACK, SKIP):
                return None if result == SKIP else BACK
            return result == "yes"
        if q.type in ("multi", "ranked"):
            return self.ask.checkbox(message, options, checked=list(current or []),
                                     required=q.required, ordered=q.type == "ranked", **common)
        if q.type == "number":
            return self._ask_number(step, q, message, current, common)
        if q.type == "spaces":
            return self._ask_spaces(step, message, current, common)
        return self._ask_text(q, message, current, common)

    def _other_hours(self, platform: str | None) -> float:
        """Hours a week already given to the other platforms (a week has 168 in all)."""
        total = 0.0
        for entry in self.session.platforms:
            hours = entry.get("hours_per_week")
            if entry_key(entry) != platform and isinstance(hours, int | float):
                total += hours
        return total

    def _ask_number(self, step: Step, q: Question, message: str, current: Any,
                    common: dict[str, Any]) -> Any:
        unit = q.unit.get(self.lang) if q.unit else ""
        if unit:
            message = f"{message} ({unit})"
        whole = bool(q.field and q.field.startswith("results_90d."))
        low, high = q.minimum, q.maximum
        if q.field in ("hours_per_week", "weekly_budget_hours"):  # a week has 168 hours
            low = 0 if low is None else max(low, 0)
            high = 168 if high is None else min(high, 168)
        lang = self.lang

        def check(typed: str) -> str | None:
            problem = number_problem(typed, low, high, required=q.required, lang=lang)
            value = parse_number(typed) if problem is None and typed.strip() else None
            if value is None:
                return problem
            if whole and not float(value).is_integer():
                return _("Please type a whole number, like 0, 1 or 12.")
            if q.field == "hours_per_week":
                others = self._other_hours(step.platform)
                if others + value > 168:
                    return _("With your other platforms ({hours} h) that makes more than the "
                             "168 hours of a week.").format(hours=show_number(others, lang))
            return None

        def shown(typed: str) -> str:
            value = parse_number(typed)
            if value is None:
                return _("(none)")
            # The unit is already in the question ("... (hours a week)"): repeating it
            # here would need its singular too ("1 hours a week", "1 heures par semaine").
            return show_number(value, lang)

        if whole and current is None and q.field:
            logged = self._logged_default(step, q.field)
            if logged is not None:  # a follow-up: the results log says it, Enter keeps it
                current = logged
                note = _("From your results log (last 90 days): change it if it is not right.")
                common = {**common, "help_text": f"{common['help_text']}\n{note}"
                          if common.get("help_text") else note}
        default = "" if current is None else show_number(current, lang)
        typed = self.ask.text(message, default=default, check=check, shown=shown, **common)
        if typed == BACK:
            return BACK
        value = parse_number(typed)
        return None if value is None else tidy_number(value)

    def _ask_text(self, q: Question, message: str, current: Any, common: dict[str, Any]) -> Any:
        typed = self.ask.text(message, default=current if isinstance(current, str) else "",
                              check=lambda s: text_problem(s, required=q.required), **common)
        if typed == BACK:
            return BACK
        value = clean(typed, single_line=True)
        return value or None

    def _ask_spaces(self, step: Step, message: str, current: Any,
                    common: dict[str, Any]) -> Any:
        """A small loop: pick a kind of space, name it, until "that's all"."""
        kinds = wording.options(self.walker, self.session.draft, step, self.lang)
        label = {kid: name for kid, name, _d in kinds}
        spaces = [dict(s) for s in current or [] if isinstance(s, dict)]
        while True:
            shown = message
            if spaces:
                listing = "; ".join(f"{label.get(s.get('kind'), s.get('kind'))} « {s.get('name')} »"
                                    if is_french(self.lang) else
                                    f"{label.get(s.get('kind'), s.get('kind'))} “{s.get('name')}”"
                                    for s in spaces)
                shown = message + " " + _("So far: {spaces}.").format(spaces=listing)
            options: list[Option] = [(_DONE, _("That is all") if spaces else _("None for now"),
                                      "")]
            options += [(kid, _("Add one: {kind}").format(kind=name), desc)
                        for kid, name, desc in kinds]
            if spaces:
                options.append((_CLEAR, _("Start this list again"), ""))
            choice = self.ask.select(shown, options, **common)
            if choice == BACK:
                return BACK
            if choice == _DONE:
                return spaces
            if choice == _CLEAR:
                spaces = []
                continue
            typed = self.ask.text(_("Its name ({kind}):").format(kind=label.get(choice, choice)),
                                  check=lambda s: text_problem(s, required=True),
                                  mark=common["mark"])
            if typed == BACK:
                continue
            spaces.append({"kind": choice, "name": clean(typed, single_line=True)})

    # ------------------------------------------------------------ the walk
    def walk(self, step: Step | None) -> None:
        """Ask from `step` on: every question in order, or only the gaps (`self.gaps`)."""
        draft = self.session.draft
        while True:
            while step is not None:
                self.header(step)
                result = self.ask_step(step)
                if result == BACK:
                    previous = (self.gaps.previous(step) if self.gaps is not None
                                else self.walker.previous(draft, step))
                    if previous is None:
                        self.echo(_("This is the first question: there is nothing before it."))
                    else:
                        step = previous
                        self.save(step)
                    continue
                self.walker.answer(draft, step, result)
                if self.gaps is not None:
                    self.gaps.answered(step)
                    step = self.gaps.next(step)
                else:
                    step = self.walker.next(draft, step)
                self.save(step)
            # Going back can leave a required question with no answer (or make one
            # apply): ask those, and only those, without walking the answered ones again.
            step = self.walker.unanswered(draft)
            if step is None:
                return
            if self.gaps is None:
                self.gaps = Gaps(self.walker, draft, since=None, start=step)
                step = self.gaps.start

    # ------------------------------------------------------------ measured time
    def ask_measured(self) -> None:
        """The Time step's "Use measured time", asked before the plan."""
        from coach.quick.measured import ask_measured

        ask_measured(self.session, self.ask, self.echo)

    # ------------------------------------------------------------ the end
    def finish(self) -> int:
        from coach import clock
        from coach.answers import AnswersError, validate_answers
        from coach.assessment.final import final_answers
        from coach.engine import ENGINE_VERSION, build_plan
        from coach.i18n import translator
        from coach.report import render

        final = final_answers(self.session.draft)
        try:
            answers = validate_answers(final, self.bank, source="")
        except AnswersError as exc:
            _err(_("Some answers cannot be used yet:"))
            for problem in exc.said(self.lang):
                _err("  " + problem)
            _err(self.resume_hint())
            return 1
        plan = build_plan(answers, self.bank, lang=self.lang,
                          tr=translator(self.lang, "engine"), today=clock.today())
        self.echo("")
        self.echo(render(plan, "text", lang=self.lang, width=self.width))
        assert self.client_id is not None
        # The stored plan (and its reports) speak the client's language when one is set.
        own = self.ws.client(self.client_id).lang
        if own and own != self.lang:
            plan = build_plan(answers, self.bank, lang=own, tr=translator(own, "engine"),
                              today=clock.today())
        assessment = self.ws.finish_assessment(self.client_id, dict(answers), dict(plan),
                                               engine_version=ENGINE_VERSION)
        self.finished = True
        self.echo(_("Assessment {id} saved for {client}.").format(
            id=assessment, client=self.client_name))
        self.offer_report(plan)
        self.offer_calendar(plan)
        return 0

    def offer_report(self, plan: Any) -> None:
        from coach.report import render

        names = {"md": _("Markdown (.md): reads well as text, renders well"),
                 "html": _("HTML (.html): one file to print or send"),
                 "json": _("JSON (.json): for other programs"),
                 "text": _("Plain text (.txt)")}
        while True:
            options: list[Option] = [(fmt, names[fmt], "") for fmt, _ext in REPORT_FORMATS]
            options.append(("none", _("No file, thanks"), ""))
            fmt = self.ask.select(_("Write the plan to a report file?"), options, back=False)
            if fmt == "none":
                return
            ext = dict(REPORT_FORMATS)[fmt]
            default = f"{slug(self.client_name)}-{plan.get('assessed_on', '')}.{ext}"
            lang = self.ws.client(self.client_id).lang if self.client_id else None
            text = render(plan, fmt, lang=lang or self.lang, width=self.width,
                          **({"color": False} if fmt == "text" else {}))
            path = self.write_asked(default, text)
            if path is None:
                continue  # back: the choice of format again
            self.echo(_("Report written: {path}").format(path=path))
            return

    def offer_calendar(self, plan: Any) -> None:
        """The routine as an .ics file to import in a calendar (Monday, Wednesday and
        Friday at 9:00; `coach report NAME --format ics --days ... --at ...` to choose)."""
        from coach.engine.plan import rules_of
        from coach.report.ics import key_of, render_ics

        want = self.ask.select(
            _("Add the routine to your calendar (an .ics file to import)?"),
            [("yes", _("Yes: Monday, Wednesday and Friday from 9:00"), ""),
             ("no", _("No, thanks"), "")], back=False)
        if want != "yes":
            return
        rules = rules_of(self.bank)
        data = render_ics(plan, client_key=key_of(self.client_name),
                          assessment_key=str(plan.get("assessed_on") or ""),
                          goal_results=dict(rules.goal_results),
                          min_results=rules.gate.min_results)
        default = f"{slug(self.client_name)}-{plan.get('assessed_on', '')}.ics"
        path = self.write_asked(default, data.decode("utf-8"))
        if path is not None:
            self.echo(_("Calendar written: {path} (import it in your calendar "
                        "program)").format(path=path))

    def write_asked(self, default: str, text: str) -> Path | None:
        """Ask for a file name until `text` is written there (the path) or the person
        goes back (None): the one loop behind the report and the calendar."""
        while True:
            typed = self.ask.text(
                _("File name:"), default=default,
                help_text=_("Saved in the current folder unless you give a path; "
                            "only you can read it."),
                check=lambda s: text_problem(s, required=True))
            if typed == BACK:
                return None
            path = Path(typed.strip()).expanduser()
            if self.write_report(path, text):
                return path
            default = typed.strip()

    def write_report(self, path: Path, text: str) -> bool:
        """Write the report file, asking before replacing one (False: ask for a name again).

        The file is written only if absent (coach.files: even one that appears meanwhile
        is kept); when one is there, "another name" is the default answer, so Enter alone
        never destroys a file.
        """
        from coach.errors import CoachError, FileExists
        from coach.files import write_file

        force = False
        while True:
            try:
                write_file(path, text, force=force)
                return True
            except FileExists:
                again = self.ask.select(
                    _("{path} already exists. Replace it?").format(path=path),
                    [("other", _("Choose another name"), ""),
                     ("replace", _("Replace it"), "")], back=False)
                if again == "other":
                    return False
                force = True
            except CoachError as exc:  # no such folder, disk full...: said, then asked again
                for line in exc.said(current_lang()):
                    self.echo(line)
                return False

    # ------------------------------------------------------------ leaving
    def resume_hint(self) -> str:
        command = "coach quick --client " + shlex.quote(self.client_name)
        return _("To pick up where you stopped: {command}").format(command=command)

    def stopped(self) -> None:
        """What ctrl+c says: what is kept, and how to come back."""
        self.echo("")
        if self.finished:
            _err(_("Stopped. The assessment is saved; for a report file later: {command}")
                 .format(command="coach report " + shlex.quote(self.client_name)
                         + " --format html -o plan.html"))
        elif self.saved_answers:
            _err(_("Stopped. Your answers are kept."))
            _err(self.resume_hint())
        else:
            _err(_("Stopped. Nothing was saved."))


def run_quick(*, voice: Voice, data_dir: Path, bank: Bank, client: str | None,
              prompter: Prompter | None = None, echo: Callable[[str], None] | None = None,
              width: int | None = None) -> int:
    """`coach quick`: returns the exit code (130 after ctrl+c, answers kept).

    Store problems are CoachErrors with their exit code, said by the CLI: a bad name is
    bad input (exit 2); a locked or damaged file stops the run (exit 1), every earlier
    answer being saved.
    """
    from coach.errors import RunError

    try:
        # The run's Voice speaks every line of quick mode (and its language is the plan's).
        with speaking(voice):
            return _run(lang=voice.lang, data_dir=data_dir, bank=bank, client=client,
                        prompter=prompter, echo=echo, width=width)
    except OSError as exc:  # the store should wrap these; never show a traceback meanwhile
        raise RunError(f"{exc.filename or data_dir}: {exc.strerror or exc}") from None


def _run(*, lang: str, data_dir: Path, bank: Bank, client: str | None,
         prompter: Prompter | None, echo: Callable[[str], None] | None,
         width: int | None) -> int:
    from coach.store import Workspace

    out = echo or click.echo
    ws = Workspace.open(data_dir)
    for notice in ws.notices:
        _err(clean(say(notice)))
    ws.notices.clear()
    if width is None:
        width = max(60, min(100, shutil.get_terminal_size((80, 24)).columns))
    session = QuickSession(bank=bank, workspace=ws, lang=current_lang(),
                           prompter=prompter or Prompter(echo=out), echo=out, width=width)
    intro = bank.texts.get("intro")
    if intro:
        out(wrap(intro.get(lang), indent=""))
    out(wrap(_("To go back, choose “← Back” or press <; ctrl+c stops, and your answers "
               "are kept."), indent=""))
    try:
        session.choose_client(client)
        session.walk(session.start_or_resume())
        session.ask_measured()
        return session.finish()
    except KeyboardInterrupt:
        session.stopped()
        return 130
    finally:
        sys.stdout.flush()
