"""What can go wrong in the workspace, as exceptions the faces can turn into messages.

Messages are already translated (the workspace knows the language) and name the
client or the file, so a face only has to print them. Exit codes, for the CLI:
StoreError and its run-time kinds give 1; the input kinds (bad name, unknown
client, bad import file, existing target) give 2.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The workspace cannot do what was asked (damaged file with no backup, I/O error)."""

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class StoreLocked(StoreError):
    """Another coach process kept a file locked longer than we are willing to wait."""


class ReadOnlyWorkspace(StoreError):
    """A write was refused: the file (or the whole workspace) comes from a newer coach."""


class StoreInputError(StoreError):
    """The caller gave something unusable (bad name, unknown client...): exit code 2."""

    def __init__(self, message: str, *, problems: list[str] | None = None,
                 path: Path | None = None) -> None:
        super().__init__(message, path=path)
        self.problems = problems or [message]


class BadName(StoreInputError):
    """A client name that is empty, too long, or already taken."""


class UnknownClient(StoreInputError):
    """No client has that name (or id)."""


class UnknownAssessment(StoreInputError):
    """The client has no assessment with that id."""


class BadImport(StoreInputError):
    """An import file that is not a coach export, or one with invalid fields."""


class TargetExists(StoreInputError):
    """An output file exists and overwriting it was not asked for."""


class StoreValueError(StoreError, TypeError):
    """A value that cannot be stored as JSON (a date, a set, NaN): refused before writing."""


class DamagedFile(StoreError):
    """Internal: a file is unreadable and no valid backup exists (the caller decides)."""
