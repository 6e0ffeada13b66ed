"""Shared helpers for the engine, answers and plan command tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coach.bank.load import default_bank
from coach.bank.model import Bank
from coach.i18n import translator
from coach.model import Answers, Plan
from coach.paths import bundled_bank_dir

PERSONAS = Path(__file__).resolve().parent / "personas"
TODAY = date(2026, 11, 22)


def bank() -> Bank:
    return default_bank(bundled_bank_dir())


def persona(name: str) -> Answers:
    from coach.answers import load_answers_file

    return load_answers_file(PERSONAS / f"{name}.toml", bank())


def plan_for(answers: Answers, lang: str = "en") -> Plan:
    from coach.engine import build_plan

    return build_plan(answers, bank(), lang=lang, tr=translator(lang, "engine"), today=TODAY)


def plan_texts(plan: Plan) -> list[str]:
    """Every sentence the engine wrote into a plan (not the user's own words)."""
    out: list[str] = []
    if plan["focus"]:
        out += plan["focus"]["reasons"]
    out += [p["explanation"] for p in plan["platforms"]]
    for w in plan["warnings"]:
        out += [w["message"], w.get("instead", "")]
    out += plan["routine"] + plan["track"] + [plan["expansion_gate"]]
    out.append(plan.get("confidence_note", ""))
    return out
