"""build_plan: answers in, plan out. Pure and deterministic (no I/O, no clock).

The plan's keys are fixed by DESIGN.md; see coach/model.py for the added ones.
Every number in the plan is explained: factors per platform, reasons quoting the
user's numbers, a sentence per verdict, warnings with what to do instead.
"""

from __future__ import annotations

from datetime import date, timedelta

from coach.bank.model import Bank
from coach.engine import measured
from coach.engine.decide import Choice, decide
from coach.engine.explain import explanation, focus_reasons
from coach.engine.facts import read_facts
from coach.engine.gate import build_gate
from coach.engine.routine import build_routine, build_track, channels_of
from coach.engine.rules import Rules, read_rules
from coach.engine.warnings import build_warnings
from coach.engine.warnings import cap as cap_warnings
from coach.i18n import Translator, base_lang, region
from coach.model import Answers, Focus, Plan, PlanPlatform

ENGINE_VERSION = "1.1"


def _hours(x: float) -> float:
    return round(x + 0.0, 2)


def rules_of(bank: Bank) -> Rules:
    """The bank's rules, checked and typed; read once per rules mapping (the check that
    refused or accepted the bank when it loaded already read them)."""
    raw = bank.rules
    if isinstance(raw, Rules):
        return raw
    return read_rules(raw)


def _confidence(c: Choice, tr: Translator) -> tuple[str, str]:
    prof = [d.facts for d in c.decisions if d.facts.professional]
    if any(f.evidence > 0 and f.action_measures for f in prof):
        return "high", tr.gettext("Results you measure back this plan.")
    if any(f.evidence > 0 or f.action_measures for f in prof):
        return "medium", tr.gettext(
            "Part of this plan rests on results you remember rather than count: track them "
            "for the next 90 days to confirm it.")
    return "low", tr.gettext(
        "Nothing is measured yet, so this plan rests on your audiences and your practice, not "
        "on results. Count inquiries and other results for 90 days, then review it.")


def build_plan(answers: Answers, bank: Bank, *, lang: str, tr: Translator,
               today: date) -> Plan:
    """The focused-channel plan for validated answers (see coach.answers)."""
    rules = rules_of(bank)
    declared, answers = answers, measured.effective(answers)  # measured hours, where kept
    profile = answers["profile"]
    budget = float(profile.get("weekly_budget_hours", 0.0) or 0.0)
    budget = min(max(budget, 0.0), 168.0) if budget == budget else 0.0  # NaN-safe
    facts = read_facts(answers, bank, rules, lang, tr)
    choice = decide(facts, budget, bank, rules)
    review_on = today + timedelta(days=rules.review.days)

    platforms: list[PlanPlatform] = []
    for d in choice.ranked:
        f = d.facts
        platforms.append({
            "platform": f.platform,
            "score": d.score,
            "verdict": d.verdict,  # type: ignore[typeddict-item]
            "hours": _hours(f.declared),
            "factors": d.factors,
            "explanation": explanation(d, choice, budget, bank, tr, lang),
            "name": f.name,
            "reason": f.reason,
            "why": str(f.answers.get("why", "")),
            "results_90d": dict(f.results),
            "recommended_hours": _hours(d.recommended),
        })
        if f.reason == "both":
            platforms[-1]["work_hours"] = _hours(f.hours)  # type: ignore[typeddict-unknown-key]
            platforms[-1]["personal_hours"] = _hours(  # type: ignore[typeddict-unknown-key]
                f.personal_part)

    professional = sum(d.facts.hours for d in choice.decisions if d.facts.professional)
    # "Both" accounts: their personal share is personal time.
    personal = sum(d.facts.personal_part for d in choice.decisions)
    kept = sum(d.recommended for d in choice.decisions if d.facts.professional)
    freed = max(0.0, professional - kept)

    focus: Focus | None = None
    if choice.focus is not None:
        focus = {
            "platform": choice.focus.facts.platform,
            "space": ({"kind": choice.space.get("kind", ""), "name": choice.space.get("name", "")}
                      if choice.space else None),
            "reasons": focus_reasons(choice, bank, tr, lang, budget),
        }
    confidence, note = _confidence(choice, tr)
    gate_text, gate = build_gate(answers, choice, today, rules, bank, tr, lang)
    kept = channels_of(choice, bank, rules)
    routine = build_routine(answers, kept, bank, rules, tr, lang, today=today,
                            search_hours=choice.focus_hours)
    plan: Plan = {
        "schema": 1,
        "client": profile.get("name", ""),
        # "lang" stays "en" | "fr" for every reader; a region's French adds "region".
        "lang": base_lang(lang),
        **({"region": region(lang)} if region(lang) else {}),
        "assessed_on": today.isoformat(),
        "focus": focus,
        "platforms": platforms,
        "time": {
            "budget": _hours(budget),
            "professional": _hours(professional),
            "personal": _hours(personal),
            "focus_hours": _hours(choice.focus_hours),
            "freed": _hours(freed),
            "free": _hours(choice.free),
        },
        "warnings": build_warnings(answers, choice, budget, freed, review_on, bank, rules, tr,
                                   lang),
        "routine": routine.lines,
        "routine_blocks": routine.blocks,
        "track": build_track(answers, choice, rules, bank, tr, lang, kept),
        "expansion_gate": gate_text,
        "gate": gate,
        "review_on": review_on.isoformat(),
        "confidence": confidence,
        "confidence_note": note,
        "engine_version": ENGINE_VERSION,
        "goal": profile.get("goal", ""),
    }
    measured.annotate(plan, declared, bank, tr, lang)
    plan["warnings"] = cap_warnings(plan["warnings"], rules)
    return plan
