"""The plan as a week: its routine blocks and its expansion gate, as records.

Plans made since the routine and engine work carry "routine_blocks" (minutes per
block) and a "gate" object (see /work/notes/CONTRACT.md); older plans, stored months
ago, only have the routine's sentences and the gate's sentence. Both are read here,
once, so the calendar, the progress and the faces agree on what a week holds:

- blocks: "routine_blocks" as given; else one block per routine sentence that names
  its minutes ("(about 90 min)", "(environ 90 min)"), plus one block per kept platform
  for its recommended hours, so the week still holds the plan's hours.
- gate: "gate" as given; else the focus, the goal's result kinds (rules.toml
  [goal_results], when the caller has them), the rules' minimum (3) by the review date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from coach.i18n import translator

DEFAULT_GATE_RESULTS = 3
# Every result kind but visits: a visit alone does not show that a channel works.
DEFAULT_GATE_KINDS = ("inquiries", "won", "referrals", "sales", "donations", "signups")
# "(about 90 min)", "(environ 90 min)", "Use your 25 minutes", "about 1 h 30 min",
# "(about 1 h a week)": the last duration in the sentence.
_MINUTES = re.compile(r"\b(?:(\d+)\s*h\b(?:\s*(\d+)\s*min)?|(\d+)\s*min)")


class Block(NamedTuple):
    """One piece of the weekly routine: where, what, and how long in all each week."""

    platform: str | None
    space: dict[str, str] | None
    activity: str
    minutes: int
    sessions: int
    text: str


class Gate(NamedTuple):
    """When a second channel may be added: `needed` results of `kinds` by `by`."""

    platform: str | None
    kinds: tuple[str, ...]
    needed: int
    by: str | None              # YYYY-MM-DD
    weeks: int | None
    add_channel: bool
    sentence: str


def _int(value: object, default: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return int(value)


def _space(value: object) -> dict[str, str] | None:
    if isinstance(value, Mapping) and isinstance(value.get("name"), str):
        return {"kind": str(value.get("kind") or ""), "name": str(value["name"])}
    return None


def focus_of(plan: Mapping[str, Any]) -> tuple[str | None, dict[str, str] | None]:
    focus = plan.get("focus")
    if not isinstance(focus, Mapping):
        return None, None
    platform = focus.get("platform")
    return (platform if isinstance(platform, str) else None), _space(focus.get("space"))


def blocks_of(plan: Mapping[str, Any]) -> list[Block]:
    """The routine's blocks with their minutes; blocks of 0 minutes are left out."""
    given = plan.get("routine_blocks")
    if isinstance(given, list) and given:
        blocks = []
        for item in given:
            if not isinstance(item, Mapping):
                continue
            minutes = _int(item.get("minutes"))
            if minutes <= 0:
                continue
            platform = item.get("platform")
            blocks.append(Block(platform if isinstance(platform, str) else None,
                                _space(item.get("space")), str(item.get("activity") or ""),
                                minutes, max(1, _int(item.get("sessions"), 1)),
                                str(item.get("text") or "")))
        return blocks
    return _blocks_from_sentences(plan)


def _minutes_in(sentence: str) -> int:
    found = _MINUTES.findall(sentence)
    if not found:
        return 0
    hours, with_hours, minutes = found[-1]
    return int(hours or 0) * 60 + int(with_hours or minutes or 0)


def _blocks_from_sentences(plan: Mapping[str, Any]) -> list[Block]:
    platform, space = focus_of(plan)
    routine = plan.get("routine")
    blocks = []
    for n, sentence in enumerate(routine if isinstance(routine, list) else []):
        minutes = _minutes_in(str(sentence))
        if minutes > 0:
            blocks.append(Block(platform, space, f"routine_{n + 1}", minutes, 1, str(sentence)))
    tr = translator(str(plan.get("lang") or "en"), "report")
    for entry in plan.get("platforms") or []:
        if not isinstance(entry, Mapping) or entry.get("verdict") != "keep":
            continue
        hours = entry.get("recommended_hours")
        minutes = round(float(hours) * 60) if isinstance(hours, int | float) else 0
        if minutes <= 0:
            continue
        name = str(entry.get("name") or entry.get("platform") or "")
        text = tr.gettext("Keep {platform} going: answer what reaches you there and take "
                          "part where your audience is (about {minutes} min).").format(
            platform=name, minutes=minutes)
        blocks.append(Block(str(entry.get("platform")), None, "keep", minutes, 1, text))
    return blocks


def routine_minutes(plan: Mapping[str, Any]) -> int:
    """What a week of the plan holds, in minutes (the sum of its blocks)."""
    return sum(b.minutes for b in blocks_of(plan))


def gate_of(plan: Mapping[str, Any],
            goal_results: Mapping[str, Sequence[str]] | None = None,
            min_results: int = DEFAULT_GATE_RESULTS) -> Gate:
    """The plan's gate; `goal_results`/`min_results` (the bank's rules) fill in for older
    plans that only carry the gate's sentence."""
    sentence = str(plan.get("expansion_gate") or "")
    given = plan.get("gate")
    if isinstance(given, Mapping):
        kinds = tuple(k for k in given.get("kinds") or () if isinstance(k, str))
        platform = given.get("platform")
        by = given.get("by")
        weeks = given.get("weeks")
        return Gate(platform if isinstance(platform, str) else None,
                    kinds or DEFAULT_GATE_KINDS, max(0, _int(given.get("needed"), min_results)),
                    by if isinstance(by, str) else _review(plan),
                    _int(weeks) if weeks is not None else None,
                    given.get("add_channel") is not False, sentence)
    platform = focus_of(plan)[0]
    goal = plan.get("goal")
    kinds: tuple[str, ...] = ()
    if goal_results is not None and isinstance(goal, str):
        kinds = tuple(goal_results.get(goal, ()))
    return Gate(platform, kinds or DEFAULT_GATE_KINDS, min_results, _review(plan), None, True,
                sentence)


def _review(plan: Mapping[str, Any]) -> str | None:
    review = plan.get("review_on")
    return review if isinstance(review, str) else None


def parse_day(value: object) -> date | None:
    """A YYYY-MM-DD string as a date, or None."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
