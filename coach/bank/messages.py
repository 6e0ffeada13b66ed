"""Problem lines for a broken bank: "file: entry: field: message", said by the face.

The bank is checked below the faces, where nobody knows the reader's language (the TUI's
can change while it runs), so each problem keeps its words as `Msg` in the bank catalog
and is said when shown: `problem.said(lang)`, or `BankError.said(voice)` for all of them.
"""

# No `from __future__ import annotations`: NamedTuple would compile its string
# annotations into ForwardRefs at import.
from typing import NamedTuple

from coach.errors import FieldProblem, Line
from coach.i18n import Deferred, say

_ = Deferred("bank").gettext


class Joined(NamedTuple):
    """Parts said one after the other: an entry's label and id ("plateforme 'x'")."""

    parts: tuple[Line, ...]
    sep: str = " "

    def said(self, lang: str) -> str:
        return self.sep.join(say(part, lang) for part in self.parts)


class BankProblem(FieldProblem):
    """One problem in one bank file: the file, the entry (`question 'why'`), the field
    (`text.fr`) and what is wrong; entry and field when there is one.

    A FieldProblem (the core's slotted line type, not a record of the bank), so a
    BankError is a FieldErrors like every "these fields are wrong" error."""

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
