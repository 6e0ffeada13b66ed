"""French sentences read naturally whatever the platform is called.

A platform name never follows « de » or « à » directly in French (no « de Instagram »,
« venu de Forum des ébénistes », « à Le Repaire »); the user's own labels (forum,
other) are quoted in sentences, in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from engine_support import bank, plan_for, plan_texts

from coach.answers import validate_answers
from coach.model import Answers

LABELS = {"forum": ["Forum des ébénistes du Québec", "Le Repaire des makers", "Atelier"],
          "other": ["Ello", "La Ruche", "Marché Bonsecours"]}

SHAPES: dict[str, dict] = {
    "proven": dict(audiences_present=["clients"], know_who=True,
                   activities=["converse", "answer_questions"], measures=["inquiries"],
                   editorial_line=True, results_90d={"inquiries": 4, "won": 1, "sales": 1,
                                                     "site_visits": 9}),
    "nothing": dict(hours_per_week=4, activities=["broadcast", "browse"], measures=["views"]),
    "broadcast": dict(hours_per_week=3, audiences_present=["clients"],
                      activities=["broadcast"], measures=["likes"]),
    "personal": dict(reason="personal", hours_per_week=5),
    "absent": dict(audiences_present=["peers"], activities=["converse"], measures=["none"]),
}
# "de" or "à" (or du/au) straight before a name starting with a vowel, an article or "Forum".
# "de Instagram" needs its elision; "à Instagram" is right ("grâce à Instagram"), but
# "à Le…" and "à Forum" are not.
CLASH = re.compile(r"\b(?:de|du|au) (?:[AEIOUYÉÈÊÀ]|Forum\b|Le |La |Les |L’)"
                   r"|\bà (?:Forum\b|Le |La |Les |L’)"
                   r"|\b(?:de|à) (?:le|les)\b")


def _platform(pid: str, label: str | None, shape: str) -> dict:
    out = {"id": pid, "reason": "professional", "hours_per_week": 2, "why": "x"}
    if label:
        out["label"] = label
    out.update(SHAPES[shape])
    return out


def _answers(platforms: list[dict], budget: float) -> Answers:
    return validate_answers({"version": 1, "profile": {
        "name": "Test", "kind": "freelancer", "market": "b2b", "goal": "clients",
        "audiences": ["clients", "partners"], "weekly_budget_hours": budget},
        "platforms": platforms}, bank())


def _cases() -> Iterator[tuple[str, str | None, Answers]]:
    for pid in [p.id for p in bank().platforms]:
        for label in LABELS.get(pid, [None]):
            other = "linkedin" if pid != "linkedin" else "facebook"
            for shape in SHAPES:
                for budget in (0, 3, 12):
                    yield pid, label, _answers([_platform(pid, label, shape)], budget)
                    for second in ("proven", "nothing", "broadcast"):
                        yield pid, label, _answers([_platform(other, None, second),
                                                    _platform(pid, label, shape)], budget)
                        yield pid, label, _answers([_platform(pid, label, shape),
                                                    _platform(other, None, second)], budget)


def test_no_preposition_clashes_with_any_platform_name_in_french() -> None:
    bad: dict[str, str] = {}
    count = 0
    for pid, label, answers in _cases():
        count += 1
        for text in plan_texts(plan_for(answers, "fr")):
            if text and CLASH.search(text):
                bad.setdefault(re.sub(r"\d+", "#", text), f"{pid} {label or ''}")
    assert count > 1000
    assert not bad, "\n".join(f"{where}: {text}" for text, where in bad.items())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_user_labels_are_quoted_in_sentences_but_not_in_the_plan_data(lang: str) -> None:
    answers = _answers([_platform("forum", "Le Repaire des makers", "proven"),
                        _platform("linkedin", None, "nothing")], 3)
    plan = plan_for(answers, lang)
    quoted = "«\u00a0Le Repaire des makers\u00a0»" if lang == "fr" else "“Le Repaire des makers”"
    texts = [t for t in plan_texts(plan) if t and "Repaire" in t]
    assert texts and all(quoted in t for t in texts), texts
    assert plan["focus"]["platform"] == "forum"
    assert plan["platforms"][0]["name"] == "Le Repaire des makers"
    assert not any("\u00a0LinkedIn\u00a0»" in t or "“LinkedIn”" in t for t in plan_texts(plan))
