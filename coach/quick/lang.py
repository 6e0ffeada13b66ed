"""Quick mode speaks the language of the run (chosen by the CLI), from the `quick` catalog."""

from __future__ import annotations

from coach.i18n import DEFAULT_LANG, translator

_state = {"lang": DEFAULT_LANG}


def use_lang(lang: str) -> None:
    _state["lang"] = lang


def current_lang() -> str:
    return _state["lang"]


def _(message: str) -> str:
    return translator(_state["lang"], "quick").gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(_state["lang"], "quick").ngettext(singular, plural, n)
