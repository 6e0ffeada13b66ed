"""F1: help for the current step, from a Markdown file bundled per screen and language."""

from __future__ import annotations

from importlib import resources
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown

from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _

TOPICS: tuple[str, ...] = ("welcome", "profile", "inventory", "platform", "time", "plan",
                           "clients", "client", "compare")


def help_text(topic: str, lang: str) -> str:
    """The bundled help for `topic` (falls back to the general page, never fails).

    A region's own page (`help/fr_FR/profile.md`) exists only where its words differ;
    otherwise the language's page (`help/fr/`) is read, as catalogs fall back."""
    root = resources.files("coach.tui") / "help"
    folders = [root / lang.replace("-", "_"), root / lang.split("-")[0]]
    for name in (topic, "welcome"):
        for folder in folders:
            page = folder / f"{name}.md"
            if page.is_file():
                return page.read_text(encoding="utf-8")
    return ""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close"), show=False),
        Binding("f1", "close", N_("Close"), show=False),
        Binding("q", "close", N_("Close"), show=False),
    ]

    def __init__(self, topic: str, lang: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.topic = topic
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="modal-box"):
            with VerticalScroll(id="help-scroll"):
                # Bundled text we wrote: Markdown is safe here (no user text in it).
                yield Markdown(help_text(self.topic, self.lang), id="help-text")
            yield Button(_("Close (Esc)"), id="help-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
