"""Session notes: free text attached to one assessment, shown in its reports."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _


class NotesScreen(ModalScreen[str | None]):
    """Answers with the notes as typed (cleaned by the caller), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), show=False),
        Binding("ctrl+s", "save", N_("Save"), show=False),
    ]

    def __init__(self, title: str, notes: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box notes-box"):
            yield Static(Content(self._title), classes="step-title")
            yield Static(Content(_("What was said, decided, promised. Shown in this "
                                   "assessment's reports. Ctrl+S saves, Esc cancels.")),
                         classes="step-intro")
            yield TextArea(self._notes, id="notes-text", soft_wrap=True,
                           show_line_numbers=False)
            with Horizontal(classes="modal-buttons"):
                yield Button(_("Save"), id="notes-save", variant="primary")
                yield Button(_("Cancel"), id="notes-cancel")

    def on_mount(self) -> None:
        area = self.query_one("#notes-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "notes-save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        self.dismiss(self.query_one("#notes-text", TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
