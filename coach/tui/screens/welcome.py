"""First run: the language, who is using coach, and whose assessment this is."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, Input, RadioButton, RadioSet, Static

from coach.i18n import is_french
from coach.textsafe import clean
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _, current_lang
from coach.tui.screens.base import CoachView
from coach.tui.widgets.footer import CoachFooter

ROLES: tuple[tuple[str, str], ...] = (
    ("freelancer", N_("A freelancer, for myself")),
    ("nonprofit", N_("A nonprofit, doing its self-assessment")),
    ("consultant", N_("A consultant, with clients")),
)
NAME_LABELS = {
    "freelancer": N_("Your name (or your business name)"),
    "nonprofit": N_("Your organisation's name"),
    "consultant": N_("Your first client's name"),
}


class WelcomeChoice(NamedTuple):
    lang: str
    role: str
    name: str


class WelcomeScreen(CoachView, Screen[WelcomeChoice]):
    # Focus lands on the language straight away: Textual's default ("*") would focus the
    # scrolling container first, and each focus move restyles the whole page (20 ms).
    AUTO_FOCUS = "#welcome-lang"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "start", N_("Start"), id="start"),
    ]

    def __init__(self, *, role: str | None = None) -> None:
        super().__init__()
        self.role = role or "freelancer"
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="welcome", classes="step"):
            yield Static(Content(_("Why am I on this network?")), classes="step-title")
            yield Static(Content(_(
                "coach asks a few questions about each platform you use, then gives you a "
                "focused plan: one place to start, a weekly routine that fits your time, what "
                "to measure. Every answer is saved as you go; quit any time.")),
                classes="step-intro")
            with Vertical(classes="question"):
                yield Static(Content(_("Language")), classes="q-text")
                with RadioSet(id="welcome-lang", compact=True):
                    yield RadioButton("English", value=current_lang() == "en", name="en")
                    # French keeps the region chosen (--lang fr-FR): its words stay France's.
                    french = current_lang() if is_french(current_lang()) else "fr"
                    yield RadioButton("Français", value=is_french(current_lang()), name=french)
            with Vertical(classes="question"):
                yield Static(Content(_("Who is using coach?")), classes="q-text")
                with RadioSet(id="welcome-role", compact=True):
                    for rid, label in ROLES:
                        yield RadioButton(Content(_(label)), value=rid == self.role, name=rid)
            with Vertical(classes="question"):
                yield Static(Content(_(NAME_LABELS[self.role])), classes="q-text",
                             id="welcome-name-label")
                yield Input(compact=True, id="welcome-name")
                yield Static("", classes="q-error", id="welcome-error")
            yield Button(_("Start"), variant="primary", id="welcome-start", compact=True)
        yield CoachFooter()

    def on_mount(self) -> None:
        self.query_one("#welcome-error").display = False
        self.query_one("#welcome-lang").focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.radio_set.id == "welcome-lang" and event.pressed.name != current_lang():
            self.app.call_later(self.app.run_action, f"set_language('{event.pressed.name}')")
        elif event.radio_set.id == "welcome-role" and event.pressed.name:
            self.role = event.pressed.name
            self.query_one("#welcome-name-label", Static).update(
                Content(_(NAME_LABELS[self.role])))

    async def relanguage(self) -> None:
        name = self.query_one("#welcome-name", Input).value
        await self.recompose()
        translate_bindings(self)
        self.query_one("#welcome-name", Input).value = name
        self.query_one("#welcome-error").display = False
        self.query_one("#welcome-lang").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        name = clean(self.query_one("#welcome-name", Input).value, single_line=True).strip()
        if not name:
            error = self.query_one("#welcome-error", Static)
            error.update(Content(_("Please give a name: it names this assessment.")))
            error.display = True
            self.query_one("#welcome-name").focus()
            return
        self.dismiss(WelcomeChoice(lang=current_lang(), role=self.role, name=name))
