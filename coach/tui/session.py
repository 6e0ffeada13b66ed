"""One assessment in progress: the draft answers, where the user is, and autosave.

No Textual here: the screens call these methods, tests can too. The draft has the
shape of the answers file (coach.model.Answers), partly filled; every change is
saved at once with the position, so quitting anywhere loses nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from coach.bank.model import Bank, Platform, Question
from coach.textsafe import clean

STEPS: tuple[str, ...] = ("profile", "inventory", "platform", "time", "plan")
PROFESSIONAL = ("professional", "both")
# Values a platform entry gets when its questionnaire was skipped or left partly
# blank: "no answer" reads as "don't know", which is what the engine should assume.
PLATFORM_DEFAULTS: dict[str, Any] = {
    "reason": "professional", "why": "", "hours_per_week": 0.0, "audiences_present": [],
    "know_who": False, "activities": [], "measures": [], "editorial_line": False,
    "results_90d": {}, "spaces": [], "extra": {},
}
PROFILE_DEFAULTS: dict[str, Any] = {
    "name": "", "kind": "freelancer", "market": "b2b", "goal": "clients", "audiences": [],
    "weekly_budget_hours": 0.0,
}
MAX_HOURS = 168.0

Scope = int | None  # None: the profile; an int: index in answers["platforms"]


def is_blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def parse_number(text: str, *, minimum: float | None = 0.0,
                 maximum: float | None = MAX_HOURS) -> tuple[float | None, str | None]:
    """(value, None) or (None, problem key). Accepts a French decimal comma.

    Problem keys are stable words the screens translate: "nan", "negative", "above".
    """
    raw = text.strip().replace(",", ".").replace("\u00a0", "").replace(" ", "")
    if raw == "":
        return None, None
    try:
        value = float(raw)
    except ValueError:
        return None, "nan"
    if value != value or value in (float("inf"), float("-inf")):
        return None, "nan"
    low = 0.0 if minimum is None else minimum
    if value < low:
        return None, "negative" if value < 0 else "below"
    if maximum is not None and value > maximum:
        return None, "above"
    return value, None


def number_value(value: float) -> float | int:
    """Whole numbers stay whole in the answers file (results are counts)."""
    return int(value) if float(value).is_integer() else value


@dataclass
class Position:
    step: str = "profile"
    platform: int = 0            # index in answers["platforms"]
    question: str | None = None  # id of the question last answered or focused
    skipped: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.step, "platform": self.platform, "question": self.question,
                "skipped": list(self.skipped)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Position:
        data = data or {}
        step = data.get("step") if data.get("step") in STEPS else "profile"
        platform = data.get("platform") if isinstance(data.get("platform"), int) else 0
        question = data.get("question") if isinstance(data.get("question"), str) else None
        skipped = [i for i in data.get("skipped") or [] if isinstance(i, int)]
        return cls(step=str(step), platform=platform, question=question, skipped=skipped)


class Session:
    """The draft of one client's assessment and the cursor in it."""

    def __init__(self, bank: Bank, answers: dict[str, Any], position: Position,
                 *, client_id: str | None = None,
                 saver: Callable[[dict[str, Any], dict[str, Any]], None] | None = None,
                 lazy: bool = False) -> None:
        self.bank = bank
        self.answers = answers
        self.answers.setdefault("version", 1)
        profile = self.answers.setdefault("profile", {})
        if not isinstance(profile, dict):
            self.answers["profile"] = {}
        if not isinstance(self.answers.get("platforms"), list):
            self.answers["platforms"] = []
        self.position = position
        self.client_id = client_id
        self._saver = saver
        # Entries unticked in the inventory, kept so ticking again restores their answers.
        self._removed: dict[str, dict[str, Any]] = {}
        # A follow-up starts from stored answers: no draft until one of them changes,
        # so merely looking at a client does not leave an assessment "in progress".
        self._baseline: dict[str, Any] | None = copy.deepcopy(self.answers) if lazy else None

    @property
    def has_changes(self) -> bool:
        return self._baseline is None or self.answers != self._baseline

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        if self._baseline is not None:
            if self.answers == self._baseline:
                return
            self._baseline = None  # changed once: a draft from now on, like any other
        if self._saver is not None:
            self._saver(self.answers, self.position.to_dict())

    # -- scopes and fields ----------------------------------------------------------------
    @property
    def profile(self) -> dict[str, Any]:
        return self.answers["profile"]

    @property
    def platforms(self) -> list[dict[str, Any]]:
        return self.answers["platforms"]

    def container(self, scope: Scope) -> dict[str, Any]:
        return self.profile if scope is None else self.platforms[scope]

    @staticmethod
    def _path(question: Question) -> list[str]:
        if question.field is None:
            return ["extra", question.id]
        parts = question.field.split(".")
        if parts[0] in ("profile", "platforms", "platform") and len(parts) > 1:
            parts = parts[1:]
        return parts

    def get(self, question: Question, scope: Scope) -> Any:
        node: Any = self.container(scope)
        for part in self._path(question):
            if not isinstance(node, dict):
                return None
            node = node.get(part)
        return copy.deepcopy(node)

    def set(self, question: Question, scope: Scope, value: Any, *, save: bool = True) -> None:
        node = self.container(scope)
        parts = self._path(question)
        for part in parts[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        value = _clean_value(value)
        if value is None:
            node.pop(parts[-1], None)
        else:
            node[parts[-1]] = value
        self.position.question = question.id
        if save:
            self.save()

    # -- what is asked --------------------------------------------------------------------
    def platform_of(self, scope: Scope) -> Platform | None:
        if scope is None:
            return None
        try:
            return self.bank.platform(self.platforms[scope]["id"])
        except KeyError:
            return None

    def platform_name(self, index: int, lang: str) -> str:
        entry = self.platforms[index]
        label = clean(str(entry.get("label") or ""), single_line=True)
        platform = self.platform_of(index)
        name = platform.name.get(lang) if platform else entry.get("id", "?")
        if label and entry.get("id") == "other":
            return label
        return f"{name} ({label})" if label else name

    def is_visible(self, question: Question, scope: Scope) -> bool:
        if question.platforms and scope is not None:
            if self.platforms[scope].get("id") not in question.platforms:
                return False
        cond = question.when
        if cond is None:
            return True
        try:
            source = self.bank.question(cond.question)
        except KeyError:
            return True
        source_scope = None if source.section == "profile" else scope
        return cond.holds(self.get(source, source_scope))

    def questions(self, section: str, scope: Scope) -> list[Question]:
        return [q for q in self.bank.section(section)  # type: ignore[arg-type]
                if self.is_visible(q, scope)]

    def missing(self, section: str, scope: Scope) -> list[Question]:
        """Required questions shown on this page and not answered yet."""
        return [q for q in self.questions(section, scope)
                if q.required and q.type != "spaces" and is_blank(self.get(q, scope))]

    def professional(self) -> list[int]:
        """Indices of the platforms that get a "why am I there?" questionnaire."""
        return [i for i, p in enumerate(self.platforms) if p.get("reason") in PROFESSIONAL]

    # -- inventory ------------------------------------------------------------------------
    @staticmethod
    def entry_key(entry: dict[str, Any]) -> str:
        return entry["id"] if entry["id"] != "other" else f"other:{entry.get('slot', 0)}"

    def find_entry(self, key: str) -> int | None:
        for i, entry in enumerate(self.platforms):
            if self.entry_key(entry) == key:
                return i
        return None

    def include(self, platform_id: str, *, slot: int = 0) -> int:
        """Tick a platform in the inventory (restoring its earlier answers); its index."""
        key = platform_id if platform_id != "other" else f"other:{slot}"
        found = self.find_entry(key)
        if found is not None:
            return found
        entry = self._removed.pop(key, None) or {"id": platform_id, "reason": "professional"}
        if platform_id == "other":
            entry["slot"] = slot
        order = {p.id: n for n, p in enumerate(self.bank.platforms)}
        rank = (order.get(platform_id, len(order)), slot)
        where = len(self.platforms)
        for i, other in enumerate(self.platforms):
            if (order.get(other["id"], len(order)), other.get("slot", 0)) > rank:
                where = i
                break
        self.platforms.insert(where, entry)
        self._shift_after_insert(where)
        self.save()
        return where

    def exclude(self, key: str) -> None:
        found = self.find_entry(key)
        if found is None:
            return
        self._removed[key] = self.platforms.pop(found)
        self.position.skipped = [i - (i > found) for i in self.position.skipped if i != found]
        if self.position.platform > found:
            self.position.platform -= 1
        self.save()

    def _shift_after_insert(self, where: int) -> None:
        self.position.skipped = [i + (i >= where) for i in self.position.skipped]
        if self.position.platform >= where and len(self.platforms) > 1:
            self.position.platform += 1

    # -- the engine's view ----------------------------------------------------------------
    def filled_answers(self) -> dict[str, Any]:
        """The draft with defaults for what is still blank, so a plan can be previewed."""
        data = copy.deepcopy(self.answers)
        data["version"] = 1
        profile = data["profile"]
        for key, default in PROFILE_DEFAULTS.items():
            if is_blank(profile.get(key)) and key != "audiences":
                profile[key] = copy.deepcopy(default)
            profile.setdefault(key, copy.deepcopy(default))
        platforms = []
        for entry in data["platforms"]:
            entry.pop("slot", None)
            for key, default in PLATFORM_DEFAULTS.items():
                if entry.get(key) is None:
                    entry[key] = copy.deepcopy(default)
            platforms.append(entry)
        data["platforms"] = platforms
        return data

    def stored_answers(self) -> dict[str, Any]:
        """What is kept when the assessment is finished (no TUI bookkeeping keys)."""
        return self.filled_answers()


def _clean_value(value: Any) -> Any:
    """User text is cleaned on the way in (control characters never get stored)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_value(v) for k, v in value.items()}
    return value
