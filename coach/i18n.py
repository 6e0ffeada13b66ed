"""Languages: which one to speak, and the gettext catalogs that speak it.

UI strings live in gettext catalogs, one *domain* per part of coach (cli, bank,
engine, store, report, tui, quick) so each part's strings sit beside its code:
`coach/locale/<lang>/LC_MESSAGES/<domain>.po` (edited, committed) and `.mo` (compiled
into the wheel by hatch_build.py, and into a checkout by the tests or
`python -m coach.i18n_catalogs`, which also re-extracts the strings with Babel).

A missing catalog raises (never a silent fallback to English); a missing entry is
caught by tests/test_i18n.py, which compares every catalog with the source.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache
from typing import Protocol

LANGS: tuple[str, ...] = ("en", "fr")
DEFAULT_LANG = "en"
DOMAINS: dict[str, str] = {
    # domain -> source folder (relative to the coach package) whose strings it holds
    "cli": "cli",
    "bank": "bank",
    "engine": "engine",
    "store": "store",
    "report": "report",
    "tui": "tui",
    "quick": "quick",
}


class Translator(Protocol):
    """What code needs from a catalog; the engine receives one as plain input."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


class UnknownLanguage(ValueError):
    """Raised for a language coach does not speak (the CLI turns it into exit 2)."""


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (translated at use)."""
    return message


def normalize_lang(value: str) -> str | None:
    """'fr', 'fr_CA.UTF-8', 'FR' -> 'fr'; 'en_US' -> 'en'; anything else -> None."""
    base = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return base if base in LANGS else None


def resolve_lang(cli_value: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """`--lang`, else COACH_LANG, else LC_ALL / LANG (fr_* gives French), else English.

    An explicit choice (`--lang`, COACH_LANG) that coach does not speak is an error;
    a system locale coach does not speak simply means English.
    """
    env = os.environ if env is None else env
    for explicit in (cli_value, env.get("COACH_LANG")):
        if explicit:
            lang = normalize_lang(explicit)
            if lang is None:
                raise UnknownLanguage(explicit)
            return lang
    for var in ("LC_ALL", "LANG"):
        value = env.get(var)
        if value:
            return normalize_lang(value) or DEFAULT_LANG
    return DEFAULT_LANG


@cache
def translator(lang: str, domain: str) -> gettext.GNUTranslations:
    """The compiled catalog for `domain` in `lang`; raises if it is missing."""
    if lang not in LANGS:
        raise UnknownLanguage(lang)
    if domain not in DOMAINS:
        raise KeyError(f"unknown gettext domain {domain!r}")
    from coach.paths import locale_dir

    # fallback=False: a missing catalog is a packaging bug and must be loud.
    return gettext.translation(domain, localedir=str(locale_dir()), languages=[lang],
                               fallback=False)  # type: ignore[return-value]


class Voice:
    """One part of coach speaking: its catalog (domain) in the language chosen now.

    The CLI, the TUI and quick mode each hold one; the TUI's language can change while
    it runs (palette), so the language is looked up at every message, and catalogs are
    cached by `translator`.
    """

    __slots__ = ("domain", "lang")

    def __init__(self, domain: str, lang: str = DEFAULT_LANG) -> None:
        self.domain = domain
        self.lang = lang

    def catalog(self) -> gettext.GNUTranslations:
        return translator(self.lang, self.domain)

    def gettext(self, message: str) -> str:
        return self.catalog().gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.catalog().ngettext(singular, plural, n)
