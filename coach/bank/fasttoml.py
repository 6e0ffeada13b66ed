"""A quick reader for the plain TOML the bank is written in; anything else goes to tomllib.

Every command that uses the bank parses its four files on every run, and tomllib (pure
Python, one character at a time through each string) takes most of that time. The bank
uses a small part of TOML: `[table]` and `[[array]]` headers, bare and dotted keys,
basic strings without escapes, simple numbers, booleans, arrays and one-line inline
tables. `loads` reads exactly that, with regular expressions, and hands the whole text
to `tomllib.loads` as soon as it meets anything else (escapes, literal or multi-line
strings, dates, quoted keys, a key or table given twice, a table reopened...). So its
result is always tomllib's, and so are the error messages for a broken file.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any


class _Unsupported(Exception):
    """Not the plain subset: tomllib reads this text."""


_WS = re.compile(r"[ \t]*")
# Blank lines, comments and the whitespace between them (inside arrays too).
_GAP = re.compile(r"(?:[ \t\n]+|#[^\x00-\x08\x0a-\x1f\x7f]*)*")
_END = re.compile(r"[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?(?:\n|\Z)")
_KEY = re.compile(r"[ \t]*([A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*)[ \t]*")
_HEADER = re.compile(r"(\[\[?)" + _KEY.pattern + r"(\]\]?)")
_STRING = re.compile(r'"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"')
_NUMBER = re.compile(r"[+-]?(?:0|[1-9][0-9]*)(\.[0-9]+)?")
_WORD = re.compile(r"true|false")
_DOT = re.compile(r"[ \t]*\.[ \t]*")
# The commonest line, `key = "text"`, read in one match.
_STRING_LINE = re.compile(r'([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)[ \t]*=[ \t]*'
                          r'"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"'
                          r"[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?(?:\n|\Z)")


def loads(text: str) -> dict[str, Any]:
    """`tomllib.loads(text)`, quicker when the text keeps to the plain subset."""
    if "\r" not in text:
        try:
            return _Reader(text).document()
        except _Unsupported:
            pass
    return tomllib.loads(text)


class _Reader:
    def __init__(self, text: str) -> None:
        self.src = text
        self.pos = 0
        self.root: dict[str, Any] = {}
        # ids of the containers each kind of definition made (all stay alive in the tree)
        self.headed: set[int] = set()       # tables named by a [header], or its parents
        self.arrays: set[int] = set()       # arrays of tables made by [[header]]
        self.dotted: set[int] = set()       # tables made by dotted keys under this header

    def document(self) -> dict[str, Any]:
        src = self.src
        table = self.root
        self.headed.add(id(table))
        while True:
            self.pos = _GAP.match(src, self.pos).end()  # type: ignore[union-attr]
            if self.pos >= len(src):
                return self.root
            if src[self.pos] == "[":
                table = self.header()
            else:
                line = _STRING_LINE.match(src, self.pos)
                if line is not None:
                    self.pos = line.end()
                    self.put(table, line.group(1), line.group(2))
                    continue
                self.key_value(table)
            self.expect(_END)

    def expect(self, pattern: re.Pattern[str]) -> re.Match[str]:
        found = pattern.match(self.src, self.pos)
        if found is None:
            raise _Unsupported
        self.pos = found.end()
        return found

    def header(self) -> dict[str, Any]:
        found = self.expect(_HEADER)
        opening, keys, closing = found.group(1), found.group(2), found.group(3)
        if len(opening) != len(closing):
            raise _Unsupported
        parts = _DOT.split(keys) if "." in keys else [keys]
        table = self.root
        for part in parts[:-1]:
            table = self.descend(table, part)
        last = parts[-1]
        self.dotted = set()
        new: dict[str, Any] = {}
        if opening == "[":
            if last in table:
                raise _Unsupported      # a table defined twice, or an implicit one defined
            table[last] = new
        else:
            array = table.get(last)
            if array is None:
                array = table[last] = []
                self.arrays.add(id(array))
            elif id(array) not in self.arrays:
                raise _Unsupported
            array.append(new)
        self.headed.add(id(new))
        return new

    def descend(self, table: dict[str, Any], part: str) -> dict[str, Any]:
        """A header's parent table: made on the way, or one a header made."""
        value = table.get(part)
        if value is None:
            value = table[part] = {}
            self.headed.add(id(value))
            return value
        if isinstance(value, list) and id(value) in self.arrays:
            return value[-1]
        if isinstance(value, dict) and id(value) in self.headed:
            return value
        raise _Unsupported

    def key_value(self, table: dict[str, Any]) -> None:
        keys = self.expect(_KEY).group(1)
        if self.src.startswith("=", self.pos):
            self.pos += 1
        else:
            raise _Unsupported
        self.pos = _WS.match(self.src, self.pos).end()  # type: ignore[union-attr]
        self.put(table, keys, None)

    def put(self, table: dict[str, Any], keys: str, text: str | None) -> None:
        """Set `keys` (dotted) in `table` to `text`, or to the value that follows."""
        parts = _DOT.split(keys) if "." in keys else [keys]
        for part in parts[:-1]:
            value = table.get(part)
            if value is None:
                value = table[part] = {}
                self.dotted.add(id(value))
            elif not (isinstance(value, dict) and id(value) in self.dotted):
                raise _Unsupported
            table = value
        if parts[-1] in table:
            raise _Unsupported          # a key given twice
        table[parts[-1]] = self.value() if text is None else text

    def value(self) -> Any:
        src, pos = self.src, self.pos
        char = src[pos:pos + 1]
        if char == '"':
            if src.startswith('"""', pos):
                raise _Unsupported
            return self.expect(_STRING).group(1)
        if char == "[":
            return self.array()
        if char == "{":
            return self.inline_table()
        if char in ("t", "f"):
            return self.expect(_WORD).group(0) == "true"
        found = self.expect(_NUMBER)
        if src[self.pos:self.pos + 1] in ("_", "e", "E", ":", "-", "x", "o", "b", "."):
            raise _Unsupported          # underscores, exponents, dates, other bases
        return float(found.group(0)) if found.group(1) else int(found.group(0))

    def array(self) -> list[Any]:
        self.pos += 1
        out: list[Any] = []
        while True:
            self.pos = _GAP.match(self.src, self.pos).end()  # type: ignore[union-attr]
            if self.src.startswith("]", self.pos):
                self.pos += 1
                return out
            out.append(self.value())
            self.pos = _GAP.match(self.src, self.pos).end()  # type: ignore[union-attr]
            if self.src.startswith(",", self.pos):
                self.pos += 1
            elif self.src.startswith("]", self.pos):
                self.pos += 1
                return out
            else:
                raise _Unsupported

    def inline_table(self) -> dict[str, Any]:
        """`{ key = value, ... }` on one line, bare keys only."""
        self.pos += 1
        out: dict[str, Any] = {}
        self.pos = _WS.match(self.src, self.pos).end()  # type: ignore[union-attr]
        if self.src.startswith("}", self.pos):
            self.pos += 1
            return out
        while True:
            key = self.expect(_KEY).group(1)
            if "." in key or key in out or not self.src.startswith("=", self.pos):
                raise _Unsupported
            self.pos = _WS.match(self.src, self.pos + 1).end()  # type: ignore[union-attr]
            out[key] = self.value()
            self.pos = _WS.match(self.src, self.pos).end()  # type: ignore[union-attr]
            if self.src.startswith(",", self.pos):
                self.pos += 1
            elif self.src.startswith("}", self.pos):
                self.pos += 1
                return out
            else:
                raise _Unsupported
