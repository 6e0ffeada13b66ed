"""Golden files: every format, French and English, from the fixture plans.

A change in any rendering shows up as a diff against tests/golden/. After checking
the new output by eye, regenerate with COACH_UPDATE_GOLDEN=1 pytest tests/test_report_golden.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_fixtures import FOODBANK_FR, FREELANCER_EN, NOTES_EN, NOTES_FR, variant

from coach.report import render, render_comparison

GOLDEN = Path(__file__).parent / "golden"
EXT = {"text": "txt", "md": "md", "html": "html", "json": "json"}
UPDATE = os.environ.get("COACH_UPDATE_GOLDEN") == "1"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"missing golden file {path} (run with COACH_UPDATE_GOLDEN=1)")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file (COACH_UPDATE_GOLDEN=1)"


CASES = {
    "en": (FREELANCER_EN, NOTES_EN),
    "fr": (FOODBANK_FR, NOTES_FR),
}


@pytest.mark.parametrize("fmt", list(EXT))
@pytest.mark.parametrize("lang", list(CASES))
def test_plan_golden(lang: str, fmt: str) -> None:
    plan, notes = CASES[lang]
    out = render(plan, fmt, lang=lang, width=80, notes=notes, color=False)
    check_golden(f"plan_{lang}.{EXT[fmt]}", out)


def older(plan: dict, **changes: object) -> dict:
    """An earlier assessment: other date, other budget, one warning fewer, fewer results."""
    old = variant(plan, assessed_on="2026-08-24", **changes)
    old["time"]["budget"] = plan["time"]["budget"] + 2
    browsing = {"code": "AIMLESS_BROWSING", "severity": "warning",
                "platform": plan["platforms"][-1]["platform"],
                "message": "Scrolling with no one in mind.", "instead": "Stop."}
    old["warnings"] = [*plan["warnings"][1:], browsing]
    old["platforms"][0]["results_90d"] = {"inquiries": 1}
    old["platforms"][0]["verdict"] = "keep"
    return old


@pytest.mark.parametrize("fmt", list(EXT))
@pytest.mark.parametrize("lang", list(CASES))
def test_comparison_golden(lang: str, fmt: str) -> None:
    plan, _notes = CASES[lang]
    out = render_comparison(older(plan), plan, fmt, lang=lang, width=80, color=False)
    check_golden(f"compare_{lang}.{EXT[fmt]}", out)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_headings_follow_lang_argument_not_plan(lang: str) -> None:
    """An English plan rendered for a French reader: French frame, plan's sentences as is."""
    out = render(FREELANCER_EN, "md", lang=lang)
    heading = {"en": "## Weekly routine", "fr": "## Routine hebdomadaire"}[lang]
    assert heading in out
    assert "Monday, 20 minutes" in out
