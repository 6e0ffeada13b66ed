"""The shape of a stored plan snapshot (coach/model.py's `Plan`), checked on import.

Reports, comparisons and the TUI read a stored plan as the engine made it; an import
file can hold anything, so each plan is checked field by field before it is stored,
and the first wrong field of each plan is named (`assessments[0].plan.platforms[1].score`).
Keys the engine may add later are allowed; the ones readers use must have their type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any


class _Wrong(Exception):
    def __init__(self, field: str, expected: str) -> None:
        super().__init__(field)
        self.field, self.expected = field, expected


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def _text(value: object) -> bool:
    return isinstance(value, str)


def _texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _need(doc: dict[str, Any], where: str, key: str, test: Callable[[object], bool],
          expected: str, *, optional: bool = False, nullable: bool = False) -> Any:
    if key not in doc:
        if optional:
            return None
        raise _Wrong(f"{where}.{key}", "missing")
    value = doc[key]
    if (value is None and nullable) or test(value):
        return value
    raise _Wrong(f"{where}.{key}", expected)


def _objects(value: object, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if not isinstance(value, list):
        raise _Wrong(where, "a list")
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise _Wrong(f"{where}[{i}]", "an object")
        yield f"{where}[{i}]", item


def plan_problem(plan: object, where: str) -> tuple[str, str] | None:
    """(field, what it should be) of the first wrong field of `plan`, or None."""
    try:
        _check(plan, where)
    except _Wrong as wrong:
        return wrong.field, wrong.expected
    return None


def _check(plan: object, where: str) -> None:
    if not isinstance(plan, dict):
        raise _Wrong(where, "an object")
    for key in ("client", "lang", "assessed_on", "expansion_gate", "review_on"):
        _need(plan, where, key, _text, "a text", optional=key != "assessed_on")
    for key in ("routine", "track"):
        _need(plan, where, key, _texts, "a list of texts", optional=True)
    focus = _need(plan, where, "focus", lambda v: isinstance(v, dict), "an object or null",
                  nullable=True)
    if focus is not None:
        _need(focus, f"{where}.focus", "platform", _text, "a text")
        _need(focus, f"{where}.focus", "reasons", _texts, "a list of texts", optional=True)
        space = _need(focus, f"{where}.focus", "space", lambda v: isinstance(v, dict),
                      "an object or null", optional=True, nullable=True)
        if space is not None:
            for key in ("kind", "name"):
                _need(space, f"{where}.focus.space", key, _text, "a text")
    for at, item in _objects(plan.get("platforms"), f"{where}.platforms"):
        for key in ("platform", "verdict"):
            _need(item, at, key, _text, "a text")
        for key in ("score", "hours"):
            _need(item, at, key, _number, "a number")
        for key in ("explanation", "name", "reason", "why"):
            _need(item, at, key, _text, "a text", optional=True)
        _need(item, at, "recommended_hours", _number, "a number", optional=True)
        for key in ("factors", "results_90d"):
            _need(item, at, key, lambda v: isinstance(v, dict) and all(
                isinstance(k, str) and _number(n) for k, n in v.items()),
                "an object of numbers", optional=True)
    time = _need(plan, where, "time", lambda v: isinstance(v, dict), "an object")
    for key, value in time.items():
        if not _number(value):
            raise _Wrong(f"{where}.time.{key}", "a number")
    for at, item in _objects(plan.get("warnings", []), f"{where}.warnings"):
        for key in ("code", "severity", "message"):
            _need(item, at, key, _text, "a text")
        _need(item, at, "platform", _text, "a text or null", optional=True, nullable=True)
        _need(item, at, "instead", _text, "a text", optional=True)
        _need(item, at, "platforms", _texts, "a list of texts", optional=True)
