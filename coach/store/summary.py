"""The few facts about a plan that the client list shows, kept in the index.

Listing 1,000 clients must not open 1,000 files, so each client's index entry
carries a summary of its latest plan: focus platform and space, hours, budget,
warnings. Everything here is derived from the client file and can be rebuilt.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coach.store.schema import empty_summary


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def plan_summary(plan: Mapping[str, Any]) -> dict[str, Any]:
    """Focus, hours and warnings of one plan (tolerant: a plan from any version)."""
    focus = plan.get("focus") if isinstance(plan.get("focus"), dict) else None
    space = focus.get("space") if focus and isinstance(focus.get("space"), dict) else None
    time = plan.get("time") if isinstance(plan.get("time"), dict) else {}
    warnings = [w for w in plan.get("warnings") or [] if isinstance(w, dict)]
    codes: list[str] = []
    for w in warnings:
        code = w.get("code")
        if isinstance(code, str) and code not in codes:
            codes.append(code)
    return {
        "focus": focus.get("platform") if focus and isinstance(focus.get("platform"), str)
        else None,
        "space": {"kind": str(space.get("kind", "")), "name": str(space.get("name", ""))}
        if space else None,
        "professional_hours": _number(time.get("professional")),
        "budget_hours": _number(time.get("budget")),
        "warnings": len(warnings),
        "warning_codes": codes,
    }


def client_summary(assessments: list[Mapping[str, Any]]) -> dict[str, Any]:
    """Index summary for a client from its assessments (ordered oldest first)."""
    out = empty_summary()
    out["assessments"] = len(assessments)
    if assessments:
        latest = assessments[-1]
        out.update(plan_summary(latest.get("plan") or {}))
        out["last_assessed"] = latest.get("date")
    return out
