"""The draft: the answers being built, shaped like the answers file, and its parked platforms.

Both faces change it through these methods, so an answer typed in the TUI and one picked
in quick mode land in the same place. A scope says which entry a question is about:
None for the profile, an entry key (coach.assessment.entries) for a platform.

Unticking a platform *parks* its entry rather than dropping it, so ticking it again
brings its answers back, in this run or after resuming (the parked entries are saved
with the position).
"""

from __future__ import annotations

from typing import Any

from coach.assessment import paths
from coach.assessment.entries import OTHER, entry_key, key_for, new_entry, rank, split_key
from coach.bank.model import Bank, LText, Platform, Question
from coach.bank.reasons import is_professional
from coach.textsafe import clean

Scope = str | None      # None: the profile; else the key of a platform entry
PLATFORM_OPTIONS = "platforms"      # the `options` value that lists the platforms


def is_selector(question: Question) -> bool:
    """Whether this is the question that picks the platforms (its answer is the entries)."""
    return (question.section == "inventory" and question.options == PLATFORM_OPTIONS
            and question.type in ("multi", "ranked"))


class Draft:
    """The answers of one assessment in progress. Changes happen in place."""

    def __init__(self, bank: Bank, answers: dict[str, Any],
                 parked: dict[str, dict[str, Any]] | None = None) -> None:
        self.bank = bank
        self.answers = answers
        answers.setdefault("version", 1)
        if not isinstance(answers.get("profile"), dict):
            answers["profile"] = {}
        if not isinstance(answers.get("platforms"), list):
            answers["platforms"] = []
        answers["platforms"] = [e for e in answers["platforms"]
                                if isinstance(e, dict) and isinstance(e.get("id"), str)]
        self.parked: dict[str, dict[str, Any]] = dict(parked or {})

    # -- entries --------------------------------------------------------------------------
    @property
    def profile(self) -> dict[str, Any]:
        return self.answers["profile"]

    @property
    def platforms(self) -> list[dict[str, Any]]:
        return self.answers["platforms"]

    def keys(self) -> list[str]:
        return [entry_key(e) for e in self.platforms]

    def index(self, key: str) -> int | None:
        pid = key.partition(":")[0]
        for i, entry in enumerate(self.platforms):
            if entry["id"] == pid and entry_key(entry) == key:
                return i
        return None

    def entry(self, key: str) -> dict[str, Any] | None:
        found = self.index(key)
        return None if found is None else self.platforms[found]

    def key_of(self, platform_id: str) -> str | None:
        """The first entry of a platform (quick mode and plans name platforms by id)."""
        return next((entry_key(e) for e in self.platforms if e["id"] == platform_id), None)

    def holder(self, scope: Scope) -> dict[str, Any] | None:
        return self.profile if scope is None else self.entry(scope)

    # -- answers --------------------------------------------------------------------------
    def value(self, question: Question, scope: Scope = None) -> Any:
        """The answer given so far (a copy), or None."""
        if is_selector(question):
            return self.picked() or None
        return paths.read(self.holder(scope), question)

    def set(self, question: Question, scope: Scope, value: Any) -> None:
        """Answer `question` for `scope` (None clears it)."""
        if is_selector(question):
            self.pick([str(v) for v in value or []])
            return
        holder = self.holder(scope)
        if holder is None:
            raise KeyError(f"no platform {scope!r} in the draft")
        paths.write(holder, question, value)

    # -- the platforms ------------------------------------------------------------------
    def platform(self, scope: Scope) -> Platform | None:
        """The bank's platform, named with the user's label when they gave one, so every
        question about it says it in their words."""
        if scope is None:
            return None
        entry = self.entry(scope)
        try:
            base = self.bank.platform(entry["id"] if entry else split_key(scope)[0])
        except KeyError:
            return None
        label = self.label(scope)
        if label:
            return base._replace(name=LText(label, label))
        return base

    def label(self, key: str) -> str:
        """The user's own name for the platform ("" when none), on one line."""
        entry = self.entry(key) or {}
        return clean(str(entry.get("label") or ""), single_line=True)

    def heading(self, key: str, lang: str) -> str:
        """The name a title shows: an "Other" by its label, a named forum as
        "Forum (its label)", the rest by the bank's name."""
        entry = self.entry(key) or {"id": split_key(key)[0]}
        label = self.label(key)
        try:
            name = self.bank.platform(entry["id"]).name.get(lang)
        except KeyError:
            name = str(entry["id"])
        if label and entry["id"] == OTHER:
            return label
        return f"{name} ({label})" if label else name

    def reason(self, key: str) -> str | None:
        reason = (self.entry(key) or {}).get("reason")
        return reason if isinstance(reason, str) and reason else None

    def is_professional(self, key: str) -> bool:
        """Whether the "why am I there?" questions apply: the reason is known and is work
        (coach.bank.reasons). Until the reason is given, they are not asked yet."""
        reason = self.reason(key)
        return reason is not None and is_professional(self.bank, reason)

    def is_personal(self, key: str) -> bool:
        reason = self.reason(key)
        return reason is not None and not is_professional(self.bank, reason)

    def professional(self) -> list[str]:
        """Keys of the platforms that get the "why am I there?" questions, in order."""
        return [k for k in self.keys() if self.is_professional(k)]

    def picked(self) -> list[str]:
        """The platform ids listed, each once, in the draft's order."""
        return list(dict.fromkeys(e["id"] for e in self.platforms))

    # -- ticking and unticking ------------------------------------------------------------
    def include(self, platform_id: str, *, slot: int = 0, reason: str | None = None) -> str:
        """List a platform (its parked answers come back), in the bank's order; its key.

        `reason` is what a new entry starts with (the TUI: professional until said
        otherwise); an entry coming back keeps its own.
        """
        key = key_for(platform_id, slot)
        if self.index(key) is not None:
            return key
        entry = self.parked.pop(key, None) or new_entry(platform_id, slot)
        if reason is not None:
            entry.setdefault("reason", reason)
        where = next((i for i, other in enumerate(self.platforms)
                      if rank(self.bank, other) > rank(self.bank, entry)), len(self.platforms))
        self.platforms.insert(where, entry)
        return key

    def exclude(self, key: str) -> None:
        """Unlist a platform, keeping its answers parked."""
        found = self.index(key)
        if found is not None:
            self.parked[key] = self.platforms.pop(found)

    def pick(self, platform_ids: list[str]) -> None:
        """The answer to "which platforms?": these, in this order (every "Other" of an
        id that stays, stays); the others are parked."""
        chosen = list(dict.fromkeys(platform_ids))
        for entry in [e for e in self.platforms if e["id"] not in chosen]:
            self.parked[entry_key(entry)] = entry
        listed: list[dict[str, Any]] = []
        for pid in chosen:
            same = [e for e in self.platforms if e["id"] == pid]
            if not same:
                back = sorted((k for k in self.parked if split_key(k)[0] == pid),
                              key=lambda k: split_key(k)[1])
                same = [self.parked.pop(k) for k in back] or [new_entry(pid)]
            listed += same
        self.answers["platforms"] = listed

