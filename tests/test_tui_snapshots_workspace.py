"""SVG snapshots of the consultant screens: home, client, comparison, presenter.

Both languages at 80x24, and home at 120x40 too. The workspace is seeded with
finished assessments (dates pinned), so nothing depends on the clock or on ids.
Update with `pytest --snapshot-update` only after looking at the report.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from coach.context import Context
from coach.paths import bundled_bank_dir
from coach.tui.app import make_app
from tests.tui_driver import BANK, persona, plan_for, settle, steady_cursors

CLIENTS = {"Atelier Lune": "freelance_designer", "Banque Alimentaire": "foodbank_volunteers",
           "Boisé Marc": "woodworker_forum", "Café Bleu": "awareness_cafe"}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def seeded(ws_dir: Path, lang: str, *, client: str | None = None,
           present: bool = False) -> Any:
    from coach.store import Workspace

    ws = Workspace.open(ws_dir)
    ws.set_setting("role", "consultant")
    ws.set_setting("lang", lang)
    for name, which in CLIENTS.items():
        answers = copy.deepcopy(persona(which))
        answers["profile"]["name"] = name
        cid = ws.create_client(name)
        if name == "Atelier Lune":
            ws.finish_assessment(cid, copy.deepcopy(answers),
                                 dict(plan_for(answers, lang, today="2026-08-20")))
            answers["platforms"][0]["results_90d"]["referrals"] = 2
            answers["platforms"][1]["hours_per_week"] = 2
        ws.finish_assessment(cid, answers, dict(plan_for(answers, lang)))
    ws.set_notes(ws.require_client("Atelier Lune").id, 2, "Agreed: one post a week.")
    env = Context.make(lang=lang, data_dir=ws_dir, bank_dir=bundled_bank_dir())
    return make_app(env, bank=BANK, workspace=Workspace.open(ws_dir),
                    client=client, present=present)


SCREENS = {
    "home": {"sizes": [(80, 24), (120, 40)]},
    "client": {"sizes": [(80, 24)], "client": "Atelier Lune"},
    "comparison": {"sizes": [(80, 24)], "client": "Atelier Lune", "keys": ["c"]},
    "presenter": {"sizes": [(80, 24)], "client": "Atelier Lune", "present": True},
}
CASES = [(screen, size) for screen, spec in SCREENS.items() for size in spec["sizes"]]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("screen", "size"), CASES,
                         ids=[f"{s}-{w}x{h}" for s, (w, h) in CASES])
def test_workspace_screen(snap_compare: Any, workspace: Path, screen: str, lang: str,
                          size: tuple[int, int]) -> None:
    spec = SCREENS[screen]
    app = seeded(workspace, lang, client=spec.get("client"), present=spec.get("present", False))

    async def before(pilot: Any) -> None:
        await settle(pilot)
        for key in spec.get("keys", []):
            await pilot.press(key)
            await settle(pilot)
        steady_cursors(pilot.app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=before)
