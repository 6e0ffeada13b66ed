"""What every coach screen shares, and what a screen may ask of the rest of the app.

- `CoachView`: a screen's own part of the command palette (`commands`), the help page
  F1 opens on it (`help_topic`), and how it speaks again after a language switch
  (`relanguage`). The app asks the screen on top; it never tests screen types.
- `Navigation`: the moves a screen may ask for (another client, the client list, an
  assessment...). The navigator (coach/tui/navigator.py) does them; screens know it
  only through this protocol, so they never import it, nor the app.
- `Desk`: what a consultant screen works with, handed to it when it is made: the
  workspace, the question bank and the navigation.
- `CoachScreen`: the consultant screens (home, client, past plan, comparison).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, NamedTuple, Protocol

from textual.app import SystemCommand
from textual.screen import Screen

from coach.textsafe import clean
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import current_lang

if TYPE_CHECKING:
    from coach.bank.model import Bank
    from coach.store import Workspace


class CoachView:
    """Mixed into every coach screen (before Textual's Screen)."""

    HELP_TOPIC: ClassVar[str] = "welcome"
    # The client list (Home): no single client is on screen here, nor beneath it.
    LISTS_CLIENTS: ClassVar[bool] = False

    @property
    def help_topic(self) -> str:
        """The bundled help page for this screen (coach/tui/help/<lang>/<topic>.md)."""
        return self.HELP_TOPIC

    def commands(self) -> Iterator[SystemCommand]:
        """What this screen offers in the palette now, titled "category: action"."""
        yield from ()

    async def relanguage(self) -> None:
        """Say everything again in the language just chosen (the Voice already speaks it)."""

    def client_shown(self) -> str | None:
        """The one client this screen shows (presenter mode offers it), or None."""
        return None


class Navigation(Protocol):
    """The moves between screens that a screen may ask for."""

    @property
    def presenting(self) -> str | None:
        """The client being presented (only that one may be on screen), or None."""
        ...

    def open_client(self, client_id: str, *, start: bool = False) -> None: ...

    def start_assessment(self, client_id: str) -> None: ...

    def to_clients(self) -> None: ...

    def discard_draft(self, client_id: str | None = None) -> None: ...

    def show_notices(self) -> None: ...


class Desk(NamedTuple):
    """What a consultant screen works with: made once, when the workspace is open."""

    workspace: Workspace
    bank: Bank
    nav: Navigation

    def platform_names(self) -> dict[str, str]:
        """Platform id -> its name in the current language."""
        lang = current_lang()
        return {p.id: clean(p.name.get(lang), single_line=True) for p in self.bank.platforms}

    def space_kind_names(self) -> dict[str, str]:
        lang = current_lang()
        return {t.id: t.name.get(lang) for t in self.bank.terms("space_kinds")}


class CoachScreen(CoachView, Screen[None]):
    """Bindings in the current language from the start, the desk at hand, and a
    language switch that rebuilds the screen and fills it again with `on_mount`."""

    # The client this screen shows (None: none, or several): presenter mode (F8) offers
    # to present it.
    client_id: str | None = None

    def __init__(self, desk: Desk, *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.desk = desk
        translate_bindings(self)

    def client_shown(self) -> str | None:
        return self.client_id

    @property
    def workspace(self) -> Workspace:
        return self.desk.workspace

    @property
    def nav(self) -> Navigation:
        return self.desk.nav

    def tell(self, title: str, lines: list[str]) -> None:
        """Something to read and close (why an export or a report failed...)."""
        from coach.tui.screens.confirm import MessageScreen

        self.app.push_screen(MessageScreen(title, lines))

    def on_mount(self) -> None:
        """Fill the screen from the workspace; subclasses do the work (Textual also
        calls this base one after theirs: it must stay empty)."""

    async def relanguage(self) -> None:
        await self.recompose()
        translate_bindings(self)
        self.refresh_bindings()
        self.on_mount()
