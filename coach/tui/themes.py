"""Themes: Textual's light and dark ones, plus a high-contrast theme of our own."""

from __future__ import annotations

from textual.theme import Theme


def _black_and_yellow(name: str) -> Theme:
    # Pure black and white with saturated accents: every pair passes WCAG AAA.
    return Theme(
        name=name,
        primary="#FFFF00",
        secondary="#00FFFF",
        accent="#FFFF00",
        warning="#FFB000",
        error="#FF5555",
        success="#00FF00",
        foreground="#FFFFFF",
        background="#000000",
        surface="#000000",
        panel="#1A1A1A",
        boost="#262626",
        dark=True,
        luminosity_spread=0.0,
        text_alpha=1.0,
        variables={"block-cursor-foreground": "#000000",
                   "input-selection-background": "#FFFF00 40%"},
    )


HIGH_CONTRAST = _black_and_yellow("coach-high-contrast")

LIGHT = "textual-light"
DARK = "textual-dark"
THEMES: tuple[str, ...] = (DARK, LIGHT, HIGH_CONTRAST.name)

# Presenter mode (screen sharing): the high-contrast palette under its own name, so
# the app's CSS class and the theme go together and leaving restores the user's theme.
PRESENTER = _black_and_yellow("coach-presenter")
