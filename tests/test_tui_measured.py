"""The Time step's "Use measured time": read, compare declared with measured, keep either."""

from __future__ import annotations

import copy
import socket
from pathlib import Path
from typing import Any

import pytest
from measured_support import WEEK, utc  # noqa: F401
from textual.widgets import Button, Input, Static

from tests.test_tui_snapshots import LUNE
from tests.tui_driver import new_app, settle, step


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch, utc: None) -> None:  # noqa: F811
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def seed(ws_dir: Path) -> str:
    from coach.store import Workspace

    ws = Workspace.open(ws_dir)
    client = ws.create_client("Atelier Lune")
    ws.set_setting("role", "consultant")
    ws.set_setting("tui.client", client)
    ws.save_draft(client, copy.deepcopy(LUNE), {"step": "time"})
    return client


def text_of(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def screen_text(app: Any) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def read(pilot: Any, source: str) -> None:
    app = pilot.app
    app.screen.query_one("#time-measured", Button).press()
    await settle(pilot)
    assert type(app.screen).__name__ == "MeasuredScreen"
    app.screen.query_one("#measured-source", Input).value = source
    app.screen.query_one("#measured-read", Button).press()
    await settle(pilot)
    await settle(pilot)


async def test_measured_time_side_by_side_and_kept_per_platform(workspace: Path) -> None:
    client = seed(workspace)
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert step(app) == "time"
        await read(pilot, str(WEEK))
        shown = screen_text(app)
        # Declared beside measured: LinkedIn 1.5 h declared, 4.67 h measured.
        rows = [str(r.render()) for r in app.screen.query(".measured-row Static")]
        assert rows[rows.index("LinkedIn") + 1: rows.index("LinkedIn") + 3] == [
            "1.5 h", "4.67 h"]
        assert "Measured but not in your list: Discord or Slack community 4.83 h" in shown
        assert "November 2, 2026 to November 8, 2026 (7 days)" in shown
        keep = app.screen.query_one("#keep-instagram", Button)
        assert str(keep.label) == "Keep: measured"
        keep.press()
        await settle(pilot)
        assert str(keep.label) == "Keep: declared"
        app.screen.query_one("#measured-use", Button).press()
        await settle(pilot)
        assert step(app) == "time"
        measured = app.screen.session.draft.answers["measured"]
        assert measured["keep"] == {"linkedin": "measured", "instagram": "declared",
                                    "facebook": "measured"}
        assert measured["hours_per_week"]["linkedin"] == 4.67
        labels = [str(s.render()) for s in app.screen.query(".time-measured")]
        assert "measured 4.67 h ✓" in labels and "measured 5.25 h" in labels
        warnings = " ".join(str(w.render()) for w in app.screen.query("#time-warnings Static"))
        assert "On LinkedIn you declared 1.5 h a week; the measurement shows 4.7 h a week" \
            in warnings
    # Saved with the assessment in progress.
    from coach.store import Workspace

    draft = Workspace.open(workspace).load_draft(client)
    assert draft is not None and draft.answers["measured"]["keep"]["instagram"] == "declared"


async def test_in_french(workspace: Path) -> None:
    seed(workspace)
    app = new_app(workspace, lang="fr")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert str(app.screen.query_one("#time-measured", Button).label) == \
            "Utiliser le temps mesuré"
        await read(pilot, str(WEEK))
        rows = [str(r.render()) for r in app.screen.query(".measured-row Static")]
        assert rows[:3] == ["Plateforme", "Déclaré", "Mesuré"]
        assert "4,67 h" in rows
        assert str(app.screen.query_one("#keep-linkedin", Button).label) == "Garder\u00a0: mesuré"


async def test_a_bad_source_says_why_and_changes_nothing(workspace: Path,
                                                         tmp_path: Path) -> None:
    seed(workspace)
    cut = tmp_path / "cut.json"
    cut.write_bytes(WEEK.read_bytes()[:3000])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await read(pilot, str(cut))
        assert text_of(app, "#measured-error").startswith(f"{cut}: not valid JSON at line")
        assert app.screen.query_one("#measured-use", Button).disabled
        app.screen.query_one("#measured-source", Input).value = f"aw:http://127.0.0.1:{port}"
        app.screen.query_one("#measured-read", Button).press()
        await settle(pilot)
        await settle(pilot)
        assert text_of(app, "#measured-error") == \
            f"no ActivityWatch answered at http://127.0.0.1:{port}"
        await pilot.press("escape")
        await settle(pilot)
        assert "measured" not in app.screen.session.draft.answers


async def test_keyboard_only(workspace: Path) -> None:
    """Tab reaches the button; after reading, focus is on the first keep button."""
    seed(workspace)
    app = new_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(4):                      # budget, then the three hours fields
            await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "time-measured"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*str(WEEK), "enter")
        await settle(pilot)
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "keep-linkedin"
        await pilot.press("enter")              # LinkedIn: keep the declared 1.5 h
        await pilot.press("tab", "tab", "tab")  # Facebook, Instagram, "Use these hours"
        assert app.focused is not None and app.focused.id == "measured-use"
        await pilot.press("enter")
        await settle(pilot)
        assert step(app) == "time"
        keep = app.screen.session.draft.answers["measured"]["keep"]
        assert keep["linkedin"] == "declared" and keep["instagram"] == "measured"


async def test_a_follow_up_does_not_reuse_an_old_measurement(workspace: Path) -> None:
    from coach.store import Workspace

    ws = Workspace.open(workspace)
    client = ws.create_client("Atelier Lune")
    ws.set_setting("role", "consultant")
    ws.set_setting("tui.client", client)
    answers = copy.deepcopy(LUNE)
    answers["measured"] = {"source": "old.json", "from": "2026-08-01", "to": "2026-08-07",
                           "days": 7, "hours_per_week": {"linkedin": 9.0}, "keep": {}}
    ws.finish_assessment(client, answers, {"schema": 1, "platforms": [], "warnings": []})
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        if type(app.screen).__name__ == "HomeScreen":   # the client list: open the client
            await pilot.press("enter")
            await settle(pilot)
        await pilot.press("f")                            # a follow-up from the last answers
        await settle(pilot)
        assert step(app) == "plan"
        assert "measured" not in app.screen.session.draft.answers
        assert app.screen.session.platforms[0]["hours_per_week"] == 1.5
