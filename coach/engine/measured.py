"""Measured hours in the plan: what was declared, what a time tracker measured, and the
HOURS_UNDERESTIMATED warning when the two part.

The answers may carry a `measured` table (coach.answers checks it; coach.measured reads
the trackers, outside the engine): hours per week per platform over a period, and for
each platform which figure the person keeps ("measured" unless they chose "declared").
`effective` gives the engine the hours to plan with; `annotate` adds to the finished
plan each platform's `declared_hours` and `measured_hours`, the warnings, and the
platforms that were measured but never declared. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coach.bank.model import Bank
from coach.engine.texts import fmt_date, hours_a_week
from coach.i18n import Translator
from coach.model import Answers, Plan, Warning_

# "Well above what was declared": at least a quarter more AND at least an hour a week
# more (issue 14), so 20 minutes over a declared hour, or 10 % over 20 hours, say nothing.
RATIO = 1.25
MARGIN_H = 1.0
# Measured time this small on a platform never declared is noise (a link followed once).
UNDECLARED_MIN_H = 0.25


def _measured(answers: Mapping[str, Any]) -> Mapping[str, Any] | None:
    m = answers.get("measured")
    return m if isinstance(m, Mapping) and m.get("hours_per_week") is not None else None


def underestimated(declared: float, measured: float) -> bool:
    return measured >= declared * RATIO and measured >= declared + MARGIN_H


def effective(answers: Answers) -> Answers:
    """The answers with the measured hours wherever the person keeps them."""
    m = _measured(answers)
    if m is None:
        return answers
    hours, keep = m["hours_per_week"], m.get("keep") or {}
    platforms = []
    for p in answers["platforms"]:
        pid = p["id"]
        if pid in hours and keep.get(pid, "measured") == "measured":
            p = {**p, "hours_per_week": min(float(hours[pid]), 168.0)}  # type: ignore[assignment]
        platforms.append(p)
    return {**answers, "platforms": platforms}  # type: ignore[typeddict-item]


def annotate(plan: Plan, declared: Answers, bank: Bank, tr: Translator, lang: str) -> None:
    """Add declared and measured hours, warnings and undeclared platforms to `plan`."""
    m = _measured(declared)
    said = {p["id"]: float(p["hours_per_week"]) for p in declared["platforms"]}
    hours: Mapping[str, float] = m["hours_per_week"] if m else {}
    for entry in plan["platforms"]:
        pid = entry["platform"]
        entry["declared_hours"] = round(said.get(pid, entry["hours"]), 2)  # type: ignore[typeddict-unknown-key]
        entry["measured_hours"] = (round(float(hours[pid]), 2)  # type: ignore[typeddict-unknown-key]
                                   if pid in hours else None)
    if m is None:
        return
    period = tr.gettext("{first} to {last}").format(first=_day(m.get("from"), tr),
                                                   last=_day(m.get("to"), tr))
    names = {e["platform"]: e.get("name") or e["platform"] for e in plan["platforms"]}
    new: list[Warning_] = []
    for entry in plan["platforms"]:
        pid = entry["platform"]
        if pid not in hours:
            continue
        d, got = said.get(pid, 0.0), float(hours[pid])
        if not underestimated(d, got):
            continue
        new.append({
            "code": "HOURS_UNDERESTIMATED", "severity": "warning", "platform": pid,
            "message": tr.gettext(
                "On {platform} you declared {declared}; the measurement shows {measured} "
                "({period}).").format(platform=names[pid],
                                      declared=hours_a_week(d, tr, lang),
                                      measured=hours_a_week(got, tr, lang), period=period),
            "instead": tr.gettext(
                "Plan with the measured hours, not the remembered ones: they are what "
                "{platform} really takes. Set a timer for the sessions the routine gives "
                "it, and measure again at the review.").format(platform=names[pid]),
        })
    undeclared = []
    for pid, got in sorted(hours.items(), key=lambda kv: (-kv[1], kv[0])):
        if pid in said or float(got) < UNDECLARED_MIN_H:
            continue
        name = _platform_name(bank, pid, lang)
        undeclared.append({"platform": pid, "name": name, "measured_hours": round(float(got), 2)})
        new.append({
            "code": "HOURS_UNDERESTIMATED", "severity": "warning", "platform": pid,
            "message": tr.gettext(
                "You did not name {platform}, yet the measurement shows {measured} there "
                "({period}).").format(platform=name, measured=hours_a_week(float(got), tr, lang),
                                      period=period),
            "instead": tr.gettext(
                "Add {platform} to the assessment and answer why you are there, or decide "
                "to leave it: time nobody decided on is the easiest to win back.").format(
                    platform=name),
        })
    plan["measured_undeclared"] = undeclared  # type: ignore[typeddict-unknown-key]
    plan["measured"] = {  # type: ignore[typeddict-unknown-key]
        "source": str(m.get("source", "")), "from": m.get("from"), "to": m.get("to"),
        "days": m.get("days"),
        "unmatched_hours_per_week": m.get("unmatched_hours_per_week"),
    }
    if new:
        # After the other warnings of the same severity: theirs were ordered already.
        order = {"critical": 0, "warning": 1, "info": 2}
        merged = plan["warnings"] + new
        merged.sort(key=lambda w: order.get(w["severity"], 3))
        plan["warnings"] = merged


def _day(value: Any, tr: Translator) -> str:
    from datetime import date

    try:
        return fmt_date(date.fromisoformat(str(value)), tr)
    except ValueError:
        return str(value)


def _platform_name(bank: Bank, pid: str, lang: str) -> str:
    try:
        return bank.platform(pid).name.get(lang)
    except KeyError:
        return pid
