""""Log results" on a client's page: one entry of the results log, in a small form.

The focus platform and its space come preselected (that is where the plan says
results should come from); the counts asked are the gate's kinds first, then the
other kinds the client tracks. Checked like `coach log`: whole numbers, 0 or more, a
date that is not in the future; nothing is stored until everything is right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from coach.textsafe import clean
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _


class LogValues(dict[str, Any]):
    """What the form gives back: date, platform, space, counts, note."""


class LogResultsScreen(ModalScreen[LogValues | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), show=False),
    ]

    def __init__(self, *, platforms: Sequence[tuple[str, str]], platform: str | None,
                 space: str | None, kinds: Sequence[tuple[str, str]], today: date) -> None:
        super().__init__()
        translate_bindings(self)
        self.platforms = list(platforms)          # (id, name)
        self.platform = platform
        self.space = space or ""
        self.kinds = list(kinds)                  # (kind, label)
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box log-box"):
            yield Static(Content(_("Log results")), classes="step-title")
            with Horizontal(classes="log-row"):
                yield Static(Content(_("Platform")), classes="log-label")
                yield Select([(Content(name), pid) for pid, name in self.platforms],
                             value=self.platform if self.platform else Select.NULL,
                             allow_blank=self.platform is None, id="log-platform",
                             compact=True)
            with Horizontal(classes="log-row"):
                yield Static(Content(_("Space")), classes="log-label")
                yield Input(self.space, id="log-space", compact=True)
            with Horizontal(classes="log-row"):
                yield Static(Content(_("Date")), classes="log-label")
                yield Input(self.today.isoformat(), id="log-date", compact=True)
            for kind, label in self.kinds:
                with Horizontal(classes="log-row"):
                    yield Static(Content(label), classes="log-label")
                    yield Input("", placeholder="0", id=f"log-{kind}", compact=True,
                                classes="log-count")
            with Horizontal(classes="log-row"):
                yield Static(Content(_("Note")), classes="log-label")
                yield Input("", id="log-note", compact=True)
            yield Static("", id="log-error", classes="q-error")
            with Horizontal(classes="modal-buttons"):
                yield Button(_("Log"), id="log-ok", variant="primary")
                yield Button(_("Cancel"), id="log-cancel")

    def on_mount(self) -> None:
        self.query_one("#log-error").display = False
        first = self.query(".log-count").first(Input) if self.kinds else None
        (first or self.query_one("#log-note", Input)).focus()

    def _say(self, problem: str) -> None:
        box = self.query_one("#log-error", Static)
        box.update(Content(problem))
        box.display = True

    def values(self) -> LogValues | str:
        """The entry, or the first problem (naming the field)."""
        platform = self.query_one("#log-platform", Select).value
        if not isinstance(platform, str):
            return _("Platform: choose one.")
        typed = self.query_one("#log-date", Input).value.strip()
        try:
            day = date.fromisoformat(typed)
        except ValueError:
            return _("Date: {value} is not a date (YYYY-MM-DD).").format(value=typed)
        if day > self.today:
            return _("Date: {value} is in the future.").format(value=day.isoformat())
        counts: dict[str, int] = {}
        for kind, label in self.kinds:
            text = self.query_one(f"#log-{kind}", Input).value.strip()
            if not text:
                continue
            if not text.isdigit():
                return _("{field}: type a whole number, 0 or more.").format(field=label)
            counts[kind] = int(text)
        if not counts:
            return _("Type at least one count.")
        space = clean(self.query_one("#log-space", Input).value, single_line=True).strip()
        note = clean(self.query_one("#log-note", Input).value, single_line=True).strip()
        return LogValues(date=day.isoformat(), platform=platform, space=space or None,
                         counts=counts, note=note or None)

    def _submit(self) -> None:
        found = self.values()
        if isinstance(found, str):
            self._say(found)
            return
        self.dismiss(found)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "log-ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def kinds_for(gate_kinds: Sequence[str], tracked: Mapping[str, Any],
              labels: Mapping[str, str]) -> list[tuple[str, str]]:
    """The gate's kinds first, then the other kinds the client gave figures for."""
    order = list(dict.fromkeys([*gate_kinds, *(k for k in tracked if k in labels)]))
    return [(k, labels.get(k, k)) for k in order if k in labels]
