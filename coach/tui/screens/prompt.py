"""One-line questions in a modal: a name, a path, or a typed confirmation.

`PromptScreen` answers with the text typed (or None when cancelled). With
`must_type`, the OK button stays refused until exactly that text is typed: deleting
a client or leaving presenter mode cannot happen by a stray Enter or "y".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from coach.textsafe import clean
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _

# A check returns None when the text is fine, else the problem to show.
Check = Callable[[str], str | None]


class PromptScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), show=False),
    ]

    def __init__(self, title: str, question: str, *, value: str = "", placeholder: str = "",
                 ok: str | None = None, must_type: str | None = None,
                 check: Check | None = None, danger: bool = False) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._question = question
        self._value = value
        self._placeholder = placeholder
        self._ok = ok
        self.must_type = must_type
        self._check = check
        self._danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box prompt-box"):
            # Titles and questions may quote a client's name: plain text only.
            yield Static(Content(self._title), classes="step-title")
            yield Static(Content(self._question), id="prompt-question")
            # A bordered field: it must stand out in every theme, presenter's black too.
            yield Input(self._value, placeholder=self._placeholder, id="prompt-input")
            yield Static("", id="prompt-error", classes="q-error")
            with Horizontal(classes="modal-buttons"):
                yield Button(self._ok or _("OK"), id="prompt-ok",
                             variant="error" if self._danger else "primary")
                yield Button(_("Cancel"), id="prompt-cancel")

    def on_mount(self) -> None:
        self.query_one("#prompt-error").display = False
        self.query_one("#prompt-ok", Button).disabled = self.must_type is not None
        self.query_one("#prompt-input", Input).focus()

    @property
    def text(self) -> str:
        return clean(self.query_one("#prompt-input", Input).value, single_line=True).strip()

    def _typed_ok(self) -> bool:
        return self.must_type is None or self.text.casefold() == self.must_type.casefold()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one("#prompt-ok", Button).disabled = not self._typed_ok()
        self.query_one("#prompt-error").display = False

    def _say(self, problem: str) -> None:
        error = self.query_one("#prompt-error", Static)
        error.update(Content(problem))
        error.display = True

    def _submit(self) -> None:
        text = self.text
        if self.must_type is not None and not self._typed_ok():
            self._say(_("Type exactly: {text}").format(text=self.must_type))
            return
        if not text:
            self._say(_("Please type something, or press Escape to cancel."))
            return
        problem = self._check(text) if self._check else None
        if problem:
            self._say(problem)
            return
        self.dismiss(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "prompt-ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
