"""The TUI's gettext domain, in the language chosen now (switchable from the palette)."""

from __future__ import annotations

from gettext import GNUTranslations

from coach.i18n import DEFAULT_LANG, N_, translator

__all__ = ["N_", "_", "current_lang", "fmt_num", "ngettext", "set_lang"]

# One slot for the whole app: the palette switches it, every screen reads it.
_lang = [DEFAULT_LANG]


def set_lang(lang: str) -> None:
    _lang[0] = lang


def current_lang() -> str:
    return _lang[0]


def catalog() -> GNUTranslations:
    """The tui catalog in the current language (coach.i18n caches it)."""
    return translator(_lang[0], "tui")


def _(message: str) -> str:
    return catalog().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return catalog().ngettext(singular, plural, n)


def fmt_num(value: float | int) -> str:
    """2 -> "2", 1.5 -> "1.5" in English and "1,5" in French."""
    number = float(value)
    text = str(int(number)) if number.is_integer() else f"{number:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if _lang[0] == "fr" else text
