"""Quick mode speaks the language of the run (chosen by the CLI), from the `quick` catalog."""

from __future__ import annotations

from coach.errors import CoachError
from coach.i18n import Sayable, Voice

_voice = Voice()


def use_lang(lang: str) -> None:
    _voice.lang = lang


def current_lang() -> str:
    return _voice.lang


def _(message: str) -> str:
    return _voice.catalog("quick").gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _voice.catalog("quick").ngettext(singular, plural, n)


def say(message: Sayable | str | CoachError) -> str:
    """A problem raised below quick mode (Msg, field problem, CoachError) in its language."""
    if isinstance(message, CoachError):
        return "\n".join(message.said(_voice.lang))
    return _voice.say(message)
