"""Problem lines for a broken bank: "file: entry: field: message", said by the face.

The bank is checked below the faces, where nobody knows the reader's language (the TUI's
can change while it runs), so each problem keeps its words as `Msg` in the bank catalog
and is said when shown: `problem.said(lang)`, or `BankError.said(voice)` for all of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from coach.errors import FieldProblem, Line
from coach.i18n import Deferred, say

_ = Deferred("bank").gettext


class Joined:
    """Parts said one after the other: an entry's label and id ("plateforme 'x'")."""

    __slots__ = ("parts", "sep")

    def __init__(self, parts: Sequence[Line], sep: str = " ") -> None:
        self.parts = tuple(parts)
        self.sep = sep

    def said(self, lang: str) -> str:
        return self.sep.join(say(part, lang) for part in self.parts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Joined):
            return NotImplemented
        return (self.parts, self.sep) == (other.parts, other.sep)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Joined({self.parts!r}, {self.sep!r})"


class BankProblem(FieldProblem):
    """One problem in one bank file: the file, the entry (`question 'why'`), the field
    (`text.fr`) and what is wrong; entry and field when there is one."""

    __slots__ = ("entry",)

    def __init__(self, file: str, entry: Line | None, field: str | None, message: Line) -> None:
        super().__init__(field or "", message, source=file)
        self.entry = entry

    @property
    def file(self) -> str:
        return self.source or ""

    def said(self, lang: str) -> str:
        parts = [self.file]
        if self.entry:
            parts.append(say(self.entry, lang))
        if self.path:
            parts.append(self.path)
        parts.append(say(self.message, lang))
        return ": ".join(parts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BankProblem):
            return NotImplemented
        return (self.source, self.entry, self.path, self.message) == (
            other.source, other.entry, other.path, other.message)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"BankProblem({self.source!r}, {self.entry!r}, {self.path!r}, "
                f"{self.message!r})")
