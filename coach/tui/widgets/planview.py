"""Plan: the engine's plan for the draft, live; Enter on a platform edits its answers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from coach.model import Plan
from coach.report.localfmt import after_label, long_date
from coach.tui.i18n import _, current_lang, fmt_num
from coach.tui.text import hanging, plain


def verdict_label(verdict: str) -> str:
    labels = {
        "focus": _("focus"), "keep": _("keep"), "reduce": _("reduce"), "pause": _("pause"),
        "personal": _("personal"),
    }
    return labels.get(verdict, verdict)


def severity_mark(severity: str) -> str:
    return {"critical": "‼", "warning": "⚠", "info": "ℹ"}.get(severity, "•")


class PlatformList(OptionList):
    """The plan's platforms: focused, a row is highlighted, so Enter opens it at once."""

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0


class PlanStep(VerticalScroll):
    class EditPlatform(Message):
        def __init__(self, platform_id: str) -> None:
            super().__init__()
            self.platform_id = platform_id

    class EditStep(Message):
        def __init__(self, step: str) -> None:
            super().__init__()
            self.step = step

    class Finish(Message):
        pass

    class Calendar(Message):
        """"Add to my calendar": the routine as an .ics file."""

    def __init__(self) -> None:
        super().__init__(id="step-plan", classes="step")
        self.plan: Plan | None = None
        self.kind_names: dict[str, str] = {}   # space kind id -> name in the current language
        self.follow_up = False                  # a follow-up: say so above the plan

    def compose(self) -> ComposeResult:
        yield Static(plain(_("Your plan")), classes="step-title")
        # A line, not a toast: a toast covered the plan's first lines for seconds.
        yield Static(plain(_("Follow-up: the last answers are filled in. Change only what "
                             "changed (Enter on a platform, or the step bar), then save.")),
                     id="plan-follow-up", classes="step-intro")
        yield Static("", id="plan-problems")
        yield Static("", id="plan-focus", classes="card")
        yield Static(plain(_("Platforms, best first (Enter: edit its answers)")),
                     classes="plan-head", id="plan-platforms-head")
        yield PlatformList(id="plan-platforms", compact=True)
        yield Static(plain(_("Warnings")), classes="plan-head", id="plan-warnings-head")
        yield Static("", id="plan-warnings")
        yield Static(plain(_("Your weekly routine")), classes="plan-head")
        yield Static("", id="plan-routine")
        yield Static(plain(_("What to track")), classes="plan-head")
        yield Static("", id="plan-track")
        yield Static(plain(_("When to add a second space")), classes="plan-head")
        yield Static("", id="plan-gate")
        yield Static("", id="plan-review")
        with Horizontal(classes="plan-actions"):
            yield Button(_("Edit the profile"), compact=True, id="plan-edit-profile")
            yield Button(_("Edit the hours"), compact=True, id="plan-edit-time")
            yield Button(_("Add to my calendar"), compact=True, id="plan-calendar")
            yield Button(_("Save this assessment"), compact=True, variant="primary",
                         id="plan-finish")

    def show(self, plan: Plan | None, problems: list[str]) -> None:
        self.plan = plan
        self.query_one("#plan-follow-up").display = self.follow_up
        box = self.query_one("#plan-problems", Static)
        box.display = bool(problems)
        if problems:
            box.update(hanging([("•", p) for p in problems],
                               head=[_("The plan needs a few more answers:")]))
        for widget in self.query(".card, .plan-head, #plan-platforms, #plan-warnings, "
                                 "#plan-routine, #plan-track, #plan-gate, #plan-review"):
            widget.display = plan is not None
        if plan is None:
            return
        lines = self._focus_text(plan).split("\n")
        self.query_one("#plan-focus", Static).update(hanging(
            [("•", line[2:]) for line in lines if line.startswith("• ")],
            head=[line for line in lines if not line.startswith("• ")]))
        platforms = self.query_one("#plan-platforms", OptionList)
        highlighted = platforms.highlighted
        platforms.clear_options()
        for n, item in enumerate(plan.get("platforms", []), start=1):
            name = item.get("name") or item["platform"]
            head = _("{n}. {name} · {verdict} · {score}/100 · {hours} h a week").format(
                n=n, name=name, verdict=verdict_label(item["verdict"]), score=item["score"],
                hours=fmt_num(item.get("hours", 0)))
            # The explanation wraps under the name, not under the number.
            mark, _sp, rest = head.partition(" ")
            platforms.add_option(Option(hanging([(mark, rest),
                                                 ("", item.get("explanation", ""))]),
                                        id=item["platform"]))
        if highlighted is not None and highlighted < platforms.option_count:
            platforms.highlighted = highlighted
        elif platforms.has_focus and platforms.option_count:
            platforms.highlighted = 0
        warnings = plan.get("warnings", [])
        rows: list[tuple[str, str]] = []
        for w in warnings:
            rows.append((severity_mark(w.get("severity", "")), w.get("message", "")))
            if w.get("instead"):
                # "Instead, follow the plan: ...": the advice has a colon of its own.
                rows.append(("→", _("Instead, {what}").format(what=after_label(w["instead"]))))
        self.query_one("#plan-warnings", Static).update(
            hanging(rows) if rows else plain(_("No warnings.")))
        self.query_one("#plan-routine", Static).update(
            hanging([("•", r) for r in plan.get("routine", [])]))
        self.query_one("#plan-track", Static).update(
            hanging([("•", t) for t in plan.get("track", [])]))
        self.query_one("#plan-gate", Static).update(plain(plan.get("expansion_gate", "")))
        self.query_one("#plan-review", Static).update(plain(
            # The date as the plan's own sentences write it (one date format per view).
            _("Review this plan on {date}.").format(
                date=long_date(str(plan.get("review_on", "")), current_lang()))))

    def _focus_text(self, plan: Plan) -> str:
        focus = plan.get("focus")
        if not focus:
            return _("No focus platform yet: none of your platforms earns its time. "
                     "Start from your goal and one place where your audience already is.")
        names = {p["platform"]: p.get("name") or p["platform"] for p in plan.get("platforms", [])}
        lines = [_("Focus: {platform}").format(platform=names.get(focus["platform"],
                                                                  focus["platform"]))]
        space = focus.get("space")
        if space:
            kind = str(space.get("kind", ""))
            lines.append(_("Where: {name} ({kind})").format(
                name=space.get("name", ""), kind=self.kind_names.get(kind, kind).lower()))
        lines += [f"• {r}" for r in focus.get("reasons", [])]
        return "\n".join(lines)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.EditPlatform(event.option.id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "plan-edit-profile":
            self.post_message(self.EditStep("profile"))
        elif event.button.id == "plan-edit-time":
            self.post_message(self.EditStep("time"))
        elif event.button.id == "plan-finish":
            self.post_message(self.Finish())
        elif event.button.id == "plan-calendar":
            self.post_message(self.Calendar())
