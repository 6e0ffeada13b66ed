"""Files the TUI writes and reads (coach.files): it asks before replacing one, and what
goes wrong is said in the language the app speaks now, also after the palette switched it
(the store and coach.files raise messages, the TUI says them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from tests.tui_driver import new_app, press, seed_clients, settle

CLIENTS = {"Atelier Lune": "freelance_designer"}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def message(app) -> str:
    return str(app.screen.query_one("#message-text").render())


async def open_past_plan(pilot) -> None:
    await settle(pilot)
    app = pilot.app
    app.screen.query_one("#home-table", DataTable).focus()
    await press(pilot, "enter")                     # the client's page
    await press(pilot, "enter")                     # its plan, read only
    assert type(app.screen).__name__ == "PastPlanScreen"


async def test_the_report_asks_before_replacing_and_fails_in_the_language_now(
        workspace: Path, tmp_path: Path) -> None:
    seed_clients(workspace, CLIENTS)
    target = tmp_path / "lune.html"
    target.write_text("keep me")
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_past_plan(pilot)
        past = app.screen
        past.write_report(target)
        await settle(pilot)
        assert type(app.screen).__name__ == "ConfirmScreen"
        await press(pilot, "n")
        assert target.read_text() == "keep me"
        past.write_report(target)
        await settle(pilot)
        await press(pilot, "y")
        assert "<html" in target.read_text(encoding="utf-8")

        # The palette switches to French; a failed write then explains itself in French.
        await app.run_action("set_language('fr')")
        await settle(pilot)
        past.write_report(tmp_path / "missing" / "lune.html")
        await settle(pilot)
        assert type(app.screen).__name__ == "MessageScreen"
        assert "n’existe pas" in message(app) and "does not exist" not in message(app)


async def test_a_store_error_after_the_switch_is_said_in_the_new_language(
        workspace: Path) -> None:
    """The workspace was opened while the app spoke English; it holds no language, so
    its refusal of a name in use reads in French once the palette switched."""
    seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await app.run_action("set_language('fr')")
        await settle(pilot)
        await press(pilot, "n")
        assert type(app.screen).__name__ == "PromptScreen"
        app.screen.query_one("#prompt-input", Input).value = "atelier lune"
        await press(pilot, "enter")               # a name in use is refused, in the modal
        said = str(app.screen.query_one("#prompt-error").render())
        assert "«\u00a0Atelier Lune\u00a0» existe déjà" in said and "already" not in said
