"""Returning with no draft open: pick a client (or name a new one) and start an assessment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from coach.textsafe import clean
from coach.tui.i18n import _


@dataclass(frozen=True)
class HomeChoice:
    client_id: str | None     # an existing client, or None for a new one named `name`
    name: str


class HomeScreen(Screen[HomeChoice]):
    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, clients: list[dict[str, Any]]) -> None:
        super().__init__()
        self.clients = clients

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home", classes="step"):
            yield Static(Content(_("Clients")), classes="step-title")
            yield Static(Content(_("Enter on a client starts a new assessment, with the answers "
                                   "of the last one filled in.")), classes="step-intro")
            options = []
            for c in self.clients:
                last = c.get("last_assessed") or c.get("last_activity") or ""
                line = clean(str(c.get("name", "")), single_line=True)
                if last:
                    line += " · " + _("last: {date}").format(date=last)
                options.append(Option(Content(line), id=str(c["id"])))
            yield OptionList(*options, id="home-clients", compact=True)
            with Horizontal(id="home-new"):
                yield Input(placeholder=_("New client's name"), compact=True, id="home-name")
                yield Button(_("New client"), compact=True, id="home-create", variant="primary")
            yield Static("", classes="q-error", id="home-error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#home-error").display = False
        self.query_one("#home-clients").focus()

    async def relanguage(self) -> None:
        await self.recompose()
        self.query_one("#home-error").display = False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        for c in self.clients:
            if str(c["id"]) == event.option.id:
                self.dismiss(HomeChoice(client_id=str(c["id"]), name=str(c.get("name", ""))))

    def _create(self) -> None:
        name = clean(self.query_one("#home-name", Input).value, single_line=True).strip()
        if not name:
            error = self.query_one("#home-error", Static)
            error.update(Content(_("Please give a name: it names this assessment.")))
            error.display = True
            return
        self.dismiss(HomeChoice(client_id=None, name=name))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._create()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._create()
