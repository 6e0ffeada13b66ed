"""What can go wrong in the workspace, as CoachErrors the faces say in their language.

The workspace does not know which language the person reads now (the TUI's palette
can switch it while the workspace stays open), so every message here is a `Msg` (a
msgid of the `store` catalog with its arguments) and the face says it: the CLI with
the run's Voice, the TUI and quick mode through their `say()`. Exit codes travel with
the kind: StoreError and its run-time kinds give 1; the input kinds (bad name, unknown
client, bad import file) give 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coach.errors import CoachError, InputError, Line


class StoreError(CoachError):
    """The workspace cannot do what was asked (damaged file with no backup, I/O error)."""

    exit_code = 1

    def __init__(self, lines: Line | Sequence[Line], *, path: Path | None = None) -> None:
        super().__init__(lines)
        self.path = path

    @property
    def problems(self) -> list[Line]:
        """The lines, one per problem (a bad import file names every bad field)."""
        return self.lines


class StoreLocked(StoreError):
    """Another coach process kept a file locked longer than we are willing to wait."""


class ReadOnlyWorkspace(StoreError):
    """A write was refused: the file (or the whole workspace) comes from a newer coach."""


class StoreInputError(StoreError, InputError):
    """The caller gave something unusable (bad name, unknown client...): exit code 2.

    Bad input like any other (an InputError), and a store error for who catches those.
    """

    exit_code = 2


class BadName(StoreInputError):
    """A client name that is empty, too long, or already taken."""


class UnknownClient(StoreInputError):
    """No client has that name (or id)."""


class UnknownAssessment(StoreInputError):
    """The client has no assessment with that id."""


class BadImport(StoreInputError):
    """An import file that is not a coach export, or one with invalid fields."""


class StoreValueError(StoreError, TypeError):
    """A value that cannot be stored as JSON (a date, a set, NaN): refused before writing."""


class DamagedFile(StoreError):
    """Internal: a file is unreadable and no valid backup exists (the caller decides)."""
