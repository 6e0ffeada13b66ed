"""Home: the client table and its actions (new, open, rename, delete, export, import)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from tests.tui_driver import new_app, press, seed_clients, settle, type_text

CLIENTS = {"Atelier Lune": "freelance_designer", "Banque Alimentaire": "foodbank_volunteers",
           "Boisé Marc": "woodworker_forum"}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def table_names(app) -> list[str]:
    table = app.screen.query_one("#home-table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def select(app, name: str) -> None:
    table = app.screen.query_one("#home-table", DataTable)
    table.focus()
    table.move_cursor(row=table_names(app).index(name))


def store(workspace: Path):
    from coach.store import Workspace

    return Workspace.open(workspace)


async def test_home_lists_clients_with_their_summary_and_opens_one(workspace: Path) -> None:
    seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        table = app.screen.query_one("#home-table", DataTable)
        assert sorted(table_names(app)) == sorted(CLIENTS)
        row = [str(c) for c in table.get_row_at(table_names(app).index("Atelier Lune"))]
        assert row[1] == "2026-11-22"
        assert row[2].startswith("LinkedIn")
        lune = next(c for c in store(workspace).list_clients() if c.name == "Atelier Lune")
        assert lune.professional_hours is not None and lune.budget_hours is not None
        assert lune.professional_hours > lune.budget_hours
        # professional hours over the budget, as the index holds them
        assert row[3] == f"{lune.professional_hours:g} / {lune.budget_hours:g} h ▲"
        assert int(row[4]) >= 1                   # open warnings
        # Name and focus columns share the width the terminal gives.
        before = table.columns["focus"].width, table.columns["name"].width
        await pilot.resize_terminal(140, 30)
        await settle(pilot)
        after = table.columns["focus"].width, table.columns["name"].width
        assert sum(after) == sum(before) + 40 and after[0] > before[0]
        assert sorted(table_names(app)) == sorted(CLIENTS)
        select(app, "Boisé Marc")
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "ClientScreen"
        assert app.screen.name_shown == "Boisé Marc"


async def test_search_filters_in_memory(workspace: Path) -> None:
    seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "boise")          # accents and case ignored
        await pilot.pause(0.3)                   # the search waits for a pause in typing
        assert table_names(app) == ["Boisé Marc"]
        await press(pilot, "enter")              # back to the table
        await press(pilot, "enter")
        assert app.screen.name_shown == "Boisé Marc"


async def test_new_client_starts_its_first_assessment(workspace: Path) -> None:
    seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "n")
        assert type(app.screen).__name__ == "PromptScreen"
        await type_text(pilot, "Atelier Lune")
        await press(pilot, "enter")               # a name in use is refused, in the modal
        assert type(app.screen).__name__ == "PromptScreen"
        assert "already exists" in str(app.screen.query_one("#prompt-error").render())
        app.screen.query_one("#prompt-input", Input).value = "Café Bleu"
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "AssessmentScreen"
        assert app.screen.session.profile["name"] == "Café Bleu"
        assert [type(s).__name__ for s in app.screen_stack][-3:] == [
            "HomeScreen", "ClientScreen", "AssessmentScreen"]
    assert store(workspace).find_client("Café Bleu") is not None


async def test_rename(workspace: Path) -> None:
    ids = seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        select(app, "Boisé Marc")
        await press(pilot, "r")
        field = app.screen.query_one("#prompt-input", Input)
        assert field.value == "Boisé Marc"
        field.value = "Ébénisterie Marc"
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "HomeScreen"
        assert "Ébénisterie Marc" in table_names(app)
        # Names are text, never markup: brackets show as typed, on home and client page.
        await press(pilot, "r")
        app.screen.query_one("#prompt-input", Input).value = "[bold]Marc[/] & co"
        await press(pilot, "enter")
        assert "[bold]Marc[/] & co" in table_names(app)
        await press(pilot, "enter")
        assert str(app.screen.query_one("#client-name").render()) == "[bold]Marc[/] & co"
    assert store(workspace).client(ids["Boisé Marc"]).name == "[bold]Marc[/] & co"


async def test_delete_needs_the_name_typed(workspace: Path) -> None:
    ids = seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        select(app, "Banque Alimentaire")
        await press(pilot, "d")
        assert type(app.screen).__name__ == "PromptScreen"
        await type_text(pilot, "Banque")
        await press(pilot, "enter")               # not the whole name: refused
        assert type(app.screen).__name__ == "PromptScreen"
        assert "Type exactly" in str(app.screen.query_one("#prompt-error").render())
        assert store(workspace).find_client("Banque Alimentaire") is not None
        await type_text(pilot, " Alimentaire")
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "HomeScreen"
        assert "Banque Alimentaire" not in table_names(app)
    assert store(workspace).find_client("Banque Alimentaire") is None
    assert not list((workspace / "clients").glob(f"{ids['Banque Alimentaire']}*"))


async def test_export_then_import_with_replace(workspace: Path, tmp_path: Path) -> None:
    seed_clients(workspace, CLIENTS)
    target = tmp_path / "lune.json"
    app = new_app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        select(app, "Atelier Lune")
        await press(pilot, "e")
        app.screen.query_one("#prompt-input", Input).value = str(target)
        await press(pilot, "enter")
        assert target.is_file()
        exported = json.loads(target.read_text(encoding="utf-8"))
        assert exported["client"]["name"] == "Atelier Lune"
        assert len(exported["assessments"]) == 1

        # The same client again: asks before replacing, then replaces.
        exported["assessments"][0]["notes"] = "from the file"
        target.write_text(json.dumps(exported), encoding="utf-8")
        await press(pilot, "i")
        app.screen.query_one("#prompt-input", Input).value = str(target)
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "ConfirmScreen"
        await press(pilot, "y")
        assert type(app.screen).__name__ == "HomeScreen"

        # Under a new name: a new client.
        exported["client"]["name"] = "Lune Deux"
        target.write_text(json.dumps(exported), encoding="utf-8")
        await press(pilot, "i")
        app.screen.query_one("#prompt-input", Input).value = str(target)
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "HomeScreen"
        assert "Lune Deux" in table_names(app)
    ws = store(workspace)
    lune = ws.require_client("Atelier Lune")
    assert ws.assessments(lune.id)[0].notes == "from the file"
    assert ws.find_client("Lune Deux") is not None


async def test_import_of_a_broken_file_says_why(workspace: Path, tmp_path: Path) -> None:
    seed_clients(workspace, {"Atelier Lune": "freelance_designer"})
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    app = new_app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "i")
        app.screen.query_one("#prompt-input", Input).value = str(bad)
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "MessageScreen"
        assert "not valid JSON" in str(app.screen.query_one("#message-text").render())


async def test_home_with_1000_clients_opens_and_filters(workspace: Path) -> None:
    from tests.tui_driver import many_clients

    many_clients(workspace, 1000)
    app = new_app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        from coach.tui.screens.home import MAX_ROWS

        table = app.screen.query_one("#home-table", DataTable)
        # The most recent ones are listed; the search reaches all the others.
        assert table.row_count == MAX_ROWS
        assert "of 1000 clients" in str(app.screen.query_one("#home-count").render())
        await press(pilot, "slash")
        await type_text(pilot, "client 0421")
        await pilot.pause(0.3)
        assert table_names(app) == ["Client 0421"]
        app.screen.query_one("#home-search", Input).value = "client 04"
        await pilot.pause(0.3)
        assert table.row_count == sum("04" in f"{i:04d}" for i in range(1000))
        app.screen.query_one("#home-search", Input).value = "0999"
        await pilot.pause(0.3)
        assert table_names(app) == ["Client 0999"]
        app.screen.query_one("#home-search", Input).value = ""
        await pilot.pause(0.3)
        assert table.row_count == MAX_ROWS
