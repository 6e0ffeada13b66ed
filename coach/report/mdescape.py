"""Escaping user text for Markdown: data, never HTML, links, emphasis or table breaks.

CommonMark lets a backslash escape any ASCII punctuation; we escape only what could
change the meaning (so the file still reads well as plain text), and write `<`, `>`
and entity-looking `&` as HTML entities, which every renderer shows as the
characters and none can turn into a tag.
"""

from __future__ import annotations

import re

from coach.textsafe import clean

_SPACES = re.compile(r"[ \t\r\n]+")  # not \s: no-break spaces are kept
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Line starts that would make a heading, quote, list item, rule or setext underline;
# for "1. " only the dot needs escaping (a backslash before a digit would show).
_LINE_START = re.compile(r"^(\s*)([#>+=\-])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")


def md_inline(value: str) -> str:
    """One line of user text, safe inside a paragraph or a table cell."""
    s = _SPACES.sub(" ", clean(value)).strip()
    s = _ENTITY.sub("&amp;", s)
    s = s.replace("<", "&lt;").replace(">", "&gt;")
    s = _INLINE.sub(r"\\\1", s)
    s = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), s)
    return _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), s)


def md_block(value: str) -> list[str]:
    """Multi-line user text (session notes) as escaped lines, blank lines kept."""
    lines = clean(value).replace("\t", "    ").split("\n")
    return [md_inline(line) if line.strip() else "" for line in lines]
