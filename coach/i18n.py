"""Languages: which one to speak, and the gettext catalogs that speak it.

UI strings live in gettext catalogs, one *domain* per part of coach (cli, bank,
engine, store, report, tui, quick, files) so each part's strings sit beside its code:
`coach/locale/<lang>/LC_MESSAGES/<domain>.po` (edited, committed) and `.mo` (compiled
into the wheel by hatch_build.py, and into a checkout by the tests or
`python -m coach.i18n_catalogs`, which also re-extracts the strings with Babel).

A missing catalog raises (never a silent fallback to English); a missing entry is
caught by tests/test_i18n.py, which compares every catalog with the source.

French comes in two regions' words: `fr-CA` reads `fr_CA/` then `fr/`, `fr-FR` reads
`fr_FR/` then `fr/` (plain `fr`, Québec's as it always was, reads `fr/` only). A regional
catalog holds only the phrases said otherwise there (coach.i18n_regions lists the words).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Protocol

# What a person may choose (`--lang`, COACH_LANG, the palette): English, French (which
# speaks as in Québec, as coach always has), and French with the words of a region.
LANGS: tuple[str, ...] = ("en", "fr", "fr-CA", "fr-FR")
# The catalogs those languages read, most specific first: a regional catalog holds only
# the phrases whose words differ there (gettext's fallback chain, fr_FR -> fr), so a
# phrase is written once unless a region says it otherwise.
CHAINS: dict[str, tuple[str, ...]] = {
    "en": ("en",), "fr": ("fr",), "fr-CA": ("fr_CA", "fr"), "fr-FR": ("fr_FR", "fr")}
CATALOGS: tuple[str, ...] = ("en", "fr", "fr_CA", "fr_FR")  # folders in coach/locale
# Where a locale names a region coach has no catalog for, the nearest one: French of
# Europe says e-mail and devis as France does; anywhere else French stays as plain "fr".
_REGION_OF_LOCALE = {"CA": "fr-CA", "FR": "fr-FR", "BE": "fr-FR", "CH": "fr-FR",
                     "LU": "fr-FR", "MC": "fr-FR"}
# Compiled catalogs ship inside the package. Computed here, not in coach.paths, so the
# pure engine's imports (it takes a Translator) reach no disk or platform library.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
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
    "files": "files",
    "measured": "measured",
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
    """'fr', 'FR' -> 'fr'; 'fr-CA', 'fr_CA.UTF-8' -> 'fr-CA'; 'fr_FR', 'fr_BE' -> 'fr-FR';
    'en_US' -> 'en'; anything else -> None."""
    parts = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")
    base = parts[0].lower()
    if base not in ("en", "fr"):
        return None
    if base == "fr" and len(parts) > 1:
        return _REGION_OF_LOCALE.get(parts[1].upper(), "fr")
    return base


def base_lang(lang: str) -> str:
    """The language without its region: 'fr-FR' -> 'fr' (what a plan's "lang" says)."""
    return lang.split("-")[0]


def is_french(lang: str) -> bool:
    return lang.split("-")[0] == "fr"


def region(lang: str) -> str | None:
    """The region whose words a language uses: 'fr-FR' -> 'FR'; plain 'fr' -> None."""
    return lang.split("-")[1] if "-" in lang else None


def paper(lang: str) -> str:
    """The paper a report prints on where this language is read: A4 in France (and
    Europe), Letter in Québec, North America and by default."""
    return "A4" if region(lang) == "FR" else "Letter"


def resolve_lang(cli_value: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """`--lang`, else COACH_LANG, else LC_ALL / LANG (fr_* gives French: fr_CA Québec's
    words, fr_FR France's), else English.

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
    if lang not in CHAINS:
        raise UnknownLanguage(lang)
    if domain not in DOMAINS:
        raise KeyError(f"unknown gettext domain {domain!r}")
    # fallback=False: a missing catalog is a packaging bug and must be loud. A regional
    # catalog answers what it holds and falls back on the common one for the rest.
    # Each file is opened by its own path: gettext.translation() would expand "fr" to
    # fr_FR first (locale.normalize), and plain French would speak as in France.
    found: gettext.GNUTranslations | None = None
    for name in reversed(CHAINS[lang]):
        try:
            with (LOCALE_DIR / name / "LC_MESSAGES" / f"{domain}.mo").open("rb") as fh:
                catalog = gettext.GNUTranslations(fh)
        except FileNotFoundError:
            raise CatalogsMissing(name, domain) from None
        if found is not None:
            catalog.add_fallback(found)
        found = catalog
    assert found is not None
    return found


class CatalogsMissing(FileNotFoundError):
    """A compiled catalog is not there: a source checkout nobody compiled, or a broken install.

    Said in English (there is no catalog to say it with), with what to do about it.
    """

    def __init__(self, lang: str, domain: str) -> None:
        where = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.mo"
        super().__init__(
            f"coach: its compiled messages are missing ({where}). Install coach with "
            "`pip install .`, or, in a source checkout, compile them with "
            "`python -m coach.i18n_catalogs --compile`.")


class Msg:
    """A message said later: its catalog (domain), its English msgid and its arguments.

    Code below the faces (store, bank, engine checks, file helpers) does not know which
    language the person reads now (the TUI's can change while it runs), so it raises
    errors holding Msg values; the face says them with the run's Voice. Arguments may be
    Msg themselves (a file label inside a message), said in the same language.
    `str()` gives English, for logs and tracebacks only: a face always says().
    """

    __slots__ = ("args", "domain", "msgid", "n", "plural")

    def __init__(self, domain: str, msgid: str, args: Mapping[str, object] | None = None,
                 *, plural: str | None = None, n: int | None = None) -> None:
        self.domain = domain
        self.msgid = msgid
        self.args: dict[str, object] = dict(args or {})
        self.plural = plural
        self.n = n

    def format(self, **args: object) -> Msg:
        """Like str.format, but kept as data until it is said (so callers read the same)."""
        return Msg(self.domain, self.msgid, {**self.args, **args}, plural=self.plural, n=self.n)

    def said(self, lang: str) -> str:
        catalog = translator(lang, self.domain)
        if self.plural is not None:
            text = catalog.ngettext(self.msgid, self.plural, self.n or 0)
        else:
            text = catalog.gettext(self.msgid)
        if not self.args:
            return text
        args = {k: (v.said(lang) if hasattr(v, "said") else v) for k, v in self.args.items()}
        return text.format(**args)

    def __str__(self) -> str:
        return self.said(DEFAULT_LANG)

    def __repr__(self) -> str:
        return f"Msg({self.domain!r}, {self.msgid!r}, {self.args!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Msg):
            return NotImplemented
        return (self.domain, self.msgid, self.args, self.plural, self.n) == (
            other.domain, other.msgid, other.args, other.plural, other.n)

    __hash__ = None  # type: ignore[assignment]


class Sayable(Protocol):
    """Anything that can be said in a language: a Msg, a field problem, a composed line."""

    def said(self, lang: str, /) -> str: ...


def say(message: Sayable | str, lang: str) -> str:
    """A message in `lang`; plain text (already worded, or the user's own) as it is."""
    return message if isinstance(message, str) else message.said(lang)


class Deferred:
    """A Translator whose answers are Msg, not text: for code that raises, not speaks.

    `Deferred("store").gettext("No client named {name}.").format(name=n)` reads like
    ordinary gettext at the call site (and Babel extracts it the same way).
    """

    __slots__ = ("domain",)

    def __init__(self, domain: str) -> None:
        if domain not in DOMAINS:
            raise KeyError(f"unknown gettext domain {domain!r}")
        self.domain = domain

    def gettext(self, message: str) -> Msg:
        return Msg(self.domain, message)

    def ngettext(self, singular: str, plural: str, n: int) -> Msg:
        return Msg(self.domain, singular, {}, plural=plural, n=n)


class Voice:
    """The language of this run: ONE object, made by the entry point and carried down.

    The CLI, quick mode and the TUI all receive it in their Context; switching language
    in the TUI's palette changes this object, and everything speaking through it follows
    at its next message (catalogs are cached by `translator`). There is no other
    language state in coach.
    """

    __slots__ = ("lang",)

    def __init__(self, lang: str = DEFAULT_LANG) -> None:
        if lang not in LANGS:
            raise UnknownLanguage(lang)
        self.lang = lang

    def switch(self, lang: str) -> None:
        if lang not in LANGS:
            raise UnknownLanguage(lang)
        self.lang = lang

    def catalog(self, domain: str) -> gettext.GNUTranslations:
        return translator(self.lang, domain)

    def speaker(self, domain: str) -> Speaker:
        """A Translator for one domain that follows this voice's language at each call."""
        return Speaker(self, domain)

    def say(self, message: Sayable | str) -> str:
        return say(message, self.lang)

    def __repr__(self) -> str:
        return f"Voice({self.lang!r})"


class Speaker:
    """One domain of the run's Voice, as a Translator (the engine and renderers take one)."""

    __slots__ = ("domain", "voice")

    def __init__(self, voice: Voice, domain: str) -> None:
        if domain not in DOMAINS:
            raise KeyError(f"unknown gettext domain {domain!r}")
        self.voice = voice
        self.domain = domain

    @property
    def lang(self) -> str:
        return self.voice.lang

    def gettext(self, message: str) -> str:
        return translator(self.voice.lang, self.domain).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return translator(self.voice.lang, self.domain).ngettext(singular, plural, n)

    __call__ = gettext
