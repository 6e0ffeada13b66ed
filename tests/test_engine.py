"""Engine: rules data, explained scores, purity, determinism and both languages."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from engine_support import PERSONAS, persona, plan_for, plan_texts

from coach.engine import ENGINE_VERSION, RulesError, factor_label, parse_rules
from coach.engine.rules import DEFAULT_RULES
from coach.errors import InputError
from coach.i18n import translator
from coach.model import WARNING_CODES
from coach.paths import bundled_bank_dir

NAMES = sorted(p.stem for p in PERSONAS.glob("*.toml"))


def _as_table(record: Any) -> Any:
    """A rules record as rules.toml states it (the [evidence] weights are its plain keys)."""
    if not isinstance(record, tuple) or not hasattr(record, "_fields"):
        return list(record) if isinstance(record, tuple) else record
    table: dict[str, Any] = {}
    for name in record._fields:
        value = getattr(record, name)
        if name == "weights":
            table.update(value)
        elif isinstance(value, Mapping):
            table[name] = {k: _as_table(v) for k, v in value.items()}
        else:
            table[name] = _as_table(value)
    return table


def test_rules_file_states_the_engine_defaults() -> None:
    """data/rules.toml states every rule, with the value the engine uses when it is left out."""
    with (bundled_bank_dir() / "rules.toml").open("rb") as fh:
        stated = tomllib.load(fh)
    assert stated == _as_table(DEFAULT_RULES)
    assert parse_rules(stated) == DEFAULT_RULES
    rules = DEFAULT_RULES
    assert rules.review.days == 90
    assert rules.budget.hours_per_channel == 2.0
    assert rules.budget.one_channel_max_hours == 3.0
    weights = rules.evidence.weights
    assert weights["won"] > weights["referrals"] > weights["site_visits"]


def test_rules_left_out_take_defaults() -> None:
    rules = parse_rules({"version": 1, "budget": {"hours_per_channel": 3}})
    assert rules.budget.hours_per_channel == 3.0
    assert rules.budget.one_channel_max_hours == 3.0
    assert parse_rules({}) == DEFAULT_RULES
    # Open tables keep the defaults they do not restate: one more goal, one more weight.
    more = parse_rules({"evidence": {"calls": 2}, "goal_results": {"talks": ["calls"]}})
    assert more.evidence.weights == {**DEFAULT_RULES.evidence.weights, "calls": 2.0}
    assert more.goal_results["talks"] == ("calls",)
    assert more.goal_results["clients"] == DEFAULT_RULES.goal_results["clients"]


@pytest.mark.parametrize(("rules", "line"), [
    ({"budget": {"hours_per_channel": "two"}},
     "budget.hours_per_channel: expected a number, got 'two'"),
    ({"review": {"days": 0}}, "review.days: 0 is not between 1 and 3660"),
    ({"review": {"days": 9.5}}, "review.days: expected a whole number, got 9.5"),
    ({"score": {"evidnce_max": 3}}, "score.evidnce_max: unknown key"),
    ({"colours": {}}, "colours: unknown key"),
    ({"version": 2}, "version: expected 1, got 2"),
    ({"goal_results": {"clients": ["hugs"]}},
     "goal_results.clients: 'hugs' has no weight in [evidence]"),
    ({"focus": {"space_preference": "group"}},
     "focus.space_preference: expected a list of ids, got 'group'"),
    ({"budget": "lots"}, "budget: expected a table, got 'lots'"),
    ({"warnings": {"time_sink_hours": 6, "time_sink_critical_hours": 5}},
     "warnings.time_sink_critical_hours: must be at least time_sink_hours"),
    ({"score": {"evidence_half": 0}}, "score.evidence_half: 0 is not at least 0.001"),
])
def test_bad_rules_name_the_key(rules: dict, line: str) -> None:
    with pytest.raises(RulesError) as info:
        parse_rules(rules)
    assert isinstance(info.value, InputError)           # exit 2 wherever it surfaces
    assert line in info.value.said("en")
    assert info.value.key == line.split(":")[0]


def test_bad_rules_said_in_french() -> None:
    with pytest.raises(RulesError) as info:
        parse_rules({"budget": {"max_channels": 0}, "review": {"days": 9.5}})
    assert info.value.said("fr") == [
        "review.days: nombre entier attendu, reçu 9.5",
        "budget.max_channels: 0 n’est pas entre 1 et 20",
    ]


def test_rules_problems_reported_together() -> None:
    with pytest.raises(RulesError) as info:
        parse_rules({"budget": {"max_channels": 0}, "gate": {"min_results": "x"}})
    assert len(info.value.problems) == 2


@pytest.mark.parametrize("name", NAMES)
def test_factors_add_up_to_the_score(name: str) -> None:
    plan = plan_for(persona(name))
    for p in plan["platforms"]:
        assert 0 <= p["score"] <= 100
        assert sum(p["factors"].values()) == p["score"]
        assert set(p["factors"]) >= {"evidence", "audience", "practice", "know_who",
                                     "editorial_line", "measures", "fit", "cost"}


@pytest.mark.parametrize("name", NAMES)
def test_plan_shape(name: str) -> None:
    plan = plan_for(persona(name))
    assert plan["schema"] == 1 and plan["engine_version"] == ENGINE_VERSION
    assert plan["lang"] == "en"
    assert [p["verdict"] for p in plan["platforms"]].count("focus") == (
        1 if plan["focus"] else 0)
    assert all(w["code"] in WARNING_CODES for w in plan["warnings"])
    assert all(w["severity"] in ("info", "warning", "critical") for w in plan["warnings"])
    severities = [("critical", "warning", "info").index(w["severity"]) for w in plan["warnings"]]
    assert severities == sorted(severities)
    json.dumps(plan)  # plain JSON data
    for text in plan_texts(plan):
        assert "{" not in text and "}" not in text, text  # no unfilled placeholder


def test_deterministic() -> None:
    answers = persona("agency_many_proven")
    before = copy.deepcopy(answers)
    assert plan_for(answers) == plan_for(answers)
    assert answers == before  # the engine does not touch its input


def test_personal_platform_never_focus() -> None:
    answers = persona("freelance_designer")
    for p in answers["platforms"]:
        p["reason"] = "personal"
    # Even a personal account with every result is not the focus.
    answers["platforms"][0]["results_90d"]["won"] = 50
    plan = plan_for(answers)
    assert plan["focus"] is None
    assert all(p["verdict"] == "personal" for p in plan["platforms"])
    assert plan["time"]["personal"] == 9.5 and plan["time"]["professional"] == 0


def test_more_results_raise_the_focus() -> None:
    answers = persona("accountant_consultant_client")
    low = plan_for(answers)["platforms"][0]["score"]
    answers["platforms"][0]["results_90d"]["won"] = 2
    assert plan_for(answers)["platforms"][0]["score"] > low


def test_bank_without_rules_uses_defaults() -> None:
    from engine_support import TODAY, bank

    from coach.engine import build_plan

    bare = bank()._replace(rules={})
    answers = persona("freelance_designer")
    plan = build_plan(answers, bare, lang="en", tr=translator("en", "engine"), today=TODAY)
    assert plan == plan_for(answers)


@pytest.mark.parametrize("name", NAMES)
def test_french_plan_is_french(name: str) -> None:
    plan = plan_for(persona(name), lang="fr")
    assert plan["lang"] == "fr"
    english = re.compile(r"\b(the|your|you|with|week|and|what|when|only|there|of|to)\b")
    for text in plan_texts(plan):
        assert not english.search(text), text


def test_french_numbers_and_dates() -> None:
    plan = plan_for(persona("freelance_designer"), lang="fr")
    first = plan["focus"]["reasons"][0]
    assert "1,5 h par semaine" in first and "3 demandes" in first
    assert "«\u00a0Entrepreneurs de la Mauricie\u00a0»" in " ".join(plan["focus"]["reasons"])
    assert any("20 février 2027" in w["instead"] for w in plan["warnings"])
    huge = plan_for(persona("huge_numbers"), lang="fr")
    assert "1\u00a0000\u00a0000\u00a0000 demandes" in huge["focus"]["reasons"][0]


def test_factor_labels_in_both_languages() -> None:
    assert factor_label("evidence", translator("en", "engine")).startswith("Evidence")
    assert factor_label("evidence", translator("fr", "engine")) != factor_label(
        "evidence", translator("en", "engine"))
    assert factor_label("nonsense", translator("fr", "engine")) == "nonsense"


def test_engine_is_pure() -> None:
    """No UI, store or clock in the engine: importing it pulls none of them in."""
    code = (
        "import sys, coach.engine, coach.answers\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'tinydb', 'questionary', 'click')]\n"
        "print(','.join(sorted(bad)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.strip() == ""
    source = Path(__file__).resolve().parent.parent / "coach" / "engine"
    for path in source.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for forbidden in ("date.today", "datetime.now", "open(", "os.environ", "coach.clock"):
            assert forbidden not in text, (path.name, forbidden)
