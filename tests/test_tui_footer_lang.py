"""Every key binding in the footer speaks French when coach does.

The footer is read from the screen itself (its FooterKey widgets), on every screen a
consultant reaches, both when the app starts in French and after switching to
French from the palette.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widgets import DataTable

from coach.i18n import translator
from tests.tui_driver import new_app, press, seed_clients, settle

CLIENTS = {"Atelier Lune": "freelance_designer"}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def english_descriptions() -> set[str]:
    """Descriptions of every coach binding whose French differs from its English."""
    import coach.tui.app
    import coach.tui.screens.assessment
    import coach.tui.screens.client
    import coach.tui.screens.comparison
    import coach.tui.screens.home
    import coach.tui.screens.pastplan
    import coach.tui.screens.welcome

    fr = translator("fr", "tui")
    found = set()
    for module in (coach.tui.app, coach.tui.screens.assessment, coach.tui.screens.client,
                   coach.tui.screens.comparison, coach.tui.screens.home,
                   coach.tui.screens.pastplan, coach.tui.screens.welcome):
        for value in vars(module).values():
            for item in getattr(value, "BINDINGS", None) or []:
                if isinstance(item, Binding) and item.description and \
                        fr.gettext(item.description) != item.description:
                    found.add(item.description)
    assert {"Present", "Client page", "Help", "Follow-up"} <= found
    return found


def footer(app) -> list[str]:
    from textual.widgets._footer import FooterKey

    return [key.description for key in app.screen.query(FooterKey)]


async def walk(pilot) -> dict[str, list[str]]:
    """Footer descriptions on home, client page, past plan, comparison, assessment."""
    app = pilot.app
    seen = {}
    await settle(pilot)
    seen["home"] = footer(app)
    table = app.screen.query_one("#home-table", DataTable)
    table.focus()
    await press(pilot, "enter")
    seen["client"] = footer(app)
    await press(pilot, "enter")
    seen["past plan"] = footer(app)
    await press(pilot, "escape")
    await press(pilot, "c")
    seen["comparison"] = footer(app)
    await press(pilot, "escape")
    await press(pilot, "f")
    for key in ("alt+1", "alt+2", "alt+3", "alt+4", "alt+5"):
        await press(pilot, key)
        seen[f"assessment {key}"] = footer(app)
    await press(pilot, "f8")
    seen["presenting"] = footer(app)
    return seen


def english_left(seen: dict[str, list[str]]) -> list[str]:
    english = english_descriptions()
    return [f"{where}: {d}" for where, shown in seen.items() for d in shown if d in english]


async def test_footer_in_french_from_the_start(workspace: Path) -> None:
    seed_clients(workspace, {**CLIENTS, "Banque": "foodbank_volunteers"}, lang="fr")
    app = new_app(workspace, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        seen = await walk(pilot)
    assert all(seen.values())
    assert not english_left(seen)


async def test_footer_in_french_from_a_workspace_setting(workspace: Path) -> None:
    """Started in English (no --lang), the workspace's French takes over."""
    seed_clients(workspace, {**CLIENTS, "Banque": "foodbank_volunteers"}, lang="fr")
    app = new_app(workspace, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        seen = await walk(pilot)
    assert not english_left(seen)


async def test_footer_in_french_after_switching_on_each_screen(workspace: Path) -> None:
    seed_clients(workspace, {**CLIENTS, "Banque": "foodbank_volunteers"}, lang="en")
    app = new_app(workspace, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await app.run_action("set_language('fr')")
        await settle(pilot)
        client = footer(app)
        await press(pilot, "f")
        await app.run_action("set_language('en')")
        await settle(pilot)
        await app.run_action("set_language('fr')")
        await settle(pilot)
        assessment = footer(app)
        await press(pilot, "f2")
        back = footer(app)
    assert not english_left({"client": client, "assessment": assessment, "client again": back})


async def test_modal_and_field_bindings_speak_french(workspace: Path) -> None:
    """Hidden bindings too (Textual's key panel lists them): confirmations, prompts,
    notes, help and the ranked list. Built inside a French app: TUI text has no
    language outside a running app."""
    from coach.tui.screens.confirm import ConfirmScreen, MessageScreen
    from coach.tui.screens.help import HelpScreen
    from coach.tui.screens.notes import NotesScreen
    from coach.tui.screens.prompt import PromptScreen
    from coach.tui.widgets.fields import RankedList

    async with new_app(workspace, "fr").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        nodes = [ConfirmScreen("?"), MessageScreen("t", []), HelpScreen("welcome", "fr"),
                 NotesScreen("t", ""), PromptScreen("t", "q"), RankedList()]
        shown = {type(n).__name__: [b.description for bs in n._bindings.key_to_bindings.values()
                                    for b in bs] for n in nodes}
    fr = translator("fr", "tui")
    left = [f"{where}: {d}" for where, ds in shown.items() for d in ds
            if d and fr.gettext(d) != d]
    assert not left
    assert "Oui" in shown["ConfirmScreen"] and "Choisir" in shown["RankedList"]
