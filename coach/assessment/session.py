"""One assessment in progress: its draft, where the user is, and saving both together.

The faces hold a Session and change it; every change they want kept goes through
`save()`, which hands the answers and the position record to the saver they gave (the
store's `save_draft`), so quitting anywhere loses nothing and either face can resume.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from coach.assessment.draft import Draft, Scope
from coach.assessment.position import Position, position_record, read_position
from coach.bank.model import Bank, Question

Saver = Callable[[dict[str, Any], dict[str, Any]], None]   # (answers, position record)


class Session:
    """The draft of one client's assessment and the cursor in it."""

    def __init__(self, draft: Draft, position: Position | None = None, *,
                 client_id: str | None = None, saver: Saver | None = None,
                 lazy: bool = False) -> None:
        self.draft = draft
        self.position = position or Position()
        self.client_id = client_id
        self.saver = saver
        # A follow-up starts from stored answers: no draft until one of them changes,
        # so merely looking at a client does not leave an assessment "in progress".
        self._baseline: dict[str, Any] | None = (copy.deepcopy(draft.answers) if lazy
                                                 else None)
        # (scope, field) -> a note the face shows beside that field ("from your results
        # log"): what was filled in for the person rather than typed by them.
        self.notes: dict[tuple[str | None, str], str] = {}

    @classmethod
    def resume(cls, bank: Bank, answers: dict[str, Any],
               stored_position: Mapping[str, Any] | None, **kwargs: Any) -> Session:
        """A session from what the store holds, whichever face (and schema) saved it."""
        position, parked = read_position(stored_position, answers, bank)
        return cls(Draft(bank, answers, parked), position, **kwargs)

    # -- shortcuts the faces read often ----------------------------------------------------
    @property
    def bank(self) -> Bank:
        return self.draft.bank

    @property
    def profile(self) -> dict[str, Any]:
        return self.draft.profile

    @property
    def platforms(self) -> list[dict[str, Any]]:
        return self.draft.platforms

    # -- saving ---------------------------------------------------------------------------
    @property
    def has_changes(self) -> bool:
        return self._baseline is None or self.draft.answers != self._baseline

    def record(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(answers, position record): what the store keeps of the draft."""
        return self.draft.answers, position_record(self.position, self.draft.parked)

    def save(self) -> None:
        if self._baseline is not None:
            if self.draft.answers == self._baseline:
                return
            self._baseline = None  # changed once: a draft from now on, like any other
        if self.saver is not None:
            self.saver(*self.record())

    # -- changes that move the cursor too -------------------------------------------------
    def set(self, question: Question, scope: Scope, value: Any, *, save: bool = True) -> None:
        """Answer a question; the position remembers it as the last one answered."""
        self.draft.set(question, scope, value)
        self.position.question = question.id
        if save:
            self.save()

    def include(self, platform_id: str, *, slot: int = 0, reason: str | None = None) -> str:
        key = self.draft.include(platform_id, slot=slot, reason=reason)
        self.save()
        return key

    def exclude(self, key: str) -> None:
        """Untick a platform: its answers are parked, and it is no longer "skipped"."""
        self.draft.exclude(key)
        self.position.skipped = [k for k in self.position.skipped if k != key]
        self.save()
