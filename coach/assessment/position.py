"""Where the user is in an assessment, in one schema both faces read and write.

Stored beside the draft's answers (`Workspace.save_draft(client, answers, position)`):

    {"schema": 2, "stage": "platform", "platform": "other:0", "question": "why",
     "skipped": ["instagram"], "parked": {"facebook": {...}}}

- `stage`: the TUI's page (profile, inventory, platform, time, plan); quick mode's steps
  map onto it (coach.assessment.walk), "plan" meaning every question was walked through;
- `platform`: the entry key the stage is about, for the inventory and platform stages;
- `question`: the question last answered or focused on a page (the next one to ask, in
  quick mode);
- `skipped`: platforms whose questions the user chose to skip in the TUI, by key;
- `parked`: the answers of unticked platforms, by key (coach.assessment.draft).

Schema 1 was two formats, one per face, without a version; `read_position` migrates both:
the TUI's `{"step", "platform": <index>, "question", "skipped": [<index>]}` and quick
mode's `{"question", "platform": <platform id>, "parked": {<platform id>: entry}}`.
Platforms are keys now, not indexes, so unticking one moves no one else's position.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from coach.assessment.entries import entry_key
from coach.bank.model import Bank

SCHEMA = 2
STAGES: tuple[str, ...] = ("profile", "inventory", "platform", "time", "plan")
QUICK_PICK = "_platforms"   # quick mode's own "which platforms?" step (coach.assessment.walk)


@dataclass  # not an immutable record: the faces move it as the person goes
class Position:
    stage: str = "profile"
    platform: str | None = None
    question: str | None = None
    skipped: list[str] = field(default_factory=list)


def position_record(position: Position, parked: Mapping[str, Any]) -> dict[str, Any]:
    """What is stored: the position and the parked entries, with the schema version."""
    return {"schema": SCHEMA, "stage": position.stage, "platform": position.platform,
            "question": position.question, "skipped": list(position.skipped),
            "parked": dict(parked)}


def start_at(stage: str) -> dict[str, Any]:
    """The record of a draft opened on `stage`, nothing answered on it yet."""
    return position_record(Position(stage=stage), {})


def read_position(stored: Mapping[str, Any] | None, answers: Mapping[str, Any],
                  bank: Bank) -> tuple[Position, dict[str, dict[str, Any]]]:
    """(position, parked entries) from what either face stored, in any schema.

    Anything unreadable falls back to the start: a position only saves the user a few
    keystrokes, so it must never stop a draft from opening.
    """
    data = dict(stored or {})
    entries = [e for e in answers.get("platforms") or []
               if isinstance(e, Mapping) and isinstance(e.get("id"), str)]
    if data.get("schema") == SCHEMA:
        position = Position(stage=_stage(data.get("stage")), platform=_text(data.get("platform")),
                            question=_text(data.get("question")),
                            skipped=[k for k in data.get("skipped") or [] if isinstance(k, str)])
        return position, _parked(data.get("parked"), by_key=True)
    if isinstance(data.get("step"), str):
        return _from_tui(data, entries), {}
    if "question" in data or "parked" in data:
        return _from_quick(data, entries, bank), _parked(data.get("parked"), by_key=False)
    return Position(), {}


def _from_tui(data: Mapping[str, Any], entries: list[Mapping[str, Any]]) -> Position:
    """Schema 1, TUI: platforms were indexes into the answers' platforms."""
    def key(index: object) -> str | None:
        if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(entries):
            return entry_key(entries[index])
        return None

    skipped = [k for k in (key(i) for i in data.get("skipped") or []) if k is not None]
    return Position(stage=_stage(data.get("step")), platform=key(data.get("platform")),
                    question=_text(data.get("question")), skipped=skipped)


def _from_quick(data: Mapping[str, Any], entries: list[Mapping[str, Any]],
                bank: Bank) -> Position:
    """Schema 1, quick mode: the next step to ask (None once the walk was done), its
    platform by id (a draft held one entry per id then)."""
    question = _text(data.get("question"))
    pid = _text(data.get("platform"))
    platform = next((entry_key(e) for e in entries if e["id"] == pid), None) if pid else None
    if question is None:
        return Position(stage="plan")
    if question == QUICK_PICK:
        return Position(stage="inventory", question=question)
    try:
        section = bank.question(question).section
    except KeyError:
        return Position()   # a question the bank no longer has: resume at the first gap
    stage = {"profile": "profile", "inventory": "inventory"}.get(section, "platform")
    return Position(stage=stage, platform=None if section == "profile" else platform,
                    question=question)


def _parked(value: object, *, by_key: bool) -> dict[str, dict[str, Any]]:
    if not isinstance(value, Mapping):
        return {}
    out: dict[str, dict[str, Any]] = {}
    for key, entry in value.items():
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            out[str(key) if by_key else entry_key(entry)] = dict(entry)
    return out


def _stage(value: object) -> str:
    return value if isinstance(value, str) and value in STAGES else "profile"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
