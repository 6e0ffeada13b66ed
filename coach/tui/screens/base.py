"""What every consultant screen (home, client, past plan, comparison) shares.

Bindings in the current language from the start, the app typed as CoachApp, and a
language switch that rebuilds the screen and fills it again with `on_mount`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from coach.tui.bindings import translate_bindings

if TYPE_CHECKING:
    from coach.tui.app import CoachApp


class CoachScreen(Screen[None]):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        translate_bindings(self)

    @property
    def coach(self) -> CoachApp:
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        """Fill the screen from the workspace; subclasses do the work (Textual also
        calls this base one after theirs: it must stay empty)."""

    async def relanguage(self) -> None:
        await self.recompose()
        translate_bindings(self)
        self.refresh_bindings()
        self.on_mount()
