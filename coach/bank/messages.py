"""Problem lines for a broken bank: "file: entry: field: message", in the user's language."""

from __future__ import annotations

from collections.abc import Callable

from coach.i18n import DEFAULT_LANG, LANGS, translator


class Messages:
    """A plain class, not a dataclass: it is created on every run that loads a bank, and a
    frozen dataclass costs more to define at import than all its uses."""

    __slots__ = ("_gettext", "lang")

    def __init__(self, lang: str = DEFAULT_LANG) -> None:
        self.lang = lang
        self._gettext: Callable[[str], str] | None = None

    def _(self, message: str) -> str:
        # The catalog is looked up once, on the first message (a good bank asks for few).
        if self._gettext is None:
            lang = self.lang if self.lang in LANGS else DEFAULT_LANG
            self._gettext = translator(lang, "bank").gettext
        return self._gettext(message)

    def line(self, file: str, entry: str | None, field: str | None, message: str) -> str:
        parts = [file]
        if entry:
            parts.append(entry)
        if field:
            parts.append(field)
        parts.append(message)
        return ": ".join(parts)
