"""The week in the TUI: "Log results" and the gate bar on the client's page, "Add to my
calendar" on the plan, and a follow-up prefilled from the results log."""

from __future__ import annotations

import re
from pathlib import Path

import icalendar
import pytest
from textual.widgets import Input, Select

from coach.cli.main import main
from tests.tui_driver import new_app, press, seed_clients, settle, static_text, step

CLIENTS = {"Atelier Lune": "freelance_designer"}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


async def _client_page(pilot) -> None:
    await settle(pilot)
    app = pilot.app
    app.screen.query_one("#home-table").focus()
    await press(pilot, "enter")
    assert type(app.screen).__name__ == "ClientScreen"


async def test_log_results_in_the_tui_agrees_with_progress(
        workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed_clients(workspace, CLIENTS)
    # Three from the command line (one before the assessment: it does not count)...
    for args in (["--inquiries", "1"], ["--won", "1", "--date", "2026-11-22"],
                 ["--inquiries", "5", "--date", "2026-11-01"]):
        assert main(["log", "Atelier Lune", "--platform", "linkedin", *args]) == 0
    app = new_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await _client_page(pilot)
        gate = static_text(app.screen.query_one("#client-gate"))
        assert re.search(r"2 of 3 results, \d+ weeks left", gate), gate
        # ... and one from the form: the focus platform and its space preselected.
        await press(pilot, "l")
        form = app.screen
        assert type(form).__name__ == "LogResultsScreen"
        assert form.query_one("#log-platform", Select).value == "linkedin"
        assert form.query_one("#log-space", Input).value == "Entrepreneurs de la Mauricie"
        form.query_one("#log-inquiries", Input).value = "-2"
        await press(pilot, "enter")
        assert "whole number" in static_text(form.query_one("#log-error"))
        form.query_one("#log-inquiries", Input).value = "1"
        await press(pilot, "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ClientScreen"
        gate = static_text(app.screen.query_one("#client-gate"))
        assert "3 of 3 results, gate met" in gate
    capsys.readouterr()
    assert main(["progress", "Atelier Lune", "--format", "json"]) == 0
    import json

    progress = json.loads(capsys.readouterr().out)
    assert progress["gate"]["have"] == 3 and progress["gate"]["met"] is True
    assert progress["since"] == "2026-11-22" and len(progress["entries"]) == 3
    assert progress["entries"][-1]["space"] == "Entrepreneurs de la Mauricie"


async def test_add_to_my_calendar_from_a_past_plan(workspace: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    seed_clients(workspace, CLIENTS)
    monkeypatch.chdir(tmp_path)
    app = new_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await _client_page(pilot)
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "PastPlanScreen"
        await press(pilot, "k")
        assert type(app.screen).__name__ == "PromptScreen"
        await press(pilot, "enter")          # the default name, in the current folder
        await settle(pilot)
    [ics] = list(tmp_path.glob("*.ics"))
    assert oct(ics.stat().st_mode & 0o777) == "0o600"
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert any(e.walk("VALARM") for e in events)
    from coach.report.week import blocks_of
    from coach.store import Workspace

    ws = Workspace.open(workspace)
    [record] = ws.assessments(ws.require_client("Atelier Lune").id)
    assert sum("RRULE" in e for e in events) == len(blocks_of(record.plan)) >= 3


async def test_follow_up_after_logging_is_prefilled(workspace: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    seed_clients(workspace, CLIENTS)   # assessed on 2026-11-22
    monkeypatch.setenv("COACH_TODAY", "2027-02-21")   # the review: 91 days later
    assert main(["log", "Atelier Lune", "--platform", "linkedin", "--inquiries", "4",
                 "--won", "2", "--date", "2026-12-10"]) == 0
    assert main(["log", "Atelier Lune", "--platform", "linkedin", "--inquiries", "3",
                 "--date", "2027-02-01"]) == 0
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await _client_page(pilot)
        await press(pilot, "f")
        assert type(app.screen).__name__ == "AssessmentScreen" and step(app) == "plan"
        platforms = app.screen.session.platforms
        linkedin = next(p for p in platforms if p["id"] == "linkedin")
        instagram = next(p for p in platforms if p["id"] == "instagram")
        assert linkedin["results_90d"]["inquiries"] == 7 and linkedin["results_90d"]["won"] == 2
        assert linkedin["results_90d"]["site_visits"] == 40        # not logged: kept
        assert instagram["results_90d"]["inquiries"] == 0
        # Beside the field: where the figure came from.
        box = app.screen.query_one("#plan-platforms")
        box.focus()
        box.highlighted = box.get_option_index("linkedin")
        await press(pilot, "enter")
        await settle(pilot)
        assert step(app) == "platform"
        field = app.screen.query_one("#q-inquiries")
        assert "From your results log" in static_text(field.query_one(".q-help"))


async def test_no_prefill_when_the_log_is_younger_than_90_days(workspace: Path) -> None:
    seed_clients(workspace, CLIENTS)
    assert main(["log", "Atelier Lune", "--platform", "linkedin", "--inquiries", "9"]) == 0
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await _client_page(pilot)
        await press(pilot, "f")
        linkedin = next(p for p in app.screen.session.platforms if p["id"] == "linkedin")
        assert linkedin["results_90d"]["inquiries"] == 3      # the last answers, as they were


async def test_add_to_my_calendar_on_the_plan(workspace: Path, tmp_path: Path) -> None:
    seed_clients(workspace, CLIENTS)
    target = tmp_path / "week.ics"
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await _client_page(pilot)
        await press(pilot, "f")
        assert step(app) == "plan"
        app.screen.query_one("#plan-calendar").press()
        await settle(pilot)
        prompt = app.screen
        assert type(prompt).__name__ == "PromptScreen"
        prompt.query_one("#prompt-input", Input).value = str(tmp_path / "week.txt")
        await press(pilot, "enter")
        assert ".ics" in static_text(prompt.query_one("#prompt-error"))   # asked again
        prompt.query_one("#prompt-input", Input).value = str(target)
        await press(pilot, "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "AssessmentScreen"
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    assert any("Entrepreneurs de la Mauricie" in str(e["DESCRIPTION"]) for e in cal.walk("VEVENT"))
