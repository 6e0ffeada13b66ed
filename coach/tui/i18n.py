"""The TUI's gettext domain, in the language chosen now (switchable from the palette)."""

from __future__ import annotations

from gettext import GNUTranslations

from coach.errors import CoachError
from coach.i18n import N_, Sayable, Voice

__all__ = ["N_", "_", "current_lang", "fmt_num", "ngettext", "say", "set_lang"]

# One voice for the whole app: the palette switches it, every screen reads it.
_voice = Voice()


def set_lang(lang: str) -> None:
    _voice.lang = lang


def current_lang() -> str:
    return _voice.lang


def catalog() -> GNUTranslations:
    """The tui catalog in the current language (coach.i18n caches it)."""
    return _voice.catalog("tui")


def _(message: str) -> str:
    return _voice.catalog("tui").gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _voice.catalog("tui").ngettext(singular, plural, n)


def fmt_num(value: float | int) -> str:
    """2 -> "2", 1.5 -> "1.5" in English and "1,5" in French."""
    number = float(value)
    text = str(int(number)) if number.is_integer() else f"{number:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if _voice.lang == "fr" else text


def say(message: Sayable | str | CoachError) -> str:
    """A problem raised below the TUI (Msg, field problem, CoachError) in the language now."""
    if isinstance(message, CoachError):
        return "\n".join(message.said(_voice.lang))
    return _voice.say(message)
