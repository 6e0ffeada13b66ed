"""Text on screen: user text (names, answers, plan lines quoting them) is never markup
and never carries terminal control characters."""

from __future__ import annotations

from textual.content import Content

from coach.textsafe import clean


def plain(text: object) -> Content:
    return Content(clean(str(text)))
