"""The assessment: five steps in one screen, switched in place (nothing is rebuilt).

Next checks the current step and says why it cannot go on; Back never checks and
never loses an answer (every valid answer is already saved).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, ContentSwitcher, Header, Static

from coach.assessment import Session
from coach.assessment.position import STAGES
from coach.assessment.stages import next_page, platform_page, previous_page
from coach.model import Plan
from coach.textsafe import clean
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _, current_lang, ngettext, own_assessment
from coach.tui.preview import preview_plan
from coach.tui.screens.base import CoachView
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.form import QuestionForm
from coach.tui.widgets.inventory import InventoryStep
from coach.tui.widgets.planview import PlanStep
from coach.tui.widgets.progress import StepBar
from coach.tui.widgets.timechart import TimeStep


class AssessmentScreen(CoachView, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", N_("Next"), id="next"),
        Binding("ctrl+b", "back", N_("Back"), id="back"),
        Binding("ctrl+o", "skip", N_("Skip platform"), id="skip"),
        Binding("f2", "app.client_page", N_("Client page"), id="client_page"),
        Binding("alt+1", "go('profile')", N_("Go to profile"), show=False),
        Binding("alt+2", "go('inventory')", N_("Go to platforms"), show=False),
        Binding("alt+3", "go('platform')", N_("Go to why"), show=False),
        Binding("alt+4", "go('time')", N_("Go to time"), show=False),
        Binding("alt+5", "go('plan')", N_("Go to plan"), show=False),
    ]

    def __init__(self, session: Session, *, client_name: str,
                 on_finish: Callable[[Session, Plan], None], follow_up: bool = False) -> None:
        super().__init__()
        self.follow_up = follow_up
        self.session = session
        self.client_name = client_name
        self.on_finish = on_finish
        self.plan: Plan | None = None
        self._loaded: set[str] = set()
        translate_bindings(self)

    @property
    def step(self) -> str:
        return self.session.position.stage

    @property
    def help_topic(self) -> str:
        return self.step

    def client_shown(self) -> str | None:
        client_id = self.session.client_id
        return str(client_id) if client_id else None

    def compose(self) -> ComposeResult:
        yield Header()
        yield StepBar(id="stepbar")
        with ContentSwitcher(initial=None, id="steps-switcher"):
            yield QuestionForm("profile", id="step-profile")
            yield InventoryStep()
            yield QuestionForm("platform", id="step-platform")
            yield TimeStep()
            yield PlanStep()
        # Why Next is refused gets a full-width line of its own above the buttons,
        # wrapped: at 80 columns it no longer shares the row with them (was cut off).
        yield Static("", id="nav-why")
        with Horizontal(id="nav"):
            yield Button(_("Back"), id="nav-back", compact=True)
            yield Static("", id="nav-gap")
            yield Button(_("Skip platform"), id="nav-skip", compact=True)
            yield Button(_("Next"), id="nav-next", compact=True, variant="primary")
        yield CoachFooter()

    async def on_mount(self) -> None:
        self.sub_title = clean(self.client_name, single_line=True)
        await self.go(self.step, platform=self.session.position.platform,
                      question=self.session.position.question)

    # -- moving -------------------------------------------------------------------------
    async def go(self, step: str, *, platform: str | None = None, question: str | None = None,
                 forward: bool = True) -> None:
        s = self.session
        if step == "platform":
            shown = platform_page(s.draft, platform, forward=forward)
            if shown is None:
                step = "time" if forward else "inventory"
            else:
                s.position.platform = shown
        s.position.stage = step
        switcher = self.query_one(ContentSwitcher)
        lang = current_lang()
        if step == "profile":
            form = self.query_one("#step-profile", QuestionForm)
            if "profile" not in self._loaded:
                # A consultant's client is "the client" (the questions still say "you":
                # they are asked with the client, live).
                await form.load(s, None, title=_("About you") if own_assessment() else
                                _("About the client"),
                                intro=_("A few questions about who you are and what you want "
                                        "from the people you reach."))
                self._loaded.add("profile")
            form.focus_question(question)
        elif step == "inventory":
            inv = self.query_one(InventoryStep)
            if "inventory" not in self._loaded:
                await inv.load(s)
                self._loaded.add("inventory")
            else:
                inv.refill()
            self.call_after_refresh(self._focus_first, inv, True)
        elif step == "platform":
            form = self.query_one("#step-platform", QuestionForm)
            key = s.position.platform
            if form.scope != key or "platform" not in self._loaded:
                name = s.draft.heading(key, lang) if key else ""
                await form.load(s, key, title=_("Why am I on {platform}?").format(platform=name),
                                intro=self._platform_intro(key))
                self._loaded.add("platform")
            form.focus_question(question)
        elif step == "time":
            time_step = self.query_one(TimeStep)
            await time_step.load(s)
            time_step.show_warnings(self.refresh_plan())
            self.call_after_refresh(self._focus_first, time_step, True)
        elif step == "plan":
            self.refresh_plan()
            self.call_after_refresh(self._focus_first, self.query_one(PlanStep), True)
        switcher.current = f"step-{step}"
        self.query_one("#nav-skip").display = step == "platform"
        self.query_one("#nav-next").display = step != "plan"
        self.set_why([])
        self.update_where()
        s.save()

    def _platform_intro(self, key: str | None) -> str:
        platform = self.session.draft.platform(key)
        if platform is None:
            return ""
        return platform.note.get(current_lang())

    def _focus_first(self, container: object, home: bool = False) -> None:
        from textual.widget import Widget

        if isinstance(container, Widget):
            for widget in container.query("*"):
                if widget.focusable and widget.display:
                    widget.focus(scroll_visible=not home)
                    break
            if home:
                container.scroll_home(animate=False)

    def refresh_plan(self) -> Plan | None:
        lang = current_lang()
        plan, problems = preview_plan(self.session, lang)
        self.plan = plan
        view = self.query_one(PlanStep)
        view.follow_up = self.follow_up
        view.kind_names = {t.id: t.name.get(lang)
                           for t in self.session.bank.terms("space_kinds")}
        view.show(plan, problems)
        return plan

    def update_where(self) -> None:
        s = self.session
        detail = ""
        if self.step in ("profile", "platform"):
            form = self.query_one(f"#step-{self.step}", QuestionForm)
            j, m = form.position_of(s.position.question)
            q_line = _("question {j} of {m}").format(j=j or 1, m=m)
            if self.step == "platform":
                pro = s.draft.professional()
                key = s.position.platform
                i = pro.index(key) + 1 if key in pro else 1
                name = s.draft.heading(key, current_lang()) if key else ""
                detail = _("{platform}: platform {i} of {n}").format(platform=name, i=i,
                                                                      n=len(pro))
                detail += " · " + q_line
                if s.position.platform in s.position.skipped:
                    detail += " · " + _("skipped")
            else:
                detail = q_line
        self.query_one(StepBar).show(self.step, detail)

    def set_why(self, problems: list[str]) -> None:
        why = self.query_one("#nav-why", Static)
        why.set_class(bool(problems), "-blocked")
        why.display = bool(problems)
        if problems:
            # The first reason in full; the others are a count (the toast lists them).
            text = _("Cannot go on: {problem}").format(problem=problems[0])
            more = len(problems) - 1
            if more:
                text += " " + ngettext("(+{n} more)", "(+{n} more)", more).format(n=more)
            why.update(Content(text))
        else:
            why.update("")

    def current_problems(self) -> list[str]:
        if self.step == "profile":
            return self.query_one("#step-profile", QuestionForm).problems()
        if self.step == "platform":
            form = self.query_one("#step-platform", QuestionForm)
            # Blank answers count as "don't know" here; only bad input blocks.
            return form.problems(missing=False)
        if self.step == "inventory":
            return self.query_one(InventoryStep).problems()
        if self.step == "time":
            return self.query_one(TimeStep).problems()
        return []

    async def action_next(self) -> None:
        problems = self.current_problems()
        if problems:
            self.set_why(problems)
            # The line above the buttons shows the first reason in full; a toast (which
            # covers that line at 80x24) only for the others.
            if len(problems) > 1:
                self.notify("\n".join(problems[1:5]), title=_("Cannot go on yet"),
                            severity="warning", markup=False)
            return
        step, platform = next_page(self.session.draft, self.session.position)
        if step == self.step and platform is None:
            return
        await self.go(step, platform=platform, forward=True)

    async def action_back(self) -> None:
        step, platform = previous_page(self.session.draft, self.session.position)
        await self.go(step, platform=platform, forward=False)

    async def action_skip(self) -> None:
        s = self.session
        if self.step != "platform":
            return
        key = s.position.platform
        if key is not None and key not in s.position.skipped:
            s.position.skipped.append(key)
        step, platform = next_page(s.draft, s.position)
        await self.go(step, platform=platform, forward=True)

    async def action_go(self, step: str) -> None:
        await self.go(step, forward=STAGES.index(step) >= STAGES.index(self.step))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip":
            return self.step == "platform"
        if action == "next":
            return self.step != "plan"
        return True

    # -- messages from the steps -----------------------------------------------------------
    async def on_step_bar_jump(self, event: StepBar.Jump) -> None:
        await self.action_go(event.step)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"nav-next": self.action_next, "nav-back": self.action_back,
                   "nav-skip": self.action_skip}
        if event.button.id in actions:
            event.stop()
            await actions[event.button.id]()

    def on_question_form_answered(self, event: QuestionForm.Answered) -> None:
        self.set_why([])
        self.update_where()
        if self.step == "profile" and self.session.profile.get("name"):
            self.sub_title = clean(str(self.session.profile["name"]), single_line=True)

    def on_question_form_moved(self, event: QuestionForm.Moved) -> None:
        self.update_where()

    def on_inventory_step_answered(self, event: InventoryStep.Answered) -> None:
        self.set_why([])

    def on_time_step_answered(self, event: TimeStep.Answered) -> None:
        self.set_why([])
        time_step = self.query_one(TimeStep)
        time_step.redraw(self.refresh_plan())

    def on_time_step_measured_wanted(self, event: TimeStep.MeasuredWanted) -> None:
        from coach.tui.screens.measured import MeasuredScreen

        event.stop()
        time_step = self.query_one(TimeStep)
        self.app.push_screen(MeasuredScreen(self.session.bank, event.declared,
                                            event.measurement), time_step.measured_chosen)

    async def on_plan_step_edit_platform(self, event: PlanStep.EditPlatform) -> None:
        draft = self.session.draft
        key = draft.key_of(event.platform_id)
        if key is None:
            return
        if draft.is_professional(key):
            await self.go("platform", platform=key)
        else:
            await self.go("inventory")

    async def on_plan_step_edit_step(self, event: PlanStep.EditStep) -> None:
        await self.go(event.step, forward=False)

    def on_plan_step_finish(self, event: PlanStep.Finish) -> None:
        plan = self.refresh_plan()
        if plan is None:
            self.notify(_("The plan needs a few more answers first."), severity="warning")
            return
        self.on_finish(self.session, plan)

    def on_plan_step_calendar(self, event: PlanStep.Calendar) -> None:
        event.stop()
        plan = self.refresh_plan()
        if plan is None:
            self.notify(_("The plan needs a few more answers first."), severity="warning")
            return
        from coach.tui.screens.calendar import add_to_calendar

        add_to_calendar(self, dict(plan), self.client_name, self.session.bank)

    async def relanguage(self) -> None:
        """Rebuild every text in the new language, then come back to the same place."""
        self._loaded.clear()
        await self.recompose()
        translate_bindings(self)
        self.refresh_bindings()
        await self.go(self.step, platform=self.session.position.platform,
                      question=self.session.position.question)

    def commands(self) -> Iterator[SystemCommand]:
        for step, title in (("profile", _("Go to: profile")),
                            ("inventory", _("Go to: platforms")),
                            ("platform", _("Go to: why am I there?")),
                            ("time", _("Go to: time")), ("plan", _("Go to: plan"))):
            if step != self.step:
                yield SystemCommand(title, _("Jump to this step (answers are kept)"),
                                    lambda s=step: self.run_action(f"go('{s}')"))
        if self.step == "platform":
            yield SystemCommand(_("Assessment: skip this platform"),
                                _("Leave its questions blank and go on"),
                                lambda: self.run_action("skip"))
        if own_assessment():  # nobody here is "the client"
            yield SystemCommand(_("History: past assessments and follow-ups"),
                                _("Leave this assessment (saved) for the history page (F2)"),
                                lambda: self.run_action("app.client_page"))
        else:
            yield SystemCommand(_("Client: history and follow-ups"),
                                _("Leave this assessment (saved) for the client's page (F2)"),
                                lambda: self.run_action("app.client_page"))
