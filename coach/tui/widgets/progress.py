"""Where you are: the five steps (click or Alt+1..5 to jump) and a line of detail."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from coach.assessment.position import STAGES as STEPS
from coach.tui.i18n import N_, _

STEP_NAMES = {
    "profile": N_("Profile"), "inventory": N_("Platforms"), "platform": N_("Why"),
    "time": N_("Time"), "plan": N_("Plan"),
}


class StepBar(Vertical):
    class Jump(Message):
        def __init__(self, step: str) -> None:
            super().__init__()
            self.step = step

    def compose(self) -> ComposeResult:
        with Horizontal(id="steps"):
            for n, step in enumerate(STEPS, start=1):
                yield Button(f"{n} {_(STEP_NAMES[step])}", id=f"go-{step}", compact=True,
                             classes="step-button")
        yield Static("", id="where")

    def show(self, step: str, detail: str) -> None:
        for button in self.query(".step-button").results(Button):
            button.set_class(button.id == f"go-{step}", "-current")
        n = STEPS.index(step) + 1
        line = _("Step {n} of {m}").format(n=n, m=len(STEPS))
        self.query_one("#where", Static).update(Content(line + (" · " + detail if detail else "")))

    def relabel(self) -> None:
        for n, step in enumerate(STEPS, start=1):
            self.query_one(f"#go-{step}", Button).label = f"{n} {_(STEP_NAMES[step])}"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id and event.button.id.startswith("go-"):
            self.post_message(self.Jump(event.button.id[3:]))
