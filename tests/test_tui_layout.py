"""The TUI arranged as it is used: layers that hold, and screens that offer their own
commands in the palette.

Inside coach/tui: app > navigator (and drafts) > screens > widgets > the rest (i18n,
bindings, session, preview, themes, text). A screen reaches the navigator through the
`Navigation` protocol of its Desk, never by import; nothing imports coach.cli.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.tui_driver import new_app, press, seed_clients, settle, step

TUI = Path(__file__).resolve().parent.parent / "coach" / "tui"
CLIENTS = {"Atelier Lune": "freelance_designer", "Banque Alimentaire": "foodbank_volunteers"}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def _tui_imports() -> dict[str, set[str]]:
    """coach.tui module -> every coach module it imports (deferred and TYPE_CHECKING too)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(TUI.rglob("*.py")):
        parts = path.relative_to(TUI.parent.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = module if parts[-1] == "__init__" else module.rsplit(".", 1)[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                    + ([base] if base else []))
                found.add(base)
                found |= {f"{base}.{a.name}" for a in node.names}
        graph[module] = {m for m in found if m.startswith("coach.")}
    modules = set(graph)
    return {m: {i for i in imports if i in modules or not i.startswith("coach.tui")}
            for m, imports in graph.items()}




def test_tui_modules_import_each_other_without_a_cycle_and_downwards_only() -> None:
    """app > navigator > screens > widgets > the rest (i18n, bindings, session...):
    a screen never imports the navigator or the app, a widget never imports a screen."""
    graph = {m: {i for i in imports if i.startswith("coach.tui")}
             for m, imports in _tui_imports().items()}
    rank = {"coach.tui.app": 4, "coach.tui.navigator": 3, "coach.tui.drafts": 3}

    def level(module: str) -> int:
        if module in rank:
            return rank[module]
        if module.startswith("coach.tui.screens"):
            return 2
        if module.startswith("coach.tui.widgets"):
            return 1
        return 0

    upwards = [f"{m} -> {i}" for m, imports in graph.items() for i in imports
               if level(i) > level(m)]
    assert not upwards
    # Depth-first search for a cycle (within a level: screens opening other screens).
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(module: str, path: list[str]) -> bool:
        state[module] = 1
        for other in sorted(graph.get(module, ())):
            if state.get(other) == 1:
                cycle.extend([*path[path.index(other):], other] if other in path
                             else [*path, other])
                return True
            if other not in state and visit(other, [*path, other]):
                return True
        state[module] = 2
        return False

    for module in sorted(graph):
        if module not in state and visit(module, [module]):
            break
    assert not cycle, " -> ".join(cycle)




def test_the_tui_imports_no_cli() -> None:
    found = [f"{m} imports {i}" for m, imports in _tui_imports().items() for i in imports
             if i == "coach.cli" or i.startswith("coach.cli.")]
    assert not found


def test_the_workspace_is_typed_not_duck_typed() -> None:
    """No `Any` workspace and no getattr() on it: screens call the Workspace's methods."""
    found = []
    for path in sorted(TUI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for n, line in enumerate(text.splitlines(), start=1):
            if re.search(r"workspace: Any|getattr\((self\.)?(workspace|ws|coach)\b", line):
                found.append(f"{path.relative_to(TUI)}:{n}: {line.strip()}")
    assert not found


def titles(app) -> list[str]:
    return [c.title for c in app.get_system_commands(app.screen)]


async def run_command(pilot, title: str) -> None:
    """As the palette does: the command's callback, called (and awaited) later."""
    app = pilot.app
    command = next(c for c in app.get_system_commands(app.screen) if c.title == title)
    app.call_later(command.callback)
    await settle(pilot)


async def test_each_screen_offers_its_own_commands(workspace: Path) -> None:
    ids = seed_clients(workspace, CLIENTS)
    from coach.store import Workspace
    from tests.tui_driver import persona, plan_for

    ws = Workspace.open(workspace)
    answers = persona("freelance_designer")
    answers["profile"]["name"] = "Atelier Lune"
    ws.finish_assessment(ids["Atelier Lune"], answers, dict(plan_for(answers)))
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        home = titles(app)
        assert {"Clients: new client", "Clients: import a client",
                "Clients: export the highlighted client"} <= set(home)
        await run_command(pilot, "Clients: new client")
        assert type(app.screen).__name__ == "PromptScreen"
        await press(pilot, "escape")
        table = app.screen.query_one("#home-table", DataTable)
        table.focus()
        table.move_cursor(row=[str(table.get_row_at(i)[0]) for i in range(table.row_count)]
                          .index("Atelier Lune"))
        await press(pilot, "enter")
        client = titles(app)
        assert {"Client: start a follow-up", "Client: edit the session notes",
                "Client: compare two assessments"} <= set(client)
        assert not set(client) & {"Clients: new client", "Clients: import a client"}
        await run_command(pilot, "Client: compare two assessments")
        assert type(app.screen).__name__ == "ComparisonScreen"
        assert "Comparison: every row" in titles(app)
        await run_command(pilot, "Comparison: every row")
        assert app.screen.show_all and "Comparison: only what changed" in titles(app)
        await press(pilot, "escape")
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "PastPlanScreen"
        assert "Client: write this plan's report" in titles(app)
        await run_command(pilot, "Client: write this plan's report")
        assert type(app.screen).__name__ == "PromptScreen"
        await press(pilot, "escape", "escape")
        await run_command(pilot, "Client: start a follow-up")
        assert step(app) == "plan"
        assessment = titles(app)
        assert "Go to: time" in assessment and "Go to: plan" not in assessment
        assert "Client: history and follow-ups" in assessment
        await run_command(pilot, "Go to: time")
        assert step(app) == "time"
        # What holds everywhere is offered everywhere, once.
        for shown in (home, client, assessment):
            assert shown.count("Help: this screen") == 1 and shown[-1] == "App: quit"
            assert all(": " in t for t in shown)


async def test_palette_titles_speak_french_with_french_typography(workspace: Path) -> None:
    seed_clients(workspace, CLIENTS, lang="fr")
    app = new_app(workspace, "fr")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        home = titles(app)
        app.screen.query_one("#home-table", DataTable).focus()
        await press(pilot, "enter")
        client = titles(app)
        await press(pilot, "enter")
        past = titles(app)
    for title in home + client + past:
        category, _sep, action = title.partition(":")
        assert category.endswith("\u00a0") and action, title
    assert "Clients\u00a0: nouveau client" in home


@pytest.mark.parametrize("lang", ["en", "fr-CA", "fr-FR"])
async def test_the_plans_buttons_show_their_whole_label_at_80x24(workspace: Path,
                                                                 lang: str) -> None:
    """Two a row, each half the width. (The cut this guards against, "Enregistrer cette
    évaluation" shown as "Enregistrer cette", was seen in a real terminal under tmux; this
    headless run lays the old columns out whole too, so it guards the labels, and the tmux
    check is what showed the fix.)"""
    import copy

    from textual.widgets import Button

    from coach.store import Workspace
    from tests.test_tui_snapshots import LUNE

    ws = Workspace.open(workspace)
    client = ws.create_client("Atelier Lune")
    ws.set_setting("role", "freelancer")
    ws.set_setting("tui.client", client)
    ws.set_setting("lang", lang)
    ws.save_draft(client, copy.deepcopy(LUNE), {"step": "plan"})
    app = new_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert step(app) == "plan"
        buttons = list(app.screen.query(".plan-actions Button").results(Button))
        assert len(buttons) >= 4
        for button in buttons:
            label = str(button.label)
            assert button.content_region.width >= len(label), (label, button.size)
            assert button.content_region.height == 1
