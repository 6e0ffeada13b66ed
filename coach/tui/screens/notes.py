"""Session notes: free text attached to one assessment, shown in its reports.

The client's page and a past plan both edit them (n), with `edit_notes`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static, TextArea

from coach.textsafe import clean
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _, say

if TYPE_CHECKING:
    from coach.store import Workspace


def edit_notes(screen: Screen[None], workspace: Workspace, client_id: str,
               assessment_id: int, *, on_saved: Callable[[], None] | None = None) -> None:
    """Open the notes of one assessment above `screen`; save them when the user does."""
    ws = workspace
    record = ws.assessment(client_id, assessment_id)

    def done(text: str | None) -> None:
        from coach.store import StoreError

        if text is None:
            return
        cleaned = clean(text).strip()
        try:
            ws.set_notes(client_id, assessment_id, cleaned or None)
        except StoreError as exc:
            screen.notify(say(exc), title=_("Not saved"), severity="error", markup=False)
            return
        screen.notify(_("Notes saved."), title=_("Saved"))
        if on_saved is not None:
            on_saved()

    screen.app.push_screen(NotesScreen(
        _("Session notes · assessment {id} of {date}").format(
            id=assessment_id, date=record.date or "—"),
        record.notes or ""), callback=done)


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
