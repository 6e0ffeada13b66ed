"""A typed yes/no confirmation: `ModalScreen[bool]`, answered with dismiss(value).

Its default (the button focused, which Enter presses) comes from what it asks: yes to
save or create, no to replace or erase. The focused button is the only one that looks
chosen, by its style (reverse, bold, a marker), not by colour alone: it reads the same
in every theme and with NO_COLOR.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coach.textsafe import clean
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", N_("Cancel"), show=False),
        Binding("y", "answer(True)", N_("Yes"), show=False),
        Binding("o", "answer(True)", N_("Yes"), show=False),  # French: o for oui
        Binding("n", "answer(False)", N_("No"), show=False),
    ]

    def __init__(self, question: str, *, yes: str | None = None, no: str | None = None,
                 default: bool = False) -> None:
        super().__init__()
        translate_bindings(self)
        self._question = question
        self._yes = yes
        self._no = no
        # True: Enter says yes (saving, creating); False: Enter says no (erasing).
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="modal-box"):
            # The question may quote user text (a client's name): never markup.
            yield Static(self._question, markup=False, id="confirm-question")
            with Horizontal(classes="modal-buttons"):
                # No variant colours: a coloured button that is not the focused one
                # looked like the default while Enter pressed the other.
                yield Button(self._yes or _("Yes"), id="yes", classes="confirm-button")
                yield Button(self._no or _("No"), id="no", classes="confirm-button")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class MessageScreen(ModalScreen[None]):
    """Something the user must read (a repaired file, a bank that failed to load)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close"), show=False)]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        # Problems quote what the user typed (a path, a name): no control characters.
        self._lines = [clean(line) for line in lines]

    def compose(self) -> ComposeResult:
        with Vertical(id="message-box", classes="modal-box"):
            yield Static(self._title, markup=False, classes="step-title")
            # Store and bank messages quote file and client names: plain text only.
            yield Static("\n".join(self._lines), markup=False, id="message-text")
            with Horizontal(classes="modal-buttons"):
                yield Button(_("OK"), variant="primary", id="message-ok")

    def on_mount(self) -> None:
        self.query_one("#message-ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
