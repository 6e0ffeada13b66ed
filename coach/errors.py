"""The problems every layer can raise, and how a face tells them.

Below the faces nobody knows which language the person reads now, so a problem holds
its lines as `Msg` (a message id with arguments), as `FieldProblem` (a field path and
a Msg), or as text that is already worded (a TOML parser's own message); the face says
them with the run's Voice: `exc.said(voice)`. The exit code travels with the kind of
problem, so every face maps them the same way: bad input 2, a failure while running 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from coach.i18n import DEFAULT_LANG, Sayable, Voice, say

Line = Sayable | str


class CoachError(Exception):
    """A problem with one line or more, each said in the language of whoever reads it."""

    exit_code = 1

    def __init__(self, lines: Line | Sequence[Line]) -> None:
        if isinstance(lines, str) or hasattr(lines, "said"):  # one line, not a list of them
            lines = [lines]
        self.lines: list[Line] = list(lines)  # type: ignore[arg-type]
        super().__init__(*self.lines)

    def said(self, voice: Voice | str) -> list[str]:
        """Every line in the voice's language (or in a language code)."""
        lang = voice if isinstance(voice, str) else voice.lang
        return [say(line, lang) for line in self.lines]

    def __str__(self) -> str:
        # English, for logs and tracebacks only: a face always calls said().
        return "\n".join(say(line, DEFAULT_LANG) for line in self.lines)


def tell(message: Line | CoachError, voice: Voice) -> str:
    """What a face shows for a problem raised below it: one text, in the voice's language."""
    if isinstance(message, CoachError):
        return "\n".join(message.said(voice))
    return voice.say(message)


class InputError(CoachError):
    """Bad input from the user: exit code 2, one line per problem, nothing written."""

    exit_code = 2


class RunError(CoachError):
    """Failed while running (damaged file with no backup, lock timeout...): exit code 1."""

    exit_code = 1


class FieldProblem:
    """One problem with one field: `platforms[2].hours_per_week: must be 0 to 168`.

    `source` (a file as the person typed it) comes first when the problem is in a file.
    """

    __slots__ = ("message", "path", "source")

    def __init__(self, path: str, message: Line, *, source: str | None = None) -> None:
        self.path = path
        self.message = message
        self.source = source

    def said(self, lang: str) -> str:
        text = say(self.message, lang)
        text = f"{self.path}: {text}" if self.path else text
        return f"{self.source}: {text}" if self.source else text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldProblem):
            return NotImplemented
        return (self.path, self.message, self.source) == (other.path, other.message,
                                                           other.source)

    __hash__ = None  # type: ignore[assignment]

    def __str__(self) -> str:
        # English (or the words it was given), for logs and for code that keeps problems
        # as text (the store's import check): a face says it in its own language.
        return self.said(DEFAULT_LANG)

    def __repr__(self) -> str:
        return f"FieldProblem({self.path!r}, {self.message!r}, source={self.source!r})"


class FieldErrors(InputError):
    """Problems with field paths (an answers file, the rules, an import file...).

    The base class for every "these fields are wrong" error: `problems` keeps them as
    data (tests and faces can see which fields were refused), `lines` says them.
    """

    def __init__(self, problems: Iterable[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__(self.problems)


class FileExists(InputError):
    """A file to be written exists and replacing it was not asked for.

    Each face turns it into its own question: the CLI says "add --force", the TUI asks
    whether to replace, quick mode asks for another name.
    """

    def __init__(self, path: object, message: Line) -> None:
        self.path = path
        super().__init__(message)
