"""SVG snapshots of every screen, in both languages, at 80x24 and 120x40.

Each app starts from a workspace seeded with a draft at the step to show, so the
snapshot needs no long walk. Update with `pytest --snapshot-update` only after
looking at the report.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from tests.tui_driver import new_app, settle, steady_cursors

LUNE: dict[str, Any] = {
    "version": 1,
    "profile": {"name": "Atelier Lune", "kind": "freelancer", "market": "b2b", "goal": "clients",
                "audiences": ["clients", "influencers"], "weekly_budget_hours": 3, "extra": {}},
    "platforms": [
        {"id": "linkedin", "reason": "professional", "hours_per_week": 1.5,
         "why": "Meet SME owners in my region", "audiences_present": ["clients"],
         "know_who": True, "activities": ["converse", "answer_questions"],
         "measures": ["inquiries"], "editorial_line": True,
         "spaces": [{"kind": "group", "name": "Entrepreneurs de la Mauricie"}],
         "results_90d": {"inquiries": 3, "won": 1, "referrals": 0, "site_visits": 40,
                         "sales": 1}, "extra": {}},
        {"id": "facebook", "reason": "personal", "hours_per_week": 5},
        {"id": "instagram", "reason": "professional", "hours_per_week": 4,
         "why": "Everyone is there", "know_who": False},
    ],
}
STEP_POSITIONS = {
    "profile": {"step": "profile", "question": "name"},
    "inventory": {"step": "inventory"},
    "platform": {"step": "platform", "platform": 0, "question": "why"},
    "time": {"step": "time"},
    "plan": {"step": "plan"},
}
SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def seeded(ws_dir: Path, lang: str, position: dict[str, Any] | None) -> Any:
    from coach.store import Workspace

    ws = Workspace.open(ws_dir)
    if position is not None:
        client = ws.create_client("Atelier Lune")
        ws.set_setting("role", "freelancer")
        ws.set_setting("lang", lang)
        ws.set_setting("tui.client", client)
        ws.save_draft(client, copy.deepcopy(LUNE), position)
    return new_app(ws_dir, lang)


async def _settle(pilot: Any) -> None:
    await settle(pilot)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("screen", ["welcome", *STEP_POSITIONS, "help"])
def test_screen(snap_compare: Any, workspace: Path, screen: str, lang: str,
                size: tuple[int, int]) -> None:
    position = None if screen == "welcome" else STEP_POSITIONS.get(screen,
                                                                   STEP_POSITIONS["profile"])
    app = seeded(workspace, lang, position)

    async def before(pilot: Any) -> None:
        await _settle(pilot)
        if screen == "help":
            await pilot.press("f1")
            await _settle(pilot)
        steady_cursors(pilot.app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=before)
