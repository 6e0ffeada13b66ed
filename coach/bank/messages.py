"""Problem lines for a broken bank: "file: entry: field: message", in the user's language."""

from __future__ import annotations

from dataclasses import dataclass

from coach.i18n import DEFAULT_LANG, LANGS, translator


@dataclass(frozen=True)
class Messages:
    lang: str = DEFAULT_LANG

    def _(self, message: str) -> str:
        lang = self.lang if self.lang in LANGS else DEFAULT_LANG
        return translator(lang, "bank").gettext(message)

    def line(self, file: str, entry: str | None, field: str | None, message: str) -> str:
        parts = [file]
        if entry:
            parts.append(entry)
        if field:
            parts.append(field)
        parts.append(message)
        return ": ".join(parts)
