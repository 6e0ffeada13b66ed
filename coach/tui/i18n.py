"""The TUI's gettext domain, in the language chosen now (switchable from the palette)."""

from __future__ import annotations

from coach.i18n import DEFAULT_LANG, N_, translator

__all__ = ["N_", "_", "current_lang", "fmt_num", "ngettext", "set_lang"]

_state = {"lang": DEFAULT_LANG}


def set_lang(lang: str) -> None:
    _state["lang"] = lang


def current_lang() -> str:
    return _state["lang"]


def _(message: str) -> str:
    return translator(_state["lang"], "tui").gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(_state["lang"], "tui").ngettext(singular, plural, n)


def fmt_num(value: float | int) -> str:
    """2 -> "2", 1.5 -> "1.5" in English and "1,5" in French."""
    number = float(value)
    text = str(int(number)) if number.is_integer() else f"{number:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if _state["lang"] == "fr" else text
