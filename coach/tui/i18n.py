"""The TUI's gettext domain, in the language chosen now (switchable from the palette)."""

from __future__ import annotations

from coach.i18n import DEFAULT_LANG, N_, translator

__all__ = ["N_", "_", "current_lang", "ngettext", "set_lang"]

_state = {"lang": DEFAULT_LANG}


def set_lang(lang: str) -> None:
    _state["lang"] = lang


def current_lang() -> str:
    return _state["lang"]


def _(message: str) -> str:
    return translator(_state["lang"], "tui").gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(_state["lang"], "tui").ngettext(singular, plural, n)
