"""Presenter mode and `coach --client NAME`: one client on screen, nobody else.

The walk visits every screen reachable by keys and the palette while presenting,
and checks the rendered screen (SVG text) and every widget's text for the other
clients' names.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from coach.context import Context
from coach.paths import bundled_bank_dir
from coach.tui.app import make_app
from tests.tui_driver import (
    BANK,
    all_text,
    persona,
    plan_for,
    press,
    seed_clients,
    settle,
    type_text,
    widget_text,
)

CLIENTS = {"Atelier Lune": "freelance_designer", "Banque Alimentaire": "foodbank_volunteers",
           "Boisé Marc": "woodworker_forum", "Café Bleu": "awareness_cafe"}
OTHERS = ("Banque Alimentaire", "Boisé Marc", "Café Bleu")


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def app_for(workspace: Path, *, client: str | None = None, present: bool = False,
            lang: str = "en") -> Any:
    from coach.store import Workspace

    env = Context.make(lang=lang, data_dir=workspace, bank_dir=bundled_bank_dir())
    return make_app(env, bank=BANK, workspace=Workspace.open(workspace),
                    client=client, present=present)


def seed(workspace: Path) -> dict[str, str]:
    ids = seed_clients(workspace, CLIENTS)
    from coach.store import Workspace

    ws = Workspace.open(workspace)
    answers = copy.deepcopy(persona("freelance_designer"))
    answers["profile"]["name"] = "Atelier Lune"
    answers["platforms"][0]["results_90d"]["referrals"] = 2
    ws.finish_assessment(ids["Atelier Lune"], answers, dict(plan_for(answers)))
    ws.set_notes(ids["Atelier Lune"], 1, "Talked about Banque Alimentaire's forum")
    return ids


def assert_alone(app: Any, where: str, seen: list[str]) -> None:
    text = all_text(app) + "\n" + widget_text(app)
    for other in OTHERS:
        # The presented client's own notes may quote anyone; they are the client's text.
        if other == "Banque Alimentaire":
            text = text.replace("Talked about Banque Alimentaire's forum", "")
        assert other not in text, f"{other!r} shown on {where}"
    seen.append(where)


async def test_presenter_mode_shows_no_other_client_anywhere(workspace: Path) -> None:
    seed(workspace)
    app = app_for(workspace, client="Atelier Lune", present=True)
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.nav.presenting and app.has_class("-presenter")
        assert app.theme == "coach-presenter"
        assert [type(s).__name__ for s in app.screen_stack] == ["Screen", "ClientScreen"]
        assert_alone(app, "client", seen)

        async def visit(keys: list[str], where: str, back: list[str]) -> None:
            for key in keys:
                await press(pilot, key)
            assert_alone(app, where, seen)
            for key in back:
                await press(pilot, key)

        await visit(["escape"], "client after escape (the list stays hidden)", [])
        assert type(app.screen).__name__ == "ClientScreen"
        await visit(["f1"], "help", ["escape"])
        await visit(["m"], "client with a mark", ["m"])
        await visit(["c"], "comparison", [])
        await visit(["a"], "comparison, all rows", ["f1", "escape", "escape"])
        await visit(["enter"], "past plan", [])
        await visit(["n"], "notes", ["escape"])
        await visit(["x"], "report prompt", ["escape", "escape"])
        await visit(["n"], "notes from the client page", ["escape"])
        await visit(["ctrl+p"], "palette on the client page", [])
        await type_text(pilot, "client")
        await settle(pilot)
        assert_alone(app, "palette searching 'client'", seen)
        await press(pilot, "escape")
        await visit(["f8"], "leave confirmation", ["escape"])
        # The follow-up, every step, its help and its palette.
        await press(pilot, "f")
        assert type(app.screen).__name__ == "AssessmentScreen"
        for n in range(1, 6):
            await visit([f"alt+{n}"], f"assessment step {n}", [])
            await visit(["f1"], f"help of step {n}", ["escape"])
        await visit(["ctrl+p"], "palette in the assessment", ["escape"])
        app.action_clients()                     # what the palette used to offer
        await settle(pilot)
        assert_alone(app, "after asking for the client list", seen)
        await press(pilot, "f2")
        assert type(app.screen).__name__ == "ClientScreen"
        assert "HomeScreen" not in [type(s).__name__ for s in app.screen_stack]
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert not any(t.startswith("Clients:") for t in titles)
        assert "Presenter: leave presenter mode" in titles
        assert len(seen) >= 20


async def test_leaving_presenter_mode_needs_the_typed_word(workspace: Path) -> None:
    seed(workspace)
    app = app_for(workspace, client="Atelier Lune", present=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "f8")
        assert type(app.screen).__name__ == "PromptScreen"
        await press(pilot, "y")
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "PromptScreen" and app.nav.presenting
        await press(pilot, "escape")
        assert app.nav.presenting
        await press(pilot, "f8")
        app.screen.query_one("#prompt-input", Input).value = "leave"
        await press(pilot, "enter")
        assert app.nav.presenting is None and not app.has_class("-presenter")
        assert [type(s).__name__ for s in app.screen_stack] == ["Screen", "HomeScreen",
                                                                 "ClientScreen"]
        await press(pilot, "escape")
        assert "Café Bleu" in widget_text(app)


async def test_presenter_toggle_from_the_client_page(workspace: Path) -> None:
    seed(workspace)
    app = app_for(workspace, client="Café Bleu")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert [type(s).__name__ for s in app.screen_stack] == ["Screen", "HomeScreen",
                                                                 "ClientScreen"]
        await press(pilot, "f8")
        assert app.nav.presenting and app.screen.name_shown == "Café Bleu"
        assert "HomeScreen" not in [type(s).__name__ for s in app.screen_stack]
        assert "Atelier Lune" not in all_text(app)


async def test_client_option_creates_after_confirmation(workspace: Path) -> None:
    seed(workspace)
    app = app_for(workspace, client="Nouvelle Cliente")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert "Nouvelle Cliente" in widget_text(app)
        await press(pilot, "y")
        assert type(app.screen).__name__ == "AssessmentScreen"
        assert app.screen.session.profile["name"] == "Nouvelle Cliente"
    from coach.store import Workspace

    assert Workspace.open(workspace).find_client("nouvelle cliente") is not None

    app = app_for(workspace, client="Personne")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "n")
    assert Workspace.open(workspace).find_client("Personne") is None


@pytest.mark.parametrize("args", [["--client", "X", "platforms"], ["--present"],
                                  ["--present", "platforms"], ["--client", " "]])
def test_client_and_present_are_usage_errors_elsewhere(args: list[str], capsys) -> None:
    from coach.cli.main import main

    assert main(args) == 2
    assert "--" in capsys.readouterr().err
