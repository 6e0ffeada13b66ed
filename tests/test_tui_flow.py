"""The whole assessment walked in the real app, for two personas (English, French)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from coach.i18n import translator
from tests.tui_driver import (
    BANK,
    answer_all,
    inventory,
    new_app,
    next_step,
    screen_text,
    settle,
    step,
    welcome,
)

TODAY = "2026-11-22"

LUNE_PROFILE = {"market": "b2b", "goal": "clients", "audiences": ["clients", "influencers"],
                "weekly_budget_hours": 3}
LUNE_INVENTORY = {"linkedin": (1.5, "professional"), "instagram": (4, "professional"),
                  "facebook": (5, "personal")}
LUNE_PLATFORMS = {
    "linkedin": {"why": "Meet SME owners in my region", "audiences_present": ["clients"],
                 "know_who": True, "activities": ["converse", "answer_questions"],
                 "measures": ["inquiries"], "editorial_line": True,
                 "spaces": [{"kind": "group", "name": "Entrepreneurs de la Mauricie"}],
                 "inquiries": 3, "won": 1, "referrals": 0, "site_visits": 40, "sales": 1},
    "instagram": {"why": "Everyone is there", "audiences_present": [], "know_who": False,
                  "activities": ["broadcast", "browse"], "measures": ["likes", "followers"],
                  "editorial_line": False, "inquiries": 0, "won": 0, "referrals": 0,
                  "site_visits": 0, "sales": 0},
}

AMIS_PROFILE = {"kind": "nonprofit", "market": "public", "goal": "awareness",
                "awareness_action": "give", "awareness_from": ["donors"],
                "audiences": ["donors", "volunteers"], "weekly_budget_hours": 2}
AMIS_INVENTORY = {"facebook": (3, "professional"), "newsletter": (1, "both"),
                  "other:0": (2, "professional")}
AMIS_PLATFORMS = {
    "facebook": {"why": "Annoncer nos activités", "audiences_present": ["volunteers"],
                 "know_who": False, "activities": ["broadcast"], "measures": ["likes"],
                 "editorial_line": False, "inquiries": 0, "won": 0, "referrals": 0,
                 "site_visits": 10},
    "newsletter": {"why": "Garder le lien avec nos donateurs", "audiences_present": ["donors"],
                   "know_who": True, "activities": ["broadcast", "answer_questions"],
                   "measures": ["donations"], "editorial_line": True, "inquiries": 2, "won": 0,
                   "referrals": 1, "site_visits": 30},
    "other": {"why": "Répondre aux questions des voisins", "audiences_present": ["beneficiaries"],
              "know_who": True, "activities": ["answer_questions"], "measures": ["none"],
              "editorial_line": False, "inquiries": 1, "won": 0, "referrals": 2,
              "site_visits": 0},
}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", TODAY)


async def walk(pilot: Any, profile: dict[str, Any], rows: dict[str, tuple[float, str]],
               platforms: dict[str, dict[str, Any]], labels: dict[str, str] | None = None,
               *, stop_in: str | None = None) -> bool:
    """From the profile step to the plan; returns False if stopped inside `stop_in`."""
    app = pilot.app
    if step(app) == "profile":
        await answer_all(pilot, profile)
        await next_step(pilot)
        assert step(app) == "inventory"
        await inventory(pilot, rows, labels)
        await next_step(pilot)
    while step(app) == "platform":
        session = app.screen.session
        pid = session.draft.entry(session.position.platform)["id"]
        todo = platforms[pid]
        if pid == stop_in:
            half = dict(list(todo.items())[:4])
            await answer_all(pilot, half)
            return False
        # Conditional questions the persona has no answer for stay hidden.
        await answer_all(pilot, {k: v for k, v in todo.items()
                                 if app.screen.query_one(f"#q-{k}").display})
        await next_step(pilot)
    assert step(app) == "time"
    await next_step(pilot)
    assert step(app) == "plan"
    return True


def expected_plan(ws_dir: Path, lang: str) -> dict[str, Any]:
    """The engine's plan for what the workspace holds (the draft the TUI saved)."""
    from coach.answers import validate_answers
    from coach.assessment import Session
    from coach.assessment.final import final_answers
    from coach.engine import build_plan
    from coach.store import Workspace

    ws = Workspace.open(ws_dir)
    client = ws.list_clients()[0]
    answers, position = ws.load_draft(client.id)
    session = Session.resume(BANK, answers, position)
    valid = validate_answers(final_answers(session.draft), BANK, source="draft")
    return build_plan(valid, BANK, lang=lang, tr=translator(lang, "engine"),
                      today=date.fromisoformat(TODAY))


async def test_english_freelancer_walks_to_a_plan(workspace: Path) -> None:
    app = new_app(workspace, "en")
    async with app.run_test(size=(100, 40)) as pilot:
        await welcome(pilot, lang="en", role="freelancer", name="Atelier Lune")
        assert step(app) == "profile"
        await walk(pilot, LUNE_PROFILE, LUNE_INVENTORY, LUNE_PLATFORMS)
        shown = screen_text(app)
        plan = app.screen.plan
        assert plan is not None and plan["focus"]["platform"] == "linkedin"
        assert "Focus: LinkedIn" in shown
        assert "Entrepreneurs de la Mauricie" in shown
        assert plan["warnings"], "this persona over-spends and chases likes"
        assert plan["warnings"][0]["message"] in shown
        # Finish: the assessment lands in the client's history.
        app.screen.query_one("#plan-finish").press()
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)

    from coach.store import Workspace

    ws = Workspace.open(workspace)
    (client,) = ws.list_clients()
    assert client.name == "Atelier Lune"
    (assessment,) = ws.assessments(client.id)
    stored = assessment.answers
    assert stored["profile"]["goal"] == "clients"
    assert stored["profile"]["audiences"] == ["clients", "influencers"]
    assert stored["profile"]["weekly_budget_hours"] == 3
    by_id = {p["id"]: p for p in stored["platforms"]}
    assert by_id["linkedin"]["spaces"] == [{"kind": "group",
                                            "name": "Entrepreneurs de la Mauricie"}]
    assert by_id["linkedin"]["results_90d"]["inquiries"] == 3
    assert by_id["facebook"]["reason"] == "personal"
    assert by_id["instagram"]["measures"] == ["likes", "followers"]
    assert assessment.plan["focus"]["platform"] == "linkedin"


async def test_french_nonprofit_with_awareness_goal(workspace: Path) -> None:
    app = new_app(workspace, "en")
    async with app.run_test(size=(100, 40)) as pilot:
        await welcome(pilot, lang="fr", role="nonprofit", name="Les Amis du Quartier")
        assert "Qui est visé par cette évaluation" in screen_text(app) or step(app) == "profile"
        # The conditional question appears only once "awareness" is chosen.
        assert not app.screen.query_one("#q-awareness_action").display
        await walk(pilot, AMIS_PROFILE, AMIS_INVENTORY, AMIS_PLATFORMS,
                   labels={"other:0": "Forum du quartier"})
        shown = screen_text(app)
        plan = app.screen.plan
        assert plan is not None and plan["lang"] == "fr"
        assert "Priorité" in shown or "Aucune plateforme prioritaire" in shown
        codes = {w["code"] for w in plan["warnings"]}
        assert "VISIBILITY_GOAL" in codes
        visibility = next(w for w in plan["warnings"] if w["code"] == "VISIBILITY_GOAL")
        assert visibility["message"] in shown

    from coach.store import Workspace

    ws = Workspace.open(workspace)
    assert ws.get_setting("lang") == "fr" and ws.get_setting("role") == "nonprofit"
    (client,) = ws.list_clients()
    answers, position = ws.load_draft(client.id)
    assert position["stage"] == "plan" and position["schema"] == 2
    assert answers["profile"]["extra"]["awareness_action"] == "give"
    other = next(p for p in answers["platforms"] if p["id"] == "other")
    assert other["label"] == "Forum du quartier" and other["hours_per_week"] == 2
    assert plan == expected_plan(workspace, "fr")


async def test_resume_mid_platform_gives_the_same_plan(workspace: Path, tmp_path: Path) -> None:
    # Uninterrupted run, in its own workspace.
    straight = tmp_path / "straight"
    app = new_app(straight, "en")
    async with app.run_test(size=(100, 40)) as pilot:
        await welcome(pilot, lang="en", role="freelancer", name="Atelier Lune")
        await walk(pilot, LUNE_PROFILE, LUNE_INVENTORY, LUNE_PLATFORMS)
        reference = app.screen.plan

    # Interrupted run: quit halfway through Instagram's questions.
    app = new_app(workspace, "en")
    async with app.run_test(size=(100, 40)) as pilot:
        await welcome(pilot, lang="en", role="freelancer", name="Atelier Lune")
        finished = await walk(pilot, LUNE_PROFILE, LUNE_INVENTORY, LUNE_PLATFORMS,
                              stop_in="instagram")
        assert not finished
        await pilot.press("ctrl+q")

    app = new_app(workspace, "en")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        session = app.screen.session
        assert step(app) == "platform"
        assert session.position.platform == "instagram"
        # What was answered before quitting is still on screen.
        assert app.screen.query_one("#q-why").value == "Everyone is there"
        await walk(pilot, LUNE_PROFILE, LUNE_INVENTORY, LUNE_PLATFORMS)
        assert app.screen.plan == reference
